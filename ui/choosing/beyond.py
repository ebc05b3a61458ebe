"""Beyond Adam: one part per newer rule, each testing the guide rule that favours it.

AdamW (decoupled decay vs Adam + L2), Adafactor (factored state), Lion (sign steps),
Muon (orthogonalised matrix steps) and Schedule-Free AdamW (no schedule), all on the
app's network at tuned rates. Reads :func:`ui.choosing.data.beyond_part`, asks
:mod:`core.findings.beyond` what each part shows, words the guide's verdict.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments.beyond_tuning import BATCH, LR_GRID, NET, STEPS
from core.findings import beyond, guide
from ui import charts, palette
from ui.choosing import charts as cc
from ui.choosing import controls as ui
from ui.choosing import data
from ui.choosing.controls import P
from ui.choosing.wording import g3, labels, pct, verdict_text
from ui.downloads import chart_files
from ui.numbers import fmt, grid_words
from ui.render import columns, show

# Each rule in its colour of every page (ui.palette); AdamW under a cosine schedule, the
# one series that is not a rule of its own, takes a light blue no rule of these charts uses.
COLORS = {"adamw": palette.color("adamw"), "adam_l2": palette.color("adam"),
          "adafactor": palette.color("adafactor"), "lion": palette.color("lion"),
          "muon": palette.color("muon_adamw"), "adamw_cosine": "#56B4E9",
          "schedule_free": palette.color("schedule_free_adamw")}
# The guide's rule each part tests (the rule whose experiment is that part).
REASON = {r.experiment.removeprefix("beyond_"): r.reason for r in guide.RULES
          if r.experiment.startswith("beyond_")}


def beyond_section(F) -> None:
    t = F.texts(P)
    st.header(t("beyond.head"), divider="gray")
    st.markdown(t("beyond.intro", n_points=NET["n"], hidden=NET["hidden"],
                  params=4 * NET["hidden"] + 1, steps=STEPS, **grid_words(LR_GRID)))
    part = ui.part_ui(F)
    with F.busy():
        rec = data.beyond_part(part)
    _BLOCKS[part](F, rec)
    reason = REASON[part]
    st.markdown(f"**{t(f'guide.rule.{reason}')}** "
                + verdict_text(F, reason, guide.verdict(reason, {f"beyond_{part}": rec}),
                               labels(F, guide.CANDIDATES)))
    st.caption(F.t("frame.tuning_rule"))


def lines(F, frame: pd.DataFrame, key: str, x_title: str, y_title: str,
          log: bool = False) -> None:
    """Lines of y against x, one per series (label), in the part's colours."""
    colors = {label: COLORS[k] for k, label in frame[["key", "series"]].drop_duplicates()
              .itertuples(index=False)}
    if log:                                  # a log axis cannot show 0
        show(cc.log_lines_view(frame[frame.y > 0], F.style, x_title=x_title, y_title=y_title,
                               colors=colors), key=key,
             files=chart_files(F, key.replace("_", "-"), frame))
        return
    show(charts.finish(charts.curve_layers(frame, F.style, x_title=x_title, y_title=y_title,
                                           colors=colors), F.style), key=key,
         files=chart_files(F, key.replace("_", "-"), frame))


def frame(rows) -> pd.DataFrame:
    """(key, label, x, y) tuples of arrays → the long frame curve_layers draws."""
    return pd.concat([pd.DataFrame({"key": k, "series": s, "x": np.asarray(x, float),
                                    "y": np.asarray(y, float)}) for k, s, x, y in rows],
                     ignore_index=True)


def run_label(F, key: str, tuned) -> str:
    return F.t(P + "beyond.run", name=F.t(P + f"beyond.name.{key}"), lr=g3(tuned.lr))


def loss_chart(F, runs: dict, key: str) -> None:
    """The loss at every step of each contender at its tuned rate."""
    steps = np.arange(STEPS + 1)
    lines(F, frame([(k, run_label(F, k, tu), steps, tu.curve) for k, tu in runs.items()]),
          key, F.t("frame.step"), F.t(P + "beyond.axis.loss"))


# ------------------------------------------------------------------ the parts


def adamw_block(F, rec) -> None:
    t = F.texts(P)
    f = beyond.decay_findings(rec)
    d = rec.decay
    order = np.arange(1, len(d.l2) + 1)
    left, right = columns(F, 2)
    with left:
        lines(F, frame([("adam_l2", t("beyond.name.adam_l2"), order, np.sort(d.l2)[::-1]),
                        ("adamw", t("beyond.name.adamw"), order, np.sort(d.adamw)[::-1])]),
              "beyond_decay", t("beyond.axis.weight_rank"), t("beyond.axis.decay"), log=True)
    with right:
        st.markdown(t("beyond.adamw.story", lr=g3(d.lr), wd=g3(d.wd), steps=STEPS,
                      eta_lambda=g3(f.eta_lambda), n=len(d.l2), lo=g3(f.l2_lo),
                      median=g3(f.l2_median), hi=g3(f.l2_hi), spread=g3(f.l2_spread),
                      times=g3(f.times)))


def adafactor_block(F, rec) -> None:
    t = F.texts(P)
    m = rec.memory
    names = {**labels(F, m.floats), "muon": t("beyond.memory.muon")}
    heads = [t("beyond.memory.shape", m=s[0], n=s[1], params=fmt(p))
             for s, p in zip(m.shapes, m.params, strict=True)]
    table = {t("table.name"): [names[k] for k in m.floats]}
    for j, head in enumerate(heads):
        table[head] = [t("beyond.memory.cell", floats=fmt(v[j]), share=g3(v[j] / m.params[j]))
                       for v in m.floats.values()]
    st.markdown(t("beyond.adafactor.memory_intro"))
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    a, w = m.floats["adafactor"], m.floats["adamw"]
    st.markdown(t("beyond.adafactor.story", w1_ada=fmt(a[0]), w1_adamw=fmt(w[0]),
                  big_ada=fmt(a[1]), big_adamw=fmt(w[1]), saving=fmt(w[1] / a[1])))
    loss_chart(F, {"adamw": rec.adamw, "adafactor": rec.adafactor}, "beyond_adafactor")


def lion_block(F, rec) -> None:
    t = F.texts(P)
    f = beyond.lion_findings(rec)
    pcts = np.linspace(0, 100, len(rec.lion_steps.ratio))
    left, right = columns(F, 2)
    with left:
        lines(F, frame([("lion", run_label(F, "lion", rec.lion), pcts, rec.lion_steps.ratio),
                        ("adamw", run_label(F, "adamw", rec.adamw), pcts,
                         rec.adamw_steps.ratio)]),
              "beyond_steps", t("beyond.axis.percentile"), t("beyond.axis.step_size"), log=True)
    with right:
        st.markdown(t("beyond.lion.story", count=fmt(rec.lion_steps.count), steps=STEPS,
                      weights=4 * NET["hidden"] + 1,
                      deviation=fmt(f.deviation), exact=pct(f.exact), p5=g3(f.adamw_p5),
                      p50=g3(f.adamw_p50), p95=g3(f.adamw_p95),
                      lion_floats=fmt(rec.memory.floats["lion"][1]),
                      adamw_floats=fmt(rec.memory.floats["adamw"][1])))
    loss_chart(F, {"adamw": rec.adamw, "lion": rec.lion}, "beyond_lion")


def muon_block(F, rec) -> None:
    t = F.texts(P)
    f = beyond.muon_findings(rec)
    s = rec.spectra
    steps = np.arange(1, len(s.muon) + 1)
    left, right = columns(F, 2)
    with left:
        lines(F, frame([("muon", run_label(F, "muon", rec.muon), steps, beyond.balance(s.muon)),
                        ("adamw", run_label(F, "adamw", rec.adamw), steps,
                         beyond.balance(s.adamw))]),
              "beyond_spectra", F.t("frame.step"), t("beyond.axis.balance"))
    with right:
        st.markdown(t("beyond.muon.story", hidden=NET["hidden"], lo=g3(f.lo), hi=g3(f.hi),
                      start_lo=g3(f.start_lo), muon_balance=g3(f.muon_balance),
                      adamw_balance=g3(f.adamw_balance), adamw_worst=g3(f.adamw_worst),
                      muon_lopsided=pct(f.muon_lopsided),
                      adamw_lopsided=pct(f.adamw_lopsided), spread=g3(beyond.SPREAD)))
    loss_chart(F, {"adamw": rec.adamw, "muon": rec.muon}, "beyond_muon")


def schedule_free_block(F, rec) -> None:
    t = F.texts(P)
    f = beyond.schedule_free_findings(rec)
    st.markdown(t("beyond.sf.intro", batch=BATCH, steps=STEPS))
    loss_chart(F, {"adamw": rec.constant, "adamw_cosine": rec.cosine,
                   "schedule_free": rec.sf}, "beyond_sf")
    st.markdown(t("beyond.sf.story", half=f.half, sf_half=g3(f.sf_half),
                  cosine_half=g3(f.cosine_half), constant_half=g3(f.constant_half),
                  steps=STEPS))


_BLOCKS = {"adamw": adamw_block, "adafactor": adafactor_block, "lion": lion_block,
           "muon": muon_block, "schedule_free": schedule_free_block}
