"""Muon in the race's network section: Muon on the network's weight matrix W₁, AdamW on
the biases and the output weights (:func:`core.optimizers.groups.mlp_muon`), one learning
rate η for both groups so that it can be set, shared or swept like any other racer's.

Muon has no place on the 2-D surfaces: torch's Muon refuses any parameter that is not a
matrix, and a 2-vector seen as a 1×2 matrix has a single singular value, so its
orthogonalised step would be (about) the unit vector of its momentum — normalised
momentum, not Muon's lesson.
"""

from __future__ import annotations

from core.optimizers.groups import GroupedOptimizer, mlp_muon
from core.schedules import Schedule
from core.training.run import Trajectory, run
from core.training.sweep import Sweep, sweep_lr

MUON_RACER = "muon_adamw"


def muon_adamw(hidden: int, lr=None) -> GroupedOptimizer:
    """Muon (torch's defaults: momentum 0.95, Nesterov, weight decay 0.1, five
    Newton–Schulz steps) on W₁ and AdamW (torch's defaults) on b₁, w₂, b₂, both at
    rate ``lr`` (None: each keeps torch's default, 1e-3 for both)."""
    kw = {} if lr is None else {"lr": lr}
    return mlp_muon(hidden, muon=kw, rest_hparams=kw)


def run_muon(problem, hidden: int, lr, steps: int, *, seed: int | None = None,
             schedule: Schedule | None = None) -> Trajectory:
    """The network trained by Muon + AdamW from ``problem.theta0`` (the same loop,
    mini-batches and schedule as every other racer)."""
    return run(muon_adamw(hidden, lr), problem, problem.theta0, steps, seed=seed,
               schedule=schedule)


def tune_muon(problem, hidden: int, steps: int, lrs, *, seed: int | None = None,
              final_loss=None, schedule: Schedule | None = None) -> Sweep:
    """Muon + AdamW's learning-rate sweep: η of shape (n, 1), the same for both groups."""
    def maker(name, lr, **_):
        return muon_adamw(hidden, lr)
    return sweep_lr(MUON_RACER, {}, problem, problem.theta0, steps, lrs, seed=seed,
                    final_loss=final_loss, maker=maker, schedule=schedule)
