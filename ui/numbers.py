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
HUGE = 1e12            # beyond this a value is clipped on charts


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(mantissa: str, exponent: int) -> str:
    """``mantissa`` × 10^``exponent`` with a superscript exponent: "4.5 × 10⁻¹²", and
    "10⁻¹²" alone when the mantissa is 1 (a sign stays in front: "-10⁶")."""
    power = "10" + str(int(exponent)).translate(_SUPERSCRIPT)
    sign, digits = ("-", mantissa[1:]) if mantissa.startswith("-") else ("", mantissa)
    return f"{sign}{power}" if float(digits) == 1 else f"{sign}{digits} × {power}"


def _no_e(text: str) -> str:
    """Python's ``g`` output with its e-notation rewritten: "1e+03" → "1,000",
    "4.5e-12" → "4.5 × 10⁻¹²", "2.5e+09" → "2.5 × 10⁹"."""
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    if 0 <= int(exponent) < 9:        # 1.2e+02, 1e+03 from too few digits: write it out
        return f"{float(text):,.0f}"
    return power_of_ten(mantissa, int(exponent))


def fmt(v: float, digits: int = 3) -> str:
    """``v`` with ``digits`` significant figures; thousands grouped from 1,000 to 1e9;
    beyond and below that a power of ten ("2.5 × 10⁹", "4.5 × 10⁻¹²"), never
    e-notation; "—" for a value that is not finite; "0" for 0 and for denormals
    (|v| < 1e-300)."""
    v = float(v)
    if not math.isfinite(v):
        return "—"
    if abs(v) < 1e-300:
        return "0"
    if 1e3 <= abs(v) < 1e9:
        return f"{v:,.0f}"
    return _no_e(f"{v:.{digits}g}")


def precise(v: float, digits: int = 10) -> str:
    """``digits`` significant figures, for two values that agree in most of them (no
    thousands grouping, which would round 1234.5678 to 1,235); a power of ten instead
    of e-notation ("4.506617302 × 10⁻¹²"); "—" and "0" as fmt."""
    v = float(v)
    return _no_e(f"{v:.{digits}g}") if math.isfinite(v) and abs(v) >= 1e-300 else fmt(v)


def count(n) -> str:
    """A whole count with thousands separators: 1,514,559 (never 1.51e+06)."""
    return f"{int(n):,d}"


def ratio(r: float, digits: int = 2) -> str:
    """A factor as a student reads it: "3.2", "450", "9,000", and from 10⁴ up a power
    of ten ("1.5 × 10¹²"), never e-notation nor a thirteen-digit count."""
    r = float(r)
    if not math.isfinite(r):
        return "—"
    if 100 <= abs(r) < 1e4:
        return f"{r:,.0f}"
    if abs(r) >= 1e4:
        mantissa, exponent = f"{r:.{max(digits - 1, 0)}e}".split("e")
        return power_of_ten(f"{float(mantissa):g}", int(exponent))
    return fmt(r, digits)


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


def _superscript_expr(exponent: str) -> str:
    """A Vega expression writing the integer expression ``exponent`` in superscript
    digits ("⁻¹²"); the text is made with '' + (d3's format would write U+2212)."""
    text = f"('' + {exponent})"
    for plain, sup in zip("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True):
        text = f"replace({text}, regexp('{plain}', 'g'), '{sup}')"
    return text


def _power_of_ten_label() -> str:
    """A Vega expression that labels a log axis as :func:`power_of_ten` writes numbers:
    "10⁻⁶" at each power of ten, nothing between (never d3's "1e-6")."""
    exponent = "round(log(datum.value) / LN10)"
    on_power = f"abs(log(datum.value) / LN10 - {exponent}) < 0.000001"
    return f"{on_power} ? (({exponent}) == 0 ? '1' : '10' + {_superscript_expr(exponent)}) : ''"


POWER_OF_TEN_LABEL = _power_of_ten_label()   # labelExpr for log axes (ui.differentiation)


def sci_expr(field: str) -> str:
    """A Vega expression writing ``datum[field]`` as :func:`fmt` does, for tooltips:
    3 significant digits from 10⁻⁴ to 1000, whole numbers grouped up to 10⁹, and
    beyond as "4.51 × 10⁻¹²" or "10⁻⁸" (never d3's "4.51e-12").
    ``field`` is a column name of the chart's own data."""
    v = f"datum['{field}']"
    # the factor 1.00051 moves 9.996 × 10ⁿ to 10ⁿ⁺¹, so the 3-digit mantissa never reads 10
    exponent = f"floor(log(abs({v}) * 1.00051) / LN10)"
    sup = _superscript_expr(exponent)
    mantissa = f"format({v} / pow(10, {exponent}), '.3~g')"
    power = f"({mantissa} == '1' ? '' : {mantissa} + ' × ') + '10' + {sup}"
    small = f"abs({v}) >= 0.0001 && abs({v}) < 1000"
    large = f"abs({v}) >= 1000 && abs({v}) < 1e9"
    return (f"!isFinite({v}) ? '' : {v} == 0 ? '0' : {small} ? format({v}, '.3~g')"
            f" : {large} ? format({v}, ',.0f') : {power}")
