"""Strings of the Gradient Descent page (English and Chinese)."""

_SURFACES = ("bowl", "rosenbrock", "beale", "saddle", "himmelblau", "camel", "two_wells",
             "rastrigin")

EN = {
    "gradient_descent.title": "Gradient Descent",
    "gradient_descent.intro": (
        "A network learns by nudging each weight so the loss goes down. The slope of the "
        "loss with respect to a weight says which way is downhill, and how steep it is. "
        "Gradient descent simply steps against that slope, over and over. How far each "
        "step goes is set by one number, the learning rate η, and that number decides "
        "whether the walk creeps, glides, zig-zags or flies off."),

    # 1. one weight
    "gradient_descent.s1": "1 · One weight, one loss curve",
    "gradient_descent.s1_intro": (
        "Here the whole model is a single weight w and its loss is a curve L(w). At the "
        "current w we read the slope L′(w), then move a distance η·L′(w) in the opposite "
        "direction. Where the curve is steep the step is long; near the bottom of a smooth "
        "curve the slope, and with it the step, shrinks by itself."),
    "gradient_descent.presets_intro": (
        "Four presets on the quadratic, each η worked out from the stability limit for the "
        "curvature set below:"),
    "gradient_descent.preset.too_small": "Too small",
    "gradient_descent.preset.good": "Good",
    "gradient_descent.preset.too_large": "Too large",
    "gradient_descent.preset.divergent": "Divergent",
    "gradient_descent.preset_help.too_small":
        "η = {share} of the limit 2/L″: every step keeps {keep} of the distance to the "
        "bottom, on the same side.",
    "gradient_descent.preset_help.good":
        "η = {share} of the limit: every step keeps only {keep} of the distance, without "
        "overshooting.",
    "gradient_descent.preset_help.too_large":
        "η = {share} of the limit: every step jumps across the bottom and keeps {keep} of "
        "the distance.",
    "gradient_descent.preset_help.divergent":
        "η = {share} of the limit: every step jumps across and lands {keep} as far away.",
    "gradient_descent.curve": "Loss curve L(w)",
    "gradient_descent.curve.quadratic": "Quadratic ½·L″·w²",
    "gradient_descent.curve.double_well": "Two wells w⁴ − 3w² + w",
    "gradient_descent.curve.sin": "Wave sin w",
    "gradient_descent.curve.abs": "V shape |w|",
    "gradient_descent.curve.cube": "Cubic w³",
    "gradient_descent.curve.exp": "Exponential eʷ",
    "gradient_descent.curve.line": "Straight line 2w + 1",
    "gradient_descent.curvature": "Curvature L″ of the quadratic",
    "gradient_descent.curvature_help":
        "How sharply the quadratic bends; the presets use it too. A sharper bend tolerates "
        "only smaller steps.",
    "gradient_descent.w0": "Start w₀",
    "gradient_descent.steps": "Number of steps",
    "gradient_descent.lr": "Learning rate η",
    "gradient_descent.lr_help": "Log scale: each notch multiplies η by about the same factor.",
    "gradient_descent.limit_quadratic": (
        "On this quadratic L″ = {c} everywhere, so each step multiplies the distance to the "
        "bottom by the same factor r = 1 − η·L″ = **{r}**. The distance shrinks only while "
        "|r| < 1, that is for **η < 2/L″ = {limit}**."),
    "gradient_descent.limit_below":
        "Your η = {lr} gives 0 < r < 1: the ball approaches from one side.",
    "gradient_descent.limit_overshoot":
        "Your η = {lr} gives −1 < r < 0: the ball jumps across the bottom every step but "
        "still closes in.",
    "gradient_descent.limit_above":
        "Your η = {lr} is at or beyond the limit, so |r| ≥ 1: every jump lands at least as "
        "far away as it started.",
    "gradient_descent.limit_local": (
        "From this start, small steps slide the ball toward the minimum at w* = {w_star}, "
        "where "
        "L″(w*) = {d2}. Close to it the curve looks like a quadratic, so steps settle there "
        "only if η < 2/L″(w*) ≈ **{limit}** (your η = {lr}). Farther out the curvature "
        "differs, so this is a local guide, not a guarantee."),
    "gradient_descent.limit_none.double_well":
        "This start sits exactly on a flat point (L′ = 0), so there is no downhill direction "
        "to follow.",
    "gradient_descent.limit_none.sin":
        "This start sits exactly on a flat point (L′ = 0), so there is no downhill direction "
        "to follow.",
    "gradient_descent.limit_none.abs": (
        "The V has no curvature to speak of: its slope is ±1 on either side, so every step "
        "has length η. The ball hops back and forth around the tip and keeps hopping, unless "
        "a step happens to land exactly on it."),
    "gradient_descent.limit_none.cube": (
        "The cubic has no minimum, only a flat point at w = 0, where the slope 3w² is 0. "
        "Coming from the right, each step 3ηw² shrinks with the slope, and a step never "
        "reaches 0 while 3ηw₀ < 1, that is for **η < 1/(3w₀) = {limit}**: the ball then "
        "creeps toward w = 0 ever more slowly and stalls there, although the curve keeps "
        "falling beyond it."),
    "gradient_descent.cube_stalls":
        "Your η = {lr} is below that, so the ball stalls short of the flat point.",
    "gradient_descent.cube_jumps": (
        "Your η = {lr} is not: the first step jumps past 0, where the curve falls ever more "
        "steeply, and from there every step is longer than the last."),
    "gradient_descent.limit_none.cube_left": (
        "Left of w = 0 the cubic falls forever, and the slope 3w² grows as it falls: every "
        "step is longer than the last, until the ball flies off."),
    "gradient_descent.limit_none.cube_flat": (
        "This start sits exactly on the flat point w = 0 (L′ = 0), so gradient descent does "
        "not move, although the curve falls to the left: a zero slope is not a minimum."),
    "gradient_descent.limit_none.exp": (
        "eʷ keeps falling to the left without ever reaching a bottom; its slope fades, so "
        "the ball slows down without arriving anywhere."),
    "gradient_descent.limit_none.line": (
        "A straight line has the same slope everywhere and no bottom: every step is the "
        "same length and the ball never stops."),
    "gradient_descent.verdict.converged": (
        "**Converged.** After {steps} steps only {pct} of the starting distance to "
        "w* = {w_star} is left; on average each step kept a factor {factor} of it."),
    "gradient_descent.verdict.crawling": (
        "**Crawling.** Each step kept a factor {factor} of the distance to w* = {w_star}, "
        "so after {steps} steps {pct} of it is still left. A larger η, still below the "
        "limit, would get there sooner."),
    "gradient_descent.verdict.oscillating": (
        "**Oscillating.** The ball jumped across w* = {w_star} {flips} times. After {steps} "
        "steps {pct} of the starting distance is left (a factor {factor} per step)."),
    "gradient_descent.verdict.growing": (
        "**The swings grow.** After {steps} steps the ball is {ratio} times as far from "
        "w* = {w_star} as it started. If the swings keep growing, more steps will fling it "
        "out of range."),
    "gradient_descent.verdict.diverged": (
        "**Diverged at step {k}**: w left the range |w| ≤ {bound}, so the run stops there. "
        "The chart and the table end with the step that threw it out."),
    "gradient_descent.verdict.unfinished": (
        "**On its way.** {pct} of the starting distance to w* = {w_star} is left after "
        "{steps} steps, shrinking by a factor {factor} per step: add steps to finish."),
    "gradient_descent.verdict.stalled": (
        "**Stalled at the flat point.** After {steps} steps the ball is at w = {w}: it crept "
        "toward w = 0, where the slope vanishes, and never passed it ({pct} of its starting "
        "distance is left). The curve keeps falling beyond 0: a zero slope is not a minimum."),
    "gradient_descent.verdict.no_minimum": (
        "**No bottom to reach.** This curve has no lowest point, so the ball keeps moving "
        "for all {steps} steps."),
    "gradient_descent.axis_w": "weight w",
    "gradient_descent.axis_loss": "loss L",
    "gradient_descent.w_star": "minimum w*",
    "gradient_descent.ball_help": (
        "First chart: the ball's path on the curve, with the tangent (slope L′) where it "
        "stands. Second chart: w after each step; the dashed line marks the minimum (on the cubic, the flat point w = 0). Drag "
        "the step slider under the charts, or press Play."),
    "gradient_descent.table_title": "**Every step, in numbers**",
    "gradient_descent.col_w": "w",
    "gradient_descent.col_slope": "L′(w)",
    "gradient_descent.col_step": "η·L′(w)",
    "gradient_descent.col_new": "new w = w − η·L′(w)",
    "gradient_descent.col_note": "note",
    "gradient_descent.escaped": "leaves the range: run stopped",

    # 2. two weights
    "gradient_descent.s2": "2 · Two weights: the view from above",
    "gradient_descent.s2_intro": (
        "With two weights the loss is a landscape, drawn here as a contour map: darker "
        "means higher. The gradient collects both slopes into one arrow that points "
        "straight uphill, across the contour lines; gradient descent steps η times that "
        "arrow in the opposite direction. **Click the map** to start from anywhere."),
    "gradient_descent.surface": "Surface",
    **{f"gradient_descent.surface.{k}": v for k, v in zip(_SURFACES, (
        "Stretched bowl", "Rosenbrock valley", "Beale", "Saddle", "Himmelblau",
        "Six-hump camel", "Two wells", "Rastrigin"), strict=True)},
    "gradient_descent.kappa": "Condition number κ of the bowl",
    "gradient_descent.kappa_help":
        "κ is a curvature ratio: largest curvature / smallest. The bowl bends κ times more "
        "sharply along y than along x.",
    "gradient_descent.start": "Start",
    "gradient_descent.start_now": "Start point: ({x}, {y}). Click the map to move it.",
    "gradient_descent.start_reset": "Back to the default start",
    "gradient_descent.lesson.bowl": (
        "One direction curves κ times more sharply than the other, so one step size cannot "
        "suit both: it zig-zags across the sharply curved direction and crawls along the "
        "gentle one."),
    "gradient_descent.lesson.rosenbrock": (
        "The valley floor is reached within a few dozen steps; the walk along its curved, "
        "nearly flat floor toward the minimum at (1, 1) is the slow part: after 1,000 steps "
        "the ball is still on its way."),
    "gradient_descent.lesson.beale": (
        "Steep walls and flat plateaus side by side: the first step, down the wall, is "
        "hundreds of times longer than a typical step on the plateau. A learning rate that "
        "is safe on the wall barely moves the ball on the plateau."),
    "gradient_descent.lesson.saddle": (
        "At a saddle point the slope is zero too. Starting close to the ridge, the ball "
        "first slides toward the flat centre, lingers there where the slope is small, and "
        "only then rolls off to a real minimum."),
    "gradient_descent.lesson.himmelblau": (
        "Four minima, all equally deep (loss 0): which one descent reaches depends on where "
        "it starts. Click the map to try other starts."),
    "gradient_descent.lesson.camel": (
        "Two deep valleys and four shallower ones: from the default start, descent settles "
        "in a side valley. A zero slope does not mean the best answer."),
    "gradient_descent.lesson.two_wells": (
        "A shallow well on the right and a deeper one on the left: from the default start "
        "plain descent settles in the shallow one, the first it meets."),
    "gradient_descent.lesson.rastrigin": (
        "Dimples everywhere on top of a bowl: descent stops in the dimple next to its "
        "start, far from the lowest point at the origin."),
    "gradient_descent.bowl_limit": (
        "On this bowl the curvature is 1 along x and κ = {kappa} along y, so each step "
        "multiplies x by r = {rx} and y by r = {ry}. The y direction is stable only for "
        "η < 2/κ = **{limit}**; the gently curved x direction would allow up to {limit_x}."),
    "gradient_descent.map_diverged": (
        "**Diverged at step {k}**: the path left the box |x|, |y| ≤ {bound} and was cut "
        "there. Try a smaller learning rate."),
    "gradient_descent.gd_series": "gradient descent",
    "gradient_descent.gap_axis": "loss above the minimum",
    "gradient_descent.arrow_grad": "gradient ∇L (direction only, points uphill)",
    "gradient_descent.arrow_step": "step taken, −η∇L",
    "gradient_descent.map_help": (
        "At the step chosen with the slider, the orange arrow shows which way the gradient "
        "points (drawn at a fixed length) and the blue arrow the step actually taken, η "
        "times the gradient, backwards. The loss chart uses a log scale."),

    # 3. noisy mini-batches
    "gradient_descent.s3": "3 · Why plain SGD is jittery",
    "gradient_descent.s3_intro": (
        "A real loss is an average over many examples. Here we fit a line ŷ = w·x + b to "
        "{n} noisy points, so the loss is a landscape over the two weights (w, b). "
        "**Full-batch** gradient descent averages the slope over all points before every "
        "step. **Stochastic gradient descent (SGD)** estimates it from a small random "
        "batch: far cheaper per step, but each batch pulls in its own slightly different "
        "direction."),
    "gradient_descent.noise": "Noise in the data (σ)",
    "gradient_descent.noise_help": "How far the points scatter around the true line.",
    "gradient_descent.seed": "Random seed",
    "gradient_descent.seed_help": (
        "Fixes the data and the order of the batches: the same seed always gives the same "
        "picture, so a shared link shows exactly this run."),
    "gradient_descent.batch": "Batch size B",
    "gradient_descent.batch_help": "From 1 (one point per step) to {n} (all of them: full batch).",
    "gradient_descent.s3_numbers": (
        "The data were made from y = {line} plus noise. These steps use the data "
        "{epochs} times over (epochs). Full-batch descent is stable here for η < "
        "**{limit}** (2 divided by the largest curvature of this loss)."),
    "gradient_descent.full_series": "full batch",
    "gradient_descent.full_legend": "full batch (dashed)",
    "gradient_descent.mini_legend": "mini-batch SGD (solid)",
    "gradient_descent.mini_series": "mini-batch SGD",
    "gradient_descent.reg_diverged": (
        "**Diverged at step {k}** ({name}): the path was cut there. For the full batch "
        "the limit is η < {limit} (2 divided by the loss's largest curvature); the loss of "
        "a single batch can curve more sharply, so its limit can be lower."),
    "gradient_descent.reg_help": (
        "The map: both paths on the loss over (w, b); the diamond is the best fit. The "
        "scatter: the data with each path's current line. The curves: the loss above the "
        "best fit. The step slider moves all three."),
    "gradient_descent.reg_measured": (
        "**Measured for B = {batch}.** Final loss above the best fit: full batch {gap_full}, "
        "SGD {gap_mini}. Mean distance from the best fit over the last quarter of the "
        "steps: full batch {spread_full}, SGD {spread_mini}. The batch gradients SGD "
        "followed pointed along the true gradient with an average cosine of {cos_early} "
        "in the first quarter of the steps and {cos_late} in the last (1 would be the "
        "same direction)."),
    "gradient_descent.reg_noisy": (
        "Every update depends on the batch that happened to be drawn, so the SGD path "
        "jitters around the full-batch one, and with a fixed η it never settles: near "
        "the fit the true slope is tiny while the batch-to-batch noise is not. Larger "
        "batches average more points and jitter less; B = {n} is the full batch again."),
    "gradient_descent.reg_exact": (
        "With σ = 0 every point lies on the line, so at the fit every batch's slope is zero "
        "as well: the SGD path wobbles on the way but settles on the fit like the full "
        "batch."),
    "gradient_descent.floor_none": (
        "With σ = 0 there is no noise to tame, so there is no noise floor to compare."),
    "gradient_descent.reg_whole": (
        "With B = {n} every batch is the whole data set, so SGD and full-batch descent "
        "take the same steps and the two paths lie on top of each other."),
    "gradient_descent.floor_measured": (
        "**How do we keep the cheap steps but lose the jitter?** Measured on this fit "
        "({seeds} seeds, starting from the one above, σ = {noise}; the mean loss above the best fit "
        "over steps {half}–{steps}): plain SGD at η = {lr} with B = {batch} hovers {sgd} "
        "above it; at a quarter of the step, η/4, {small}; with batches of {big_batch}, "
        "{big}. Heavy-ball momentum μ = {mu} at η = {lr_mom}, which has the same steady "
        "step η/(1−μ) = {lr}, hovers {mom} above it."),
    "gradient_descent.floor_verdict.step_batch": (
        "Here a smaller step and a larger batch both lower the floor more than momentum "
        "does at the same steady step: they are the cures for noise (or a step that "
        "shrinks as training goes on)."),
    "gradient_descent.floor_verdict.momentum": (
        "Here momentum at the same steady step lowers the floor at least as much as a "
        "quarter of the step or four times the batch."),
    "gradient_descent.floor_diverged": (
        "At η = {lr} some of the runs that measure the noise floor diverge, so there is no "
        "floor to compare: lower η to compare a smaller step, a larger batch and momentum."),
    "gradient_descent.to_race_intro": (
        "Momentum is built for another problem: long, narrow valleys (a large condition "
        "number κ), where plain steps zig-zag across and crawl along. Its buffer adds up "
        "the steps that agree, along the valley, while the zig-zag partly cancels."),
    "gradient_descent.to_race": "Compare SGD and momentum on the Rosenbrock valley in the "
                                "Optimizer Race",

    # 4. the chain rule
    "gradient_descent.s4": "4 · Where de/dw comes from",
    "gradient_descent.s4_intro": (
        "The slopes used above are not measured by trial and error: they follow from the "
        "chain rule. The article calls the loss e, so its de/dw is our ∂L/∂w. The loss "
        "depends on w only through each point's residual rᵢ = ŷᵢ − yᵢ, so ∂L/∂w is the "
        "sum over points of (how L changes with rᵢ) × (how rᵢ changes with w). "
        "Backpropagation applies exactly this rule, layer after layer."),
    "gradient_descent.k4": "Check the gradient at step k of the full-batch path",
    "gradient_descent.k4_help": "0 is the start point.",
    "gradient_descent.k4_clamped": (
        "The path has no step {asked} (too few steps, or it diverged), so step {k} is used."),
    "gradient_descent.at_point": "At step {k} the weights are w = {w}, b = {b}.",
    "gradient_descent.first_rows": "The first {m} of the {n} points and their share of ∂L/∂w:",
    "gradient_descent.col_chain": "chain rule",
    "gradient_descent.col_numeric": "numeric (central difference)",
    "gradient_descent.col_diff": "difference",
    "gradient_descent.numeric_note": (
        "The numeric column nudges one weight by ±h = {h} and divides the change in L by "
        "2h, without any calculus. It agrees with the chain rule to within {diff}: that "
        "gap is rounding error, not a mistake in the formula. (L is quadratic in w and b, "
        "so the central difference itself is exact: it has no truncation error.)"),
    "gradient_descent.batch_note": (
        "At the same point, batch {k} of B = {batch} points gives the gradient "
        "({gw}, {gb}) instead of the full ({fw}, {fb}): the same formula, averaged over "
        "fewer points."),
}

ZH = {
    "gradient_descent.title": "梯度下降",
    "gradient_descent.intro": (
        "神经网络的学习，就是一点点调整每个权重，让损失变小。损失对某个权重的斜率告诉我们哪边是下坡、"
        "坡有多陡。梯度下降做的事很简单：逆着斜率迈一步，再迈一步。每一步走多远由一个数决定——"
        "学习率 η。正是这个数决定了这趟下山是龟速爬行、平稳滑行、来回振荡，还是直接飞出去。"),

    "gradient_descent.s1": "1 · 一个权重，一条损失曲线",
    "gradient_descent.s1_intro": (
        "这里整个模型只有一个权重 w，损失就是一条曲线 L(w)。在当前的 w 处读出斜率 L′(w)，"
        "然后朝相反方向移动 η·L′(w)。曲线陡的地方步子大；在光滑曲线上快到谷底时斜率变小，步子也会自己变小。"),
    "gradient_descent.presets_intro":
        "下面四个预设都用二次曲线，每个 η 都是根据下方所设曲率的稳定性上限算出来的：",
    "gradient_descent.preset.too_small": "太小",
    "gradient_descent.preset.good": "合适",
    "gradient_descent.preset.too_large": "太大",
    "gradient_descent.preset.divergent": "发散",
    "gradient_descent.preset_help.too_small":
        "η 取上限 2/L″ 的 {share}：每一步后仍在同一侧，剩下到谷底距离的 {keep}。",
    "gradient_descent.preset_help.good":
        "η 取上限的 {share}：每一步后只剩 {keep} 的距离，而且不会冲过头。",
    "gradient_descent.preset_help.too_large":
        "η 取上限的 {share}：每一步都跳到谷底另一侧，距离只缩到原来的 {keep}。",
    "gradient_descent.preset_help.divergent":
        "η 取上限的 {share}：每一步都跳到另一侧，落点距离变为原来的 {keep}。",
    "gradient_descent.curve": "损失曲线 L(w)",
    "gradient_descent.curve.quadratic": "二次曲线 ½·L″·w²",
    "gradient_descent.curve.double_well": "双井 w⁴ − 3w² + w",
    "gradient_descent.curve.sin": "正弦波 sin w",
    "gradient_descent.curve.abs": "V 形 |w|",
    "gradient_descent.curve.cube": "三次曲线 w³",
    "gradient_descent.curve.exp": "指数 eʷ",
    "gradient_descent.curve.line": "直线 2w + 1",
    "gradient_descent.curvature": "二次曲线的曲率 L″",
    "gradient_descent.curvature_help": "二次曲线弯得有多急，预设也用它。弯得越急，能承受的步子就越小。",
    "gradient_descent.w0": "起点 w₀",
    "gradient_descent.steps": "步数",
    "gradient_descent.lr": "学习率 η",
    "gradient_descent.lr_help": "对数刻度：每挪一格，η 大约乘上同一个倍数。",
    "gradient_descent.limit_quadratic": (
        "在这条二次曲线上处处 L″ = {c}，所以每一步都把到谷底的距离乘上同一个因子 "
        "r = 1 − η·L″ = **{r}**。只有 |r| < 1 时距离才会缩小，也就是 **η < 2/L″ = {limit}**。"),
    "gradient_descent.limit_below": "你的 η = {lr}，使 0 < r < 1：小球从一侧逐渐靠近谷底。",
    "gradient_descent.limit_overshoot":
        "你的 η = {lr}，使 −1 < r < 0：小球每一步都跳过谷底，但仍在逐渐靠近。",
    "gradient_descent.limit_above":
        "你的 η = {lr} 已达到或超过上限，|r| ≥ 1：每一跳落点离谷底至少和起跳时一样远。",
    "gradient_descent.limit_local": (
        "从这个起点出发，小步长会让小球滑向 w* = {w_star} 处的极小值，那里 L″(w*) = {d2}。"
        "在它附近曲线看起来像二次曲线，所以只有 η < 2/L″(w*) ≈ **{limit}** 时才能在那里停稳"
        "（你的 η = {lr}）。离得远了曲率就不同，所以这只是局部的参考，而不是保证。"),
    "gradient_descent.limit_none.double_well": "这个起点恰好落在驻点上（L′ = 0），没有下坡方向可走。",
    "gradient_descent.limit_none.sin": "这个起点恰好落在驻点上（L′ = 0），没有下坡方向可走。",
    "gradient_descent.limit_none.abs": (
        "V 形谈不上曲率：两侧斜率都是 ±1，所以每一步长度都是 η。小球在尖底两侧来回跳，"
        "除非某一步恰好落在尖上，否则会一直跳下去。"),
    "gradient_descent.limit_none.cube": (
        "三次曲线没有极小值，只有 w = 0 处的一个水平拐点，那里斜率 3w² 为 0。从右侧出发，"
        "每一步 3ηw² 随斜率一起变小；只要 3ηw₀ < 1，即 **η < 1/(3w₀) = {limit}**，"
        "任何一步都到不了 0：小球越走越慢地靠近 w = 0，停滞在那里，尽管曲线在它左边还一直往下。"),
    "gradient_descent.cube_stalls": "你的 η = {lr} 低于这个值，所以小球停滞在水平拐点之前。",
    "gradient_descent.cube_jumps": (
        "你的 η = {lr} 不低于这个值：第一步就跳过了 0，那边曲线越来越陡，此后每一步都比上一步长。"),
    "gradient_descent.limit_none.cube_left": (
        "在 w = 0 左侧，三次曲线一直往下，而且越往下斜率 3w² 越大：每一步都比上一步长，直到小球飞出去。"),
    "gradient_descent.limit_none.cube_flat": (
        "这个起点恰好落在水平拐点 w = 0 上（L′ = 0），所以梯度下降一动不动，尽管曲线向左还在下降："
        "斜率为零并不等于极小值。"),
    "gradient_descent.limit_none.exp": (
        "eʷ 向左一直下降，却永远到不了底；斜率越来越小，小球越走越慢，但哪儿也到不了。"),
    "gradient_descent.limit_none.line": (
        "直线处处斜率相同，也没有最低点：每一步都一样长，小球永远不会停下。"),
    "gradient_descent.verdict.converged": (
        "**已收敛。** {steps} 步之后，到 w* = {w_star} 的初始距离只剩 {pct}；"
        "平均每一步把距离乘以 {factor}。"),
    "gradient_descent.verdict.crawling": (
        "**龟速前进。** 每一步把到 w* = {w_star} 的距离乘以 {factor}，{steps} 步后还剩 {pct}。"
        "在上限以内再大一点的 η 会更快到达。"),
    "gradient_descent.verdict.oscillating": (
        "**来回振荡。** 小球跳过 w* = {w_star} 共 {flips} 次。{steps} 步后还剩初始距离的 {pct}"
        "（每步乘以 {factor}）。"),
    "gradient_descent.verdict.growing": (
        "**摆动越来越大。** {steps} 步后小球离 w* = {w_star} 的距离是出发时的 {ratio} 倍。"
        "如果摆动继续变大，再多走几步它就会被甩出范围。"),
    "gradient_descent.verdict.diverged": (
        "**在第 {k} 步发散**：w 超出了 |w| ≤ {bound} 的范围，运行到此为止。"
        "图和表都停在把它甩出去的那一步。"),
    "gradient_descent.verdict.unfinished": (
        "**还在路上。** {steps} 步后还剩到 w* = {w_star} 初始距离的 {pct}，"
        "每步把距离乘以 {factor}：多走几步就能到。"),
    "gradient_descent.verdict.stalled": (
        "**停滞在水平拐点前。** {steps} 步后小球位于 w = {w}：它一点点靠近斜率为零的 w = 0，"
        "却从未越过（还剩初始距离的 {pct}）。曲线在 0 的左边还在下降：斜率为零并不等于极小值。"),
    "gradient_descent.verdict.no_minimum": (
        "**没有谷底可到。** 这条曲线没有最低点，所以在全部 {steps} 步里小球一直在移动。"),
    "gradient_descent.axis_w": "权重 w",
    "gradient_descent.axis_loss": "损失 L",
    "gradient_descent.w_star": "极小值 w*",
    "gradient_descent.ball_help": (
        "第一张图：小球在曲线上的路径，以及它所在位置的切线（斜率 L′）。第二张图：每一步之后的 w，"
        "虚线标出极小值（三次曲线上则是水平拐点 w = 0）。拖动图下方的步数滑块，或按“播放”。"),
    "gradient_descent.table_title": "**每一步的具体数字**",
    "gradient_descent.col_w": "w",
    "gradient_descent.col_slope": "L′(w)",
    "gradient_descent.col_step": "η·L′(w)",
    "gradient_descent.col_new": "新的 w = w − η·L′(w)",
    "gradient_descent.col_note": "备注",
    "gradient_descent.escaped": "超出范围：运行停止",

    "gradient_descent.s2": "2 · 两个权重：俯瞰损失地形",
    "gradient_descent.s2_intro": (
        "有两个权重时，损失就成了一片地形，这里画成等高线图：颜色越深越高。梯度把两个方向的斜率合成"
        "一个箭头，垂直穿过等高线、指向正上坡；梯度下降则朝相反方向走 η 倍这个箭头。"
        "**点击地图**，就能从任意位置出发。"),
    "gradient_descent.surface": "曲面",
    **{f"gradient_descent.surface.{k}": v for k, v in zip(_SURFACES, (
        "拉长的碗", "Rosenbrock 山谷", "Beale 函数", "鞍面", "Himmelblau 函数",
        "六峰驼背函数", "双井", "Rastrigin 函数"), strict=True)},
    "gradient_descent.kappa": "碗的条件数 κ",
    "gradient_descent.kappa_help": "κ 是曲率之比：最大曲率 / 最小曲率。碗沿 y 方向的曲率是沿 x 方向的 κ 倍。",
    "gradient_descent.start": "起点",
    "gradient_descent.start_now": "起点：({x}, {y})。点击地图可以移动它。",
    "gradient_descent.start_reset": "回到默认起点",
    "gradient_descent.lesson.bowl": (
        "一个方向的曲率是另一个方向的 κ 倍，同一个步长无法兼顾：在弯得急的方向来回振荡，"
        "在平缓的方向慢慢挪。"),
    "gradient_descent.lesson.rosenbrock": (
        "几十步之内就能落到谷底；沿着弯曲、几乎平坦的谷底走向 (1, 1) 处的极小值才是慢的部分："
        "1,000 步之后小球仍在路上。"),
    "gradient_descent.lesson.beale": (
        "陡壁和平台紧挨着：沿陡壁下来的第一步，长度是平台上典型一步的几百倍。在陡壁上安全的学习率，"
        "到了平台上几乎挪不动小球。"),
    "gradient_descent.lesson.saddle": (
        "鞍点处斜率也是零。从紧挨山脊的地方出发，小球先滑向平坦的中心，在斜率很小的那里停留一阵，"
        "然后才滚向真正的极小值。"),
    "gradient_descent.lesson.himmelblau": (
        "四个一样深的极小值（损失都是 0）：梯度下降到达哪一个取决于从哪里出发。点击地图试试别的起点。"),
    "gradient_descent.lesson.camel": (
        "两个深谷加四个浅一些的侧谷：从默认起点出发，下降会停在侧谷里。斜率为零并不等于最好的答案。"),
    "gradient_descent.lesson.two_wells": (
        "右边一个浅井，左边一个更深的井：从默认起点出发，普通的梯度下降停在先碰到的浅井里。"),
    "gradient_descent.lesson.rastrigin": (
        "碗面上布满了小坑：下降停在起点旁边的小坑里，离原点处的最低点很远。"),
    "gradient_descent.bowl_limit": (
        "在这个碗上，x 方向曲率为 1，y 方向为 κ = {kappa}，所以每一步把 x 乘以 r = {rx}，"
        "把 y 乘以 r = {ry}。y 方向只有在 η < 2/κ = **{limit}** 时才稳定；"
        "弯得平缓的 x 方向则允许到 {limit_x}。"),
    "gradient_descent.map_diverged": (
        "**在第 {k} 步发散**：路径离开了 |x|, |y| ≤ {bound} 的范围，在那里被截断。试试更小的学习率。"),
    "gradient_descent.gd_series": "梯度下降",
    "gradient_descent.gap_axis": "高出极小值的损失",
    "gradient_descent.arrow_grad": "梯度 ∇L（只表示方向，指向上坡）",
    "gradient_descent.arrow_step": "实际走的一步 −η∇L",
    "gradient_descent.map_help": (
        "在滑块选中的那一步，橙色箭头表示梯度指向哪里（以固定长度画出），蓝色箭头是实际走的一步，"
        "即反方向的 η 倍梯度。损失图使用对数刻度。"),

    "gradient_descent.s3": "3 · 为什么普通的 SGD 会抖",
    "gradient_descent.s3_intro": (
        "真实的损失是许多样本的平均。这里我们用直线 ŷ = w·x + b 去拟合 {n} 个带噪声的点，"
        "损失就成了两个权重 (w, b) 上的一片地形。**全批量**梯度下降在每一步之前把所有点的斜率平均起来；"
        "**随机梯度下降**（SGD）只用随机抽出的一小批来估计斜率：每步便宜得多，"
        "但每一批都把方向往自己那边拉一点。"),
    "gradient_descent.noise": "数据噪声（σ）",
    "gradient_descent.noise_help": "数据点在真实直线周围散开的程度。",
    "gradient_descent.seed": "随机种子",
    "gradient_descent.seed_help": (
        "固定数据和批次的顺序：同一个种子总是给出同一张图，所以分享出去的链接显示的正是这次运行。"),
    "gradient_descent.batch": "批大小 B",
    "gradient_descent.batch_help": "从 1（每步一个点）到 {n}（全部点，即全批量）。",
    "gradient_descent.s3_numbers": (
        "数据由 y = {line} 加上噪声生成。这些步数相当于把数据用了 {epochs} 遍（轮次）。"
        "在这里，全批量梯度下降在 η < **{limit}** 时稳定（2 除以这个损失的最大曲率）。"),
    "gradient_descent.full_series": "全批量",
    "gradient_descent.full_legend": "全批量（虚线）",
    "gradient_descent.mini_legend": "小批量 SGD（实线）",
    "gradient_descent.mini_series": "小批量 SGD",
    "gradient_descent.reg_diverged": (
        "**在第 {k} 步发散**（{name}）：路径在那里被截断。全批量的上限是 η < {limit}"
        "（2 除以损失的最大曲率）；单个小批量的损失可能弯得更急，上限也就可能更低。"),
    "gradient_descent.reg_help": (
        "地形图：两条路径画在 (w, b) 的损失地形上，菱形是最佳拟合。散点图：数据以及每条路径当前的直线。"
        "曲线图：高出最佳拟合的损失。步数滑块同时控制这三张图。"),
    "gradient_descent.reg_measured": (
        "**B = {batch} 时的实测结果。** 最终高出最佳拟合的损失：全批量 {gap_full}，SGD {gap_mini}。"
        "最后四分之一步数里到最佳拟合的平均距离：全批量 {spread_full}，SGD {spread_mini}。"
        "SGD 所用的小批量梯度与真实梯度方向的平均余弦：前四分之一步数为 {cos_early}，"
        "最后四分之一为 {cos_late}（1 表示方向完全相同）。"),
    "gradient_descent.reg_noisy": (
        "每次更新都取决于恰好抽到的那一批，所以 SGD 的路径围着全批量的路径抖动；而在固定的 η 下它永远"
        "停不稳：靠近最佳拟合时真实斜率很小，批与批之间的噪声却不小。批越大，平均的点越多，抖得越少；"
        "B = {n} 时又回到了全批量。"),
    "gradient_descent.reg_exact": (
        "σ = 0 时所有点都在直线上，所以在最佳拟合处每一批的斜率也都是零：SGD 的路径一路上会晃动，"
        "但最终和全批量一样停在最佳拟合上。"),
    "gradient_descent.floor_none": "σ = 0 时没有噪声需要对付，也就没有噪声下限可比较。",
    "gradient_descent.reg_whole": (
        "B = {n} 时每一批都是整个数据集，所以 SGD 和全批量梯度下降走的每一步都相同，两条路径完全重合。"),
    "gradient_descent.floor_measured": (
        "**怎样既保留便宜的步子，又去掉抖动？** 在这个拟合上的实测结果（从上面的种子起连续 {seeds} 个种子，"
        "σ = {noise}；第 {half}–{steps} 步里高出最佳拟合的平均损失）：普通 SGD 在 η = {lr}、B = {batch} "
        "时停在高出 {sgd} 的位置；步长减到四分之一（η/4）时为 {small}；批大小为 {big_batch} 时为 {big}。"
        "重球动量 μ = {mu}、η = {lr_mom}，其稳态步长 η/(1−μ) = {lr} 与 SGD 相同，停在高出 {mom} 的位置。"),
    "gradient_descent.floor_verdict.step_batch": (
        "在这里，更小的步长和更大的批都比同样稳态步长的动量更能压低噪声下限：对付噪声靠的是它们"
        "（或随训练逐渐减小的步长）。"),
    "gradient_descent.floor_verdict.momentum": (
        "在这里，同样稳态步长的动量压低噪声下限的效果，至少和四分之一步长或四倍批大小一样好。"),
    "gradient_descent.floor_diverged": (
        "在 η = {lr} 时，测量噪声下限的部分运行发散了，无从比较：调小 η，再比较更小的步长、更大的批和动量。"),
    "gradient_descent.to_race_intro": (
        "动量是为另一个问题设计的：狭长的山谷（条件数 κ 很大），普通的步子在横向来回振荡、沿谷底却挪得很慢。"
        "动量缓冲把方向一致的、沿着山谷的步子累加起来，而横向的振荡会部分抵消。"),
    "gradient_descent.to_race": "到“优化器竞赛”里比较 SGD 和动量在 Rosenbrock 山谷上的表现",

    "gradient_descent.s4": "4 · de/dw 从哪里来",
    "gradient_descent.s4_intro": (
        "上面用到的斜率不是靠反复试出来的，而是由链式法则推出来的。原文把损失记作 e，所以原文的 de/dw "
        "就是这里的 ∂L/∂w。损失只通过每个点的残差 rᵢ = ŷᵢ − yᵢ 依赖于 w，"
        "所以 ∂L/∂w 就是对所有点求和：（L 随 rᵢ 的变化）×（rᵢ 随 w 的变化）。"
        "反向传播做的正是这件事，一层接一层地应用这条法则。"),
    "gradient_descent.k4": "在全批量路径的第 k 步检查梯度",
    "gradient_descent.k4_help": "0 表示起点。",
    "gradient_descent.k4_clamped": "路径没有第 {asked} 步（步数太少或已发散），因此改用第 {k} 步。",
    "gradient_descent.at_point": "第 {k} 步时权重为 w = {w}，b = {b}。",
    "gradient_descent.first_rows": "{n} 个点中的前 {m} 个，以及它们对 ∂L/∂w 的贡献：",
    "gradient_descent.col_chain": "链式法则",
    "gradient_descent.col_numeric": "数值（中心差分）",
    "gradient_descent.col_diff": "差值",
    "gradient_descent.numeric_note": (
        "数值一列把一个权重挪动 ±h = {h}，再用 L 的变化除以 2h，完全不用微积分。它与链式法则的结果"
        "相差不超过 {diff}：这点差别来自舍入误差，而不是公式有错。"
        "（L 是 w 和 b 的二次函数，所以中心差分本身是精确的，没有截断误差。）"),
    "gradient_descent.batch_note": (
        "在同一点上，第 {k} 批（B = {batch} 个点）给出的梯度是 ({gw}, {gb})，而全量梯度是 "
        "({fw}, {fb})：公式相同，只是在更少的点上取平均。"),
}
