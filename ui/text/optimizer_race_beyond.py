"""Strings of the Optimizer Race page for the rules beyond the article's seven, Muon in the
network, and learning-rate schedules in the race (English and Chinese, same keys)."""

P = "optimizer_race."

EN = {
    P + "racer.adamax": "Adamax",
    P + "racer.radam": "RAdam",
    P + "racer.rprop": "Rprop",
    P + "racer.asgd": "ASGD",
    P + "racer.adafactor": "Adafactor",
    P + "racer.lion": "Lion",
    P + "racer.schedule_free_adamw": "Schedule-Free AdamW",
    P + "racer.muon_adamw": "Muon + AdamW",
    P + "racers_help": "The first nine are the article's rules and their variants; Adamax, "
                       "RAdam, Rprop, ASGD, Adafactor, Lion and Schedule-Free AdamW come after "
                       "them (PyTorch's conventions only).",
    P + "preset.beyond_adam": "Beyond Adam: Rprop, Lion and Schedule-Free AdamW on Beale, "
                              "each at its best rate",
    P + "knob.eta_minus": "η₋ (step-size shrink when the sign flips)",
    P + "knob.eta_plus": "η₊ (step-size growth when the sign holds)",
    P + "knob.lambd": "λ (decay of ASGD's step)",
    P + "knob.asgd.alpha": "α (power of ASGD's step decay)",
    P + "knob.t0": "t₀ (step at which averaging starts)",
    P + "knob.beta2_decay": "τ (β̂₂ = 1 − t^τ)",
    P + "knob.d": "d (clip threshold of the update's RMS)",
    P + "knob.warmup_steps": "warm-up steps",
    P + "knob.lion.b1": "β₁ (mix of momentum and gradient in the step)",
    P + "knob.lion.b2": "β₂ (momentum decay)",
    P + "knob.adamax.b2": "β₂ (decay of the running maximum of |g|)",
    P + "knob.schedule_free_adamw.b1": "β₁ (where y sits between z and x)",
    P + "torch_only": "Sitting out: {names}. This app implements Keras's conventions for the "
                      "article's seven rules only; the newer rules run in PyTorch's form.",
    P + "muon_note": "Muon is not on this map. It orthogonalises the update of a weight "
                     "matrix, and a point here is a 2-vector with no matrix shape: torch's Muon "
                     "refuses it. Seen as a 1×2 matrix it has one singular value, so the "
                     "orthogonalised step would only be the direction of its momentum, scaled "
                     "to {length}·η by torch's five Newton–Schulz steps. It trains the network's "
                     "weight matrix in “A tiny neural network” below.",
    P + "sf_note": "Schedule-Free AdamW: the path drawn, its leaderboard row and its sweep "
                   "all use y, the point where it takes its gradients. Its averaged point x, "
                   "the one schedulefree's eval() puts into the model, ends at loss {x} (y "
                   "ends at {y}).",
    P + "schedule_says": "Every optimizer follows this schedule, scaled by its own base rate "
                         "η (the rate shown in the leaderboard); the sweep tunes η under the "
                         "same schedule.",
    P + "rprop_schedule": "Rprop takes η only as the first step size and then grows or shrinks "
                          "each step size itself, so in torch a schedule changes Rprop's run "
                          "only through the first step's rate.",
    P + "inside_classic": "The inside view reads the state of the article's nine racers: "
                          "choose at least one of them to open it up.",
    P + "inside_keras_schedule": "With a learning-rate schedule the inside view is drawn in "
                                 "PyTorch's conventions only.",
    P + "beyond.arrived": "{name} arrives in {k} steps at η = {lr}.",
    P + "beyond.lion": "Lion (tuned η = {lr}) moves every coordinate by exactly η per step, "
                       "the sign of its momentum mix, so it does not settle: over the last "
                       "{n} steps its loss stays between {lo} and {hi} above the minimum.",
    P + "net.muon": "Add Muon + AdamW",
    P + "net.muon_help": "Muon (torch's defaults: momentum {momentum} with Nesterov, weight "
                         "decay {weight_decay}) trains the hidden layer's weight matrix W₁; AdamW trains the "
                         "biases and the output weights. Both use the same η: tuned, shared, "
                         "or torch's default {lr} (in “as set in each panel” mode).",
    P + "net.muon_says": "Muon + AdamW: Muon orthogonalises the step of W₁ (an H×2 matrix), "
                         "AdamW steps the other {rest} weights; both at η = {lr}.",
}

ZH = {
    P + "racer.adamax": "Adamax",
    P + "racer.radam": "RAdam",
    P + "racer.rprop": "Rprop",
    P + "racer.asgd": "ASGD",
    P + "racer.adafactor": "Adafactor",
    P + "racer.lion": "Lion",
    P + "racer.schedule_free_adamw": "Schedule-Free AdamW",
    P + "racer.muon_adamw": "Muon + AdamW",
    P + "racers_help": "前九个是原文讲到的规则及其变体；Adamax、RAdam、Rprop、ASGD、Adafactor、"
                       "Lion 和 Schedule-Free AdamW 是后来的规则（只有 PyTorch 约定）。",
    P + "preset.beyond_adam": "Adam 之后：Rprop、Lion 和 Schedule-Free AdamW 在 Beale 上，各用最佳学习率",
    P + "knob.eta_minus": "η₋（符号翻转时步长缩小的因子）",
    P + "knob.eta_plus": "η₊（符号不变时步长增大的因子）",
    P + "knob.lambd": "λ（ASGD 步长的衰减）",
    P + "knob.asgd.alpha": "α（ASGD 步长衰减的幂次）",
    P + "knob.t0": "t₀（开始平均的步数）",
    P + "knob.beta2_decay": "τ（β̂₂ = 1 − t^τ）",
    P + "knob.d": "d（更新量均方根的截断阈值）",
    P + "knob.warmup_steps": "预热步数",
    P + "knob.lion.b1": "β₁（一步中动量与梯度的混合比例）",
    P + "knob.lion.b2": "β₂（动量衰减）",
    P + "knob.adamax.b2": "β₂（|g| 滑动最大值的衰减）",
    P + "knob.schedule_free_adamw.b1": "β₁（y 在 z 与 x 之间的位置）",
    P + "torch_only": "暂不参赛：{names}。本应用只为原文的七个规则实现了 Keras 约定；"
                      "较新的规则只按 PyTorch 的形式运行。",
    P + "muon_note": "Muon 不在这张地图上。它把一个权重矩阵的更新正交化，而这里的点是没有矩阵形状的"
                     "二维向量：torch 的 Muon 会拒绝它。把它看成 1×2 矩阵时只有一个奇异值，"
                     "正交化后的一步就只剩动量的方向，经过 torch 的五步 Newton–Schulz 迭代后长度为 "
                     "{length}·η。它在下面的“一个小型神经网络”中训练网络的权重矩阵。",
    P + "sf_note": "Schedule-Free AdamW：画出的路径、排行榜中的一行和学习率扫描用的都是 y，"
                   "即它计算梯度的点。它的平均点 x（schedulefree 的 eval() 放进模型的点）"
                   "最终损失为 {x}（y 最终为 {y}）。",
    P + "schedule_says": "每个优化器都按这个调度运行，并按自己的基础学习率 η（排行榜中显示的学习率）"
                         "缩放；扫描也在同一调度下调节 η。",
    P + "rprop_schedule": "Rprop 只把 η 当作第一步的步长，之后自己增大或缩小每个步长，"
                          "所以在 torch 中调度只通过第一步的学习率影响 Rprop 的运行。",
    P + "inside_classic": "内部视图读取的是原文九个参赛者的状态：请至少选择其中一个再打开查看。",
    P + "inside_keras_schedule": "使用学习率调度时，内部视图只按 PyTorch 约定绘制。",
    P + "beyond.arrived": "{name} 以 η = {lr} 用 {k} 步到达。",
    P + "beyond.lion": "Lion（调好的 η = {lr}）每一步让每个坐标恰好移动 η（按其动量混合的符号），"
                       "所以它停不下来：最后 {n} 步中它的损失始终比最低点高出 {lo} 到 {hi}。",
    P + "net.muon": "加入 Muon + AdamW",
    P + "net.muon_help": "Muon（torch 默认值：动量 {momentum}、Nesterov、权重衰减 {weight_decay}）训练隐藏层的权重矩阵 W₁；"
                         "AdamW 训练偏置和输出权重。两者使用同一个 η：调好的、共用的，"
                         "或（“按各自面板设置”时）torch 的默认值 {lr}。",
    P + "net.muon_says": "Muon + AdamW：Muon 把 W₁（H×2 矩阵）的一步正交化，AdamW 更新其余 {rest} 个权重；"
                         "两者的 η = {lr}。",
}
