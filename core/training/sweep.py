"""Fair comparison: find each optimizer's best learning rate with one batched run.

Comparing optimizers at one shared learning rate mostly measures which of them that
rate happens to suit. The fair question is how well each does at ITS best rate, so
we run every rate of a log-spaced grid at once (``lr`` of shape (n, 1), see
:mod:`core.optimizers`) and pick one by a rule a practitioner would defend.

The tuning rule (the same wherever the app picks a "best" rate):

1. A rate is *stable* when its run never diverged and its loss gap never rose above
   the gap it started from: g_k = f(x_k) − f_ref ≤ g_0 for every step k (on every seed).
   An unstable rate is never chosen, however low its last loss happens to be.
2. Among the stable rates the best has the lowest area under the log-loss curve,

       score = mean_k log10(max(g_k, floor)),   floor = 1e-12 · max(1, g_0),

   averaged over the seeds. It rewards getting low early and staying low; a lucky
   last step cannot win, and a spike costs the steps it lasts.
3. A best rate at either end of the grid is flagged (``at_edge``): the true best may
   lie beyond the grid.

With ``final_loss`` (objectives whose f is expensive) the curve is sampled at
``CHECKPOINTS`` evenly spaced steps instead of every step.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.optimizers import make
from core.schedules import Schedule
from core.training.run import Trajectory, run

CHECKPOINTS = 21          # loss samples per run when f is not tracked at every step
FLOOR = 1e-12             # relative floor of the loss gap inside the log


class Sweep(NamedTuple):
    """One optimizer over a grid of learning rates.

    lrs          (n,)  the grid, increasing
    final_loss   (n,)  f at the last sane point (finite even where a run diverged)
    diverged_at  (n,)  step of divergence, -1 where the run stayed sane
    best         index of the best stable rate by the tuning rule (module docstring),
                 -1 when no rate was stable
    trajectory   the batched Trajectory of the first seed (leading axes (steps+1, n, ...))
    score        (n,)  mean log10 loss gap (lower is better), averaged over the seeds
    stable       (n,)  True where no seed's run diverged or rose above its start
    """

    name: str
    lrs: np.ndarray
    final_loss: np.ndarray
    diverged_at: np.ndarray
    best: int
    trajectory: Trajectory
    score: np.ndarray
    stable: np.ndarray

    @property
    def best_lr(self) -> float | None:
        return float(self.lrs[self.best]) if self.best >= 0 else None

    @property
    def at_edge(self) -> bool:
        """True when the best rate is the grid's lowest or highest."""
        return self.best in (0, len(self.lrs) - 1)


def lr_grid(lo: float = 1e-4, hi: float = 10.0, n: int = 21) -> np.ndarray:
    """``n`` learning rates spaced evenly in log10 between ``lo`` and ``hi``."""
    if not (0 < lo < hi and np.isfinite(hi)) or not 2 <= n <= 200:
        raise ValueError(f"need 0 < lo < hi and 2 ≤ n ≤ 200, got lo={lo}, hi={hi}, n={n}")
    return np.logspace(np.log10(lo), np.log10(hi), n)


def loss_floor(objective) -> float:
    """f_ref for the tuning rule: the lowest listed minimum of the objective, else 0
    (every loss of the app's data problems is ≥ 0)."""
    minima = getattr(objective, "minima", None)
    return float(min(m.value for m in minima)) if minima else 0.0


def tuning_score(losses: np.ndarray, diverged_at: np.ndarray, f_ref: float):
    """(score, stable) of the tuning rule for losses of shape (k, n) sampled from step 0.

    g = losses − f_ref, clipped below at floor = 1e-12 · max(1, g_0);
    stable = (no divergence) & (g_k ≤ g_0 for every k); score = mean_k log10 g_k.
    """
    gap = np.asarray(losses, dtype=float) - f_ref
    floor = FLOOR * np.maximum(1.0, gap[0])
    stable = (np.asarray(diverged_at) < 0) & np.all(gap <= gap[0] * (1 + 1e-12) + floor, axis=0)
    score = np.mean(np.log10(np.maximum(gap, floor)), axis=0)
    return score, stable


def best_index(score: np.ndarray, stable: np.ndarray) -> int:
    """The stable entry with the lowest score, or -1 when none is stable."""
    return int(np.argmin(np.where(stable, score, np.inf))) if stable.any() else -1


def sweep_lr(name: str, hparams: dict, objective, x0, steps: int, lrs=None, *,
             grad_noise: float = 0.0, seed: int | None = None, seeds=None,
             final_loss=None, f_ref: float | None = None, keep=None, maker=make,
             schedule: Schedule | None = None) -> Sweep:
    """Run ``name`` (other hyperparameters from ``hparams``) at every rate in ``lrs``.

    One call of :func:`core.training.run.run` per seed with ``lr`` of shape (n, 1) — the same
    noise or mini-batches for every rate. ``seeds`` (several noise seeds, used when
    ``grad_noise`` > 0) replaces ``seed``: the sweeps are merged by :func:`combine`.
    ``final_loss(points)`` replaces ``objective.f`` for expensive objectives (the loss
    curve is then sampled at ``CHECKPOINTS`` steps). ``f_ref`` is the loss the gaps are
    measured from (default :func:`loss_floor`). ``keep(trajectory)`` -> (n,) bool adds
    a condition a stable run must meet (say, staying on the drawn map). ``maker`` builds
    the optimizer (``core.optimizers.keras.make_keras`` for Keras). ``schedule`` applies
    to every rate of the grid (rates of shape (steps, n, 1)); the grid holds base rates.
    """
    lrs = lr_grid() if lrs is None else np.asarray(lrs, dtype=float)
    if lrs.ndim != 1 or lrs.size == 0:
        raise ValueError("lrs must be a non-empty 1-D array of learning rates")
    hp = {k: v for k, v in hparams.items() if k != "lr"}
    x0 = np.asarray(x0, dtype=float)
    lr = lrs.reshape((-1,) + (1,) * x0.ndim)
    seeds = (seed,) if seeds is None or grad_noise == 0 else tuple(seeds)
    f_ref = loss_floor(objective) if f_ref is None else float(f_ref)
    parts = []
    for s in seeds:
        tr = run(maker(name, lr=lr, **hp), objective, x0, steps, grad_noise=grad_noise, seed=s,
                 track_loss=final_loss is None, schedule=schedule)
        curve = tr.losses if final_loss is None else _sampled(final_loss, tr.points)
        score, stable = tuning_score(curve, tr.diverged_at, min(f_ref, float(curve.min())))
        if keep is not None:
            stable = stable & np.asarray(keep(tr), dtype=bool)
        parts.append(Sweep(name, lrs, np.asarray(curve[-1], dtype=float), tr.diverged_at,
                           best_index(score, stable), tr, score, stable))
    return combine(parts)


def combine(parts: list[Sweep]) -> Sweep:
    """Sweeps of one optimizer over the same grid on several seeds (or mini-batch orders)
    as one: the mean score, stable only where stable on every part, the best by that;
    the first part's losses and trajectory."""
    if len(parts) == 1:
        return parts[0]
    stable = np.logical_and.reduce([p.stable for p in parts])
    score = np.mean([p.score for p in parts], axis=0)
    return parts[0]._replace(score=score, stable=stable, best=best_index(score, stable))


def _sampled(final_loss, points: np.ndarray) -> np.ndarray:
    """final_loss at CHECKPOINTS evenly spaced steps, the first and the last included."""
    idx = np.unique(np.linspace(0, len(points) - 1, CHECKPOINTS).round().astype(int))
    return np.asarray(final_loss(points[idx]), dtype=float)
