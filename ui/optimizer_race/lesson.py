"""The Optimizer Race's guided lesson (:func:`ui.lesson.lesson_box`): the five stages of
:data:`core.experiments.race_stages.STAGES` in the article's order, one predict-then-reveal
step each.

1. ravine    plain SGD at η just below 2/κ in the turned ravine: it zig-zags across the
             valley and crawls along it, each step keeping 1 − η of the way;
2. momentum  momentum 0.9 beside SGD at the same η: the running average builds speed
             along the floor;
3. adaptive  AdaGrad and RMSProp on the turned ravine, against the same bowl turned onto
             the axes: a per-weight step can only stretch along x and y;
4. adam      Adam beside its parents, momentum and RMSProp: its place on the board;
5. tuned     the article's five, each at the best rate of its own sweep: who is first.

The button loads the stage's race into the race's own controls
(:func:`ui.optimizer_race.controls.apply_preset`, plus its tolerance), so the race below
shows it. :func:`settings` lists every control value the race's run and its lesson depend
on; the reveal shows only while they all still hold. The reveal reruns the race through
the same cached calls as the race section (:mod:`ui.optimizer_race.data`), quotes the
stage's measured sentences (:func:`core.experiments.race_stages.lesson`) and names the
answer :func:`core.lessons.optimizer_race.stage_answer` decides from the same runs.
"""

from __future__ import annotations

import streamlit as st

from core.experiments.race_stages import STAGES, Stage, lesson, stage_knobs, stage_runs
from core.lessons.optimizer_race import stage_answer
from ui.lesson import Reveal, Step, lesson_box
from ui.numbers import fmt
from ui.optimizer_race import controls as ui
from ui.optimizer_race import data

P = "optimizer_race.stage"
NAMES = ("name", "first", "last")      # sentence values that are racer codes
CHOICES = {"ravine": ("crawl", "diverge", "fast"), "momentum": ("sooner", "same", "diverge"),
           "adaptive": ("axes", "either"), "adam": ("first", "middle", "last"),
           "tuned": ("adam", "classic", "adaptive")}


def settings(stage: Stage) -> dict:
    """The race controls' session values that make up the stage's race: every setting
    its run or its lesson depends on (racers, convention, bowl, start, steps, noise, rate
    mode, schedule, tolerance, each racer's knobs). The shared rate is absent: no stage
    races at one, and its slider is drawn only then. Tuples, never lists: the steps are
    module-level and shared by every session (:func:`ui.lesson.load` writes fresh lists)."""
    p = stage.preset
    out = {"opts": tuple(p.racers), "conv": "torch", "surface": p.surface,
           "kappa": p.kappa, "angle": p.angle, f"start.{p.surface}": tuple(p.start),
           "steps": p.steps, "noise": p.grad_noise, "lrmode": p.lr_mode,
           "sched": "constant", "tol": stage.tol}
    for r in p.racers:
        for knob, value in stage_knobs(stage, r).items():
            out[ui.knob_key(r, knob, "torch")] = value
    return out


def _loader(stage: Stage):
    def load() -> None:
        ui.apply_preset(stage.preset)
        st.session_state["tol"] = stage.tol
    return load


def _knobs(stage: Stage, racer: str) -> dict:
    """The racer's knobs as its panel holds them (the stage's values while it holds)."""
    ss = st.session_state
    return {k: ss.get(ui.knob_key(racer, k, "torch"), v)
            for k, v in stage_knobs(stage, racer).items()}


def measured(stage: Stage) -> tuple[dict, dict, dict | None]:
    """(runs, rates, aligned runs or None) of the stage's race
    (:func:`core.experiments.race_stages.stage_runs`), through the race section's own
    cached calls at the controls' values (which :func:`settings` pins to the stage's):
    each racer at its own rate, or in tuned mode at the best of its cached sweep."""
    p = stage.preset
    rest = (tuple(p.start), p.steps, p.grad_noise, int(st.session_state.get("seed", 0)), None)

    def run(r, knobs, angle):
        return data.race_run(r, "torch", data.knob_key(knobs), p.surface, (p.kappa, angle),
                             *rest)

    def sweep(r, knobs):
        return data.race_sweep(r, "torch", data.knob_key(knobs), p.surface,
                               (p.kappa, p.angle), *rest)

    return stage_runs(stage, run, sweep, lambda r: _knobs(stage, r))


def say(F, sentence) -> str:
    """One Sentence in the page's language: racer codes as names, numbers via fmt."""
    values = {k: ui.racer_label(F, v) if k in NAMES else
              str(v) if isinstance(v, int) else fmt(v) for k, v in sentence.values.items()}
    return F.t(f"{P}.{sentence.key}", **values)


def _revealer(stage: Stage):
    def reveal(F) -> Reveal:
        runs, lrs, aligned = measured(stage)
        text = F.join([say(F, s) for s in lesson(stage, runs, lrs, aligned)])
        return Reveal(stage_answer(stage, runs, aligned), text)
    return reveal


STEPS = tuple(Step(s.key, CHOICES[s.key], settings(s), _revealer(s), load=_loader(s),
                   extra={"stage": s}) for s in STAGES)


def lesson_ui(F) -> Step | None:
    """Draw the lesson box (right under the page's intro, before the race's controls);
    the revealed step or None."""
    return lesson_box(F, STEPS)
