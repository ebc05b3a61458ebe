"""Several optimizers run side by side on one objective, keeping only a few steps' points.

:func:`run_together` is :func:`core.training.run.run` for the learning-rate sweeps of the
Choosing page: R optimizers of the same batch shape step together, stacked on a new
leading axis, so each step asks the objective for ONE batched gradient, and only the
points at the requested steps are kept (not every step's point, gradient and update).
What it returns is what ``run(opt_r, objective, x0, steps, track_loss=False)`` would
give at those steps, optimizer by optimizer:

- with ``noise`` (say σξ_k of :func:`core.training.run.gradient_noise`, one draw per noise
  seed on its own batch axis) the optimizers see g_k = ∇f(x_k) + noise[k], as in ``run``;
- a trajectory diverges at the first step k whose point has a coordinate beyond the
  objective's ``bound`` (or not finite), or whose incoming gradient g_{k−1} is not finite;
- from then on its recorded points repeat its last sane point x_{k−1}.

Divergence is tracked step by step, so nothing is cut afterwards; the arithmetic of
every step is that of :func:`run` (the same gradient call per trajectory, the same
update), so the points agree with it.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.schedules import Schedule
from core.training.run import DEFAULT_BOUND, _check_steps, step_rates


class Together(NamedTuple):
    """``at`` (k,) the recorded steps; ``points`` (k, R, ..., d) the point of every
    trajectory there (frozen at its last sane point after divergence); ``diverged_at``
    (R, ...) the step of divergence, -1 where the run stayed sane."""

    at: np.ndarray
    points: np.ndarray
    diverged_at: np.ndarray


def run_together(optimizers, objective, x0, steps: int, at, noise=None,
                 schedule: Schedule | None = None) -> Together:
    """Take ``steps`` steps of every optimizer from ``x0``, recording the points at the
    steps ``at`` (sorted, between 0 and ``steps``); see the module docstring.

    Every optimizer must broadcast ``x0`` to the same batch shape (say ``lr`` of shape
    (n, 1)); the objective's ``batch_grad(x, k)`` (else ``grad(x)``) takes points of shape
    (R, batch…, d). The start must lie within the objective's bound. ``noise`` (steps, …)
    broadcasts against the batch: noise[k] is added to the gradient of step k.
    ``schedule`` sets each optimizer's rate at every step from its own ``lr``, as in ``run``.
    """
    steps = _check_steps(steps)
    at = np.unique(np.asarray(at, dtype=int))
    if at.size == 0 or at[0] < 0 or at[-1] > steps:
        raise ValueError(f"the recorded steps must lie in 0 … {steps}")
    x = _start(optimizers, x0)
    bound = float(getattr(objective, "bound", DEFAULT_BOUND))
    if not np.all(np.abs(x) <= bound):
        raise ValueError("the start point lies outside the objective's bound")
    batch_grad = getattr(objective, "batch_grad", None)
    states = [opt.init(x[r]) for r, opt in enumerate(optimizers)]
    lrs = [step_rates(opt, schedule, steps) for opt in optimizers]
    sane = np.ones(x.shape[:-1], dtype=bool)
    diverged_at = np.full(x.shape[:-1], -1)
    last_sane = x.copy()
    points = np.empty((len(at),) + x.shape)
    slot = 0
    if at[0] == 0:
        points[0], slot = x, 1
    step = np.empty_like(x)
    with np.errstate(all="ignore"):
        for k in range(steps):
            g = batch_grad(x, k) if batch_grad is not None else objective.grad(x)
            if noise is not None:
                g = g + noise[k]
            for r, opt in enumerate(optimizers):
                if lrs[r] is None:
                    step[r], states[r] = opt.update(g[r], states[r], x[r])
                else:
                    step[r], states[r] = opt.update(g[r], states[r], x[r], lr=lrs[r][k])
            nxt = x + step
            ok = np.all(np.abs(nxt) <= bound, axis=-1) & np.all(np.isfinite(g), axis=-1)
            fell = sane & ~ok
            if fell.any():
                diverged_at[fell] = k + 1
                last_sane[fell] = x[fell]
                sane &= ok
            x = nxt
            if slot < len(at) and at[slot] == k + 1:
                points[slot] = np.where(sane[..., None], x, last_sane)
                slot += 1
    return Together(at, points, diverged_at)


def _start(optimizers, x0) -> np.ndarray:
    """x0 broadcast to (R, batch…, d), one copy per optimizer."""
    x0 = np.asarray(x0, dtype=float)
    if x0.ndim == 0 or not np.all(np.isfinite(x0)):
        raise ValueError("the start point must be a finite vector")
    if not optimizers:
        raise ValueError("run_together needs at least one optimizer")
    shapes = {opt.batch_shape(x0.shape) for opt in optimizers}
    if len(shapes) != 1:
        raise ValueError(f"the optimizers broadcast x0 to different shapes: {sorted(shapes)}")
    return np.array(np.broadcast_to(x0, (len(optimizers),) + shapes.pop()))
