"""Strings of the shared learning-rate schedule picker (ui.schedules), English and Chinese."""

P = "schedules."

EN = {
    P + "label": "Learning-rate schedule",
    P + "help": "How the learning rate changes from step to step, as PyTorch's schedulers "
                "set it. Each optimizer keeps its own base rate η; the schedule scales that "
                "rate over the run. Parameters that depend on the run's length are set from "
                "the number of steps.",
    P + "name.constant": "constant (no schedule)",
    P + "name.step_lr": "StepLR: drop by γ in stages",
    P + "name.exponential_lr": "ExponentialLR: decay by γ every step",
    P + "name.cosine_annealing_lr": "CosineAnnealingLR: half a cosine down to 0",
    P + "name.polynomial_lr": "PolynomialLR: polynomial decay to 0",
    P + "name.cosine_annealing_warm_restarts": "CosineAnnealingWarmRestarts: cosine cycles",
    P + "name.one_cycle_lr": "OneCycleLR: up, then down",
    P + "name.warmup_cosine": "Linear warm-up, then cosine",
    P + "knob.gamma": "factor γ at each drop",
    P + "knob.final": "rate left at the end, as a fraction f of η",
    P + "knob.power": "power p",
    P + "knob.cycles": "number of cycles",
    P + "knob.pct": "fraction of the run spent rising",
    P + "knob.warmup": "fraction of the run spent warming up",
    P + "says.constant": "The learning rate stays at η for every step.",
    P + "says.step_lr": "Every {step_size} steps (the run's {N} steps divided by 4, rounded "
                        "down) the rate is multiplied by γ = {gamma}.",
    P + "says.exponential_lr": "Each step multiplies the rate by γ = {gamma}, chosen so that "
                               "γ to the power {N} (the run's length) equals f = {final}.",
    P + "says.cosine_annealing_lr": "T = {T_max}, the run's length: the rate follows half a "
                                    "cosine from η down towards η_min = {eta_min}.",
    P + "says.polynomial_lr": "N = {total_iters}, the run's length: the rate falls from η "
                              "towards 0 as (1 − e/N) to the power p = {power}.",
    P + "says.cosine_annealing_warm_restarts": "T₀ = {T_0} steps (the run's {N} steps "
                                               "divided by {cycles}, rounded down): every T₀ "
                                               "steps the rate jumps back to η and follows half "
                                               "a cosine down again.",
    P + "says.one_cycle_lr": "η is the peak rate: the rate climbs from η/{div_factor} to η "
                             "over the first fraction {pct_start} of the {N} steps, then "
                             "falls towards η/({div_factor}·{final_div_factor}).",
    P + "says.warmup_cosine": "W = {warmup_steps} warm-up steps from {start_factor}·η up to "
                              "η, then half a cosine over the remaining steps down towards "
                              "η_min = {eta_min}.",
    P + "axis.step": "step",
    P + "axis.lr": "η_t / η",
}

ZH = {
    P + "label": "学习率调度",
    P + "help": "学习率如何随步数变化，与 PyTorch 的调度器设置的完全一致。每个优化器保留自己的"
                "基础学习率 η，调度只是在整个过程中按比例缩放它。依赖于运行长度的参数由步数确定。",
    P + "name.constant": "恒定（不调度）",
    P + "name.step_lr": "StepLR：分阶段乘以 γ",
    P + "name.exponential_lr": "ExponentialLR：每步乘以 γ",
    P + "name.cosine_annealing_lr": "CosineAnnealingLR：半个余弦降到 0",
    P + "name.polynomial_lr": "PolynomialLR：多项式衰减到 0",
    P + "name.cosine_annealing_warm_restarts": "CosineAnnealingWarmRestarts：多个余弦周期",
    P + "name.one_cycle_lr": "OneCycleLR：先升后降",
    P + "name.warmup_cosine": "线性预热后接余弦",
    P + "knob.gamma": "每次下降的因子 γ",
    P + "knob.final": "结束时剩下的学习率占 η 的比例 f",
    P + "knob.power": "幂次 p",
    P + "knob.cycles": "周期数",
    P + "knob.pct": "上升阶段占整个过程的比例",
    P + "knob.warmup": "预热阶段占整个过程的比例",
    P + "says.constant": "每一步的学习率都保持为 η。",
    P + "says.step_lr": "每 {step_size} 步（总步数 {N} 除以 4 后向下取整）学习率乘以 γ = {gamma}。",
    P + "says.exponential_lr": "每一步把学习率乘以 γ = {gamma}；γ 的取法使 γ 的 {N} 次方"
                               "（运行长度）等于 f = {final}。",
    P + "says.cosine_annealing_lr": "T = {T_max}，即运行长度：学习率沿半个余弦从 η 降向 "
                                    "η_min = {eta_min}。",
    P + "says.polynomial_lr": "N = {total_iters}，即运行长度：学习率按 (1 − e/N) 的 p = {power} "
                              "次方从 η 降向 0。",
    P + "says.cosine_annealing_warm_restarts": "T₀ = {T_0} 步（总步数 {N} 除以 {cycles} 后向下取整）："
                                               "每过 T₀ 步，学习率跳回 η，再沿半个余弦下降。",
    P + "says.one_cycle_lr": "η 是峰值学习率：在 {N} 步中最初占比 {pct_start} 的部分，学习率从 "
                             "η/{div_factor} 升到 η，然后降向 η/({div_factor}·{final_div_factor})。",
    P + "says.warmup_cosine": "先用 W = {warmup_steps} 步从 {start_factor}·η 线性预热到 η，"
                              "再在剩下的步数里沿半个余弦降向 η_min = {eta_min}。",
    P + "axis.step": "步数",
    P + "axis.lr": "η_t / η",
}
