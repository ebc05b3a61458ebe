"""Slopes, tangents and the chain rule: the numbers behind the Differentiation page.

Every function takes plain vectorised callables f(x) (and f'(x) where the exact
slope is needed) so it works the same for a catalogue curve (core.curves) and for
a typed expression (core.expr). Nothing here plots; the page draws what these return.

    slope of a line      m = (y2 - y1) / (x2 - x1)              (undefined when x2 = x1)
    secant slope         s(h) = (f(x0 + h) - f(x0)) / h           -> f'(x0) as h -> 0
    central difference   c(h) = (f(x0 + h) - f(x0 - h)) / (2 h)
                         = f'(x0) + h^2 f'''(x0) / 6 + O(h^4)
    directional slope    D_d f(p) = grad f(p) . d                 (core.directional)
    chain rule           de/dw = de/dr * dr/du * du/dw
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


# ------------------------------------------------------------ stationary points


@dataclass(frozen=True)
class Stationary:
    """A point where f' = 0 (or changes sign at a kink) and its shape there.

    kind: "min" (f' goes - to +), "max" (+ to -), "flat" (f' touches 0, same sign
    on both sides). at_kink: f' jumps there instead of passing through 0.
    """

    x: float
    fx: float
    kind: str
    at_kink: bool = False


def _bisect(g, a: float, b: float, iters: int = 60) -> float:
    """A root of g between a and b, where g(a) and g(b) have opposite signs."""
    ga = float(evaluate(g, a))
    for _ in range(iters):
        m = 0.5 * (a + b)
        gm = float(evaluate(g, m))
        if gm == 0:
            return m
        if (gm > 0) == (ga > 0):
            a, ga = m, gm
        else:
            b = m
    return 0.5 * (a + b)


def _golden_min(g, a: float, b: float, iters: int = 60) -> float:
    """Where |g| is smallest on [a, b] (golden-section search)."""
    r = (math.sqrt(5) - 1) / 2
    for _ in range(iters):
        c, d = b - r * (b - a), a + r * (b - a)
        if abs(float(evaluate(g, c))) < abs(float(evaluate(g, d))):
            b = d
        else:
            a = c
    return 0.5 * (a + b)


def _classify(f, df, x: float, delta: float) -> Stationary | None:
    left, right = evaluate(df, x - delta), evaluate(df, x + delta)
    fx, f_left, f_right = (float(evaluate(f, v)) for v in (x, x - delta, x + delta))
    if not all(map(math.isfinite, (float(left), float(right), fx, f_left, f_right))):
        return None
    scale = 1.0 + abs(float(left)) + abs(float(right))
    if abs(f_right - f_left) > 1e-3 * (1 + abs(fx)) + 10 * scale * delta:
        return None  # f itself jumps here: a pole or a step, not a stationary point
    at_kink = one_sided_limits(f, x).kind != "smooth"
    if left < 0 < right:
        kind = "min"
    elif left > 0 > right:
        kind = "max"
    else:
        kind = "flat"
    return Stationary(x, fx, kind, at_kink and kind != "flat")


def stationary_points(f, df, domain: tuple[float, float], n: int = 801) -> list[Stationary]:
    """Points where f' = 0 on the domain, each refined and classified as min / max / flat.

    A grid of n points finds sign changes of f' (refined by bisection) and places where
    |f'| touches 0 without changing sign (refined by golden-section search). A point
    counts only if f is continuous there, so a pole like 1/x^2 at 0 is not reported.
    If f' is 0 on the whole grid, the function is flat everywhere and [] is returned.
    """
    lo, hi = domain
    xs = np.linspace(lo, hi, n)
    g = evaluate(df, xs)
    dx = xs[1] - xs[0]
    size = float(np.nanmax(np.abs(g))) if np.any(np.isfinite(g)) else 0.0
    if size == 0.0:
        return []
    roots = []
    sign = np.sign(g)          # signs, not products: a product of two tiny slopes underflows
    for i in range(n - 1):
        a, b = g[i], g[i + 1]
        if not (np.isfinite(a) and np.isfinite(b)):
            continue
        if a == 0 and (i == 0 or g[i - 1] != 0) and b != 0:
            roots.append(xs[i])
        elif sign[i] * sign[i + 1] < 0:
            roots.append(_bisect(df, xs[i], xs[i + 1]))
        elif 0 < i and sign[i] * sign[i + 1] > 0 and sign[i] * sign[i - 1] > 0 \
                and _is_dip(g, i, size):
            x = _golden_min(df, xs[i - 1], xs[i + 1])
            if abs(float(evaluate(df, x))) < 1e-9 * (1 + size):
                roots.append(x)
    kept = [x for j, x in enumerate(roots) if j == 0 or x - roots[j - 1] > 2 * dx]
    found = (_classify(f, df, float(x), 0.25 * dx) for x in kept)
    return [p for p in found if p is not None]


def _is_dip(g: np.ndarray, i: int, size: float) -> bool:
    """|g| has a small local minimum at grid index i (a candidate touch of f' = 0)."""
    return abs(g[i]) < 1e-2 * size and abs(g[i]) <= abs(g[i - 1]) and abs(g[i]) < abs(g[i + 1])


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
    hs = _arr(hs)
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
    hs, errors = _arr(hs), _arr(errors)
    keep = (hs >= lo) & (hs <= hi) & (errors > 0) & np.isfinite(errors)
    if keep.sum() < 3:
        return math.nan
    return float(np.polyfit(np.log(hs[keep]), np.log(errors[keep]), 1)[0])


def rule_of_thumb_steps(x0: float) -> tuple[float, float]:
    """Textbook step sizes: sqrt(eps) (1 + |x0|) for forward, eps^(1/3) (1 + |x0|) for central."""
    scale = 1.0 + abs(x0)
    return math.sqrt(EPS) * scale, EPS ** (1 / 3) * scale


# ------------------------------------------------------------ the chain rule


@dataclass(frozen=True)
class ChainRule:
    """e(w) = (w x - y)^2 in three small steps.

    forward:  u = w x,   r = u - y,   e = r^2
    local:    du/dw = x, dr/du = 1,   de/dr = 2 r
    product:  de/dw = de/dr * dr/du * du/dw = 2 r x
    """

    w: float
    x: float
    y: float
    u: float
    r: float
    e: float
    du_dw: float
    dr_du: float
    de_dr: float
    de_dw: float


def squared_error(w, x: float, y: float):
    """e(w) = (w x - y)^2, vectorised over w."""
    return (_arr(w) * x - y) ** 2


def chain_rule(w: float, x: float, y: float) -> ChainRule:
    """Forward values, local derivatives and their product for e(w) = (w x - y)^2."""
    u = w * x
    r = u - y
    e = r**2
    du_dw, dr_du, de_dr = x, 1.0, 2 * r
    return ChainRule(w, x, y, u, r, e, du_dw, dr_du, de_dr, de_dr * dr_du * du_dw)
