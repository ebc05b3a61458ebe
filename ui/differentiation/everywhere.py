"""Section 3, the derivative everywhere: f above f′ on one x-axis with the tangent
y = f(x) + f′(x)(t − x) at the chosen x, the stationary points (f′ = 0, or a sign change
at a kink) marked on both, and the rules table (:mod:`ui.differentiation.rules`) below.
The linked chart and the slope notes also serve the typed function (section 4)."""

from __future__ import annotations

import streamlit as st

from ui import controls
from ui.differentiation import charts as cd
from ui.differentiation import data, tables
from ui.differentiation.controls import function_choice, position
from ui.differentiation.rules import rules_table
from ui.differentiation.words import P, fmt, gap_text
from ui.downloads import chart_files
from ui.render import show, to_spec
from ui.style import style_for


def everywhere_section(F) -> None:
    t = F.texts(P)
    st.header(t("s3"), divider="gray")
    st.markdown(t("s3_intro"))
    left, mid, right = st.columns(3)
    key = function_choice(F, "rule.f", where=left)
    c = controls.slider(F, "rule.c", t("rule_c"), -3.0, 3.0, 2.0, 0.1, where=mid)
    n = controls.slider(F, "rule.n", t("rule_n"), 0, 6, 3, 1, where=mid)
    a = controls.slider(F, "rule.a", t("rule_a"), -3.0, 3.0, 1.5, 0.1, where=right)
    b = controls.slider(F, "rule.b", t("rule_b"), -3.0, 3.0, -1.0, 0.1, where=right)
    params = data.params_for(key, c, a, b, n)
    curve = data.curve_of(key, params)
    x = position(F, "rule.x", key, curve, t("x_point"), where=left)
    if params:
        left.caption(t("uses_sliders"))
    out = data.everywhere(key, params, x)
    show(linked_spec(("catalogue", key, params), x, F.projector, linked_names(F)),
         width="content", files=chart_files(F, "diff-slope-everywhere",
                                            lambda: tables.curve_slopes(key, params)))
    st.caption(t("linked_help"))
    slope_notes(F, out)
    st.markdown(t("rules_intro", x=fmt(x)))
    rules_table(F, data.rule_checks(x, c, a, b, n), c, a, b, n)


def linked_names(F) -> tuple:
    t = F.texts(P)
    return (t("series.f"), t("series.tangent"), t("series.df"), t("kind.min"), t("kind.max"),
            t("kind.flat"), t("kind.min_kink"), t("kind.max_kink"), t("slope_label"))


@st.cache_data(max_entries=64, show_spinner=False)
def linked_spec(source: tuple, x: float, projector: bool, names: tuple) -> dict:
    out = (data.everywhere(source[1], source[2], x) if source[0] == "catalogue"
           else data.typed(source[1], x))
    f_name, tangent, df_name = names[:3]
    kinds = dict(zip(("min", "max", "flat", "min_kink", "max_kink"), names[3:8], strict=True))
    colors = {f_name: cd.F_COLOR, tangent: cd.TANGENT, df_name: cd.SLOPE}
    top = cd.relabel(out["top"], {"f": f_name, "tangent": tangent})
    df = cd.relabel(out["df"], {"f′": df_name})
    point = out["point"].assign(text=f"x = {fmt(x)}")
    slope_point = out["slope_point"].assign(text=f"{names[8]} {fmt(out['slope'])}")
    return to_spec(cd.linked_view(
        top, df, out["stationary"], point, slope_point, style_for(projector),
        colors=colors, kind_labels=kinds, domain=out["domain"], f_window=out["f_window"],
        df_window=out["df_window"], titles=("x", "f(x)", "f′(x)")))


def slope_notes(F, out: dict) -> None:
    t = F.texts(P)
    lim = out["limits"]
    if lim.kind == "smooth" and out["tangent_drawn"]:
        st.markdown(t("slope_at", x=fmt(out["x"]), d=fmt(out["slope"])))
    elif lim.kind == "smooth":
        st.markdown(t("slope_off_chart", x=fmt(out["x"]), d=fmt(out["slope"]), f=fmt(out["fx"])))
    elif lim.kind == "kink":
        st.warning(t("kink", x0=fmt(out["x"]), left=fmt(lim.left), right=fmt(lim.right)))
    else:
        why = out.get("why_undefined") if lim.kind == "undefined" else None
        note = t(f"limit_{lim.kind}", x0=fmt(out["x"]))
        if why is not None:
            note = F.join([note, t("limit_why", reason=gap_text(F, why))])
        st.warning(note)
    if out["flat_everywhere"]:
        st.markdown(t("flat_everywhere"))
        return
    found = out["stationary"]
    if not len(found):
        st.markdown(t("no_stationary"))
        return
    items = [t("stationary_item", kind=t(f"kind.{k}"), x=fmt(x), f=fmt(y))
             for x, y, k in zip(found.x, found.y, found.kind, strict=True)]
    st.markdown(t("stationary_found", items="; ".join(items)))
    if found.kind.str.endswith("_kink").any():
        st.caption(t("kink_note"))
