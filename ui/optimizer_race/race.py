"""The race itself: every chosen racer on one surface, drawn as paths on the map (scrubbed
or played step by step), ranked in a leaderboard (steps until f − f* ≤ tol, then final
loss) and told in a summary; plus the note on what the Keras conventions change.

Chart specs are built by bounded, cached functions of primitives (runs come from the
caches in :mod:`ui.optimizer_race.data`), so a rerun that changes nothing in a chart
only unpickles its spec. Play runs in the browser (ui.play): no rerun while it plays.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments.race import (
    HOP_WINDOW,
    hop_range,
    hops,
    leaderboard,
    nearest_minimum,
    standing,
)
from core.experiments.racers import RULE, TORCH_ONLY, default_knobs
from core.optimizers import make
from ui import charts, palette, schedules
from ui.cache import surface_picture
from ui.downloads import chart_files, csv, trajectories
from ui.geometry import path_frame
from ui.numbers import fmt, precise
from ui.optimizer_race import controls as ui
from ui.optimizer_race import data
from ui.optimizer_race.context import Ctx
from ui.play import PlayText, play_text
from ui.render import compact, show, to_spec
from ui.style import style_for

P = ui.P


@cache
def muon_step_length() -> float:
    """|u|/η of torch's Muon (its defaults, no weight decay) on a 1×2 matrix: the length its
    five Newton–Schulz steps give a single singular value of 1."""
    opt = make("muon", lr=1.0, weight_decay=0.0)
    x = np.zeros((1, 2))
    u, _ = opt.update(np.array([[3.0, 4.0]]), opt.init(x), x)
    return float(np.linalg.norm(u))


def sitting_out_note(F, names: list[str]) -> None:
    """Racers chosen but not run in Keras's conventions, and why (one sentence)."""
    if names:
        st.info(F.t(P + "torch_only", names=", ".join(names)))


def keras_note(F, racers: list[str]) -> None:
    """What the Keras conventions change: the formulas in words, the defaults computed."""
    t = F.texts(P)
    rules = list(dict.fromkeys(RULE[r] for r in racers))
    st.info(t("keras_intro") + "\n\n" + "\n".join(f"- {t(f'keras_diff.{r}')}" for r in rules))
    rows = []
    for r in racers:
        torch, keras = default_knobs(r, "torch"), default_knobs(r, "keras")
        rows += [(ui.racer_label(F, r, "keras"), t(f"knob.{k}"), precise(torch[k], 6),
                  precise(keras[k], 6)) for k in torch if torch[k] != keras[k]]
    if rows:
        st.caption(t("keras_table"))
        st.dataframe(pd.DataFrame(rows, columns=[t("board.name"), t("keras_table.knob"),
                                                 t("keras_table.torch"), t("keras_table.keras")]),
                     hide_index=True, width="stretch")


@st.cache_data(max_entries=64, show_spinner=False)
def _race_spec(racers: tuple, convention: str, where: tuple, f_min: float, projector: bool,
               loss_title: str, play: PlayText, tips: dict) -> dict:
    surface, bowl = where[0], where[1]
    paths = compact(pd.concat(
        [path_frame(label, colour, data.race_run(r, convention, knobs, *where), f_min=f_min)
         for r, knobs, label, colour in racers], ignore_index=True))
    params = data.surface_of(surface, bowl).params
    cells, lines, minima, log_color = surface_picture(surface, params)
    chart = charts.surface_view(cells, compact(lines), minima, paths, style_for(projector),
                                log_color=log_color, loss_title=loss_title,
                                step_title=play.step, n_steps=where[3], play=play, tips=tips)
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
    if race.schedule is not None:
        st.markdown(t("schedule_says"))
        schedules.schedule_view(c.F, race.schedule_choice, race.steps)
        if "rprop" in race.racers:
            st.caption(t("rprop_schedule"))
    spec = _race_spec(c.key(), race.convention, c.where, c.f_min, c.F.projector,
                      t("gap_axis"), play_text(c.F), charts.tip_titles(c.F.t))
    runs = c.runs()
    paths = {c.labels[r]: runs[r] for r in race.racers}
    show(spec, key="race_map", pick=True,
         files=chart_files(c.F, "race-map", lambda: trajectories(paths)))
    st.caption(t("map_help"))
    if "schedule_free_adamw" in race.racers:
        y, x = data.averaged_losses(c.run_knobs["schedule_free_adamw"], *c.where)
        st.caption(t("sf_note", x=fmt(x - c.f_min, 4), y=fmt(y - c.f_min, 4)))
    if any(r in TORCH_ONLY for r in race.racers):   # a race beyond the article's rules
        st.caption(t("muon_note", length=fmt(muon_step_length(), 2)))
    surface = data.surface_of(race.surface, race.bowl)
    rows = leaderboard([standing(r, runs[r], c.f_min, race.tol, surface.nearest_minimum_distance)
                        for r in race.racers])
    _leaderboard(c, rows)
    st.markdown(_summary(c, rows, runs, surface))
    story = _beyond(c, rows, runs)
    if story:
        st.markdown(story)


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
    colours = [f"color: {palette.text_color(c.colour[r.racer])}; font-weight: 600" for r in rows]
    c.F.table(table, lambda s: s.apply(lambda _: colours, subset=[s.data.columns[1]]),
              hide_index=True, width="stretch")
    csv(c.F, "race-leaderboard", table)


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


def _beyond(c: Ctx, rows, runs: dict) -> str:
    """What the newer rules did in this run: who arrived (steps, rate), and for a Lion that
    did not, the range its loss keeps hopping in over the last steps (all measured)."""
    t, lines = c.t, []
    for row in rows:
        if row.racer in ("rprop", "schedule_free_adamw", "lion") and row.steps_to_tol >= 0:
            lines.append(t("beyond.arrived", name=c.labels[row.racer], k=row.steps_to_tol,
                           lr=fmt(c.lrs[row.racer])))
    lion = next((r for r in rows if r.racer == "lion"), None)
    if lion is not None and lion.diverged_at < 0 and c.race.schedule is None:
        lo, hi = hop_range(runs["lion"], c.f_min)
        if lo > c.race.tol and hops(runs["lion"]):   # above tol, and going up and down
            lines.append(t("beyond.lion", lr=fmt(c.lrs["lion"]), n=HOP_WINDOW, lo=fmt(lo),
                           hi=fmt(hi)))
    return c.F.join(lines)
