"""The benchmark matrix: every optimizer on every scenario, each at its own best rate.

Each cell is one optimizer's final loss L_i on one scenario after a learning-rate
sweep (:func:`core.race.tune`, one batched run). Scenarios have very different loss
scales, so each column is normalised by its best cell:

    gap_i   = max(L_i − f_ref, floor)     f_ref: the known minimum (or 0, a lower bound)
    ratio_i = gap_i / min_k gap_k          1 = the best optimizer on this scenario

``floor`` = 1e-10 · (L_0 − f_ref) treats everything within that of the minimum as
solved, so optimizers that all reach the bottom tie instead of being ranked on
rounding noise. The page colours cells by log10(ratio).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .mlp import make_mlp_problem
from .race import tune
from .sparse import best_fit, make_data, make_objective
from .surfaces import get_surface
from .sweep import lr_grid

ROWS: tuple[str, ...] = ("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam")
SCENARIOS: tuple[str, ...] = ("bowl", "rosenbrock", "noisy", "sparse", "mlp")
LR_GRID = lr_grid(1e-4, 1e3, 22)     # Adadelta's best rates sit near 10–100
FLOOR = 1e-10


@dataclass(frozen=True, eq=False)
class Scenario:
    """An objective with its start, budget, gradient noise and reference loss f_ref."""

    key: str
    objective: object
    x0: np.ndarray
    steps: int
    f_ref: float
    grad_noise: float = 0.0
    final_loss: object = None      # f on the last points, when f is not tracked
    tail: int = 1                  # score = mean loss over the last ``tail`` points


def scenario(key: str, seed: int = 0) -> Scenario:
    """The scenario ``key`` (one of :data:`SCENARIOS`) drawn with ``seed``.

    bowl        ½(x² + 100 y²) from (−4.5, 2), 200 steps, exact gradients
    rosenbrock  from (−1.5, 2), 500 steps, exact gradients
    noisy       ½(x² + 10 y²) from (−4.5, 2), 300 steps, gradient noise σ = 2; scored by
                the mean loss of the last 50 points, so one lucky last step does not decide
    sparse      :mod:`core.sparse` logistic regression, a = 1.5, batches of 32, 300 steps
    mlp         :mod:`core.mlp` 16 tanh units on 200 "moons" points (noise 0.3, so the
                classes overlap and the loss cannot reach 0), batches of 32, 300 steps
    """
    if key == "bowl":
        s = get_surface("bowl", kappa=100.0)
        return Scenario(key, s, np.array(s.start), 200, 0.0)
    if key == "rosenbrock":
        s = get_surface("rosenbrock")
        return Scenario(key, s, np.array(s.start), 500, 0.0)
    if key == "noisy":
        s = get_surface("bowl", kappa=10.0)
        return Scenario(key, s, np.array(s.start), 300, 0.0, grad_noise=2.0, tail=50)
    if key == "sparse":
        obj = make_objective(make_data(1.5, F=100, N=3000, seed=seed), 32, 300)
        f_ref = float(obj.f(best_fit(obj.data)))
        return Scenario(key, obj, np.zeros(100), 300, f_ref, final_loss=obj.f)
    if key == "mlp":
        pb = make_mlp_problem("moons", n=200, hidden=16, seed=seed, noise=0.3, batch_size=32)
        return Scenario(key, pb, pb.theta0, 300, 0.0, final_loss=pb.f)
    raise ValueError(f"unknown scenario {key!r}; choose one of {', '.join(SCENARIOS)}")


class Matrix(NamedTuple):
    """rows × columns × the grid's n rates, and what the page shows of them.

    score (R, C, n)     each rate's score: final loss (or tail mean)
    diverged (R, C, n)  True where that run diverged (its score is then not used)
    final_loss (R, C)   the best score among the rates that did not diverge (the start
                        loss where every rate diverged)
    best_lr (R, C)      its rate (NaN where every rate diverged)
    at_edge (R, C)      True where the best rate is the grid's lowest or highest
    ratio (R, C) ≥ 1    the normalised gap (module docstring)
    """

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    lrs: np.ndarray
    score: np.ndarray
    diverged: np.ndarray
    start_loss: np.ndarray
    f_ref: np.ndarray
    seed: int

    @property
    def final_loss(self) -> np.ndarray:
        return np.take_along_axis(self._usable, self._best[..., None], axis=-1)[..., 0]

    @property
    def best_lr(self) -> np.ndarray:
        return np.where(self.diverged.all(axis=-1), np.nan, self.lrs[self._best])

    @property
    def at_edge(self) -> np.ndarray:
        edge = (self._best == 0) | (self._best == len(self.lrs) - 1)
        return edge & ~self.diverged.all(axis=-1)

    @property
    def ratio(self) -> np.ndarray:
        gap = self._gap.min(axis=-1)
        return gap / gap.min(axis=0)

    @property
    def log_ratio(self) -> np.ndarray:
        return np.log10(self.ratio)

    @property
    def _usable(self) -> np.ndarray:
        """Scores with diverged runs replaced by the start loss (no usable progress)."""
        return np.where(self.diverged, self.start_loss[None, :, None], self.score)

    @property
    def _best(self) -> np.ndarray:
        return np.where(self.diverged, np.inf, self.score).argmin(axis=-1)

    @property
    def _gap(self) -> np.ndarray:
        floor = FLOOR * np.maximum(self.start_loss - self.f_ref, 1e-300)
        return np.maximum(self._usable - self.f_ref[None, :, None], floor[None, :, None])


def scores(row: str, sc: Scenario, seed: int, lrs=LR_GRID) -> tuple[np.ndarray, np.ndarray]:
    """Sweep optimizer ``row`` on ``sc``: each rate's score (n,) and whether it diverged.

    The score is the final loss, or with ``sc.tail > 1`` the mean loss over the last
    ``tail`` points (of the last sane points, for a run that diverged).
    """
    sw = tune(row, "torch", {}, sc.objective, sc.x0, sc.steps, lrs, grad_noise=sc.grad_noise,
              seed=seed, final_loss=sc.final_loss)
    score = sw.final_loss if sc.tail <= 1 else sw.trajectory.losses[-sc.tail:].mean(axis=0)
    return np.asarray(score, dtype=float), sw.diverged_at >= 0


def benchmark(seed: int = 0, rows: tuple[str, ...] = ROWS,
              columns: tuple[str, ...] = SCENARIOS, lrs=LR_GRID) -> Matrix:
    """Fill the matrix: one tuned sweep per cell, all with the same ``seed``."""
    lrs = np.asarray(lrs, dtype=float)
    score = np.zeros((len(rows), len(columns), len(lrs)))
    diverged = np.zeros(score.shape, dtype=bool)
    start, f_ref = np.zeros(len(columns)), np.zeros(len(columns))
    for j, key in enumerate(columns):
        sc = scenario(key, seed)
        start[j], f_ref[j] = float(sc.objective.f(sc.x0)), sc.f_ref
        for i, row in enumerate(rows):
            score[i, j], diverged[i, j] = scores(row, sc, seed, lrs)
    return Matrix(tuple(rows), tuple(columns), lrs, score, diverged, start, f_ref, int(seed))
