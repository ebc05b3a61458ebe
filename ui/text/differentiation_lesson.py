"""Strings of the Differentiation page's guided lesson (ui.differentiation.lesson): per
step its title, question, answers, the sentence quoting the run and, per answer the run
can bear out, why. Numbers arrive as placeholders from the run."""

P = "differentiation.lesson."

EN = {
    # 1. the slope of a straight line
    P + "line.title": "Slope of a line",
    P + "line.question": "Put P₁ and P₂ far apart on the sloped line. Compared with two "
                         "points close together on the same line, the slope between them is …",
    P + "line.choice.steeper": "steeper: the rise is bigger",
    P + "line.choice.same": "the same: the run grows as much as the rise",
    P + "line.choice.shallower": "shallower: the points are spread out",
    P + "line.measured": "From P₁ at x = {x1} to P₂ at x = {x2} the run is {run} and the rise "
                         "{rise}, so the slope is {far}. Between x = {u} and x = {v}, the "
                         "closest of the pairs the section checks, it is {near}; together they "
                         "give {others}.",
    P + "line.why.same": "On a straight line the rise is always the slope times the run, so "
                         "every pair of points gives the same ratio.",
    P + "line.why.steeper": "Here the far pair gives the larger slope.",
    P + "line.why.shallower": "Here the far pair gives the smaller slope.",
    # 2. from a secant to the tangent
    P + "secant.title": "Secant to tangent",
    P + "secant.question": "On y = x², shrink the step h of the secant from x₀ to x₀ + h. "
                           "As h gets small, the secant's slope …",
    P + "secant.choice.zero": "falls towards 0: the two points merge, so nothing rises",
    P + "secant.choice.tangent": "settles on the tangent's slope f′(x₀)",
    P + "secant.choice.grows": "blows up: we divide by a tiny h",
    P + "secant.measured": "At x₀ = {x0} the secant slope is {s_large} with h = {h_large} and "
                           "{s} with h = {h}. The tangent's slope is f′(x₀) = {d}: the gap "
                           "shrank from {gap_large} to {gap}.",
    P + "secant.why.tangent": "The rise f(x₀ + h) − f(x₀) shrinks along with the run h, and "
                              "their ratio for y = x² is exactly 2x₀ + h, which tends to "
                              "2x₀ = f′(x₀): the tangent's slope is the limit of secant "
                              "slopes.",
    P + "secant.why.zero": "Here the secant slope moved towards 0 as h shrank.",
    P + "secant.why.grows": "Here the secant slope grew as h shrank.",
    # 3. the derivative everywhere
    P + "point.title": "A slope of zero",
    P + "point.question": "On y = x³ the slope at x = 0 is f′(0) = 0. What kind of point "
                          "is it?",
    P + "point.choice.min": "a minimum: slope 0 means the bottom",
    P + "point.choice.max": "a maximum",
    P + "point.choice.flat": "neither: the curve flattens and keeps climbing",
    P + "point.measured": "At x = {x} the slope is f′({x}) = {d}, and f({left}) = {f_left}, "
                          "f({x}) = {fx}, f({right}) = {f_right}. The section marks the "
                          "point as a {kind}.",
    P + "point.why.flat": "A slope of 0 only says the tangent is horizontal there. Since "
                          "f′(x) = 3x² is never negative, x³ rises on both sides of 0: it has "
                          "no bottom there. A minimum needs f′ to change from minus to plus.",
    P + "point.why.min": "Here f′ changes from minus to plus: the curve falls, then rises.",
    P + "point.why.max": "Here f′ changes from plus to minus: the curve rises, then falls.",
    # 5. the accuracy of numeric slopes
    P + "best_h.title": "The best step h",
    P + "best_h.question": "A computer estimates the slope of eˣ at x₀ = 1 with the forward "
                           "difference (f(x₀ + h) − f(x₀)) / h. Which h gives the smallest "
                           "error?",
    P + "best_h.choice.tiny": "the smallest h on the chart: the limit is h → 0",
    P + "best_h.choice.between": "an h in between",
    P + "best_h.choice.large": "the largest h on the chart",
    P + "best_h.measured": "At x₀ = {x0} the forward difference is most accurate at "
                           "h = {h_best}, with error {e_best}. At the smallest h, {h_tiny}, "
                           "its error is {e_tiny}; at the largest, h = {h_large}, it is "
                           "{e_large}. The central difference does best at h = {hc_best}, "
                           "with error {ec_best}.",
    P + "best_h.why.between": "A smaller h cuts the truncation error, about h |f″| / 2, but "
                              "each value of f is stored rounded, off by up to about ε |f| "
                              "(ε is the machine epsilon), and that rounding, divided by h, "
                              "grows as h shrinks. The best h balances "
                              "the two.",
    P + "best_h.why.tiny": "Here the error kept falling down to the smallest h.",
    P + "best_h.why.large": "Here the error was smallest at the largest h.",
}

ZH = {
    P + "line.title": "直线的斜率",
    P + "line.question": "在这条倾斜的直线上，把 P₁ 和 P₂ 拉得很远。和同一条直线上两个靠得很近的点相比，"
                         "这两点之间的斜率会……",
    P + "line.choice.steeper": "更陡：升高的量更大",
    P + "line.choice.same": "不变：水平距离和升高量一起按比例变大",
    P + "line.choice.shallower": "更平：两点分得更开",
    P + "line.measured": "从 x = {x1} 处的 P₁ 到 x = {x2} 处的 P₂，水平距离是 {run}，升高是 {rise}，"
                         "所以斜率是 {far}。在本节检查的几对点中，靠得最近的是 x = {u} 和 x = {v}，其间斜率是 "
                         "{near}；这几对点依次给出 {others}。",
    P + "line.why.same": "在直线上，升高量总是斜率乘以水平距离，所以任意两点的比值都相同。",
    P + "line.why.steeper": "这里相距远的一对点给出的斜率更大。",
    P + "line.why.shallower": "这里相距远的一对点给出的斜率更小。",
    P + "secant.title": "从割线到切线",
    P + "secant.question": "在 y = x² 上，把从 x₀ 到 x₀ + h 的割线步长 h 缩小。h 变小时，割线的斜率会……",
    P + "secant.choice.zero": "趋向 0：两点重合，就没有升高了",
    P + "secant.choice.tangent": "稳定到切线的斜率 f′(x₀)",
    P + "secant.choice.grows": "变得极大：因为除以了很小的 h",
    P + "secant.measured": "在 x₀ = {x0} 处，h = {h_large} 时割线斜率是 {s_large}，h = {h} 时是 {s}。"
                           "切线的斜率是 f′(x₀) = {d}：差距从 {gap_large} 缩小到 {gap}。",
    P + "secant.why.tangent": "升高量 f(x₀ + h) − f(x₀) 随水平距离 h 一起缩小；对 y = x² 来说，两者之比"
                              "恰好是 2x₀ + h，趋向 2x₀ = f′(x₀)：切线的斜率就是割线斜率的极限。",
    P + "secant.why.zero": "这里 h 缩小时，割线斜率趋向 0。",
    P + "secant.why.grows": "这里 h 缩小时，割线斜率变大了。",
    P + "point.title": "斜率为零",
    P + "point.question": "在 y = x³ 上，x = 0 处的斜率是 f′(0) = 0。这是什么样的点？",
    P + "point.choice.min": "极小值：斜率为 0 就是谷底",
    P + "point.choice.max": "极大值",
    P + "point.choice.flat": "都不是：曲线在这里变平，然后继续上升",
    P + "point.measured": "在 x = {x} 处，斜率 f′({x}) = {d}，而 f({left}) = {f_left}，"
                          "f({x}) = {fx}，f({right}) = {f_right}。本节把这个点标为{kind}。",
    P + "point.why.flat": "斜率为 0 只说明那里的切线是水平的。因为 f′(x) = 3x² 从不为负，x³ 在 0 的两侧"
                          "都在上升，那里并没有谷底。极小值要求 f′ 由负变正。",
    P + "point.why.min": "这里 f′ 由负变正：曲线先下降，再上升。",
    P + "point.why.max": "这里 f′ 由正变负：曲线先上升，再下降。",
    P + "best_h.title": "最好的步长 h",
    P + "best_h.question": "计算机用前向差分 (f(x₀ + h) − f(x₀)) / h 估计 eˣ 在 x₀ = 1 处的斜率。"
                           "哪个 h 的误差最小？",
    P + "best_h.choice.tiny": "图上最小的 h：极限就是 h → 0",
    P + "best_h.choice.between": "介于两者之间的某个 h",
    P + "best_h.choice.large": "图上最大的 h",
    P + "best_h.measured": "在 x₀ = {x0} 处，前向差分在 h = {h_best} 时最准，误差为 {e_best}。"
                           "在最小的 h = {h_tiny} 处，误差是 {e_tiny}；在最大的 h = {h_large} 处，"
                           "误差是 {e_large}。中心差分在 h = {hc_best} 时最好，误差为 {ec_best}。",
    P + "best_h.why.between": "h 越小，截断误差（约为 h |f″| / 2）越小；但每个 f 值在存储时都会舍入，偏差可达约 ε |f|（ε 是机器精度），"
                              "这点舍入误差再除以 h，会随 h 缩小而变大。最好的 h 在两者之间取得平衡。",
    P + "best_h.why.tiny": "这里误差一直下降到最小的 h。",
    P + "best_h.why.large": "这里误差在最大的 h 处最小。",
}
