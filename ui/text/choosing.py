"""Strings of the Choosing an Optimizer page (English and Chinese, same keys)."""

P = "choosing."

_OPT_EN = {"sgd": "SGD", "momentum": "Momentum", "adagrad": "AdaGrad", "rmsprop": "RMSProp",
           "adadelta": "Adadelta", "adam": "Adam", "adam_nobc": "Adam without bias correction"}
_OPT_ZH = {"sgd": "SGD", "momentum": "动量法", "adagrad": "AdaGrad", "rmsprop": "RMSProp",
           "adadelta": "Adadelta", "adam": "Adam", "adam_nobc": "Adam（去掉偏差修正）"}

_SCENARIO_EN = {
    "bowl": "Narrow bowl",
    "rosenbrock": "Rosenbrock",
    "noisy": "Noisy gradients",
    "sparse": "Sparse features",
    "mlp": "Tiny network",
    "bowl.about": "½(x² + 100·y²) from (−4.5, 2), 200 steps with exact gradients. One direction "
                  "is a hundred times steeper than the other.",
    "rosenbrock.about": "The curved valley (1 − x)² + 100·(y − x²)² from (−1.5, 2), 500 steps "
                        "with exact gradients.",
    "noisy.about": "½(x² + 10·y²) with Gaussian noise of size 2 added to every gradient, 300 "
                   "steps. Scored by the average loss over the last 50 steps, so one lucky "
                   "final step cannot decide.",
    "sparse.about": "The logistic regression of the first view at a = 1.5, batches of 32, "
                    "300 steps. Scored against the best fit of the data.",
    "mlp.about": "A two-layer network with 16 tanh units on 200 overlapping “moons” points "
                 "(noise 0.3), batches of 32, 300 steps. Its loss cannot reach 0, so cells "
                 "compare the losses themselves.",
}
_SCENARIO_ZH = {
    "bowl": "狭长碗面",
    "rosenbrock": "Rosenbrock",
    "noisy": "含噪梯度",
    "sparse": "稀疏特征",
    "mlp": "小型网络",
    "bowl.about": "½(x² + 100·y²)，从 (−4.5, 2) 出发，精确梯度，200 步。一个方向比另一个方向陡一百倍。",
    "rosenbrock.about": "弯曲山谷 (1 − x)² + 100·(y − x²)²，从 (−1.5, 2) 出发，精确梯度，500 步。",
    "noisy.about": "½(x² + 10·y²)，每次梯度都加上大小为 2 的高斯噪声，300 步。按最后 50 步的平均损失"
                   "计分，避免由最后一步的运气决定名次。",
    "sparse.about": "第一部分的逻辑回归，a = 1.5，批大小 32，300 步。以数据的最佳拟合为基准。",
    "mlp.about": "两层网络（16 个 tanh 单元），在 200 个相互重叠的“双月”点上训练（噪声 0.3），"
                 "批大小 32，300 步。损失到不了 0，所以直接比较损失本身。",
}


def _prefixed(table: dict, group: str) -> dict:
    return {f"{P}{group}.{k}": v for k, v in table.items()}


EN = {
    **_prefixed(_OPT_EN, "opt"),
    **_prefixed(_SCENARIO_EN, "scenario"),
    P + "title": "Choosing an Optimizer",
    P + "intro": "Rules of thumb for picking an optimizer are easy to find. This page puts "
                 "each one to a test you can rerun: every number below is measured while you "
                 "watch, and where a measurement disagrees with the rule, the text says so.",
    P + "view": "Experiment",
    P + "view.sparse": "1 · Sparse gradients",
    P + "view.ladder": "2 · Adam vs RMSProp",
    P + "view.guide": "3 · Decision guide",
    P + "view.matrix": "4 · Benchmark matrix",
    # controls
    P + "ctl.a": "Sparsity exponent a",
    P + "ctl.a_help": "Feature j appears in a share p_j = 0.5/(j+1)^a of the samples. a = 0: "
                      "every feature in half of them (dense). a = 2: most features almost "
                      "never appear.",
    P + "ctl.batch": "Batch size",
    P + "ctl.batch_help": "Rows per mini-batch. Smaller batches leave more features out of "
                          "each batch, so more gradient coordinates are exactly zero.",
    P + "ctl.lr_mode": "Learning rates",
    P + "ctl.lr_mode.tuned": "each tuned",
    P + "ctl.lr_mode.shared": "one shared",
    P + "ctl.lr_mode_help": "Tuned: every optimizer runs at the best of 19 rates from 0.0001 to "
                            "100, found in one batched sweep. Shared: all use the rate on "
                            "the right.",
    P + "ctl.lr": "Shared learning rate",
    P + "ctl.lr_help": "Used only when the learning rates are shared.",
    P + "ctl.seed": "Seed",
    P + "ctl.seed_help": "Draws the data, the true weights and the order of the mini-batches. "
                         "The same seed always gives the same picture.",
    P + "ctl.step": "Step for the effective learning rates",
    P + "ctl.step_help": "The rates each optimizer would apply after this many steps.",
    P + "ctl.b2": "β₂ (Adam) = α (RMSProp)",
    P + "ctl.b2_help": "How slowly the average of squared gradients forgets. RMSProp's α is "
                       "set equal to Adam's β₂ so that the rungs differ in one piece each.",
    P + "ctl.matrix_seed": "Seed of the matrix",
    P + "ctl.matrix_seed_help": "Draws the gradient noise, the sparse data and the network's "
                                "data and start. The bowl and Rosenbrock do not depend on it.",
    # questions
    P + "q.sparse": "My inputs are sparse",
    P + "q.sparse_help": "Most features are zero in most samples: words, IDs, one-hot "
                         "categories, rare events.",
    P + "q.safe": "I want a safe default",
    P + "q.safe_help": "Something that works reasonably everywhere without much care.",
    P + "q.noisy": "My gradients are noisy",
    P + "q.noisy_help": "Small batches or noisy labels: each step sees a rough estimate of "
                        "the true slope.",
    P + "q.tune": "I have time to tune",
    P + "q.tune_help": "You can afford a learning-rate search (and perhaps a schedule).",
    # 1. sparse gradients
    P + "sparse.head": "Sparse gradients: why adaptive methods help",
    P + "sparse.intro": "A logistic regression whose features show up with very different "
                        "frequencies, as words do in text. Each sample's label is a "
                        "probability (like a click-through rate) made from true weights plus "
                        "noise, so the data have one best fit, found here by Newton's method; "
                        "every curve below measures the distance to it. All five optimizers "
                        "start from zero and see exactly the same mini-batches.",
    P + "sparse.data": "**The data.** {N} samples of {F} features. Feature j is present with "
                       "probability p_j = {pmax}/(j+1)^a, here from {pmax} down to {pmin}. "
                       "When present it is +1 or −1 at random, so the features differ only "
                       "in how often they show up.\n\nWith batches of {B} rows there are "
                       "**{frequent} frequent** features, **{rare} rare** ones (missing from "
                       "more than half of the batches) and **{unseen}** that never occur in "
                       "these data, which no optimizer can learn.",
    P + "sparse.zero": "Over the whole run, a rare feature's gradient was exactly zero in "
                       "**{zero}** of the steps.",
    P + "group.title": "feature",
    P + "group.frequent": "frequent",
    P + "group.rare": "rare",
    P + "group.unseen": "never seen",
    P + "freq.requested": "requested p_j",
    P + "axis.rank": "feature rank j + 1",
    P + "axis.freq": "share of samples",
    P + "axis.feature": "feature j (0 = most frequent)",
    P + "axis.excess": "excess loss L(w) − L(ŵ)",
    P + "axis.err_frequent": "weight error, frequent features",
    P + "axis.err_rare": "weight error, rare features",
    P + "axis.value": "value",
    P + "axis.eff_lr": "effective learning rate",
    P + "axis.a": "sparsity exponent a",
    P + "axis.final": "final excess loss (tuned rate)",
    P + "axis.ratio": "uncorrected step ÷ Adam's step",
    P + "raster.head": "Which coordinates get a gradient?",
    P + "raster.help": "Each mark is a feature (row) that was present in the mini-batch of "
                       "that step (column); everywhere else its gradient was exactly zero. "
                       "The batches are the same for every optimizer, so this picture is too.",
    P + "race.head": "The race",
    P + "race.mode.tuned": "Every optimizer runs at its own best learning rate (the table "
                           "below lists them).",
    P + "race.mode.shared": "All optimizers run at the same learning rate, {lr}. A rate that "
                            "suits one of them can be far too small or too large for another, "
                            "so this comparison is not a fair one; switch to “each tuned” for "
                            "that.",
    P + "race.help": "Left: how far the loss is above the best fit (log scale). Middle and "
                     "right: the weight error ‖w − ŵ‖/‖ŵ‖ of each group; 100% means no "
                     "progress from zero, 0% means the best fit.",
    P + "story.adaptive_wins": "**Measured:** at a = {a} the best adaptive method, {best}, "
                               "ended with {factor}× less excess loss than SGD.",
    P + "story.adaptive_close": "**Measured:** at a = {a} the adaptive methods gain little: "
                                "SGD's excess loss was only {factor}× that of the best of "
                                "them, {best}.",
    P + "story.sgd_wins": "**Measured:** at a = {a} SGD did better than every adaptive method; "
                          "{best}, the best of them, ended with {factor}× more excess loss.",
    P + "story.rare": "The mechanism shows in the rare features: SGD's rare weights are still "
                      "{sgd} of the way from the best fit, {best}'s {best_err}. One learning "
                      "rate has to be small enough for the frequent features, and then the "
                      "rare ones, which get a gradient only now and then, barely move.",
    P + "story.no_rare": "With batches of {B}, every feature that occurs is in most batches, "
                         "so no feature counts as rare here: the sparse-gradient effect has "
                         "nothing to act on. Raise a or shrink the batches to see it.",
    P + "story.dense_gain": "So the gain of {best} here comes from something else: an "
                            "adaptive rate that shrinks as squared gradients pile up works "
                            "like a learning-rate decay and damps the mini-batch noise that "
                            "a constant-rate SGD keeps.",
    P + "story.adam_rms.below": "Adam ended below RMSProp here ({adam} against {rms}).",
    P + "story.adam_rms.above": "Adam did not beat RMSProp here: {adam} against {rms}.",
    P + "story.diverged": "Diverged: {names}; their curves stop at the last finite point.",
    P + "story.no_rate": "Every rate in the sweep diverged for {names}, so the lowest rate of "
                         "the grid was used.",
    P + "rates.head": "Each feature's effective learning rate",
    P + "rates.help": "The factor each optimizer multiplies its step direction by, per "
                      "feature: η for SGD and momentum, η/(√s + ε) for AdaGrad, η/(√v + ε) "
                      "for RMSProp and η/(√v̂ + ε) for Adam. Features that rarely get a "
                      "gradient keep a small s or v, so the adaptive methods give them large "
                      "steps when a gradient does arrive.",
    P + "rates.unseen": "{n} features have not had a nonzero gradient by step {step} and are "
                        "left out (their adaptive rate would be η/ε).",
    P + "rates.ratio": "At step {step}, {name}'s median rate for a rare feature is {ratio}× "
                       "its median rate for a frequent one.",
    P + "rates.sgd": "SGD and momentum use one rate for every feature, a flat row of dots.",
    P + "table.name": "optimizer",
    P + "table.lr": "learning rate",
    P + "table.excess": "final excess loss",
    P + "table.err_frequent": "error, frequent",
    P + "table.err_rare": "error, rare",
    # 2. Adam vs RMSProp
    P + "ladder.head": "Adam vs RMSProp as gradients get sparser",
    P + "ladder.intro": "A common claim: Adam is RMSProp plus momentum plus bias correction, "
                        "and it pulls ahead of RMSProp as gradients become sparser. Here the "
                        "three rungs of that ladder each get their own tuned learning rate "
                        "at five sparsity levels, three data seeds each (45 sweeps, run "
                        "live). RMSProp's α equals Adam's β₂, so going up one rung adds one "
                        "piece: momentum (β₁ = 0.9), then bias correction.",
    P + "ladder.help": "Dots: the {n} seeds; lines: their medians. Excess loss after {steps} "
                       "steps, batches of 32.",
    P + "ladder.latex_help": "Adam's update, read from the code that runs it. Remove the two "
                             "factors 1/(1 − β₁ᵗ) and 1/√(1 − β₂ᵗ) and you get the dashed "
                             "rung.",
    P + "ladder.sparsest.yes": "**Measured:** at the sparsest level (a = {a}) Adam's median "
                               "excess loss, {adam}, is below RMSProp's, {rms}. Adam came out "
                               "ahead at {wins} of {levels} levels.",
    P + "ladder.sparsest.no": "**Measured:** the rule of thumb does not hold here. At the "
                              "sparsest level (a = {a}) Adam's median excess loss is {adam}, "
                              "RMSProp's {rms}; Adam came out ahead at only {wins} of "
                              "{levels} levels.",
    P + "ladder.trend.up": "Going from dense to sparse, RMSProp's loss grew relative to "
                           "Adam's by a factor of {trend}: sparsity does move things Adam's "
                           "way.",
    P + "ladder.trend.flat": "Going from dense to sparse, the ratio of the two changed by a "
                             "factor of only {trend}: sparsity did not move this contest.",
    P + "ladder.trend.down": "Going from dense to sparse, Adam's loss grew relative to "
                             "RMSProp's by a factor of {trend}: sparser gradients favoured "
                             "RMSProp here.",
    P + "ladder.bc": "Bias correction (Adam against the dashed rung) lowered the loss at "
                     "{wins} of {levels} levels with β₂ = {b2}.",
    P + "ladder.lrs": "Tuned learning rates (median over seeds)",
    P + "bc.head": "What bias correction does",
    P + "bc.story": "The average v starts at zero, so for its first ~1/(1 − β₂) steps it is "
                    "too small, and a step divided by √v is too large. Without correction "
                    "the first step is {first}× Adam's at β₂ = {b2}; the ratio peaks at "
                    "{peak}× around step {k}, because m fills up faster than v, and after "
                    "{steps} steps it is still {last}×. A tuned rate partly absorbs this by being smaller, "
                    "and then the uncorrected steps *shrink* as v fills up: a built-in "
                    "learning-rate decay, much like AdaGrad's. Within this short, noisy "
                    "budget that decay can help rather than hurt, which is one likely reason "
                    "the measured differences above go the way they do. Compare the tuned "
                    "rates in the table below.",
    # 3. decision guide
    P + "guide.head": "Decision guide",
    P + "guide.intro": "Tick what is true of your problem. The guide applies the usual rules "
                       "of thumb, then checks each reason against a live experiment on this "
                       "page and tells you whether the measurement backs it.",
    P + "guide.pick": "**Recommendation: {name}.**",
    P + "guide.runner_up": "Runner-up: {name}.",
    P + "guide.how": "Each rule that applies gives points to the optimizers it favours; a "
                     "rule that its experiment does not back gives none. Ties go to the one "
                     "listed first in: {order}.",
    P + "guide.dropped": "*Not counted in the recommendation, since the measurement does "
                         "not back it.*",
    P + "guide.rule.sparse": "Sparse inputs → an adaptive method (AdaGrad, RMSProp, Adam).",
    P + "guide.rule.sparser_adam": "The sparser the gradients, the more Adam should beat "
                                   "RMSProp.",
    P + "guide.rule.safe": "Adam is a safe default.",
    P + "guide.rule.noisy": "Noisy gradients → average them (momentum, Adam).",
    P + "guide.rule.tune": "With time to tune, SGD with momentum is the other main choice.",
    P + "guide.rule.first_choice": "Nothing special about your problem → Adam is a good first "
                                   "choice.",
    P + "guide.verdict.sparse.yes": "Backed: at a = 1.5, tuned, SGD ended with {factor}× the "
                                    "excess loss of {best}. On dense data (a = 0) the same "
                                    "factor is only {dense_factor}, so the advantage comes "
                                    "from sparsity.",
    P + "guide.verdict.sparse.yes_dense_too": "Backed: at a = 1.5, tuned, SGD ended with "
                                              "{factor}× the excess loss of {best}. Caveat: "
                                              "adaptive methods also beat SGD on dense data "
                                              "here ({dense_factor}×, led by {dense_best}); "
                                              "a likely reason is that steps which shrink as "
                                              "squared gradients pile up also damp "
                                              "mini-batch noise. Sparsity multiplies the gap "
                                              "by {growth}.",
    P + "guide.verdict.sparse.no": "Not backed here: at a = 1.5 SGD's excess loss was only "
                                   "{factor}× that of {best} (dense data: {dense_factor}×).",
    P + "guide.verdict.sparser_adam.yes": "Backed: at a = {a}, Adam's median excess loss was "
                                          "{adam} against RMSProp's {rmsprop}; Adam led at "
                                          "{wins} of {levels} levels.",
    P + "guide.verdict.sparser_adam.no": "Not backed here: at a = {a}, Adam's median excess "
                                         "loss was {adam} against RMSProp's {rmsprop}, and "
                                         "Adam led at only {wins} of {levels} levels. Both "
                                         "are adaptive, and both beat SGD on sparse data; "
                                         "which of the two wins depends on the setup.",
    P + "guide.verdict.safe.yes": "Backed: across the benchmark's scenarios Adam's worst "
                                  "result was {adam_worst}× the best optimizer's, the "
                                  "smallest worst case of all (the next: {rival}, "
                                  "{rival_worst}×).",
    P + "guide.verdict.safe.no": "Only partly backed: Adam's worst scenario left it "
                                 "{adam_worst}× behind the best, while {rival}'s worst was "
                                 "{rival_worst}×.",
    P + "guide.verdict.first_choice.yes": "Backed: Adam's worst result across the benchmark "
                                          "was {adam_worst}× the best optimizer's, the "
                                          "smallest worst case of all (the next: {rival}, "
                                          "{rival_worst}×).",
    P + "guide.verdict.first_choice.no": "Only partly backed: Adam's worst scenario left it "
                                         "{adam_worst}× behind the best, while {rival}'s "
                                         "worst was {rival_worst}×.",
    P + "guide.verdict.noisy.yes": "Backed: on the noisy bowl, SGD's loss was {sgd}× the "
                                   "best; momentum {momentum}×, Adam {adam}×.",
    P + "guide.verdict.noisy.no": "Not backed here: on the noisy bowl SGD's loss was {sgd}× "
                                  "the best, momentum {momentum}×, Adam {adam}×.",
    P + "guide.verdict.tune.yes": "Backed: tuned momentum came within 2× of the best in "
                                  "{close} of {total} scenarios (its worst: {worst}×).",
    P + "guide.verdict.tune.no": "Only partly backed: tuned momentum came within 2× of the "
                                 "best in {close} of {total} scenarios (its worst: {worst}×).",
    P + "guide.open": "[Open the experiment: {name} ↗]({url})",
    P + "guide.exp.sparse_race": "sparse race at a = 1.5",
    P + "guide.exp.dense_race": "race on dense data",
    P + "guide.exp.ladder": "Adam vs RMSProp across sparsity",
    P + "guide.exp.matrix": "benchmark matrix",
    P + "guide.caveat": "These verdicts come from this page's small experiments: a hundred "
                        "features, a few hundred steps, grids of 16 to 22 learning rates. "
                        "They show how to test a rule, not how every real problem behaves.",
    # 4. benchmark matrix
    P + "matrix.head": "Benchmark matrix",
    P + "matrix.intro": "Six optimizers on five scenarios, each at its own best learning "
                        "rate from a sweep of 22 rates (0.0001 to 1000). Losses live on very "
                        "different scales, so each column is divided by its best cell.",
    P + "matrix.color": "times the best gap",
    P + "matrix.loss": "final loss",
    P + "matrix.help": "A cell shows how many times the best optimizer's distance to the "
                       "minimum (or, for the network, its loss) this optimizer's final "
                       "distance is: 1× is the column's winner. Results closer than 10⁻¹⁰ of "
                       "the starting gap count as solved and tie.",
    P + "matrix.scenarios": "The scenarios",
    P + "matrix.winner": "{column}: {name}",
    P + "matrix.winners": "**Measured winners:** {list}.",
    P + "matrix.steadiest": "The steadiest optimizer, the one whose worst column is closest "
                            "to the best, is {name} ({worst}); Adam's worst column is {adam}.",
    P + "matrix.steadiest_adam": "The steadiest optimizer, the one whose worst column is "
                                 "closest to the best, is {name}: never worse than {worst} "
                                 "(Adam's worst: {adam}).",
    P + "matrix.trio": "RMSProp, Adadelta and Adam are said to behave alike: here all three "
                       "are within 2× of each other in {alike} of {total} scenarios.",
    P + "matrix.edge": "At the edge of the rate grid (the true best may lie beyond): {cells}.",
}

ZH = {
    **_prefixed(_OPT_ZH, "opt"),
    **_prefixed(_SCENARIO_ZH, "scenario"),
    P + "title": "如何选择优化器",
    P + "intro": "挑选优化器的经验法则随处可见。本页把每条法则都变成一个可以重跑的实验：下面的每个数字都是"
                 "当场测出来的；测量结果与法则不符时，文字会直接说明。",
    P + "view": "实验",
    P + "view.sparse": "1 · 稀疏梯度",
    P + "view.ladder": "2 · Adam 与 RMSProp",
    P + "view.guide": "3 · 选择指南",
    P + "view.matrix": "4 · 基准矩阵",
    P + "ctl.a": "稀疏指数 a",
    P + "ctl.a_help": "特征 j 出现在比例为 p_j = 0.5/(j+1)^a 的样本中。a = 0：每个特征都出现在一半样本里"
                      "（稠密）；a = 2：大多数特征几乎不出现。",
    P + "ctl.batch": "批大小",
    P + "ctl.batch_help": "每个小批量的行数。批越小，每批缺席的特征越多，恰好为零的梯度分量也越多。",
    P + "ctl.lr_mode": "学习率",
    P + "ctl.lr_mode.tuned": "各自调优",
    P + "ctl.lr_mode.shared": "统一取值",
    P + "ctl.lr_mode_help": "各自调优：每个优化器都使用 0.0001 到 100 之间 19 个学习率中最好的一个，"
                            "由一次批量扫描找出。统一取值：全部使用右边的学习率。",
    P + "ctl.lr": "统一学习率",
    P + "ctl.lr_help": "仅在“统一取值”时使用。",
    P + "ctl.seed": "随机种子",
    P + "ctl.seed_help": "决定数据、真实权重和小批量的顺序。同一个种子总是得到同一幅图。",
    P + "ctl.step": "查看有效学习率的步数",
    P + "ctl.step_help": "每个优化器在走完这么多步之后会使用的学习率。",
    P + "ctl.b2": "β₂（Adam）= α（RMSProp）",
    P + "ctl.b2_help": "梯度平方的平均值遗忘得有多慢。RMSProp 的 α 设为与 Adam 的 β₂ 相同，"
                       "这样相邻两级之间只差一个部件。",
    P + "ctl.matrix_seed": "矩阵的随机种子",
    P + "ctl.matrix_seed_help": "决定梯度噪声、稀疏数据以及网络的数据和初始值。碗面和 Rosenbrock 与它无关。",
    P + "q.sparse": "我的输入是稀疏的",
    P + "q.sparse_help": "大多数特征在大多数样本中为零：词语、ID、独热编码的类别、罕见事件。",
    P + "q.safe": "我想要一个稳妥的默认选择",
    P + "q.safe_help": "不必费心调整，在哪里都还算好用。",
    P + "q.noisy": "我的梯度噪声很大",
    P + "q.noisy_help": "批很小或标签有噪声：每一步看到的只是真实斜率的粗略估计。",
    P + "q.tune": "我有时间调参",
    P + "q.tune_help": "你负担得起学习率搜索（也许还有学习率调度）。",
    P + "sparse.head": "稀疏梯度：自适应方法为什么有用",
    P + "sparse.intro": "这是一个逻辑回归问题，各特征出现的频率相差悬殊，就像文本中的词语。每个样本的标签是"
                        "一个概率（类似点击率），由真实权重加噪声生成，因此数据有唯一的最佳拟合，这里用牛顿法"
                        "求出；下面每条曲线度量的都是到它的距离。五个优化器都从零出发，看到完全相同的小批量。",
    P + "sparse.data": "**数据。** {N} 个样本，{F} 个特征。特征 j 出现的概率为 p_j = {pmax}/(j+1)^a，"
                       "这里从 {pmax} 降到 {pmin}。特征出现时随机取 +1 或 −1，所以各特征之间唯一的区别"
                       "就是出现的频率。\n\n批大小为 {B} 时，有 **{frequent} 个常见**特征、**{rare} 个"
                       "罕见**特征（在一半以上的批中缺席），另有 **{unseen}** 个特征在这份数据里从未出现，"
                       "任何优化器都学不到它们。",
    P + "sparse.zero": "整个训练过程中，罕见特征的梯度在 **{zero}** 的步数里恰好为零。",
    P + "group.title": "特征",
    P + "group.frequent": "常见",
    P + "group.rare": "罕见",
    P + "group.unseen": "从未出现",
    P + "freq.requested": "设定的 p_j",
    P + "axis.rank": "特征序号 j + 1",
    P + "axis.freq": "样本占比",
    P + "axis.feature": "特征 j（0 = 最常见）",
    P + "axis.excess": "超额损失 L(w) − L(ŵ)",
    P + "axis.err_frequent": "权重误差：常见特征",
    P + "axis.err_rare": "权重误差：罕见特征",
    P + "axis.value": "数值",
    P + "axis.eff_lr": "有效学习率",
    P + "axis.a": "稀疏指数 a",
    P + "axis.final": "最终超额损失（调优后的学习率）",
    P + "axis.ratio": "未修正步长 ÷ Adam 步长",
    P + "raster.head": "哪些坐标得到了梯度？",
    P + "raster.help": "每个色块表示某个特征（行）出现在某一步（列）的小批量中；其余位置它的梯度恰好为零。"
                       "所有优化器使用相同的小批量，所以这幅图对它们都一样。",
    P + "race.head": "比赛",
    P + "race.mode.tuned": "每个优化器都以各自最好的学习率运行（见下表）。",
    P + "race.mode.shared": "所有优化器都使用同一个学习率 {lr}。适合某个优化器的学习率，对另一个可能太小或"
                            "太大，所以这样的比较并不公平；想公平比较请选“各自调优”。",
    P + "race.help": "左：损失比最佳拟合高出多少（对数坐标）。中、右：各组的权重误差 ‖w − ŵ‖/‖ŵ‖；"
                     "100% 表示从零出发毫无进展，0% 表示已到最佳拟合。",
    P + "story.adaptive_wins": "**测量结果：** 在 a = {a} 时，最好的自适应方法 {best} 的超额损失比 SGD "
                               "少 {factor} 倍。",
    P + "story.adaptive_close": "**测量结果：** 在 a = {a} 时，自适应方法的优势很小：SGD 的超额损失只是"
                                "其中最好的 {best} 的 {factor} 倍。",
    P + "story.sgd_wins": "**测量结果：** 在 a = {a} 时，SGD 比所有自适应方法都好；其中最好的 {best}，"
                          "超额损失也是 SGD 的 {factor} 倍。",
    P + "story.rare": "机制体现在罕见特征上：SGD 的罕见权重离最佳拟合还有 {sgd} 的距离，{best} 只剩 "
                      "{best_err}。单一的学习率必须小到足以照顾常见特征，于是只偶尔得到梯度的罕见特征几乎"
                      "一动不动。",
    P + "story.no_rare": "批大小为 {B} 时，每个出现过的特征都在大多数批中，所以这里没有罕见特征，稀疏梯度"
                         "的效应无从发挥。增大 a 或减小批大小就能看到。",
    P + "story.dense_gain": "所以这里 {best} 的优势另有来源：随梯度平方累积而缩小的自适应学习率相当于学习率"
                            "衰减，抑制了固定学习率的 SGD 始终带着的小批量噪声。",
    P + "story.adam_rms.below": "这里 Adam 的结果低于 RMSProp（{adam} 对 {rms}）。",
    P + "story.adam_rms.above": "这里 Adam 没有胜过 RMSProp：{adam} 对 {rms}。",
    P + "story.diverged": "发散：{names}；它们的曲线停在最后一个有限值处。",
    P + "story.no_rate": "{names} 在扫描的所有学习率下都发散，因此使用了网格中最小的学习率。",
    P + "rates.head": "每个特征的有效学习率",
    P + "rates.help": "每个优化器对每个特征的步进方向所乘的系数：SGD 和动量法为 η，AdaGrad 为 "
                      "η/(√s + ε)，RMSProp 为 η/(√v + ε)，Adam 为 η/(√v̂ + ε)。很少得到梯度的特征，"
                      "其 s 或 v 一直很小，所以一旦梯度到来，自适应方法会给它们大步长。",
    P + "rates.unseen": "到第 {step} 步为止，有 {n} 个特征还没有得到过非零梯度，图中未画出"
                        "（它们的自适应学习率会是 η/ε）。",
    P + "rates.ratio": "第 {step} 步时，{name} 对罕见特征的学习率中位数是常见特征的 {ratio} 倍。",
    P + "rates.sgd": "SGD 和动量法对所有特征使用同一个学习率，所以是一排水平的点。",
    P + "table.name": "优化器",
    P + "table.lr": "学习率",
    P + "table.excess": "最终超额损失",
    P + "table.err_frequent": "误差：常见",
    P + "table.err_rare": "误差：罕见",
    P + "ladder.head": "梯度越稀疏，Adam 与 RMSProp 谁更好？",
    P + "ladder.intro": "常见的说法是：Adam 就是 RMSProp 加上动量再加上偏差修正，而且梯度越稀疏，Adam 越"
                        "领先。这里让这架“梯子”的三级在五个稀疏程度、各三个数据种子上分别调优学习率"
                        "（共 45 次扫描，当场运行）。RMSProp 的 α 等于 Adam 的 β₂，因此每往上一级只多一个部件："
                        "先是动量（β₁ = 0.9），再是偏差修正。",
    P + "ladder.help": "点：{n} 个种子；线：它们的中位数。{steps} 步之后的超额损失，批大小 32。",
    P + "ladder.latex_help": "Adam 的更新公式，取自实际运行的代码。去掉 1/(1 − β₁ᵗ) 和 1/√(1 − β₂ᵗ) "
                             "这两个因子，就得到虚线那一级。",
    P + "ladder.sparsest.yes": "**测量结果：** 在最稀疏的一级（a = {a}），Adam 的超额损失中位数 {adam} "
                               "低于 RMSProp 的 {rms}。在 {levels} 个稀疏程度中，Adam 领先 {wins} 个。",
    P + "ladder.sparsest.no": "**测量结果：** 这条经验法则在这里不成立。在最稀疏的一级（a = {a}），Adam "
                              "的超额损失中位数是 {adam}，RMSProp 是 {rms}；在 {levels} 个稀疏程度中，"
                              "Adam 只领先 {wins} 个。",
    P + "ladder.trend.up": "从稠密到稀疏，RMSProp 的损失相对 Adam 增大了 {trend} 倍：稀疏确实让形势偏向 Adam。",
    P + "ladder.trend.flat": "从稠密到稀疏，两者之比只变化了 {trend} 倍：稀疏程度并没有改变这场较量。",
    P + "ladder.trend.down": "从稠密到稀疏，Adam 的损失相对 RMSProp 增大了 {trend} 倍：在这里，"
                             "更稀疏的梯度反而对 RMSProp 有利。",
    P + "ladder.bc": "当 β₂ = {b2} 时，偏差修正（Adam 对比虚线那一级）在 {levels} 个稀疏程度中的 {wins} "
                     "个降低了损失。",
    P + "ladder.lrs": "调优得到的学习率（各种子的中位数）",
    P + "bc.head": "偏差修正做了什么",
    P + "bc.story": "平均值 v 从零开始，所以在最初大约 1/(1 − β₂) 步里它偏小，除以 √v 的步长就偏大。"
                    "不做修正时，β₂ = {b2} 下第一步是 Adam 的 {first} 倍；由于 m 比 v 更快“填满”，这个比值在第 {k} 步左右达到"
                    "峰值 {peak} 倍，走完 {steps} 步后仍是 {last} 倍。"
                    "调优时会选一个更小的学习率来部分抵消，于是随着 v 逐渐“填满”，未修正的步长会*变小*："
                    "这相当于自带的学习率衰减，很像 AdaGrad。在这样短而嘈杂的训练预算里，这种衰减可能"
                    "有益而不是有害，这很可能是上面测量结果呈现这种方向的原因之一。可对照下表中调优得到的学习率。",
    P + "guide.head": "选择指南",
    P + "guide.intro": "勾选符合你问题的描述。指南先按常见的经验法则给出建议，再用本页的实时实验逐条检验理由，"
                       "并告诉你测量结果是否支持它。",
    P + "guide.pick": "**建议：{name}。**",
    P + "guide.runner_up": "次选：{name}。",
    P + "guide.how": "每条适用的法则给它推荐的优化器加分；实验不支持的法则不加分。分数相同时，按以下顺序取排在"
                     "前面的：{order}。",
    P + "guide.dropped": "*由于测量结果不支持，这条法则没有计入建议。*",
    P + "guide.rule.sparse": "输入稀疏 → 用自适应方法（AdaGrad、RMSProp、Adam）。",
    P + "guide.rule.sparser_adam": "梯度越稀疏，Adam 应当越胜过 RMSProp。",
    P + "guide.rule.safe": "Adam 是稳妥的默认选择。",
    P + "guide.rule.noisy": "梯度有噪声 → 对梯度做平均（动量法、Adam）。",
    P + "guide.rule.tune": "有时间调参时，带动量的 SGD 是另一个主要选择。",
    P + "guide.rule.first_choice": "问题没有什么特别之处 → Adam 是不错的首选。",
    P + "guide.verdict.sparse.yes": "得到支持：在 a = 1.5、各自调优时，SGD 的超额损失是 {best} 的 {factor} "
                                    "倍。在稠密数据（a = 0）上这个倍数只有 {dense_factor}，所以优势来自稀疏。",
    P + "guide.verdict.sparse.yes_dense_too": "得到支持：在 a = 1.5、各自调优时，SGD 的超额损失是 {best} "
                                              "的 {factor} 倍。注意：在这里，自适应方法在稠密数据上也胜过 "
                                              "SGD（{dense_factor} 倍，领先的是 {dense_best}）；一个可能的原因"
                                              "是随梯度平方累积而缩小的步长也抑制了小批量噪声。稀疏让差距又扩大"
                                              "了 {growth} 倍。",
    P + "guide.verdict.sparse.no": "这里未得到支持：在 a = 1.5 时，SGD 的超额损失只是 {best} 的 {factor} 倍"
                                   "（稠密数据：{dense_factor} 倍）。",
    P + "guide.verdict.sparser_adam.yes": "得到支持：在 a = {a} 时，Adam 的超额损失中位数为 {adam}，RMSProp 为 "
                                          "{rmsprop}；在 {levels} 个稀疏程度中 Adam 领先 {wins} 个。",
    P + "guide.verdict.sparser_adam.no": "这里未得到支持：在 a = {a} 时，Adam 的超额损失中位数为 {adam}，RMSProp "
                                         "为 {rmsprop}；在 {levels} 个稀疏程度中 Adam 只领先 {wins} 个。两者都是"
                                         "自适应方法，在稀疏数据上都胜过 SGD；两者之间谁赢取决于具体设置。",
    P + "guide.verdict.safe.yes": "得到支持：在基准的各个场景中，Adam 最差的结果是最佳优化器的 {adam_worst} "
                                  "倍，是所有优化器中最差情况最好的（其次是 {rival}，{rival_worst} 倍）。",
    P + "guide.verdict.safe.no": "只得到部分支持：Adam 最差的场景落后最佳 {adam_worst} 倍，而 {rival} 最差"
                                 "只落后 {rival_worst} 倍。",
    P + "guide.verdict.first_choice.yes": "得到支持：在基准中，Adam 最差的结果是最佳优化器的 {adam_worst} 倍，"
                                          "是所有优化器中最差情况最好的（其次是 {rival}，{rival_worst} 倍）。",
    P + "guide.verdict.first_choice.no": "只得到部分支持：Adam 最差的场景落后最佳 {adam_worst} 倍，而 {rival} "
                                         "最差只落后 {rival_worst} 倍。",
    P + "guide.verdict.noisy.yes": "得到支持：在含噪碗面上，SGD 的损失是最佳的 {sgd} 倍；动量法 {momentum} 倍，"
                                   "Adam {adam} 倍。",
    P + "guide.verdict.noisy.no": "这里未得到支持：在含噪碗面上，SGD 的损失是最佳的 {sgd} 倍，动量法 "
                                  "{momentum} 倍，Adam {adam} 倍。",
    P + "guide.verdict.tune.yes": "得到支持：调优后的动量法在 {total} 个场景中有 {close} 个与最佳相差不到 2 倍"
                                  "（最差 {worst} 倍）。",
    P + "guide.verdict.tune.no": "只得到部分支持：调优后的动量法在 {total} 个场景中只有 {close} 个与最佳相差"
                                 "不到 2 倍（最差 {worst} 倍）。",
    P + "guide.open": "[打开这个实验：{name} ↗]({url})",
    P + "guide.exp.sparse_race": "a = 1.5 的稀疏比赛",
    P + "guide.exp.dense_race": "稠密数据上的比赛",
    P + "guide.exp.ladder": "不同稀疏程度下的 Adam 与 RMSProp",
    P + "guide.exp.matrix": "基准矩阵",
    P + "guide.caveat": "这些结论来自本页的小型实验：一百个特征、几百步、16 到 22 个点的学习率网格。它们演示"
                        "的是如何检验一条法则，而不是每个真实问题都会如此。",
    P + "matrix.head": "基准矩阵",
    P + "matrix.intro": "六个优化器、五个场景，每个优化器都使用在 22 个学习率（0.0001 到 1000）中扫描出的"
                        "最佳值。各场景的损失尺度相差极大，所以每一列都除以该列最好的格子。",
    P + "matrix.color": "是最佳差距的倍数",
    P + "matrix.loss": "最终损失",
    P + "matrix.help": "每格表示该优化器最终离极小值的距离（网络则为损失本身）是该列最佳优化器的多少倍："
                       "1× 即该列的胜者。与极小值的差距小于初始差距 10⁻¹⁰ 的结果都视为已解决，算作并列。",
    P + "matrix.scenarios": "各个场景",
    P + "matrix.winner": "{column}：{name}",
    P + "matrix.winners": "**测量得到的胜者：** {list}。",
    P + "matrix.steadiest": "最稳定的优化器（最差一列最接近最佳的）是 {name}（{worst}）；Adam 最差的一列是 "
                            "{adam}。",
    P + "matrix.steadiest_adam": "最稳定的优化器（最差一列最接近最佳的）是 {name}：从未差过 {worst}"
                                 "（Adam 最差：{adam}）。",
    P + "matrix.trio": "人们常说 RMSProp、Adadelta 和 Adam 表现相近：这里三者在 {total} 个场景中有 {alike} "
                       "个彼此相差不到 2 倍。",
    P + "matrix.edge": "最佳学习率落在网格边缘（真正的最佳值可能在网格之外）：{cells}。",
}
