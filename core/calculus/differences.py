"""How accurate a numeric slope is: a rule's f'(x) against the central difference, and
the error of the forward and central differences over the step size h.

    forward   (f(x + h) - f(x)) / h          error  h |f''| / 2 + eps |f| / h
    central   (f(x + h) - f(x - h)) / (2 h)  error  h^2 |f'''| / 6 + eps |f| / h
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.calculus.slopes import EPS, central_slope, evaluate, secant_slope


def slope_check(f, df, x: float, h: float = 1e-5) -> tuple[float, float]:
    """(formula, numeric): f'(x) from the rule next to the central difference c(h (1 + |x|))."""
    return float(evaluate(df, x)), float(central_slope(f, x, h * (1.0 + abs(x))))


@dataclass(frozen=True)
class RuleCheck:
    """A rule's f'(x) next to the central difference c(h) and the two parts of their gap.

        gap         c(h) - f'(x) = truncation + rounding
        truncation  h^2 f'''(x) / 6 + h^4 f^(5)(x) / 120 + ...   (Taylor; for x^n with
                    n <= 6 the two terms are the whole series, and the second is 0 unless
                    d5f is given)
        rounding    the rest; x +- h, f(x +- h), their difference and the quotient are
                    each rounded to the nearest double, so it stays within about
                    scale = 2 eps max over y = x +- h of (|f(y)| + |y f'(y)|) / h
                    (rounding y moves f(y) by up to eps |y f'(y)| / 2; the factor 2 covers
                    that, the rounding of f itself and the quotient's own rounding)
    """

    x: float
    h: float
    formula: float
    numeric: float
    truncation: float
    scale: float

    @property
    def gap(self) -> float:
        return self.numeric - self.formula

    @property
    def rounding(self) -> float:
        return self.gap - self.truncation

    @property
    def within_rounding(self) -> bool:
        """The rest is no larger than the rounding scale: truncation + rounding explain the gap."""
        return abs(self.rounding) <= self.scale


def rule_check(f, df, d3f, x: float, h: float = 1e-5, d5f=None) -> RuleCheck:
    """slope_check's numbers (step h (1 + |x|)) with the predicted truncation
    h^2 f'''(x) / 6 (+ h^4 f^(5)(x) / 120 with d5f) and the rounding scale
    2 eps max_(y = x +- h) (|f(y)| + |y f'(y)|) / h."""
    x = float(x)
    step = h * (1.0 + abs(x))
    formula, numeric = slope_check(f, df, x, h)
    truncation = step**2 * float(evaluate(d3f, x)) / 6
    if d5f is not None:
        truncation += step**4 * float(evaluate(d5f, x)) / 120
    y = np.array([x - step, x + step])
    size = float(np.max(np.abs(evaluate(f, y)) + np.abs(y * evaluate(df, y))))
    return RuleCheck(x, step, formula, numeric, truncation, 2 * EPS * size / step)



# ----------------------------------------------------- finite-difference error


@dataclass(frozen=True)
class DifferenceErrors:
    """|forward - f'(x0)| and |central - f'(x0)| over the step sizes h, with the best h."""

    h: np.ndarray
    forward: np.ndarray
    central: np.ndarray
    best_forward: float
    best_central: float


def difference_errors(f, df, x0: float, hs) -> DifferenceErrors:
    """Error of the forward and the central difference at x0 for each step h.

    forward  (f(x0 + h) - f(x0)) / h           error ~ |f''| h / 2 + eps |f| / h
    central  (f(x0 + h) - f(x0 - h)) / (2 h)   error ~ |f'''| h^2 / 6 + eps |f| / h
    Truncation (the first term) falls as h shrinks; round-off (the second) grows.
    The best h is where the measured error is smallest (the first one on ties).
    """
    hs = np.asarray(hs, dtype=np.float64)
    exact = float(evaluate(df, x0))
    if not math.isfinite(exact):
        raise ValueError(f"f has no finite derivative at x0 = {x0:g}")
    forward = np.abs(secant_slope(f, x0, hs) - exact)
    central = np.abs(central_slope(f, x0, hs) - exact)
    return DifferenceErrors(hs, forward, central, float(hs[np.nanargmin(forward)]),
                            float(hs[np.nanargmin(central)]))


def error_order(hs, errors, lo: float = 1e-2, hi: float = 1e-1) -> float:
    """The slope p of log |error| against log h for h in [lo, hi], where truncation
    (error ~ C h^p) dominates round-off: about 1 for the forward difference and 2 for the
    central one, more where f'' (or the third derivative) is 0 at x0. NaN with fewer than
    3 nonzero errors in the range."""
    hs, errors = np.asarray(hs, dtype=np.float64), np.asarray(errors, dtype=np.float64)
    keep = (hs >= lo) & (hs <= hi) & (errors > 0) & np.isfinite(errors)
    if keep.sum() < 3:
        return math.nan
    return float(np.polyfit(np.log(hs[keep]), np.log(errors[keep]), 1)[0])


def rule_of_thumb_steps(x0: float) -> tuple[float, float]:
    """Textbook step sizes: sqrt(eps) (1 + |x0|) for forward, eps^(1/3) (1 + |x0|) for central."""
    scale = 1.0 + abs(x0)
    return math.sqrt(EPS) * scale, EPS ** (1 / 3) * scale
