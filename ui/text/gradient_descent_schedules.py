"""Strings of the Gradient Descent page's learning-rate schedules section (English and
Chinese). The section's number lives only in ``gradient_descent.sched.header``."""

_P = "gradient_descent.sched."

EN = {f"{_P}{k}": v for k, v in {
    "header": "5 · Learning-rate schedules: a step size that changes",
    "intro": (
        "So far η stayed the same at every step. A **schedule** hands step k its own rate "
        "η_k, the way a PyTorch LR scheduler sets the optimizer's rate before each step; "
        "the update itself is unchanged, w ← w − η_k · de/dw. This part measures two "
        "uses: a rate that shrinks late in the run, against the mini-batch noise of "
        "part 3, and a rate that grows early in the run (warm-up), against an early "
        "blow-up."),
    "lr": "Base rate η₀ (start or peak)",
    "lr_help": "Every schedule starts from this rate; warm-up + cosine reaches it after "
               "the warm-up.",
    "steps": "Steps T",
    "steps_help": "The presets' parameters are computed from T.",
    "show": "Schedules on the charts",
    "name.constant": "fixed η",
    "name.step_lr": "step decay",
    "name.exponential_lr": "exponential decay",
    "name.cosine_annealing_lr": "cosine",
    "name.warmup_cosine": "warm-up + cosine",
    "step": "step k",
    "rate_axis": "η_k",
    "gap_axis": "L − L*",
    "well_axis": "f(w) − min f",
    "none_chosen": "Choose at least one schedule to draw.",
    # a. settling the noise floor
    "a": "a · A decaying rate settles the mini-batch walk",
    "a_presets": (
        "The same line fit, data and mini-batches as part 3 (seed {seed}, σ = {noise}, "
        "B = {batch}), T = {steps} steps from η₀ = {lr}. Presets, each computed from T: "
        "**step decay** multiplies η by 0.1 every {s} steps; **exponential decay** by "
        "γ = {gamma} every step, so the last step uses η₀ · {decay}; **cosine** falls "
        "from η₀ to 0 over T steps; **warm-up + cosine** climbs from η₀/3 to η₀ in "
        "W = {w} steps, then follows a cosine over the remaining {rest}."),
    "formulas": "The formulas (e counts the steps from 0, as PyTorch does)",
    "formula_label": "**{name}**",
    "a_caption": (
        "η_k of each schedule above (log axis) and the run's loss above the best fit "
        "below, on seed {seed}; every schedule's run sees the same mini-batches."),
    "a_table_caption": (
        "Measured over {seeds} seeds (from seed {seed}) and the last {tail_n} steps "
        "(k = {tail}–{steps}): the mean loss above the best fit and the mean step length "
        "‖p_(k+1) − p_k‖ (the jitter)."),
    "col_schedule": "schedule",
    "col_gap": "late L − L*",
    "col_jitter": "mean step length",
    "col_ratio": "× below fixed η",
    "diverged_cell": "diverged",
    "a_verdict": (
        "With the fixed η = {lr} the walk still hovers {const} above the best fit at the "
        "end. Every decay tried here ({names}) ends lower: between {lo} and {hi} times "
        "lower, with steps {jlo}–{jhi} times shorter. The early steps, when the rate is "
        "still large, do the travelling; the late ones, with a small rate, average the "
        "batch noise instead of following it."),
    "a_mixed": (
        "With the fixed η = {lr} the walk hovers {const} above the best fit at the end. "
        "Lower than that: {lower}. Not lower: {higher}."),
    "a_mixed_why": (
        "Those runs take shorter steps than the fixed rate at the end (see the table), so "
        "what keeps them higher is not noise but distance not yet travelled: their rate "
        "shrank before the walk had reached the fit. A longer run or a larger η₀ gives "
        "them time."),
    "a_no_noise": (
        "With σ = 0 every batch's slope is zero at the fit, so even the fixed rate "
        "settles there: there is no noise floor for a decay to lower (compare the rows "
        "at σ > 0 in part 3)."),
    "a_const_diverged": (
        "At η₀ = {lr} the fixed-rate run diverges (part 3's limit for the full batch is "
        "2/λ_max = {limit}), so there is no floor to compare with: lower η₀."),
    # b. warm-up
    "b": "b · Warm-up: start gently where the curve is steep",
    "share": "Peak rate as a share of the limit at the bottom, 2/L''(w*)",
    "share_help": "1 is the largest rate that is stable at the bottom of the well.",
    "b_intro": (
        "Part 1's double well L(w) = w⁴ − 3w² + w, from w₀ = {w0}: there the curvature "
        "is L''(w₀) = {c0}, so the local limit is 2/L''(w₀) = {lim0}. At the bottom of "
        "this well, w* = {bottom}, the curvature is {cb} and the limit {limb}. On a "
        "parabola of curvature c a step shrinks the distance to the bottom exactly when "
        "η c < 2 (part 1); measured with the local curvature, each step k has the ratio"),
    "b_setup": (
        "Peak η = {share} × {limb} = {peak}, which is {times} times the limit at the "
        "start. {steps} steps with a fixed η, a cosine from η, and warm-up + cosine "
        "(W = {w} steps from η/3)."),
    "b_caption": (
        "η_k of each schedule above and f(w_k) − min f below, where min f is the bottom "
        "of the deeper, left-hand well; a run's curve stops where it diverged."),
    "b_run": "**{name}**: first step at r₀ = {r0}; {outcome}.",
    "out.diverged": "it diverged at step {k}",
    "out.bottom": "it settled at w = {w}, the bottom of its own well",
    "out.other": "it was thrown into the other well and settled at w = {w}",
    "out.moving": "after the last step it is at w = {w}, still moving",
    "b_warm": (
        "Warm-up's largest ratio after its first step is r = {rmax}, at step {k}."),
    "b_verdict.avoided": (
        "At this peak the fixed rate and the plain cosine, which take full steps on the "
        "steep wall at the start, blow up. Warm-up starts at a third of the rate and "
        "reaches the peak at step {w}, when the ball is at w = {ww}, where L'' = {cw} "
        "instead of {c0}: the same peak is then {rw} of the local limit, and the run "
        "settles."),
    "b_verdict.all_fine": (
        "At this peak no schedule diverges, so here there is no blow-up for warm-up to "
        "avoid."),
    "b_verdict.all_diverged": (
        "At this peak every run diverges, warm-up included."),
    "b_verdict.other": "Here warm-up does not avoid a blow-up that the others have.",
    "c_control": (
        "**Control: the same idea where the curvature never drops.** The line fit of "
        "part 3 has the same Hessian at every point, so its limit 2/λ_max = {limit} "
        "holds everywhere. At peak η = {share} × {limit} = {peak}, on seed {seed}'s "
        "mini-batches over {steps} steps: the fixed η {const}; warm-up + cosine {warm}, "
        "with its rate above the limit for {above} of the steps."),
    "c_div": "diverges at step {k}",
    "c_ok": "does not diverge",
    "c_verdict.delayed": (
        "Warm-up only postponed the blow-up: here the curvature does not depend on where "
        "the run is, so a rate above 2/λ_max is as far above the limit after the warm-up "
        "as it would have been at the start. Warm-up helps where the run starts on "
        "steeper ground than it stands on when the peak arrives."),
    "c_verdict.other": (
        "In this run the two do not show the pattern above; the outcome is the one "
        "measured."),
}.items()}

ZH = {f"{_P}{k}": v for k, v in {
    "header": "5 · 学习率调度：会变的步长",
    "intro": (
        "到目前为止，η 每一步都一样。**调度**给第 k 步一个自己的学习率 η_k，就像 PyTorch 的 "
        "LR scheduler 在每一步之前设置优化器的学习率；更新公式本身不变：w ← w − η_k · de/dw。"
        "这一部分实测两种用法：在训练后期让学习率变小，对付第 3 部分的小批量噪声；在训练初期让"
        "学习率逐渐变大（预热，warm-up），避免一开始就发散。"),
    "lr": "基础学习率 η₀（起点或峰值）",
    "lr_help": "每个调度都从这个学习率出发；预热 + 余弦在预热结束时到达它。",
    "steps": "步数 T",
    "steps_help": "各预设的参数由 T 算出。",
    "show": "图中显示的调度",
    "name.constant": "固定 η",
    "name.step_lr": "阶梯衰减",
    "name.exponential_lr": "指数衰减",
    "name.cosine_annealing_lr": "余弦",
    "name.warmup_cosine": "预热 + 余弦",
    "step": "第 k 步",
    "rate_axis": "η_k",
    "gap_axis": "L − L*",
    "well_axis": "f(w) − min f",
    "none_chosen": "请至少选择一个调度来画图。",
    "a": "a · 衰减的学习率让小批量的随机游走安定下来",
    "a_presets": (
        "与第 3 部分相同的直线拟合、数据和小批量（种子 {seed}，σ = {noise}，B = {batch}），"
        "共 T = {steps} 步，从 η₀ = {lr} 出发。各预设都由 T 算出：**阶梯衰减**每 {s} 步把 η "
        "乘以 0.1；**指数衰减**每步乘以 γ = {gamma}，所以最后一步用的是 η₀ · {decay}；"
        "**余弦**在 T 步内从 η₀ 降到 0；**预热 + 余弦**在 W = {w} 步内从 η₀/3 升到 η₀，"
        "然后在剩下的 {rest} 步里按余弦下降。"),
    "formulas": "公式（e 从 0 开始数步数，与 PyTorch 相同）",
    "formula_label": "**{name}**",
    "a_caption": (
        "上图是各调度的 η_k（对数坐标），下图是种子 {seed} 的运行中损失比最佳拟合高出的部分；"
        "所有调度的运行看到的是同一批小批量。"),
    "a_table_caption": (
        "在 {seeds} 个种子（从种子 {seed} 开始）和最后 {tail_n} 步（k = {tail}–{steps}）上"
        "实测：损失比最佳拟合平均高出多少，以及平均步长 ‖p_(k+1) − p_k‖（抖动）。"),
    "col_schedule": "调度",
    "col_gap": "后期 L − L*",
    "col_jitter": "平均步长",
    "col_ratio": "比固定 η 低的倍数",
    "diverged_cell": "发散",
    "a_verdict": (
        "固定 η = {lr} 时，随机游走到最后仍停在比最佳拟合高 {const} 的地方。这里试过的每一种衰减"
        "（{names}）最后都更低：低 {lo} 到 {hi} 倍，步长短 {jlo}–{jhi} 倍。前期学习率还大，"
        "负责赶路；后期学习率小，每一步只迈一小点，于是把批与批之间的噪声平均掉，而不是跟着它跑。"),
    "a_mixed": (
        "固定 η = {lr} 时，随机游走到最后停在比最佳拟合高 {const} 的地方。比它低的：{lower}。"
        "不比它低的：{higher}。"),
    "a_mixed_why": (
        "这些运行在后期的步长比固定学习率短（见表），所以让它们停在更高处的不是噪声，而是还没走完的"
        "路：它们的学习率在随机游走到达最佳拟合之前就已经变小了。步数更多或 η₀ 更大，就给了它们时间。"),
    "a_no_noise": (
        "σ = 0 时，每个小批量在最佳拟合处的斜率都是零，所以固定学习率也会停在那里：没有噪声下限"
        "可供衰减去降低（对照第 3 部分中 σ > 0 的情形）。"),
    "a_const_diverged": (
        "η₀ = {lr} 时固定学习率的运行发散了（第 3 部分中全批量的上限是 2/λ_max = {limit}），"
        "所以没有下限可比较：请调低 η₀。"),
    "b": "b · 预热：在陡的地方先轻轻走",
    "share": "峰值学习率占谷底上限 2/L''(w*) 的比例",
    "share_help": "1 就是在这个谷底仍然稳定的最大学习率。",
    "b_intro": (
        "第 1 部分的双井曲线 L(w) = w⁴ − 3w² + w，从 w₀ = {w0} 出发：那里的曲率是 "
        "L''(w₀) = {c0}，所以局部上限是 2/L''(w₀) = {lim0}。在这个井的谷底 w* = {bottom}，"
        "曲率是 {cb}，上限是 {limb}。在曲率为 c 的抛物线上，一步能缩短到谷底的距离当且仅当 "
        "η c < 2（第 1 部分）；用局部曲率来衡量，第 k 步的比值是"),
    "b_setup": (
        "峰值 η = {share} × {limb} = {peak}，是起点上限的 {times} 倍。共 {steps} 步，比较固定 η、"
        "从 η 开始的余弦，以及预热 + 余弦（W = {w} 步，从 η/3 开始）。"),
    "b_caption": "上图是各调度的 η_k，下图是 f(w_k) − min f，其中 min f 是更深的左边那个井的谷底；"
                 "运行发散时，它的曲线就在那里中断。",
    "b_run": "**{name}**：第一步的 r₀ = {r0}；{outcome}。",
    "out.diverged": "在第 {k} 步发散",
    "out.bottom": "停在 w = {w}，也就是它自己这个井的谷底",
    "out.other": "被甩进了另一个井，停在 w = {w}",
    "out.moving": "最后一步之后位于 w = {w}，还在动",
    "b_warm": "预热的运行在第一步之后最大的比值是 r = {rmax}，出现在第 {k} 步。",
    "b_verdict.avoided": (
        "在这个峰值下，固定学习率和普通余弦一开始就在陡壁上迈整步，结果发散。预热从三分之一的"
        "学习率开始，在第 {w} 步才到峰值，那时小球位于 w = {ww}，那里 L'' = {cw}，而不是 {c0}："
        "同样的峰值此时只是局部上限的 {rw}，于是运行安定下来。"),
    "b_verdict.all_fine": (
        "在这个峰值下没有哪个调度发散，所以这里没有需要预热去避免的发散。"),
    "b_verdict.all_diverged": (
        "在这个峰值下所有运行都发散了，包括预热。"),
    "b_verdict.other": "这里预热并没有避免其他调度出现的发散。",
    "c_control": (
        "**对照：曲率从不下降的情形。** 第 3 部分的直线拟合在每一点的 Hessian 都一样，所以上限 "
        "2/λ_max = {limit} 处处成立。峰值 η = {share} × {limit} = {peak}，用种子 {seed} 的"
        "小批量跑 {steps} 步：固定 η {const}；预热 + 余弦 {warm}，它的学习率有 {above} 步高于上限。"),
    "c_div": "在第 {k} 步发散",
    "c_ok": "没有发散",
    "c_verdict.delayed": (
        "预热只是推迟了发散：这里的曲率与运行走到哪里无关，所以高于 2/λ_max 的学习率在预热之后"
        "超出上限的程度，和一开始就用它时完全一样。预热有用的前提是：起点所在的地方比峰值到来时"
        "所在的地方更陡。"),
    "c_verdict.other": "这次运行没有呈现上面的规律；结果以实测为准。",
}.items()}
