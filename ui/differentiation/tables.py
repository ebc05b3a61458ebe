"""The numbers behind the Differentiation page's charts as tables, for the CSV buttons
(:mod:`ui.downloads`). Each is handed to a button as a callable, so it is built only
when the button is clicked, in float64 on the very grids and step sizes the charts use
(the charts themselves carry float32). A value f has none of (a pole, a gap) is an
empty cell.

    slopes     x, f(x), f′(x) on the N_GRID points of the chart's x-range
    approach   h, s(h) = (f(x₀ + h) − f(x₀)) / h from the right and (h < 0) the left,
               and f′(x₀) where the tangent exists
    accuracy   h, |forward − f′(x₀)|, |central − f′(x₀)| (exact zeros stay 0)
    profile    θ in degrees, D(θ) = ∇f · (cos θ, sin θ)
    chain      h, s(h) of e(w) = (w x − y)², de/dw and s(h) − de/dw
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.calculus.formula import ExprError, parse
from core.calculus.slopes import evaluate
from ui.differentiation import data
from ui.differentiation.sampling import N_GRID


def _finite(values) -> np.ndarray:
    a = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(a), a, np.nan)


def slopes(f, df, domain: tuple[float, float]) -> pd.DataFrame:
    x = np.linspace(*domain, N_GRID)
    with np.errstate(all="ignore"):
        fx = _finite(evaluate(f, x))
        dfx = np.where(np.isnan(fx), np.nan, _finite(evaluate(df, x)))   # no f, no slope
    return pd.DataFrame({"x": x, "f": fx, "df": dfx})


def curve_slopes(key: str, params: tuple = ()) -> pd.DataFrame:
    curve = data.curve_of(key, params)
    return slopes(curve.f, curve.df, curve.domain)


def typed_slopes(text: str) -> pd.DataFrame:
    """The typed f and its derivative on the typed chart's range (no rows for bad text)."""
    try:
        p = parse(text)
    except ExprError:
        return pd.DataFrame(columns=["x", "f", "df"])
    return slopes(p.f, p.df, data.TYPED_RANGE)


def approach(key: str, x0: float, h: float) -> pd.DataFrame:
    out = data.secant(key, x0, h)
    rows = out["approach"].pivot(index="h", columns="side", values="slope").reset_index()
    table = pd.DataFrame({"h": rows.h, "secant_right": _finite(rows.right),
                          "secant_left": _finite(rows.left)})
    if out["limits"].kind == "smooth":
        table["exact"] = out["exact"]
    return table


def accuracy(key: str, x0: float) -> pd.DataFrame:
    e = data.accuracy(key, x0)["errors"]
    return pd.DataFrame({"h": e.h, "forward_error": e.forward, "central_error": e.central})


def profile(key: str, p: tuple, angle: float) -> pd.DataFrame:
    rows = data.directional(key, p, angle)["profile"]
    return pd.DataFrame({"theta_deg": rows.x, "D": rows.y})


def chain(w: float, x: float, y: float) -> pd.DataFrame:
    out = data.chain(w, x, y)
    d = out["record"].de_dw
    hs, ss = (np.array(v) for v in zip(*out["secants"], strict=True))
    return pd.DataFrame({"h": hs, "secant": ss, "de_dw": d, "secant_minus_de_dw": ss - d})
