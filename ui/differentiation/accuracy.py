"""Section 5, how accurate a numeric slope is: |error| against h for the forward
difference (f(x₀ + h) − f(x₀)) / h and the central one (f(x₀ + h) − f(x₀ − h)) / 2h,
truncation (error ~ hᵖ, fitted p) at large h and round-off at small h, the best h of
each, and the sentence the run supports. Cached results from :mod:`ui.differentiation.data`."""

from __future__ import annotations

import streamlit as st

from ui.differentiation import charts as cd
from ui.differentiation import data, tables
from ui.differentiation.controls import function_choice, position
from ui.differentiation.words import P, fmt
from ui.downloads import chart_files
from ui.render import show, to_spec
from ui.style import style_for


def accuracy_section(F) -> None:
    t = F.texts(P)
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
    show(_error_spec(key, x0, F.projector, names), width="content",
         files=chart_files(F, "diff-accuracy", lambda: tables.accuracy(key, x0)))
    e, (thumb_fwd, thumb_cen) = out["errors"], out["thumb"]
    st.markdown(t("accuracy_best", h_fwd=fmt(e.best_forward, 2),
                  err_fwd=fmt(e.forward.min(), 2), h_cen=fmt(e.best_central, 2),
                  err_cen=fmt(e.central.min(), 2), thumb_fwd=fmt(thumb_fwd, 2),
                  thumb_cen=fmt(thumb_cen, 2)))
    kind, message = _accuracy_story(F, out)
    (st.info if kind == "info" else st.markdown)(message)
    if out["zeros"]:
        st.caption(t("accuracy_zeros", n=out["zeros"], floor=fmt(data.ERROR_FLOOR)))


def _accuracy_story(F, out: dict) -> tuple[str, str]:
    """The sentence this run supports: all exact, some method exact, a kink within reach,
    or truncation (fitted order p) then round-off (when it shows)."""
    t, e = F.texts(P), out["errors"]
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
    return "markdown", F.join(parts)


@st.cache_data(max_entries=64, show_spinner=False)
def _error_spec(key: str, x0: float, projector: bool, names: tuple) -> dict:
    out = data.accuracy(key, x0)
    methods = {"forward": names[0], "central": names[1]}
    rows = cd.relabel(out["rows"], methods, column="method")
    best = cd.relabel(out["best"], methods, column="method")
    return to_spec(cd.error_view(rows, best, style_for(projector), method_labels=methods,
                                 titles=(names[2], names[3]), floor=data.ERROR_FLOOR))
