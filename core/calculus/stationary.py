"""Stationary points of f on an interval: where f' = 0, or changes sign at a kink.

    min   f' goes from - to +        max   f' goes from + to -
    flat  f' touches 0 and keeps its sign (a horizontal inflection)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.calculus.slopes import evaluate, one_sided_limits


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
