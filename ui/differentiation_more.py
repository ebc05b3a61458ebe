"""Sections 4-7 of the Differentiation page: a typed function, how accurate a numeric
slope is, slopes in two dimensions, and the chain rule behind de/dw. Controls, cached
core results (:mod:`ui.differentiation_data`) and charts; no maths happens here.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from core.calculus.formula import FUNCTIONS, MAX_DEPTH, MAX_EXPONENT, MAX_LENGTH
from core.problems.surfaces import SURFACE_NAMES, get_surface
from ui import charts_differentiation as cd
from ui import controls
from ui import differentiation_data as data
from ui.cache import surface_picture
from ui.charts import arrow_layers, map_layers
from ui.differentiation_sections import (
    P,
    chart_columns,
    draw,
    fmt,
    function_choice,
    gap_text,
    linked_names,
    linked_spec,
    position,
    precise,
    sentences,
    slope_notes,
    tr,
)
from ui.frame import existing_pages
from ui.render import to_spec
from ui.style import style_for

MAP_KEY = "diff_map"
DEFAULT_TEXT = "x**3 - 2*x + sin(x)"
GRAD, DIRECTION, LEVEL = "#D55E00", "#0072B2", "#009E73"


# ------------------------------------------------------------------ 4. typed function


def typed_section(F) -> None:
    t = tr(F)
    st.header(t("s4"), divider="gray")
    st.markdown(t("s4_intro"))
    left, right = st.columns([3, 2])
    text = controls.text(F, "typed.f", t("typed_label"), DEFAULT_TEXT,
                         help=t("typed_help", functions=", ".join(FUNCTIONS)), where=left)
    x0 = controls.slider(F, "typed.x0", t("x_point"), *data.TYPED_RANGE, 1.0, 0.01, fmt="%.2f",
                         where=right)
    left.caption(t("typed_examples"))
    out = data.typed(text, x0)
    if "error" in out:
        code, params = out["error"]
        st.error(t(f"err.{code}", **_error_fields(F, params)), icon=":material/error:")
        st.caption(t("typed_rules", length=MAX_LENGTH, depth=MAX_DEPTH, power=MAX_EXPONENT))
        return
    st.latex(rf"f(x) = {out['latex']}")
    st.latex(rf"f'(x) = {out['derivative_latex']}")
    draw(linked_spec(("typed", text), x0, F.projector, linked_names(F)))
    if out["gaps"]:
        st.info(_gaps_note(F, out["gaps"], out["n_grid"]))
    gap = abs(out["formula"] - out["numeric"])
    if out["limits"].kind == "smooth":
        st.markdown(t("typed_check", x=fmt(x0), formula=precise(out["formula"]),
                      numeric=precise(out["numeric"]), gap=fmt(gap, 2)))
    slope_notes(F, out)


def _gaps_note(F, gaps: list, total: int, shown: int = 4) -> str:
    """Where on the plotted grid f has no value and why (core.calculus.formula.gaps), in words."""
    t = tr(F)
    reasons = [gap_text(F, g) for g in gaps[:shown]]
    if len(gaps) > shown:
        reasons.append(t("gap.more", n=len(gaps) - shown))
    return t("typed_gaps", n=sum(g.count for g in gaps), total=total,
             reasons=t("list_sep").join(reasons))


def _error_fields(F, params: dict) -> dict:
    """Error details ready for the message; a construct's kind is translated."""
    fields = dict(params)
    if "kind" in fields:
        fields["kind"] = F.t(P + f"construct.{fields['kind']}")
    return fields


# ------------------------------------------------------------------ 5. accuracy


def accuracy_section(F) -> None:
    t = tr(F)
    st.header(t("s5"), divider="gray")
    st.markdown(t("s5_intro"))
    left, right = st.columns(2)
    key = function_choice(F, "acc.f", default="exp", where=left)
    x0 = position(F, "acc.x0", key, data.curve_of(key), t("x0"), where=right)
    for col, method, formula in zip(st.columns(2), ("forward", "central"), (
            r"\frac{f(x_0+h)-f(x_0)}{h}", r"\frac{f(x_0+h)-f(x_0-h)}{2h}"), strict=True):
        col.markdown(f"**{t('method.' + method)}**")
        col.latex(formula)
    out = data.accuracy(key, x0)
    if out is None:
        st.info(t("accuracy_none", x0=fmt(x0)))
        return
    names = (t("method.forward"), t("method.central"), t("h_axis"), t("error_axis"))
    draw(_error_spec(key, x0, F.projector, names))
    e, (thumb_fwd, thumb_cen) = out["errors"], out["thumb"]
    st.markdown(t("accuracy_best", h_fwd=fmt(e.best_forward, 2),
                  err_fwd=fmt(e.forward.min(), 2), h_cen=fmt(e.best_central, 2),
                  err_cen=fmt(e.central.min(), 2), thumb_fwd=fmt(thumb_fwd, 2),
                  thumb_cen=fmt(thumb_cen, 2)))
    kind, message = _accuracy_story(F, out)
    (st.info if kind == "info" else st.markdown)(message)
    if out["zeros"]:
        st.caption(t("accuracy_zeros", n=out["zeros"], floor=f"{data.ERROR_FLOOR:.0e}"))


def _accuracy_story(F, out: dict) -> tuple[str, str]:
    """The sentence this run supports: all exact, some method exact, a kink within reach,
    or truncation (fitted order p) then round-off (when it shows)."""
    t, e = tr(F), out["errors"]
    tiny = [m for m, v in out["at_h1"].items() if v <= 1e-12]
    if out["zeros"] == len(out["rows"]):
        return "info", t("accuracy_all_exact")
    if out["near_kink"]:
        return "info", t("accuracy_kink", k=fmt(out["kink"]),
                         d=fmt(abs(out["kink"] - out["errors_x0"]), 3),
                         methods=t("list_and").join(t(f"method.{m}")
                                                    for m in out["kink_methods"]))
    if tiny:
        worst = max(float(getattr(e, m).max()) for m in tiny)
        return "info", t("accuracy_exact", worst=fmt(worst, 2),
                         methods=t("list_and").join(t(f"method.{m}") for m in tiny))
    parts = [t("accuracy_shape", p_fwd=fmt(out["orders"][0], 2), p_cen=fmt(out["orders"][1], 2))]
    if out["roundoff"]:
        parts += [t("accuracy_roundoff", fwd_big=fmt(e.forward[-1], 2),
                    fwd_tiny=fmt(e.forward[0], 2), h_tiny=fmt(e.h[0], 1)),
                  t("accuracy_between" if out["best_inside"] else "accuracy_edge")]
    else:
        parts.append(t("accuracy_no_roundoff"))
    return "markdown", sentences(F, parts)


@st.cache_data(max_entries=64, show_spinner=False)
def _error_spec(key: str, x0: float, projector: bool, names: tuple) -> dict:
    out = data.accuracy(key, x0)
    methods = {"forward": names[0], "central": names[1]}
    rows = cd.relabel(out["rows"], methods, column="method")
    best = cd.relabel(out["best"], methods, column="method")
    return to_spec(cd.error_view(rows, best, style_for(projector), method_labels=methods,
                                 titles=(names[2], names[3]), floor=data.ERROR_FLOOR))


# ------------------------------------------------------------------ 6. two dimensions


def directions_section(F) -> None:
    t = tr(F)
    st.header(t("s6"), divider="gray")
    st.markdown(t("s6_intro"))
    left, right = st.columns(2)
    key = controls.select(F, "dir.s", t("surface"), SURFACE_NAMES, "himmelblau",
                          lambda k: t(f"surface.{k}"), where=left)
    surface = get_surface(key)
    point_key = f"dir.p.{key}"
    clicked = controls.picked(MAP_KEY, param="pick")
    if clicked is not None:
        controls.set_point(point_key, clicked, surface.start)
    p = controls.point(F, point_key, t("point"), surface.start, surface.domain)
    angle = controls.slider(F, "dir.a", t("angle"), 0, 360, 45, 5, where=right,
                            help=t("angle_help"))
    left.markdown(t("point_now", x=fmt(p[0]), y=fmt(p[1])))
    out = data.directional(key, p, float(angle))
    r = out["result"]
    names = (t("arrow.grad"), t("arrow.d"), t("arrow.level"), t("theta_axis"),
             t("d_axis"), t("mark.d"), t("mark.grad"), t("mark.level"))
    a, b = chart_columns(F, 2)
    with a:
        draw(_map_spec(key, p, float(angle), F.projector, names), key=MAP_KEY, pick=True)
        st.caption(t("map_help"))
    with b:
        draw(_profile_spec(key, p, float(angle), F.projector, names))
    if math.isnan(r.contour_angle):
        st.info(t("grad_zero"))
        return
    st.markdown(t("directional_numbers", gx=fmt(r.grad[0]), gy=fmt(r.grad[1]),
                  dx=fmt(r.d[0]), dy=fmt(r.d[1]), dot=precise(r.dot, 8),
                  numeric=precise(r.numeric, 8), gap=fmt(abs(r.dot - r.numeric), 2)))
    st.markdown(t("perpendicular", angle=f"{r.contour_angle:.3f}",
                  grad_angle=f"{out['grad_angle']:.1f}"))


def _map_size(surface, width: int) -> tuple[int, int]:
    """Pixels with one unit equally long on both axes, so right angles look right."""
    (x0, x1), (y0, y1) = surface.domain
    return width, int(round(width * (y1 - y0) / (x1 - x0)))


@st.cache_data(max_entries=64, show_spinner=False)
def _map_spec(key: str, p: tuple, angle: float, projector: bool, names: tuple) -> dict:
    style = style_for(projector)
    surface = get_surface(key)
    out = data.directional(key, p, angle)
    r = out["result"]
    (x0, x1), _ = surface.domain
    vectors = [(names[0], r.grad), (names[1], r.d), (names[2], out["level"])]
    rows = data.arrows(p, vectors, 0.15 * (x1 - x0))
    colors = {names[0]: GRAD, names[1]: DIRECTION, names[2]: LEVEL}
    cells, lines, minima, log_color = surface_picture(key, surface.params, n=44)
    lines = lines.astype({"path": "category"})        # ~30 % of the bytes of text labels
    picture = map_layers(cells, lines, minima, style, log_color=log_color)
    width, height = _map_size(surface, style.width)
    return to_spec(cd.arrows_map(picture, arrow_layers(rows, style, colors),
                                 pd.DataFrame({"x": [p[0]], "y": [p[1]]}), style,
                                 width=width, height=height))


@st.cache_data(max_entries=64, show_spinner=False)
def _profile_spec(key: str, p: tuple, angle: float, projector: bool, names: tuple) -> dict:
    out = data.directional(key, p, angle)
    profile = cd.relabel(out["profile"], {"D": names[4]})
    g = out["grad_angle"]
    marks = [(angle, names[5]), (g, names[6]), ((g + 90) % 360, names[7]),
             ((g - 90) % 360, names[7])]
    rows = pd.DataFrame([{"x": a, "text": label} for a, label in marks])
    rows["y"] = data.directional_values(out["result"].grad, rows.x.to_numpy())
    return to_spec(cd.profile_view(profile, rows, style_for(projector),
                                   titles=(names[3], names[4])))


# ------------------------------------------------------------------ 7. chain rule


def chain_section(F) -> None:
    t = tr(F)
    st.header(t("s7"), divider="gray")
    st.markdown(t("s7_intro"))
    cols = st.columns(3)
    w = controls.slider(F, "chain.w", "w", -3.0, 3.0, 0.5, 0.1, where=cols[0],
                        help=t("chain_w_help"))
    x = controls.slider(F, "chain.x", t("chain_x"), -3.0, 3.0, 2.0, 0.1, where=cols[1])
    y = controls.slider(F, "chain.y", t("chain_y"), -3.0, 3.0, 3.0, 0.1, where=cols[2])
    out = data.chain(w, x, y)
    c = out["record"]
    st.latex(r"e(w) = (w\,x - y)^2:\qquad u = w\,x,\quad r = u - y,\quad e = r^2")
    steps = st.columns(3)
    steps[0].markdown(t("chain_forward"))
    steps[0].latex(_aligned(rf"u &= {fmt(w)}\cdot {_p(x)} = {fmt(c.u)}",
                            rf"r &= {fmt(c.u)} - {_p(y)} = {fmt(c.r)}",
                            rf"e &= {_p(c.r)}^2 = {fmt(c.e)}"))
    steps[1].markdown(t("chain_local"))
    steps[1].latex(_aligned(rf"\tfrac{{du}}{{dw}} &= x = {fmt(c.du_dw)}",
                            rf"\tfrac{{dr}}{{du}} &= {fmt(c.dr_du)}",
                            rf"\tfrac{{de}}{{dr}} &= 2r = {fmt(c.de_dr)}"))
    steps[2].markdown(t("chain_product"))
    steps[2].latex(_aligned(r"\tfrac{de}{dw} &= \tfrac{de}{dr}\cdot\tfrac{dr}{du}\cdot"
                            r"\tfrac{du}{dw}",
                            rf"&= {fmt(c.de_dr)}\cdot {fmt(c.dr_du)}\cdot {_p(c.du_dw)}",
                            rf"&= {fmt(c.de_dw)}"))
    left, right = chart_columns(F, [3, 2])
    with left:
        draw(_chain_spec(w, x, y, F.projector, (t("series.e"), t("series.tangent"))))
    rows = "\n".join(f"| {h:g} | {precise(s)} | {fmt(abs(s - c.de_dw), 2)} |"
                      for h, s in out["secants"])
    right.markdown(f"| h | {t('col_secant')} | {t('col_gap')} |\n|---|---|---|\n{rows}")
    right.markdown(t("chain_compare", d=fmt(c.de_dw), x2=fmt(x * x),
                     worst=fmt(out["worst_rest"], 2)))
    st.markdown(t("chain_meaning", d=fmt(c.de_dw),
                  way=t("way_down" if c.de_dw > 0 else "way_up" if c.de_dw < 0 else "way_flat")))
    _descent_link(F)


def _p(v: float) -> str:
    """A number for the middle of a product: negative ones in brackets."""
    return f"({fmt(v)})" if v < 0 else fmt(v)


def _aligned(*rows: str) -> str:
    return r"\begin{aligned}" + r"\\ ".join(rows) + r"\end{aligned}"


@st.cache_data(max_entries=64, show_spinner=False)
def _chain_spec(w: float, x: float, y: float, projector: bool, names: tuple) -> dict:
    out = data.chain(w, x, y)
    c = out["record"]
    curves = cd.relabel(out["curves"], {"e": names[0], "tangent": names[1]})
    colors = {names[0]: cd.F_COLOR, names[1]: cd.TANGENT}
    point = pd.DataFrame({"x": [w], "y": [c.e], "text": [f"w = {fmt(w)}"]})
    return to_spec(cd.secant_view(curves, point, style_for(projector), colors=colors,
                                  x_window=out["domain"], y_window=out["window"],
                                  titles=("w", "e(w)")))


def _descent_link(F) -> None:
    t = tr(F)
    target = [p for p in existing_pages() if p[0] == "gradient_descent"]
    st.markdown(t("to_descent_intro"))
    if target:
        carry = {k: v for k in ("projector", "lang") if (v := st.query_params.get(k)) is not None}
        st.page_link(target[0][1], label=t("to_descent"), icon=":material/trending_down:",
                     query_params=carry)
