"""Fair comparison: find each optimizer's best learning rate with one batched run.

Comparing optimizers at one shared learning rate mostly measures which of them that
rate happens to suit. The fair question is how well each does at ITS best rate, so
we run every rate of a log-spaced grid at once (``lr`` of shape (n, 1), see
:mod:`core.optimizers`) and keep the one with the lowest final loss.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .optimizers import make
from .run import Trajectory, run


class Sweep(NamedTuple):
    """One optimizer over a grid of learning rates.

    lrs          (n,)  the grid, increasing
    final_loss   (n,)  f at the last sane point (finite even where a run diverged)
    diverged_at  (n,)  step of divergence, -1 where the run stayed sane
    best         index of the lowest final loss among the runs that did not diverge
                 (-1 if every rate diverged)
    trajectory   the batched Trajectory itself (leading axes (steps+1, n, ...))
    """

    name: str
    lrs: np.ndarray
    final_loss: np.ndarray
    diverged_at: np.ndarray
    best: int
    trajectory: Trajectory

    @property
    def best_lr(self) -> float | None:
        return float(self.lrs[self.best]) if self.best >= 0 else None


def lr_grid(lo: float = 1e-4, hi: float = 10.0, n: int = 21) -> np.ndarray:
    """``n`` learning rates spaced evenly in log10 between ``lo`` and ``hi``."""
    if not (0 < lo < hi and np.isfinite(hi)) or not 2 <= n <= 200:
        raise ValueError(f"need 0 < lo < hi and 2 ≤ n ≤ 200, got lo={lo}, hi={hi}, n={n}")
    return np.logspace(np.log10(lo), np.log10(hi), n)


def sweep_lr(name: str, hparams: dict, objective, x0, steps: int, lrs=None, *,
             grad_noise: float = 0.0, seed: int | None = None,
             final_loss=None, maker=make) -> Sweep:
    """Run ``name`` (other hyperparameters from ``hparams``) at every rate in ``lrs``.

    One call of :func:`core.run.run` with ``lr`` of shape (n, 1) — the same noise or
    mini-batches for every rate. ``final_loss(points)`` may replace ``objective.f`` on
    the last points when f is not tracked along the way (expensive objectives).
    ``maker`` builds the optimizer (``core.optimizers.keras.make_keras`` for the Keras
    variants).
    """
    lrs = lr_grid() if lrs is None else np.asarray(lrs, dtype=float)
    if lrs.ndim != 1 or lrs.size == 0:
        raise ValueError("lrs must be a non-empty 1-D array of learning rates")
    hp = {k: v for k, v in hparams.items() if k != "lr"}
    x0 = np.asarray(x0, dtype=float)
    lr = lrs.reshape((-1,) + (1,) * x0.ndim)
    tr = run(maker(name, lr=lr, **hp), objective, x0, steps, grad_noise=grad_noise, seed=seed,
             track_loss=final_loss is None)
    last = tr.losses[-1] if final_loss is None else np.asarray(final_loss(tr.points[-1]))
    ok = tr.diverged_at < 0
    best = int(np.argmin(np.where(ok, last, np.inf))) if ok.any() else -1
    return Sweep(name, lrs, last, tr.diverged_at, best, tr)
