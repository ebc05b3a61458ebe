"""Widgets of the Optimizer Race page: each ``*_ui`` draws its controls (all bound to the
URL through :mod:`ui.controls`) and returns the user's choices.

URL keys: ``opts`` ``conv`` ``surface`` ``kappa`` ``angle`` ``start.<surface>`` ``steps`` ``noise``
``seed`` ``lrmode`` ``lr`` ``tol`` ``sched`` ``sched.<knob>`` (:mod:`ui.schedules`) ``look``
``closer``, the network's ``data`` ``npts`` ``dnoise`` ``hidden`` ``batch`` ``nsteps``
``muon``, and one key per hyperparameter knob:
``<racer>.<knob>`` (torch convention) or ``k.<racer>.<knob>`` (Keras convention), so
each convention keeps its own defaults.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from core.experiments.race import PRESETS, Preset
from core.experiments.racers import (
    BOWL,
    CLASSIC_RACERS,
    CONVENTIONS,
    KNOBS,
    LOG_KNOBS,
    RACERS,
    default_knobs,
    knob_range,
    offered,
    race_start,
    race_steps,
)
from core.optimizers import defaults
from core.problems.datasets import DATASET_NAMES
from core.problems.surfaces import SURFACE_NAMES
from core.schedules import Schedule
from ui import controls, numbers, schedules
from ui.optimizer_race.data import EPS_STOPS, LR_STOPS, SWEEP_LRS, T0_STOPS, surface_of
from ui.text import CATALOGUE

P = "optimizer_race."
DEFAULT_RACERS = ("sgd", "momentum", "adagrad", "rmsprop", "adam")
LR_MODES = ("tuned", "shared", "own")
SECTIONS = ("fair", "inside", "network")
_SHOWN = "_race_surface_shown"     # session key: the surface the steps default belongs to
SLIDER = {  # knob: (step, format)
    "momentum": (0.001, "%.3f"), "b1": (0.001, "%.3f"), "b2": (0.0001, "%.4f"),
    "alpha": (0.0001, "%.4f"), "rho": (0.0001, "%.4f"),
    "initial_accumulator_value": (0.01, "%.2f"), "weight_decay": (0.001, "%.3f"),
    "eta_minus": (0.01, "%.2f"), "eta_plus": (0.01, "%.2f"), "lambd": (0.0001, "%.4f"),
    "beta2_decay": (0.05, "%.2f"), "d": (0.1, "%.1f"), "warmup_steps": (10, None),
}
STOPS = {"lr": LR_STOPS, "eps": EPS_STOPS, "t0": T0_STOPS}


class Race(NamedTuple):
    racers: list[str]
    convention: str
    surface: str
    kappa: float
    angle: float
    start: tuple[float, float]
    steps: int
    noise: float
    seed: int
    lr_mode: str
    shared_lr: float
    tol: float
    schedule_choice: schedules.Choice = schedules.Choice()
    sitting_out: tuple = ()      # chosen racers the convention cannot run (Keras: newer rules)

    @property
    def schedule(self) -> Schedule | None:
        """The race's schedule for its number of steps (None: a constant rate)."""
        return self.schedule_choice.schedule(self.steps)

    @property
    def bowl(self) -> tuple[float, float]:
        """(κ, angle) of the bowl, the shape every cached call of the page takes."""
        return (self.kappa, self.angle)


class Net(NamedTuple):
    dataset: str
    n: int
    noise: float
    hidden: int
    batch: int
    steps: int
    muon: bool = False


def knob_key(racer: str, knob: str, convention: str) -> str:
    return f"{racer}.{knob}" if convention == "torch" else f"k.{racer}.{knob}"


def knob_label(F, racer: str, knob: str) -> str:
    """The knob's label: a racer's own wording where the same name means something else
    (ASGD's α), else the shared one."""
    own = P + f"knob.{racer}.{knob}"
    return F.t(own) if own in CATALOGUE["en"] else F.t(P + f"knob.{knob}")


def racer_label(F, racer: str, convention: str = "torch") -> str:
    label = F.t(P + f"racer.{racer}")
    return F.t(P + "racer.keras_nadam") if (racer, convention) == ("nadam", "keras") else label


def preset_ui(F) -> None:
    """A preset picker whose button rewrites the race controls before they are drawn: a
    select box, or in projector mode radio buttons, whose long names wrap in the sidebar."""
    names = list(PRESETS)
    with st.sidebar.container(border=True):
        pick = st.radio if F.projector else st.selectbox
        choice = pick(F.t(P + "preset"), names, key="_preset",
                      format_func=lambda k: F.t(P + f"preset.{k}"))
        st.button(F.t(P + "preset_load"), key="_preset_load", on_click=_apply_preset,
                  args=(choice,), icon=":material/restart_alt:")


def _apply_preset(name: str) -> None:
    apply_preset(PRESETS[name])


def apply_preset(p: Preset) -> None:
    """Rewrite the race controls' session values to the ready-made race ``p`` (call it in
    a widget callback or before the controls are drawn; their URL keys follow)."""
    ss = st.session_state
    ss["opts"], ss["conv"], ss["surface"], ss["lrmode"] = list(p.racers), "torch", p.surface, \
        p.lr_mode
    ss["kappa"], ss["angle"], ss["steps"] = p.kappa, p.angle, p.steps
    ss["noise"], ss["lr"], ss[_SHOWN] = p.grad_noise, p.shared_lr, p.surface
    ss["sched"] = "constant"            # presets race at constant rates
    controls.set_point(f"start.{p.surface}", p.start,
                       race_start(surface_of(p.surface, (p.kappa, p.angle))))
    for racer in p.racers:
        for knob, value in {**default_knobs(racer), **p.knobs.get(racer, {})}.items():
            ss[knob_key(racer, knob, "torch")] = value


def race_ui(F) -> Race:
    """The race's set-up in the sidebar."""
    t = F.t
    sb = st.sidebar
    sb.subheader(t(P + "setup"))
    chosen = controls.multiselect(F, "opts", t(P + "racers"), RACERS, DEFAULT_RACERS,
                                  lambda r: t(P + f"racer.{r}"), where=sb,
                                  help=t(P + "racers_help"))
    convention = controls.select(F, "conv", t(P + "convention"), CONVENTIONS, "torch",
                                 lambda c: t(P + f"convention.{c}"), where=sb, horizontal=True,
                                 help=t(P + "convention_help"))
    racers = [r for r in chosen if r in offered(convention)]
    sitting_out = tuple(r for r in chosen if r not in racers)
    surface = controls.select(F, "surface", t(P + "surface"), SURFACE_NAMES, "rosenbrock",
                              lambda s: t(P + f"surface.{s}"), where=sb)
    kappa, angle = BOWL["kappa"], BOWL["angle"]
    if surface == "bowl":
        kappa = controls.slider(F, "kappa", t(P + "kappa"), 1.0, 300.0, kappa, 1.0, where=sb,
                                help=t(P + "kappa_help"))
        angle = controls.slider(F, "angle", t(P + "angle"), -90.0, 90.0, angle, 5.0, where=sb,
                                help=t(P + "angle_help"))
    s = surface_of(surface, (kappa, angle))
    start_key, home = f"start.{surface}", race_start(s)
    picked = controls.picked("race_map")
    if picked is not None:
        controls.set_point(start_key, picked, home)
    start = controls.point(F, start_key, t(P + "start"), home, s.domain)
    sb.caption(t(P + "start_now", x=f"{start[0]:.3g}", y=f"{start[1]:.3g}"))
    if start != tuple(home):
        sb.button(t(P + "start_reset"), key="_start_reset", on_click=controls.set_point,
                  args=(start_key, home, home), icon=":material/home_pin:")
    _follow_surface(surface)
    steps = controls.slider(F, "steps", t(P + "steps"), 50, 1000, race_steps(surface), 50,
                            where=sb)
    noise = controls.slider(F, "noise", t(P + "noise"), 0.0, 10.0, 0.0, 0.1, where=sb,
                            help=t(P + "noise_help"))
    seed = controls.integer(F, "seed", t(P + "seed"), 0, 9999, 0, where=sb)
    lr_mode = controls.select(F, "lrmode", t(P + "lr_mode"), LR_MODES, "tuned",
                              lambda m: t(P + f"lr_mode.{m}"), where=sb,
                              help=t(P + "lr_mode_help", n=len(SWEEP_LRS),
                                     lo=numbers.fmt(SWEEP_LRS[0]), hi=numbers.fmt(SWEEP_LRS[-1])))
    shared = 0.01
    if lr_mode == "shared":
        shared = controls.log_slider(F, "lr", t(P + "shared_lr"), 1e-4, 10.0, 0.01,
                                     stops=LR_STOPS, where=sb)
    choice = schedules.schedule_ui(F, where=sb)
    tol = controls.log_slider(F, "tol", t(P + "tol"), 1e-8, 1.0, 1e-3, 1, where=sb,
                              help=t(P + "tol_help"))
    return Race(racers, convention, surface, kappa, angle, start, steps, noise, seed, lr_mode,
                shared, tol, choice, sitting_out)


def _follow_surface(surface: str) -> None:
    """On a switch of surface, a step count left at the old surface's default moves to the
    new surface's default (a count the user chose stays)."""
    ss = st.session_state
    shown = ss.get(_SHOWN)
    if shown is not None and shown != surface and ss.get("steps") == race_steps(shown):
        ss["steps"] = race_steps(surface)
    ss[_SHOWN] = surface


def knobs_ui(F, racers: list[str], convention: str, lr_mode: str) -> dict[str, dict]:
    """One tab of hyperparameters per chosen racer; returns racer -> knobs."""
    tabs = st.tabs([racer_label(F, r, convention) for r in racers])
    chosen = {}
    for racer, tab in zip(racers, tabs, strict=True):
        with tab:
            chosen[racer] = _panel(F, racer, convention, lr_mode)
    return chosen


def _panel(F, racer: str, convention: str, lr_mode: str) -> dict:
    defaults = default_knobs(racer, convention)
    cols = st.columns(3)
    knobs = {}
    for i, knob in enumerate(KNOBS[racer]):
        key, label, where = knob_key(racer, knob, convention), knob_label(F, racer, knob), \
            cols[i % 3]
        default = defaults[knob]
        if knob in LOG_KNOBS:
            lo, hi = knob_range(racer, knob)
            value = controls.log_slider(F, key, label, lo, hi, default, stops=STOPS[knob],
                                        where=where)
        elif knob == "amsgrad":
            value = controls.toggle(F, key, label, default, where=where,
                                    help=F.t(P + "knob.amsgrad_help"))
        else:
            lo, hi = knob_range(racer, knob)
            step, fmt = SLIDER[knob]
            value = controls.slider(F, key, label, lo, hi, default, step, fmt=fmt, where=where)
        knobs[knob] = value
    if lr_mode != "own":
        st.caption(F.t(P + f"lr_unused.{lr_mode}"))
    return knobs


def closer_ui(F, racers: list[str]) -> tuple[str, str]:
    """Which closer look to show, and the racer for the inside view."""
    section = controls.select(F, "closer", F.t(P + "closer"), SECTIONS, "fair",
                              lambda s: F.t(P + f"closer.{s}"), horizontal=True)
    look = ""
    inside = [r for r in racers if r in CLASSIC_RACERS]   # the rules core.experiments.inside reads
    if section == "inside" and inside:
        default = "adam" if "adam" in inside else inside[0]
        if st.session_state.get("look", default) not in inside:
            st.session_state["look"] = default
        look = controls.select(F, "look", F.t(P + "look"), inside, default,
                               lambda r: F.t(P + f"racer.{r}"))
    return section, look


def net_ui(F) -> Net:
    cols = st.columns(3)
    t = F.t
    dataset = controls.select(F, "data", t(P + "net.dataset"), DATASET_NAMES, "moons",
                              lambda d: t(P + f"net.dataset.{d}"), where=cols[0])
    n = controls.slider(F, "npts", t(P + "net.points"), 50, 400, 200, 50, where=cols[0])
    noise = controls.slider(F, "dnoise", t(P + "net.noise"), 0.0, 0.5, 0.15, 0.05, where=cols[1])
    hidden = controls.slider(F, "hidden", t(P + "net.hidden"), 2, 32, 16, 1, where=cols[1])
    batch = controls.select(F, "batch", t(P + "net.batch"), ("0", "16", "32", "64"), "0",
                            lambda b: t(P + "net.full_batch") if b == "0" else b, where=cols[2])
    steps = controls.slider(F, "nsteps", t(P + "net.steps"), 50, 1000, 300, 50, where=cols[2])
    d = {k: numbers.fmt(v) for k, v in defaults("muon").items() if k in ("lr", "momentum",
                                                                           "weight_decay")}
    muon = controls.toggle(F, "muon", t(P + "net.muon"), True, help=t(P + "net.muon_help", **d))
    return Net(dataset, n, noise, hidden, int(batch), steps, muon)
