"""A learning-rate schedule picker shared by the pages: one of torch's schedulers
(:mod:`core.schedules`), with at most one knob of its own; every parameter that depends on
the run's length N (T_max, step_size, T_0, warmup_steps, γ of a decay that ends at a
chosen fraction) is derived from N, so a link stays valid when the step count changes.

URL keys (``key`` = ``sched`` by default): ``sched`` (the schedule's name) and
``sched.<knob>`` (its knob). :func:`schedule_ui` draws the controls and returns a
:class:`Choice`; :func:`derive` turns it into a :class:`core.schedules.Schedule` for N
steps (None for the constant rate, so a run without a schedule is unchanged);
:func:`schedule_view` shows the formula (read from core's docstring) and η(t)/η.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import streamlit as st

from core.schedules import Schedule, schedule_latex
from ui import charts, controls, numbers
from ui.render import show

P = "schedules."


class Knob(NamedTuple):
    name: str
    lo: float
    hi: float
    default: float
    step: float
    fmt: str


NAMES: tuple[str, ...] = ("constant", "step_lr", "exponential_lr", "cosine_annealing_lr",
                          "polynomial_lr", "cosine_annealing_warm_restarts", "one_cycle_lr",
                          "warmup_cosine")
KNOB: dict[str, Knob] = {
    "step_lr": Knob("gamma", 0.05, 0.95, 0.5, 0.05, "%.2f"),
    "exponential_lr": Knob("final", 0.001, 0.5, 0.01, 0.001, "%.3f"),
    "polynomial_lr": Knob("power", 0.25, 3.0, 1.0, 0.25, "%.2f"),
    "cosine_annealing_warm_restarts": Knob("cycles", 1, 6, 3, 1, None),
    "one_cycle_lr": Knob("pct", 0.05, 0.5, 0.3, 0.05, "%.2f"),
    "warmup_cosine": Knob("warmup", 0.02, 0.5, 0.1, 0.02, "%.2f"),
}
STAGES = 4   # step_lr: the rate drops at each quarter of the run


class Choice(NamedTuple):
    """The picker's value: a schedule name and its knob, as (name, value) pairs."""

    name: str = "constant"
    knobs: tuple = ()

    def schedule(self, steps: int) -> Schedule | None:
        return derive(self.name, dict(self.knobs), steps)


def derive(name: str, knobs: dict, steps: int) -> Schedule | None:
    """The torch schedule for a run of ``steps`` steps (None for ``constant``)."""
    N = int(steps)
    k = ({KNOB[name].name: KNOB[name].default} if name in KNOB else {}) | dict(knobs)
    if name == "constant":
        return None
    if name == "step_lr":
        return Schedule(name, {"step_size": max(1, N // STAGES), "gamma": float(k["gamma"])})
    if name == "exponential_lr":
        return Schedule(name, {"gamma": float(k["final"]) ** (1.0 / N)})
    if name == "cosine_annealing_lr":
        return Schedule(name, {"T_max": N})
    if name == "polynomial_lr":
        return Schedule(name, {"total_iters": N, "power": float(k["power"])})
    if name == "cosine_annealing_warm_restarts":
        return Schedule(name, {"T_0": max(1, N // int(k["cycles"]))})
    if name == "one_cycle_lr":
        return Schedule(name, {"pct_start": float(k["pct"])})
    if name == "warmup_cosine":
        return Schedule(name, {"warmup_steps": int(round(float(k["warmup"]) * N))})
    raise ValueError(f"unknown schedule {name!r}; choose one of {', '.join(NAMES)}")


def schedule_ui(F, *, key: str = "sched", where=st) -> Choice:
    """The schedule picker (URL-bound); its knob, if it has one, right under it."""
    name = controls.select(F, key, F.t(P + "label"), NAMES, "constant",
                           lambda s: F.t(P + f"name.{s}"), where=where, help=F.t(P + "help"))
    knob = KNOB.get(name)
    if knob is None:
        return Choice(name)
    value = controls.slider(F, f"{key}.{knob.name}", F.t(P + f"knob.{knob.name}"), knob.lo,
                            knob.hi, knob.default, knob.step, fmt=knob.fmt, where=where)
    return Choice(name, ((knob.name, value),))


def describe(F, choice: Choice, steps: int) -> str:
    """One sentence: how this schedule's parameters follow from the run (computed)."""
    sched = choice.schedule(steps)
    if sched is None:
        return F.t(P + "says.constant")
    fill = {k: (numbers.precise(v, 4) if isinstance(v, float) else v)
            for k, v in (dict(choice.knobs) | dict(sched.kw)).items()}
    return F.t(P + f"says.{choice.name}", N=steps, **fill)


def relative_rates(choice: Choice, steps: int) -> np.ndarray:
    """η_t/η for t = 1 … steps: the schedule from a base rate of 1 (every schedule here is
    proportional to its base rate, so each racer's own rates are this times its η)."""
    sched = choice.schedule(steps)
    return np.ones(steps) if sched is None else sched.rates(1.0, steps)


def schedule_view(F, choice: Choice, steps: int, *, chart_key: str = "lr_schedule"):
    """The schedule's formula (core's LaTeX), the sentence of :func:`describe` and a
    small chart of η_t/η (draw it inside ``with container:``). Nothing for a constant rate."""
    if choice.name == "constant":
        return
    st.latex(schedule_latex(choice.name))
    st.caption(describe(F, choice, steps))
    rates = pd.DataFrame({"step": np.arange(1, steps + 1), "lr": relative_rates(choice, steps)})
    chart = charts.lr_schedule_chart(rates.astype({"lr": "float32"}), F.style,
                                     step_title=F.t(P + "axis.step"),
                                     y_title=F.t(P + "axis.lr"))
    show(chart, key=chart_key)
