"""The record every rule returns: a name, its resolved hyperparameters and two pure functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np


class Optimizer(NamedTuple):
    """An update rule as a pair of pure functions (the optax shape).

    ``init(x) -> state`` builds a fresh state for parameters ``x`` of shape ``(..., d)``.
    ``update(g, state, x, lr=None) -> (u, state)`` returns the signed step ``u`` (the next
    point is ``x + u``) and a new state; it never mutates ``g``, ``x`` or the old state.
    ``lr`` is the learning rate of this one step, as a torch scheduler leaves it in
    ``param_groups[0]["lr"]`` before ``optimizer.step()``; ``None`` means ``hparams["lr"]``.
    Each rule reads it where torch reads the group's ``lr`` (Rprop only at its first step,
    ASGD in its η for the next step), so a schedule is never a factor applied to ``u``.
    ``hparams`` holds every hyperparameter under torch's keyword name, after checking.
    """

    name: str
    hparams: dict[str, Any]
    init: Callable[[np.ndarray], NamedTuple]
    update: Callable[..., tuple[np.ndarray, NamedTuple]]

    def batch_shape(self, x_shape: tuple[int, ...]) -> tuple[int, ...]:
        """Shape of ``x`` once broadcast against every array hyperparameter."""
        shapes = [np.shape(v) for v in _flat(self.hparams.values())]
        return np.broadcast_shapes(tuple(x_shape), *shapes)

    def step_rates(self, schedule, steps: int):
        """The ``lr`` to hand :attr:`update` at each of ``steps`` steps under ``schedule``
        (a :class:`core.schedules.Schedule`), started from this rule's own rate:
        ``schedule.rates(hparams["lr"], steps)``, indexed by step."""
        if "lr" not in self.hparams:
            raise ValueError(f"{self.name} has no learning rate to schedule")
        return schedule.rates(self.hparams["lr"], steps)


def _flat(values):
    for v in values:
        if isinstance(v, tuple):
            yield from v
        elif isinstance(v, (float, int, np.ndarray)) and not isinstance(v, bool):
            yield v
