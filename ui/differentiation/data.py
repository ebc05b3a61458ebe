"""Cached core calls and tidy frames for the Differentiation page, one per section.

Every cache is bounded and keyed by primitives (curve key, parameters as a tuple,
positions, text). The frames hold only what core.calculus / core.calculus.formula computed,
sampled on a grid and cut where a value is undefined (:mod:`ui.differentiation.sampling`),
ready for the chart builders (:mod:`ui.differentiation.charts`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.calculus import directional as dirs
from core.calculus.chain import chain_rule, squared_error
from core.calculus.differences import (
    difference_errors,
    error_order,
    rule_check,
    rule_of_thumb_steps,
    slope_check,
)
from core.calculus.domain import gaps
from core.calculus.formula import ExprError, parse
from core.calculus.slopes import evaluate, one_sided_limits, secant_slope, two_point_slope
from core.calculus.stationary import stationary_points
from core.problems.curves import get_curve, power_derivative
from core.problems.surfaces import get_surface
from ui.differentiation.sampling import N_GRID, drawable, line_rows, sample, segment, window

H_STOPS = tuple(float(f"{v:.3g}") for v in np.logspace(-6, 0, 25))
ERROR_HS = np.logspace(-16, 0, 81)
ERROR_FLOOR = 1e-17          # exact zeros drawn here on the log axis
FIT_FORWARD, FIT_CENTRAL = (1e-4, 1e-3), (1e-3, 1e-2)   # h where truncation dominates
TYPED_RANGE = (-3.0, 3.0)
OTHER_PAIRS = ((-2.5, -0.5), (0.0, 2.0), (1.0, 1.2))


def curve_of(key: str, params: tuple = ()):
    return get_curve(key, **dict(params))


def params_for(key: str, c: float, a: float, b: float, n: int) -> tuple:
    """The factory parameters the rule sliders give a catalogue key (empty for fixed curves)."""
    return {"constant": (("c", c),), "line": (("a", a), ("b", b)),
            "power": (("n", n),)}.get(key, ())


# ------------------------------------------------------------------ 1. a straight line


@st.cache_data(max_entries=64, show_spinner=False)
def straight_line(kind: str, a: float, b: float, p1: float, p2: float):
    """The line, the two points and the rise / run legs; kind: sloped, flat, vertical."""
    lo, hi = -3.0, 3.0
    if kind == "vertical":
        pts = ((b, p1), (b, p2))
        line = pd.DataFrame([segment(b, lo, b, hi, "line")])
    else:
        slope = 0.0 if kind == "flat" else a
        pts = ((p1, slope * p1 + b), (p2, slope * p2 + b))
        line = pd.DataFrame([segment(lo, slope * lo + b, hi, slope * hi + b, "line")])
    (x1, y1), (x2, y2) = pts
    result = two_point_slope(pts[0], pts[1])
    legs = pd.DataFrame([segment(x1, y1, x2, y1, "run"), segment(x2, y1, x2, y2, "rise")])
    points = pd.DataFrame({"x": [x1, x2], "y": [y1, y2], "text": ["P₁", "P₂"]})
    others = ()
    if kind != "vertical":      # the same line, other pairs of points: the same slope
        others = tuple(two_point_slope((u, slope * u + b), (v, slope * v + b)).slope
                       for u, v in OTHER_PAIRS)
    return line, legs, points, result, others


# ------------------------------------------------------------------ 2. secant to tangent


@st.cache_data(max_entries=128, show_spinner=False)
def secant(key: str, x0: float, h: float):
    """Curve, secant and tangent lines, the two points, the limits at x0 and s(h) vs |h|."""
    curve = curve_of(key)
    lo, hi = curve.domain
    f_rows = sample(curve.f, lo, hi, "f")
    y_lo, y_hi = window(f_rows.y.to_numpy())
    fx0, fxh = float(curve.f(x0)), float(curve.f(x0 + h))
    s = float(secant_slope(curve.f, x0, h))
    limits = one_sided_limits(curve.f, x0)
    frames = [f_rows, line_rows(s, x0, fx0, lo, hi, "secant", y_window=(y_lo, y_hi))]
    if limits.kind == "smooth":
        frames.append(line_rows(float(curve.df(x0)), x0, fx0, lo, hi, "tangent",
                                y_window=(y_lo, y_hi)))
    points = pd.DataFrame({"x": [x0, x0 + h], "y": [fx0, fxh], "text": ["x₀", "x₀ + h"]})
    hs = np.array(H_STOPS)
    approach = pd.concat([
        pd.DataFrame({"h": hs, "slope": secant_slope(curve.f, x0, hs), "side": "right"}),
        pd.DataFrame({"h": hs, "slope": secant_slope(curve.f, x0, -hs), "side": "left"}),
    ], ignore_index=True)
    return dict(curves=pd.concat(frames, ignore_index=True), points=points, slope=s,
                limits=limits, approach=approach, y_window=(y_lo, y_hi),
                x_window=(lo, hi), exact=float(curve.df(x0)))


# ------------------------------------------------------------------ 3. slope everywhere


@st.cache_data(max_entries=128, show_spinner=False)
def everywhere(key: str, params: tuple, x: float):
    """f, f', the tangent at x and the classified stationary points of a catalogue curve."""
    curve = curve_of(key, params)
    return _everywhere(curve.f, curve.df, curve.domain, x)


def _everywhere(f, df, domain, x: float) -> dict:
    lo, hi = domain
    f_rows, df_rows = sample(f, lo, hi, "f"), sample(df, lo, hi, "f′", jumps=True)
    f_window = window(f_rows.y.to_numpy())
    limits = one_sided_limits(f, x)
    fx, slope = float(evaluate(f, x)), float(evaluate(df, x))
    drawn_fx, drawn_slope = (float(v) for v in drawable([fx, slope]))
    has_slope = limits.kind == "smooth" and math.isfinite(slope)
    top = [f_rows]
    if has_slope and math.isfinite(drawn_fx):
        top.append(line_rows(slope, x, drawn_fx, lo, hi, "tangent", y_window=f_window))
    found = stationary_points(f, df, domain)
    stationary = pd.DataFrame({"x": [p.x for p in found], "y": drawable([p.fx for p in found]),
                               "kind": [p.kind + ("_kink" if p.at_kink else "") for p in found]})
    point, slope_point = (pd.DataFrame({"x": [x], "y": [v]} if ok else {"x": [], "y": []})
                          for v, ok in ((drawn_fx, math.isfinite(drawn_fx)),
                                        (drawn_slope, has_slope and math.isfinite(drawn_slope))))
    return dict(top=pd.concat(top, ignore_index=True), df=df_rows,
                stationary=stationary.dropna(subset=["y"]), point=point,
                slope_point=slope_point, x=x, fx=fx, slope=slope, limits=limits,
                f_window=f_window, df_window=window(np.append(df_rows.y.to_numpy(), 0.0)),
                domain=domain, flat_everywhere=bool(np.all(df_rows.y.to_numpy() == 0)),
                tangent_drawn=len(top) > 1)


@st.cache_data(max_entries=128, show_spinner=False)
def rule_checks(x: float, c: float, a: float, b: float, n: int) -> list[tuple]:
    """(rule, core.calculus.RuleCheck) for c, a x + b and x^n at x: the rule's slope, the
    central difference, its predicted truncation (from f‴ and, for x^n, the fifth
    derivative) and the rounding scale."""
    rows = []
    for rule, curve, d5f in (("constant", curve_of("constant", (("c", c),)), None),
                             ("line", curve_of("line", (("a", a), ("b", b))), None),
                             ("power", curve_of("power", (("n", n),)), power_derivative(n, 5))):
        rows.append((rule, rule_check(curve.f, curve.df, curve.d3f, x, d5f=d5f)))
    return rows


# ------------------------------------------------------------------ 4. typed function


@st.cache_data(max_entries=64, show_spinner=False)
def typed(text: str, x0: float) -> dict:
    """Parse f(x), differentiate it, sample both, classify stationary points, check f'(x0),
    and say where on the plotted grid f has no value and why (core.calculus.formula.gaps).

    Bad text returns {"error": (code, params)} instead of raising."""
    try:
        p = parse(text)
    except ExprError as error:
        return {"error": (error.code, dict(error.params))}
    out = _everywhere(p.f, p.df, TYPED_RANGE, x0)
    formula, numeric = slope_check(p.f, p.df, x0)
    grid = np.linspace(*TYPED_RANGE, N_GRID)
    step = 1e-6 * (1 + abs(x0))          # where core.calculus.one_sided_limits looks
    near = gaps(p.expr, [x0 - step, x0 - step / 10, x0, x0 + step / 10, x0 + step])
    out.update(latex=p.latex, derivative_latex=p.derivative_latex, formula=formula,
               numeric=numeric, gaps=gaps(p.expr, grid), n_grid=N_GRID,
               why_undefined=near[0] if near else None)
    return out


# ------------------------------------------------------------------ 5. accuracy


@st.cache_data(max_entries=64, show_spinner=False)
def accuracy(key: str, x0: float):
    """|error| of forward and central differences over h (log-spaced), the best h, the
    fitted orders p (error ~ h^p where truncation dominates), whether round-off shows at
    small h, and the nearest kink (the quotients straddle it once h passes it)."""
    curve = curve_of(key)
    if one_sided_limits(curve.f, x0).kind != "smooth":
        return None
    e = difference_errors(curve.f, curve.df, x0, ERROR_HS)
    rows = pd.concat([
        pd.DataFrame({"h": e.h, "error": e.forward, "method": "forward"}),
        pd.DataFrame({"h": e.h, "error": e.central, "method": "central"})], ignore_index=True)
    rows["exact_zero"] = rows.error == 0
    rows["error"] = rows.error.clip(lower=ERROR_FLOOR)
    best = pd.DataFrame({"h": [e.best_forward, e.best_central], "method": ["forward", "central"],
                         "error": [max(rows.error[(rows.method == m) & (rows.h == h)].min(),
                                       ERROR_FLOOR)
                                   for m, h in (("forward", e.best_forward),
                                                ("central", e.best_central))]})
    big = rows[rows.h == rows.h.max()].set_index("method").error
    orders = (error_order(e.h, e.forward, *FIT_FORWARD),
              error_order(e.h, e.central, *FIT_CENTRAL))
    kink = min(curve.kinks, key=lambda k: abs(k - x0), default=None)
    # round-off shows when some method's error at h <= 1e-12 is well above its best
    roundoff = any(float(err[e.h <= 1e-12].max()) > 10 * float(err.min())
                   for err in (e.forward, e.central))
    inside = all(e.h[0] < best < e.h[-1] for best in (e.best_forward, e.best_central))
    return dict(rows=rows, best=best, thumb=rule_of_thumb_steps(x0), orders=orders,
                roundoff=roundoff, best_inside=inside, kink=kink, errors_x0=x0,
                near_kink=kink is not None and abs(kink - x0) < float(ERROR_HS.max()),
                # forward steps look right only; central ones both ways
                kink_methods=() if kink is None else
                tuple(m for m, reach in (("forward", x0 < kink), ("central", True)) if reach),
                errors=e, zeros=int(rows.exact_zero.sum()), at_h1=big.to_dict())


# ------------------------------------------------------------------ 6. two dimensions


@st.cache_data(max_entries=128, show_spinner=False)
def directional(key: str, p: tuple, angle: float):
    """∇f·d at p, the numeric check, the contour angle and D(θ) around the circle."""
    surface = get_surface(key)
    r = dirs.directional_derivative(surface, p, angle)
    thetas = np.linspace(0.0, 360.0, 181)
    profile = pd.DataFrame({"x": thetas, "y": dirs.directional_profile(np.array(r.grad), thetas),
                            "series": "D"})
    along = math.degrees(math.atan2(r.grad[1], r.grad[0])) % 360
    level = (dirs.level_direction(surface, p) if not math.isnan(r.contour_angle)
             else np.array([0.0, 0.0]))
    return dict(result=r, profile=profile, grad_angle=along,
                level=(float(level[0]), float(level[1])))


def arrows(p: tuple, vectors: list[tuple[str, tuple[float, float]]], size: float):
    """Rows for ui.charts.arrow_layers: unit directions drawn ``size`` long."""
    rows = []
    for label, (vx, vy) in vectors:
        norm = math.hypot(vx, vy)
        if norm == 0:
            continue
        dx, dy = size * vx / norm, size * vy / norm
        rows.append({"step": 0, "which": label, "x": p[0], "y": p[1], "x2": p[0] + dx,
                     "y2": p[1] + dy, "angle": math.degrees(math.atan2(dx, dy)), "norm": norm,
                     "shown": 1})
    return pd.DataFrame(rows)


# ------------------------------------------------------------------ 7. chain rule


@st.cache_data(max_entries=128, show_spinner=False)
def chain(w: float, x: float, y: float):
    """The chain-rule record, e(w) around w, its tangent, secant slopes for a few h and the
    largest |s(h) - de/dw - x^2 h| among them (rounding, since e is quadratic in w)."""
    c = chain_rule(w, x, y)
    lo, hi = w - 2.0, w + 2.0
    err = lambda v: squared_error(v, x, y)  # noqa: E731
    curve = sample(err, lo, hi, "e", n=161)
    lines = pd.concat([curve, line_rows(c.de_dw, w, c.e, lo, hi, "tangent")],
                      ignore_index=True)
    hs = (1e-1, 1e-3, 1e-6)
    secants = [(h, float(secant_slope(err, w, h))) for h in hs]
    # e is quadratic in w: s(h) - de/dw = x^2 h exactly; what is left over is rounding
    worst_rest = max(abs((s - c.de_dw) - x * x * h) for h, s in secants)
    return dict(record=c, curves=lines, secants=secants, worst_rest=worst_rest,
                window=window(curve.y.to_numpy()), domain=(lo, hi))


def directional_values(grad: tuple, angles_deg: np.ndarray) -> np.ndarray:
    """D(θ) at the marked angles (for placing their labels on the profile)."""
    return dirs.directional_profile(np.array(grad), angles_deg)
