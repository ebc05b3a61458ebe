"""Three parts of the Optimizer Race page: the race, the fair comparison and the inside
view (the tiny network is in :mod:`ui.optimizer_race_network`). Each ``*_section``
draws one part from a :class:`Ctx`.

Chart specs are built by bounded, cached functions of primitives (runs come from the
caches in :mod:`ui.optimizer_race_data`), so a rerun that changes nothing in a chart
only unpickles its spec. Play moves the step by editing the cached spec's scrubber.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import streamlit as st

from core.experiments.race import (
    RULE,
    at_rate,
    default_knobs,
    leaderboard,
    nearest_minimum,
    standing,
)
from core.optimizers import latex
from core.optimizers.keras import keras_latex
from ui import charts, palette
from ui import charts_optimizer_race as rc
from ui import optimizer_race_controls as ui
from ui import optimizer_race_data as data
from ui.cache import surface_picture
from ui.geometry import path_frame
from ui.numbers import finite_or_nan, fmt
from ui.play import player
from ui.render import show, to_spec, with_step
from ui.style import style_for

P = ui.P
QUANTITIES = ("g", "buf", "m", "m_hat", "s", "v", "v_hat", "vmax", "vmax_hat", "w", "eff_lr",
              "u")
POSITIVE = frozenset({"s", "v", "v_hat", "vmax", "vmax_hat", "w", "eff_lr"})


class Ctx(NamedTuple):
    """Everything the sections share: the frame, the set-up and each racer's run."""

    F: object
    race: ui.Race
    knobs: dict          # racer -> panel knobs
    lrs: dict            # racer -> learning rate the race uses
    run_knobs: dict      # racer -> knob_key of the knobs it runs with (lr included)
    labels: dict         # racer -> legend name
    colour: dict         # racer -> palette key
    where: tuple         # (surface, (κ, angle), start, steps, noise, seed)
    f_min: float

    def t(self, key: str, **fmt) -> str:
        return self.F.t(P + key, **fmt)

    def runs(self) -> dict:
        return {r: data.race_run(r, self.race.convention, self.run_knobs[r], *self.where)
                for r in self.race.racers}

    def sweeps(self) -> dict:
        return {r: data.race_sweep(r, self.race.convention, data.knob_key(self.knobs[r]),
                                   *self.where) for r in self.race.racers}

    def key(self) -> tuple:
        """The racers as a hashable cache key: (racer, run knobs, label, palette key)."""
        return tuple((r, self.run_knobs[r], self.labels[r], self.colour[r])
                     for r in self.race.racers)




def keras_note(F, racers: list[str]) -> None:
    """What the Keras conventions change: the formulas in words, the defaults computed."""
    t = lambda key: F.t(P + key)  # noqa: E731
    rules = list(dict.fromkeys(RULE[r] for r in racers))
    st.info(t("keras_intro") + "\n\n" + "\n".join(f"- {t(f'keras_diff.{r}')}" for r in rules))
    rows = []
    for r in racers:
        torch, keras = default_knobs(r, "torch"), default_knobs(r, "keras")
        rows += [(ui.racer_label(F, r, "keras"), t(f"knob.{k}"), f"{torch[k]:g}",
                  f"{keras[k]:g}") for k in torch if torch[k] != keras[k]]
    if rows:
        st.caption(t("keras_table"))
        st.dataframe(pd.DataFrame(rows, columns=[t("board.name"), t("keras_table.knob"),
                                                 t("keras_table.torch"), t("keras_table.keras")]),
                     hide_index=True, width="stretch")


# ------------------------------------------------------------------ the race


@st.cache_data(max_entries=64, show_spinner=False)
def _race_spec(racers: tuple, convention: str, where: tuple, f_min: float, projector: bool,
               loss_title: str, step_title: str) -> dict:
    surface, bowl = where[0], where[1]
    paths = data.compact(pd.concat(
        [path_frame(label, colour, data.race_run(r, convention, knobs, *where), f_min=f_min)
         for r, knobs, label, colour in racers], ignore_index=True))
    params = data.surface_of(surface, bowl).params
    cells, lines, minima, log_color = surface_picture(surface, params)
    chart = charts.surface_view(cells, data.compact(lines), minima, paths, style_for(projector),
                                log_color=log_color, loss_title=loss_title,
                                step_title=step_title, n_steps=where[3])
    chart.config.legend.columns = 5          # nine names would widen the map column
    return to_spec(chart)


def race_section(c: Ctx, flagged: list[str], edge: list[str]) -> None:
    race, t = c.race, c.t
    st.subheader(t("race"))
    st.markdown(t(f"lr_mode_says.{race.lr_mode}", lr=fmt(race.shared_lr)))
    if race.lr_mode == "tuned":
        st.caption(c.F.t("frame.tuning_rule"))
    if edge:
        st.caption(t("race.at_edge", names=", ".join(c.labels[r] for r in edge)))
    for r in flagged:
        st.warning(t("all_diverged", name=c.labels[r], lr=fmt(c.lrs[r])))
    spec = _race_spec(c.key(), race.convention, c.where, c.f_min, c.F.projector,
                      t("gap_axis"), c.F.t("frame.step"))
    player(c.F, "race", race.steps, lambda step: show(with_step(spec, step), key="race_map",
                                                      pick=True), chart_key="race_map")
    st.caption(t("map_help"))
    surface = data.surface_of(race.surface, race.bowl)
    runs = c.runs()
    rows = leaderboard([standing(r, runs[r], c.f_min, race.tol, surface.nearest_minimum_distance)
                        for r in race.racers])
    _leaderboard(c, rows)
    st.markdown(_summary(c, rows, runs, surface))


def _leaderboard(c: Ctx, rows) -> None:
    t = c.t

    def status(row):
        if row.diverged_at >= 0:
            return t("board.diverged", k=row.diverged_at)
        return t("board.reached", k=row.steps_to_tol) if row.steps_to_tol >= 0 else "–"
    name = t("board.name")
    table = pd.DataFrame({
        t("board.rank"): range(1, len(rows) + 1),
        name: [c.labels[r.racer] for r in rows],
        t("board.lr"): [fmt(c.lrs[r.racer]) for r in rows],
        t("board.steps", tol=fmt(c.race.tol)): [str(r.steps_to_tol) if r.steps_to_tol >= 0
                                                else "–" for r in rows],
        t("board.final"): [fmt(r.final_loss, 4) for r in rows],
        t("board.distance"): [fmt(r.distance) for r in rows],
        t("board.status"): [status(r) for r in rows],
    })
    colours = [f"color: {palette.color(c.colour[r.racer])}; font-weight: 600" for r in rows]
    styled = table.style.apply(lambda _: colours, subset=[name])
    st.dataframe(styled, hide_index=True, width="stretch")


def _summary(c: Ctx, rows, runs: dict, surface) -> str:
    t, race = c.t, c.race
    first = rows[0]
    if first.steps_to_tol >= 0:
        lines = [t("sum.first", name=c.labels[first.racer], k=first.steps_to_tol,
                   tol=fmt(race.tol))]
    else:
        lines = [t("sum.none", tol=fmt(race.tol), steps=race.steps)]
        best = min((r for r in rows if r.diverged_at < 0), key=lambda r: r.final_loss,
                   default=None)
        if best is not None:
            lines.append(t("sum.lowest", name=c.labels[best.racer], loss=fmt(best.final_loss)))
    blown = [c.labels[r.racer] for r in rows if r.diverged_at >= 0]
    if blown:
        lines.append(t("sum.diverged", names=", ".join(blown)))
    if len(surface.minima) > 1:
        local = [c.labels[r] for r in race.racers if runs[r].diverged_at < 0 and not
                 surface.minima[nearest_minimum(surface, runs[r].points[-1])].is_global]
        if local:
            lines.append(t("sum.local", names=", ".join(local)))
    return " ".join(lines)


# ------------------------------------------------------------------ fair comparison


@st.cache_data(max_entries=32, show_spinner=False)
def _sensitivity_spec(racers: tuple, sweep_knobs: tuple, convention: str, where: tuple,
                      f_min: float, projector: bool, titles: tuple) -> dict:
    rows, chosen = [], []
    for (r, knobs, label, colour), sk in zip(racers, sweep_knobs, strict=True):
        sw = data.race_sweep(r, convention, sk, *where)
        rows += [(label, colour, lr, loss - f_min, int(k), int(ok))
                 for lr, loss, k, ok in zip(sw.lrs, sw.final_loss, sw.diverged_at, sw.stable,
                                            strict=True)]
        run = data.race_run(r, convention, knobs, *where)
        chosen.append((label, colour, dict(knobs)["lr"], max(float(run.losses[-1]) - f_min,
                                                              1e-16)))
    sweeps = pd.DataFrame(rows, columns=["series", "key", "lr", "gap", "diverged_at",
                                         "stable"])
    sane = sweeps.gap[sweeps.diverged_at < 0]
    top = float(sane.max()) * 10 if len(sane) else 1.0
    sweeps["gap"] = finite_or_nan(sweeps.gap.where(sweeps.diverged_at < 0, top).clip(
        lower=1e-16))
    chosen_df = pd.DataFrame(chosen, columns=["series", "key", "lr", "gap"])
    x_title, y_title, diverged, used = titles
    return to_spec(rc.sensitivity_view(data.compact(sweeps), data.compact(chosen_df),
                                       style_for(projector), x_title=x_title, y_title=y_title,
                                       diverged_label=diverged, chosen_label=used))


def fair_section(c: Ctx) -> None:
    t = c.t
    st.subheader(t("fair"))
    st.markdown(t("fair_intro", n=len(data.SWEEP_LRS)))
    sweep_knobs = tuple(data.knob_key(c.knobs[r]) for r in c.race.racers)
    titles = (t("lr_axis"), t("gap_axis"), t("board.diverged_short"), t("chosen_lr"))
    show(_sensitivity_spec(c.key(), sweep_knobs, c.race.convention, c.where, c.f_min,
                           c.F.projector, titles), key="sensitivity")
    st.caption(t("fair_help"))
    st.caption(c.F.t("frame.tuning_rule"))
    st.markdown(_fair_summary(c, c.sweeps()))


def _times(ratio: float) -> str:
    """A ratio as a plain number: whole with thousands separators from 100 up (so a
    factor of exactly 1000 reads 1,000, not 1e+03)."""
    return f"{ratio:,.0f}" if 100 <= ratio < 1e15 else fmt(ratio)


def _momentum_steps(c: Ctx, tuned: dict) -> str:
    """Momentum's tuned η read as its steady step η/(1 − μ), next to SGD's best η."""
    t, text = c.t, ""
    for r in ("momentum", "nesterov"):
        if r in tuned:
            lr, mu = tuned[r].best_lr, float(c.knobs[r]["momentum"])
            text += " " + t("fair.momentum_one", name=c.labels[r], lr=fmt(lr), mu=fmt(mu),
                            eff=fmt(lr / (1 - mu)))
    if text:
        text = " " + t("fair.momentum") + text
    if text and "sgd" in tuned:
        text += " " + t("fair.momentum_sgd", lr=fmt(tuned["sgd"].best_lr))
    return text


def _fair_summary(c: Ctx, sws: dict) -> str:
    t = c.t
    tuned = {r: s for r, s in sws.items() if s.best >= 0}
    if not tuned:
        return t("fair.none")
    lo = min(tuned, key=lambda r: tuned[r].best_lr)
    hi = max(tuned, key=lambda r: tuned[r].best_lr)
    text = t("fair.span", lo=c.labels[lo], lo_lr=fmt(tuned[lo].best_lr), hi=c.labels[hi],
             hi_lr=fmt(tuned[hi].best_lr), ratio=_times(tuned[hi].best_lr / tuned[lo].best_lr))
    text += _momentum_steps(c, tuned)
    shared, worst, worst_ratio = c.race.shared_lr, None, 1.0
    for r, s in tuned.items():
        loss, k = at_rate(s, shared)
        best_gap = max(float(s.final_loss[s.best]) - c.f_min, 1e-16)
        ratio = float("inf") if k >= 0 else max(loss - c.f_min, 1e-16) / best_gap
        if ratio > worst_ratio:
            worst, worst_ratio = r, ratio
    if worst is None:
        return text
    if worst_ratio == float("inf"):
        return text + " " + t("fair.shared_blows", lr=fmt(shared), name=c.labels[worst])
    return text + " " + t("fair.shared_costs", lr=fmt(shared), name=c.labels[worst],
                          ratio=_times(worst_ratio))


# ------------------------------------------------------------------ inside one optimizer


@st.cache_data(max_entries=32, show_spinner=False)
def _inside_spec(look: str, convention: str, knobs: tuple, where: tuple, colour: str,
                 projector: bool, titles: tuple) -> tuple[dict, int, pd.DataFrame, int]:
    quantities, arrows, diverged = data.inside_frames(look, convention, knobs, *where)
    style = style_for(projector)
    names, step_title, compass_title, down, taken = titles
    present = [q for q in QUANTITIES if (quantities.name == q).any()]
    axes = {}
    for name in present:
        mask = quantities.name == name
        axes[name] = data.axis_domain(quantities.value[mask].to_numpy(), name in POSITIVE)
        if name in POSITIVE:       # a log axis cannot show 0: lift it to the axis floor
            quantities.loc[mask, "value"] = quantities.value[mask].clip(lower=axes[name][0])
    anchor = pd.DataFrame({"zero": [0.0]})
    rows = [rc.state_row(quantities, name, anchor, style, title=names[name], color=colour,
                         log=name in POSITIVE, domain=axes[name][:2], core=axes[name][2],
                         step_title=step_title) for name in present]
    arrows = arrows.assign(which=arrows.which.map({"neg_g": down, "u": taken}).astype(str),
                           color=arrows.which.map({"neg_g": "#777777", "u": colour}).astype(str))
    n = int(quantities.step.max()) if len(quantities) else 0
    chart = rc.inside_view(rows, rc.compass(data.compact(arrows), style, title=compass_title),
                           style, n_steps=n, step_title=step_title)
    eff = quantities[quantities.name == "eff_lr"]
    return to_spec(chart), n, eff, diverged


def inside_section(c: Ctx, look: str) -> None:
    t = c.t
    st.subheader(t("inside", name=c.labels[look]))
    rule = RULE[look]
    st.latex(latex(rule) if c.race.convention == "torch" else keras_latex(rule))
    st.markdown(t(f"watch.{rule}"))
    names = {q: t(f"q.{q}") for q in QUANTITIES}
    titles = (names, c.F.t("frame.step"), t("compass"), t("q.neg_g"), t("q.u"))
    spec, n, eff, diverged = _inside_spec(look, c.race.convention, c.run_knobs[look], c.where,
                                          palette.color(c.colour[look]), c.F.projector, titles)
    if diverged >= 0:
        st.warning(t("inside_diverged", k=diverged))
    player(c.F, "inside", n, lambda step: show(with_step(spec, step), key="inside_chart"))
    st.caption(t("inside_help"))
    for param in ("x", "y"):
        e = eff[eff.param == param]
        if len(e):
            low = e.loc[e.value.idxmin()]
            st.markdown(t("eff_story", param=param, first=fmt(e.value.iloc[0]),
                          low=fmt(low.value), k=int(low.step), last=fmt(e.value.iloc[-1])))
