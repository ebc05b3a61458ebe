"""Strings of the Choosing page's "beyond Adam" view and the guide's newer rules
(English and Chinese, same keys; no key is also in ui/text/choosing.py)."""

P = "choosing."

_EN = {
    "opt.adamw": "AdamW", "opt.adafactor": "Adafactor", "opt.lion": "Lion",
    "opt.muon": "Muon (+ AdamW)", "opt.schedule_free_adamw": "Schedule-Free AdamW",
    "view.beyond": "5 · Beyond Adam",
    # the guide's questions and rules
    "q.memory": "Memory for the optimizer's state is tight",
    "q.memory_help": "Adam and AdamW keep two numbers per weight (m and v) beside the "
                     "weight itself.",
    "q.matrices": "The model's weights are matrices (hidden layers)",
    "q.matrices_help": "Muon steps whole weight matrices; biases and other vectors go to AdamW.",
    "q.horizon": "You do not know how long you will train, or cannot tune a schedule",
    "q.horizon_help": "A decaying schedule such as cosine needs the run's length in advance.",
    "q.decay": "You use weight decay",
    "q.decay_help": "λ·x pulls every weight towards 0. In Adam it can enter the gradient (L2) "
                    "or be applied apart from it (AdamW).",
    "guide.rule.memory_adafactor": "Tight memory → Adafactor: a factored second moment, "
                                   "m + n numbers for an m × n matrix.",
    "guide.rule.memory_lion": "Tight memory → Lion: one momentum buffer instead of Adam's two, "
                              "and steps of size exactly η.",
    "guide.rule.matrices": "Weight matrices → Muon on them (AdamW on the rest): "
                           "orthogonalised steps.",
    "guide.rule.horizon": "Unknown run length → Schedule-Free AdamW: a constant rate, no "
                          "schedule to plan.",
    "guide.rule.decay": "Weight decay → AdamW: the decay is kept apart from the gradient's "
                        "scaling.",
    "guide.exp.beyond_adamw": "beyond Adam · AdamW's weight decay",
    "guide.exp.beyond_adafactor": "beyond Adam · Adafactor's memory",
    "guide.exp.beyond_lion": "beyond Adam · Lion's sign steps",
    "guide.exp.beyond_muon": "beyond Adam · Muon on the weight matrix",
    "guide.exp.beyond_schedule_free": "beyond Adam · Schedule-Free vs a cosine schedule",
    # verdicts
    "guide.verdict.memory_adafactor.yes": (
        "Backed: Adafactor keeps {big_ada:,} numbers for a 1024 × 1024 layer against AdamW's "
        "{big_adamw:,}, and on the network, each at its tuned rate (Adafactor η = {lr}, AdamW "
        "η = {adamw_lr}), it ended at loss {loss} against AdamW's {adamw_loss} ({ratio}×, "
        "under the {win}× a win needs)."),
    "guide.verdict.memory_adafactor.no": (
        "Not backed here: the memory saving is real ({big_ada:,} numbers for a 1024 × 1024 "
        "layer against AdamW's {big_adamw:,}), but on the network, each at its tuned rate "
        "(Adafactor η = {lr}, AdamW η = {adamw_lr}), Adafactor ended at loss {loss} against "
        "AdamW's {adamw_loss}: {ratio}× higher, a win for AdamW (at least {win}×)."),
    "guide.verdict.memory_lion.yes_advised": (
        "Backed: Lion keeps half of AdamW's state ({lion_floats:,} against {adamw_floats:,} "
        "numbers for a 1024 × 1024 layer) and, each at its tuned rate, ended at loss {loss} "
        "against AdamW's {adamw_loss} ({ratio}×, under the {win}× a win needs). AdamW's tuned "
        "rate ÷ Lion's = {adamw_lr} ÷ {lr} = {rate_ratio}, inside the {lo}–{hi}× that the "
        "lion-pytorch package recommends."),
    "guide.verdict.memory_lion.yes_not_advised": (
        "Backed: Lion keeps half of AdamW's state ({lion_floats:,} against {adamw_floats:,} "
        "numbers for a 1024 × 1024 layer) and, each at its tuned rate, ended at loss {loss} "
        "against AdamW's {adamw_loss} ({ratio}×, under the {win}× a win needs). But AdamW's "
        "tuned rate ÷ Lion's = {adamw_lr} ÷ {lr} = {rate_ratio}, outside the {lo}–{hi}× that "
        "the lion-pytorch package recommends."),
    "guide.verdict.memory_lion.no_advised": (
        "Not backed here: Lion keeps half of AdamW's state ({lion_floats:,} against "
        "{adamw_floats:,} numbers for a 1024 × 1024 layer), but each at its tuned rate it "
        "ended at loss {loss} against AdamW's {adamw_loss}: {ratio}× higher, a win for AdamW "
        "(at least {win}×). AdamW's tuned rate ÷ Lion's = {adamw_lr} ÷ {lr} = {rate_ratio}, "
        "inside the recommended {lo}–{hi}×."),
    "guide.verdict.memory_lion.no_not_advised": (
        "Not backed here: Lion keeps half of AdamW's state ({lion_floats:,} against "
        "{adamw_floats:,} numbers for a 1024 × 1024 layer), but each at its tuned rate it "
        "ended at loss {loss} against AdamW's {adamw_loss}: {ratio}× higher, a win for AdamW "
        "(at least {win}×). AdamW's tuned rate ÷ Lion's = {adamw_lr} ÷ {lr} = {rate_ratio}, "
        "outside the recommended {lo}–{hi}×."),
    "guide.verdict.matrices.yes": (
        "Backed: each at its tuned rate (Muon on W₁ η = {lr} with AdamW on the rest; AdamW "
        "alone η = {adamw_lr}), Muon + AdamW ended at loss {loss} against AdamW's "
        "{adamw_loss} ({ratio}×)."),
    "guide.verdict.matrices.no": (
        "Not backed here: each at its tuned rate (Muon on W₁ η = {lr} with AdamW on the "
        "rest; AdamW alone η = {adamw_lr}), Muon + AdamW ended at loss {loss} against AdamW's "
        "{adamw_loss}: {ratio}× higher. This network's only weight matrix, W₁, has two "
        "input columns; Muon is meant for the large hidden matrices of deeper networks, "
        "which this one does not have."),
    "guide.verdict.horizon.yes_beats_both": (
        "Backed: after {steps} mini-batch steps Schedule-Free AdamW ended at loss {sf} "
        "(η = {sf_lr}), below both AdamW with the tuned cosine schedule, {cosine} "
        "(η = {cosine_lr}), and AdamW at a constant rate, {constant} (η = {constant_lr}): "
        "{ratio}× the better of them, with no schedule and no run length to set."),
    "guide.verdict.horizon.yes_behind_cosine": (
        "Backed: after {steps} mini-batch steps Schedule-Free AdamW ended at loss {sf} "
        "(η = {sf_lr}), close to AdamW with the tuned cosine schedule, {cosine} "
        "(η = {cosine_lr}): {ratio}×, under the {win}× a win needs, with no schedule to "
        "set. AdamW at a constant rate: {constant} (η = {constant_lr})."),
    "guide.verdict.horizon.yes_behind_constant": (
        "Backed: after {steps} mini-batch steps Schedule-Free AdamW ended at loss {sf} "
        "(η = {sf_lr}), close to AdamW at a constant rate, {constant} (η = {constant_lr}), "
        "which beat the tuned cosine schedule here ({cosine}, η = {cosine_lr}): {ratio}×, "
        "under the {win}× a win needs."),
    "guide.verdict.horizon.no_behind_cosine": (
        "Not backed here: after {steps} mini-batch steps AdamW with the tuned cosine "
        "schedule ended at loss {cosine} (η = {cosine_lr}) and Schedule-Free AdamW at {sf} "
        "(η = {sf_lr}): {ratio}× higher, a win for the schedule (at least {win}×). AdamW at "
        "a constant rate: {constant} (η = {constant_lr})."),
    "guide.verdict.horizon.no_behind_constant": (
        "Not backed here: after {steps} mini-batch steps AdamW at a constant rate ended at "
        "loss {constant} (η = {constant_lr}) and Schedule-Free AdamW at {sf} (η = {sf_lr}): "
        "{ratio}× higher, a win for plain AdamW (at least {win}×). Cosine: {cosine} "
        "(η = {cosine_lr})."),
    "guide.verdict.decay.yes": (
        "Backed: at η = {lr} and λ = {wd}, AdamW decayed every weight at the same measured "
        "rate ηλ = {eta_lambda} per step, while Adam + L2's rates ηλ/(√v̂ᵢ + ε) ranged from "
        "{lo} to {hi} ({spread}×, at least the {win}× this guide counts as a difference), "
        "their median {times}× AdamW's. In Adam with L2, one λ does not mean one decay "
        "rate; AdamW's decoupled decay does."),
    "guide.verdict.decay.no": (
        "Not backed here: at η = {lr} and λ = {wd}, Adam + L2's rates ηλ/(√v̂ᵢ + ε) ranged "
        "only from {lo} to {hi} ({spread}×, under the {win}× this guide counts as a "
        "difference), against AdamW's single ηλ = {eta_lambda}."),
    # the view
    "beyond.head": "Beyond Adam",
    "beyond.intro": (
        "The article stops at Adam. Newer rules are chosen for other reasons: less memory, "
        "steps of a fixed size, steps shaped for weight matrices, no schedule to plan, or a "
        "cleaner weight decay. Each part below tests one of the decision guide's rules on "
        "the app's network ({n_points} two-moons points, {hidden} tanh units, {params} "
        "weights), every rule from the same start at its own best of {n} learning rates "
        "from {lo} to {hi}, {steps} steps, other settings at their library defaults."),
    "beyond.part": "Part",
    "beyond.part.adamw": "AdamW · weight decay",
    "beyond.part.adafactor": "Adafactor · memory",
    "beyond.part.lion": "Lion · sign steps",
    "beyond.part.muon": "Muon · matrices",
    "beyond.part.schedule_free": "Schedule-Free · no schedule",
    "beyond.run": "{name} (η = {lr})",
    "beyond.name.adamw": "AdamW", "beyond.name.adam_l2": "Adam + L2",
    "beyond.name.adafactor": "Adafactor", "beyond.name.lion": "Lion",
    "beyond.name.muon": "Muon + AdamW", "beyond.name.adamw_cosine": "AdamW, cosine",
    "beyond.name.schedule_free": "Schedule-Free AdamW",
    "beyond.axis.loss": "loss (cross-entropy)",
    "beyond.axis.weight_rank": "weight, largest rate first",
    "beyond.axis.decay": "decay rate per step",
    "beyond.axis.percentile": "percentile of all step entries",
    "beyond.axis.step_size": "|u| / η",
    "beyond.axis.balance": "σ_min / σ_max of the W₁ step",
    "beyond.adamw.story": (
        "AdamW and Adam + L2 at η = {lr}, λ = {wd}, {steps} full-batch steps. **Measured:** "
        "in AdamW's last step the decay moved each of the {n} weights by exactly "
        "−ηλ·x = −{eta_lambda}·x (the flat line): one rate for all. Adam + L2 adds λx to the "
        "gradient, and the division by √v̂ + ε makes the decay's coefficient on x the rate "
        "ηλ/(√v̂ᵢ + ε) (with v̂ held fixed). "
        "From the run's own v̂ after {steps} steps these rates run from {lo} to {hi} (median "
        "{median}): a {spread}× spread, the median {times}× AdamW's ηλ. The weights whose "
        "(g + λx)² has been small get the largest rates."),
    "beyond.memory.shape": "{m} × {n} ({params} weights)",
    "beyond.memory.cell": "{floats} ({share}× the weights)",
    "beyond.memory.muon": "Muon (its matrix state)",
    "beyond.adafactor.memory_intro": (
        "Numbers each rule keeps for one weight matrix, counted in its real state: the "
        "arrays its update writes (the step counter is not counted). Adafactor on its "
        "factored path."),
    "beyond.adafactor.story": (
        "For the network's W₁ Adafactor keeps {w1_ada} numbers and AdamW {w1_adamw}; for a "
        "1024 × 1024 layer {big_ada} against {big_adamw}, {saving}× fewer. Adafactor stores "
        "one mean of g² per row and one per column (m + n numbers) instead of AdamW's m and "
        "v for every weight (2mn)."),
    "beyond.lion.story": (
        "**Measured** over all {count} step entries ({steps} steps × {weights} weights): "
        "every Lion step has size exactly η (the largest deviation of |u|/η from 1 is "
        "{deviation}; {exact} of the entries equal η). AdamW's steps differ per coordinate: "
        "|u|/η is {p5} at the 5th percentile, {p50} at the median and {p95} at the 95th. "
        "Lion keeps one buffer, m: {lion_floats} numbers for a 1024 × 1024 layer against "
        "AdamW's {adamw_floats}."),
    "beyond.muon.story": (
        "Muon sees W₁ as torch stores it, a {hidden} × 2 matrix, so each of its steps has two "
        "singular values. **Measured** over the run: Muon's orthogonalised step O_t had "
        "singular values from {lo} to {hi}, inside the band 0.68–1.21 where five quintic "
        "Newton–Schulz steps put every singular value that starts at 0.0015 of the "
        "Frobenius norm or more (the smallest start here: {start_lo}). The chart shows "
        "σ_min/σ_max of each W₁ step: median {muon_balance} for Muon and {adamw_balance} "
        "for AdamW, whose most lopsided step had {adamw_worst}. Steps with a ratio under "
        "{spread}: Muon {muon_lopsided}, AdamW {adamw_lopsided}."),
    "beyond.sf.intro": (
        "Here the network trains on mini-batches of {batch} points (the same batches for "
        "every run) for {steps} steps. Three contenders, each at its tuned base rate: AdamW at "
        "a constant rate; AdamW under a cosine schedule that takes η to 0 over the {steps} "
        "steps (torch's CosineAnnealingLR, which must be told the run's length); and "
        "Schedule-Free AdamW at a constant rate, its loss measured at its averaged point "
        "x_t, the point it reports."),
    "beyond.sf.story": (
        "Half way, at step {half}, the losses were: Schedule-Free {sf_half}, cosine "
        "{cosine_half}, constant {constant_half}. At that step the cosine's rate is half its "
        "base rate: a run stopped there would not have had its decay."),
}

_ZH = {
    "opt.adamw": "AdamW", "opt.adafactor": "Adafactor", "opt.lion": "Lion",
    "opt.muon": "Muon（+ AdamW）", "opt.schedule_free_adamw": "Schedule-Free AdamW",
    "view.beyond": "5 · Adam 之后",
    "q.memory": "优化器状态的内存很紧张",
    "q.memory_help": "Adam 和 AdamW 在每个权重旁边还要存两个数（m 和 v）。",
    "q.matrices": "模型的权重是矩阵（隐藏层）",
    "q.matrices_help": "Muon 对整个权重矩阵做更新；偏置等向量交给 AdamW。",
    "q.horizon": "不知道要训练多久，或者没法调学习率调度",
    "q.horizon_help": "余弦这类衰减调度需要事先知道训练的总步数。",
    "q.decay": "使用权重衰减",
    "q.decay_help": "λ·x 把每个权重拉向 0。在 Adam 中它可以加进梯度（L2），也可以与梯度分开施加（AdamW）。",
    "guide.rule.memory_adafactor": "内存紧张 → Adafactor：分解的二阶矩，m × n 矩阵只存 m + n 个数。",
    "guide.rule.memory_lion": "内存紧张 → Lion：只有一个动量缓冲（Adam 有两个），每步大小恰为 η。",
    "guide.rule.matrices": "权重是矩阵 → 对它们用 Muon（其余用 AdamW）：正交化的更新步。",
    "guide.rule.horizon": "训练长度未知 → Schedule-Free AdamW：固定学习率，不必规划调度。",
    "guide.rule.decay": "使用权重衰减 → AdamW：衰减与梯度的缩放分开。",
    "guide.exp.beyond_adamw": "Adam 之后 · AdamW 的权重衰减",
    "guide.exp.beyond_adafactor": "Adam 之后 · Adafactor 的内存",
    "guide.exp.beyond_lion": "Adam 之后 · Lion 的符号步",
    "guide.exp.beyond_muon": "Adam 之后 · 权重矩阵上的 Muon",
    "guide.exp.beyond_schedule_free": "Adam 之后 · Schedule-Free 与余弦调度",
    "guide.verdict.memory_adafactor.yes": (
        "得到支持：对 1024 × 1024 的层，Adafactor 只存 {big_ada:,} 个数，AdamW 存 {big_adamw:,} 个；"
        "在网络上各用调优后的学习率（Adafactor η = {lr}，AdamW η = {adamw_lr}），Adafactor 的最终损失为 "
        "{loss}，AdamW 为 {adamw_loss}（{ratio} 倍，低于算作胜出所需的 {win} 倍）。"),
    "guide.verdict.memory_adafactor.no": (
        "这里未得到支持：省下的内存是真的（1024 × 1024 的层只存 {big_ada:,} 个数，AdamW 存 "
        "{big_adamw:,} 个），但在网络上各用调优后的学习率（Adafactor η = {lr}，AdamW η = {adamw_lr}），"
        "Adafactor 的最终损失为 {loss}，AdamW 为 {adamw_loss}：高出 {ratio} 倍，算 AdamW 胜出（至少 {win} 倍）。"),
    "guide.verdict.memory_lion.yes_advised": (
        "得到支持：Lion 的状态只有 AdamW 的一半（1024 × 1024 的层 {lion_floats:,} 个数，AdamW "
        "{adamw_floats:,} 个）；各用调优后的学习率，Lion 的最终损失为 {loss}，AdamW 为 {adamw_loss}"
        "（{ratio} 倍，低于算作胜出所需的 {win} 倍）。AdamW 调优学习率 ÷ Lion 的 = {adamw_lr} ÷ {lr} = "
        "{rate_ratio}，落在 lion-pytorch 包建议的 {lo}–{hi} 倍之内。"),
    "guide.verdict.memory_lion.yes_not_advised": (
        "得到支持：Lion 的状态只有 AdamW 的一半（1024 × 1024 的层 {lion_floats:,} 个数，AdamW "
        "{adamw_floats:,} 个）；各用调优后的学习率，Lion 的最终损失为 {loss}，AdamW 为 {adamw_loss}"
        "（{ratio} 倍，低于算作胜出所需的 {win} 倍）。但 AdamW 调优学习率 ÷ Lion 的 = {adamw_lr} ÷ {lr} = "
        "{rate_ratio}，不在 lion-pytorch 包建议的 {lo}–{hi} 倍之内。"),
    "guide.verdict.memory_lion.no_advised": (
        "这里未得到支持：Lion 的状态只有 AdamW 的一半（1024 × 1024 的层 {lion_floats:,} 个数，AdamW "
        "{adamw_floats:,} 个），但各用调优后的学习率，Lion 的最终损失为 {loss}，AdamW 为 {adamw_loss}："
        "高出 {ratio} 倍，算 AdamW 胜出（至少 {win} 倍）。AdamW 调优学习率 ÷ Lion 的 = {adamw_lr} ÷ {lr} = "
        "{rate_ratio}，在建议的 {lo}–{hi} 倍之内。"),
    "guide.verdict.memory_lion.no_not_advised": (
        "这里未得到支持：Lion 的状态只有 AdamW 的一半（1024 × 1024 的层 {lion_floats:,} 个数，AdamW "
        "{adamw_floats:,} 个），但各用调优后的学习率，Lion 的最终损失为 {loss}，AdamW 为 {adamw_loss}："
        "高出 {ratio} 倍，算 AdamW 胜出（至少 {win} 倍）。AdamW 调优学习率 ÷ Lion 的 = {adamw_lr} ÷ {lr} = "
        "{rate_ratio}，不在建议的 {lo}–{hi} 倍之内。"),
    "guide.verdict.matrices.yes": (
        "得到支持：各用调优后的学习率（W₁ 上的 Muon η = {lr}，其余用 AdamW；单用 AdamW η = {adamw_lr}），"
        "Muon + AdamW 的最终损失为 {loss}，AdamW 为 {adamw_loss}（{ratio} 倍）。"),
    "guide.verdict.matrices.no": (
        "这里未得到支持：各用调优后的学习率（W₁ 上的 Muon η = {lr}，其余用 AdamW；单用 AdamW "
        "η = {adamw_lr}），Muon + AdamW 的最终损失为 {loss}，AdamW 为 {adamw_loss}：高出 {ratio} 倍。"
        "这个网络唯一的权重矩阵 W₁ 只有两个输入列；Muon 面向的是更深网络中的大型隐藏层矩阵，而这个网络没有。"),
    "guide.verdict.horizon.yes_beats_both": (
        "得到支持：小批量训练 {steps} 步后，Schedule-Free AdamW 的最终损失为 {sf}（η = {sf_lr}），"
        "低于调优余弦调度的 AdamW（{cosine}，η = {cosine_lr}）和固定学习率的 AdamW（{constant}，"
        "η = {constant_lr}）：是两者中较好者的 {ratio} 倍，而且无需设定调度和训练长度。"),
    "guide.verdict.horizon.yes_behind_cosine": (
        "得到支持：小批量训练 {steps} 步后，Schedule-Free AdamW 的最终损失为 {sf}（η = {sf_lr}），"
        "接近调优余弦调度的 AdamW（{cosine}，η = {cosine_lr}）：{ratio} 倍，低于算作胜出所需的 {win} 倍，"
        "且无需设定调度。固定学习率的 AdamW：{constant}（η = {constant_lr}）。"),
    "guide.verdict.horizon.yes_behind_constant": (
        "得到支持：小批量训练 {steps} 步后，Schedule-Free AdamW 的最终损失为 {sf}（η = {sf_lr}），"
        "接近固定学习率的 AdamW（{constant}，η = {constant_lr}），后者在这里胜过了调优的余弦调度"
        "（{cosine}，η = {cosine_lr}）：{ratio} 倍，低于算作胜出所需的 {win} 倍。"),
    "guide.verdict.horizon.no_behind_cosine": (
        "这里未得到支持：小批量训练 {steps} 步后，调优余弦调度的 AdamW 最终损失为 {cosine}"
        "（η = {cosine_lr}），Schedule-Free AdamW 为 {sf}（η = {sf_lr}）：高出 {ratio} 倍，算调度胜出"
        "（至少 {win} 倍）。固定学习率的 AdamW：{constant}（η = {constant_lr}）。"),
    "guide.verdict.horizon.no_behind_constant": (
        "这里未得到支持：小批量训练 {steps} 步后，固定学习率的 AdamW 最终损失为 {constant}"
        "（η = {constant_lr}），Schedule-Free AdamW 为 {sf}（η = {sf_lr}）：高出 {ratio} 倍，算普通 "
        "AdamW 胜出（至少 {win} 倍）。余弦调度：{cosine}（η = {cosine_lr}）。"),
    "guide.verdict.decay.yes": (
        "得到支持：在 η = {lr}、λ = {wd} 时，实测 AdamW 对每个权重的衰减率都相同，每步 ηλ = "
        "{eta_lambda}；而 Adam + L2 的衰减率 ηλ/(√v̂ᵢ + ε) 从 {lo} 到 {hi}（相差 {spread} 倍，达到本指南"
        "算作差异的 {win} 倍），中位数是 AdamW 的 {times} 倍。在带 L2 的 Adam 中，一个 λ 并不对应一个衰减率；"
        "AdamW 的解耦衰减做到了这一点。"),
    "guide.verdict.decay.no": (
        "这里未得到支持：在 η = {lr}、λ = {wd} 时，Adam + L2 的衰减率 ηλ/(√v̂ᵢ + ε) 只从 {lo} 到 "
        "{hi}（{spread} 倍，低于本指南算作差异的 {win} 倍），AdamW 则是单一的 ηλ = {eta_lambda}。"),
    "beyond.head": "Adam 之后",
    "beyond.intro": (
        "原文讲到 Adam 为止。更新的优化器是出于别的理由被选用的：更省内存、固定大小的步长、"
        "为权重矩阵设计的更新、不必规划调度，或者更干净的权重衰减。下面每一部分都在本应用的网络上"
        "检验选择指南中的一条法则（{n_points} 个双月数据点、{hidden} 个 tanh 单元、{params} 个权重）："
        "每个优化器都从同一起点出发，在 {lo} 到 {hi} 之间 {n} 个学习率中取各自最好的一个，训练 {steps} 步，"
        "其余设置取库的默认值。"),
    "beyond.part": "部分",
    "beyond.part.adamw": "AdamW · 权重衰减",
    "beyond.part.adafactor": "Adafactor · 内存",
    "beyond.part.lion": "Lion · 符号步",
    "beyond.part.muon": "Muon · 矩阵",
    "beyond.part.schedule_free": "Schedule-Free · 无需调度",
    "beyond.run": "{name}（η = {lr}）",
    "beyond.name.adamw": "AdamW", "beyond.name.adam_l2": "Adam + L2",
    "beyond.name.adafactor": "Adafactor", "beyond.name.lion": "Lion",
    "beyond.name.muon": "Muon + AdamW", "beyond.name.adamw_cosine": "AdamW，余弦调度",
    "beyond.name.schedule_free": "Schedule-Free AdamW",
    "beyond.axis.loss": "损失（交叉熵）",
    "beyond.axis.weight_rank": "权重（按衰减率从大到小）",
    "beyond.axis.decay": "每步衰减率",
    "beyond.axis.percentile": "所有步的分量的百分位",
    "beyond.axis.step_size": "|u| / η",
    "beyond.axis.balance": "W₁ 更新步的 σ_min / σ_max",
    "beyond.adamw.story": (
        "AdamW 与 Adam + L2，η = {lr}，λ = {wd}，全批量 {steps} 步。**实测：**在 AdamW 的最后一步里，"
        "衰减让 {n} 个权重中的每一个都恰好移动了 −ηλ·x = −{eta_lambda}·x（图中的水平线）：所有权重同一个"
        "衰减率。Adam + L2 把 λx 加进梯度，再除以 √v̂ + ε，于是衰减项对 x 的系数（固定 v̂ 时）变成 ηλ/(√v̂ᵢ + ε)。用这次运行 "
        "{steps} 步后自己的 v̂ 计算，这些衰减率从 {lo} 到 {hi}（中位数 {median}）：相差 {spread} 倍，"
        "中位数是 AdamW 的 ηλ 的 {times} 倍。(g + λx)² 一直较小的权重，衰减率最大。"),
    "beyond.memory.shape": "{m} × {n}（{params} 个权重）",
    "beyond.memory.cell": "{floats}（权重数的 {share} 倍）",
    "beyond.memory.muon": "Muon（矩阵部分的状态）",
    "beyond.adafactor.memory_intro": (
        "每个优化器为一个权重矩阵保存的数的个数，按它真实的状态计数：只算更新时会写入的数组"
        "（不计步数计数器）。Adafactor 走分解（矩阵）路径。"),
    "beyond.adafactor.story": (
        "对网络的 W₁，Adafactor 保存 {w1_ada} 个数，AdamW 保存 {w1_adamw} 个；对 1024 × 1024 的层，"
        "分别是 {big_ada} 和 {big_adamw} 个，少了 {saving} 倍。Adafactor 只为每一行和每一列各存一个 g² "
        "的平均（共 m + n 个数），而 AdamW 为每个权重存 m 和 v（2mn 个）。"),
    "beyond.lion.story": (
        "**实测**全部 {count} 个更新分量（{steps} 步 × {weights} 个权重）：Lion 的每一步大小都恰好是 η"
        "（|u|/η 与 1 的最大偏差为 {deviation}；{exact} 的分量恰好等于 η）。AdamW 的步长因坐标而异："
        "|u|/η 的第 5 百分位是 {p5}，中位数 {p50}，第 95 百分位 {p95}。Lion 只存一个缓冲 m：1024 × 1024 "
        "的层 {lion_floats} 个数，AdamW 为 {adamw_floats} 个。"),
    "beyond.muon.story": (
        "Muon 按 torch 的存储方式看待 W₁，即 {hidden} × 2 的矩阵，所以每一步只有两个奇异值。**实测**整次"
        "运行：Muon 正交化后的步 O_t 的奇异值在 {lo} 到 {hi} 之间，落在 0.68–1.21 的区间内——五步五次多项式"
        " Newton–Schulz 迭代会把起始值不小于 Frobenius 范数 0.0015 倍的奇异值都送进这个区间（这里最小的"
        "起始值为 {start_lo}）。图中是每个 W₁ 更新步的 σ_min/σ_max：Muon 的中位数 {muon_balance}，AdamW "
        "的 {adamw_balance}，AdamW 最不均衡的一步为 {adamw_worst}。比值低于 {spread} 的步所占比例："
        "Muon {muon_lopsided}，AdamW {adamw_lopsided}。"),
    "beyond.sf.intro": (
        "这里网络用每批 {batch} 个点的小批量训练 {steps} 步（每次运行用同样的批）。三个竞争者各用调优"
        "后的基础学习率：固定学习率的 AdamW；用余弦调度在 {steps} 步内把 η 降到 0 的 AdamW（torch 的 "
        "CosineAnnealingLR，必须事先告诉它训练长度）；以及固定学习率的 Schedule-Free AdamW，它的损失在"
        "其平均点 x_t 上测量，也就是它报告结果的点。"),
    "beyond.sf.story": (
        "训练到一半，即第 {half} 步时，损失分别为：Schedule-Free {sf_half}，余弦 {cosine_half}，固定 "
        "{constant_half}。这一步余弦的学习率正好是基础学习率的一半：若在此停下，它的衰减就没有发生。"),
}

EN = {P + k: v for k, v in _EN.items()}
ZH = {P + k: v for k, v in _ZH.items()}
