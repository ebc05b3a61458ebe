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
    warmup     fixed η, cosine from the peak, and warm-up then cosine, all at one peak on
               the double well: "all" if all three blew up, "warm" if the fixed η and
               the cosine blew up while the warm-up run stayed in range, "none" if none
               did, and "mixed" for any other split
    momentum   steps to a tolerance of gradient descent at its best η and of heavy ball
               at its best (η, μ) on the bowl of condition number κ: the answer is the
               speed-up K_gd / K_hb is nearest to on a log scale, "same" (1), "sqrt" (√κ)
               or "kappa" (κ)
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.experiments.descent import contraction, stability_limit

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


def warmup_answer(constant_diverged: bool, cosine_diverged: bool,
                  warmup_diverged: bool) -> str:
    """Which of the three runs at the same peak η blew up: the fixed η, the cosine that
    starts at the peak, and the warm-up that climbs to it."""
    blew = (bool(constant_diverged), bool(cosine_diverged), bool(warmup_diverged))
    return {(True, True, True): "all", (True, True, False): "warm",
            (False, False, False): "none"}.get(blew, "mixed")


def momentum_answer(gd_steps: int, hb_steps: int, kappa: float) -> str:
    """The speed-up K_gd / K_hb named by the nearest of 1, √κ and κ (on a log scale; ties
    go to the first of same, sqrt, kappa)."""
    if hb_steps <= 0 or gd_steps <= 0:
        raise ValueError(f"both runs must reach the tolerance, got {gd_steps}, {hb_steps}")
    ratio = math.log(gd_steps / hb_steps)
    marks = {"same": 0.0, "sqrt": 0.5 * math.log(kappa), "kappa": math.log(kappa)}
    return min(marks, key=lambda k: abs(ratio - marks[k]))


class Overshoot(NamedTuple):
    """Part 1's run on L = ½ c w²: the limit 2/c, the factor r = 1 − η c, the distance
    ratio |w_T − w*| / |w_0 − w*|, the crossings of w*, and the answer."""

    limit: float
    r: float
    ratio: float
    flips: int
    answer: str


def overshoot_step(c: float, lr: float, diverged: bool, ratio: float, flips: int) -> Overshoot:
    """The numbers the overshoot step quotes, and its answer."""
    return Overshoot(stability_limit(c), contraction(lr, c), float(ratio), int(flips),
                     overshoot_answer(diverged, ratio, flips))


class Steep(NamedTuple):
    """Part 2's run on f = ½ (x² + κ y²): the limits 2/1 and 2/κ, the factors 1 − η and
    1 − η κ, the step it blew up at (−1: never), the last step still in range and its
    point, the losses the answer compares, and the answer."""

    limit_x: float
    limit_y: float
    rx: float
    ry: float
    k: int
    k_last: int
    x: float
    y: float
    loss_start: float
    loss_end: float
    answer: str


def steep_step(kappa: float, lr: float, points, losses, valid, diverged_at: int) -> Steep:
    """``points`` (T+1, 2), ``losses`` and ``valid`` (T+1,) of the run; the comparison
    is of the first loss with the loss at the last valid step."""
    sane = np.flatnonzero(np.asarray(valid, dtype=bool))
    if sane.size == 0:
        raise ValueError("the run has no valid step")
    last = int(sane[-1])
    x, y = (float(v) for v in np.asarray(points, dtype=float)[last, :2])
    loss = np.asarray(losses, dtype=float)
    start, end = float(loss[0]), float(loss[last])
    k = int(diverged_at)
    return Steep(stability_limit(1.0), stability_limit(kappa), contraction(lr, 1.0),
                 contraction(lr, kappa), k, last, x, y, start, end,
                 steep_answer(k >= 0, start, end))


class Noise(NamedTuple):
    """Part 3's two runs: the late distances to the least-squares fit, their ratio
    spread_mini / spread_full (∞ when the full batch sits on the fit), and the answer."""

    spread_full: float
    spread_mini: float
    times: float
    answer: str


def noise_step(mini_diverged: bool, spread_full: float, spread_mini: float) -> Noise:
    """The numbers the noise step quotes, and its answer."""
    full, mini = float(spread_full), float(spread_mini)
    times = mini / full if full > 0 else math.inf
    return Noise(full, mini, times, noise_answer(mini_diverged, full, mini))


class Momentum(NamedTuple):
    """Part 6b's rate study: steps to the tolerance K_gd and K_hb, the speed-up
    K_gd / K_hb, √κ to hold it against, and the answer."""

    k_gd: int
    k_hb: int
    ratio: float
    sqrtk: float
    answer: str


def momentum_step(gd_steps: int, hb_steps: int, kappa: float) -> Momentum:
    """The numbers the momentum step quotes, and its answer (both runs must arrive)."""
    answer = momentum_answer(gd_steps, hb_steps, kappa)
    return Momentum(int(gd_steps), int(hb_steps), gd_steps / hb_steps, math.sqrt(kappa),
                    answer)
