"""Section 1, a straight line: the slope m = rise / run = (y₂ − y₁) / (x₂ − x₁) from two
points, the same for every pair on the line, 0 on a flat line and undefined on a vertical
one (run = 0). Controls, the cached line (:mod:`ui.differentiation.data`) and its chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import controls
from ui.differentiation import charts as cd
from ui.differentiation import data
from ui.differentiation.words import P, fmt
from ui.downloads import chart_files
from ui.render import show, to_spec
from ui.style import style_for

LINE_KINDS = ("sloped", "flat", "vertical")


def line_section(F) -> None:
    t = F.texts(P)
    st.header(t("s1"), divider="gray")
    st.markdown(t("s1_intro"))
    left, right = st.columns([2, 3])
    kind = controls.select(F, "line.kind", t("line_kind"), LINE_KINDS, "sloped",
                           lambda k: t(f"line_kind.{k}"), where=left, horizontal=True)
    a = 1.5
    if kind == "sloped":
        a = controls.slider(F, "line.a", t("line_a"), -3.0, 3.0, 1.5, 0.1, where=left)
    b = controls.slider(F, "line.b", t("line_b" if kind != "vertical" else "line_c"),
                        -2.0, 2.0, 0.5, 0.1, where=left)
    along = "y" if kind == "vertical" else "x"
    p1 = controls.slider(F, "line.p1", t("line_p1", along=along), -2.5, 2.5, -1.0, 0.1,
                         where=left)
    p2 = controls.slider(F, "line.p2", t("line_p2", along=along), -2.5, 2.5, 1.5, 0.1,
                         where=left)
    line, legs, points, result, others = data.straight_line(kind, a, b, p1, p2)
    with right:
        show(_line_spec(kind, a, b, p1, p2, F.projector, (t("rise"), t("run"))),
             width="content", files=chart_files(F, "diff-line"))
    numbers = dict(rise=fmt(result.rise), run=fmt(result.run))
    if result.run == 0 and result.rise == 0:
        st.info(t("line_same_point"))
    elif result.slope is None:
        st.warning(t("line_vertical", **numbers))
    else:
        st.markdown(t("line_slope", slope=fmt(result.slope), **numbers))
        st.markdown(t("line_others", slopes=", ".join(fmt(s) for s in others)))
        if result.slope == 0:
            st.markdown(t("line_flat"))


@st.cache_data(max_entries=64, show_spinner=False)
def _line_spec(kind: str, a: float, b: float, p1: float, p2: float, projector: bool,
               names: tuple) -> dict:
    line, legs, points, result, _ = data.straight_line(kind, a, b, p1, p2)
    labels = pd.DataFrame({
        "x": [legs.x.mean() if result.run else legs.x.iloc[0], legs.x2.iloc[1]],
        "y": [legs.y.iloc[0], (legs.y.iloc[1] + legs.y2.iloc[1]) / 2],
        "text": [f"{names[1]} = {fmt(result.run)}", f"{names[0]} = {fmt(result.rise)}"]})
    return to_spec(cd.line_view(line, legs, points, labels, style_for(projector), ("x", "y")))
