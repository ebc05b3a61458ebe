"""Section 2, secant to tangent: the secant slope s(h) = (f(x₀ + h) − f(x₀)) / h, drawn
on f and against |h| from both sides, tends to f′(x₀) as h → 0 where f is smooth; at a
kink the two sides disagree. Controls, cached results (:mod:`ui.differentiation.data`)
and charts (:mod:`ui.differentiation.charts`)."""

from __future__ import annotations

import streamlit as st

from ui import controls
from ui.differentiation import charts as cd
from ui.differentiation import data, tables
from ui.differentiation.controls import function_choice, position
from ui.differentiation.words import P, fmt
from ui.downloads import chart_files
from ui.render import columns, show, to_spec
from ui.style import style_for


def secant_section(F) -> None:
    t = F.texts(P)
    st.header(t("s2"), divider="gray")
    st.markdown(t("s2_intro"))
    left, mid, right = st.columns(3)
    key = function_choice(F, "sec.f", where=left)
    x0 = position(F, "sec.x0", key, data.curve_of(key), t("x0"), where=left)
    h_abs = controls.log_slider(F, "sec.h", t("h"), 1e-6, 1.0, 0.5, stops=data.H_STOPS,
                                where=mid, help=t("h_help"))
    left_side = controls.toggle(F, "sec.left", t("h_left"), where=mid, help=t("h_left_help"))
    h = -h_abs if left_side else h_abs
    out = data.secant(key, x0, h)
    right.latex(r"s(h) = \frac{f(x_0 + h) - f(x_0)}{h}")
    right.markdown(t("secant_now", h=fmt(h), s=fmt(out["slope"])))
    a, b = columns(F, 2)
    names = (t("series.f"), t("series.secant"), t("series.tangent"), t("h_axis"),
             t("slope_axis"), t("series.exact"), t("side.right"), t("side.left"))
    with a:
        show(_secant_spec(key, x0, h, F.projector, names), width="content",
             files=chart_files(F, "diff-secant"))
    with b:
        show(_approach_spec(key, x0, h, F.projector, names), width="content",
             files=chart_files(F, "diff-approach", lambda: tables.approach(key, x0, h)))
    _limits_note(F, out, x0)


def _limits_note(F, out: dict, x0: float) -> None:
    t = F.texts(P)
    lim = out["limits"]
    if lim.kind == "smooth":
        gap = abs(out["slope"] - out["exact"])
        st.markdown(t("tangent_exists", x0=fmt(x0), d=fmt(out["exact"]), gap=fmt(gap, 2)))
    elif lim.kind == "kink":
        st.warning(t("kink", x0=fmt(x0), left=fmt(lim.left), right=fmt(lim.right)))
    else:
        st.warning(t(f"limit_{lim.kind}", x0=fmt(x0)))


@st.cache_data(max_entries=64, show_spinner=False)
def _secant_spec(key: str, x0: float, h: float, projector: bool, names: tuple) -> dict:
    out = data.secant(key, x0, h)
    f_name, secant, tangent = names[:3]
    colors = {f_name: cd.F_COLOR, secant: cd.SECANT, tangent: cd.TANGENT}
    curves = cd.relabel(out["curves"], {"f": f_name, "secant": secant, "tangent": tangent})
    return to_spec(cd.secant_view(curves, out["points"], style_for(projector), colors=colors,
                                  x_window=out["x_window"], y_window=out["y_window"],
                                  titles=("x", "f(x)")))


@st.cache_data(max_entries=64, show_spinner=False)
def _approach_spec(key: str, x0: float, h: float, projector: bool, names: tuple) -> dict:
    out = data.secant(key, x0, h)
    exact = out["exact"] if out["limits"].kind == "smooth" else None
    sides = {"right": names[6], "left": names[7]}
    rows = cd.relabel(out["approach"], sides, column="side")
    return to_spec(cd.approach_view(rows, exact, abs(h), out["slope"], style_for(projector),
                                    side_labels=sides, titles=(names[3], names[4], names[5])))
