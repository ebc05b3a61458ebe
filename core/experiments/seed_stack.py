"""Several data seeds of the sparse problem stacked on one leading axis, so one batched
run (and one learning-rate sweep) serves every seed at once.

    x has shape (seeds, lrs, F);  the gradient of seed s uses seed s's batch only
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.experiments.race import RULE, hparams
from core.optimizers import make
from core.problems.sparse import (
    groups,
    loss_grad,
    sigmoid,
    weight_error,
)
from core.training.run import run
from core.training.sweep import CHECKPOINTS, best_index, tuning_score


class Stack(NamedTuple):
    """P problems of equal size on one leading axis, as one objective for :func:`run`.

    Points have shape (P, n, F) (problem, learning rate, feature). ``X`` (P, N, F),
    ``y`` (P, N); ``Xb`` (P, steps, B, F), ``yb`` (P, steps, B) the mini-batches;
    ``L_hat`` (P,) and ``w_hat`` (P, F) the best fits; ``rare`` (P, F) the rare masks.
    ``batch_grad(w, k)`` = Xbᵀ(σ(Xb w) − yb)/B per problem, as in :mod:`core.sparse`.
    """

    X: np.ndarray
    y: np.ndarray
    Xb: np.ndarray
    yb: np.ndarray
    L_hat: np.ndarray
    w_hat: np.ndarray
    rare: np.ndarray
    bound: float = 1e4

    def f(self, w) -> np.ndarray:
        """Full-data loss of points (..., P, n, F) → (..., P, n), by one batched matmul."""
        w = np.asarray(w, dtype=float)
        P, F = self.X.shape[0], self.X.shape[2]
        flat = np.moveaxis(w, -3, 0).reshape(P, -1, F)              # (P, M, F)
        z = flat @ self.X.transpose(0, 2, 1)                        # (P, M, N)
        yz = flat @ (np.einsum("pnf,pn->pf", self.X, self.y) / self.X.shape[1])[..., None]
        out = np.logaddexp(0.0, z, out=z).mean(axis=-1) - yz[..., 0]   # mean(y z) = w·Xᵀy/N
        return np.moveaxis(out.reshape((P,) + w.shape[:-3] + w.shape[-2:-1]), 0, -2)

    def grad(self, w) -> np.ndarray:
        return np.stack([loss_grad(w[p], self.X[p], self.y[p]) for p in range(len(self.X))])

    def batch_grad(self, w, k: int) -> np.ndarray:
        Xb = self.Xb[:, k]                                          # (P, B, F)
        r = sigmoid(w @ Xb.transpose(0, 2, 1)) - self.yb[:, k, None, :]
        return r @ Xb / Xb.shape[1]


def stack(problems: list, batch_size: int) -> Stack:
    """The problems (sparse_race.Problem records: objective, L_hat, w_hat) on one axis."""
    objs = [pb.objective for pb in problems]
    return Stack(np.stack([o.data.X for o in objs]), np.stack([o.data.y for o in objs]),
                 np.stack([o.Xb for o in objs]), np.stack([o.yb for o in objs]),
                 np.array([pb.L_hat for pb in problems]),
                 np.stack([pb.w_hat for pb in problems]),
                 np.stack([groups(o.data, batch_size).rare for o in objs]))


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


def sweep_stack(maker, name: str, hp: dict, st: Stack, steps: int, lrs) -> StackSweep:
    """The tuning rule of :mod:`core.sweep` per problem, all problems in one run."""
    lrs = np.asarray(lrs, dtype=float)
    P, F = st.w_hat.shape
    tr = run(maker(name, lr=lrs.reshape(1, -1, 1), **hp), st, np.zeros((P, 1, F)), steps,
             track_loss=False)
    idx = np.unique(np.linspace(0, steps, CHECKPOINTS).round().astype(int))
    curve = st.f(tr.points[idx])                                     # (k, P, n)
    score, stable = tuning_score(curve, tr.diverged_at, st.L_hat[:, None])
    best = np.array([best_index(score[p], stable[p]) for p in range(P)])
    k = np.maximum(best, 0)
    last = tr.points[-1, np.arange(P), k]                            # (P, F)
    excess = np.maximum(curve[-1, np.arange(P), k] - st.L_hat, 1e-12)
    err = np.array([weight_error(last[p], st.w_hat[p], st.rare[p]) for p in range(P)])
    found = best >= 0
    return StackSweep(best, excess, err, np.where(found, lrs[k], np.nan),
                      found & ((best == 0) | (best == len(lrs) - 1)))


def sweep_racer(racer: str, st: Stack, steps: int, lrs, **knobs) -> StackSweep:
    return sweep_stack(make, RULE[racer], hparams(racer, **knobs), st, steps, lrs)


RUN_BYTES = 50e6      # cap on one stacked run's points (its gradients and updates as much)


def tune_stacked(problems: list, batch_size: int, steps: int, n_rates: int,
                 sweeps) -> np.ndarray:
    """(4, len(sweeps), P): excess, err_rare, best_lr, at_edge of every sweep (a function
    of a :class:`Stack`) on every problem, in as few stacked runs as RUN_BYTES allows."""
    F = len(problems[0].w_hat)
    per = max(1, int(RUN_BYTES // ((steps + 1) * n_rates * F * 8)))
    out = np.zeros((4, len(sweeps), len(problems)))
    for lo in range(0, len(problems), per):
        st = stack(problems[lo:lo + per], batch_size)
        for r, sweep in enumerate(sweeps):
            sw = sweep(st)
            out[:, r, lo:lo + per] = sw.excess, sw.err_rare, sw.best_lr, sw.at_edge
    return out
