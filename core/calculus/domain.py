"""Where a typed formula has no value, and why: the gaps in its domain on a grid.

Each sub-expression is evaluated on the grid, children first; a point takes the kind
of the innermost node whose value stops being finite while its inputs are finite
(1/x at x = 0 is a division by zero, log(x) at x < 0 a log of a negative number).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy

from core.calculus.formula import X, numpy_function

_NUMPY = {sympy.sin: np.sin, sympy.cos: np.cos, sympy.tan: np.tan, sympy.exp: np.exp,
          sympy.log: np.log, sympy.Abs: np.abs, sympy.tanh: np.tanh, sympy.sinh: np.sinh,
          sympy.cosh: np.cosh, sympy.atan: np.arctan}
GAP_KINDS = ("division_by_zero", "log_domain", "sqrt_domain", "root_domain", "overflow",
             "other")


@dataclass(frozen=True)
class Gap:
    """A run of neighbouring grid points lo..hi (count of them) where f has no value,
    all for one reason: kind is one of GAP_KINDS."""

    kind: str
    lo: float
    hi: float
    count: int


def _node_values(node: sympy.Expr, x: np.ndarray, args: list) -> np.ndarray:
    if node == X:
        return x
    if node.is_number:
        return np.full_like(x, float(node))
    if isinstance(node, sympy.Add):
        return np.sum(args, axis=0)
    if isinstance(node, sympy.Mul):
        return np.prod(args, axis=0)
    if isinstance(node, sympy.Pow):
        return np.power(*args)
    if isinstance(node, sympy.Max):
        return np.max(args, axis=0)
    if node.func in _NUMPY:
        return _NUMPY[node.func](args[0])
    return numpy_function(node)(x)


def _new_kind(node: sympy.Expr, args: list, values: np.ndarray) -> np.ndarray:
    """Why this node has no value where its inputs are finite (one code per point)."""
    kind = np.where(np.isinf(values), "overflow", "other").astype(object)
    if isinstance(node, sympy.Pow):
        base, power = args
        kind[(base == 0) & (power < 0)] = "division_by_zero"
        root = (base < 0) & (power != np.round(power))
        kind[root] = "sqrt_domain" if node.exp.is_number and float(node.exp) == 0.5 \
            else "root_domain"
    elif node.func == sympy.log:
        kind[args[0] <= 0] = "log_domain"
    return kind


def _trace(node: sympy.Expr, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(values, kind) of a sub-expression on x; kind is "" where it has a finite value
    or where a failure came from inside one of its arguments (that kind is kept)."""
    traced = [] if node == X or node.is_number else [_trace(a, x) for a in node.args]
    args = [values for values, _ in traced]
    with np.errstate(all="ignore"):
        values = np.asarray(_node_values(node, x, args), dtype=float)
    kind = np.full(x.shape, "", dtype=object)
    for _, inner in traced:
        kind = np.where(kind == "", inner, kind)
    fresh = (kind == "") & ~np.isfinite(values)
    kind[fresh] = _new_kind(node, args, values)[fresh]
    return values, kind


def gaps(expr: sympy.Expr, xs) -> list[Gap]:
    """Where f = expr has no finite double-precision value on the grid xs, and why:
    a division by zero (1/x at 0, sin(x)/x at 0), the log of a number <= 0, the square
    root or another non-integer power of a negative number, or an overflow (a value
    beyond about 1.8e308, as exp(exp(exp(x))) for x > 1.88). Neighbouring points with
    the same reason form one Gap."""
    xs = np.asarray(xs, dtype=float)
    undefined = ~np.isfinite(numpy_function(expr)(xs))
    _, kind = _trace(expr, xs)
    kind = np.where(undefined & (kind == ""), "other", np.where(undefined, kind, ""))
    found: list[Gap] = []
    for i in np.flatnonzero(undefined):
        last = found[-1] if found else None
        if last and last.kind == kind[i] and xs[i - 1] == last.hi and undefined[i - 1]:
            found[-1] = Gap(last.kind, last.lo, float(xs[i]), last.count + 1)
        else:
            found.append(Gap(str(kind[i]), float(xs[i]), float(xs[i]), 1))
    return found
