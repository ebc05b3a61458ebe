"""The Gradient Descent lesson's decisions: which answer a run bears out, from the numbers
the page's sections measured. Pure functions of floats (NumPy only).

    overshoot  one weight on L = ½ c w², w_{k+1} = w_k − η L'(w_k) = (1 − η c) w_k:
               "diverge" if the run blew up or ended farther from w* than it began,
               "zigzag" if it jumped across w* (r = 1 − η c < 0) and still closed in,
               else "slide" (it came down one side)
    steep      two weights on f = ½ (x² + κ y²): x shrinks by 1 − η, y by 1 − η κ per
               step; "diverge" if the run blew up or its loss grew, else "settle"
    noise      full batch against mini-batches at the same η and steps, by the mean
               distance to the least-squares fit over the last quarter of each path:
               "diverge" if the mini-batch run blew up, "jitter" if it stayed more than
               JITTER times farther than the full batch, else "same"
    warmup     fixed η, and warm-up then cosine, at one peak on the double well:
               "all" if the warm-up run blew up too, "warm" if only the fixed η blew up,
               "none" if neither did
    momentum   steps to a tolerance of gradient descent at its best η and of heavy ball
               at its best (η, μ) on the bowl of condition number κ: the answer is the
               speed-up K_gd / K_hb is nearest to on a log scale, "same" (1), "sqrt" (√κ)
               or "kappa" (κ)
"""

from __future__ import annotations

import math

JITTER = 2.0     # a mini-batch path this many times farther from the fit than the full one


def overshoot_answer(diverged: bool, ratio: float, flips: int) -> str:
    """``ratio`` = |w_T − w*| / |w_0 − w*|, ``flips`` = crossings of w* on the way in."""
    if diverged or not math.isfinite(ratio) or ratio > 1.0:
        return "diverge"
    return "zigzag" if flips > 0 else "slide"


def steep_answer(diverged: bool, loss_start: float, loss_end: float) -> str:
    """Two weights: did the path blow up (or climb), or settle?"""
    if diverged or not math.isfinite(loss_end) or loss_end > loss_start:
        return "diverge"
    return "settle"


def noise_answer(mini_diverged: bool, spread_full: float, spread_mini: float,
                 factor: float = JITTER) -> str:
    """Mini-batch against full batch by their late distance to the least-squares fit."""
    if mini_diverged or not math.isfinite(spread_mini):
        return "diverge"
    return "jitter" if spread_mini > factor * spread_full else "same"


def warmup_answer(constant_diverged: bool, warmup_diverged: bool) -> str:
    """Which runs at the same peak η blew up: the fixed η and the warm-up one."""
    if warmup_diverged:
        return "all"
    return "warm" if constant_diverged else "none"


def momentum_answer(gd_steps: int, hb_steps: int, kappa: float) -> str:
    """The speed-up K_gd / K_hb named by the nearest of 1, √κ and κ (on a log scale; ties
    go to the first of same, sqrt, kappa)."""
    if hb_steps <= 0 or gd_steps <= 0:
        raise ValueError(f"both runs must reach the tolerance, got {gd_steps}, {hb_steps}")
    ratio = math.log(gd_steps / hb_steps)
    marks = {"same": 0.0, "sqrt": 0.5 * math.log(kappa), "kappa": math.log(kappa)}
    return min(marks, key=lambda k: abs(ratio - marks[k]))
