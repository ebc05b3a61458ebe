"""The fair comparison: each racer's learning-rate sweep (final f − f* against η on the
page's grid), the rate the race used ringed, and a summary of how far the best rates lie
apart and what one shared rate costs the racer it suits least.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.experiments.race import at_rate
from ui.downloads import chart_files, sweeps_table
from ui.numbers import finite_or_nan, fmt
from ui.numbers import ratio as factor
from ui.optimizer_race import charts as rc
from ui.optimizer_race import data
from ui.optimizer_race.context import Ctx
from ui.render import compact, show, to_spec
from ui.style import style_for


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
    return to_spec(rc.sensitivity_view(compact(sweeps), compact(chosen_df),
                                       style_for(projector), x_title=x_title, y_title=y_title,
                                       diverged_label=diverged, chosen_label=used))


def fair_section(c: Ctx) -> None:
    t = c.t
    st.subheader(t("fair"))
    st.markdown(t("fair_intro", n=len(data.SWEEP_LRS)))
    sweep_knobs = tuple(data.knob_key(c.knobs[r]) for r in c.race.racers)
    titles = (t("lr_axis"), t("gap_axis"), t("board.diverged_short"), t("chosen_lr"))
    with c.F.busy():
        spec = _sensitivity_spec(c.key(), sweep_knobs, c.race.convention, c.where, c.f_min,
                                 c.F.projector, titles)
    sws = c.sweeps()
    show(spec, key="sensitivity", files=chart_files(c.F, "race-sweeps", lambda: sweeps_table(
        {c.labels[r]: s for r, s in sws.items()}, c.f_min)))
    st.caption(t("fair_help"))
    st.caption(c.F.t("frame.tuning_rule"))
    st.markdown(_fair_summary(c, sws))


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
    if len(tuned) == 1:
        text = t("fair.single", name=c.labels[lo], lr=fmt(tuned[lo].best_lr))
    elif tuned[lo].best_lr == tuned[hi].best_lr:
        text = t("fair.same", lr=fmt(tuned[lo].best_lr))
    else:
        text = t("fair.span", lo=c.labels[lo], lo_lr=fmt(tuned[lo].best_lr), hi=c.labels[hi],
                 hi_lr=fmt(tuned[hi].best_lr),
                 ratio=factor(tuned[hi].best_lr / tuned[lo].best_lr))
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
                          ratio=factor(worst_ratio))
