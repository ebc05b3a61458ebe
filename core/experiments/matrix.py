"""The benchmark matrix: every optimizer on every scenario, each at its own best rate.

Each cell is one optimizer on one scenario after a learning-rate sweep, the best rate
chosen by the tuning rule of :mod:`core.training.sweep` (stable runs only, lowest mean log10
loss gap; over several noise seeds for the noisy scenario). Scenarios have very
different loss scales, so each cell is a loss GAP and each column is normalised by its
best cell:

    gap_i   = max(L_i − f_ref, floor)     L_i the final loss at the chosen rate
    ratio_i = gap_i / min_k gap_k          1 = the best optimizer on this scenario

f_ref is the known minimum of each surface, the Newton best fit of the sparse data,
and for the network — whose minimum is unknown — the lowest loss that long full-batch
Adam runs reach (:func:`reference_loss`); f_ref = 0 there would measure the data's
overlap rather than the optimizers. ``floor`` = 1e-10 · (L_0 − f_ref) treats everything
within that of f_ref as solved, so optimizers that all reach the bottom tie instead of
being ranked on rounding noise. The page colours cells by log10(ratio).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core.experiments.racers import RULE, hparams
from core.experiments.sparse_race import fitted
from core.optimizers import make
from core.problems.mlp import make_mlp_problem
from core.problems.sparse import make_objective
from core.problems.surfaces import get_surface
from core.training.run import gradient_noise, run
from core.training.sweep import CHECKPOINTS, best_index, lr_grid, tuning_score
from core.training.together import run_together

ROWS: tuple[str, ...] = ("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam")
SCENARIOS: tuple[str, ...] = ("bowl", "rosenbrock", "noisy", "sparse", "mlp")
LR_GRID = lr_grid(1e-4, 1e3, 22)     # Adadelta's best rates sit near 10–100
FLOOR = 1e-10
NOISE_SEEDS = 3          # the noisy scenario: seeds seed … seed + 2, scores averaged
REF_STEPS, REF_LRS = 4000, (0.003, 0.01, 0.03)   # the network's reference runs


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
    noisy       ½(x² + 10 y²) from (−4.5, 2), 300 steps, gradient noise σ = 2, three
                noise seeds; the cell is the mean loss of the last 50 points (averaged
                over the seeds), so one lucky last step does not decide
    sparse      :mod:`core.problems.sparse` logistic regression, a = 1.5, batches of 32, 300 steps
    mlp         :mod:`core.problems.mlp` 16 tanh units on 200 "moons" points (noise 0.3, so the
                classes overlap and the loss cannot reach 0), batches of 32, 300 steps;
                f_ref from :func:`reference_loss`
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
        data, _, f_ref = fitted(1.5, seed, 100, 3000, "sparse")   # shared with the sparse race
        obj = make_objective(data, 32, 300)
        return Scenario(key, obj, np.zeros(100), 300, f_ref, final_loss=obj.f)
    if key == "mlp":
        pb = make_mlp_problem("moons", n=200, hidden=16, seed=seed, noise=0.3, batch_size=32)
        return Scenario(key, pb, pb.theta0, 300, reference_loss(seed), final_loss=pb.f)
    raise ValueError(f"unknown scenario {key!r}; choose one of {', '.join(SCENARIOS)}")


def reference_loss(seed: int = 0) -> float:
    """The network's f_ref: the lowest final full-data loss of full-batch Adam runs of
    REF_STEPS steps from θ₀ at the rates REF_LRS (one batched run). Far longer and with
    exact gradients, it lies well below what 300 mini-batch steps reach."""
    pb = make_mlp_problem("moons", n=200, hidden=16, seed=seed, noise=0.3)
    lr = np.array(REF_LRS).reshape(-1, 1)
    tr = run(make("adam", lr=lr), pb, pb.theta0, REF_STEPS, track_loss=False)
    ok = tr.diverged_at < 0
    return float(np.min(pb.f(tr.points[-1])[ok]))


class Matrix(NamedTuple):
    """rows × columns × the grid's n rates, and what the page shows of them.

    gap (R, C, n)     each rate's loss gap L − f_ref (final, or tail mean), floored; the
                      start gap where the run diverged
    score (R, C, n)   the tuning rule's score (mean log10 gap; lower is better)
    stable (R, C, n)  the tuning rule's stability (never diverged, never above the start)
    best (R, C)       index of the chosen rate, -1 where no rate was stable
    final_gap (R, C)  the gap at the chosen rate (the start gap where none was stable)
    best_lr (R, C)    the chosen rate (NaN where none was stable)
    at_edge (R, C)    True where the chosen rate is the grid's lowest or highest
    ratio (R, C) ≥ 1  final_gap / the column's smallest final_gap
    """

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    lrs: np.ndarray
    gap: np.ndarray
    score: np.ndarray
    stable: np.ndarray
    start_gap: np.ndarray
    f_ref: np.ndarray
    seed: int

    @property
    def best(self) -> np.ndarray:
        R, C, _ = self.gap.shape
        return np.array([[best_index(self.score[i, j], self.stable[i, j]) for j in range(C)]
                         for i in range(R)])

    @property
    def final_gap(self) -> np.ndarray:
        b = self.best
        at = np.take_along_axis(self.gap, np.maximum(b, 0)[..., None], axis=-1)[..., 0]
        return np.where(b >= 0, at, self._floored(self.start_gap)[None, :])

    @property
    def best_lr(self) -> np.ndarray:
        b = self.best
        return np.where(b >= 0, self.lrs[np.maximum(b, 0)], np.nan)

    @property
    def at_edge(self) -> np.ndarray:
        b = self.best
        return (b == 0) | (b == len(self.lrs) - 1)

    @property
    def ratio(self) -> np.ndarray:
        gap = self.final_gap
        return gap / gap.min(axis=0)

    @property
    def log_ratio(self) -> np.ndarray:
        return np.log10(self.ratio)

    def _floored(self, gap) -> np.ndarray:
        return np.maximum(gap, FLOOR * np.maximum(self.start_gap, 1e-300))


def cell(row: str, sc: Scenario, seed: int, lrs=LR_GRID):
    """Sweep optimizer ``row`` on ``sc``: (gap, score, stable), each (n,); see :func:`cells`."""
    gap, score, stable = cells((row,), sc, seed, lrs)
    return gap[0], score[0], stable[0]


def cells(rows: tuple[str, ...], sc: Scenario, seed: int, lrs=LR_GRID):
    """Sweep every optimizer of ``rows`` on ``sc``: (gap, score, stable), each (R, n).

    What :func:`core.training.sweep.sweep_lr` gives row by row (and noise seed by noise
    seed), in ONE run of all rows and seeds (:func:`core.training.together.run_together`,
    x of shape (R, seeds, n, d)). The gap is the final loss − f_ref, or with
    ``sc.tail > 1`` the mean over the last ``tail`` points (of the last sane points, for
    a run that diverged), averaged over the noise seeds; a diverged rate gets the start
    gap (no usable progress). Score and stability are the tuning rule's (mean over the
    seeds; stable on every seed).
    """
    lrs = np.asarray(lrs, dtype=float)
    seeds = tuple(range(seed, seed + NOISE_SEEDS)) if sc.grad_noise > 0 else (seed,)
    curve, diverged_at = _curves(rows, sc, seeds, lrs)          # (K, R, S, n), (R, S, n)
    start = float(sc.objective.f(sc.x0)) - sc.f_ref
    gap, score, stable = [], [], []
    for r in range(len(rows)):
        parts = [_scored(curve[:, r, s], diverged_at[r, s], sc, start) for s in range(len(seeds))]
        gap.append(np.mean([p[0] for p in parts], axis=0))
        score.append(np.mean([p[1] for p in parts], axis=0))
        stable.append(np.logical_and.reduce([p[2] for p in parts]))
    return np.array(gap), np.array(score), np.array(stable)


def _curves(rows, sc: Scenario, seeds: tuple[int, ...], lrs: np.ndarray):
    """The loss curves (K, R, S, n) of every row, noise seed and rate, and where each run
    diverged (R, S, n): every step's loss, or with ``sc.final_loss`` the loss at
    CHECKPOINTS evenly spaced steps (the first and the last included)."""
    d = sc.x0.shape[-1]
    opts = [make(RULE[row], lr=lrs.reshape(-1, 1),
                 **{k: v for k, v in hparams(row).items() if k != "lr"}) for row in rows]
    if sc.final_loss is None:
        at, f = np.arange(sc.steps + 1), sc.objective.f
    else:
        at, f = np.unique(np.linspace(0, sc.steps, CHECKPOINTS).round().astype(int)), sc.final_loss
    noise = None
    if sc.grad_noise > 0:
        noise = np.stack([gradient_noise(sc.grad_noise, s, sc.steps, d) for s in seeds],
                         axis=1)[:, :, None, :]                          # (steps, S, 1, d)
    x0 = np.broadcast_to(sc.x0, (len(seeds), 1, d))
    tog = run_together(opts, sc.objective, x0, sc.steps, at, noise)
    curve = np.empty(tog.points.shape[:-1])
    for r in range(len(rows)):                 # f of one sweep at a time, as sweep_lr asks it
        for s in range(len(seeds)):
            curve[:, r, s] = f(tog.points[:, r, s])
    return curve, tog.diverged_at


def _scored(losses: np.ndarray, diverged_at: np.ndarray, sc: Scenario, start: float):
    """(gap, score, stable) of one sweep's loss curve (K, n) on ``sc``."""
    score, stable = tuning_score(losses, diverged_at, min(sc.f_ref, float(losses.min())))
    last = losses[-1] if sc.tail <= 1 else losses[-sc.tail:].mean(axis=0)
    return np.where(diverged_at >= 0, start, last - sc.f_ref), score, stable


def benchmark(seed: int = 0, rows: tuple[str, ...] = ROWS,
              columns: tuple[str, ...] = SCENARIOS, lrs=LR_GRID) -> Matrix:
    """Fill the matrix: one tuned sweep per cell (three for the noisy scenario), all the
    rows of a column in one run (:func:`cells`)."""
    lrs = np.asarray(lrs, dtype=float)
    shape = (len(rows), len(columns), len(lrs))
    gap, score, stable = np.zeros(shape), np.zeros(shape), np.zeros(shape, dtype=bool)
    start, f_ref = np.zeros(len(columns)), np.zeros(len(columns))
    for j, key in enumerate(columns):
        sc = scenario(key, seed)
        f_ref[j] = sc.f_ref
        start[j] = float(sc.objective.f(sc.x0)) - sc.f_ref
        gap[:, j], score[:, j], stable[:, j] = cells(tuple(rows), sc, seed, lrs)
    floor = FLOOR * np.maximum(start, 1e-300)
    return Matrix(tuple(rows), tuple(columns), lrs, np.maximum(gap, floor[None, :, None]),
                  score, stable, start, f_ref, int(seed))


# ------------------------------------------------------------------ the noise floor

NOISE_ETA, NOISE_MU, NOISE_STEPS, NOISE_TAIL = 0.05, 0.9, 600, 300
NOISE_FLOOR_SEEDS = 5


class NoiseFloor(NamedTuple):
    """Tail-mean loss (the last ``tail`` of ``steps`` points) on the noisy scenario's
    bowl, one entry per seed, for four runs (``floors``: name → (seeds,)):

    sgd            SGD at η
    momentum_same  heavy ball at η(1 − μ): its steady step η(1 − μ)/(1 − μ) = η, as SGD's
    momentum       heavy ball at η: a steady step of η/(1 − μ), ten times larger
    sgd_small      SGD at η/4
    """

    eta: float
    mu: float
    steps: int
    tail: int
    seeds: tuple[int, ...]
    floors: dict


def noise_floor(seed: int = 0, eta: float = NOISE_ETA, mu: float = NOISE_MU,
                steps: int = NOISE_STEPS, tail: int = NOISE_TAIL,
                n_seeds: int = NOISE_FLOOR_SEEDS) -> NoiseFloor:
    """Does momentum average gradient noise away? On f = ½(x² + 10y²) with noise σ = 2.
    The four runs × the seeds step together (:func:`core.training.together.run_together`).

    For a quadratic of curvature h and noise variance σ², SGD settles where
    E[f] ≈ ¼ η σ² per coordinate (ηh ≪ 1), and heavy-ball momentum where
    E[f] ≈ ¼ (η/(1 − μ)) σ²: the floor depends on the steady step η/(1 − μ), so at the
    same steady step momentum sits on the same floor. A smaller step lowers it.
    """
    sc = scenario("noisy", seed)
    seeds = tuple(range(seed, seed + n_seeds))
    runs = {"sgd": ({}, eta), "momentum_same": ({"momentum": mu}, eta * (1 - mu)),
            "momentum": ({"momentum": mu}, eta), "sgd_small": ({}, eta / 4)}
    d = sc.x0.shape[-1]
    noise = np.stack([gradient_noise(sc.grad_noise, s, steps, d) for s in seeds], axis=1)
    at = np.arange(max(steps + 1 - tail, 0), steps + 1)        # the points losses[-tail:]
    tog = run_together([make("sgd", lr=lr, **hp) for hp, lr in runs.values()], sc.objective,
                       np.broadcast_to(sc.x0, (len(seeds), d)), steps, at, noise)
    tails = sc.objective.f(tog.points)                          # (tail, runs, seeds)
    floors = {name: np.array([np.ascontiguousarray(tails[:, r, s]).mean()
                              for s in range(len(seeds))]) for r, name in enumerate(runs)}
    return NoiseFloor(eta, mu, steps, tail, seeds, floors)
