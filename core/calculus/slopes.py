"""Slopes of a line, of a secant and of a tangent, and the one-sided limits at a kink.

Every function takes plain vectorised callables f(x) (and f'(x) where the exact slope
is needed), so a catalogue curve and a typed formula are treated alike.

    slope of a line      m = (y2 - y1) / (x2 - x1)              (undefined when x2 = x1)
    secant slope         s(h) = (f(x0 + h) - f(x0)) / h           -> f'(x0) as h -> 0
    central difference   c(h) = (f(x0 + h) - f(x0 - h)) / (2 h)
                         = f'(x0) + h^2 f'''(x0) / 6 + O(h^4)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

EPS = float(np.finfo(np.float64).eps)


def _arr(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


def evaluate(g, x) -> np.ndarray:
    """g(x) as float64 with NumPy's overflow / invalid warnings silenced (NaN marks 'undefined')."""
    with np.errstate(all="ignore"):
        return np.broadcast_to(_arr(g(_arr(x))), np.shape(x)).astype(np.float64)


# ------------------------------------------------------------- straight lines


@dataclass(frozen=True)
class TwoPointSlope:
    """rise = y2 - y1, run = x2 - x1, slope = rise / run (None when run = 0: vertical)."""

    rise: float
    run: float
    slope: float | None


def two_point_slope(p1: tuple[float, float], p2: tuple[float, float]) -> TwoPointSlope:
    """Rise over run between two points; a vertical pair (equal x) has no slope."""
    (x1, y1), (x2, y2) = p1, p2
    rise, run = float(y2) - float(y1), float(x2) - float(x1)
    return TwoPointSlope(rise, run, None if run == 0 else rise / run)


# ------------------------------------------------------------ secant, tangent


def secant_slope(f, x0: float, h):
    """s(h) = (f(x0 + h) - f(x0)) / h, elementwise over h (h != 0; negative h looks left)."""
    h = _arr(h)
    with np.errstate(all="ignore"):          # inf - inf near a pole is NaN: 'undefined'
        return (evaluate(f, x0 + h) - evaluate(f, x0)) / h


def central_slope(f, x0, h):
    """c(h) = (f(x0 + h) - f(x0 - h)) / (2 h); its error shrinks like h^2 instead of h."""
    x0, h = _arr(x0), _arr(h)
    with np.errstate(all="ignore"):
        return (evaluate(f, x0 + h) - evaluate(f, x0 - h)) / (2 * h)


def tangent_line(f, slope: float, x0: float, x):
    """t(x) = f(x0) + slope * (x - x0): the line that touches f at x0."""
    return float(evaluate(f, x0)) + slope * (_arr(x) - x0)


def secant_table(f, df, x0: float, hs) -> dict[str, np.ndarray]:
    """For each h: the secant slope s(h), the exact slope f'(x0) and |s(h) - f'(x0)|."""
    hs = _arr(hs)
    s = secant_slope(f, x0, hs)
    exact = np.full_like(hs, float(evaluate(df, x0)))
    return {"h": hs, "secant": s, "exact": exact, "error": np.abs(s - exact)}


@dataclass(frozen=True)
class OneSided:
    """Left and right limits of the difference quotient at x0 and what they mean.

    kind: "smooth" (limits agree: f'(x0) exists), "kink" (both finite, different:
    no derivative), "vertical" (the quotients blow up), "undefined" (f is NaN near x0).
    """

    left: float
    right: float
    kind: str


def one_sided_limits(f, x0: float, h: float = 1e-6) -> OneSided:
    """Estimate lim_{h->0-} and lim_{h->0+} of (f(x0 + h) - f(x0)) / h.

    The quotients are taken at h and at h / 10 on each side. For a smooth f the gap
    right - left is about f''(x0) h and shrinks tenfold; at a kink it stays put.
    """
    scale = 1.0 + abs(x0)
    steps = np.array([h, h / 10]) * scale
    right, left = secant_slope(f, x0, steps), secant_slope(f, x0, -steps)
    if not (np.all(np.isfinite(right)) and np.all(np.isfinite(left))):
        return OneSided(math.nan, math.nan, "undefined")
    r, lft = float(right[1]), float(left[1])
    size = 1.0 + abs(r) + abs(lft)
    growth = abs(right[1]) + abs(left[1]) > 2.5 * (abs(right[0]) + abs(left[0])) + 1.0
    if growth:
        return OneSided(lft, r, "vertical")
    gap_big, gap_small = abs(right[0] - left[0]), abs(r - lft)
    kink = gap_small > 1e-4 * size and gap_small > 0.5 * gap_big
    return OneSided(lft, r, "kink" if kink else "smooth")
