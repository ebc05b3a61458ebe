"""The sparse-gradient experiments: a fair race on :mod:`core.problems.sparse`, its dense
control.

1. :func:`race` — SGD, Momentum, AdaGrad, RMSProp and Adam on the same mini-batches,
   each at its own best learning rate from one batched sweep (``lr_mode="tuned"``) or
   all at one shared rate. It records the excess loss L(w_k) − L(ŵ), the weight error of
   frequent and rare features, and every feature's effective learning rate.
2. :func:`control` — the same race, tuned, on several data seeds of the sparse data
   AND of the dense control with the same per-feature curvature (``kind="dense"`` of
   :func:`core.problems.sparse.make_data`): a gain the control shares comes from curvature.

Every best rate is chosen by the tuning rule of :mod:`core.training.sweep` (stable runs only,
lowest mean log10 gap), with the gap measured from the best fit: g = L(w) − L(ŵ).
Runs go through :func:`core.training.run.run`; several data seeds are stacked on one
leading axis (:mod:`core.experiments.seed_stack`) so one run serves them all.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from core.experiments.inside import inside
from core.experiments.racers import build, run_racer
from core.experiments.seed_stack import racer_spec, stack, sweep_many, tune_stacked
from core.problems.sparse import (
    KINDS,
    SparseData,
    SparseLogistic,
    best_fit,
    groups,
    loss,
    make_data,
    make_objective,
    weight_error,
)
from core.training.sweep import lr_grid

CONTENDERS: tuple[str, ...] = ("sgd", "momentum", "adagrad", "rmsprop", "adam")
LR_GRID = lr_grid(1e-4, 1e2, 19)
CURVE_POINTS = 101
# The page's budget: sizes that keep a sweep of five optimizers near 0.1 s.
F_FEATURES, N_SAMPLES, STEPS = 100, 3000, 300
CONTROL_SEEDS = 3                        # data seeds of the control: seed, seed+1, seed+2




class Problem(NamedTuple):
    """An objective with its best fit ŵ and best loss L(ŵ)."""

    objective: SparseLogistic
    w_hat: np.ndarray
    L_hat: float


def problem(a: float, batch_size: int, seed: int, steps: int = STEPS, F: int = F_FEATURES,
            N: int = N_SAMPLES, kind: str = "sparse") -> Problem:
    data, w_hat, L_hat = fitted(a, seed, F, N, kind)
    return Problem(make_objective(data, batch_size, steps), w_hat, L_hat)


@lru_cache(maxsize=32)
def fitted(a: float, seed: int, F: int, N: int, kind: str) -> tuple[SparseData, np.ndarray, float]:
    """The data of one setting with its Newton best fit ŵ and L(ŵ), computed once: the
    race, its control, the ladder and the matrix share data sets (read-only arrays)."""
    data = make_data(a, F, N, seed, kind=kind)
    w_hat = best_fit(data)
    for arr in (data.p, data.X, data.y, data.w_true, w_hat):
        arr.setflags(write=False)
    return data, w_hat, float(loss(w_hat, data.X, data.y))


class RaceResult(NamedTuple):
    """One race. R racers, S curve points (steps 0 … T, thinned), F features.

    lr            (R,)   the rate each racer ran at
    lr_found      (R,)   False where a tuned sweep had no stable rate (lr = grid's lowest)
    at_edge       (R,)   True where the tuned rate is the grid's lowest or highest
    diverged_at   (R,)   step of divergence, -1 if sane
    curve_steps   (S,)
    excess        (R, S) L(w_k) − L(ŵ), floored at 1e-12 (log axes)
    err_frequent  (R, S) relative weight error of the frequent features
    err_rare      (R, S) … of the rare features
    eff_lr        (R, T, F) effective learning rate of each feature at each step
    """

    racers: tuple[str, ...]
    lr: np.ndarray
    lr_found: np.ndarray
    at_edge: np.ndarray
    diverged_at: np.ndarray
    curve_steps: np.ndarray
    excess: np.ndarray
    err_frequent: np.ndarray
    err_rare: np.ndarray
    eff_lr: np.ndarray

    def final_excess(self) -> np.ndarray:
        return self.excess[:, -1]


class Tuned(NamedTuple):
    """Rates chosen by the tuning rule for the racers of one problem: ``lr`` (R,) (NaN:
    no stable rate) and ``at_edge`` (R,)."""

    lr: np.ndarray
    at_edge: np.ndarray


def tuned_rates(pb: Problem, steps: int, racers: tuple[str, ...] = CONTENDERS,
                lrs=LR_GRID) -> Tuned:
    """Each racer's best rate on ``pb`` by the tuning rule (gap from L(ŵ))."""
    st = stack([pb], pb.objective.batch_size)
    sweeps = sweep_many([racer_spec(r) for r in racers], st, steps, lrs)
    return Tuned(np.array([sw.best_lr[0] for sw in sweeps]),
                 np.array([bool(sw.at_edge[0]) for sw in sweeps]))


def race(pb: Problem, steps: int, lr_mode: str = "tuned", shared_lr: float = 0.01,
         racers: tuple[str, ...] = CONTENDERS, lrs=LR_GRID, tuned: Tuned | None = None
         ) -> RaceResult:
    """Every racer on the same mini-batches, from w = 0, at its tuned or a shared rate.

    ``tuned`` passes rates already chosen for ``pb`` (by :func:`tuned_rates` or
    :func:`control`); without it, tuned mode sweeps ``lrs`` here.
    """
    if lr_mode not in ("tuned", "shared"):
        raise ValueError(f"lr_mode must be 'tuned' or 'shared', got {lr_mode!r}")
    R = len(racers)
    if lr_mode == "shared":
        tuned = Tuned(np.full(R, float(shared_lr)), np.zeros(R, dtype=bool))
    elif tuned is None:
        tuned = tuned_rates(pb, steps, racers, lrs)
    found = np.isfinite(tuned.lr)
    rates = np.where(found, tuned.lr, float(np.min(lrs)))
    obj, F = pb.objective, len(pb.w_hat)
    g = groups(obj.data, obj.batch_size)
    ks = np.unique(np.linspace(0, steps, CURVE_POINTS).round().astype(int))
    rows = []
    for racer, lr in zip(racers, rates, strict=True):
        opt = build(racer, "torch", lr=float(lr))
        tr = run_racer(racer, "torch", {"lr": float(lr)}, obj, np.zeros(F), steps,
                       record_states=True, track_loss=False)
        pts = tr.points[ks]
        rows.append((int(tr.diverged_at), np.maximum(obj.f(pts) - pb.L_hat, 1e-12),
                     weight_error(pts, pb.w_hat, g.frequent),
                     weight_error(pts, pb.w_hat, g.rare), inside(opt, tr)["eff_lr"]))
    cols = list(zip(*rows, strict=True))
    return RaceResult(tuple(racers), rates, found, np.asarray(tuned.at_edge, dtype=bool),
                      np.array(cols[0]), ks, *(np.stack(c) for c in cols[1:]))


# ------------------------------------------------------------------ the dense control


class ControlResult(NamedTuple):
    """The tuned race on sparse data and on its dense control, several data seeds.

    excess, err_rare, best_lr, at_edge: (kinds, racers, seeds), kinds = ("sparse",
    "dense"); each at the racer's own best rate for that kind and seed."""

    a: float
    batch: int
    kinds: tuple[str, ...]
    racers: tuple[str, ...]
    seeds: tuple[int, ...]
    excess: np.ndarray
    err_rare: np.ndarray
    best_lr: np.ndarray
    at_edge: np.ndarray

    def tuned(self, s: int = 0, kind: str = "sparse") -> Tuned:
        i = self.kinds.index(kind)
        return Tuned(self.best_lr[i, :, s], self.at_edge[i, :, s])


def control(a: float, batch_size: int, seeds, steps: int = STEPS,
            racers: tuple[str, ...] = CONTENDERS, lrs=LR_GRID, F: int = F_FEATURES,
            N: int = N_SAMPLES) -> ControlResult:
    """Tune every racer on ``seeds`` of the sparse data and of its dense control.

    ``tuned(0)`` gives the rates of the first seed's sparse race (for :func:`race`).
    """
    seeds = tuple(int(s) for s in seeds)
    pbs = [problem(a, batch_size, s, steps, F, N, kind) for kind in KINDS for s in seeds]
    specs = [racer_spec(r) for r in racers]
    out = tune_stacked(pbs, batch_size, steps, lrs, specs)              # (4, R, K·S)
    out = out.reshape(4, len(racers), len(KINDS), len(seeds)).transpose(0, 2, 1, 3)
    return ControlResult(float(a), int(batch_size), KINDS, tuple(racers), seeds, out[0],
                         out[1], out[2], out[3].astype(bool))
