"""Strings of the Gradient Descent page's conditioning section (English and Chinese).

The section's number lives only in ``gradient_descent.cond.header``."""

_P = "gradient_descent.cond."

EN = {f"{_P}{k}": v for k, v in {
    "header": "6 · Conditioning: one step size for two curvatures",
    "intro": (
        "The stretched bowl of part 2 curves by 1 along its valley and by κ across it. "
        "These curvatures are the eigenvalues λ_min and λ_max of the Hessian A of "
        "f = ½ xᵀAx, and their ratio κ = λ_max/λ_min is the bowl's **condition number**. "
        "This part measures what κ costs gradient descent, how much momentum wins back, "
        "and why it matters whether the valley lies along an axis."),
    "kappa": "Condition number κ = λ_max/λ_min",
    "kappa_help": "The bowl ½(u² + κ v²): curvature 1 along the valley u, κ across it (v).",
    "angle": "Turn of the valley θ in part c (degrees)",
    "angle_help": "Parts a and b use the aligned bowl; part c compares it with the bowl "
                  "turned by θ.",
    # a. gradient descent
    "a": "a · Gradient descent at its best fixed step",
    "a_intro": (
        "A step multiplies the error along each eigendirection by 1 − ηλ. A step that is "
        "safe across the valley (λ = κ) is tiny along it (λ = 1). The best compromise makes "
        "both factors equally large in size, and that size is the per-step contraction of "
        "the distance to the minimum, from any start:"),
    "a_measured": (
        "**Measured at κ = {kappa}**, from (x, y) = ({u0}, {v0}) with η\\* = {lr}: along the "
        "valley x is multiplied by {fu} each step (1 − η\\* = {pu}), across it y by {fv} "
        "(1 − η\\*κ = {pv}: it changes side every step). Over the {k} steps it takes to get "
        "within {tol} of the start's distance, ‖x_k − x\\*‖ shrank by {measured} per step "
        "(geometric mean); predicted (κ − 1)/(κ + 1) = {predicted}."),
    # b. heavy ball
    "b": "b · Momentum: the √κ speed-up",
    "b_intro": (
        "torch's SGD with momentum keeps a buffer b ← μ·b + g (starting at the first "
        "gradient) and steps x ← x − η·b. Since η·b is the last step plus η·g, this is "
        "exactly the heavy ball x_(k+1) = x_k − η∇f(x_k) + μ(x_k − x_(k−1)), first step "
        "included. Its best parameters and its rate:"),
    "b_measured": (
        "**Measured at κ = {kappa}** with η = {lr}, μ = {mu}: heavy ball gets within {tol} "
        "of its start's distance for good after {k} steps, gradient descent after {k_gd}: "
        "{ratio}× fewer steps (√κ = {sqrtk}). The distance does not shrink by the same "
        "factor every step, so the rate is measured over the late window k = {k0} … {k1}: "
        "(‖e_{k1}‖ / ‖e_{k0}‖)^(1/{n}) = {measured}, against ρ = {rho}."),
    "b_why": (
        "The measured rate is {pct}% above ρ, and that is exact rather than noise: at these "
        "η and μ both roots of each direction's recurrence equal ρ (or −ρ), so each error is "
        "a straight line times ρ^k or (−ρ)^k. The closed form below gives {exact} for the same window. "
        "Its bracketed factors grow only linearly in k, so their share of a window's rate "
        "tends to 1 as the window moves later."),
    "side_caption": "Predicted and measured at κ = {kappa} (tolerance: {tol} of the start's "
                    "distance).",
    "col_quantity": "quantity",
    "col_predicted": "predicted",
    "col_measured": "measured",
    "row_gd_rate": "GD: contraction per step",
    "row_gd_steps": "GD: steps to the tolerance",
    "row_hb_rate": "heavy ball: rate over k = {k0} … {k1}",
    "row_hb_rate_rho": "heavy ball: asymptotic rate ρ",
    "row_hb_steps": "heavy ball: steps to the tolerance",
    "map_gd": "gradient descent, η*",
    "map_hb": "heavy ball",
    "map_axis": "distance ‖x_k − x*‖",
    "step": "step k",
    "map_caption": (
        "The map: both paths on the aligned bowl (x along the valley, y across it). "
        "The distance chart: their distances to the minimum on a log axis; a constant rate is a straight line."),
    "table_caption": "Steps to {tol} of the start's distance, measured, at several κ.",
    "col_kappa": "κ",
    "col_gd": "GD steps",
    "col_hb": "heavy-ball steps",
    "col_ratio": "speed-up",
    "col_sqrt": "√κ",
    "b_growth": (
        "Across this table the speed-up grows like κ^{p} (least-squares fit on log–log "
        "axes; √κ is κ^0.5) and lies between {lo} and {hi} times √κ. For large κ, "
        "ln((κ+1)/(κ−1)) ≈ 2/κ and ln(1/ρ) ≈ 2/√κ, so the two step counts grow like "
        "(κ/2)·ln(1/tol) and (√κ/2)·ln(1/tol); heavy ball's linear factors cost it a few "
        "extra steps on top."),
    # c. a turned valley
    "c": "c · A turned valley and per-coordinate step sizes",
    "c_intro": (
        "RMSprop and Adam divide each coordinate of the step by a running root-mean-square "
        "of that coordinate's gradients: one scale per axis. When the valley lies along an "
        "axis, each axis is an eigendirection, and one scale per axis can even out the two "
        "curvatures. Turn the valley and every axis mixes both curvatures: the best any "
        "fixed per-coordinate rescaling can reach is κ = {dk} at θ = {angle}° (κ = {dk0} "
        "aligned). Gradient descent has no preferred axes: turning the bowl turns its path "
        "with it."),
    "c_setup": (
        "Each method runs {steps} steps from the same point of the valley, (u, v) = ({u0}, "
        "{v0}), at its own best rate from {n} rates between {lo} and {hi} (the app's tuning "
        "rule: the lowest mean log loss among rates that never climb above the start). "
        "Counted: steps until the distance stays below {tol} of the start's."),
    "c_rates": "Tuned rates, aligned | turned: {rates}.",
    "c_gd": (
        "**Gradient descent:** {a} aligned, {b} turned; its two distance curves never differ "
        "by more than {diff} (relative): the same run, turned."),
    "c_method": "**{name}:** {a} aligned, {b} turned.",
    "c_steps": "{k} steps",
    "c_steps_again": "{k} steps (first below at step {first}, then back above it)",
    "c_never": "not within {steps} steps (distance {d} of the start's)",
    "c_never_again": "below it first at step {first} but above it again at the end of "
                     "{steps} steps (distance {d} of the start's)",
    "c_slower": "At κ = {kappa} and θ = {angle}°, turning the valley slowed down: {names}.",
    "c_same": "About as fast either way (within 5%): {names}.",
    "c_faster": "Faster turned: {names}.",
    "c_none_slower": "At κ = {kappa} and θ = {angle}° the turn slowed neither per-coordinate "
                     "method down.",
    "c_invariant": (
        "At a given rate the aligned runs of RMSprop and Adam do not depend on κ at all "
        "(up to their ε): multiplying one coordinate's gradients by κ multiplies their "
        "root-mean-square by κ too. Only the tuned rate can change with κ."),
    "aligned": "aligned (θ = 0°)",
    "turned": "turned (θ = {angle}°)",
    "rel_axis": "‖x_k − x*‖ / ‖x_0 − x*‖",
    "trend_caption": (
        "Steps to {tol} at θ = {angle}°, each method at its own tuned rate "
        "(—: not within {steps} steps)."),
    "col_method_aligned": "{name}, aligned",
    "col_method_turned": "{name}, turned",
    "edge_note": "The best rate lies at the edge of the grid for: {names}; a better one may "
                 "lie beyond it.",
    "name.sgd": "Gradient descent",
    "name.rmsprop": "RMSprop",
    "name.adam": "Adam",
    "to_race_intro": (
        "The Optimizer Race runs every method of this page and the article's others on this "
        "bowl, turned, with the start, steps and rates under your control."),
    "to_race": "Race SGD, momentum, RMSprop and Adam on the bowl with κ = {kappa}, turned "
               "{angle}°",
}.items()}

ZH = {f"{_P}{k}": v for k, v in {
    "header": "6 · 条件数：一个步长，两种曲率",
    "intro": (
        "第 2 部分那只被拉长的碗，沿着山谷方向的曲率是 1，横跨山谷的曲率是 κ。这两个曲率就是 "
        "f = ½ xᵀAx 的 Hessian 矩阵 A 的特征值 λ_min 和 λ_max，它们的比值 κ = λ_max/λ_min "
        "叫作这只碗的**条件数**。这一部分实测三件事：κ 让梯度下降付出多少代价，动量能挽回多少，"
        "以及山谷是否顺着坐标轴为什么重要。"),
    "kappa": "条件数 κ = λ_max/λ_min",
    "kappa_help": "碗 ½(u² + κ v²)：沿山谷方向 u 的曲率为 1，横跨山谷方向 v 的曲率为 κ。",
    "angle": "c 部分中山谷的转角 θ（度）",
    "angle_help": "a、b 两部分用顺着坐标轴的碗；c 部分把它和转过 θ 的碗对比。",
    "a": "a · 最佳固定步长下的梯度下降",
    "a_intro": (
        "每走一步，沿每个特征方向的误差都乘以 1 − ηλ。横跨山谷（λ = κ）时安全的步长，沿着山谷"
        "（λ = 1）就显得极小。最好的折中是让两个因子的绝对值相等，这个值就是到最小值的距离每步的"
        "收缩率，无论从哪里出发："),
    "a_measured": (
        "**在 κ = {kappa} 时实测**，从 (x, y) = ({u0}, {v0}) 出发，η\\* = {lr}：沿山谷方向 x "
        "每步乘以 {fu}（1 − η\\* = {pu}），横跨山谷方向 y 每步乘以 {fv}（1 − η\\*κ = {pv}：每步都"
        "换到另一侧）。距离降到起点距离的 {tol} 以内共用了 {k} 步，这期间 ‖x_k − x\\*‖ 平均每步"
        "缩小为 {measured} 倍（几何平均）；预测值 (κ − 1)/(κ + 1) = {predicted}。"),
    "b": "b · 动量：√κ 倍的加速",
    "b_intro": (
        "torch 的带动量 SGD 维护一个缓冲 b ← μ·b + g（第一步时 b 等于第一个梯度），然后走 "
        "x ← x − η·b。由于 η·b 等于上一步的位移加上 η·g，它恰好就是重球法 "
        "x_(k+1) = x_k − η∇f(x_k) + μ(x_k − x_(k−1))，连第一步也一样。它的最佳参数和收敛率："),
    "b_measured": (
        "**在 κ = {kappa} 时实测**，η = {lr}，μ = {mu}：重球法在第 {k} 步后稳定地进入起点距离"
        "的 {tol} 以内，梯度下降要 {k_gd} 步：步数少到 1/{ratio}（√κ = {sqrtk}）。距离并不是"
        "每步按同一个因子缩小，所以收敛率在靠后的窗口 k = {k0} … {k1} 上测量："
        "(‖e_{k1}‖ / ‖e_{k0}‖)^(1/{n}) = {measured}，理论值 ρ = {rho}。"),
    "b_why": (
        "实测的收敛率比 ρ 高 {pct}%，这是精确结果而不是噪声：在这组 η 和 μ 下，每个方向的递推式的"
        "两个根都等于 ρ（或 −ρ），所以每个误差都是一条直线乘以 ρ^k 或 (−ρ)^k。下面的闭式解在同一窗口上给出 "
        "{exact}。括号里的因子只随 k 线性增长，所以窗口越靠后，它对测得收敛率的影响越趋近于 1。"),
    "side_caption": "κ = {kappa} 时的预测值与实测值（容差：起点距离的 {tol}）。",
    "col_quantity": "量",
    "col_predicted": "预测",
    "col_measured": "实测",
    "row_gd_rate": "梯度下降：每步收缩率",
    "row_gd_steps": "梯度下降：达到容差的步数",
    "row_hb_rate": "重球法：k = {k0} … {k1} 上的收敛率",
    "row_hb_rate_rho": "重球法：渐近收敛率 ρ",
    "row_hb_steps": "重球法：达到容差的步数",
    "map_gd": "梯度下降，η*",
    "map_hb": "重球法",
    "map_axis": "距离 ‖x_k − x*‖",
    "step": "步数 k",
    "map_caption": (
        "地图：两条路径都在顺着坐标轴的碗上（x 沿山谷，y 横跨山谷）。距离图：它们到最小值的距离，"
        "纵轴取对数；收敛率不变时就是一条直线。"),
    "table_caption": "在几个 κ 下实测：距离降到起点距离的 {tol} 所需的步数。",
    "col_kappa": "κ",
    "col_gd": "梯度下降步数",
    "col_hb": "重球法步数",
    "col_ratio": "加速倍数",
    "col_sqrt": "√κ",
    "b_growth": (
        "在这张表中，加速倍数大约按 κ^{p} 增长（在双对数坐标上做最小二乘拟合；√κ 即 κ^0.5），"
        "并且介于 √κ 的 {lo} 倍和 {hi} 倍之间。κ 很大时 ln((κ+1)/(κ−1)) ≈ 2/κ，"
        "ln(1/ρ) ≈ 2/√κ，所以两种方法的步数分别约按 (κ/2)·ln(1/tol) 和 (√κ/2)·ln(1/tol) 增长；"
        "重球法的线性因子还会让它多花几步。"),
    "c": "c · 转过的山谷与逐坐标的步长",
    "c_intro": (
        "RMSprop 和 Adam 把步长的每个坐标分别除以该坐标梯度的滑动均方根：每个轴有自己的尺度。"
        "山谷顺着坐标轴时，每个轴就是一个特征方向，每轴一个尺度就能把两种曲率拉平。把山谷转过去，"
        "每个轴都混合了两种曲率：在 θ = {angle}° 时，任何固定的逐坐标缩放最多只能把条件数降到 "
        "κ = {dk}（顺着坐标轴时为 {dk0}）。梯度下降没有偏爱的坐标轴：把碗转过去，它的路径也跟着"
        "转过去。"),
    "c_setup": (
        "每种方法从山谷中同一点 (u, v) = ({u0}, {v0}) 出发走 {steps} 步，各自使用在 {lo} 到 "
        "{hi} 之间的 {n} 个学习率中选出的最佳值（本应用的调参规则：在从未高于起点的学习率中，"
        "取对数损失平均值最低者）。计数：距离稳定地低于起点距离的 {tol} 所需的步数。"),
    "c_rates": "调好的学习率，顺轴 | 转过：{rates}。",
    "c_gd": (
        "**梯度下降：** 顺轴 {a}，转过 {b}；两条距离曲线之差从未超过 {diff}（相对值）："
        "同一次运行，只是转了个方向。"),
    "c_method": "**{name}：** 顺轴 {a}，转过 {b}。",
    "c_steps": "{k} 步",
    "c_steps_again": "{k} 步（第 {first} 步首次低于容差，之后又升回容差之上）",
    "c_never": "{steps} 步内未达到（距离为起点距离的 {d}）",
    "c_never_again": "第 {first} 步首次低于容差，但 {steps} 步结束时又高于容差（距离为起点距离的 {d}）",
    "c_slower": "在 κ = {kappa}、θ = {angle}° 时，转动山谷使这些方法变慢：{names}。",
    "c_same": "两种情况下差不多快（相差不到 5%）：{names}。",
    "c_faster": "转过后反而更快：{names}。",
    "c_none_slower": "在 κ = {kappa}、θ = {angle}° 时，转动山谷没有让任何一种逐坐标方法变慢。",
    "c_invariant": (
        "在给定的学习率下，RMSprop 和 Adam 在顺轴碗上的运行完全不依赖于 κ（忽略它们的 ε）："
        "把一个坐标的梯度乘以 κ，它们的均方根也乘以 κ。随 κ 变化的只有调出来的学习率。"),
    "aligned": "顺轴（θ = 0°）",
    "turned": "转过（θ = {angle}°）",
    "rel_axis": "‖x_k − x*‖ / ‖x_0 − x*‖",
    "trend_caption": "θ = {angle}° 时达到 {tol} 所需的步数，每种方法用各自调好的学习率"
                     "（—：{steps} 步内未达到）。",
    "col_method_aligned": "{name}，顺轴",
    "col_method_turned": "{name}，转过",
    "edge_note": "以下方法的最佳学习率落在网格边缘：{names}；更好的值可能在网格之外。",
    "name.sgd": "梯度下降",
    "name.rmsprop": "RMSprop",
    "name.adam": "Adam",
    "to_race_intro": "“优化器竞赛”页面可以在这只转过的碗上比较本节的方法以及原文讲到的其他方法，"
                     "起点、步数和学习率都由你设定。",
    "to_race": "在 κ = {kappa}、转过 {angle}° 的碗上比较 SGD、动量、RMSprop 和 Adam",
}.items()}
