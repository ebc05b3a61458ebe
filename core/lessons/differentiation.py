"""The Differentiation lesson's decisions: which answer a run bears out, from the numbers
the page's sections measured. Pure functions of floats and arrays (NumPy only).

    line      slope m = rise / run of a far pair against the nearest of the other pairs
              (smallest run |v − u|) on one line: "same" when they agree to rounding,
              else "steeper" / "shallower" by |m|
    secant    s(h) = (f(x0 + h) - f(x0)) / h at a large h and a small h, against f'(x0):
              the answer is the way s moved the furthest, measured as a ratio below 1 ---
              "tangent"  |s_small - f'(x0)| / |s_large - f'(x0)|
              "zero"     |s_small| / |s_large|
              "grows"    |s_large| / |s_small|
    point     the kind ("min", "max", "flat") of the stationary point (f' = 0) nearest x
    best_h    where h* = argmin_h |error(h)| lies on the grid of h: "tiny" at the smallest
              h, "large" at the largest, else "between" (truncation falls with h and
              rounding, about eps |f| / h, grows, so the best h sits between them)
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

REL = 1e-9        # slopes that agree to this relative tolerance are the same slope


def line_answer(far: float, near: float, rel: float = REL) -> str:
    """Compare the slope of a far pair of points with a near pair's on the same line."""
    if math.isclose(far, near, rel_tol=rel, abs_tol=1e-12):
        return "same"
    return "steeper" if abs(far) > abs(near) else "shallower"


class LineStep(NamedTuple):
    """The line step's answer and the nearest pair (u, v) with its slope."""

    answer: str
    u: float
    v: float
    near: float


def nearest_pair(pairs) -> int:
    """The index of the pair (u, v) with the smallest run |v − u| (the first on ties).
    Raises ValueError when there is none."""
    runs = [abs(v - u) for u, v in pairs]
    if not runs:
        raise ValueError("no pair to compare with")
    return min(range(len(runs)), key=runs.__getitem__)


def line_step(far: float, pairs, slopes) -> LineStep:
    """The far pair's slope against the nearest pair's (``slopes[i]`` is pair i's)."""
    i = nearest_pair(pairs)
    u, v = pairs[i]
    return LineStep(line_answer(far, slopes[i]), float(u), float(v), float(slopes[i]))


def _ratio(top: float, bottom: float) -> float:
    if bottom == 0:
        return 0.0 if top == 0 else math.inf
    return abs(top) / abs(bottom)


def secant_answer(s_large: float, s_small: float, exact: float) -> str:
    """Where the secant slope went as h shrank (see the module docstring): the answer
    whose ratio is smallest. Ties go to the first of tangent, zero, grows."""
    ratios = {"tangent": _ratio(s_small - exact, s_large - exact),
              "zero": _ratio(s_small, s_large),
              "grows": _ratio(s_large, s_small)}
    return min(ratios, key=ratios.__getitem__)


def point_answer(xs, kinds, x: float) -> str:
    """The kind of the stationary point nearest ``x`` ("min", "max" or "flat"; a kink's
    "min_kink" counts as "min"). Raises ValueError when there is none."""
    xs = np.asarray(xs, dtype=np.float64)
    if xs.size == 0:
        raise ValueError("no stationary point to classify")
    kind = str(list(kinds)[int(np.argmin(np.abs(xs - x)))])
    return kind.removesuffix("_kink")


def best_h_answer(hs, errors) -> str:
    """Where the smallest |error| lies on the grid ``hs`` (increasing): "tiny" at the
    smallest h, "large" at the largest, "between" elsewhere (the first minimum on ties)."""
    hs, errors = np.asarray(hs, dtype=np.float64), np.asarray(errors, dtype=np.float64)
    best = hs[int(np.nanargmin(errors))]
    if best == hs.min():
        return "tiny"
    return "large" if best == hs.max() else "between"
