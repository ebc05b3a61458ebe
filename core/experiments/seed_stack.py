"""Several data seeds of the sparse problem stacked on one leading axis, so one batched
run (and one learning-rate sweep) serves every seed at once.

    x has shape (optimizers, seeds, lrs, F);  the gradient of seed s uses seed s's batch only

Every optimizer of a sweep steps in the same run (:func:`core.training.together.run_together`),
only the tuning rule's checkpoints are kept, and the loss is evaluated from each data
set's distinct rows only while a rate is still stable (an unstable rate cannot be chosen).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.experiments.racers import RULE, hparams
from core.optimizers import make
from core.problems.sparse import groups, loss_grad, sigmoid, weight_error
from core.problems.sparse_rows import Rows, rows_loss
from core.training.sweep import CHECKPOINTS, FLOOR, best_index
from core.training.together import run_together


class Stack(NamedTuple):
    """P problems of equal size on one leading axis, as one objective for :func:`run`.

    Points have shape (..., P, n, F) (problem, learning rate, feature). ``X`` (P, N, F),
    ``y`` (P, N); ``batches`` (P, steps, B) the rows of every mini-batch; ``L_hat`` (P,)
    and ``w_hat`` (P, F) the best fits; ``rare`` (P, F) the rare masks; ``rows`` each
    problem's distinct rows (:class:`core.problems.sparse.Rows`), for the loss.
    ``batch_grad(w, k)`` = Xbᵀ(σ(Xb w) − yb)/B per problem, as in :mod:`core.sparse`.
    """

    X: np.ndarray
    y: np.ndarray
    batches: np.ndarray
    L_hat: np.ndarray
    w_hat: np.ndarray
    rare: np.ndarray
    rows: tuple[Rows, ...]
    bound: float = 1e4

    def f(self, w) -> np.ndarray:
        """Full-data loss of points (..., P, n, F) → (..., P, n), problem by problem."""
        w = np.asarray(w, dtype=float)
        return np.stack([rows_loss(w[..., p, :, :], r) for p, r in enumerate(self.rows)],
                        axis=-2)

    def grad(self, w) -> np.ndarray:
        return np.stack([loss_grad(w[p], self.X[p], self.y[p]) for p in range(len(self.X))])

    def batch_grad(self, w, k: int) -> np.ndarray:
        rows = self.batches[:, k]                                   # (P, B)
        Xb = self.X[np.arange(len(rows))[:, None], rows]            # (P, B, F)
        yb = np.take_along_axis(self.y, rows, axis=1)               # (P, B)
        r = sigmoid(w @ Xb.transpose(0, 2, 1)) - yb[:, None, :]
        return r @ Xb / Xb.shape[1]


def stack(problems: list, batch_size: int) -> Stack:
    """The problems (sparse_race.Problem records: objective, L_hat, w_hat) on one axis."""
    objs = [pb.objective for pb in problems]
    return Stack(np.stack([o.data.X for o in objs]), np.stack([o.data.y for o in objs]),
                 np.stack([o.batches for o in objs]),
                 np.array([pb.L_hat for pb in problems]),
                 np.stack([pb.w_hat for pb in problems]),
                 np.stack([groups(o.data, batch_size).rare for o in objs]),
                 tuple(o.rows for o in objs))


class StackSweep(NamedTuple):
    """One optimizer swept over ``lrs`` on every problem of a :class:`Stack`.

    best (P,) the rule's choice per problem (-1: no stable rate); excess (P,) the final
    L − L(ŵ) there (floored at 1e-12); err_rare (P,) the rare features' weight error
    there; best_lr (P,) (NaN without a stable rate); at_edge (P,)."""

    best: np.ndarray
    excess: np.ndarray
    err_rare: np.ndarray
    best_lr: np.ndarray
    at_edge: np.ndarray


def racer_spec(racer: str, **knobs) -> tuple:
    """(maker, rule, hyperparameters) of a racer of :mod:`core.experiments.race`."""
    return make, RULE[racer], hparams(racer, **knobs)


def sweep_many(specs, st: Stack, steps: int, lrs) -> list[StackSweep]:
    """The tuning rule of :mod:`core.training.sweep` for every optimizer of ``specs``
    ((maker, name, hyperparameters) triples) on every problem, all in ONE run
    (:func:`core.training.together.run_together`): the loss curve is sampled at
    CHECKPOINTS steps, gaps measured from L(ŵ)."""
    lrs = np.asarray(lrs, dtype=float)
    P, F = st.w_hat.shape
    opts = [maker(name, lr=lrs.reshape(1, -1, 1), **hp) for maker, name, hp in specs]
    at = np.unique(np.linspace(0, steps, CHECKPOINTS).round().astype(int))
    tog = run_together(opts, st, np.zeros((P, 1, F)), steps, at)
    curve, stable = stable_curve(st, tog.points, tog.diverged_at)
    gap = curve - st.L_hat[:, None]
    floor = FLOOR * np.maximum(1.0, gap[0])
    with np.errstate(invalid="ignore"):
        score = np.mean(np.log10(np.maximum(gap, floor)), axis=0)       # NaN where unstable
    return [_chosen(st, tog.points[-1, r], curve[-1, r], score[r], stable[r], lrs)
            for r in range(len(opts))]


def stable_curve(st: Stack, points: np.ndarray, diverged_at: np.ndarray):
    """(curve, stable): the loss at every checkpoint of points (k, R, P, n, F), and the
    tuning rule's stability (never diverged, gap never above the start gap).

    Checkpoints are visited in order and the loss is evaluated only where the run is
    still stable: an unstable rate cannot be chosen, so its curve is not needed (NaN).
    """
    K = len(points)
    curve = np.full(points.shape[:-1], np.nan)
    curve[0] = st.f(points[0])
    gap0 = curve[0] - st.L_hat[:, None]
    limit = gap0 * (1 + 1e-12) + FLOOR * np.maximum(1.0, gap0)
    stable = diverged_at < 0
    for c in range(1, K):
        for p, rows in enumerate(st.rows):
            live = stable[:, p]                                       # (R, n)
            if live.any():
                curve[c, :, p][live] = rows_loss(points[c, :, p][live], rows)
        with np.errstate(invalid="ignore"):
            stable &= curve[c] - st.L_hat[:, None] <= limit
    return curve, stable


def _chosen(st: Stack, last: np.ndarray, final: np.ndarray, score, stable, lrs) -> StackSweep:
    """One optimizer's StackSweep from its last points (P, n, F), final losses (P, n)."""
    P = len(last)
    best = np.array([best_index(score[p], stable[p]) for p in range(P)])
    k = np.maximum(best, 0)
    at_k = last[np.arange(P), k]                                     # (P, F)
    loss_k = final[np.arange(P), k]
    missing = np.isnan(loss_k)                                       # no stable rate
    if missing.any():
        loss_k[missing] = [rows_loss(at_k[p], st.rows[p]) for p in np.nonzero(missing)[0]]
    excess = np.maximum(loss_k - st.L_hat, 1e-12)
    err = np.array([weight_error(at_k[p], st.w_hat[p], st.rare[p]) for p in range(P)])
    found = best >= 0
    return StackSweep(best, excess, err, np.where(found, lrs[k], np.nan),
                      found & ((best == 0) | (best == len(lrs) - 1)))


def sweep_stack(maker, name: str, hp: dict, st: Stack, steps: int, lrs) -> StackSweep:
    """The tuning rule per problem for one optimizer (:func:`sweep_many` of one)."""
    return sweep_many([(maker, name, hp)], st, steps, lrs)[0]


def sweep_racer(racer: str, st: Stack, steps: int, lrs, **knobs) -> StackSweep:
    return sweep_stack(*racer_spec(racer, **knobs), st, steps, lrs)


def tune_stacked(problems: list, batch_size: int, steps: int, lrs, specs) -> np.ndarray:
    """(4, len(specs), P): excess, err_rare, best_lr, at_edge of every optimizer of
    ``specs`` on every problem, all problems stacked into one run."""
    sweeps = sweep_many(specs, stack(problems, batch_size), steps, lrs)
    return np.stack([np.stack([sw.excess, sw.err_rare, sw.best_lr, sw.at_edge])
                     for sw in sweeps], axis=1)
