"""Numbers as a student reads them: no ``inf``, no ``nan``, no denormals like 1.6e-318.

Every page formats the values it prints through these helpers, so a loss gap of
4.5e-318 reads "solved (below 1e-12)" and a diverged value reads "—" instead of
``inf``. Charts get the same treatment through :func:`finite_or_nan`.
"""

from __future__ import annotations

import math

import numpy as np

SOLVED_BELOW = 1e-12   # a loss gap under this is "solved" (float64 rounding lives below it)
FLOAT32_TINY = float(np.finfo(np.float32).tiny)
HUGE = 1e12            # beyond this a value is shown as "over 1e12" (and clipped on charts)


def fmt(v: float, digits: int = 3) -> str:
    """``v`` with ``digits`` significant figures; thousands grouped from 1,000 to 1e9;
    "—" for a value that is not finite; "0" for 0 and for denormals (|v| < 1e-300)."""
    v = float(v)
    if not math.isfinite(v):
        return "—"
    if abs(v) < 1e-300:
        return "0"
    if 1e3 <= abs(v) < 1e9:
        return f"{v:,.0f}"
    return f"{v:.{digits}g}"


def precise(v: float, digits: int = 10) -> str:
    """``digits`` significant figures, for two values that agree in most of them (no
    thousands grouping, which would round 1234.5678 to 1,235); "—" and "0" as fmt."""
    v = float(v)
    return f"{v:.{digits}g}" if math.isfinite(v) and abs(v) >= 1e-300 else fmt(v)


def is_solved(gap: float, tol: float = SOLVED_BELOW) -> bool:
    """True when a loss gap f − f* is finite and below ``tol`` (rounding territory)."""
    return math.isfinite(float(gap)) and abs(float(gap)) < tol


def gap_text(t, gap: float, digits: int = 3) -> str:
    """A loss gap as text: "solved (below 1e-12)" (``frame.solved`` in the session's
    language, via the text lookup ``t``) when it is tiny, else :func:`fmt`."""
    return t("frame.solved", tol=fmt(SOLVED_BELOW)) if is_solved(gap) else fmt(gap, digits)


def finite_or_nan(values, limit: float = HUGE) -> np.ndarray:
    """A float array safe to draw: non-finite entries and |v| > ``limit`` become NaN
    (Vega skips them), and values below float32's smallest normal number (1.2e-38)
    become exactly 0, so no denormal survives the float32 cast charts use. That cast
    stays finite too, since ``limit`` is far below float32's 3.4e38."""
    a = np.array(values, dtype=float)
    with np.errstate(invalid="ignore"):
        a[~np.isfinite(a) | (np.abs(a) > limit)] = np.nan
        a[np.abs(a) < FLOAT32_TINY] = 0.0
    return a


def grid_words(lrs) -> dict:
    """``n``, ``lo`` and ``hi`` of a learning-rate grid, for sentences that describe it."""
    lrs = np.asarray(lrs, dtype=float)
    return {"n": len(lrs), "lo": fmt(lrs.min()), "hi": fmt(lrs.max())}
