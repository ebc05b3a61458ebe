"""Widgets of the Choosing an Optimizer page: each ``*_ui`` draws its controls (all bound
to the URL through :mod:`ui.controls`, keys from :data:`core.findings.guide.KEYS`) and returns
the user's choices.

URL keys: ``view``; the sparse race's ``a`` ``batch`` ``lrmode`` ``lr`` ``seed``
``step``; the ladder's ``b2``; the guide's ``q_sparse`` ``q_safe`` ``q_noisy``
``q_tune`` ``q_memory`` ``q_matrices`` ``q_horizon`` ``q_decay``; the matrix's ``mseed``;
the beyond view's ``part``.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from core.experiments.beyond_parts import PARTS
from core.experiments.sparse_race import LR_GRID, STEPS
from core.findings.guide import EXPERIMENTS, KEYS, QUESTIONS, VIEWS
from core.problems.sparse import A_RANGE
from ui import controls
from ui.numbers import grid_words

P = "choosing."
BATCHES = ("8", "16", "32", "64", "128")
B2_CHOICES = ("0.9", "0.99", "0.999")   # the ladder runs 2/(1 − β₂) steps: 0.9999 would need 20,000
LR_MODES = ("tuned", "shared")
SEED_RANGE = (0, 9999)
SHARED_LR = 0.05          # the shared rate's default (and the value passed when tuned)
_SPARSE = EXPERIMENTS["sparse_race"].settings


class SparseChoice(NamedTuple):
    a: float
    batch: int
    lr_mode: str
    shared_lr: float
    seed: int


def view_ui(F) -> str:
    return controls.select(F, KEYS["view"], F.t(P + "view"), VIEWS, "sparse",
                           lambda v: F.t(P + f"view.{v}"), horizontal=True)


def sparse_ui(F) -> SparseChoice:
    if F.style.stack:        # projector: big type needs two rows of controls
        cols = st.columns([3, 2, 2]) + st.columns([3, 2, 2])[:2]
    else:
        cols = st.columns([3, 2, 2, 3, 2])
    a = controls.slider(F, KEYS["a"], F.t(P + "ctl.a"), A_RANGE[0], A_RANGE[1],
                        float(_SPARSE["a"]), 0.25, help=F.t(P + "ctl.a_help"), where=cols[0])
    batch = controls.select(F, KEYS["batch"], F.t(P + "ctl.batch"), BATCHES,
                            str(_SPARSE["batch"]), help=F.t(P + "ctl.batch_help"),
                            where=cols[1])
    mode = controls.select(F, KEYS["lr_mode"], F.t(P + "ctl.lr_mode"), LR_MODES,
                           _SPARSE["lr_mode"], lambda m: F.t(P + f"ctl.lr_mode.{m}"),
                           help=F.t(P + "ctl.lr_mode_help", **grid_words(LR_GRID)), where=cols[2])
    shared = SHARED_LR
    if mode == "shared":
        shared = controls.log_slider(F, KEYS["lr"], F.t(P + "ctl.lr"), 1e-3, 10.0, SHARED_LR,
                                     help=F.t(P + "ctl.lr_help"), where=cols[3])
    seed = controls.integer(F, KEYS["seed"], F.t(P + "ctl.seed"), *SEED_RANGE,
                            int(_SPARSE["seed"]), help=F.t(P + "ctl.seed_help"), where=cols[4])
    return SparseChoice(float(a), int(batch), mode, float(shared), int(seed))


def step_ui(F) -> int:
    return controls.slider(F, KEYS["step"], F.t(P + "ctl.step"), 1, STEPS, STEPS, 1,
                           help=F.t(P + "ctl.step_help"))


def b2_ui(F) -> float:
    default = f"{EXPERIMENTS['ladder'].settings['b2']:g}"
    return float(controls.select(F, KEYS["b2"], F.t(P + "ctl.b2"), B2_CHOICES, default,
                                 help=F.t(P + "ctl.b2_help"), horizontal=True))


def questions_ui(F) -> dict[str, bool]:
    cols = st.columns(2)
    return {q: controls.toggle(F, f"q_{q}", F.t(P + f"q.{q}"), help=F.t(P + f"q.{q}_help"),
                               where=cols[i % 2])
            for i, q in enumerate(QUESTIONS)}


def matrix_seed_ui(F) -> int:
    col, _ = st.columns([1, 3])
    return controls.integer(F, KEYS["matrix_seed"], F.t(P + "ctl.matrix_seed"), *SEED_RANGE,
                            int(EXPERIMENTS["matrix"].settings["matrix_seed"]),
                            help=F.t(P + "ctl.matrix_seed_help"), where=col)


def part_ui(F) -> str:
    default = str(EXPERIMENTS["beyond_adamw"].settings["part"])
    return controls.select(F, KEYS["part"], F.t(P + "beyond.part"), PARTS, default,
                           lambda p: F.t(P + f"beyond.part.{p}"), horizontal=True)
