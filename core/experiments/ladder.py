"""The Adam ladder: RMSProp → Adam without bias correction → Adam, over a range of
sparsity exponents, each rung at its own tuned rate.

With RMSProp's α equal to Adam's β₂ (matched memory) the rungs differ by one piece each:
the first adds momentum (β₁), the second bias correction, m̂ = m / (1 − β₁ᵗ) and
v̂ = v / (1 − β₂ᵗ). It runs past 1/(1 − β₂) steps (:func:`ladder_steps`), so bias
correction is judged after the start-up period too, not only inside it.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.experiments.seed_stack import Stack, StackSweep, racer_spec, sweep_stack, tune_stacked
from core.experiments.sparse_race import (
    F_FEATURES,
    N_SAMPLES,
    STEPS,
    problem,
)
from core.optimizers.ablation import make_ablation
from core.training.sweep import lr_grid

LADDER: tuple[str, ...] = ("rmsprop", "adam_nobc", "adam")
LADDER_LRS = lr_grid(1e-4, 10.0, 16)     # same spacing as LR_GRID; the Adam family never wants more
LEVELS = (0.0, 1.0, 2.0)                 # the sparsity exponents, dense to sparse
LADDER_SEEDS = (0, 1, 2)
MEMORIES = 2.0                           # the ladder runs 2/(1 − β₂) steps (at least STEPS)


def ladder_steps(b2: float) -> int:
    """Steps of the ladder: MEMORIES × 1/(1 − β₂), at least STEPS, so the run outlasts
    the start-up period that bias correction is about."""
    return max(STEPS, int(np.ceil(MEMORIES / (1.0 - b2))))


def rung_spec(rung: str, b2: float) -> tuple:
    """(maker, rule, hyperparameters) of one rung; RMSProp's α is set to β₂."""
    if rung == "rmsprop":
        return racer_spec("rmsprop", alpha=b2)
    if rung == "adam":
        return racer_spec("adam", b2=b2)
    if rung == "adam_nobc":
        return make_ablation, "adam_nobc", {"betas": (0.9, b2)}
    raise ValueError(f"unknown rung {rung!r}; choose one of {', '.join(LADDER)}")


def rung_sweep(rung: str, b2: float, st: Stack, steps: int, lrs) -> StackSweep:
    """One rung of the ladder on every problem of ``st``."""
    return sweep_stack(*rung_spec(rung, b2), st, steps, lrs)


class LadderResult(NamedTuple):
    """The ladder over K sparsity levels, R rungs and the given seeds, ``steps`` long.

    excess    (K, R, seeds)  final excess loss at the rung's tuned rate
    err_rare  (K, R, seeds)  relative weight error of the rare features there
    best_lr   (K, R, seeds)  the tuned rate (NaN if no rate was stable)
    at_edge   (K, R, seeds)  the tuned rate is the grid's lowest or highest
    """

    levels: np.ndarray
    rungs: tuple[str, ...]
    seeds: tuple[int, ...]
    excess: np.ndarray
    err_rare: np.ndarray
    best_lr: np.ndarray
    at_edge: np.ndarray
    steps: int = STEPS
    b2: float = 0.99


def ladder(levels=LEVELS, b2: float = 0.99, seeds=LADDER_SEEDS, batch_size: int = 32,
           steps: int | None = None, F: int = F_FEATURES, N: int = N_SAMPLES,
           rungs: tuple[str, ...] = LADDER, lrs=LADDER_LRS) -> LadderResult:
    """Tune every rung at every sparsity level a in ``levels`` for every seed: every
    problem and every rung in one stacked run."""
    levels, seeds = np.asarray(levels, dtype=float), tuple(int(s) for s in seeds)
    steps = ladder_steps(b2) if steps is None else int(steps)
    pbs = [problem(float(a), batch_size, s, steps, F, N) for a in levels for s in seeds]
    specs = [rung_spec(r, b2) for r in rungs]
    out = tune_stacked(pbs, batch_size, steps, lrs, specs)              # (4, R, K·S)
    out = out.reshape(4, len(rungs), len(levels), len(seeds)).transpose(0, 2, 1, 3)
    return LadderResult(levels, tuple(rungs), seeds, out[0], out[1], out[2],
                        out[3].astype(bool), steps, float(b2))
