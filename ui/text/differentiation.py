"""Strings of the Differentiation page (English and Chinese, same keys)."""

P = "differentiation."

_CURVES_EN = {
    "constant": "constant c", "line": "line a·x + b", "square": "x²", "cube": "x³",
    "power": "power xⁿ", "sin": "sin x", "exp": "eˣ", "abs": "|x|",
    "quadratic": "½(x − 0)² (quadratic)", "double_well": "double well w⁴ − 3w² + w",
}
_CURVES_ZH = {
    "constant": "常数 c", "line": "直线 a·x + b", "square": "x²", "cube": "x³",
    "power": "幂函数 xⁿ", "sin": "sin x", "exp": "eˣ", "abs": "|x|",
    "quadratic": "½(x − 0)²（二次函数）", "double_well": "双井函数 w⁴ − 3w² + w",
}
_SURFACES_EN = {
    "bowl": "Ill-conditioned bowl", "rosenbrock": "Rosenbrock valley", "beale": "Beale",
    "saddle": "Saddle", "himmelblau": "Himmelblau (four minima)", "camel": "Six-hump camel",
    "two_wells": "Two wells", "rastrigin": "Rastrigin (many dimples)",
}
_SURFACES_ZH = {
    "bowl": "病态碗面", "rosenbrock": "Rosenbrock 山谷", "beale": "Beale 函数",
    "saddle": "鞍面", "himmelblau": "Himmelblau（四个极小点）", "camel": "六峰驼函数",
    "two_wells": "双井", "rastrigin": "Rastrigin（布满小坑）",
}
_CONSTRUCT_EN = {
    "attribute": "attribute access (a dot after a name)", "lambda": "a lambda function",
    "subscript": "indexing with [ ]", "comprehension": "a comprehension or generator",
    "comparison": "a comparison", "logic": "logic (and, or, True, False)",
    "conditional": "an if-else expression", "assignment": "an assignment",
    "collection": "a list, tuple, set or dict", "text": "text in quotes",
    "other": "something that is not part of a formula",
}
_CONSTRUCT_ZH = {
    "attribute": "属性访问（名字后面跟点号）", "lambda": "lambda 函数",
    "subscript": "用 [ ] 取下标", "comprehension": "推导式或生成器",
    "comparison": "比较运算", "logic": "逻辑运算（and、or、True、False）",
    "conditional": "if-else 表达式", "assignment": "赋值",
    "collection": "列表、元组、集合或字典", "text": "引号里的文字",
    "other": "不属于数学公式的内容",
}

EN = {
    P + "title": "Differentiation: from a slope to de/dw",
    P + "intro": "Training a network means pushing an error downhill, and the compass that "
                 "gradient-based training follows is the slope. This page builds that idea in seven steps: the slope of a "
                 "straight line, the tangent as the limit of secants, the rules that give the "
                 "slope everywhere, your own formula, how exact a numeric slope can be, slopes "
                 "on a surface, and the chain rule that gives the error's slope for one weight.",
    # 1
    P + "s1": "1. The slope of a straight line",
    P + "s1_intro": "Pick two points on a line. Going from P₁ to P₂ you move sideways by the "
                    "**run** and up (or down) by the **rise**, both signed (negative when P₂ lies "
                    "left of or below P₁); the slope is rise ÷ run. Slide the points around: the "
                    "legs change, their ratio does not.",
    P + "line_kind": "Line",
    P + "line_kind.sloped": "sloped",
    P + "line_kind.flat": "flat",
    P + "line_kind.vertical": "vertical",
    P + "line_a": "slope a in y = a·x + b",
    P + "line_b": "height b where the line crosses x = 0",
    P + "line_c": "position c of the vertical line x = c",
    P + "line_p1": "P₁ ({along})",
    P + "line_p2": "P₂ ({along})",
    P + "rise": "rise",
    P + "run": "run",
    P + "line_same_point": "P₁ and P₂ are the same point, so there is nothing to measure: "
                           "move one of them.",
    P + "line_vertical": "rise = {rise}, run = {run}. On a vertical line every run is 0 and "
                         "rise ÷ 0 has no value: the slope is **undefined** (its size grows "
                         "without bound as a line turns towards vertical).",
    P + "line_slope": "rise = {rise}, run = {run}, so the slope is rise ÷ run = **{slope}**.",
    P + "line_others": "Measured between three other pairs of points on the same line: "
                       "{slopes}. A straight line has one slope everywhere.",
    P + "line_flat": "A flat line rises by 0 whatever the run: its slope is 0.",
    # 2
    P + "s2": "2. From a secant to the tangent",
    P + "s2_intro": "On a curve, the slope between two points depends on which points you "
                    "pick. Fix one point x₀ and put the second one a step h away: the line "
                    "through both is a **secant**. As h shrinks, the secant turns towards the "
                    "**tangent**, the line that just touches the curve at x₀, and in the limit "
                    "h → 0 its slope is the derivative f′(x₀), wherever that limit exists.",
    P + "function": "Function",
    P + "x0": "point x₀",
    P + "h": "step |h|",
    P + "h_help": "The second point sits at x₀ + h. The slider is logarithmic: each notch "
                  "divides h by about 1.8.",
    P + "h_left": "step to the left (h < 0)",
    P + "h_left_help": "Approach x₀ from the left instead of from the right.",
    P + "secant_now": "With h = {h}: s(h) = **{s}**",
    P + "series.f": "f(x)",
    P + "series.secant": "secant",
    P + "series.tangent": "tangent",
    P + "series.exact": "f′(x₀)",
    P + "series.df": "f′(x)",
    P + "series.e": "e(w)",
    P + "h_axis": "step |h| (log scale)",
    P + "slope_axis": "secant slope s(h)",
    P + "side.right": "from the right (h > 0)",
    P + "side.left": "from the left (h < 0)",
    P + "tangent_exists": "At x₀ = {x0} both sides close in on the same number, "
                          "f′(x₀) = **{d}**. The slope of the current secant differs from it "
                          "by {gap}.",
    P + "kink": "At x = {x0} the two sides disagree: from the left the secant slopes settle "
                "at {left}, from the right at {right}. No single line touches the curve "
                "there, so **f has no derivative at this point** (a kink).",
    P + "limit_vertical": "At x = {x0} the secant slopes grow without bound in size as h "
                          "shrinks: the curve stands vertical there, and there is no finite "
                          "derivative.",
    P + "limit_undefined": "f has no value at x = {x0}, or none just beside it on one side, so "
                           "no slope can be measured here.",
    # 3
    P + "limit_why": "The reason: {reason}.",
    P + "s3": "3. The slope everywhere",
    P + "s3_intro": "Instead of chasing secants at every point, differentiate the formula "
                    "once: f′(x) gives the slope at any x. Below, f and f′ share the x-axis. "
                    "Where f′ = 0 the tangent is flat: a local **minimum** if f′ changes from "
                    "negative to positive there, a local **maximum** if from positive to "
                    "negative, and a **horizontal inflection point** (like x³ at 0) if f′ "
                    "touches 0 without changing sign.",
    P + "rule_c": "c (constant)",
    P + "rule_n": "n (power)",
    P + "rule_a": "a (line)",
    P + "rule_b": "b (line)",
    P + "x_point": "point x",
    P + "uses_sliders": "This function uses the c, a, b or n sliders.",
    P + "linked_help": "Hover over either chart: the grey rule follows you on both, so you "
                       "can read the height of f and its slope at the same x. Diamonds mark "
                       "where f′ = 0 and where f turns at a kink.",
    P + "slope_label": "slope",
    P + "slope_at": "At x = {x}, the slope is f′(x) = **{d}**; the blue tangent has exactly "
                    "this slope.",
    P + "slope_off_chart": "At x = {x}, the slope is f′(x) = **{d}**, but f(x) = {f} is beyond "
                           "what this chart draws (values over 10¹² in size are left out), so "
                           "no tangent is shown.",
    P + "flat_everywhere": "f′ is 0 for every x: a constant never rises or falls, so every "
                           "point is flat and no point is a strict minimum or maximum.",
    P + "no_stationary": "f′ is not 0 anywhere on the plotted range and does not change sign "
                         "at a kink, so f has no local minimum or maximum there.",
    P + "stationary_found": "Found on the plotted range: {items}.",
    P + "kind.min": "minimum",
    P + "kind.max": "maximum",
    P + "kind.flat": "horizontal inflection point",
    P + "kind.min_kink": "minimum at a kink",
    P + "kind.max_kink": "maximum at a kink",
    P + "stationary_item": "{kind} at x = {x} (f = {f})",
    P + "kink_note": "At a kink f′ jumps from one sign to the other without ever being 0, "
                     "yet f still turns there.",
    P + "rules_intro": "**The rules, checked live at x = {x}.** Each formula from the rules is "
                       "compared with a central-difference slope measured on the function "
                       "itself.",
    P + "col_rule": "rule",
    P + "col_f": "function",
    P + "col_formula": "the rule says",
    P + "col_numeric": "measured slope",
    P + "col_gap": "difference",
    P + "col_truncation": "truncation (predicted)",
    P + "col_rounding": "rest: rounding",
    P + "col_secant": "secant slope",
    P + "rule.constant": "constant → 0",
    P + "rule.line": "a·x + b → a",
    P + "rule.power": "xⁿ → n·xⁿ⁻¹",
    P + "rules_note": "A constant is a flat line: slope 0. A line has the same slope a "
                      "everywhere. For xⁿ the slope itself changes with x, which is why x² "
                      "needs 2x rather than a single number. The differences are not errors "
                      "in the rules; the measurement makes them, in two parts. Truncation: "
                      "the central difference through x − h and x + h misses f′(x) by "
                      "h²f‴(x)/6 + h⁴f⁽⁵⁾(x)/120 (for xⁿ with n ≤ 6 these two terms are the "
                      "whole truncation error), which is 0 for a constant, a line and x². "
                      "Rounding: x ± h and f(x ± h) are stored to about 16 significant digits, "
                      "and dividing their difference by 2h magnifies that.",
    P + "rules_h": "Here h = {h}.",
    P + "rules_power_truncation": "In the xⁿ row (n = {n}) the predicted truncation is {pred} "
                                  "and the measured difference {gap}: truncation accounts for "
                                  "it up to {rest}.",
    P + "rules_power_exact": "For xⁿ with n = {n} the truncation is 0 at this x (f‴ and f⁽⁵⁾ "
                             "are 0 here), so its whole difference is rounding.",
    P + "rules_rounding_ok": "In every row the rest stays within its rounding scale "
                             "2ε·(max |f(x ± h)| + |x·f′(x)|)/h, with ε ≈ 2.2·10⁻¹⁶ (the "
                             "largest scale here is {scale}).",
    P + "rules_rounding_big": "In the {rows} row the rest is larger than its rounding scale: "
                              "truncation and rounding as estimated here do not explain it.",
    # 4
    P + "s4": "4. Type your own function",
    P + "s4_intro": "Write a formula in x. The page reads it with a strict grammar, "
                    "differentiates it symbolically and plots f with f′. Nothing you type is "
                    "ever run as code.",
    P + "typed_label": "f(x) =",
    P + "typed_help": "Use x, numbers, + − * / and ** (or ^) for powers, brackets, pi, "
                      "e (Euler's number 2.718…) and these functions: {functions}.",
    P + "typed_examples": "Try `exp(-x^2)`, `abs(x)`, `log(x)`, `x^4 - 3*x^2 + x` or "
                          "`tanh(3*x)`.",
    P + "typed_rules": "Limits: at most {length} characters, {depth} levels of nesting, and "
                       "constant exponents up to {power} in size.",
    P + "typed_gaps": "f has no value at {n} of the {total} points where it is plotted, so "
                      "the chart leaves them blank: {reasons}.",
    P + "gap.division_by_zero": "a division by zero {where}",
    P + "gap.log_domain": "the log of a number ≤ 0 {where}",
    P + "gap.sqrt_domain": "the square root of a negative number {where}",
    P + "gap.root_domain": "a non-integer power of a negative number {where}",
    P + "gap.overflow": "a value too large for double precision (beyond about 1.8·10³⁰⁸) "
                        "{where}",
    P + "gap.other": "no real value {where}",
    P + "gap.at": "at x = {x}",
    P + "gap.range": "for x from {lo} to {hi}",
    P + "gap.more": "and {n} more stretches",
    P + "list_sep": "; ",
    P + "list_and": " and ",
    P + "typed_check": "Check at x = {x}: the symbolic f′ gives {formula}, a central "
                       "difference measures {numeric} (difference {gap}).",
    P + "err.empty": "The box is empty: type a formula in x, for example `x**2 + 1`.",
    P + "err.too_long": "That is {length} characters; formulas here may have at most {limit}.",
    P + "err.bad_char": "Character {position} ({char}, {code_point}) is not allowed. Use plain "
                        "keyboard characters; lookalike letters from other alphabets, "
                        "superscripts and special minus signs do not count.",
    P + "err.too_deep": "The formula is nested too deeply (more than {limit} levels of "
                        "brackets, functions or signs).",
    P + "err.undefined": "Part of the formula has no value, for example tan(pi/2).",
    P + "err.not_real": "Part of the formula is not a real number.",
    P + "err.division_by_zero": "The formula divides by zero: a denominator is exactly 0 "
                                "(as in 1/0, x/(x - x) or 0**-1).",
    P + "err.log_domain": "The formula takes the log of {value}: the log is defined only for "
                          "numbers above 0.",
    P + "err.sqrt_domain": "The formula takes the square root of {value}: a negative number "
                           "has no real square root.",
    P + "err.root_domain": "The formula raises {value} to a non-integer power: such powers are "
                           "real here only for bases ≥ 0 (as in NumPy).",
    P + "err.too_big": "A constant part of the formula (such as exp(1000)) is larger than "
                       "{limit} in size.",
    P + "err.exponent": "An exponent is too large: constant powers may be at most {limit} in "
                        "size (also after combining, as in (x**5)**5 = x**25).",
    P + "err.number": "A number in the formula is larger than {limit}.",
    P + "err.construct": "The formula contains {kind}, which is not allowed: only numbers, x, "
                         "pi, e, + − * / **, brackets and the listed functions.",
    P + "err.unknown_function": "There is no function called `{name}` here. Available: "
                                "{allowed}.",
    P + "err.arguments": "`{name}` takes exactly one argument, written like `{name}(x)`.",
    P + "err.unknown_name": "Unknown name `{name}`: the variable is x (pi and e are also "
                            "known).",
    P + "err.operator": "That operator is not allowed: use + − * / and ** (or ^) for powers.",
    P + "err.syntax": "The formula cannot be read at character {position}. Write "
                      "multiplication with *, like `2*x`.",
    P + "err.unclosed": "A \")\" is missing: the \"(\" at character {position} is never "
                        "closed.",
    P + "err.unclosed_many": "{missing} closing brackets \")\" are missing: the last \"(\" that "
                             "is never closed is character {position}.",
    P + "err.unmatched": "The \")\" at character {position} closes nothing: there is no \"(\" "
                         "before it that is still open.",
    P + "err.incomplete": "The formula stops too early: something is missing at its end, "
                          "as in `x +` or `x**`.",
    # 5
    P + "s5": "5. How accurate is a numeric slope?",
    P + "s5_intro": "A computer cannot let h go to 0; it picks a small h and divides. Here is "
                    "the error of that guess against the exact f′(x₀), for h from 1 down to "
                    "10⁻¹⁶.",
    P + "accuracy_none": "f has no derivative at x₀ = {x0}, so there is no exact slope to "
                         "compare with. Move x₀.",
    P + "method.forward": "forward difference",
    P + "method.central": "central difference",
    P + "error_axis": "|numeric − exact slope| (log scale)",
    P + "accuracy_best": "Smallest error measured: forward {err_fwd} at h ≈ {h_fwd}; central "
                         "{err_cen} at h ≈ {h_cen}. The textbook guesses are √ε·(1 + |x₀|) ≈ "
                         "{thumb_fwd} and ∛ε·(1 + |x₀|) ≈ {thumb_cen}, with ε the spacing of "
                         "double-precision numbers near 1.",
    P + "accuracy_shape": "Read the chart from right to left. At large h the error is "
                          "**truncation**: the secant is not the tangent, and as h shrinks the "
                          "error falls like hᵖ. Fitted at h from 10⁻⁴ to 10⁻³, p ≈ {p_fwd} for "
                          "the forward difference, and at h from 10⁻³ to 10⁻², p ≈ {p_cen} for "
                          "the central one (the "
                          "usual 1 and 2; more where f″ or f‴ is 0 at x₀).",
    P + "accuracy_roundoff": "At small h, **round-off** takes over: the two values of f agree "
                             "in almost every digit, their difference is mostly rounding "
                             "noise, and dividing by a tiny h magnifies it. The forward error "
                             "goes from {fwd_big} at h = 1 to {fwd_tiny} at h = {h_tiny}.",
    P + "accuracy_no_roundoff": "Here round-off never takes over: the smallest errors come at "
                                "the smallest h, because near x₀ the values of f are no bigger "
                                "than about h, so subtracting them cancels no digits.",
    P + "accuracy_between": "For both methods the best h lies in between, not at the "
                            "smallest h.",
    P + "accuracy_edge": "Here the smallest error of one method sits at an end of the h "
                         "range, so this run does not show a best h in between for it.",
    P + "accuracy_exact": "Here the truncation error of the {methods} is 0 at every h (for "
                          "this function the quotient needs no limit), so all that is left of "
                          "its error is round-off: at most {worst} over the whole range of h, "
                          "largest at the smallest steps when f(x₀) is not 0.",
    P + "accuracy_kink": "The kink of f at x = {k} is {d} away: at larger h the quotients of "
                         "the {methods} reach across it, and their error there comes from f′ "
                         "jumping, not from a smooth curve bending. At smaller h (and at every "
                         "h for a quotient that never reaches it) both points lie on one "
                         "straight piece of |x|, where the quotient is exact and only round-off "
                         "is left.",
    P + "accuracy_all_exact": "Here both differences are exact at every h: f takes the same "
                              "value at x₀ − h, x₀ and x₀ + h, so each quotient is exactly 0 = "
                              "f′(x₀), with no truncation and no round-off.",
    P + "accuracy_zeros": "{n} points had an error of exactly 0 and are drawn at {floor}, "
                          "the bottom of the log axis.",
    # 6
    P + "s6": "6. Slopes in two dimensions",
    P + "s6_intro": "On a surface f(x, y) the slope depends on the direction you walk. The "
                    "gradient ∇f = (∂f/∂x, ∂f/∂y) collects the two axis slopes; walking along "
                    "a unit direction d, the slope is the dot product ∇f·d. It is largest "
                    "along ∇f itself and 0 along the contour line, which is why the gradient, "
                    "wherever it is not 0, stands at a right angle to the contours.",
    P + "surface": "Surface",
    P + "point": "point",
    P + "angle": "direction d (degrees from the x-axis)",
    P + "angle_help": "d = (cos θ, sin θ), a step of length 1 in this direction.",
    P + "point_now": "Point: ({x}, {y}). Click the map to move it.",
    P + "arrow.grad": "∇f (uphill)",
    P + "arrow.d": "direction d",
    P + "arrow.level": "along the contour",
    P + "theta_axis": "direction θ (degrees)",
    P + "d_axis": "slope ∇f·d",
    P + "mark.d": "d",
    P + "mark.grad": "∇f",
    P + "mark.level": "contour",
    P + "map_help": "Arrows are drawn at one fixed length: only their directions matter. Both "
                    "axes use the same scale, so right angles look right.",
    P + "grad_zero": "The gradient is 0 at this point (its size is below 10⁻¹⁰, rounding "
                     "level): every direction is flat and there is no contour direction to "
                     "measure. Click somewhere else.",
    P + "directional_numbers": "∇f = ({gx}, {gy}) and d = ({dx}, {dy}), so ∇f·d = **{dot}**. "
                               "Stepping a tiny distance along d and back measures {numeric} "
                               "(difference {gap}).",
    P + "perpendicular": "The contour through the point was traced numerically (a small step "
                         "to each side, each pulled back onto the same height): it meets the "
                         "gradient at **{angle}°**. Plotted against θ, the slope ∇f·d is a "
                         "cosine: highest at θ = {grad_angle}° (the gradient) and 0 exactly 90° "
                         "to either side (the contour).",
    # 7
    P + "s7": "7. From slope to de/dw: the chain rule",
    P + "s7_intro": "A one-weight model predicts w·x for an input x; the error against the "
                    "target y is e(w) = (w·x − y)². Training needs de/dw, the slope of the "
                    "error in the weight. The chain rule builds it from small pieces: compute "
                    "the forward values one step at a time, take the slope of each step on "
                    "its own, and multiply.",
    P + "chain_w_help": "The weight whose slope we want.",
    P + "chain_x": "input x",
    P + "chain_y": "target y",
    P + "chain_forward": "**1. Forward values**",
    P + "chain_local": "**2. Local slopes**",
    P + "chain_product": "**3. Their product**",
    P + "chain_compare": "The secant slopes close in on the chain-rule value {d}. Because e(w) "
                         "is a polynomial of degree 2 (at most) in w, the secant slope is "
                         "exactly {d} + x²·h = {d} + {x2}·h in exact arithmetic; the measured "
                         "gaps match x²·h to within {worst} (rounding).",
    P + "chain_meaning": "de/dw = {d}: {way}",
    P + "way_down": "a small increase of w would raise the error, so a gradient-descent step "
                    "moves w down.",
    P + "way_up": "a small increase of w would lower the error, so a gradient-descent step "
                  "moves w up.",
    P + "way_flat": "the error is flat in w, so this weight is already at its best value "
                    "for this data point.",
    P + "to_descent_intro": "Following this slope downhill, step after step, is gradient "
                            "descent: the next page.",
    P + "to_descent": "Go to Gradient Descent",
}
EN.update({P + f"curve.{k}": v for k, v in _CURVES_EN.items()})
EN.update({P + f"surface.{k}": v for k, v in _SURFACES_EN.items()})
EN.update({P + f"construct.{k}": v for k, v in _CONSTRUCT_EN.items()})

ZH = {
    P + "title": "求导：从斜率到 de/dw",
    P + "intro": "训练网络就是把误差往低处推，而基于梯度的训练所依靠的指南针就是斜率。本页分七步"
                 "搭起这个想法：直线的斜率、割线逼近切线、处处求斜率的法则、你自己输入的公式、数值"
                 "斜率能有多准、曲面上的斜率，以及给出误差对单个权重斜率的链式法则。",
    P + "s1": "1. 直线的斜率",
    P + "s1_intro": "在直线上取两点。从 P₁ 走到 P₂，横向移动的量叫**横向变化量**，纵向升降的量叫"
                    "**纵向变化量**，两者都带正负号（P₂ 在 P₁ 左边或下方时为负）；斜率就是纵向"
                    "变化量 ÷ 横向变化量。随意拖动两点：两段的长度会变，它们的比值却不变。",
    P + "line_kind": "直线",
    P + "line_kind.sloped": "倾斜",
    P + "line_kind.flat": "水平",
    P + "line_kind.vertical": "竖直",
    P + "line_a": "y = a·x + b 中的斜率 a",
    P + "line_b": "直线在 x = 0 处的高度 b",
    P + "line_c": "竖直线 x = c 的位置 c",
    P + "line_p1": "P₁（{along}）",
    P + "line_p2": "P₂（{along}）",
    P + "rise": "纵向变化量",
    P + "run": "横向变化量",
    P + "line_same_point": "P₁ 与 P₂ 重合，没有可量的东西：请移动其中一点。",
    P + "line_vertical": "纵向变化量 = {rise}，横向变化量 = {run}。竖直线上的横向变化量永远是 0，"
                         "而除以 0 没有结果：斜率**没有定义**（直线越接近竖直，斜率的绝对值越大，"
                         "没有上限）。",
    P + "line_slope": "纵向变化量 = {rise}，横向变化量 = {run}，所以斜率 = 纵向变化量 ÷ 横向"
                      "变化量 = **{slope}**。",
    P + "line_others": "在同一条直线上另取三对点，量得的斜率为：{slopes}。直线处处只有一个斜率。",
    P + "line_flat": "水平线无论横向走多远，纵向变化量都是 0：斜率为 0。",
    P + "s2": "2. 从割线到切线",
    P + "s2_intro": "在曲线上，两点之间的斜率取决于选哪两点。固定一点 x₀，把第二点放在相距 h "
                    "的地方：穿过这两点的直线叫**割线**。h 越小，割线越接近**切线**——在 x₀ "
                    "处恰好贴着曲线的那条直线；当 h → 0 时，割线斜率的极限（只要存在）就是导数 "
                    "f′(x₀)。",
    P + "function": "函数",
    P + "x0": "点 x₀",
    P + "h": "步长 |h|",
    P + "h_help": "第二个点位于 x₀ + h。滑块按对数刻度排列：每挪一格，h 约缩小到原来的 1/1.8。",
    P + "h_left": "向左取步长（h < 0）",
    P + "h_left_help": "改为从左侧逼近 x₀。",
    P + "secant_now": "h = {h} 时：s(h) = **{s}**",
    P + "series.f": "f(x)",
    P + "series.secant": "割线",
    P + "series.tangent": "切线",
    P + "series.exact": "f′(x₀)",
    P + "series.df": "f′(x)",
    P + "series.e": "e(w)",
    P + "h_axis": "步长 |h|（对数刻度）",
    P + "slope_axis": "割线斜率 s(h)",
    P + "side.right": "从右侧（h > 0）",
    P + "side.left": "从左侧（h < 0）",
    P + "tangent_exists": "在 x₀ = {x0} 处，两侧都逼近同一个数 f′(x₀) = **{d}**。"
                          "当前割线的斜率与它相差 {gap}。",
    P + "kink": "在 x = {x0} 处两侧结果不一致：从左侧逼近，割线斜率稳定在 {left}；从右侧逼近，"
                "稳定在 {right}。没有哪一条直线能恰好贴住这里的曲线，所以 **f 在这一点不可导**"
                "（这是一个尖点）。",
    P + "limit_vertical": "在 x = {x0} 处，h 越小，割线斜率的绝对值越大，没有上限：曲线在这里"
                          "竖直，不存在有限的导数。",
    P + "limit_undefined": "f 在 x = {x0} 处没有值，或在它某一侧紧挨着的地方没有值，因此这里"
                           "量不出斜率。",
    P + "limit_why": "原因：{reason}。",
    P + "s3": "3. 处处的斜率",
    P + "s3_intro": "不必在每个点都去追割线：对公式求一次导，f′(x) 就给出任意 x 处的斜率。"
                    "下面 f 与 f′ 共用同一条横轴。f′ = 0 的地方切线是水平的：f′ 在那里由负变正"
                    "是**局部极小值**，由正变负是**局部极大值**；若 f′ 碰到 0 却不变号（如 x³ "
                    "在 0 处），就是**水平拐点**。",
    P + "rule_c": "c（常数）",
    P + "rule_n": "n（幂）",
    P + "rule_a": "a（直线）",
    P + "rule_b": "b（直线）",
    P + "x_point": "点 x",
    P + "uses_sliders": "这个函数使用 c、a、b 或 n 滑块。",
    P + "linked_help": "把鼠标移到任一张图上：灰色竖线会在两张图上同步移动，方便在同一个 x "
                       "处读出 f 的高度和斜率。菱形标出 f′ = 0 的位置，以及 f 在尖点处转向的位置。",
    P + "slope_label": "斜率",
    P + "slope_at": "在 x = {x} 处，斜率 f′(x) = **{d}**；蓝色切线的斜率正是这个值。",
    P + "slope_off_chart": "在 x = {x} 处，斜率 f′(x) = **{d}**，但 f(x) = {f} 超出了这张图能画的"
                           "范围（绝对值超过 10¹² 的值不画），所以这里不画切线。",
    P + "flat_everywhere": "f′ 在每个 x 处都是 0：常数既不上升也不下降，所以每一点都是平的，"
                           "没有哪一点是严格的极小值或极大值。",
    P + "no_stationary": "在所画范围内 f′ 处处不为 0，也没有在尖点处变号，所以 f 在这个范围内"
                         "没有局部极小值或极大值。",
    P + "stationary_found": "在所画范围内找到：{items}。",
    P + "kind.min": "极小值",
    P + "kind.max": "极大值",
    P + "kind.flat": "水平拐点",
    P + "kind.min_kink": "尖点处的极小值",
    P + "kind.max_kink": "尖点处的极大值",
    P + "stationary_item": "{kind}：x = {x}（f = {f}）",
    P + "kink_note": "在尖点处，f′ 从一种符号直接跳到另一种符号，从不等于 0，但 f 仍在这里转向。",
    P + "rules_intro": "**在 x = {x} 处实时检验求导法则。** 每条法则给出的公式值，都与在函数"
                       "本身上用中心差分量得的斜率相比较。",
    P + "col_rule": "法则",
    P + "col_f": "函数",
    P + "col_formula": "法则给出",
    P + "col_numeric": "实测斜率",
    P + "col_gap": "差值",
    P + "col_truncation": "截断误差（预测）",
    P + "col_rounding": "其余：舍入",
    P + "col_secant": "割线斜率",
    P + "rule.constant": "常数 → 0",
    P + "rule.line": "a·x + b → a",
    P + "rule.power": "xⁿ → n·xⁿ⁻¹",
    P + "rules_note": "常数是一条水平线：斜率为 0。直线处处斜率都是 a。xⁿ 的斜率本身随 x 变化，"
                      "所以 x² 的导数是 2x，而不是一个固定的数。表中的差值并不是法则出错，而是"
                      "测量带来的，分两部分。截断：过 x − h 与 x + h 的中心差分与 f′(x) 相差 "
                      "h²f‴(x)/6 + h⁴f⁽⁵⁾(x)/120（对 n ≤ 6 的 xⁿ，这两项就是全部截断误差），"
                      "对常数、直线和 x² 都为 0。舍入：x ± h 和 f(x ± h) 只保存约 16 位有效"
                      "数字，两者之差再除以 2h，这点误差就被放大了。",
    P + "rules_h": "这里 h = {h}。",
    P + "rules_power_truncation": "在 xⁿ 这一行（n = {n}），预测的截断误差为 {pred}，实测差值"
                                  "为 {gap}：截断误差解释了它，只余下 {rest}。",
    P + "rules_power_exact": "n = {n} 时，xⁿ 在这个 x 处的截断误差为 0（这里 f‴ 与 f⁽⁵⁾ 都是 "
                             "0），所以它的差值全部来自舍入。",
    P + "rules_rounding_ok": "每一行余下的部分都没有超出该行的舍入尺度 "
                             "2ε·(max |f(x ± h)| + |x·f′(x)|)/h，其中 ε ≈ 2.2·10⁻¹⁶"
                             "（这里最大的尺度为 {scale}）。",
    P + "rules_rounding_big": "在 {rows} 这一行，余下的部分超出了舍入尺度：这里估计的截断与"
                              "舍入解释不了它。",
    P + "s4": "4. 输入你自己的函数",
    P + "s4_intro": "用 x 写出一个公式。本页按严格的语法读取它，做符号求导，并把 f 和 f′ "
                    "一起画出来。你输入的内容绝不会被当作代码执行。",
    P + "typed_label": "f(x) =",
    P + "typed_help": "可以使用 x、数字、+ − * /、表示乘方的 **（或 ^）、括号、pi、e（自然常数 "
                      "2.718…）以及这些函数：{functions}。",
    P + "typed_examples": "试试 `exp(-x^2)`、`abs(x)`、`log(x)`、`x^4 - 3*x^2 + x` 或 "
                          "`tanh(3*x)`。",
    P + "typed_rules": "限制：最多 {length} 个字符，嵌套不超过 {depth} 层，常数指数的绝对值不超过 "
                       "{power}。",
    P + "typed_gaps": "在画 f 的 {total} 个点中，有 {n} 个点 f 没有值，图上这些地方留空：{reasons}。",
    P + "gap.division_by_zero": "{where}出现除以零",
    P + "gap.log_domain": "{where}要对小于或等于 0 的数取对数",
    P + "gap.sqrt_domain": "{where}要对负数开平方",
    P + "gap.root_domain": "{where}要求负数的非整数次幂",
    P + "gap.overflow": "{where}数值超出双精度浮点数的范围（约 1.8·10³⁰⁸）",
    P + "gap.other": "{where}没有实数值",
    P + "gap.at": "在 x = {x} 处",
    P + "gap.range": "在 x 从 {lo} 到 {hi} 的范围内",
    P + "gap.more": "另有 {n} 段",
    P + "list_sep": "；",
    P + "list_and": "和",
    P + "typed_check": "在 x = {x} 处检验：符号求导得到 {formula}，中心差分测得 {numeric}"
                       "（差值 {gap}）。",
    P + "err.empty": "输入框是空的：请输入关于 x 的公式，例如 `x**2 + 1`。",
    P + "err.too_long": "输入有 {length} 个字符；这里的公式最多允许 {limit} 个。",
    P + "err.bad_char": "第 {position} 个字符（{char}，{code_point}）不允许使用。请只用普通键盘"
                        "字符；其他字母表里长得相像的字母、上标以及特殊的减号都不行。",
    P + "err.too_deep": "公式嵌套太深（括号、函数或正负号超过 {limit} 层）。",
    P + "err.undefined": "公式的某一部分没有值，例如 tan(pi/2)。",
    P + "err.not_real": "公式的某一部分不是实数。",
    P + "err.division_by_zero": "公式除以零：某个分母恰好等于 0（例如 1/0、x/(x - x) 或 0**-1）。",
    P + "err.log_domain": "公式要对 {value} 取对数：对数只对大于 0 的数有定义。",
    P + "err.sqrt_domain": "公式要对 {value} 开平方：负数没有实数平方根。",
    P + "err.root_domain": "公式要求 {value} 的非整数次幂：这里（与 NumPy 一样）只有底数 ≥ 0 "
                           "时这种幂才是实数。",
    P + "err.too_big": "公式中某个常数部分（例如 exp(1000)）的绝对值大于 {limit}。",
    P + "err.exponent": "指数太大：常数次幂的绝对值最多为 {limit}（合并之后也算，例如 "
                        "(x**5)**5 = x**25）。",
    P + "err.number": "公式中有数字大于 {limit}。",
    P + "err.construct": "公式里含有{kind}，这是不允许的：只能用数字、x、pi、e、+ − * / **、"
                         "括号和列出的函数。",
    P + "err.unknown_function": "这里没有名为 `{name}` 的函数。可用的有：{allowed}。",
    P + "err.arguments": "`{name}` 只接受一个参数，写法如 `{name}(x)`。",
    P + "err.unknown_name": "未知的名字 `{name}`：变量是 x（pi 和 e 也可以用）。",
    P + "err.operator": "不允许使用这个运算符：请用 + − * /，乘方用 **（或 ^）。",
    P + "err.syntax": "公式在第 {position} 个字符处无法读取。乘法请写 *，如 `2*x`。",
    P + "err.unclosed": "缺少一个 \")\"：第 {position} 个字符处的 \"(\" 没有闭合。",
    P + "err.unclosed_many": "缺少 {missing} 个右括号 \")\"：最后一个没有闭合的 \"(\" 是第 "
                             "{position} 个字符。",
    P + "err.unmatched": "第 {position} 个字符处的 \")\" 没有对应的 \"(\"：它前面没有尚未闭合的"
                         "左括号。",
    P + "err.incomplete": "公式提前结束了：末尾缺了东西，例如 `x +` 或 `x**`。",
    P + "s5": "5. 数值斜率有多准？",
    P + "s5_intro": "计算机无法让 h 真正趋于 0，只能取一个小的 h 去做除法。下面是这种估计相对于"
                    "精确 f′(x₀) 的误差，h 从 1 一直取到 10⁻¹⁶。",
    P + "accuracy_none": "f 在 x₀ = {x0} 处不可导，没有精确斜率可供比较。请移动 x₀。",
    P + "method.forward": "前向差分",
    P + "method.central": "中心差分",
    P + "error_axis": "|数值斜率 − 精确斜率|（对数刻度）",
    P + "accuracy_best": "实测最小误差：前向差分在 h ≈ {h_fwd} 处为 {err_fwd}；中心差分在 "
                         "h ≈ {h_cen} 处为 {err_cen}。教科书上的经验取值是 √ε·(1 + |x₀|) ≈ "
                         "{thumb_fwd} 与 ∛ε·(1 + |x₀|) ≈ {thumb_cen}，其中 ε 是 1 附近双精度"
                         "浮点数的间隔。",
    P + "accuracy_shape": "从右往左读这张图。h 较大时误差来自**截断**：割线毕竟不是切线；随着 h "
                          "变小，误差按 hᵖ 减小。在 h = 10⁻⁴ 到 10⁻³ 之间拟合，前向差分 p ≈ "
                          "{p_fwd}；在 h = 10⁻³ 到 10⁻² 之间拟合，中心差分 p ≈ {p_cen}（通常分别是 1 和 2；若 f″ 或 f‴ 在 x₀ "
                          "处为 0，p 会更大）。",
    P + "accuracy_roundoff": "h 很小时**舍入**误差占了上风：f 的两个值几乎每一位都相同，相减"
                             "之后剩下的多半是舍入噪声，再除以极小的 h 就被放大了。前向差分的误差"
                             "从 h = 1 时的 {fwd_big} 变为 h = {h_tiny} 时的 {fwd_tiny}。",
    P + "accuracy_no_roundoff": "这里舍入误差始终没有占上风：最小的误差出现在最小的 h 处，因为在 "
                                "x₀ 附近 f 的值不超过 h 的量级，相减时不会抵消掉有效数字。",
    P + "accuracy_between": "两种方法的最佳 h 都位于两者之间，而不是最小的 h。",
    P + "accuracy_edge": "这里有一种方法的最小误差落在 h 范围的端点，所以这次运行没有显示出它"
                         "位于中间的最佳 h。",
    P + "accuracy_exact": "这里{methods}的截断误差在任何 h 下都是 0（对这个函数，差商不需要取"
                          "极限），所以误差只剩下舍入部分：在整个 h 范围内最多为 {worst}；当 "
                          "f(x₀) 不为 0 时，它在最小的步长处最大。",
    P + "accuracy_kink": "f 在 x = {k} 处的尖点离这里只有 {d}：h 更大时，{methods}的差商会跨过"
                         "尖点，那时的误差来自 f′ 的跳变，而不是光滑曲线的弯曲。h 更小时（以及对"
                         "始终够不到尖点的差商而言，在任何 h 下），两点都落在 |x| 的同一段直线上，"
                         "差商是精确的，只剩下舍入误差。",
    P + "accuracy_all_exact": "这里两种差分在任何 h 下都是精确的：f 在 x₀ − h、x₀ 和 x₀ + h "
                              "处取同一个值，所以每个差商都恰好是 0 = f′(x₀)，既没有截断误差，"
                              "也没有舍入误差。",
    P + "accuracy_zeros": "有 {n} 个点的误差恰好为 0，画在对数轴底部的 {floor} 处。",
    P + "s6": "6. 二维中的斜率",
    P + "s6_intro": "在曲面 f(x, y) 上，斜率取决于你朝哪个方向走。梯度 ∇f = (∂f/∂x, ∂f/∂y) "
                    "汇总了两个坐标方向的斜率；沿单位方向 d 行走时，斜率就是点积 ∇f·d。沿 ∇f "
                    "本身走斜率最大，沿等高线走斜率为 0——所以只要梯度不为 0，它就与等高线垂直。",
    P + "surface": "曲面",
    P + "point": "点",
    P + "angle": "方向 d（与 x 轴的夹角，单位：度）",
    P + "angle_help": "d = (cos θ, sin θ)，即朝这个方向走长度为 1 的一步。",
    P + "point_now": "当前点：({x}, {y})。点击地图可移动它。",
    P + "arrow.grad": "∇f（上坡）",
    P + "arrow.d": "方向 d",
    P + "arrow.level": "沿等高线",
    P + "theta_axis": "方向 θ（度）",
    P + "d_axis": "斜率 ∇f·d",
    P + "mark.d": "d",
    P + "mark.grad": "∇f",
    P + "mark.level": "等高线",
    P + "map_help": "箭头都画成同一长度：只有方向有意义。两条坐标轴比例相同，所以直角看起来"
                    "也是直角。",
    P + "grad_zero": "这一点的梯度为 0（大小低于 10⁻¹⁰，属于舍入误差的量级）：朝各个方向的斜率"
                     "都是 0，也没有等高线方向可测。请点击别处。",
    P + "directional_numbers": "∇f = ({gx}, {gy})，d = ({dx}, {dy})，所以 ∇f·d = **{dot}**。"
                               "沿 d 前后各走一小步实测得 {numeric}（差值 {gap}）。",
    P + "perpendicular": "穿过该点的等高线是用数值方法描出来的（向两侧各走一小步，再分别拉回到"
                         "同一高度）：它与梯度的夹角为 **{angle}°**。把斜率 ∇f·d 画成 θ 的函数，就是"
                         "一条余弦曲线：在 θ = {grad_angle}°（梯度方向）最大，在其两侧各 90° 处"
                         "（等高线方向）恰好为 0。",
    P + "s7": "7. 从斜率到 de/dw：链式法则",
    P + "s7_intro": "单权重模型对输入 x 给出预测 w·x；与目标 y 相比，误差为 e(w) = (w·x − y)²。"
                    "训练需要 de/dw，即误差对权重的斜率。链式法则用小块拼出它：一步一步算出"
                    "前向值，分别求每一步自己的斜率，再把它们相乘。",
    P + "chain_w_help": "我们要求其斜率的那个权重。",
    P + "chain_x": "输入 x",
    P + "chain_y": "目标 y",
    P + "chain_forward": "**1. 前向值**",
    P + "chain_local": "**2. 局部斜率**",
    P + "chain_product": "**3. 相乘**",
    P + "chain_compare": "割线斜率逐渐逼近链式法则给出的 {d}。由于 e(w) 是 w 的至多二次的多项式，"
                         "在精确算术下割线斜率恰好等于 {d} + x²·h = {d} + {x2}·h；实测差值与 "
                         "x²·h 的偏差不超过 {worst}（舍入）。",
    P + "chain_meaning": "de/dw = {d}：{way}",
    P + "way_down": "稍微增大 w 会使误差变大，所以梯度下降的一步会把 w 调小。",
    P + "way_up": "稍微增大 w 会使误差变小，所以梯度下降的一步会把 w 调大。",
    P + "way_flat": "误差在 w 方向上是平的，对这个数据点而言该权重已处于最佳值。",
    P + "to_descent_intro": "沿着这个斜率一步一步往下走，就是梯度下降：下一页的内容。",
    P + "to_descent": "前往梯度下降",
}
ZH.update({P + f"curve.{k}": v for k, v in _CURVES_ZH.items()})
ZH.update({P + f"surface.{k}": v for k, v in _SURFACES_ZH.items()})
ZH.update({P + f"construct.{k}": v for k, v in _CONSTRUCT_ZH.items()})
