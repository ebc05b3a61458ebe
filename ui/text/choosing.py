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
    "bowl.about": "½(x² + 100·y²) from (−4.5, 2), 200 steps with exact gradients. Its "
                  "condition number κ, the ratio of the largest to the smallest curvature, "
                  "is 100, and the valley lies along the x-axis: the case in which "
                  "per-coordinate learning rates help most.",
    "rosenbrock.about": "The curved valley (1 − x)² + 100·(y − x²)² from (−1.5, 2), 500 steps "
                        "with exact gradients.",
    "noisy.about": "½(x² + 10·y²) with Gaussian noise of standard deviation 2 added to every "
                   "gradient, 300 steps, three noise seeds. Scored by the average loss over "
                   "the last 50 steps, averaged over the seeds, so one lucky final step "
                   "cannot decide.",
    "sparse.about": "The logistic regression of the first view at a = 1.5, batches of 32, "
                    "300 steps. The gap is measured from the data's best fit.",
    "mlp.about": "A two-layer network with 16 tanh units on 200 overlapping “moons” points "
                 "(noise 0.3), batches of 32, 300 steps. Its minimum is unknown, so each gap "
                 "is measured from a reference loss: the lowest that full-batch Adam reaches "
                 "in {ref_steps} steps.",
}
_SCENARIO_ZH = {
    "bowl": "狭长碗面",
    "rosenbrock": "Rosenbrock",
    "noisy": "含噪梯度",
    "sparse": "稀疏特征",
    "mlp": "小型网络",
    "bowl.about": "½(x² + 100·y²)，从 (−4.5, 2) 出发，精确梯度，20"
                  "0 步。条件数 κ（最大曲率与最小曲率之比）为 100，山谷沿 x 轴方向"
                  "：这正是逐坐标学习率最能发挥作用的情形。",
    "rosenbrock.about": "弯曲山谷 (1 − x)² + 100·(y − x²)²，从 (−1.5, 2) 出发，精确梯度，500 步。",
    "noisy.about": "½(x² + 10·y²)，每次梯度都加上标准差为 2 的高斯噪声，30"
                   "0 步，三个噪声种子。按最后 50 步的平均损失计分，再对种子取平均，避"
                   "免由最后一步的运气决定名次。",
    "sparse.about": "第一部分的逻辑回归，a = 1.5，批大小 32，300 步。差距以数据"
                    "的最佳拟合为基准。",
    "mlp.about": "两层网络（16 个 tanh 单元），在 200 个相互重叠的“双月”点上"
                 "训练（噪声 0.3），批大小 32，300 步。它的极小值未知，所以差距以"
                 "参考损失为基准：全批量 Adam 在 {ref_steps} 步内达到的最"
                 "低损失。",
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
    P + "ctl.lr_mode_help": "Tuned: every optimizer runs at its best of {n} rates from {lo} to "
                            "{hi}, chosen by the rule shown under the race. Shared: all use the "
                            "one rate set by the “Shared learning rate” slider.",
    P + "ctl.lr": "Shared learning rate",
    P + "ctl.lr_help": "Used only when the learning rates are shared.",
    P + "ctl.seed": "Seed",
    P + "ctl.seed_help": "Draws the data, the true weights and the order of the mini-batches. "
                         "The same seed always gives the same picture.",
    P + "ctl.step": "Step for the effective learning rates",
    P + "ctl.step_help": "The rates each optimizer would apply after this many steps.",
    P + "ctl.b2": "β₂ (Adam) = α (RMSProp)",
    P + "ctl.b2_help": "How slowly the average of squared gradients forgets: its memory is about "
                       "1/(1 − β₂) steps. RMSProp's α is set equal to Adam's β₂ (the same "
                       "memory), so the rungs differ in one piece each. The ladder runs 2/(1 − "
                       "β₂) steps, and at least 300.",
    P + "ctl.matrix_seed": "Seed of the matrix",
    P + "ctl.matrix_seed_help": "Draws the gradient noise (three seeds from this one for the "
                                "noisy scenario, five for the noise floor), the sparse data and "
                                "the network's data and start. The bowl and Rosenbrock do not "
                                "depend on it.",
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
    P + "sparse.head": "Sparse gradients: do adaptive methods help, and why?",
    P + "sparse.intro": "A logistic regression whose features show up with very different "
                        "frequencies, as words do in text. Each sample's label is a probability "
                        "(like a click-through rate) made from true weights plus noise. With "
                        "such labels the loss has a minimum, here one best fit ŵ, found by "
                        "Newton's method; the curves below measure how far each optimizer still "
                        "is from it. All five optimizers start from zero and see exactly the "
                        "same mini-batches.",
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
    P + "race.help": "First chart: how far the loss is above the best fit (log scale). The "
                     "other two: the weight error ‖w − ŵ‖/‖ŵ‖ of each group; 100% means no "
                     "progress from zero, 0% means the best fit.",
    P + "story.adaptive_wins": "**Measured in this race:** at a = {a}, SGD ended with {factor}× "
                               "the excess loss of the best adaptive method, {best}.",
    P + "story.adaptive_close": "**Measured in this race:** at a = {a} the adaptive methods gain "
                                "little: SGD's excess loss was only {factor}× that of the best "
                                "of them, {best}.",
    P + "story.sgd_wins": "**Measured in this race:** at a = {a} SGD did better than every "
                          "adaptive method; {best}, the best of them, ended with {factor}× SGD's "
                          "excess loss.",
    P + "story.rare": "The rare features show the gap most: SGD's rare weights are still {sgd} "
                      "of the way from the best fit, {best}'s {best_err}. With one rate for "
                      "every feature, SGD's rate is capped by the frequent features, which have "
                      "the largest curvature, and the rare ones, which get a gradient only now "
                      "and then, move slowly.",
    P + "story.no_rare": "With batches of {B}, every feature that occurs is in most batches, "
                         "so no feature counts as rare here: the sparse-gradient effect has "
                         "nothing to act on. Raise a or shrink the batches to see it.",
    P + "story.dense_gain": "So the gain of {best} here does not come from sparse gradients: "
                            "every feature is in most batches. The dense control below separates "
                            "the two effects.",
    P + "story.adam_rms.below": "Adam ended below RMSProp here ({adam} against {rms}).",
    P + "story.adam_rms.above": "Adam did not beat RMSProp here: {adam} against {rms}.",
    P + "story.diverged": "Diverged: {names}; their curves stop at the last finite point.",
    P + "story.no_rate": "Every rate in the sweep diverged for {names}, so the lowest rate of "
                         "the grid was used.",
    P + "rates.head": "Each feature's effective learning rate",
    P + "rates.help": "The factor each optimizer multiplies its step direction by, per feature: "
                      "η for SGD and for momentum (whose direction is the velocity, so a steady "
                      "gradient moves the weights η/(1 − μ) per step), η/(√s + ε) for AdaGrad, "
                      "η/(√v + ε) for RMSProp and η/(√v̂ + ε) for Adam. Features that rarely get "
                      "a gradient keep a small s or v, so the adaptive methods give them large "
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
    P + "ladder.intro": "A common claim: Adam is RMSProp plus momentum plus bias correction, and "
                        "it pulls ahead of RMSProp as gradients become sparser. Here the three "
                        "rungs of that ladder each get their own tuned learning rate at the "
                        "sparsity levels a = {levels}, with {n} data seeds each, run live. "
                        "RMSProp's α equals Adam's β₂, so both average the squared gradients "
                        "over the same memory of about 1/(1 − β₂) steps, and going up one rung "
                        "adds one piece: momentum (β₁ = 0.9), then bias correction. Each run "
                        "lasts at least twice that memory, so bias correction is judged after "
                        "its start-up period too.",
    P + "ladder.help": "Dots: the {n} seeds; lines: their medians. Excess loss after {steps} "
                       "steps with β₂ = α = {b2} (memory 1/(1 − β₂) = {memory} steps), batches "
                       "of 32.",
    P + "ladder.latex_help": "Adam's update, read from the code that runs it. Remove the two "
                             "factors 1/(1 − β₁ᵗ) and 1/√(1 − β₂ᵗ) and you get the rung "
                             "“Adam without bias correction”.",
    P + "ladder.trend.up": "**Measured:** going from dense to sparse, RMSProp's loss grew "
                           "relative to Adam's by a factor of {trend}: sparsity moves this "
                           "contest Adam's way.",
    P + "ladder.trend.flat": "**Measured:** going from dense to sparse, the ratio of the two "
                             "losses changed by a factor of only {trend}, less than the 1.2× "
                             "this page counts as a trend: sparsity did not move this contest.",
    P + "ladder.trend.down": "**Measured:** going from dense to sparse, Adam's loss grew "
                             "relative to RMSProp's by a factor of {trend}: sparser gradients "
                             "favoured RMSProp here.",
    P + "ladder.bc": "Bias correction (Adam against Adam without it) lowered the loss at {wins} "
                     "of {levels} levels with β₂ = {b2}, over {steps} steps.",
    P + "ladder.lrs": "Tuned learning rates (median over seeds)",
    P + "bc.head": "What bias correction does",
    P + "bc.story": "Both averages start at zero. m is too small for its first ~1/(1 − β₁) = 10 "
                    "steps, which makes an uncorrected step smaller; v is too small for its "
                    "first ~1/(1 − β₂) steps, which makes a step divided by √v larger. Together "
                    "the uncorrected step is (1 − β₁ᵗ)/√(1 − β₂ᵗ) times Adam's: {first}× at the "
                    "first step with β₂ = {b2}, {peak}× at its largest (step {k}) and {last}× "
                    "after {steps} steps. While this ratio drifts, no single learning rate is "
                    "right for the whole run; bias correction removes the drift. Compare the "
                    "tuned rates in the table below.",
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
    P + "guide.rule.safe": "Adam is a safe default: it does well without tuning its rate for "
                           "each problem.",
    P + "guide.rule.noisy": "Noisy gradients → a smaller or decaying step, or larger batches. "
                            "(Momentum is often said to average the noise away; at the same "
                            "steady step η/(1 − μ) it does not, so this rule favours no "
                            "optimizer.)",
    P + "guide.rule.tune": "With time to tune, SGD with momentum is the other main choice.",
    P + "guide.rule.first_choice": "No rule above favours an optimizer → Adam is a good first "
                                   "choice.",
    P + "guide.verdict.sparse.no": "Not backed here: at a = 1.5, over {seeds} data seeds, SGD's "
                                   "median excess loss was only {factor}× that of {best} (dense "
                                   "control: {dense_factor}×).",
    P + "guide.verdict.safe.yes": "Backed: with one learning rate for all five scenarios and no "
                                  "tuning per scenario, Adam's worst scenario was {adam_worst}× "
                                  "the tuned best (at η = {adam_lr}), the smallest worst case of "
                                  "all (the next: {rival}, {rival_worst}× at η = {rival_lr}). At "
                                  "torch's default η = {default_lr}, Adam's worst was "
                                  "{adam_default}×.",
    P + "guide.verdict.safe.no": "Not backed here: with one learning rate for all five "
                                 "scenarios, Adam's worst scenario was {adam_worst}× the tuned "
                                 "best (at η = {adam_lr}), while {rival}'s was {rival_worst}× "
                                 "(at η = {rival_lr}). At torch's default η = {default_lr}, "
                                 "Adam's worst was {adam_default}×.",
    P + "guide.verdict.first_choice.yes": "Backed: with one learning rate for all five scenarios "
                                          "and no tuning per scenario, Adam's worst scenario was "
                                          "{adam_worst}× the tuned best (at η = {adam_lr}), the "
                                          "smallest worst case of all (the next: {rival}, "
                                          "{rival_worst}× at η = {rival_lr}). At torch's default "
                                          "η = {default_lr}, Adam's worst was {adam_default}×.",
    P + "guide.verdict.first_choice.no": "Only partly backed: with one learning rate for all "
                                         "five scenarios, Adam's worst scenario was "
                                         "{adam_worst}× the tuned best (at η = {adam_lr}), while "
                                         "{rival}'s was {rival_worst}× (at η = {rival_lr}). At "
                                         "torch's default η = {default_lr}, Adam's worst was "
                                         "{adam_default}×.",
    P + "guide.verdict.noisy.yes": "Backed, over {seeds} noise seeds on the noisy bowl with η = "
                                   "{eta}: heavy-ball momentum at η(1 − μ), whose steady step "
                                   "equals SGD's η, settled at {same}× SGD's noise floor, the "
                                   "same within the {win}× margin. Momentum at η itself (steady "
                                   "step {eff}) sat {raw}× higher, while SGD at η/4 reached "
                                   "{small}× SGD's floor. The step size sets the noise floor; "
                                   "momentum does not lower it.",
    P + "guide.verdict.noisy.no": "Not backed here: over {seeds} noise seeds with η = {eta}, "
                                  "momentum at the same steady step settled at {same}× SGD's "
                                  "noise floor and SGD at η/4 at {small}× (momentum at η itself: "
                                  "{raw}×); the margin asked for is {win}×.",
    P + "guide.verdict.tune.yes": "Backed: tuned momentum came within 2× of the best in {close} "
                                  "of {total} scenarios (its worst: {worst}×). Its tuned η is "
                                  "not comparable to SGD's: with μ = 0.9 the steady step is η/(1 "
                                  "− μ) = 10η.",
    P + "guide.verdict.tune.no": "Only partly backed: tuned momentum came within 2× of the best "
                                 "in {close} of {total} scenarios (its worst: {worst}×). Its "
                                 "tuned η is not comparable to SGD's: with μ = 0.9 the steady "
                                 "step is η/(1 − μ) = 10η.",
    P + "guide.open": "[Open the experiment: {name} ↗]({url})",
    P + "guide.exp.sparse_race": "sparse race at a = 1.5, with its dense control",
    P + "guide.exp.ladder": "Adam vs RMSProp across sparsity",
    P + "guide.exp.matrix": "benchmark matrix",
    P + "guide.caveat": "These verdicts come from this page's small experiments: a hundred "
                        "features, a few hundred to two thousand steps, three to five seeds, "
                        "grids of 16 to 22 learning rates. They show how to test a rule, not how "
                        "every real problem behaves.",
    # 4. benchmark matrix
    P + "matrix.head": "Benchmark matrix",
    P + "matrix.intro": "Six optimizers on five scenarios, each at its own best learning rate "
                        "from a sweep of {n} rates ({lo} to {hi}). Losses live on very "
                        "different scales, so each cell is a loss gap, the final loss minus the "
                        "scenario's reference loss (its known minimum, the data's best fit, or "
                        "for the network the lowest loss that long full-batch runs reach), and "
                        "each column is divided by its best cell.",
    P + "matrix.color": "times the best gap",
    P + "matrix.loss": "final loss gap",
    P + "matrix.help": "A cell shows how many times the column winner's loss gap this "
                       "optimizer's final loss gap is: 1× is the winner. Gaps below 10⁻¹⁰ of the "
                       "starting gap count as solved and tie.",
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
    P + "table.steady": "steady step",
    P + "table.steady_help": "Steady step: how far one step moves per unit of a constant "
                             "gradient. For SGD it is η. For momentum it is η/(1 − μ), here "
                             "{k}·η with μ = {mu}, so the tuned rates of SGD and momentum cannot "
                             "be compared directly. The adaptive methods scale each feature "
                             "separately (see the effective rates below).",
    P + "control.head": "Sparsity or curvature? A dense control",
    P + "control.intro": "Rare features are also flat directions: the loss changes slowly along "
                         "a weight whose feature is mostly zero, since the curvature of weight j "
                         "is about σ'·E[x_j²] = σ'·p_j. So an adaptive method could win here "
                         "because a per-feature rate evens out these curvatures, not because the "
                         "gradients are sparse. The control separates the two. It uses the same "
                         "data, except that every feature is present in every sample, as ±√p_j "
                         "instead of ±1 with probability p_j: each feature keeps its second "
                         "moment E[x_j²] = p_j, and so its curvature, but no gradient coordinate "
                         "is ever exactly zero. Both kinds are tuned and raced on three data "
                         "seeds. The table gives SGD's final excess loss divided by the best "
                         "adaptive method's.",
    P + "control.data": "data",
    P + "control.kind.sparse": "sparse: ±1 with probability p_j",
    P + "control.kind.dense": "dense control: ±√p_j always",
    P + "control.seed": "seed {seed}",
    P + "control.median": "median",
    P + "control.adaptive_wins.sparsity": "**Measured:** at a = {a}, over seeds {seeds}, the "
                                          "best adaptive method beat SGD by a median {sparse}× "
                                          "on the sparse data and by {dense}× on the dense "
                                          "control. The sparse gradients add a factor of {gain} "
                                          "(this page counts {win}× or more), so here much of "
                                          "the gain is about sparsity, not only curvature.",
    P + "control.adaptive_wins.curvature": "**Measured:** at a = {a}, over seeds {seeds}, the "
                                           "best adaptive method beat SGD by a median {sparse}× "
                                           "on the sparse data, and by {dense}× on the dense "
                                           "control, which has the same curvatures but no zero "
                                           "gradients. So in this run the advantage does not "
                                           "come from sparsity (sparse ÷ dense = {gain}, short "
                                           "of the {win}× this page asks for): it comes from the "
                                           "spread of curvatures, which per-feature rates even "
                                           "out. Sparse features are one common cause of such a "
                                           "spread.",
    P + "control.adaptive_wins.mixed": "**Measured:** at a = {a}, over seeds {seeds}, the best "
                                       "adaptive method beat SGD by a median {sparse}× on the "
                                       "sparse data and by {dense}× on the dense control. "
                                       "Sparsity adds a factor of {gain}, short of the {win}× "
                                       "this page asks for, and the control is not won clearly "
                                       "either: this run does not separate the two causes.",
    P + "control.adaptive_close": "**Measured:** at a = {a}, over seeds {seeds}, the median "
                                  "advantage of the best adaptive method over SGD is only "
                                  "{sparse}× on the sparse data (dense control: {dense}×), below "
                                  "the {win}× this page calls a win.",
    P + "control.sgd_wins": "**Measured:** at a = {a}, over seeds {seeds}, SGD's median excess "
                            "loss was {sparse}× the best adaptive method's (dense control: "
                            "{dense}×): SGD did better.",
    P + "ladder.sparsest.ahead": "At the sparsest level (a = {a}) Adam's median excess loss, "
                                 "{adam}, is below RMSProp's, {rms}; Adam was ahead at {wins} of "
                                 "{levels} levels.",
    P + "ladder.sparsest.behind": "At the sparsest level (a = {a}) Adam's median excess loss, "
                                  "{adam}, is above RMSProp's, {rms}; Adam was ahead at {wins} "
                                  "of {levels} levels.",
    P + "guide.verdict.sparse.yes_sparsity": "Backed: at a = 1.5, tuned, over {seeds} data "
                                             "seeds, SGD ended with a median {factor}× the "
                                             "excess loss of {best}. On the dense control with "
                                             "the same curvatures the factor is {dense_factor}, "
                                             "so sparsity itself adds {gain}×.",
    P + "guide.verdict.sparse.yes_curvature": "Backed, but not for the reason usually given: at "
                                              "a = 1.5, tuned, over {seeds} data seeds, SGD "
                                              "ended with a median {factor}× the excess loss of "
                                              "{best}, and on the dense control, with the same "
                                              "per-feature curvatures and no zero gradients, "
                                              "{dense_factor}× that of {dense_best}. The "
                                              "adaptive methods win through the spread of "
                                              "curvatures that sparse features create, not "
                                              "through the sparsity of the gradients.",
    P + "guide.verdict.sparse.yes_mixed": "Backed: at a = 1.5, tuned, over {seeds} data seeds, "
                                          "SGD ended with a median {factor}× the excess loss of "
                                          "{best}; on the dense control the factor is "
                                          "{dense_factor}. How much of it is sparsity ({gain}×) "
                                          "this run does not settle.",
    P + "guide.verdict.sparser_adam.yes_ahead": "Backed: from a = 0 to a = {a}, RMSProp's loss "
                                                "grew relative to Adam's by {trend}×, and at a = "
                                                "{a} Adam's median excess loss was {adam} "
                                                "against RMSProp's {rmsprop} (Adam led at {wins} "
                                                "of {levels} levels).",
    P + "guide.verdict.sparser_adam.yes_behind": "Backed as a trend only: from a = 0 to a = {a}, "
                                                 "RMSProp's loss grew relative to Adam's by "
                                                 "{trend}×, but at a = {a} Adam is still behind, "
                                                 "{adam} against RMSProp's {rmsprop} (Adam led "
                                                 "at {wins} of {levels} levels).",
    P + "guide.verdict.sparser_adam.no_flat": "Not backed here: from a = 0 to a = {a} the ratio "
                                              "of their losses changed by only {trend}×; at a = "
                                              "{a} Adam's median excess loss was {adam}, "
                                              "RMSProp's {rmsprop}.",
    P + "guide.verdict.sparser_adam.no_down": "Not backed here: from a = 0 to a = {a}, Adam's "
                                              "loss grew relative to RMSProp's by {trend}×; at a "
                                              "= {a} Adam's median excess loss was {adam}, "
                                              "RMSProp's {rmsprop}.",
    P + "guide.exp.noise_floor": "noise floor, under the benchmark matrix",
    P + "matrix.steady_step": "When you compare the tuned rates of SGD and momentum (hover a "
                              "cell), keep in mind that with momentum μ = {mu} a constant "
                              "gradient moves the weights η/(1 − μ) = {k}·η per step once the "
                              "velocity has built up: the same η means a {k}× larger steady step.",
    P + "fixed.head": "Without tuning: one rate for every scenario",
    P + "fixed.intro": "A safe default should do well without a search for each problem. Here "
                       "each optimizer runs at one learning rate on all five scenarios: at "
                       "torch's default rate, and at the single grid rate that keeps its worst "
                       "scenario closest to the tuned best. Each entry is the optimizer's worst "
                       "ratio over the scenarios, against the best tuned cell of each column.",
    P + "fixed.default_lr": "torch's default η",
    P + "fixed.default_worst": "worst, at the default",
    P + "fixed.rough_lr": "best single η",
    P + "fixed.rough_worst": "worst, at that η",
    P + "noise.head": "Does momentum average the noise away?",
    P + "noise.intro": "A common explanation says momentum averages recent gradients, so "
                       "mini-batch noise cancels out. A test on the noisy bowl ½(x² + 10·y²), "
                       "with noise of standard deviation 2 on every gradient: four runs of "
                       "{steps} steps, each scored by its mean loss over the last {tail} steps "
                       "(its noise floor), median over {n} seeds. With momentum μ = {mu}, a "
                       "constant gradient moves the weights η/(1 − μ) per step, so momentum at η "
                       "= {eta}·(1 − μ) takes steps as large as SGD at η = {eta}, and momentum "
                       "at η = {eta} takes steps of {eff}.",
    P + "noise.run": "run",
    P + "noise.floor": "noise floor (mean loss)",
    P + "noise.run.sgd": "SGD, η = {eta}",
    P + "noise.run.momentum_same": "momentum, η = {lr} (steady step {eff})",
    P + "noise.run.momentum": "momentum, η = {eta} (steady step {eff})",
    P + "noise.run.sgd_small": "SGD, η = {lr}",
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
    P + "ctl.lr_mode_help": "各自调优：每个优化器都使用 {lo} 到 {hi} 之间 {n} 个"
                            "学习率中最好的一个，挑选规则写在竞赛图下方。统一取值：全部使用“统一学习率”"
                            "滑块设定的同一个学习率。",
    P + "ctl.lr": "统一学习率",
    P + "ctl.lr_help": "仅在“统一取值”时使用。",
    P + "ctl.seed": "随机种子",
    P + "ctl.seed_help": "决定数据、真实权重和小批量的顺序。同一个种子总是得到同一幅图。",
    P + "ctl.step": "查看有效学习率的步数",
    P + "ctl.step_help": "每个优化器在走完这么多步之后会使用的学习率。",
    P + "ctl.b2": "β₂（Adam）= α（RMSProp）",
    P + "ctl.b2_help": "梯度平方的平均值遗忘得有多慢：它的记忆长度约为 1/(1 − β₂) 步"
                       "。RMSProp 的 α 设为与 Adam 的 β₂ 相同（记忆长度相同"
                       "），这样相邻两级之间只差一个部件。阶梯实验运行 2/(1 − β₂) 步"
                       "，且至少 300 步。",
    P + "ctl.matrix_seed": "矩阵的随机种子",
    P + "ctl.matrix_seed_help": "决定梯度噪声（含噪场景从这个种子起取三个种子，噪声底实验取五个）"
                                "、稀疏数据以及网络的数据和初始值。碗面和 Rosenbrock "
                                "与它无关。",
    P + "q.sparse": "我的输入是稀疏的",
    P + "q.sparse_help": "大多数特征在大多数样本中为零：词语、ID、独热编码的类别、罕见事件。",
    P + "q.safe": "我想要一个稳妥的默认选择",
    P + "q.safe_help": "不必费心调整，在哪里都还算好用。",
    P + "q.noisy": "我的梯度噪声很大",
    P + "q.noisy_help": "批很小或标签有噪声：每一步看到的只是真实斜率的粗略估计。",
    P + "q.tune": "我有时间调参",
    P + "q.tune_help": "你负担得起学习率搜索（也许还有学习率调度）。",
    P + "sparse.head": "稀疏梯度：自适应方法有没有帮助？为什么？",
    P + "sparse.intro": "这是一个逻辑回归问题，各特征出现的频率相差悬殊，就像文本中的词语。每个样"
                        "本的标签是一个概率（类似点击率），由真实权重加噪声生成。在这样的标签下，"
                        "损失存在极小值，这里是唯一的最佳拟合 ŵ，用牛顿法求出；下面的曲线度量的"
                        "是每个优化器离它还有多远。五个优化器都从零出发，看到完全相同的小批量。",
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
    P + "race.head": "优化器竞赛",
    P + "race.mode.tuned": "每个优化器都以各自最好的学习率运行（见下表）。",
    P + "race.mode.shared": "所有优化器都使用同一个学习率 {lr}。适合某个优化器的学习率，对另一个可能太小或"
                            "太大，所以这样的比较并不公平；想公平比较请选“各自调优”。",
    P + "race.help": "第一张图：损失比最佳拟合高出多少（对数坐标）。另外两张：各组的权重误差 ‖w − ŵ‖/‖ŵ‖；"
                     "100% 表示从零出发毫无进展，0% 表示已到最佳拟合。",
    P + "story.adaptive_wins": "**本次竞赛的测量结果：** 在 a = {a} 时，SGD 的"
                               "超额损失是最好的自适应方法 {best} 的 {factor} "
                               "倍。",
    P + "story.adaptive_close": "**本次竞赛的测量结果：** 在 a = {a} 时，自适应方法"
                                "的优势很小：SGD 的超额损失只是其中最好的 {best} 的 "
                                "{factor} 倍。",
    P + "story.sgd_wins": "**本次竞赛的测量结果：** 在 a = {a} 时，SGD 比所有自"
                          "适应方法都好；其中最好的 {best}，超额损失也是 SGD 的 {f"
                          "actor} 倍。",
    P + "story.rare": "罕见特征上的差距最明显：SGD 的罕见权重离最佳拟合还有 {sgd} 的距"
                      "离，{best} 只剩 {best_err}。所有特征共用一个学习率时，S"
                      "GD 的学习率受限于曲率最大的常见特征，而只偶尔得到梯度的罕见特征就走得很"
                      "慢。",
    P + "story.no_rare": "批大小为 {B} 时，每个出现过的特征都在大多数批中，所以这里没有罕见特征，稀疏梯度"
                         "的效应无从发挥。增大 a 或减小批大小就能看到。",
    P + "story.dense_gain": "所以这里 {best} 的优势并非来自稀疏梯度：每个特征都出现在大多"
                            "数批中。下面的稠密对照实验把这两种效应分开。",
    P + "story.adam_rms.below": "这里 Adam 的超额损失低于 RMSProp（{adam} 对 {rms}）。",
    P + "story.adam_rms.above": "这里 Adam 没有胜过 RMSProp：超额损失 {adam} 对 {rms}。",
    P + "story.diverged": "发散：{names}；它们的曲线停在最后一个有限值处。",
    P + "story.no_rate": "{names} 在扫描的所有学习率下都发散，因此使用了网格中最小的学习率。",
    P + "rates.head": "每个特征的有效学习率",
    P + "rates.help": "每个优化器对每个特征的步进方向所乘的系数：SGD 和动量法为 η（动量法的"
                      "方向是速度，恒定梯度下每步移动 η/(1 − μ)），AdaGrad 为 "
                      "η/(√s + ε)，RMSProp 为 η/(√v + ε)，Adam "
                      "为 η/(√v̂ + ε)。很少得到梯度的特征，其 s 或 v 一直很小，"
                      "所以一旦梯度到来，自适应方法会给它们大步长。",
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
    P + "ladder.intro": "常见的说法是：Adam 就是 RMSProp 加上动量再加上偏差修正，而"
                        "且梯度越稀疏，Adam 越领先。这里让这架“阶梯”的三级在稀疏程度 a "
                        "= {levels} 上、各 {n} 个数据种子分别调优学习率，当场运行"
                        "。RMSProp 的 α 等于 Adam 的 β₂，因此两者对梯度平方取"
                        "平均时记忆长度相同，约为 1/(1 − β₂) 步；每往上一级只多一个部"
                        "件：先是动量（β₁ = 0.9），再是偏差修正。每次运行至少持续两倍的记"
                        "忆长度，所以偏差修正在启动阶段之后的表现也得到检验。",
    P + "ladder.help": "点：{n} 个种子；线：它们的中位数。β₂ = α = {b2}（记忆长"
                       "度 1/(1 − β₂) = {memory} 步）时 {steps} "
                       "步之后的超额损失，批大小 32。",
    P + "ladder.latex_help": "Adam 的更新公式，取自实际运行的代码。去掉 1/(1 − β₁ᵗ) 和 1/√(1 − β₂ᵗ) "
                             "这两个因子，就得到“Adam（去掉偏差修正）”那一级。",
    P + "ladder.trend.up": "**测量结果：** 从稠密到稀疏，RMSProp 的损失与 Adam"
                           " 的损失之比增大到原来的 {trend} 倍：稀疏让形势偏向 Ada"
                           "m。",
    P + "ladder.trend.flat": "**测量结果：** 从稠密到稀疏，两者损失之比只变为原来的 {tr"
                             "end} 倍（或其倒数），不到本页算作趋势的 1.2 倍：稀疏程度"
                             "没有改变这场较量。",
    P + "ladder.trend.down": "**测量结果：** 从稠密到稀疏，Adam 的损失与 RMSPro"
                             "p 的损失之比增大到原来的 {trend} 倍：在这里，更稀疏的梯"
                             "度反而对 RMSProp 有利。",
    P + "ladder.bc": "当 β₂ = {b2}、运行 {steps} 步时，偏差修正（Adam 对"
                     "比去掉它的 Adam）在 {levels} 个稀疏程度中的 {wins} 个降低了"
                     "损失。",
    P + "ladder.lrs": "调优得到的学习率（各种子的中位数）",
    P + "bc.head": "偏差修正做了什么",
    P + "bc.story": "两个平均值都从零开始。m 在最初约 1/(1 − β₁) = 10 步里偏小"
                    "，使未修正的步长变小；v 在最初约 1/(1 − β₂) 步里偏小，使除以 "
                    "√v 的步长变大。合起来，未修正的步长是 Adam 的 (1 − β₁ᵗ)/"
                    "√(1 − β₂ᵗ) 倍：β₂ = {b2} 时第一步为 {first} 倍"
                    "，最大为 {peak} 倍（第 {k} 步），{steps} 步之后为 {l"
                    "ast} 倍。这个比值还在漂移时，没有哪个固定的学习率能适合整个训练过程；偏"
                    "差修正消除了这种漂移。可对照下表中调优得到的学习率。",
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
    P + "guide.rule.safe": "Adam 是稳妥的默认选择：不必为每个问题单独调学习率也表现良好。",
    P + "guide.rule.noisy": "梯度有噪声 → 用更小或逐渐衰减的步长，或者更大的批。（常有人说动量"
                            "能把噪声平均掉；在相同的稳态步长 η/(1 − μ) 下并非如此，所"
                            "以这条法则不偏向任何优化器。）",
    P + "guide.rule.tune": "有时间调参时，带动量的 SGD 是另一个主要选择。",
    P + "guide.rule.first_choice": "上面没有哪条法则偏向某个优化器 → Adam 是不错的首选。",
    P + "guide.verdict.sparse.no": "这里未得到支持：在 a = 1.5、{seeds} 个数据种"
                                   "子上，SGD 的超额损失中位数只是 {best} 的 {fa"
                                   "ctor} 倍（稠密对照：{dense_factor} 倍）"
                                   "。",
    P + "guide.verdict.safe.yes": "得到支持：五个场景共用一个学习率、不逐个调优时，Adam 最差"
                                  "的场景是调优后最佳结果的 {adam_worst} 倍（η ="
                                  " {adam_lr}），是所有优化器中最差情况最好的（其次是 "
                                  "{rival}，η = {rival_lr} 时为 {riva"
                                  "l_worst} 倍）。使用 torch 的默认值 η = {"
                                  "default_lr} 时，Adam 最差为 {adam_de"
                                  "fault} 倍。",
    P + "guide.verdict.safe.no": "这里未得到支持：五个场景共用一个学习率时，Adam 最差的场景"
                                 "是调优后最佳结果的 {adam_worst} 倍（η = {a"
                                 "dam_lr}），而 {rival} 最差为 {rival_w"
                                 "orst} 倍（η = {rival_lr}）。使用 torc"
                                 "h 的默认值 η = {default_lr} 时，Adam "
                                 "最差为 {adam_default} 倍。",
    P + "guide.verdict.first_choice.yes": "得到支持：五个场景共用一个学习率、不逐个调优时，Ada"
                                          "m 最差的场景是调优后最佳结果的 {adam_wors"
                                          "t} 倍（η = {adam_lr}），是所有优化器中"
                                          "最差情况最好的（其次是 {rival}，η = {ri"
                                          "val_lr} 时为 {rival_worst} 倍）"
                                          "。使用 torch 的默认值 η = {default"
                                          "_lr} 时，Adam 最差为 {adam_defau"
                                          "lt} 倍。",
    P + "guide.verdict.first_choice.no": "只得到部分支持：五个场景共用一个学习率时，Adam 最"
                                         "差的场景是调优后最佳结果的 {adam_worst} "
                                         "倍（η = {adam_lr}），而 {rival} "
                                         "最差为 {rival_worst} 倍（η = {ri"
                                         "val_lr}）。使用 torch 的默认值 η = "
                                         "{default_lr} 时，Adam 最差为 {ad"
                                         "am_default} 倍。",
    P + "guide.verdict.noisy.yes": "得到支持：在含噪碗面上、η = {eta}、{seeds} "
                                   "个噪声种子下，学习率为 η(1 − μ) 的重球动量法（稳态"
                                   "步长与 SGD 的 η 相同）停在 SGD 噪声底的 {sa"
                                   "me} 倍处，在 {win} 倍的容差内相同。学习率为 η "
                                   "本身的动量法（稳态步长 {eff}）高出 {raw} 倍，而"
                                   " η/4 的 SGD 降到 SGD 噪声底的 {small}"
                                   " 倍。噪声底由步长决定，动量并不能降低它。",
    P + "guide.verdict.noisy.no": "这里未得到支持：η = {eta}、{seeds} 个噪声种子"
                                  "下，稳态步长相同的动量法停在 SGD 噪声底的 {same} "
                                  "倍处，η/4 的 SGD 为 {small} 倍（学习率为 η"
                                  " 本身的动量法：{raw} 倍）；要求的容差为 {win} 倍"
                                  "。",
    P + "guide.verdict.tune.yes": "得到支持：调优后的动量法在 {total} 个场景中有 {cl"
                                  "ose} 个与最佳相差不到 2 倍（最差 {worst} 倍）"
                                  "。它调优得到的 η 不能与 SGD 的直接比较：μ = 0.9"
                                  " 时稳态步长为 η/(1 − μ) = 10η。",
    P + "guide.verdict.tune.no": "只得到部分支持：调优后的动量法在 {total} 个场景中只有"
                                 " {close} 个与最佳相差不到 2 倍（最差 {worst"
                                 "} 倍）。它调优得到的 η 不能与 SGD 的直接比较：μ ="
                                 " 0.9 时稳态步长为 η/(1 − μ) = 10η。",
    P + "guide.open": "[打开这个实验：{name} ↗]({url})",
    P + "guide.exp.sparse_race": "a = 1.5 时稀疏特征上的优化器竞赛及其稠密对照",
    P + "guide.exp.ladder": "不同稀疏程度下的 Adam 与 RMSProp",
    P + "guide.exp.matrix": "基准矩阵",
    P + "guide.caveat": "这些结论来自本页的小型实验：一百个特征、几百到两千步、三到五个种子、16"
                        " 到 22 个点的学习率网格。它们演示的是如何检验一条法则，而不是每个真"
                        "实问题都会如此。",
    P + "matrix.head": "基准矩阵",
    P + "matrix.intro": "六个优化器、五个场景，每个优化器都使用在 {n} 个学习率（{lo} "
                        "到 {hi}）中扫描出的最佳值。各场景的损失尺度相差极大，所以每格取损失"
                        "差距，即最终损失减去该场景的参考损失（已知的极小值、数据的最佳拟合，或者"
                        "对网络而言，长时间全批量训练达到的最低损失），每一列再除以该列最好的格子"
                        "。",
    P + "matrix.color": "最佳差距的倍数",
    P + "matrix.loss": "最终损失差距",
    P + "matrix.help": "每格表示该优化器最终的损失差距是该列胜者的多少倍：1× 即该列的胜者。小"
                       "于初始差距 10⁻¹⁰ 的差距都视为已解决，算作并列。",
    P + "matrix.scenarios": "各个场景",
    P + "matrix.winner": "{column}：{name}",
    P + "matrix.winners": "**测量得到的胜者：** {list}。",
    P + "matrix.steadiest": "最稳定的优化器（最差一列最接近最佳的）是 {name}（{worst}）；Adam 最差的一列是 "
                            "{adam}。",
    P + "matrix.steadiest_adam": "最稳定的优化器（最差一列最接近最佳的）是 {name}：最差也"
                                 "不过 {worst}（Adam 最差：{adam}）。",
    P + "matrix.trio": "人们常说 RMSProp、Adadelta 和 Adam 表现相近：这里三者在 {total} 个场景中有 {alike} "
                       "个彼此相差不到 2 倍。",
    P + "matrix.edge": "最佳学习率落在网格边缘（真正的最佳值可能在网格之外）：{cells}。",
    P + "table.steady": "稳态步长",
    P + "table.steady_help": "稳态步长：梯度恒为 1 时每步移动的距离。SGD 为 η；动量法为"
                             " η/(1 − μ)，这里 μ = {mu}，即 {k}·η，所以"
                             " SGD 和动量法调优得到的学习率不能直接比较。自适应方法对每个特"
                             "征分别缩放（见下方的有效学习率）。",
    P + "control.head": "是稀疏还是曲率？稠密对照实验",
    P + "control.intro": "罕见特征同时也是平坦的方向：权重 j 的曲率约为 σ'·E[x_j²]"
                         " = σ'·p_j，特征多数时候为零，损失沿这个权重变化得就慢。所以自"
                         "适应方法在这里获胜，可能是因为逐特征的学习率抹平了这些曲率差异，而不是"
                         "因为梯度稀疏。对照实验把两者分开：数据相同，只是每个特征在每个样本中都"
                         "出现，取值为 ±√p_j，而不是以概率 p_j 取 ±1。这样每个特征"
                         "的二阶矩 E[x_j²] = p_j 不变，曲率也就不变，但梯度分量从"
                         "不恰好为零。两种数据都在三个数据种子上调优，再进行优化器竞赛。表中是 SGD 的最"
                         "终超额损失除以最好的自适应方法的最终超额损失。",
    P + "control.data": "数据",
    P + "control.kind.sparse": "稀疏：以概率 p_j 取 ±1",
    P + "control.kind.dense": "稠密对照：始终为 ±√p_j",
    P + "control.seed": "种子 {seed}",
    P + "control.median": "中位数",
    P + "control.adaptive_wins.sparsity": "**测量结果：** 在 a = {a}、种子 {see"
                                          "ds} 上，最好的自适应方法在稀疏数据上胜过 SGD "
                                          "的倍数中位数为 {sparse}，在稠密对照上为 {d"
                                          "ense}。稀疏梯度本身带来 {gain} 倍的差别（"
                                          "本页以 {win} 倍为界），所以这里的优势很大程度上"
                                          "来自稀疏，而不只是曲率。",
    P + "control.adaptive_wins.curvature": "**测量结果：** 在 a = {a}、种子 {se"
                                           "eds} 上，最好的自适应方法在稀疏数据上胜过 SG"
                                           "D 的倍数中位数为 {sparse}，在曲率相同但没"
                                           "有零梯度的稠密对照上为 {dense}。所以在这次运"
                                           "行中，优势并非来自稀疏（稀疏 ÷ 稠密 = {gai"
                                           "n}，达不到本页要求的 {win} 倍），而是来自各"
                                           "方向曲率的差异，逐特征的学习率把它抹平了。稀疏特征只"
                                           "是造成这种差异的常见原因之一。",
    P + "control.adaptive_wins.mixed": "**测量结果：** 在 a = {a}、种子 {seed"
                                       "s} 上，最好的自适应方法在稀疏数据上胜过 SGD 的倍"
                                       "数中位数为 {sparse}，在稠密对照上为 {dens"
                                       "e}。稀疏带来的差别为 {gain} 倍，达不到本页要求"
                                       "的 {win} 倍，而稠密对照上的胜负也不明确：这次运行"
                                       "无法把两种原因分开。",
    P + "control.adaptive_close": "**测量结果：** 在 a = {a}、种子 {seeds} "
                                  "上，最好的自适应方法相对 SGD 的优势中位数在稀疏数据上只有"
                                  " {sparse} 倍（稠密对照：{dense} 倍），低于本"
                                  "页算作胜出的 {win} 倍。",
    P + "control.sgd_wins": "**测量结果：** 在 a = {a}、种子 {seeds} 上，S"
                            "GD 的超额损失中位数是最好的自适应方法的 {sparse} 倍（稠"
                            "密对照：{dense} 倍）：SGD 更好。",
    P + "ladder.sparsest.ahead": "在最稀疏的一级（a = {a}），Adam 的超额损失中位数 "
                                 "{adam} 低于 RMSProp 的 {rms}；在 {le"
                                 "vels} 个稀疏程度中，Adam 领先 {wins} 个。",
    P + "ladder.sparsest.behind": "在最稀疏的一级（a = {a}），Adam 的超额损失中位数 "
                                  "{adam} 高于 RMSProp 的 {rms}；在 {le"
                                  "vels} 个稀疏程度中，Adam 领先 {wins} 个。",
    P + "guide.verdict.sparse.yes_sparsity": "得到支持：在 a = 1.5、各自调优、{seed"
                                             "s} 个数据种子上，SGD 的超额损失中位数是 {"
                                             "best} 的 {factor} 倍。在曲率相同的"
                                             "稠密对照上这个倍数为 {dense_factor}"
                                             "，所以稀疏本身带来 {gain} 倍的差别。",
    P + "guide.verdict.sparse.yes_curvature": "得到支持，但原因与通常的说法不同：在 a = 1."
                                              "5、各自调优、{seeds} 个数据种子上，SGD"
                                              " 的超额损失中位数是 {best} 的 {fact"
                                              "or} 倍；在逐特征曲率相同、没有零梯度的稠密对照"
                                              "上，是 {dense_best} 的 {dense"
                                              "_factor} 倍。自适应方法赢在稀疏特征造成的"
                                              "曲率差异上，而不是梯度的稀疏本身。",
    P + "guide.verdict.sparse.yes_mixed": "得到支持：在 a = 1.5、各自调优、{seeds}"
                                          " 个数据种子上，SGD 的超额损失中位数是 {best"
                                          "} 的 {factor} 倍；在稠密对照上这个倍数为 "
                                          "{dense_factor}。其中有多少来自稀疏（{g"
                                          "ain} 倍），这次运行无法确定。",
    P + "guide.verdict.sparser_adam.yes_ahead": "得到支持：从 a = 0 到 a = {a}，R"
                                                "MSProp 的损失与 Adam 的损失之比增大"
                                                "到原来的 {trend} 倍；在 a = {a}"
                                                " 时，Adam 的超额损失中位数为 {adam}"
                                                "，RMSProp 为 {rmsprop}（在 {"
                                                "levels} 个稀疏程度中 Adam 领先 {"
                                                "wins} 个）。",
    P + "guide.verdict.sparser_adam.yes_behind": "只有趋势得到支持：从 a = 0 到 a = "
                                                 "{a}，RMSProp 的损失与 Adam 的"
                                                 "损失之比增大到原来的 {trend} 倍，但在"
                                                 " a = {a} 时 Adam 仍然落后：{a"
                                                 "dam} 对 RMSProp 的 {rmspr"
                                                 "op}（在 {levels} 个稀疏程度中 A"
                                                 "dam 领先 {wins} 个）。",
    P + "guide.verdict.sparser_adam.no_flat": "这里未得到支持：从 a = 0 到 a = {a}"
                                              "，两者损失之比只变为原来的 {trend} 倍（或"
                                              "其倒数）；在 a = {a} 时，Adam 的超额"
                                              "损失中位数为 {adam}，RMSProp 为 {"
                                              "rmsprop}。",
    P + "guide.verdict.sparser_adam.no_down": "这里未得到支持：从 a = 0 到 a = {a}"
                                              "，Adam 的损失与 RMSProp 的损失之比增"
                                              "大到原来的 {trend} 倍；在 a = {a}"
                                              " 时，Adam 的超额损失中位数为 {adam}，"
                                              "RMSProp 为 {rmsprop}。",
    P + "guide.exp.noise_floor": "噪声底（在基准矩阵下方）",
    P + "matrix.steady_step": "比较 SGD 和动量法调优得到的学习率时（把鼠标移到格子上），请记"
                              "住：动量 μ = {mu} 时，速度建立起来之后，恒定梯度每步使权"
                              "重移动 η/(1 − μ) = {k}·η，同一个 η 意味着稳态"
                              "步长是原来的 {k} 倍。",
    P + "fixed.head": "不调参：所有场景共用一个学习率",
    P + "fixed.intro": "稳妥的默认选择应当不必为每个问题搜索学习率也能表现良好。这里每个优化器在"
                       "五个场景上都用同一个学习率：torch 的默认值，以及让最差场景最接近调"
                       "优最佳结果的那个网格学习率。每项是该优化器在各场景中最差的倍数，以每列调"
                       "优后最好的格子为基准。",
    P + "fixed.default_lr": "torch 默认 η",
    P + "fixed.default_worst": "默认值下最差",
    P + "fixed.rough_lr": "最佳的单一 η",
    P + "fixed.rough_worst": "该 η 下最差",
    P + "noise.head": "动量能把噪声平均掉吗？",
    P + "noise.intro": "一种常见的解释是：动量对最近的梯度取平均，于是小批量噪声相互抵消。在含噪"
                       "碗面 ½(x² + 10·y²) 上检验，每次梯度都加上标准差为 2 的"
                       "噪声：四次运行，每次 {steps} 步，以最后 {tail} 步的平均"
                       "损失（噪声底）计分，取 {n} 个种子的中位数。动量 μ = {mu} "
                       "时，恒定梯度每步使权重移动 η/(1 − μ)，所以 η = {eta}"
                       "·(1 − μ) 的动量法与 η = {eta} 的 SGD 步长一样大"
                       "，而 η = {eta} 的动量法步长为 {eff}。",
    P + "noise.run": "运行",
    P + "noise.floor": "噪声底（平均损失）",
    P + "noise.run.sgd": "SGD，η = {eta}",
    P + "noise.run.momentum_same": "动量法，η = {lr}（稳态步长 {eff}）",
    P + "noise.run.momentum": "动量法，η = {eta}（稳态步长 {eff}）",
    P + "noise.run.sgd_small": "SGD，η = {lr}",
}
