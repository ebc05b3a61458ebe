"""Section 7, the chain rule behind de/dw: e(w) = (w x − y)² through u = w x, r = u − y,
e = r², forward values, local slopes and de/dw = de/dr · dr/du · du/dw = 2r · 1 · x,
checked against secant slopes s(h) = de/dw + x² h; then the link to Gradient Descent."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import controls
from ui.differentiation import charts as cd
from ui.differentiation import data, tables
from ui.differentiation.words import P, fmt
from ui.downloads import chart_files
from ui.frame import carried, page_file
from ui.numbers import precise
from ui.render import columns, show, to_spec
from ui.style import style_for


def chain_section(F) -> None:
    t = F.texts(P)
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
    left, right = columns(F, [3, 2])
    with left:
        show(_chain_spec(w, x, y, F.projector, (t("series.e"), t("series.tangent"))),
             width="content", files=chart_files(F, "diff-chain", lambda: tables.chain(w, x, y)))
    rows = "\n".join(f"| {fmt(h)} | {precise(s)} | {fmt(abs(s - c.de_dw), 2)} |"
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
    t = F.texts(P)
    target = page_file("gradient_descent")
    st.markdown(t("to_descent_intro"))
    if target:
        st.page_link(target, label=t("to_descent"), icon=":material/trending_down:",
                     query_params=carried())
