"""Schedules that follow half-cosines: annealing, warm restarts, one cycle, warm-up.

As in :mod:`core.schedules.decay`, each function returns η_0, …, η_{steps−1} for base
rate η (a float or an array), with the arithmetic of torch 2.13's scheduler: the same
formula, the same order of operations, ``math.cos`` on Python floats, so a NumPy array
of base rates gives, entry by entry, the floats torch gives.
"""

from __future__ import annotations

import math


def cosine_annealing_lr(lr, steps: int, *, T_max: int | None = None,
                        eta_min: float = 0.0) -> list:
    r"""torch's CosineAnnealingLR: half a cosine from η down to η_min over T steps.

    .. math:: \eta_e = \eta_{min} + (\eta - \eta_{min})\,\frac{1 + \cos(\pi e / T)}{2}

    torch computes it step by step, η_e = η_min + (η_{e−1} − η_min)·(1 + cos(πe/T)) /
    (1 + cos(π(e−1)/T)), and after the trough (e − 1 − T a multiple of 2T) adds
    (η − η_min)(1 − cos(π/T))/2, so past T the rate climbs back up: the cosine is
    periodic, not clamped. T = T_max defaults to the run's length (torch has no default).
    """
    T = steps if T_max is None else T_max
    rates, rate = [], lr
    for e in range(steps):
        if e > 0:
            rate = _cosine_next(rate, lr, e, T, eta_min)
        rates.append(rate)
    return rates


def _cosine_next(rate, base, e: int, T: int, eta_min: float):
    """torch's chainable CosineAnnealingLR step from η_{e−1} to η_e."""
    if (e - 1 - T) % (2 * T) == 0:
        return rate + (base - eta_min) * (1 - math.cos(math.pi / T)) / 2
    ratio = (1 + math.cos(math.pi * e / T)) / (1 + math.cos(math.pi * (e - 1) / T))
    return ratio * (rate - eta_min) + eta_min


def cosine_annealing_warm_restarts(lr, steps: int, *, T_0: int, T_mult: int = 1,
                                   eta_min: float = 0.0) -> list:
    r"""torch's CosineAnnealingWarmRestarts (SGDR): a half-cosine, then a jump back to η.

    .. math:: \eta_e = \eta_{min} + (\eta - \eta_{min})\,\frac{1 + \cos(\pi T_{cur}/T_i)}{2}

    T_cur counts the steps since the last restart; a restart happens when T_cur reaches
    T_i, and the next period is T_i·T_mult (T_0 first).
    """
    rates, t_cur, t_i = [], 0, T_0
    for e in range(steps):
        if e > 0:
            t_cur += 1
            if t_cur >= t_i:
                t_cur, t_i = t_cur % t_i, t_i * T_mult
        rates.append(eta_min + (lr - eta_min) * (1 + math.cos(math.pi * t_cur / t_i)) / 2)
    return rates


def one_cycle_lr(lr, steps: int, *, pct_start: float = 0.3, anneal_strategy: str = "cos",
                 div_factor: float = 25.0, final_div_factor: float = 1e4,
                 three_phase: bool = False) -> list:
    r"""torch's OneCycleLR with max_lr = η and total_steps = the run's length N.

    Up from η/d (d = div_factor) to η over the first pct_start·N steps, then down to
    η/(d·d_f) (d_f = final_div_factor) by step N − 1; with three_phase, up, back down to
    η/d symmetrically, then on to η/(d·d_f). Within a phase from a to b, with p the
    fraction of the phase done,

    .. math:: \eta = b + \frac{a - b}{2}\,(1 + \cos \pi p) \ \ (\texttt{"cos"}), \qquad
              \eta = (b - a)\,p + a \ \ (\texttt{"linear"})

    Phase k ends at step pct_start·N − 1 (and 2·pct_start·N − 2), the last at N − 1.
    Momentum is not cycled here (torch's cycle_momentum is about the optimizer, not
    the rate).
    """
    start = lr / div_factor
    low = start / final_div_factor
    first = float(pct_start * steps) - 1
    if three_phase:
        phases = [(first, start, lr), (float(2 * pct_start * steps) - 2, lr, start),
                  (steps - 1, start, low)]
    else:
        phases = [(first, start, lr), (steps - 1, lr, low)]
    anneal = _cos_between if anneal_strategy == "cos" else _line_between
    return [_one_cycle_rate(phases, anneal, k, pct_start, steps) for k in range(steps)]


def _one_cycle_rate(phases, anneal, k: int, pct_start: float, steps: int):
    begin = 0.0
    for i, (end, a, b) in enumerate(phases):
        if k <= end or i == len(phases) - 1:
            if end == begin:
                raise ValueError(f"one_cycle_lr: with pct_start={pct_start:g} and {steps} "
                                 f"steps, phase {i + 1} has no length (torch divides by "
                                 "zero here); change pct_start or the number of steps")
            return anneal(a, b, (k - begin) / (end - begin))
        begin = end


def _cos_between(a, b, p: float):
    return b + (a - b) / 2.0 * (math.cos(math.pi * p) + 1)


def _line_between(a, b, p: float):
    return (b - a) * p + a


def warmup_cosine(lr, steps: int, *, warmup_steps: int, start_factor: float = 1.0 / 3,
                  eta_min: float = 0.0) -> list:
    r"""A linear warm-up, then half a cosine down to η_min over the remaining steps.

    This is torch's SequentialLR([LinearLR(start_factor, 1.0, W), CosineAnnealingLR(N − W,
    η_min)], milestones=[W]) for W = warmup_steps and N = steps:

    .. math:: \eta_e = \begin{cases}
        \eta\,\bigl(a + (1 - a)\,e/W\bigr) & e < W \\
        \eta_{min} + (\eta - \eta_{min})\,\frac{1 + \cos(\pi (e - W)/(N - W))}{2} & e \ge W
        \end{cases}

    with a = start_factor. At e = W torch restarts the cosine from its closed form, so
    the rate jumps from η(a + (1 − a)(W − 1)/W) to η; from there on the cosine is chained
    as in :func:`cosine_annealing_lr`. Needs W < N.
    """
    W = warmup_steps
    if steps and W >= steps:
        raise ValueError(f"warmup_cosine: warmup_steps ({W}) must be smaller than the "
                         f"number of steps ({steps}), leaving the cosine at least one step")
    T, a = steps - W, start_factor
    rates = []
    for e in range(steps):
        if e == 0:
            rate = lr * a if W > 0 else lr
        elif e < W:
            rate = rate * (1.0 + (1.0 - a) / (W * a + (e - 1) * (1.0 - a)))
        elif e == W:
            rate = eta_min + (lr - eta_min) * (1 + math.cos(math.pi * 0 / T)) / 2
        else:
            rate = _cosine_next(rate, lr, e - W, T, eta_min)
        rates.append(rate)
    return rates
