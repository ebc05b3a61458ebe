"""The staged sequence above the race: a bar of five stages in the article's order
(:data:`core.experiments.race_stages.STAGES`); a click loads the stage's race into the
URL-bound controls and shows its lesson, measured from the run on the map.

The chosen stage is in the URL (``stage=1`` … ``stage=5``); a link with it loads the stage
on the session's first run, before the controls are drawn (so it wins over the link's
other settings). The lesson shows only while the controls still equal the stage's race:
moving any of them leaves the stage.
"""

from __future__ import annotations

import math

import streamlit as st

from core.experiments.race_stages import STAGES, Stage, lesson, stage_knobs
from ui.controls import as_code
from ui.numbers import fmt
from ui.optimizer_race import controls as ui
from ui.optimizer_race import data
from ui.optimizer_race.context import Ctx

P = "optimizer_race.stage"
URL = "stage"
BAR = "_stage_bar"          # the segmented control's session key: "1" … "5" or None
_READ = "_stage_link_read"  # set once the session's first run has read the link
_BAD = "_stage_bad_link"    # a stage value from the link that could not be used
CODES = tuple(str(i) for i in range(1, len(STAGES) + 1))
NAMES = ("name", "first", "last")      # values that are racer codes


def stage_of(code: str | None) -> Stage | None:
    return STAGES[int(code) - 1] if code in CODES else None


def stage_from_link() -> None:
    """On the session's first run (call it before the race controls are drawn): load the
    link's stage, or remember a bad value for the notice."""
    ss = st.session_state
    if _READ in ss:
        return
    ss[_READ] = True
    raw = st.query_params.get(URL)
    if raw is None:
        return
    if raw in CODES:
        _load(raw)
        ss[BAR] = raw
    else:
        ss[_BAD] = raw
        st.query_params.pop(URL, None)


def _load(code: str) -> None:
    stage = stage_of(code)
    ui.apply_preset(stage.preset)
    st.session_state["tol"] = stage.tol
    st.query_params[URL] = code


def _picked() -> None:
    """The bar's callback: load the picked stage (a second click on it clears the bar)."""
    code = st.session_state.get(BAR)
    if code in CODES:
        _load(code)
        st.session_state.pop(_BAD, None)
    else:
        st.query_params.pop(URL, None)


def matches(stage: Stage, race: ui.Race, knobs: dict) -> bool:
    """True while the controls still hold the stage's race (every setting that changes
    the run or its lesson)."""
    p = stage.preset
    same = (list(race.racers) == list(p.racers) and not race.sitting_out
            and race.convention == "torch" and race.surface == p.surface
            and tuple(race.start) == tuple(p.start) and race.steps == p.steps
            and race.noise == p.grad_noise and race.lr_mode == p.lr_mode
            and race.schedule is None and math.isclose(race.tol, stage.tol)
            and (p.lr_mode != "shared" or race.shared_lr == p.shared_lr)
            and (p.surface != "bowl" or (race.kappa, race.angle) == (p.kappa, p.angle)))
    return same and all(_same_knobs(knobs.get(r, {}), stage_knobs(stage, r)) for r in p.racers)


def _same_knobs(got: dict, want: dict) -> bool:
    return set(got) == set(want) and all(
        got[k] == want[k] if isinstance(want[k], bool) else math.isclose(got[k], want[k])
        for k in want)


def active(race: ui.Race, knobs: dict) -> Stage | None:
    """The chosen stage if the controls still hold its race; otherwise the stage is left
    (bar cleared, ``stage`` removed from the URL). Call before :func:`stage_bar`."""
    ss = st.session_state
    stage = stage_of(ss.get(BAR))
    if stage is None:
        return None
    if matches(stage, race, knobs):
        return stage
    ss["_stage_left"] = ss[BAR]
    ss[BAR] = None
    st.query_params.pop(URL, None)
    return None


def stage_bar(F) -> None:
    """The five stages as one segmented control, with the notice for a bad link."""
    ss = st.session_state
    if _BAD in ss and ss.get(BAR) is None:
        st.warning(F.t("frame.bad_url", name=F.t(P + ".label"), value=as_code(ss[_BAD]),
                       reason=F.t("frame.reason_choice", choices=", ".join(CODES)),
                       default=as_code(F.t(P + ".none"))), icon=":material/link_off:")
    st.segmented_control(F.t(P + "s"), CODES, key=BAR, on_change=_picked,
                         format_func=lambda c: F.t(P + f".title.{stage_of(c).key}"),
                         help=F.t(P + "s_help"))
    left = ss.pop("_stage_left", None)
    if left is not None:
        st.caption(F.t(P + ".left", n=left))


def sentences(c: Ctx, stage: Stage) -> list:
    """The stage's lesson (core Sentence records) from the page's own cached runs."""
    runs = c.runs()
    aligned = None
    if stage.key == "adaptive":
        kappa = c.race.kappa
        where = (c.where[0], (kappa, 0.0)) + c.where[2:]
        aligned = {r: data.race_run(r, c.race.convention, c.run_knobs[r], *where)
                   for r in c.race.racers}
    return lesson(stage, runs, dict(c.lrs), aligned)


def say(F, sentence) -> str:
    """One Sentence in the page's language: racer codes as names, numbers via fmt."""
    values = {k: ui.racer_label(F, v) if k in NAMES else
              str(v) if isinstance(v, int) else fmt(v) for k, v in sentence.values.items()}
    return F.t(f"{P}.{sentence.key}", **values)


def lesson_view(c: Ctx, stage: Stage) -> None:
    """The stage's title, set-up and measured lesson, above the race."""
    F = c.F
    with st.container(border=True):
        st.markdown(f"**{F.t(P + f'.title.{stage.key}')}** — {F.t(P + f'.setup.{stage.key}')}")
        st.markdown(F.join([say(F, s) for s in sentences(c, stage)]))
