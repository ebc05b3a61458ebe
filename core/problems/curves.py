"""One-dimensional functions for the calculus and gradient-descent pages.

Each curve keeps f, its derivative f', its second derivative f'' and its third derivative
f''' side by side so they can be checked by eye. All three are vectorised: they accept a number or
an array of any shape and return float64 values of the same shape.

A kink is a point where f' does not exist (|x| at 0). There df returns a
sub-gradient (np.sign(0) = 0 for |x|) instead of NaN, so a descent loop never
breaks, and d2f returns the one-sided value.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶"


@dataclass(frozen=True)
class CurveMinimum:
    x: float
    value: float
    is_global: bool


@dataclass(frozen=True)
class Curve:
    key: str
    title: str
    latex: str
    f: Callable
    df: Callable
    d2f: Callable | None
    domain: tuple[float, float]
    kinks: tuple[float, ...] = ()
    start: float = 1.0
    params: tuple = ()
    minima: tuple[CurveMinimum, ...] = ()
    d3f: Callable | None = None     # f''': the central difference misses f' by h^2 f''' / 6


def _arr(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


def _zeros(x) -> np.ndarray:
    return np.zeros_like(_arr(x))


def _number(name: str, value, positive: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    valid = math.isfinite(number) and (number > 0 or not positive)
    if isinstance(value, (bool, str)) or not valid:
        kind = "finite positive" if positive else "finite"
        raise ValueError(f"{name} must be a {kind} number, got {value!r}")
    return number


def _signed(value: float) -> str:
    return f"+ {value:g}" if value >= 0 else f"- {-value:g}"


# ------------------------------------------------------------------ factories


def constant(c: float = 3.0) -> Curve:
    """f = c,  f' = 0,  f'' = 0,  f''' = 0."""
    c = _number("c", c)

    def f(x):
        return np.full_like(_arr(x), c)

    return Curve("constant", f"{c:g}", f"{c:g}", f, _zeros, _zeros,
                 domain=(-3.0, 3.0), start=1.0, params=(("c", c),), d3f=_zeros)


def line(a: float = 2.0, b: float = 1.0) -> Curve:
    """f = a x + b,  f' = a,  f'' = 0,  f''' = 0."""
    a, b = _number("a", a), _number("b", b)

    def f(x):
        return a * _arr(x) + b

    def df(x):
        return np.full_like(_arr(x), a)

    return Curve("line", f"{a:g}x {_signed(b)}", f"{a:g}x {_signed(b)}", f, df, _zeros,
                 domain=(-3.0, 3.0), start=1.0, params=(("a", a), ("b", b)), d3f=_zeros)


def power(n: int = 2) -> Curve:
    """f = x^n,  f' = n x^(n-1),  f'' = n (n-1) x^(n-2),  f''' = n (n-1) (n-2) x^(n-3)
    for an integer n in 0..6.

    Below n = 1 (for f'), n = 2 (for f'') and n = 3 (for f''') the derivative is written
    as zero directly, so no negative power of 0 is ever evaluated.
    """
    if isinstance(n, bool) or not (_number("n", n).is_integer() and 0 <= n <= 6):
        raise ValueError(f"n must be an integer from 0 to 6, got {n!r}")
    n = int(n)

    def f(x):
        return _arr(x) ** n

    def df(x):
        return n * _arr(x) ** (n - 1) if n >= 1 else _zeros(x)

    def d2f(x):
        return n * (n - 1) * _arr(x) ** (n - 2) if n >= 2 else _zeros(x)

    def d3f(x):
        return n * (n - 1) * (n - 2) * _arr(x) ** (n - 3) if n >= 3 else _zeros(x)

    minima = (CurveMinimum(0.0, 0.0, True),) if n >= 2 and n % 2 == 0 else ()
    return Curve("power", f"x{_SUPERSCRIPTS[n]}", f"x^{n}", f, df, d2f,
                 domain=(-2.0, 2.0), start=1.5, params=(("n", n),), minima=minima,
                 d3f=d3f)


def quadratic(curvature: float = 1.0, center: float = 0.0) -> Curve:
    """f = 0.5 c (x - x0)^2,  f' = c (x - x0),  f'' = c,  f''' = 0;  c = curvature > 0,
    x0 = center."""
    c = _number("curvature", curvature, positive=True)
    x0 = _number("center", center)

    def f(x):
        return 0.5 * c * (_arr(x) - x0) ** 2

    def df(x):
        return c * (_arr(x) - x0)

    def d2f(x):
        return np.full_like(_arr(x), c)

    shifted = "x" if x0 == 0 else f"(x {_signed(-x0)})"
    return Curve("quadratic", f"½·{c:g}·{shifted}²", rf"\tfrac{{1}}{{2}}\cdot {c:g}\,{shifted}^2",
                 f, df, d2f, domain=(x0 - 3.0, x0 + 3.0), start=x0 + 2.5,
                 params=(("curvature", c), ("center", x0)),
                 minima=(CurveMinimum(x0, 0.0, True),), d3f=_zeros)


def power_derivative(n: int, k: int):
    """The k-th derivative of x^n: n (n-1) ... (n-k+1) x^(n-k), and 0 once k > n."""
    factor = math.perm(n, k) if k <= n else 0

    def dk(x):
        return factor * _arr(x) ** (n - k) if factor else _zeros(x)

    return dk


# ----------------------------------------------------------- fixed curves


def double_well(w):
    """f = w^4 - 3 w^2 + w; a deep well on the left and a shallow one on the right."""
    w = _arr(w)
    return w**4 - 3 * w**2 + w


def double_well_df(w):
    """f' = 4 w^3 - 6 w + 1."""
    w = _arr(w)
    return 4 * w**3 - 6 * w + 1


def double_well_d2f(w):
    """f'' = 12 w^2 - 6."""
    return 12 * _arr(w) ** 2 - 6


def double_well_d3f(w):
    """f''' = 24 w."""
    return 24 * _arr(w)


# Roots of 4 w^3 - 6 w + 1 = 0 with f'' > 0, refined with Newton's method.
DOUBLE_WELL_GLOBAL_MIN = CurveMinimum(-1.300839565941577, -3.513905038934790, True)
DOUBLE_WELL_LOCAL_MIN = CurveMinimum(1.130901122629986, -1.070230181776154, False)

_FIXED = (
    replace(power(2), key="square", domain=(-3.0, 3.0), start=2.5, params=()),
    replace(power(3), key="cube", start=1.5, params=()),
    Curve("sin", "sin x", r"\sin x", lambda x: np.sin(_arr(x)), lambda x: np.cos(_arr(x)),
          lambda x: -np.sin(_arr(x)), domain=(-2 * math.pi, 2 * math.pi), start=1.0,
          minima=(CurveMinimum(-math.pi / 2, -1.0, True),
                  CurveMinimum(3 * math.pi / 2, -1.0, True)),
          d3f=lambda x: -np.cos(_arr(x))),
    Curve("exp", "eˣ", r"e^x", lambda x: np.exp(_arr(x)), lambda x: np.exp(_arr(x)),
          lambda x: np.exp(_arr(x)), domain=(-2.0, 2.0), start=1.0,
          d3f=lambda x: np.exp(_arr(x))),
    Curve("abs", "|x|", r"\lvert x \rvert", lambda x: np.abs(_arr(x)),
          lambda x: np.sign(_arr(x)), _zeros, domain=(-3.0, 3.0), kinks=(0.0,),
          start=2.5, minima=(CurveMinimum(0.0, 0.0, True),), d3f=_zeros),
    Curve("double_well", "w⁴ − 3w² + w", r"w^4 - 3w^2 + w", double_well, double_well_df,
          double_well_d2f, domain=(-2.2, 2.2), start=2.0,
          minima=(DOUBLE_WELL_GLOBAL_MIN, DOUBLE_WELL_LOCAL_MIN), d3f=double_well_d3f),
)

_CURVES = {c.key: c for c in _FIXED}
_FACTORIES = {"constant": constant, "line": line, "power": power, "quadratic": quadratic}

CURVE_NAMES = ("constant", "line", "square", "cube", "power", "sin", "exp", "abs",
               "quadratic", "double_well")


def get_curve(key: str, **params) -> Curve:
    """Look up a curve by key; the factory keys take their factory's keyword arguments."""
    if key not in CURVE_NAMES:
        raise ValueError(f"unknown curve {key!r}; choose one of {', '.join(CURVE_NAMES)}")
    factory = _FACTORIES.get(key)
    accepted = tuple(inspect.signature(factory).parameters) if factory else ()
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise ValueError(f"curve {key!r} has no parameter {', '.join(unknown)} "
                         f"(accepted: {', '.join(accepted) or 'none'})")
    return factory(**params) if factory else _CURVES[key]
