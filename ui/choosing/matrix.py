"""The benchmark matrix: optimizers × scenarios, each cell the final gap at the
optimizer's best rate over the column's best, ratio = gap / min_k gap_k (coloured by
log10), and the two blocks that test the guide's reasons: one fixed rate for every
scenario, and the noise floor of SGD and momentum (steady step η/(1 − μ)).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments.matrix import LR_GRID as MATRIX_LRS
from core.experiments.matrix import REF_STEPS
from core.experiments.racers import MOMENTUM_DEFAULT
from core.findings import guide
from core.findings.matrix import MatrixFindings, fixed_rate, matrix_findings
from ui.choosing import charts as cc
from ui.choosing import controls as ui
from ui.choosing import data
from ui.choosing.controls import P
from ui.choosing.wording import g3, labels, verdict_text
from ui.downloads import chart_files
from ui.numbers import fmt, grid_words
from ui.render import show


def matrix_section(F) -> None:
    t = F.texts(P)
    st.header(t("matrix.head"), divider="gray")
    st.markdown(t("matrix.intro", **grid_words(MATRIX_LRS)))
    seed = ui.matrix_seed_ui(F)
    with F.busy():
        m = data.matrix_result(seed)
    rows, cols = labels(F, m.rows), {c: t(f"scenario.{c}") for c in m.columns}
    cells = data.matrix_frame(m, rows, cols)
    show(cc.matrix_view(cells, F.style, rows=list(rows.values()), columns=list(cols.values()),
                        color_title=t("matrix.color"), loss_title=t("matrix.loss"),
                        lr_title=t("table.lr")), key="matrix",
         files=chart_files(F, "matrix", cells))
    st.caption(t("matrix.help"))
    st.caption(F.t("frame.tuning_rule"))
    st.markdown(matrix_story(F, matrix_findings(m), rows, cols))
    st.markdown(t("matrix.steady_step", k=g3(1 / (1 - MOMENTUM_DEFAULT)),
                  mu=g3(MOMENTUM_DEFAULT)))
    with st.expander(t("matrix.scenarios"), icon=":material/info:"):
        for c in m.columns:
            st.markdown(f"- **{cols[c]}**: {t(f'scenario.{c}.about', ref_steps=REF_STEPS)}")
    fixed_rate_block(F, m, rows)
    noise_block(F, seed)


def fixed_rate_block(F, m, rows: dict) -> None:
    """Each optimizer at one rate for every scenario: its library default, and the one
    rate that suits all scenarios best (what "a safe default" needs)."""
    t = F.texts(P)
    fr = fixed_rate(m)
    st.subheader(t("fixed.head"))
    st.markdown(t("fixed.intro"))
    st.dataframe(pd.DataFrame({
        t("table.name"): [rows[r] for r in m.rows],
        t("fixed.default_lr"): [g3(fr.default_lr[r]) for r in m.rows],
        t("fixed.default_worst"): [data.ratio_text(fr.default_worst[r]) for r in m.rows],
        t("fixed.rough_lr"): [g3(fr.rough_lr[r]) for r in m.rows],
        t("fixed.rough_worst"): [data.ratio_text(fr.rough_worst[r]) for r in m.rows],
    }), hide_index=True, width="stretch")
    v = guide.verdict("safe", {"matrix": m})
    st.markdown(verdict_text(F, "safe", v, rows))


def noise_block(F, seed: int) -> None:
    """Does momentum average noise away? Four runs on the noisy bowl, several seeds."""
    t = F.texts(P)
    with F.busy():
        nf = data.noise_result(seed)
    st.subheader(t("noise.head"))
    st.markdown(t("noise.intro", eta=g3(nf.eta), mu=g3(nf.mu), eff=g3(nf.eta / (1 - nf.mu)),
                  steps=nf.steps, tail=nf.tail, n=len(nf.seeds)))
    st.dataframe(pd.DataFrame({
        t("noise.run"): [t(f"noise.run.{k}", eta=g3(nf.eta), mu=g3(nf.mu),
                           lr=g3(lr), eff=g3(eff)) for k, lr, eff in noise_rows(nf)],
        t("noise.floor"): [fmt(float(np.median(nf.floors[k]))) for k, _, _ in noise_rows(nf)],
    }), hide_index=True, width="stretch")
    v = guide.verdict("noisy", {"noise_floor": nf})
    st.markdown(verdict_text(F, "noisy", v, {}))


def noise_rows(nf):
    """(run, its η, its steady step η/(1 − μ)) for the four runs of the noise floor."""
    k = 1 / (1 - nf.mu)
    return [("sgd", nf.eta, nf.eta), ("momentum_same", nf.eta / k, nf.eta),
            ("momentum", nf.eta, nf.eta * k), ("sgd_small", nf.eta / 4, nf.eta / 4)]


def matrix_story(F, found: MatrixFindings, rows: dict, cols: dict) -> str:
    """Winners per scenario, the steadiest optimizer, how alike the RMSProp family is
    and the cells at the grid's edge, worded from :func:`core.findings.matrix_findings`."""
    t = F.texts(P)
    winners = [t("matrix.winner", column=label, name=" = ".join(rows[r] for r in tied))
               for label, tied in zip(cols.values(), found.winners, strict=True)]
    steady = found.steadiest
    lines = [t("matrix.winners", list="; ".join(winners)),
             t("matrix.steadiest" + ("_adam" if steady == "adam" else ""), name=rows[steady],
               worst=data.ratio_text(found.worst[steady]),
               adam=data.ratio_text(found.worst["adam"])),
             t("matrix.trio", alike=found.alike, total=found.total)]
    if found.edges:
        lines.append(t("matrix.edge", cells=", ".join(f"{rows[r]} / {cols[c]}"
                                                        for r, c in found.edges)))
    return " ".join(lines)
