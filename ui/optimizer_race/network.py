"""The tiny-network part of the Optimizer Race page: every chosen optimizer trains its own
copy of a two-layer network (core.problems.mlp) on a seeded toy data set; loss curves, decision
boundaries and a table, with specs cached like the other sections."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from core.experiments.network_race import MUON_RACER
from core.experiments.race import chosen_lr
from ui import charts, schedules
from ui.downloads import chart_files, csv
from ui.numbers import fmt
from ui.optimizer_race import charts as rc
from ui.optimizer_race import controls as ui
from ui.optimizer_race import data
from ui.optimizer_race.context import Ctx
from ui.render import compact, show, to_spec
from ui.style import style_for

MUON_KNOBS = {"lr": 1e-3}      # torch's default rate of both Muon and AdamW


def _net_lr(c: Ctx, r: str, spec: tuple, schedule) -> tuple[float, bool]:
    """(the rate racer ``r`` trains the network with, whether it is a tuned rate at the
    edge of the sweep's grid)."""
    knobs = MUON_KNOBS if r == MUON_RACER else c.knobs[r]
    sweep = None
    if c.race.lr_mode == "tuned":
        sweep = data.mlp_sweep(r, c.race.convention, data.knob_key(knobs), *spec, schedule)
    lr = chosen_lr(c.race.lr_mode, knobs["lr"], c.race.shared_lr, sweep)[0]
    return lr, sweep is not None and sweep.best >= 0 and sweep.at_edge


@st.cache_data(max_entries=32, show_spinner=False)
def _network_specs(racers: tuple, convention: str, spec: tuple, schedule, projector: bool,
                   titles: tuple) -> tuple[dict, dict, list]:
    style = style_for(projector)
    loss_title, step_title, prob_title, method, loss_word = titles
    curves, thetas, table = [], {}, []
    for r, knobs, label, colour in racers:
        idx, losses, theta, acc, k = data.mlp_run(r, convention, knobs, *spec, schedule)
        thetas[r] = theta
        curves.append(pd.DataFrame({"series": label, "key": colour, "step": idx,
                                    "gap": losses.clip(min=1e-16), "loss": losses}))
        table.append((label, dict(knobs)["lr"], float(losses[-1]), acc, k))
    tip = [alt.Tooltip("series", type="nominal", title=method),
           alt.Tooltip("step", type="quantitative", title=step_title),
           alt.Tooltip("loss", type="quantitative", format=".4g", title=loss_word)]
    loss = charts.finish(charts.loss_layers(
        compact(pd.concat(curves, ignore_index=True)), style, y_title=loss_title,
        step_title=step_title, scrub=False, tooltip=tip), style)
    problem = data.mlp_problem(*spec[:6])
    cells = data.boundary_cells(problem, thetas, 28)
    panels = [(label, r) for r, _, label, _ in racers]
    boundary = rc.boundary_view(cells, panels, data.data_points(problem), style, n_cells=28,
                                per_row=2 if style.stack else 3, prob_title=prob_title)
    return to_spec(loss), to_spec(boundary), table


def network_section(c: Ctx) -> None:
    t = c.t
    st.subheader(t("network"))
    st.markdown(t("network_intro"))
    net = ui.net_ui(c.F)
    spec = (net.dataset, net.n, net.noise, net.hidden, net.batch, c.race.seed, net.steps)
    schedule = c.race.schedule_choice.schedule(net.steps)
    names = list(c.race.racers) + ([MUON_RACER] if net.muon else [])
    labels = {**c.labels, MUON_RACER: t("racer.muon_adamw")}
    colour = {**c.colour, MUON_RACER: MUON_RACER}
    with c.F.busy():
        rates = {r: _net_lr(c, r, spec, schedule) for r in names}
    racers = tuple((r, data.knob_key({**(MUON_KNOBS if r == MUON_RACER else c.knobs[r]),
                                      "lr": rates[r][0]}), labels[r], colour[r])
                   for r in names)
    if c.race.lr_mode == "tuned":
        st.caption(c.F.t("frame.tuning_rule"))
    if schedule is not None:
        st.caption(schedules.describe(c.F, c.race.schedule_choice, net.steps))
    if net.muon:
        st.caption(t("net.muon_says", rest=2 * net.hidden + 1, lr=fmt(rates[MUON_RACER][0])))
    edge = [labels[r] for r in names if rates[r][1]]
    if edge:
        st.caption(t("race.at_edge", names=", ".join(edge)))
    titles = (t("net.loss_axis"), c.F.t("frame.step"), t("net.prob"), c.F.t("frame.tip.series"),
              c.F.t("frame.tip.loss"))
    with c.F.busy():
        loss, boundary, rows = _network_specs(racers, c.race.convention, spec, schedule,
                                              c.F.projector, titles)
    show(loss, key="net_loss", files=chart_files(c.F, "network-loss"))
    show(boundary, key="net_boundary", files=chart_files(c.F, "network-boundary"))
    st.caption(t("net.boundary_help"))
    table = pd.DataFrame({
        t("board.name"): [r[0] for r in rows], t("board.lr"): [fmt(r[1]) for r in rows],
        t("net.final"): [fmt(r[2], 4) for r in rows],
        t("net.accuracy"): [f"{r[3]:.0%}" for r in rows],
        t("board.status"): [t("board.diverged", k=r[4]) if r[4] >= 0 else "–" for r in rows]})
    st.dataframe(table, hide_index=True, width="stretch")
    csv(c.F, "network-results", table)
