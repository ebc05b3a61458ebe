"""Strings of the Optimizer Race page (English and Chinese, same keys)."""

_RACERS_EN = {
    "sgd": "SGD", "momentum": "Momentum", "nesterov": "Nesterov", "adagrad": "AdaGrad",
    "rmsprop": "RMSProp", "adadelta": "Adadelta", "adam": "Adam", "adamw": "AdamW",
    "nadam": "NAdam",
}
_RACERS_ZH = {
    "sgd": "SGD", "momentum": "动量法", "nesterov": "Nesterov 动量", "adagrad": "AdaGrad",
    "rmsprop": "RMSProp", "adadelta": "Adadelta", "adam": "Adam", "adamw": "AdamW",
    "nadam": "NAdam",
}
_SURFACES_EN = {
    "bowl": "Ill-conditioned bowl", "rosenbrock": "Rosenbrock valley", "beale": "Beale",
    "saddle": "Saddle", "himmelblau": "Himmelblau (four minima)",
    "camel": "Six-hump camel", "two_wells": "Two wells", "rastrigin": "Rastrigin",
}
_SURFACES_ZH = {
    "bowl": "病态碗面", "rosenbrock": "Rosenbrock 山谷", "beale": "Beale 函数",
    "saddle": "鞍面", "himmelblau": "Himmelblau（四个极小值）",
    "camel": "六峰驼背函数", "two_wells": "双井", "rastrigin": "Rastrigin",
}
P = "optimizer_race."


def _prefixed(table: dict, group: str) -> dict:
    return {f"{P}{group}.{k}": v for k, v in table.items()}


EN = {
    **_prefixed(_RACERS_EN, "racer"),
    **_prefixed(_SURFACES_EN, "surface"),
    P + "racer.keras_nadam": "NAdam (Keras's variant)",
    P + "title": "Optimizer Race",
    P + "intro": "Plain gradient descent steps straight down the current slope. The rules "
                 "below remember something about earlier slopes: momentum keeps a running "
                 "sum so the ball rolls on through small dips; AdaGrad, RMSProp and Adadelta "
                 "give every weight its own step size from the sizes of its past gradients; "
                 "Adam and its relatives do both. Start them from the same point, give each "
                 "a fair learning rate, and watch who gets to the bottom.",
    P + "none": "Choose at least one optimizer in the sidebar to start a race.",
    P + "setup": "Race set-up",
    P + "preset": "Ready-made race",
    P + "preset_load": "Load this race",
    P + "preset.ball_through_hole": "Ball through the hole: momentum vs SGD on two wells",
    P + "preset.all_on_rosenbrock": "All nine on Rosenbrock, each at its best rate",
    P + "preset.narrow_bowl": "One shared rate on a narrow bowl",
    P + "preset.noisy_saddle": "Noisy gradients near a saddle",
    P + "racers": "Optimizers",
    P + "convention": "Conventions",
    P + "convention.torch": "PyTorch",
    P + "convention.keras": "Keras",
    P + "convention_help": "The same optimizer names hide slightly different formulas and "
                           "defaults in PyTorch and Keras. Switch to see Keras's versions.",
    P + "surface": "Surface",
    P + "kappa": "Condition number κ of the bowl",
    P + "kappa_help": "The condition number: the bowl's largest curvature divided by its "
                      "smallest (κ across the valley, 1 along it).",
    P + "angle": "Angle of the valley θ (degrees)",
    P + "angle_help": "Turns the bowl so that its valley runs at θ degrees to the x axis. At "
                      "0° the valley lies along x.",
    P + "start": "Start point",
    P + "start_now": "Start: ({x}, {y}). Click any spot of the map to start from there.",
    P + "start_reset": "Back to this surface's usual start",
    P + "steps": "Steps",
    P + "noise": "Gradient noise σ",
    P + "noise_help": "Adds random noise with standard deviation σ to every gradient, the way "
                      "a mini-batch only estimates the true slope. Every optimizer sees the "
                      "same noise; the seed fixes it.",
    P + "seed": "Random seed",
    P + "lr_mode": "Learning rates",
    P + "lr_mode.tuned": "each at its best",
    P + "lr_mode.shared": "one rate for all",
    P + "lr_mode.own": "as set in each panel",
    P + "lr_mode_help": "“Each at its best” tries {n} rates from {lo} to {hi} for every "
                        "optimizer in one batched run and keeps the best by the rule shown "
                        "under the race; a rate whose path leaves the map is ruled out too.",
    P + "shared_lr": "Shared learning rate η",
    P + "tol": "Loss tolerance",
    P + "tol_help": "An optimizer has arrived once its loss is within this distance of the "
                    "lowest value the surface reaches.",
    P + "panels": "Hyperparameters of each optimizer",
    P + "lr_unused.tuned": "The race currently ignores this learning rate: it uses the best "
                           "rate of the sweep instead (switch “Learning rates” to use it).",
    P + "lr_unused.shared": "The race currently ignores this learning rate: every optimizer "
                            "uses the shared rate from the sidebar.",
    P + "knob.lr": "learning rate η",
    P + "knob.momentum": "momentum μ",
    P + "knob.b1": "β₁ (first-moment decay)",
    P + "knob.b2": "β₂ (second-moment decay)",
    P + "knob.alpha": "ρ (decay of the squared-gradient average; torch calls it α)",
    P + "knob.rho": "ρ (decay of both averages)",
    P + "knob.eps": "ε",
    P + "knob.initial_accumulator_value": "starting value of the sum s",
    P + "knob.weight_decay": "weight decay λ",
    P + "knob.amsgrad": "AMSGrad",
    P + "knob.amsgrad_help": "Divide by v^max, the largest raw second moment v seen so far, "
                             "instead of the current v. Smaller gradients then no longer raise "
                             "the effective rate, but torch still divides v^max by 1 − β₂ᵗ, so "
                             "the rate keeps growing while that correction fades.",
    P + "keras_intro": "**Keras conventions are on.** Each panel now starts from Keras's "
                       "defaults and runs Keras's formula. What changes for the optimizers "
                       "in this race:",
    P + "keras_table": "Defaults that differ",
    P + "keras_table.torch": "PyTorch",
    P + "keras_table.keras": "Keras",
    P + "keras_table.knob": "hyperparameter",
    P + "keras_diff.sgd": "SGD and momentum: the same points; only the default learning rate "
                          "differs. Keras stores momentum as a velocity that already includes η, "
                          "which changes nothing while η stays constant.",
    P + "keras_diff.adagrad": "AdaGrad: the running sum does not start at zero, and ε sits inside"
                              " the square root, η·g/√(s + ε). Where gradients are small, the "
                              "first steps are damped.",
    P + "keras_diff.rmsprop": "RMSProp: a shorter memory by default (smaller ρ) and ε inside the "
                              "root. With the shorter memory v fills up faster, so the first "
                              "steps are smaller.",
    P + "keras_diff.adadelta": "Adadelta: the same formula, but Keras multiplies the step by a "
                               "small learning rate where PyTorch leaves it unscaled, so with its"
                               " defaults it barely moves.",
    P + "keras_diff.adam": "Adam: ε is added to the raw √v (the paper's “ε-hat”), not to the "
                           "bias-corrected root. Keras's ε therefore weighs more in the first steps, which makes "
                           "them smaller where gradients are tiny.",
    P + "keras_diff.adamw": "AdamW: the ε-hat form as for Adam, and a smaller default weight "
                            "decay.",
    P + "keras_diff.nadam": "NAdam: PyTorch's formula, whose momentum at step t is "
                            "μ_t = β₁(1 − ½·0.96^(tψ)), with ψ set to 1 instead of 0.004, "
                            "so the momentum schedule warms up within tens of steps instead "
                            "of thousands. The legend calls it “Keras's variant”.",
    P + "race": "The race",
    P + "lr_mode_says.tuned": "Every optimizer runs at **its own best learning rate**, found "
                              "by a sweep on this very race (see “Fair comparison” below).",
    P + "lr_mode_says.shared": "Every optimizer runs at **the same learning rate η = {lr}**. "
                               "That suits some rules far better than others.",
    P + "lr_mode_says.own": "Every optimizer runs with **the learning rate set in its panel** "
                            "(the library's default until you change it).",
    P + "all_diverged": "{name}: every rate of the sweep diverged here, so it runs at its "
                        "panel's rate {lr}.",
    P + "gap_axis": "loss above the lowest point",
    P + "lr_axis": "learning rate η",
    P + "map_help": "Rings mark the start, filled markers each racer's current step, diamonds the known minima "
                    "(white: global). Drag the step slider or press Play; click the map to "
                    "move the start.",
    P + "board.rank": "#",
    P + "board.name": "optimizer",
    P + "board.lr": "η used",
    P + "board.steps": "steps to within {tol}",
    P + "board.final": "final loss",
    P + "board.distance": "distance to nearest minimum",
    P + "board.status": "status",
    P + "board.diverged": "diverged at step {k}",
    P + "board.diverged_short": "diverged at step",
    P + "board.reached": "arrived at step {k}",
    P + "sum.first": "**{name}** was first to get within {tol} of the lowest loss, after "
                     "{k} steps.",
    P + "sum.none": "Nobody got within {tol} of the lowest loss in {steps} steps.",
    P + "sum.lowest": "The lowest final loss is **{name}**'s ({loss}).",
    P + "sum.diverged": "Blew up: {names}. Their steps grew until the point left the map: "
                        "the learning rate is too large for this surface.",
    P + "sum.local": "Ended nearest a local, not the global, minimum: {names}.",
    P + "closer": "Look closer",
    P + "closer.fair": "Fair comparison",
    P + "closer.inside": "Inside one optimizer",
    P + "closer.network": "A tiny neural network",
    P + "look": "Optimizer to open up",
    P + "fair": "Fair comparison: every learning rate, every optimizer",
    P + "fair_intro": "Each line is one optimizer run at {n} learning rates, all at once, "
                      "showing its final loss at each rate; crosses along the top mark rates "
                      "that blew up, hollow dots the rates the rule below rules out (on some "
                      "seed the loss rose above its start or the path left the map). Large "
                      "rings show the rates the race above used. The rule below judges a whole loss curve, not only its last point, so the "
                      "chosen rate need not be the lowest point of its line.",
    P + "chosen_lr": "rate used in the race",
    P + "fair_help": "Same start, same steps, same noise for every run: only the learning "
                     "rate changes along a line.",
    P + "fair.none": "Every rate diverged for every optimizer: try fewer steps or another "
                     "start.",
    P + "fair.span": "Best rates range from {lo_lr} ({lo}) to {hi_lr} ({hi}), a factor of "
                     "{ratio}. No single rate is right for all of them.",
    P + "fair.single": "{name}'s best rate on this race is {lr}.",
    P + "fair.same": "Every optimizer here has the same best rate, {lr}.",
    P + "fair.momentum": "With momentum μ the steady step is η/(1 − μ), so read "
                         "momentum's rates through that:",
    P + "fair.momentum_one": "{name}'s best η = {lr} at μ = {mu} is a steady step of {eff}.",
    P + "fair.momentum_sgd": "Plain SGD's best η is {lr}.",
    P + "fair.shared_blows": "At the shared rate η = {lr}, {name} does not just lose: it "
                             "diverges.",
    P + "fair.shared_costs": "At the shared rate η = {lr}, {name} ends {ratio} times further "
                             "above the minimum than at its own best rate. A race at one "
                             "shared rate mostly measures whom that rate happens to suit.",
    P + "inside": "Inside {name}",
    P + "watch.sgd": "Plain SGD has no memory; with momentum, the buffer b adds up past "
                     "gradients, so the step keeps pointing the way the ball was already "
                     "rolling. Without momentum the step is η·g; with momentum μ the buffer "
                     "in a steady slope grows to g/(1 − μ), so the steady step is "
                     "η/(1 − μ)·g: with μ = 0.9, ten times η.",
    P + "watch.adagrad": "Watch the sum s: it only grows, so the effective rate of each "
                         "coordinate only shrinks. Steps get smaller for good, even on a "
                         "flat stretch where bigger steps would help.",
    P + "watch.rmsprop": "Here v is a decaying average, not a sum: when gradients get "
                         "smaller, v forgets the big ones and the effective rate climbs back "
                         "up. Compare with AdaGrad.",
    P + "watch.adadelta": "Adadelta divides a running size of past steps (w) by a running "
                          "size of gradients (v): its first steps are tiny until w fills up.",
    P + "watch.adam": "m and v start at zero, so in the first steps they are far too small. "
                      "The bias-corrected m̂ and v̂ undo that: at step 0, m̂ equals the "
                      "gradient exactly while m is only (1 − β₁) times it.",
    P + "watch.adamw": "AdamW keeps Adam's m and v, and separately pulls every weight toward "
                       "zero by the fraction ηλ per step. That pull stays outside the division "
                       "by √v̂, so it is the same for every coordinate; where the minimum is "
                       "not at the origin it moves the end point slightly off the minimum.",
    P + "watch.nadam": "NAdam mixes the current gradient with the momentum it is about to "
                       "have (a Nesterov look-ahead), under Adam's per-coordinate scaling.",
    P + "inside_diverged": "This run diverged at step {k}; everything from there on is "
                           "shown as zero.",
    P + "q.g": "gradient g",
    P + "q.buf": "momentum buffer b",
    P + "q.m": "first moment m (raw)",
    P + "q.m_hat": "first moment m̂ (bias-corrected)",
    P + "q.s": "sum of squared gradients s",
    P + "q.v": "average of squared gradients v",
    P + "q.v_hat": "v̂ (bias-corrected)",
    P + "q.vmax": "running maximum v^max of v",
    P + "q.vmax_hat": "v^max / (1 − β₂ᵗ), what AMSGrad divides by",
    P + "q.w": "average of squared steps w",
    P + "q.eff_lr": "effective learning rate η_eff",
    P + "q.u": "step taken u",
    P + "q.neg_g": "downhill −g",
    P + "compass": "Directions at this step",
    P + "inside_help": "The arrows: the direction straight downhill (−g) and the step the "
                       "rule actually took, both drawn at unit length. The other charts: each "
                       "quantity for "
                       "x and y at the chosen step (bars) and over the whole run (lines; "
                       "solid x, dashed y). Positive quantities use a log axis.",
    P + "eff_story": "Effective learning rate for **{param}**: {first} at step 0, lowest "
                     "{low} at step {k}, {last} at the end.",
    P + "network": "A tiny neural network",
    P + "network_intro": "In real training the “surface” has one axis per weight. This "
                         "network has two inputs, one hidden layer of tanh units and one "
                         "output; every optimizer above trains its own copy from the same "
                         "starting weights. The gradients come from backpropagation written "
                         "by hand in NumPy.",
    P + "net.dataset": "Data set",
    P + "net.dataset.moons": "two moons",
    P + "net.dataset.circles": "two circles",
    P + "net.dataset.spirals": "two spirals",
    P + "net.points": "Points",
    P + "net.noise": "Data noise",
    P + "net.hidden": "Hidden units",
    P + "net.batch": "Mini-batch size",
    P + "net.full_batch": "all points",
    P + "net.steps": "Training steps",
    P + "net.loss_axis": "training loss (cross-entropy)",
    P + "net.prob": "P(blue)",
    P + "net.boundary_help": "Shading shows what each trained network predicts: blue where "
                             "it says “blue class”, orange where it says “orange class”, "
                             "white on the decision boundary.",
    P + "net.final": "final loss",
    P + "net.accuracy": "training accuracy",
    P + "surface_lesson.bowl": "A long, narrow bowl: the curvature across the valley is κ "
                               "times that along it, so a single step size zig-zags across "
                               "the valley and crawls along it. AdaGrad and RMSProp scale "
                               "each coordinate separately (a diagonal scaling), which helps "
                               "only when the valley runs along an axis: set the angle to 0° "
                               "and they arrive within a few steps; turned, that shortcut is "
                               "gone. Momentum gathers speed along the valley instead, and "
                               "arrives where plain SGD is still crawling.",
    P + "race.at_edge": "Best rate at the edge of the grid for {names}: a better rate may lie "
                        "beyond it.",
    P + "surface_lesson.rosenbrock": "Reaching the curved valley is easy; following its "
                                     "nearly flat floor to the minimum is the slow part.",
    P + "surface_lesson.beale": "Steep walls next to wide plateaus: a step that is safe on a "
                                "wall crawls on a plateau.",
    P + "surface_lesson.saddle": "The slope also vanishes at a saddle point. Plain SGD, started "
                                 "near the ridge, first slides to the flat saddle point in the "
                                 "middle and lingers there before it falls off to one side. "
                                 "AdaGrad, RMSProp and Adam scale the tiny slope across the "
                                 "ridge up to a full-sized step and leave it at once.",
    P + "surface_lesson.himmelblau": "Four equally deep minima: where an optimizer ends up "
                                     "depends on its start and on the path its rule takes.",
    P + "surface_lesson.camel": "Two deep valleys and four shallower side valleys: a zero "
                                "gradient is not necessarily the best answer.",
    P + "surface_lesson.two_wells": "A shallow well on the right, a deeper one on the left. "
                                    "Momentum can carry the ball through the first into the "
                                    "second.",
    P + "surface_lesson.rastrigin": "A bowl covered in dimples: plain descent stops in the "
                                    "nearest dimple instead of the centre.",
}

ZH = {
    **_prefixed(_RACERS_ZH, "racer"),
    **_prefixed(_SURFACES_ZH, "surface"),
    P + "racer.keras_nadam": "NAdam（Keras 版本）",
    P + "title": "优化器竞赛",
    P + "intro": "普通梯度下降只沿着当前坡度往下走一步。下面这些规则会记住以前的坡度："
                 "动量法累积过去的梯度，让小球冲过小坑继续滚；AdaGrad、RMSProp 和 Adadelta "
                 "根据每个权重过去梯度的大小，给它单独的步长；Adam 及其变体两者兼有。"
                 "让它们从同一点出发，各自使用公平的学习率，看看谁先到达谷底。",
    P + "none": "请在侧边栏至少选择一个优化器来开始竞赛。",
    P + "setup": "竞赛设置",
    P + "preset": "预设竞赛",
    P + "preset_load": "载入这场竞赛",
    P + "preset.ball_through_hole": "小球冲过浅坑：双井上的动量法对 SGD",
    P + "preset.all_on_rosenbrock": "九个优化器在 Rosenbrock 上，各用最佳学习率",
    P + "preset.narrow_bowl": "窄碗面上共用一个学习率",
    P + "preset.noisy_saddle": "鞍点附近的含噪梯度",
    P + "racers": "优化器",
    P + "convention": "约定",
    P + "convention.torch": "PyTorch",
    P + "convention.keras": "Keras",
    P + "convention_help": "同名的优化器在 PyTorch 和 Keras 中的公式和默认值略有不同。"
                           "切换即可查看 Keras 的版本。",
    P + "surface": "损失曲面",
    P + "kappa": "碗面的条件数 κ",
    P + "kappa_help": "条件数：碗面最大曲率与最小曲率之比（横穿山谷方向为 κ，沿山谷方向为 1）。",
    P + "angle": "山谷的角度 θ（度）",
    P + "angle_help": "旋转碗面，使山谷与 x 轴成 θ 度角。0° 时山谷沿 x 轴方向。",
    P + "start": "起点",
    P + "start_now": "起点：({x}, {y})。点击地图上任意位置即可从那里出发。",
    P + "start_reset": "回到这个曲面的默认起点",
    P + "steps": "步数",
    P + "noise": "梯度噪声 σ",
    P + "noise_help": "给每个梯度加上标准差为 σ 的随机噪声，就像小批量只能估计真实坡度。"
                      "所有优化器看到的噪声相同；随机种子决定噪声。",
    P + "seed": "随机种子",
    P + "lr_mode": "学习率",
    P + "lr_mode.tuned": "各用最佳值",
    P + "lr_mode.shared": "所有优化器共用一个",
    P + "lr_mode.own": "按各自面板设置",
    P + "lr_mode_help": "“各用最佳值”会在一次批量运行中为每个优化器尝试 {lo} 到 {hi} 之间的 "
                        "{n} 个学习率，并按竞赛下方说明的规则选出最佳值；路径跑出地图的学习率也会被排除。",
    P + "shared_lr": "共用学习率 η",
    P + "tol": "损失容差",
    P + "tol_help": "当优化器的损失与曲面最低值相差不超过这个数时，就算到达终点。",
    P + "panels": "各优化器的超参数",
    P + "lr_unused.tuned": "竞赛目前不使用这个学习率，而是使用扫描得到的最佳学习率"
                           "（把“学习率”切换为“按各自面板设置”即可使用它）。",
    P + "lr_unused.shared": "竞赛目前不使用这个学习率：所有优化器都使用侧边栏中的共用学习率。",
    P + "knob.lr": "学习率 η",
    P + "knob.momentum": "动量 μ",
    P + "knob.b1": "β₁（一阶矩衰减）",
    P + "knob.b2": "β₂（二阶矩衰减）",
    P + "knob.alpha": "ρ（梯度平方平均的衰减；torch 中叫 α）",
    P + "knob.rho": "ρ（两个平均的衰减）",
    P + "knob.eps": "ε",
    P + "knob.initial_accumulator_value": "累加和 s 的初始值",
    P + "knob.weight_decay": "权重衰减 λ",
    P + "knob.amsgrad": "AMSGrad",
    P + "knob.amsgrad_help": "用迄今为止最大的未修正二阶矩 v^max 代替当前的 v 作除数。"
                             "梯度变小不会再让有效学习率升高；但 torch 仍把 v^max 除以 1 − β₂ᵗ，"
                             "所以在这个修正逐渐消失的过程中，有效学习率仍会增大。",
    P + "keras_intro": "**已切换到 Keras 约定。** 每个面板现在从 Keras 的默认值开始，"
                       "并运行 Keras 的公式。本场竞赛中各优化器的变化：",
    P + "keras_table": "不同的默认值",
    P + "keras_table.torch": "PyTorch",
    P + "keras_table.keras": "Keras",
    P + "keras_table.knob": "超参数",
    P + "keras_diff.sgd": "SGD 和动量法：得到的点相同，只有默认学习率不同。Keras 把动量存成已包含 η 的速度，"
                          "只要 η 不变，这不会改变任何结果。",
    P + "keras_diff.adagrad": "AdaGrad：累加和不从零开始，并且 ε 放在根号里面：η·g/√(s + ε)。"
                              "在梯度较小的地方，最初几步会被压小。",
    P + "keras_diff.rmsprop": "RMSProp：默认记忆更短（ρ 更小），ε 放在根号里面。记忆越短，v 积累得越快，"
                              "所以最初几步更小。",
    P + "keras_diff.adadelta": "Adadelta：公式相同，但 Keras 会把步长再乘以一个很小的学习率，而 PyTorch "
                               "不做缩放，所以用默认值时它几乎不动。",
    P + "keras_diff.adam": "Adam：ε 加在未修正的 √v 上（论文中的“ε-hat”形式），而不是加在偏差修正后的根上。"
                           "因此在最初几步中 Keras 的 ε 分量更重，梯度很小时它的步子更小。",
    P + "keras_diff.adamw": "AdamW：与 Adam 一样采用 ε-hat 形式，默认权重衰减更小。",
    P + "keras_diff.nadam": "NAdam：与 PyTorch 的公式相同（第 t 步的动量为 μ_t = β₁(1 − ½·0.96^(tψ))），"
                            "只是动量衰减常数 ψ 取 1 而不是 0.004，"
                            "所以动量调度的预热只需几十步，而不是几千步。图例中标为“Keras 版本”。",
    P + "race": "竞赛",
    P + "lr_mode_says.tuned": "每个优化器都以**它自己的最佳学习率**运行，这个学习率由对本场竞赛"
                              "的扫描得到（见下方“公平比较”）。",
    P + "lr_mode_says.shared": "所有优化器都以**同一个学习率 η = {lr}** 运行。"
                               "这个学习率对某些规则合适得多。",
    P + "lr_mode_says.own": "每个优化器都使用**其面板中设置的学习率**（在你修改之前就是库的默认值）。",
    P + "all_diverged": "{name}：扫描中的每个学习率在这里都发散了，所以它使用面板中的学习率 {lr}。",
    P + "gap_axis": "高出最低点的损失",
    P + "lr_axis": "学习率 η",
    P + "map_help": "圆环标记起点，实心标记表示各优化器的当前步，菱形标记已知极小值（白色为全局极小）。"
                    "拖动步数滑块或按“播放”；点击地图可以移动起点。",
    P + "board.rank": "#",
    P + "board.name": "优化器",
    P + "board.lr": "所用 η",
    P + "board.steps": "损失进入 {tol} 以内所需步数",
    P + "board.final": "最终损失",
    P + "board.distance": "到最近极小值的距离",
    P + "board.status": "状态",
    P + "board.diverged": "在第 {k} 步发散",
    P + "board.diverged_short": "发散于第几步",
    P + "board.reached": "第 {k} 步到达",
    P + "sum.first": "**{name}** 最先使损失进入最低值 {tol} 以内，用了 {k} 步。",
    P + "sum.none": "在 {steps} 步内，没有优化器使损失进入最低值 {tol} 以内。",
    P + "sum.lowest": "最终损失最低的是 **{name}**（{loss}）。",
    P + "sum.diverged": "发散的有：{names}。它们的步子越来越大，直到点跑出地图："
                        "对这个曲面来说学习率太大了。",
    P + "sum.local": "停在离局部极小（而非全局极小）最近处的有：{names}。",
    P + "closer": "仔细看看",
    P + "closer.fair": "公平比较",
    P + "closer.inside": "走进一个优化器",
    P + "closer.network": "一个小型神经网络",
    P + "look": "要打开查看的优化器",
    P + "fair": "公平比较：每个学习率、每个优化器",
    P + "fair_intro": "每条线代表一个优化器同时在 {n} 个学习率下运行的结果，显示每个学习率下的最终损失；"
                      "顶部的叉号表示发散的学习率，空心点表示被下面的规则排除的学习率（在某个种子下损失曾高于起点，"
                      "或路径离开了地图）。大圆环表示上面竞赛使用的学习率。下面的规则评判的是"
                      "整条损失曲线而不只是最后一点，所以选中的学习率不一定是线的最低点。",
    P + "chosen_lr": "竞赛中使用的学习率",
    P + "fair_help": "所有运行的起点、步数和噪声都相同：沿着一条线变化的只有学习率。",
    P + "fair.none": "每个优化器的每个学习率都发散了：试试减少步数或换一个起点。",
    P + "fair.span": "最佳学习率从 {lo_lr}（{lo}）到 {hi_lr}（{hi}）不等，最大的是最小的 {ratio} 倍。"
                     "没有哪一个学习率对所有优化器都合适。",
    P + "fair.single": "{name} 在本场竞赛中的最佳学习率是 {lr}。",
    P + "fair.same": "这里每个优化器的最佳学习率都相同，都是 {lr}。",
    P + "fair.momentum": "有动量 μ 时稳定后的步长是 η/(1 − μ)，所以动量类方法的学习率要按它来看：",
    P + "fair.momentum_one": "{name} 的最佳 η = {lr}（μ = {mu}），相当于稳定步长 {eff}。",
    P + "fair.momentum_sgd": "普通 SGD 的最佳 η 是 {lr}。",
    P + "fair.shared_blows": "在共用学习率 η = {lr} 下，{name} 不只是落后，而是直接发散。",
    P + "fair.shared_costs": "在共用学习率 η = {lr} 下，{name} 最终损失高出最低值的量是它用最佳学习率时"
                             "的 {ratio} 倍。用同一个学习率竞赛，测出的主要是这个学习率恰好适合谁。",
    P + "inside": "走进 {name}",
    P + "watch.sgd": "普通 SGD 没有记忆；加上动量后，缓冲量 b 会累积过去的梯度，"
                     "所以步子会继续朝小球原本滚动的方向走。没有动量时一步是 η·g；有动量 μ 时，"
                     "在坡度不变处缓冲量会增大到 g/(1 − μ)，所以稳定后的一步是 η/(1 − μ)·g："
                     "μ = 0.9 时是 η 的十倍。",
    P + "watch.adagrad": "注意累加和 s：它只增不减，所以每个坐标的有效学习率只会变小。"
                         "步子会永久地变小，即使在需要大步的平坦地段也是如此。",
    P + "watch.rmsprop": "这里的 v 是衰减平均而不是累加和：梯度变小时，v 会忘掉以前的大梯度，"
                         "有效学习率又会回升。可以和 AdaGrad 对比。",
    P + "watch.adadelta": "Adadelta 用过去步长的滑动大小（w）除以梯度的滑动大小（v）："
                          "在 w 积累起来之前，最初几步非常小。",
    P + "watch.adam": "m 和 v 从零开始，所以最初几步它们都太小了。偏差修正后的 m̂ 和 v̂ "
                      "消除了这一点：第 0 步时，m̂ 正好等于梯度，而 m 只有梯度的 (1 − β₁) 倍。",
    P + "watch.adamw": "AdamW 保留 Adam 的 m 和 v，另外每一步把每个权重按 ηλ 的比例拉向零。"
                       "这个拉力不参与除以 √v̂ 的缩放，所以对每个坐标都一样；极小值不在原点时，"
                       "它会让终点稍微偏离极小值。",
    P + "watch.nadam": "NAdam 把当前梯度与即将具有的动量混合起来（Nesterov 式的前瞻），"
                       "再套上 Adam 的逐坐标缩放。",
    P + "inside_diverged": "这次运行在第 {k} 步发散；从那以后的所有量都显示为零。",
    P + "q.g": "梯度 g",
    P + "q.buf": "动量缓冲 b",
    P + "q.m": "一阶矩 m（未修正）",
    P + "q.m_hat": "一阶矩 m̂（偏差修正）",
    P + "q.s": "梯度平方累加和 s",
    P + "q.v": "梯度平方平均 v",
    P + "q.v_hat": "v̂（偏差修正）",
    P + "q.vmax": "v 的历史最大值 v^max",
    P + "q.vmax_hat": "v^max / (1 − β₂ᵗ)，AMSGrad 的除数",
    P + "q.w": "步长平方平均 w",
    P + "q.eff_lr": "有效学习率 η_eff",
    P + "q.u": "实际步 u",
    P + "q.neg_g": "下坡方向 −g",
    P + "compass": "这一步的方向",
    P + "inside_help": "箭头图：最陡下坡方向（−g）和规则实际走的一步，都画成单位长度。"
                       "其余各图：所选步上 x 和 y 的各个量（柱状），以及整个过程中的变化"
                       "（折线；实线为 x，虚线为 y）。正值的量使用对数坐标。",
    P + "eff_story": "**{param}** 的有效学习率：第 0 步为 {first}，最低为 {low}（第 {k} 步），"
                     "最后为 {last}。",
    P + "network": "一个小型神经网络",
    P + "network_intro": "在真实训练中，“曲面”的每个权重都有一个坐标轴。这个网络有两个输入、"
                         "一层 tanh 隐藏单元和一个输出；上面的每个优化器都从相同的初始权重出发，"
                         "训练自己的一份网络。梯度来自用 NumPy 手写的反向传播。",
    P + "net.dataset": "数据集",
    P + "net.dataset.moons": "双月形",
    P + "net.dataset.circles": "同心圆",
    P + "net.dataset.spirals": "双螺旋",
    P + "net.points": "数据点数",
    P + "net.noise": "数据噪声",
    P + "net.hidden": "隐藏单元数",
    P + "net.batch": "小批量大小",
    P + "net.full_batch": "全部数据",
    P + "net.steps": "训练步数",
    P + "net.loss_axis": "训练损失（交叉熵）",
    P + "net.prob": "P(蓝色)",
    P + "net.boundary_help": "阴影表示每个训练好的网络的预测：蓝色区域预测为“蓝色类”，"
                             "橙色区域预测为“橙色类”，白色为决策边界。",
    P + "net.final": "最终损失",
    P + "net.accuracy": "训练准确率",
    P + "surface_lesson.bowl": "又长又窄的碗：横穿山谷方向的曲率是沿山谷方向的 κ 倍，"
                               "所以单一步长会在山谷两侧来回振荡，沿谷底却走得很慢。"
                               "AdaGrad 和 RMSProp 对每个坐标分别缩放（对角缩放），只有山谷沿坐标轴方向时"
                               "才有帮助：把角度设为 0°，它们几步之内就能到达；山谷转过一个角度后，"
                               "这条捷径就没有了。动量法则沿着山谷越走越快，"
                               "在普通 SGD 还在慢慢爬的时候就已到达。",
    P + "race.at_edge": "{names} 的最佳学习率位于网格端点：更好的值可能在网格之外。",
    P + "surface_lesson.rosenbrock": "走进弯曲的山谷很容易；沿着几乎平坦的谷底走到极小值才是慢的部分。",
    P + "surface_lesson.beale": "陡峭的崖壁旁边是宽阔的平台：在崖壁上安全的步长，到了平台上就走得很慢。",
    P + "surface_lesson.saddle": "在鞍点处坡度同样为零。从山脊附近出发的普通 SGD 先滑到中间平坦的鞍点，"
                                 "在那里停留几步，然后才滑向一侧。AdaGrad、RMSProp 和 Adam "
                                 "会把横跨山脊方向的微小坡度放大成正常大小的一步，立刻离开山脊。",
    P + "surface_lesson.himmelblau": "四个同样深的极小值：优化器最终到达哪一个，取决于起点和它的规则所走的路径。",
    P + "surface_lesson.camel": "两个深谷和四个较浅的侧谷：梯度为零并不一定是最好的答案。",
    P + "surface_lesson.two_wells": "右边是浅井，左边是更深的井。动量可以带着小球冲过第一个井，进入第二个。",
    P + "surface_lesson.rastrigin": "布满小坑的碗：普通下降会停在最近的小坑里，而到不了中心。",
}
