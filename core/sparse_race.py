"""The sparse-gradient experiments: a fair race on :mod:`core.sparse`, and the Adam ladder.

1. :func:`race` — SGD, Momentum, AdaGrad, RMSProp and Adam on the same mini-batches,
   each at its own best learning rate from one batched sweep (``lr_mode="tuned"``) or
   all at one shared rate. It records the excess loss L(w_k) − L(ŵ), the weight error of
   frequent and rare features, and every feature's effective learning rate.
2. :func:`ladder` — RMSProp → Adam without bias correction → Adam over a range of
   sparsity exponents, each tuned. With RMSProp's α equal to Adam's β₂ the rungs differ
   by one piece each: the first adds momentum (β₁), the second bias correction.

Runs go through :func:`core.run.run` and sweeps through :func:`core.sweep.sweep_lr`;
the racers' settings come from :mod:`core.race`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .optimizers.ablation import make_ablation
from .race import build, run_racer, tune
from .race_inside import inside
from .sparse import SparseLogistic, best_fit, groups, make_data, make_objective, weight_error
from .sweep import Sweep, lr_grid, sweep_lr

CONTENDERS: tuple[str, ...] = ("sgd", "momentum", "adagrad", "rmsprop", "adam")
LADDER: tuple[str, ...] = ("rmsprop", "adam_nobc", "adam")
LR_GRID = lr_grid(1e-4, 1e2, 19)
LADDER_LRS = lr_grid(1e-4, 10.0, 16)     # same spacing; the Adam family never wants more
CURVE_POINTS = 101
# The page's budget: sizes that keep a sweep of five optimizers near 0.1 s.
F_FEATURES, N_SAMPLES, STEPS = 100, 3000, 300
LEVELS = (0.0, 0.5, 1.0, 1.5, 2.0)       # the ladder's sparsity exponents
LADDER_SEEDS = (0, 1, 2)


class Problem(NamedTuple):
    """An objective with its best fit ŵ and best loss L(ŵ)."""

    objective: SparseLogistic
    w_hat: np.ndarray
    L_hat: float


def problem(a: float, batch_size: int, seed: int, steps: int = STEPS, F: int = F_FEATURES,
            N: int = N_SAMPLES) -> Problem:
    obj = make_objective(make_data(a, F, N, seed), batch_size, steps)
    w_hat = best_fit(obj.data)
    return Problem(obj, w_hat, float(obj.f(w_hat)))


class RaceResult(NamedTuple):
    """One race. R racers, S curve points (steps 0 … T, thinned), F features.

    lr            (R,)   the rate each racer ran at
    lr_found      (R,)   False where a tuned sweep had every rate diverge (lr = grid's lowest)
    diverged_at   (R,)   step of divergence, -1 if sane
    curve_steps   (S,)
    excess        (R, S) L(w_k) − L(ŵ), floored at 1e-12 (log axes)
    err_frequent  (R, S) relative weight error of the frequent features
    err_rare      (R, S) … of the rare features
    eff_lr        (R, T, F) effective learning rate of each feature at each step
    sweep_excess  (R, n) final excess at every rate of the grid (tuned mode), else empty
    """

    racers: tuple[str, ...]
    lr: np.ndarray
    lr_found: np.ndarray
    diverged_at: np.ndarray
    curve_steps: np.ndarray
    excess: np.ndarray
    err_frequent: np.ndarray
    err_rare: np.ndarray
    eff_lr: np.ndarray
    sweep_excess: np.ndarray

    def final_excess(self) -> np.ndarray:
        return self.excess[:, -1]


def race(pb: Problem, steps: int, lr_mode: str = "tuned", shared_lr: float = 0.01,
         racers: tuple[str, ...] = CONTENDERS, lrs=LR_GRID) -> RaceResult:
    """Every racer on the same mini-batches, from w = 0, at its tuned or a shared rate."""
    if lr_mode not in ("tuned", "shared"):
        raise ValueError(f"lr_mode must be 'tuned' or 'shared', got {lr_mode!r}")
    obj, F = pb.objective, len(pb.w_hat)
    x0 = np.zeros(F)
    g = groups(obj.data, obj.batch_size)
    ks = np.unique(np.linspace(0, steps, CURVE_POINTS).round().astype(int))
    rows = []
    for racer in racers:
        sw = tune(racer, "torch", {}, obj, x0, steps, lrs, final_loss=obj.f) \
            if lr_mode == "tuned" else None
        lr, found = _chosen(sw, shared_lr, lrs)
        opt = build(racer, "torch", lr=lr)
        tr = run_racer(racer, "torch", {"lr": lr}, obj, x0, steps, record_states=True,
                       track_loss=False)
        pts = tr.points[ks]
        rows.append((lr, found, int(tr.diverged_at),
                     np.maximum(obj.f(pts) - pb.L_hat, 1e-12),
                     weight_error(pts, pb.w_hat, g.frequent),
                     weight_error(pts, pb.w_hat, g.rare),
                     inside(opt, tr)["eff_lr"],
                     np.maximum(sw.final_loss - pb.L_hat, 1e-12) if sw else np.zeros(0)))
    cols = list(zip(*rows, strict=True))
    return RaceResult(tuple(racers), np.array(cols[0]), np.array(cols[1]), np.array(cols[2]),
                      ks, *(np.stack(c) for c in cols[3:]))


def _chosen(sw: Sweep | None, shared_lr: float, lrs) -> tuple[float, bool]:
    if sw is None:
        return float(shared_lr), True
    if sw.best_lr is None:
        return float(np.min(lrs)), False
    return sw.best_lr, True


def tune_rung(rung: str, b2: float, obj: SparseLogistic, steps: int, lrs=LR_GRID) -> Sweep:
    """One rung of the ladder, swept over ``lrs``; RMSProp's α is set to β₂."""
    x0 = np.zeros(len(obj.data.p))
    if rung == "rmsprop":
        return tune("rmsprop", "torch", {"alpha": b2}, obj, x0, steps, lrs, final_loss=obj.f)
    if rung == "adam":
        return tune("adam", "torch", {"b2": b2}, obj, x0, steps, lrs, final_loss=obj.f)
    if rung == "adam_nobc":
        return sweep_lr("adam_nobc", {"betas": (0.9, b2)}, obj, x0, steps, lrs,
                        final_loss=obj.f, maker=make_ablation)
    raise ValueError(f"unknown rung {rung!r}; choose one of {', '.join(LADDER)}")


class LadderResult(NamedTuple):
    """The ladder over K sparsity levels, R rungs and the given seeds.

    excess    (K, R, seeds)  final excess loss at the rung's tuned rate
    err_rare  (K, R, seeds)  relative weight error of the rare features there
    best_lr   (K, R, seeds)  the tuned rate (NaN if every rate diverged)
    """

    levels: np.ndarray
    rungs: tuple[str, ...]
    seeds: tuple[int, ...]
    excess: np.ndarray
    err_rare: np.ndarray
    best_lr: np.ndarray


def ladder(levels=LEVELS, b2: float = 0.999, seeds=LADDER_SEEDS, batch_size: int = 32,
           steps: int = STEPS, F: int = F_FEATURES, N: int = N_SAMPLES,
           rungs: tuple[str, ...] = LADDER, lrs=LADDER_LRS) -> LadderResult:
    """Tune every rung at every sparsity level a in ``levels``, for every seed."""
    levels, seeds = np.asarray(levels, dtype=float), tuple(int(s) for s in seeds)
    shape = (len(levels), len(rungs), len(seeds))
    excess, err, best = np.zeros(shape), np.zeros(shape), np.full(shape, np.nan)
    for i, a in enumerate(levels):
        for s, seed in enumerate(seeds):
            pb = problem(float(a), batch_size, seed, steps, F, N)
            rare = groups(pb.objective.data, batch_size).rare
            for r, rung in enumerate(rungs):
                sw = tune_rung(rung, b2, pb.objective, steps, lrs)
                k = sw.best if sw.best >= 0 else 0
                excess[i, r, s] = max(float(sw.final_loss[k]) - pb.L_hat, 1e-12)
                err[i, r, s] = float(weight_error(sw.trajectory.points[-1, k], pb.w_hat, rare))
                best[i, r, s] = sw.best_lr if sw.best >= 0 else np.nan
    return LadderResult(levels, tuple(rungs), seeds, excess, err, best)
