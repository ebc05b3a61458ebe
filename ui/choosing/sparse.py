"""The sparse-gradient race: feature j appears with frequency p_j = p_max / (j + 1)^a,
the mini-batch gradient hits it gets, SGD, momentum, AdaGrad, RMSProp and Adam racing
on it (excess loss L(w) − L(ŵ), weight error of frequent and rare features), the
results table (steady step η/(1 − μ) for momentum), the dense control over several data
seeds, and each feature's effective rate against its frequency.

Reads :mod:`ui.choosing.data`, asks :mod:`core.findings.sparse` what the race shows and
draws :mod:`ui.choosing.charts` and :mod:`ui.charts`.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.experiments.racers import MOMENTUM_DEFAULT
from core.experiments.sparse_race import F_FEATURES, N_SAMPLES, STEPS
from core.findings.sparse import SparseFindings, control_findings, rare_rate_ratios, sparse_findings
from core.findings.thresholds import WIN
from core.problems.sparse import P_MAX
from ui import charts
from ui.choosing import charts as cc
from ui.choosing import controls as ui
from ui.choosing import data
from ui.choosing.controls import P
from ui.choosing.wording import g3, labels, pct
from ui.downloads import chart_files, csv
from ui.frame import Frame
from ui.numbers import gap_text
from ui.render import columns, show, to_spec


def sparse_section(F) -> None:
    t = F.texts(P)
    st.header(t("sparse.head"), divider="gray")
    st.markdown(t("sparse.intro"))
    c = ui.sparse_ui(F)
    with F.busy():
        v = data.sparse_view(c.a, c.batch, c.seed, c.lr_mode, c.shared_lr)
    found = sparse_findings(v.race, v.group)
    names = labels(F, v.race.racers)
    frequent, rare, unseen = found.counts
    freq, raster, curves = picture_specs(c, F.lang, F.projector)
    left, right = columns(F, [3, 2])
    with left:
        show(freq, key="freq")
    with right:
        st.markdown(t("sparse.data", F=F_FEATURES, N=N_SAMPLES, pmax=g3(P_MAX),
                      pmin=g3(float(v.p[-1])), B=c.batch, frequent=frequent, rare=rare,
                      unseen=unseen))
        if found.has_rare:
            st.markdown(t("sparse.zero", zero=pct(v.rare_zero_share)))
    st.subheader(t("raster.head"))
    show(raster, key="raster")
    st.caption(t("raster.help"))
    race_charts(F, curves, c)
    st.markdown(sparse_story(F, found, names, c))
    results_table(F, v, names, found.has_rare)
    control_block(F, v, names, c)
    rates_block(F, v, names)


def race_charts(F, curves: dict, c) -> None:
    t = F.texts(P)
    st.subheader(t("race.head"))
    st.markdown(t(f"race.mode.{c.lr_mode}", lr=g3(c.shared_lr)))
    if c.lr_mode == "tuned":
        st.caption(F.t("frame.tuning_rule"))
    show(curves, key="curves", files=chart_files(F, "sparse-race"))
    st.caption(t("race.help"))


@st.cache_data(max_entries=32, show_spinner=False)
def picture_specs(c, lang: str, projector: bool) -> tuple[dict, dict, dict]:
    """The specs of the frequency, raster and race-curve charts of one view, built once
    per view and language (``c``: the section's controls, a hashable record)."""
    F = Frame("choosing", lang, projector)
    t = F.texts(P)
    v = data.sparse_view(c.a, c.batch, c.seed, c.lr_mode, c.shared_lr)
    names = labels(F, v.race.racers)
    groups = [t("group.frequent"), t("group.rare"), t("group.unseen")]
    freq = cc.frequency_view(data.frequencies(v, groups), F.style, x_title=t("axis.rank"),
                             y_title=t("axis.freq"), requested=t("freq.requested"),
                             group_title=t("group.title"))
    raster = cc.raster_view(data.raster(v, groups), F.style, n_features=F_FEATURES,
                            n_steps=STEPS, x_title=F.t("frame.step"), y_title=t("axis.feature"),
                            group_title=t("group.title"))
    has_rare = sparse_findings(v.race, v.group).has_rare
    return to_spec(freq), to_spec(raster), to_spec(curve_panels(F, v, names, has_rare))


def curve_panels(F, v, names: dict, has_rare: bool):
    """Excess loss and the frequent (and rare) features' weight error against step."""
    t = F.texts(P)
    tip = [alt.Tooltip("series", type="nominal"), alt.Tooltip("step", type="quantitative"),
           alt.Tooltip("gap", type="quantitative", format=".3g", title=t("axis.value"))]
    panels = [("excess", t("axis.excess"), True), ("err_frequent", t("axis.err_frequent"), False),
              ("err_rare", t("axis.err_rare"), False)][:3 if has_rare else 2]
    parts = []
    for field, title, log in panels:
        part = charts.loss_layers(data.curves(v, names, field), F.style, y_title=title,
                                  step_title=F.t("frame.step"), log=log, scrub=False,
                                  tooltip=tip)
        part.width = F.style.width if F.style.stack else 230
        parts.append(part)
    return charts.finish(charts.hconcat(*parts, stack=F.style.stack), F.style)


def sparse_story(F, found: SparseFindings, names: dict, c) -> str:
    """The race's result in sentences chosen by the verdict codes of ``found``."""
    t = F.texts(P)
    best = names[found.best]
    lines = [t(f"story.{found.outcome}", a=g3(c.a), best=best, factor=g3(found.shown_factor))]
    if found.has_rare:
        lines.append(t("story.rare", sgd=pct(found.sgd_rare_err), best=best,
                       best_err=pct(found.best_rare_err)))
    else:
        lines.append(t("story.no_rare", B=c.batch))
        if found.dense_gain:
            lines.append(t("story.dense_gain", best=best))
    lines.append(t(f"story.adam_rms.{found.adam_vs_rms}", adam=gap_text(F.t, found.adam),
                   rms=gap_text(F.t, found.rmsprop)))
    if found.diverged:
        lines.append(t("story.diverged", names=", ".join(names[k] for k in found.diverged)))
    if found.no_rate:
        lines.append(t("story.no_rate", names=", ".join(names[k] for k in found.no_rate)))
    return " ".join(lines)


def rates_block(F, v, names: dict) -> None:
    t = F.texts(P)
    st.subheader(t("rates.head"))
    col, _ = st.columns([2, 1]) if not F.style.stack else (st.container(), None)
    with col:
        step = ui.step_ui(F)
    frame, unseen = data.effective_rates(v, names, step)
    show(cc.eff_lr_view(frame, F.style, x_title=t("axis.freq"), y_title=t("axis.eff_lr")),
         key="rates", files=chart_files(F, "sparse-rates", frame))
    st.caption(t("rates.help"))
    notes = [t("rates.unseen", n=unseen, step=step)] if unseen else []
    ratios = rare_rate_ratios(v.race, v.group, v.first_hit, step)
    notes += [t("rates.ratio", name=names[k], ratio=g3(r), step=step) for k, r in ratios.items()]
    st.markdown(" ".join(notes + [t("rates.sgd")]))


def results_table(F, v, names: dict, has_rare: bool) -> None:
    """Rates, steady steps, final excess (``gap_text``: no denormals) and errors."""
    t = F.texts(P)
    r = v.race
    edge = " (" + F.t("frame.at_edge") + ")"
    table = pd.DataFrame({
        t("table.name"): [names[k] for k in r.racers],
        t("table.lr"): [g3(x) + (edge if e else "") for x, e in zip(r.lr, r.at_edge,
                                                                     strict=True)],
        t("table.steady"): [steady_step(k, x) for k, x in zip(r.racers, r.lr, strict=True)],
        t("table.excess"): [gap_text(F.t, x) for x in r.final_excess()],
        t("table.err_frequent"): [pct(x) for x in r.err_frequent[:, -1]],
        t("table.err_rare"): [pct(x) if has_rare else "–" for x in r.err_rare[:, -1]],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    csv(F, "sparse-results", table)
    st.caption(t("table.steady_help", mu=g3(MOMENTUM_DEFAULT),
                 k=g3(1 / (1 - MOMENTUM_DEFAULT))))


def steady_step(key: str, lr: float) -> str:
    """η/(1 − μ) for momentum, η for SGD, "–" for the adaptive rules (per-feature)."""
    if key == "momentum":
        return g3(lr / (1 - MOMENTUM_DEFAULT))
    return g3(lr) if key == "sgd" else "–"


def control_block(F, v, names: dict, c) -> None:
    """The sparse race against its dense control, over several data seeds."""
    t = F.texts(P)
    ctl = v.control
    f = control_findings(ctl)
    st.subheader(t("control.head"))
    st.markdown(t("control.intro"))
    seeds = ", ".join(str(s) for s in ctl.seeds)
    table = pd.DataFrame(
        [[t(f"control.kind.{k}")] + [g3(x) + "×" for x in f.per_seed[i]]
         + [g3(float(np.median(f.per_seed[i]))) + "×"] for i, k in enumerate(ctl.kinds)],
        columns=[t("control.data")] + [t("control.seed", seed=s) for s in ctl.seeds]
        + [t("control.median")])
    st.dataframe(table, hide_index=True, width="stretch")
    csv(F, "sparse-control", table)
    key = f"control.{f.outcome}" + (f".{f.source}" if f.source else "")
    st.markdown(t(key, a=g3(c.a), seeds=seeds, sparse=g3(f.sparse), dense=g3(f.dense),
                  best=names[f.sparse_best], dense_best=names[f.dense_best],
                  gain=g3(f.gain), win=g3(WIN)))
