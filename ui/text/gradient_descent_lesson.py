"""Strings of the Gradient Descent page's guided lesson (ui.gradient_descent.lesson): per
step its title, question, answers, the sentence quoting the run and, per answer the run
can bear out, why. Numbers arrive as placeholders from the run."""

P = "gradient_descent.lesson."

EN = {
    # 1. one weight: a step size past 1/L''
    P + "overshoot.title": "A step that overshoots",
    P + "overshoot.question": "On L(w) = ½ w² the curvature is L″ = 1, so the stability limit "
                              "is 2/L″ = 2. Start at w₀ = 2.5 with η = 1.5: each step is "
                              "longer than the distance to the bottom. What will gradient "
                              "descent do?",
    P + "overshoot.choice.slide": "slide down one side and stop at the bottom",
    P + "overshoot.choice.zigzag": "jump across the bottom every step, and still settle",
    P + "overshoot.choice.diverge": "bounce ever higher: η is too large",
    P + "overshoot.measured": "With L″ = {c} the limit is 2/L″ = {limit}, and at η = {lr} "
                              "one step multiplies w by r = 1 − η L″ = {r}. On its way to within "
                              "{tol} of its starting distance from w* = 0 the ball crossed "
                              "w* {flips} times; after {steps} steps it went from w₀ = {w0} "
                              "to w = {w_end}, so {ratio} of the starting distance is left.",
    P + "overshoot.why.zigzag": "A negative r flips the sign of w at every step, so the ball "
                                "lands on the other side each time; but |r| < 1 shrinks the "
                                "distance too, so it zig-zags in. Only above η = 2/L″, where "
                                "|r| > 1, does it blow up.",
    P + "overshoot.why.slide": "Here r was positive, so every step stayed on the same side.",
    P + "overshoot.why.diverge": "Here |r| was above 1, so every jump landed farther away.",
    # 2. two weights: the steep direction decides
    P + "steep.title": "Two directions, one step size",
    P + "steep.question": "On the bowl f = ½ (x² + κ y²) with κ = 7 the limit is 2 along x "
                          "but only 2/7 ≈ 0.29 along the steep y. At η = 0.3, well below 2, "
                          "what will gradient descent do?",
    P + "steep.choice.settle": "settle at the minimum: η is far below the limit along x",
    P + "steep.choice.diverge": "blow up along the steep direction",
    P + "steep.measured": "With κ = {kappa} the steep direction's limit is 2/κ = {limit_y} "
                          "and the shallow one's 2/1 = {limit_x}. At η = {lr} each step "
                          "multiplies x by {rx} and y by {ry}. {end} At step {k_last} the "
                          "point was at x = {x}, y = {y}.",
    P + "steep.end.diverged": "The run left the surface's range at step {k}.",
    P + "steep.end.settled": "The run stayed in the surface's range.",
    P + "steep.why.diverge": "Each coordinate of the bowl moves on its own, so x shrank "
                             "towards 0 while y grew in size by a factor above 1 each step. "
                             "One η must stay below the smallest limit, the one of the "
                             "steepest direction.",
    P + "steep.why.settle": "Here both factors were below 1 in size, so both coordinates "
                            "shrank.",
    # 3. mini-batches: the noise of a few points
    P + "noise.title": "Noise of mini-batches",
    P + "noise.question": "Fit a line to 200 noisy points with η = 0.3 for 200 steps. The "
                          "full batch uses all 200 points for each gradient; the mini-batch run "
                          "uses only 2 of them per step. After 200 steps, the mini-batch "
                          "run …",
    P + "noise.choice.same": "ends as close to the best fit as the full batch",
    P + "noise.choice.jitter": "keeps wandering around the best fit, farther than the full "
                               "batch",
    P + "noise.choice.diverge": "blows up: its gradients are too noisy",
    P + "noise.measured": "With B = {batch}, η = {lr} and {steps} steps, the loss above the "
                          "best fit ended at {gap_full} for the full batch and {gap_mini} "
                          "for the mini-batches. Over the last quarter of the steps the full "
                          "batch stayed on average {spread_full} from the least-squares fit "
                          "(in w and b), the mini-batch run {spread_mini}: {times} times "
                          "farther.",
    P + "noise.why.jitter": "Every mini-batch gradient is the slope of a different small "
                            "sample, and it does not vanish at the best fit of all 200 "
                            "points. So at a fixed η the steps never die out: the run keeps "
                            "hopping around the minimum instead of settling on it.",
    P + "noise.why.same": "Here the mini-batch path ended about as close as the full batch.",
    P + "noise.why.diverge": "Here the mini-batch run left the range.",
    # 5b. schedules: warm-up on the double well
    P + "warmup.title": "Warm-up",
    P + "warmup.question": "On the double well the curve is steep at the start and flatter "
                           "near the bottom, so a step size that blows up at the start can be "
                           "safe at the bottom. Three schedules share one largest step size, "
                           "the peak η: a fixed η equal to the peak from the first step on, a "
                           "cosine that starts at the peak and then decays, and a warm-up "
                           "that starts well below the peak, climbs to it over its first "
                           "steps and then decays. Which of them blow up?",
    P + "warmup.choice.all": "all three: the peak is too large",
    P + "warmup.choice.warm": "the fixed η and the cosine; the warm-up settles",
    P + "warmup.choice.none": "none: the peak is below the bottom's limit",
    P + "warmup.choice.mixed": "another split than the three above",
    P + "warmup.measured": "From w₀ = {w0} the limit is 2/L″(w₀) = {start_limit}; at the "
                           "bottom w* = {bottom} it is {bottom_limit}. The peak is η = {peak}; "
                           "the warm-up climbs to it over {warmup} of the {steps} steps. "
                           "Fixed η: {const} Cosine: {cos} Warm-up then cosine: {warm}",
    P + "warmup.end.diverged": "blew up at step {k}.",
    P + "warmup.end.ok": "ended at w = {w}.",
    P + "warmup.why.warm": "At the start the peak is above the local limit, so a full-size "
                           "first step overshoots and the jumps grow. The warm-up's small "
                           "early steps carry the ball down first, to where L″ is smaller and "
                           "the peak, being below the bottom's limit, is safe.",
    P + "warmup.why.all": "Here the warm-up run blew up as well.",
    P + "warmup.why.none": "Here even the fixed η stayed in range.",
    P + "warmup.why.mixed": "Here the three runs split in another way; the sentence above "
                            "says which of them blew up.",
    # 6b. conditioning: what momentum buys
    P + "momentum.title": "What momentum buys",
    P + "momentum.question": "On the bowl f = ½ (u² + κ v²) with κ = 100, gradient descent "
                             "at its best fixed η needs many steps to come within 10⁻⁶ of "
                             "its starting distance. Heavy ball (momentum), at its best η "
                             "and μ, needs how many times fewer steps?",
    P + "momentum.choice.same": "about as many: no method beats the best η",
    P + "momentum.choice.sqrt": "about √κ = 10 times fewer",
    P + "momentum.choice.kappa": "about κ = 100 times fewer",
    P + "momentum.measured": "With κ = {kappa}, gradient descent at η* = {gd_lr} needed {k_gd} "
                             "steps to come within {tol} of its starting distance; heavy ball "
                             "at η = {hb_lr}, μ = {mu} needed {k_hb}: {ratio} times fewer, "
                             "against √κ = {sqrtk} and κ = {kappa}.",
    P + "momentum.why.sqrt": "At its best, gradient descent shrinks the distance by "
                             "(κ − 1)/(κ + 1) ≈ 1 − 2/κ per step, heavy ball by "
                             "(√κ − 1)/(√κ + 1) ≈ 1 − 2/√κ. The steps to a tolerance grow "
                             "like 1/(1 − rate), so the speed-up grows like √κ, not κ.",
    P + "momentum.why.same": "Here the two counts were close.",
    P + "momentum.why.kappa": "Here the speed-up came nearer κ than √κ.",
}

ZH = {
    P + "overshoot.title": "迈过头的一步",
    P + "overshoot.question": "在 L(w) = ½ w² 上，曲率 L″ = 1，所以稳定极限是 2/L″ = 2。"
                              "从 w₀ = 2.5 出发，取 η = 1.5：每一步都比到谷底的距离还长。"
                              "梯度下降会怎样？",
    P + "overshoot.choice.slide": "沿一侧滑下去，停在谷底",
    P + "overshoot.choice.zigzag": "每一步都跳到谷底另一侧，但仍会收敛",
    P + "overshoot.choice.diverge": "越弹越高：η 太大了",
    P + "overshoot.measured": "L″ = {c} 时极限是 2/L″ = {limit}；η = {lr} 时每一步把 w 乘以 "
                              "r = 1 − η L″ = {r}。{steps} 步里，小球在离谷底不到起点距离的 "
                              "{tol} 之前越过 w* = 0 共 {flips} 次，从 w₀ = {w0} 走到 "
                              "w = {w_end}：只剩起始距离的 {ratio}。",
    P + "overshoot.why.zigzag": "r 为负，每一步都让 w 变号，小球每次都落到另一侧；但 |r| < 1 "
                                "同时让距离缩短，所以它左右来回地收进谷底。只有当 η 超过 "
                                "2/L″、|r| > 1 时，它才会发散。",
    P + "overshoot.why.slide": "这里 r 为正，每一步都停在同一侧。",
    P + "overshoot.why.diverge": "这里 |r| 大于 1，每跳一次都落得更远。",
    P + "steep.title": "两个方向，一个步长",
    P + "steep.question": "在碗形曲面 f = ½ (x² + κ y²) 上取 κ = 7：沿 x 方向的极限是 2，"
                          "沿陡峭的 y 方向却只有 2/7 ≈ 0.29。取 η = 0.3，远小于 2，"
                          "梯度下降会怎样？",
    P + "steep.choice.settle": "收敛到最低点：η 远低于 x 方向的极限",
    P + "steep.choice.diverge": "沿陡峭方向发散",
    P + "steep.measured": "κ = {kappa} 时，陡峭方向的极限是 2/κ = {limit_y}，平缓方向的是 "
                          "2/1 = {limit_x}。η = {lr} 时，每一步把 x 乘以 {rx}，把 y 乘以 "
                          "{ry}。{end}第 {k_last} 步时，点位于 x = {x}，y = {y}。",
    P + "steep.end.diverged": "这次运行在第 {k} 步离开了曲面的范围。",
    P + "steep.end.settled": "这次运行一直留在曲面的范围内。",
    P + "steep.why.diverge": "碗形曲面上两个坐标各走各的：x 不断缩向 0，而 y 的大小每一步都"
                             "乘上一个大于 1 的因子。同一个 η 必须低于所有极限中最小的那个，"
                             "也就是最陡方向的极限。",
    P + "steep.why.settle": "这里两个因子的绝对值都小于 1，所以两个坐标都在缩小。",
    P + "noise.title": "小批量的噪声",
    P + "noise.question": "取 η = 0.3，用 200 步给 200 个带噪声的点拟合一条直线。全批量每次用"
                          "全部 200 个点算梯度；小批量每一步只用其中 2 个点。200 步之后，"
                          "小批量这一路……",
    P + "noise.choice.same": "和全批量一样接近最佳拟合",
    P + "noise.choice.jitter": "一直在最佳拟合附近游荡，比全批量离得远",
    P + "noise.choice.diverge": "发散：它的梯度噪声太大",
    P + "noise.measured": "B = {batch}、η = {lr}、{steps} 步时，比最佳拟合高出的损失最后是："
                          "全批量 {gap_full}，小批量 {gap_mini}。在最后四分之一的步数里，"
                          "全批量离最小二乘拟合（在 w 和 b 上）平均 {spread_full}，小批量"
                          "平均 {spread_mini}：是全批量的 {times} 倍。",
    P + "noise.why.jitter": "每个小批量的梯度都是另一小份样本的斜率，在全部 200 个点的最佳"
                            "拟合处它并不为零。所以 η 固定时步子永远停不下来：它一直在最小值"
                            "附近跳来跳去，而不是停在上面。",
    P + "noise.why.same": "这里小批量最后和全批量差不多一样近。",
    P + "noise.why.diverge": "这里小批量这一路跑出了范围。",
    P + "warmup.title": "预热",
    P + "warmup.question": "双井曲线在起点处很陡，在谷底附近较平，所以在起点会发散的步长，"
                           "到了谷底可能是安全的。三种调度的最大步长相同，都是峰值 η：从第一步起"
                           "就等于峰值的固定 η；从峰值开始、随后逐渐减小的余弦调度；以及从"
                           "远低于峰值的步长开始、在最初若干步里爬升到峰值、随后再减小的预热。哪些会"
                           "发散？",
    P + "warmup.choice.all": "三种都会：峰值太大了",
    P + "warmup.choice.warm": "固定 η 和余弦会；预热能收敛",
    P + "warmup.choice.none": "都不会：峰值低于谷底的极限",
    P + "warmup.choice.mixed": "上面三项之外的另一种组合",
    P + "warmup.measured": "从 w₀ = {w0} 出发，极限是 2/L″(w₀) = {start_limit}；在谷底 "
                           "w* = {bottom} 处是 {bottom_limit}。峰值为 η = {peak}；预热在 "
                           "{steps} 步中的前 {warmup} 步里爬升到峰值。固定 η：{const}"
                           "余弦：{cos}先预热再余弦：{warm}",
    P + "warmup.end.diverged": "在第 {k} 步发散。",
    P + "warmup.end.ok": "最后停在 w = {w}。",
    P + "warmup.why.warm": "在起点处峰值高于当地的极限，所以满步长的第一步就迈过了头，"
                           "之后越跳越远。预热开头的小步先把小球带下坡，来到 L″ 较小的地方；"
                           "峰值低于谷底的极限，在那里是安全的。",
    P + "warmup.why.all": "这里连预热的那一路也发散了。",
    P + "warmup.why.none": "这里就连固定的 η 也一直留在范围内。",
    P + "warmup.why.mixed": "这里三次运行的结果是另一种组合；上面那句话写明了哪些发散了。",
    P + "momentum.title": "动量带来了什么",
    P + "momentum.question": "在碗形曲面 f = ½ (u² + κ v²) 上取 κ = 100：梯度下降用最好的"
                             "固定 η，也要走很多步才能把距离缩到起始距离的 10⁻⁶ 以内。"
                             "重球法（动量）用最好的 η 和 μ，所需步数只有梯度下降的几分之一？",
    P + "momentum.choice.same": "差不多一样多：没有方法能胜过最好的 η",
    P + "momentum.choice.sqrt": "步数只有其约 1/√κ，即快约 √κ = 10 倍",
    P + "momentum.choice.kappa": "步数只有其约 1/κ，即快约 κ = 100 倍",
    P + "momentum.measured": "κ = {kappa} 时，梯度下降取 η* = {gd_lr}，用了 {k_gd} 步才把距离"
                             "缩到起始距离的 {tol} 以内；重球法取 η = {hb_lr}、μ = {mu}，用了 "
                             "{k_hb} 步：梯度下降的步数是它的 {ratio} 倍，对照 √κ = {sqrtk} 和 κ = {kappa}。",
    P + "momentum.why.sqrt": "在最优设置下，梯度下降每一步把距离乘以 (κ − 1)/(κ + 1) ≈ "
                             "1 − 2/κ，重球法乘以 (√κ − 1)/(√κ + 1) ≈ 1 − 2/√κ。达到某个容差"
                             "所需的步数大致与 1/(1 − 速率) 成正比，所以加速倍数随 √κ 增长，"
                             "而不是随 κ 增长。",
    P + "momentum.why.same": "这里两者的步数很接近。",
    P + "momentum.why.kappa": "这里加速倍数更接近 κ，而不是 √κ。",
}
