"""Cached core calls and tidy frames for the Optimizer Race page.

Every cache is bounded and keyed by primitives only (knobs travel as sorted tuples of
(name, value) pairs). Cached results are small: sweeps drop their batched trajectory,
network runs keep a thinned loss curve and the final weights.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments.network_race import MUON_RACER, run_muon, tune_muon
from core.experiments.racers import (
    NOISE_SEEDS,
    averaged_points,
    build,
    race_surface,
    run_racer,
    scheduled_inside,
    tune,
)
from core.problems.mlp import make_mlp_problem
from core.training.sweep import combine, lr_grid
from ui.geometry import thin_index
from ui.render import compact

SWEEP_LRS = lr_grid(1e-5, 10.0, 25)      # the surface race: 4 rates per decade
MLP_LRS = lr_grid(1e-3, 10.0, 9)         # the network: fewer, since each run is costlier
# 2.5e-3 is Schedule-Free AdamW's default rate
LR_STOPS = tuple(sorted({m * 10.0**e for e in range(-4, 1) for m in (1, 1.5, 2, 3, 5, 7)}
                        | {2.5e-3, 10.0}))
EPS_STOPS = tuple(10.0**e for e in range(-12, 0))
T0_STOPS = tuple(10.0**e for e in range(0, 7))


def knob_key(knobs: dict) -> tuple:
    """A hashable, order-free form of a knob dict for the caches."""
    return tuple(sorted((k, v if isinstance(v, bool) else float(v)) for k, v in knobs.items()))


def surface_of(key: str, bowl: tuple):
    """The race's surface; ``bowl`` = (κ, angle) shapes the bowl and is ignored elsewhere."""
    return race_surface(key, *bowl)


@st.cache_data(max_entries=256, show_spinner=False)
def race_run(racer: str, convention: str, knobs: tuple, surface: str, bowl: tuple,
             start: tuple, steps: int, noise: float, seed: int, schedule=None,
             states: bool = False):
    """One racer's Trajectory on a surface under ``schedule`` (a core Schedule or None),
    with recorded states for the inside view."""
    return run_racer(racer, convention, dict(knobs), surface_of(surface, bowl), start, steps,
                     grad_noise=noise, seed=seed, record_states=states, schedule=schedule)


@st.cache_data(max_entries=64, show_spinner=False)
def averaged_losses(knobs: tuple, surface: str, bowl: tuple, start: tuple, steps: int,
                    noise: float, seed: int, schedule=None) -> tuple[float, float]:
    """Schedule-Free AdamW's (final loss at y, final loss at its averaged point x)."""
    tr = race_run("schedule_free_adamw", "torch", knobs, surface, bowl, start, steps, noise,
                  seed, schedule, True)
    xs = averaged_points(tr)
    last = len(xs) - 1 if tr.diverged_at < 0 else int(tr.diverged_at) - 1
    f = surface_of(surface, bowl).f
    return float(tr.losses[last]), float(f(xs[max(last, 0)]))


@st.cache_data(max_entries=128, show_spinner=False)
def race_sweep(racer: str, convention: str, knobs: tuple, surface: str, bowl: tuple,
               start: tuple, steps: int, noise: float, seed: int, schedule=None):
    """The racer's learning-rate sweep on the surface (over several seeds when the
    gradients are noisy, see :func:`core.experiments.race.tune`), without the batched trajectory."""
    sw = tune(racer, convention, dict(knobs), surface_of(surface, bowl), start, steps,
              SWEEP_LRS, grad_noise=noise, seed=seed, schedule=schedule)
    return sw._replace(trajectory=None)


@st.cache_data(max_entries=64, show_spinner=False)
def inside_frames(racer: str, convention: str, knobs: tuple, surface: str, bowl: tuple,
                  start: tuple, steps: int, noise: float, seed: int, schedule=None,
                  max_points: int = 200):
    """(quantities, arrows): the inside view's long frames, thinned to ``max_points`` steps.

    quantities: rows (name, step, param, value); arrows: rows (step, which, dx, dy,
    angle, size) for the unit directions of −g and of u.
    """
    tr = race_run(racer, convention, knobs, surface, bowl, start, steps, noise, seed, schedule,
                  True)
    q = scheduled_inside(build(racer, convention, **dict(knobs)), tr, schedule)
    n_valid = tr.steps if tr.diverged_at < 0 else max(int(tr.diverged_at) - 1, 1)
    idx = thin_index(n_valid, max_points)
    rows = [pd.DataFrame({"name": name, "step": idx, "param": param,
                          "value": q[name][idx, j]})
            for name in q if name != "d" for j, param in enumerate(("x", "y"))]
    quantities = pd.concat(rows, ignore_index=True)
    arrows = pd.concat([_unit_arrows(-q["g"][idx], idx, "neg_g"),
                        _unit_arrows(q["u"][idx], idx, "u")], ignore_index=True)
    return compact(quantities), compact(arrows), int(tr.diverged_at)


def _unit_arrows(vec: np.ndarray, steps: np.ndarray, which: str) -> pd.DataFrame:
    size = np.linalg.norm(vec, axis=-1)
    unit = np.divide(vec, size[:, None], out=np.zeros_like(vec), where=size[:, None] > 0)
    angle = np.degrees(np.arctan2(unit[:, 0], unit[:, 1]))      # clockwise from "up"
    return pd.DataFrame({"step": steps, "which": which, "dx": unit[:, 0], "dy": unit[:, 1],
                         "angle": angle, "size": size})


def axis_domain(values: np.ndarray, log: bool) -> tuple[float, float, float]:
    """(lo, hi, core): a value axis fixed over every step.

    For a log axis: from half the smallest positive value (so the smallest bar still
    shows) to the largest. For a signed axis: [min, max] through 0, and ``core``, the
    linear part of a symmetric-log axis, at the 10th percentile of the nonzero |values|.
    """
    values = values[np.isfinite(values)]
    size = np.abs(values[values != 0])
    if log:
        pos = values[values > 0]
        if not len(pos):
            return (1e-12, 1.0, 1.0)
        hi = float(pos.max()) * 1.1
        return (max(float(pos.min()) / 2, hi * 1e-12), hi, 1.0)
    if not len(size):
        return (-1.0, 1.0, 1.0)
    lo, hi = min(0.0, float(values.min())) * 1.1, max(0.0, float(values.max())) * 1.1
    core = max(float(np.percentile(size, 10)), float(size.max()) * 1e-9)
    return lo, hi, core


# ------------------------------------------------------------------ the tiny network


def mlp_problem(dataset: str, n: int, noise: float, hidden: int, batch: int, seed: int):
    return make_mlp_problem(dataset, n=n, hidden=hidden, seed=seed, noise=noise,
                            batch_size=batch or None)


@st.cache_data(max_entries=128, show_spinner=False)
def mlp_run(racer: str, convention: str, knobs: tuple, dataset: str, n: int, noise: float,
            hidden: int, batch: int, seed: int, steps: int, schedule=None,
            max_points: int = 150):
    """(steps, losses, final θ, accuracy, diverged_at) of one racer training the network
    (``racer`` may be ``MUON_RACER``: Muon on W₁ + AdamW on the rest, knobs just ``lr``)."""
    problem = mlp_problem(dataset, n, noise, hidden, batch, seed)
    if racer == MUON_RACER:
        tr = run_muon(problem, hidden, dict(knobs)["lr"], steps, seed=seed, schedule=schedule)
    else:
        tr = run_racer(racer, convention, dict(knobs), problem, problem.theta0, steps,
                       seed=seed, schedule=schedule)
    n_valid = tr.steps + 1 if tr.diverged_at < 0 else int(tr.diverged_at)
    idx = thin_index(n_valid, max_points)
    theta = tr.points[-1]
    return idx, tr.losses[idx], theta, float(problem.accuracy(theta)), int(tr.diverged_at)


@st.cache_data(max_entries=64, show_spinner=False)
def mlp_sweep(racer: str, convention: str, knobs: tuple, dataset: str, n: int, noise: float,
              hidden: int, batch: int, seed: int, steps: int, schedule=None):
    """The racer's learning-rate sweep on the network (full-data loss at checkpoints);
    with mini-batches, over ``NOISE_SEEDS`` batch orders (same data, same θ₀)."""
    problem = mlp_problem(dataset, n, noise, hidden, batch, seed)
    orders = range(NOISE_SEEDS if batch else 1)       # mini-batches: several batch orders
    def one(pb):
        if racer == MUON_RACER:
            return tune_muon(pb, hidden, steps, MLP_LRS, seed=seed, final_loss=problem.f,
                             schedule=schedule)
        return tune(racer, convention, dict(knobs), pb, problem.theta0, steps, MLP_LRS,
                    seed=seed, final_loss=problem.f, schedule=schedule)
    parts = [one(replace(problem, seed=seed + i)) for i in orders]
    return combine(parts)._replace(trajectory=None)


def boundary_cells(problem, thetas: dict, n_cells: int) -> pd.DataFrame:
    """P(class 1) on an n_cells² grid of centres over the data's box: columns x, y and
    one column ``p_<racer>`` per trained network (one shared grid for every panel)."""
    (x0, x1), (y0, y1) = problem.data.box(pad=0.3)
    X, Y = np.meshgrid(np.linspace(x0, x1, n_cells), np.linspace(y0, y1, n_cells))
    grid = np.column_stack([X.ravel(), Y.ravel()])
    cells = pd.DataFrame({"x": grid[:, 0], "y": grid[:, 1]}
                         | {f"p_{r}": problem.predict(theta, grid) for r, theta in thetas.items()})
    return cells.astype("float32")


def data_points(problem) -> pd.DataFrame:
    return pd.DataFrame({"x": problem.X[:, 0].astype("float32"),
                         "y": problem.X[:, 1].astype("float32"),
                         "label": problem.y.astype(int).astype(str)})
