"""The one optimization loop: run an optimizer on an objective and record everything.

An objective is anything with ``f(x)`` (shape (..., d) -> (...)) and ``grad(x)``
((..., d) -> (..., d)), such as a :class:`core.problems.surfaces.Surface`. Optional extras:

- ``bound``: a trajectory with any |coordinate| beyond it counts as diverged;
- ``batch_grad(x, k)``: the gradient the optimizer sees at step k (say, of the k-th
  mini-batch); when present it replaces ``grad``, so every optimizer and every
  trajectory of a batch is fed the same sequence of mini-batches.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.optimizers import Optimizer
from core.schedules import Schedule

DEFAULT_BOUND = 1e6
MAX_STEPS = 100_000


class Trajectory(NamedTuple):
    """What one call of :func:`run` produced, with a leading step axis.

    points     (steps+1, ..., d)  x_0 ... x_T
    losses     (steps+1, ...)     f(x_k), or None when run with track_loss=False
    gradients  (steps, ..., d)    g_k fed to the optimizer at x_k (noise included)
    updates    (steps, ..., d)    u_k, so that x_{k+1} = x_k + u_k
    diverged_at (...)             first step k whose point is non-finite or out of
                                  bounds, -1 where the run stayed sane
    states     per-step optimizer states (each array field with a leading step
               axis; ``states[k]`` is the state after step k+1), or None

    After divergence at step k, points and losses hold their last sane values
    (index k-1) and gradients and updates are 0 from index k-1 on: nothing returned
    is NaN or infinite.
    """

    points: np.ndarray
    losses: np.ndarray
    gradients: np.ndarray
    updates: np.ndarray
    diverged_at: np.ndarray
    states: tuple | None = None

    @property
    def steps(self) -> int:
        return len(self.updates)

    @property
    def valid(self) -> np.ndarray:
        """(steps+1, ...) mask of the points to draw: True up to divergence."""
        k = np.arange(self.steps + 1).reshape((-1,) + (1,) * self.diverged_at.ndim)
        return (self.diverged_at < 0) | (k < self.diverged_at)


def run(optimizer: Optimizer, objective, x0, steps: int, *, grad_noise: float = 0.0,
        seed: int | None = None, record_states: bool = False,
        track_loss: bool = True, schedule: Schedule | None = None) -> Trajectory:
    """Take ``steps`` steps of ``optimizer`` on ``objective`` from ``x0``.

    x_{k+1} = x_k + u_k,  (u_k, state) = optimizer.update(g_k, state, x_k),
    g_k = ∇f(x_k) + σ ξ_k  with ξ_k ~ N(0, I) drawn from ``default_rng(seed)``.

    The noise (σ = ``grad_noise``, imitating mini-batch gradients) has shape
    (steps, d) and is shared by every trajectory in a batch: common random numbers,
    the way every optimizer in a race sees the same mini-batches. So a batched run
    equals the same runs made one at a time. ``x0`` is broadcast against the
    optimizer's array hyperparameters, so ``x0`` of shape (d,) with ``lr`` of shape
    (B, 1) gives B trajectories.

    ``track_loss=False`` skips evaluating f at every point (for objectives where f
    is expensive, such as a full data set); divergence is then judged on the points
    and gradients alone.

    ``schedule`` (a :class:`core.schedules.Schedule`; None keeps the rate constant) sets
    the rate of every step as a torch scheduler would: η_k = rates[k] with
    rates = schedule.rates(optimizer.hparams["lr"], steps), handed to the rule as
    ``update(g_k, state, x_k, lr=η_k)``. Nothing else is scaled. An array ``lr`` of
    shape (B, 1) gives rates of shape (steps, B, 1), one schedule per trajectory.
    """
    steps = _check_steps(steps)
    sigma = float(grad_noise)
    if not np.isfinite(sigma) or sigma < 0:
        raise ValueError(f"grad_noise must be a finite number ≥ 0, got {grad_noise!r}")
    x0 = np.asarray(x0, dtype=float)
    if x0.ndim == 0 or not np.all(np.isfinite(x0)):
        raise ValueError("the start point must be a finite vector")
    x = np.array(np.broadcast_to(x0, optimizer.batch_shape(x0.shape)))
    bound = float(getattr(objective, "bound", DEFAULT_BOUND))
    noise = gradient_noise(sigma, seed, steps, x.shape[-1]) if sigma > 0 else None

    points = np.empty((steps + 1,) + x.shape)
    gradients = np.empty((steps,) + x.shape)
    updates = np.empty((steps,) + x.shape)
    points[0] = x
    state, kept = optimizer.init(x), []
    batch_grad = getattr(objective, "batch_grad", None)
    lrs = step_rates(optimizer, schedule, steps)
    with np.errstate(all="ignore"):
        for k in range(steps):
            g = batch_grad(x, k) if batch_grad is not None else objective.grad(x)
            if noise is not None:
                g = g + noise[k]
            gradients[k] = g
            if lrs is None:
                u, state = optimizer.update(g, state, x)
            else:
                u, state = optimizer.update(g, state, x, lr=lrs[k])
            updates[k] = u
            x = x + u
            points[k + 1] = x
            if record_states:
                kept.append(state)
        losses = np.asarray(objective.f(points), dtype=float) if track_loss else None
    states = _stack(kept) if record_states else None
    return _cut(Trajectory(points, losses, gradients, updates, None, states), bound)


def step_rates(optimizer: Optimizer, schedule: Schedule | None, steps: int):
    """The rate of each step under ``schedule`` from the optimizer's own ``lr``
    (shape (steps,) + shape(lr)), or None for no schedule."""
    if schedule is None:
        return None
    if not isinstance(schedule, Schedule):
        raise ValueError(f"schedule must be a core.schedules.Schedule or None, got {schedule!r}")
    return optimizer.step_rates(schedule, steps)


def gradient_noise(sigma: float, seed: int | None, steps: int, d: int) -> np.ndarray:
    """σ ξ_k for k = 0 … steps − 1: (steps, d) draws of N(0, σ²) from ``default_rng(seed)``,
    the noise :func:`run` adds to every trajectory of a batch."""
    return sigma * np.random.default_rng(seed).standard_normal((steps, d))


def _check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)):
        raise ValueError(f"steps must be a whole number, got {steps!r}")
    if not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be between 0 and {MAX_STEPS:,}, got {steps}")
    return int(steps)


def _stack(states: list) -> tuple | None:
    """Turn a list of NamedTuple states into one NamedTuple of stacked fields (a state
    made of states, such as :mod:`core.optimizers.groups`', is stacked field by field)."""
    if not states:
        return None
    first = states[0]
    if isinstance(first, tuple) and hasattr(first, "_fields"):
        return type(first)(*(_stack(list(field)) for field in zip(*states, strict=True)))
    return np.stack(np.broadcast_arrays(*states))


def _cut(tr: Trajectory, bound: float) -> Trajectory:
    """Find each trajectory's divergence step and freeze everything after it."""
    p = tr.points
    bad = ~np.all(np.isfinite(p) & (np.abs(p) <= bound), axis=-1)
    if tr.losses is not None:
        bad |= ~np.isfinite(tr.losses)
    if tr.states is not None:
        bad[1:] |= ~_states_finite(tr.states, bad.shape[1:])
    bad[1:] |= ~np.all(np.isfinite(tr.gradients), axis=-1)   # an inf gradient poisons x_{k+1}
    hit = bad.any(axis=0)
    diverged_at = np.where(hit, bad.argmax(axis=0), -1)
    if not hit.any():
        return tr._replace(diverged_at=diverged_at)

    steps = len(tr.updates)
    k = np.arange(steps + 1).reshape((-1,) + (1,) * hit.ndim)
    last = np.where(hit, diverged_at - 1, steps)                 # index of the last sane point
    take = np.broadcast_to(np.minimum(k, last), bad.shape)      # repeat the last sane row
    points = np.take_along_axis(p, np.broadcast_to(take[..., None], p.shape), axis=0)
    losses = None if tr.losses is None else np.take_along_axis(tr.losses, take, axis=0)
    moving = k[:-1] < last                                       # steps that left a sane point
    gradients = np.where(moving[..., None], tr.gradients, 0.0)
    updates = np.where(moving[..., None], tr.updates, 0.0)
    states = _freeze_states(tr.states, moving) if tr.states is not None else None
    return Trajectory(points, losses, gradients, updates, diverged_at, states)


def _states_finite(states, batch: tuple) -> np.ndarray:
    """(steps,) + batch: True where every float entry of the state is finite."""
    ok = np.ones((len(_leaves(states)[0]),) + batch, dtype=bool)
    for leaf in _leaves(states):
        if leaf.ndim > ok.ndim and leaf.dtype.kind == "f":
            ok &= np.all(np.isfinite(leaf), axis=tuple(range(ok.ndim, leaf.ndim)))
    return ok


def _freeze_states(states, moving: np.ndarray):
    """Zero every per-coordinate state entry from the bad step on (keeps it drawable)."""
    fields = []
    for field in states:
        if isinstance(field, tuple):
            field = _freeze_states(field, moving)
        elif field.ndim > moving.ndim and field.dtype.kind == "f":
            keep = moving.reshape(moving.shape + (1,) * (field.ndim - moving.ndim))
            field = np.where(keep, field, 0.0)
        fields.append(field)
    return type(states)(*fields)


def _leaves(states) -> list[np.ndarray]:
    """The arrays of a (possibly nested) stacked state, in field order."""
    out = []
    for field in states:
        out.extend(_leaves(field) if isinstance(field, tuple) else [np.asarray(field)])
    return out
