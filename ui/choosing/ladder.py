"""Adam against RMSProp across sparsity: the ladder of final excess losses against the
sparsity exponent a, and the bias-correction block, whose curves are how many times
larger Adam's step is without bias correction, (1 − β₁ᵗ)/√(1 − β₂ᵗ).

Reads :mod:`ui.choosing.data`, asks :mod:`core.findings.ladder` what the ladder shows.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.experiments.ladder import LADDER_SEEDS, LEVELS
from core.findings.ladder import bias_correction, ladder_findings, median_rates
from core.optimizers import latex
from ui import charts
from ui.choosing import charts as cc
from ui.choosing import controls as ui
from ui.choosing import data
from ui.choosing.controls import P
from ui.choosing.wording import g3, labels
from ui.downloads import chart_files, csv
from ui.numbers import gap_text
from ui.render import columns, show


def ladder_section(F) -> None:
    t = F.texts(P)
    st.header(t("ladder.head"), divider="gray")
    st.markdown(t("ladder.intro", levels=", ".join(f"{a:g}" for a in LEVELS),
                  n=len(LADDER_SEEDS)))
    b2 = ui.b2_ui(F)
    with F.busy():
        L = data.ladder_result(b2)
    names = labels(F, L.rungs)
    seeds, med = data.ladder_frames(L, names)
    left, right = columns(F, 2)
    with left:
        show(cc.ladder_view(seeds, med, F.style, x_title=t("axis.a"), y_title=t("axis.final")),
             key="ladder", files=chart_files(F, "ladder", seeds))
        st.caption(t("ladder.help", n=len(L.seeds), steps=L.steps, b2=f"{b2:g}",
                     memory=g3(round(1 / (1 - b2)))))
    with right:
        st.latex(latex("adam"))
        st.caption(t("ladder.latex_help"))
    st.markdown(ladder_story(F, L, b2))
    bias_correction_block(F, b2, L.steps)
    with st.expander(t("ladder.lrs"), icon=":material/table:"):
        st.caption(F.t("frame.tuning_rule"))
        lr = median_rates(L)
        edge = L.at_edge.any(axis=2)
        cells = [[g3(x) + (" (" + F.t("frame.at_edge") + ")" if e else "")
                  for x, e in zip(row, erow, strict=True)] for row, erow in zip(lr, edge,
                                                                               strict=True)]
        table = pd.DataFrame(cells, columns=[names[k] for k in L.rungs],
                             index=pd.Index([f"{a:g}" for a in L.levels], name="a"))
        st.dataframe(table, width="stretch")
        csv(F, "ladder-rates", lambda: table.reset_index())


def ladder_story(F, L, b2: float) -> str:
    """The sparsest level's verdict (:func:`core.findings.guide.verdict`), the trend across
    levels and the bias-correction count (:func:`core.findings.ladder_findings`)."""
    t = F.texts(P)
    f = ladder_findings(L)
    return " ".join([
        t(f"ladder.trend.{f.direction}", trend=g3(f.shown_trend)),
        t("ladder.sparsest." + ("ahead" if f.ahead else "behind"), a=g3(f.a),
          adam=gap_text(F.t, f.adam), rms=gap_text(F.t, f.rmsprop), wins=f.wins,
          levels=f.levels),
        t("ladder.bc", wins=f.bc_wins, levels=f.levels, b2=f"{b2:g}", steps=L.steps),
    ])


def bias_correction_block(F, b2: float, steps: int) -> None:
    t = F.texts(P)
    st.subheader(t("bc.head"))
    b2s = [float(x) for x in ui.B2_CHOICES]
    curves = data.step_ratio_frame(b2s, {x: f"β₂ = {x:g}" for x in b2s}, steps)
    show(charts.finish(charts.curve_layers(curves, F.style, x_title=F.t("frame.step"),
                                           y_title=t("axis.ratio")), F.style), key="bc")
    bc = bias_correction(b2, steps)
    st.markdown(t("bc.story", b2=f"{b2:g}", first=g3(bc.first), peak=g3(bc.peak),
                  k=bc.peak_step, last=g3(bc.last), steps=steps))
