"""Functions on a grid as chart rows for the Differentiation page: f sampled on [lo, hi]
and cut where it has no drawable value, straight lines through a point, segments, and a
y-window that a pole cannot stretch. Values are made drawable first: inf, NaN and
|v| > 1e12 become NaN and |v| below float32's smallest normal becomes 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.calculus.slopes import evaluate
from ui.numbers import finite_or_nan

N_GRID = 201
F32_TINY = float(np.finfo(np.float32).tiny)   # smallest normal float32, about 1.2e-38


def window(values: np.ndarray, margin: float = 0.12) -> tuple[float, float]:
    """A y-range for the finite values with a margin (never of zero height). When a few
    values dwarf the rest (near a pole such as tan at pi/2), the 2nd-98th percentiles."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return -1.0, 1.0
    lo, hi = float(finite.min()), float(finite.max())
    q_lo, q_hi = (float(q) for q in np.percentile(finite, [2, 98]))
    if hi - lo > 5 * (q_hi - q_lo) > 0:
        lo, hi = q_lo, q_hi
    if hi - lo < 1e-9 * max(1.0, abs(hi)):
        lo, hi = lo - 1.0, hi + 1.0
    pad = margin * (hi - lo)
    return lo - pad, hi + pad


def drawable(values) -> np.ndarray:
    """Values a chart can carry: inf, NaN and |v| > 1e12 become NaN (ui.numbers.finite_or_nan;
    the caller drops them), and |v| below the smallest normal float32 becomes 0, so the
    float32 cast of a chart column makes neither inf nor a denormal."""
    a = finite_or_nan(values)
    a[np.abs(a) < F32_TINY] = 0.0
    return a


def sample(f, lo: float, hi: float, series: str, n: int = N_GRID,
           y_window: tuple[float, float] | None = None, jumps: bool = False) -> pd.DataFrame:
    """Rows (x, y, series, piece) of f on [lo, hi]. Points without a drawable value
    (:func:`drawable`) are dropped and ``piece`` numbers the unbroken stretches, so a line
    never jumps across a gap, nor across a pole where f leaves the y-window on one side
    and returns on the other. With ``jumps`` (for f′, which jumps at a kink), a step
    between neighbours of more than a third of the window's height also breaks the line."""
    x = np.linspace(lo, hi, n)
    y = drawable(evaluate(f, x))
    ok = np.isfinite(y)
    w_lo, w_hi = y_window or window(y)
    side = np.where(y > w_hi, 1, np.where(y < w_lo, -1, 0))
    flip = np.zeros(n, dtype=bool)
    flip[1:] = side[1:] * side[:-1] == -1
    if jumps:
        flip[1:] |= np.abs(np.diff(y)) > (w_hi - w_lo) / 3
    piece = np.cumsum(~ok | flip)
    return pd.DataFrame({"x": x[ok].astype("float32"), "y": y[ok].astype("float32"),
                         "series": series, "piece": piece[ok].astype("int16")})


def line_rows(slope: float, x0: float, y0: float, lo: float, hi: float, series: str,
              y_window: tuple[float, float] | None = None) -> pd.DataFrame:
    """The straight line through (x0, y0) with this slope across [lo, hi], as two rows.
    With ``y_window`` the line is cut where it leaves a band three window-heights tall
    around it, so a very steep tangent carries no huge numbers to the chart."""
    if y_window is not None and slope != 0:
        w_lo, w_hi = y_window
        band = (w_lo - (w_hi - w_lo), w_hi + (w_hi - w_lo))
        ends = sorted(x0 + (v - y0) / slope for v in band)
        lo, hi = max(lo, ends[0]), min(hi, ends[1])
    y = drawable([y0 + slope * (lo - x0), y0 + slope * (hi - x0)])
    rows = pd.DataFrame({"x": [lo, hi], "y": y, "series": series, "piece": np.int16(0)})
    return rows.dropna(subset=["y"])


def segment(x: float, y: float, x2: float, y2: float, series: str) -> dict:
    return {"x": x, "y": y, "x2": x2, "y2": y2, "series": series}
