"""Gradient descent on one weight: w_{k+1} = w_k − η · L'(w_k).

A :class:`core.problems.curves.Curve` is adapted into a :func:`core.training.run.run`
objective whose points have shape (..., 1), so the one loop and the one SGD rule do the
stepping.

On the quadratic L(w) = ½ c (w − w*)² the update is linear in the distance to the
minimum:

    w_{k+1} − w* = (1 − η c) (w_k − w*) = r (w_k − w*),   r = 1 − η L''.

So the distance shrinks iff |r| < 1, that is 0 < η < 2 / L'' (the stability limit);
r < 0 (η > 1 / L'') means the iterate jumps across the minimum every step. Near any
smooth minimum the curve looks like that quadratic, so 2 / L''(w*) is the local limit
for every curve whose minimum has L''(w*) > 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core.optimizers import make
from core.problems.curves import Curve, CurveMinimum
from core.training.run import Trajectory, run

# Each preset names the factor r = 1 − η L'' by which one step scales the distance
# to the minimum; η is then solved from the curvature: η = (1 − r) / L''.
PRESET_FACTORS = {
    "too_small": 0.96,   # keeps 96 % of the distance each step: crawls
    "good": 0.3,         # keeps 30 %, same side: fast and smooth
    "too_large": -0.8,   # jumps across, keeps 80 %: oscillates, slowly settles
    "divergent": -1.2,   # jumps across, grows by 20 % each step: blows up
}
PRESETS = tuple(PRESET_FACTORS)
REGIMES = ("converged", "crawling", "oscillating", "growing", "diverged")
# Without a minimum: "stalled" (crept toward a flat point and never passed it) or
# "no_minimum" (kept going).


@dataclass(frozen=True, eq=False)
class CurveObjective:
    """A 1-D curve as a run objective: x has shape (..., 1), f(x) = L(w), ∇f(x) = (L'(w),)."""

    curve: Curve

    def f(self, x):
        return self.curve.f(np.asarray(x, dtype=float)[..., 0])

    def grad(self, x):
        return self.curve.df(np.asarray(x, dtype=float)[..., 0])[..., None]

    @property
    def bound(self) -> float:
        """Any |w| beyond ten times the widest edge of the plotting domain counts as diverged."""
        return 10.0 * max(abs(edge) for edge in self.curve.domain)


def descend(curve: Curve, w0: float, lr: float, steps: int) -> Trajectory:
    """``steps`` steps of plain gradient descent (SGD without noise) on ``curve`` from w0."""
    return run(make("sgd", lr=lr), CurveObjective(curve), [float(w0)], steps)


class StepTable(NamedTuple):
    """One row per step k = 0, 1, ...: w_k, L'(w_k), η·L'(w_k) and w_{k+1} = w_k − η·L'(w_k).

    When the run diverged, the last row is the step that left the bound (``escaped``
    is True there), recomputed from the last sane point so the blow-up is visible.
    """

    k: np.ndarray
    w: np.ndarray
    slope: np.ndarray
    step: np.ndarray
    w_new: np.ndarray
    escaped: np.ndarray


def step_table(tr: Trajectory, curve: Curve, lr: float) -> StepTable:
    """The rows of the descent table, read off a 1-D trajectory from :func:`descend`."""
    moved = _sane_steps(tr)
    w = tr.points[:moved, 0]
    slope = tr.gradients[:moved, 0]
    w_new = tr.points[1:moved + 1, 0]
    escaped = np.zeros(moved, dtype=bool)
    if int(tr.diverged_at) > 0:
        w_last = tr.points[moved, 0]
        with np.errstate(all="ignore"):
            g_last = float(curve.df(w_last))
        w = np.append(w, w_last)
        slope = np.append(slope, g_last)
        w_new = np.append(w_new, w_last - lr * g_last)
        escaped = np.append(escaped, True)
    step = lr * slope
    return StepTable(np.arange(len(w)), w, slope, step, w_new, escaped)


def _sane_steps(tr: Trajectory) -> int:
    """Number of steps that went from a sane point to a sane point."""
    k = int(tr.diverged_at)
    return tr.steps if k < 0 else max(k - 1, 0)


def stability_limit(curvature: float) -> float:
    """η_max = 2 / L'': gradient descent on a quadratic converges iff 0 < η < η_max."""
    c = float(curvature)
    if not np.isfinite(c) or c <= 0:
        raise ValueError(f"the curvature must be a finite positive number, got {curvature!r}")
    return 2.0 / c


def preset_lr(preset: str, curvature: float) -> float:
    """η for a preset: solve r = 1 − η L'' for η, i.e. η = (1 − r) / L'' = (1 − r)/2 · η_max."""
    if preset not in PRESET_FACTORS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    return (1.0 - PRESET_FACTORS[preset]) / 2.0 * stability_limit(curvature)


def contraction(lr: float, curvature: float) -> float:
    """r = 1 − η L'': one step multiplies the distance to the minimum by r (quadratic)."""
    return 1.0 - float(lr) * float(curvature)


def cube_stall_limit(w0: float) -> float | None:
    """The largest η at which descent on the cubic L = w³ from w0 > 0 never passes w = 0.

    w_{k+1} = w_k − 3η w_k² = w_k (1 − 3η w_k) stays in (0, w_k) iff 3η w_k < 1. The
    iterates decrease, so 3η w_0 < 1, i.e. η < 1 / (3 w_0), keeps every step short of
    the flat point: the ball creeps toward it ever more slowly (w_k ≈ 1/(3ηk) for large
    k) and stalls there. With η ≥ 1/(3 w_0) the first step lands at w ≤ 0, where the
    curve falls ever more steeply. None for w_0 ≤ 0 (nothing stops a ball left of 0).
    """
    w0 = float(w0)
    return 1.0 / (3.0 * w0) if w0 > 0 else None


def basin_minimum(curve: Curve, w0: float) -> CurveMinimum | None:
    """The listed minimum that gradient descent from w0 slides toward with tiny steps.

    In one dimension the downhill direction is −sign L'(w0), and the first minimum met
    going that way is the bottom of w0's basin. None when w0 is flat or no minimum lies
    downhill (for example on a line, or to the left of the cube's inflection point).
    """
    g = float(curve.df(w0))
    if g == 0 or not np.isfinite(g):
        return next((m for m in curve.minima if m.x == w0), None)
    ahead = [m for m in curve.minima if (m.x - w0) * g < 0]
    return min(ahead, key=lambda m: abs(m.x - w0), default=None)


class LocalLimit(NamedTuple):
    """The bottom w* of a basin, its curvature L''(w*) and the local limit 2 / L''(w*)."""

    minimum: CurveMinimum
    curvature: float
    limit: float


def local_limit(curve: Curve, w0: float) -> LocalLimit | None:
    """The stability limit at the bottom of w0's basin, or None without a minimum of
    positive curvature there."""
    minimum = basin_minimum(curve, w0)
    if minimum is None or curve.d2f is None:
        return None
    c = float(curve.d2f(minimum.x))
    if not np.isfinite(c) or c <= 0:
        return None
    return LocalLimit(minimum, c, stability_limit(c))


class Verdict(NamedTuple):
    """What a 1-D run did, measured on its points.

    kind     one of REGIMES; on a curve without a minimum "stalled" or "no_minimum"
    w_star   the listed minimum nearest the last point (the flat point when
             stalled, None without either)
    ratio    |w_T − w*| / |w_0 − w*|, the share of the starting distance left
    factor   ratio^(1/T), the average factor per step
    flips    how often the path jumped across w* before getting within tolerance
    """

    kind: str
    w_star: float | None
    ratio: float
    factor: float
    flips: int


CONVERGED = 1e-3    # within 0.1 % of the starting distance to w*
CRAWLING = 0.9      # keeping more than 90 % of the distance per step on average


def verdict(tr: Trajectory, curve: Curve, flat: float | None = None) -> Verdict:
    """Classify a run of :func:`descend`: diverged, growing, oscillating, converged, crawling.

    Checked in that order. "unfinished" is a run that is neither yet: it closes in at
    a healthy pace but needs more steps. On a curve without minima, ``flat`` names a
    flat point (L' = 0, not a minimum, such as w = 0 of w³): a sane run that started off
    it, closed in on it and never reached or crossed it is "stalled"; ratio and factor
    then measure the distance to it.
    """
    w = tr.points[:, 0]
    if not curve.minima:
        return _without_minimum(tr, w, flat)
    w_star = min(curve.minima, key=lambda m: abs(m.x - w[-1])).x
    d = np.abs(w - w_star)
    ratio = float(d[-1] / d[0]) if d[0] > 0 else 0.0
    steps = max(tr.steps, 1)
    factor = ratio ** (1.0 / steps)
    close = np.flatnonzero(d <= CONVERGED * d[0])
    active = w[: close[0] + 1] if close.size else w
    side = np.sign(active - w_star)
    flips = int(np.sum(side[1:] * side[:-1] < 0))
    if tr.diverged_at >= 0:
        kind = "diverged"
    elif ratio > 1.0:
        kind = "growing"
    elif flips >= max(1, (len(active) - 1) / 2):
        kind = "oscillating"
    elif ratio <= CONVERGED:
        kind = "converged"
    elif factor > CRAWLING:
        kind = "crawling"
    else:
        kind = "unfinished"
    return Verdict(kind, float(w_star), ratio, factor, flips)


def _without_minimum(tr: Trajectory, w: np.ndarray, flat: float | None) -> Verdict:
    nan = float("nan")
    if tr.diverged_at >= 0:
        return Verdict("diverged", None, nan, nan, 0)
    side = np.sign(w - flat) if flat is not None else np.zeros(1)
    if flat is None or side[0] == 0 or np.any(side != side[0]):
        return Verdict("no_minimum", None, nan, nan, 0)
    ratio = float(abs(w[-1] - flat) / abs(w[0] - flat))
    if ratio >= 1.0:                           # moved away from the flat point: falling
        return Verdict("no_minimum", None, nan, nan, 0)
    return Verdict("stalled", float(flat), ratio, ratio ** (1.0 / max(tr.steps, 1)), 0)


def tangent(curve: Curve, w, half_width: float, y_per_x: float = 1.0):
    """End points of the tangent segments at w: (w ± h, L(w) ± h·L'(w)).

    h = half_width / sqrt(1 + (L'(w) / y_per_x)²), so every segment has the same length
    on a chart where one unit of w is drawn as long as ``y_per_x`` units of L, however
    steep it is. Returns (ws, ls), each of shape (..., 2).
    """
    w = np.asarray(w, dtype=float)
    slope = curve.df(w)
    h = half_width / np.sqrt(1.0 + (slope / y_per_x) ** 2)
    offsets = np.stack([-h, h], axis=-1)
    return w[..., None] + offsets, curve.f(w)[..., None] + slope[..., None] * offsets
