"""Parameter groups: one flat θ cut into named slices, each trained by its own rule.

torch trains a network by handing each tensor to an optimizer: Muon for the weight
matrices, AdamW for biases (Muon's authors and torch's documentation recommend
exactly this split). Here every objective sees one flat vector θ of shape (..., P),
so a group is a slice of θ's last axis, reshaped to the tensor's shape:

>>> opt = grouped([Group("W", slice(0, 6), (2, 3), make("muon", lr=0.02)),
...                Group("b", slice(6, 9), (3,), make("adamw", lr=1e-3))])
>>> state = opt.init(theta)                  # theta: (..., 9); state.W, state.b
>>> u, state = opt.update(g, state, theta)   # each slice stepped by its own rule

:func:`mlp_muon` builds that split for :mod:`core.problems.mlp`'s network.
"""

from __future__ import annotations

import keyword
import math
from typing import NamedTuple

import numpy as np

from ._base import Optimizer


class Group(NamedTuple):
    """θ[..., index] seen as an array of ``shape`` (its matrix transposed if ``transpose``)
    and trained by ``optimizer``; ``name`` becomes the field of the grouped state."""

    name: str
    index: slice
    shape: tuple[int, ...]
    optimizer: Optimizer
    transpose: bool = False


class GroupedOptimizer(Optimizer):
    """An :class:`Optimizer` whose ``hparams["groups"]`` are :class:`Group` records, in θ order."""

    __slots__ = ()

    def batch_shape(self, x_shape: tuple[int, ...]) -> tuple[int, ...]:
        """Leading axes of θ once every group's hyperparameters are broadcast, then (P,)."""
        lead = tuple(x_shape[:-1])
        for grp in self.hparams["groups"]:
            k = len(grp.shape)
            lead = np.broadcast_shapes(lead, grp.optimizer.batch_shape(lead + _seen(grp))[:-k])
        return tuple(lead) + tuple(x_shape[-1:])

    def step_rates(self, schedule, steps: int) -> list[tuple]:
        """Per step, a tuple of every group's rate: ``schedule`` applied to each group's
        own base rate, as one torch scheduler over several param groups does."""
        per_group = [grp.optimizer.step_rates(schedule, steps) for grp in self.hparams["groups"]]
        return list(zip(*per_group, strict=True))


def grouped(groups, name: str = "grouped") -> GroupedOptimizer:
    r"""One optimizer over θ (..., P) made of :class:`Group` s that cover θ without overlap.

    .. math::

        \theta = [\theta^{(1)}, \dots, \theta^{(G)}], \qquad
        (u^{(i)}_t, s^{(i)}_t) = \mathrm{update}_i\bigl(g^{(i)}_t, s^{(i)}_{t-1},
            \theta^{(i)}_{t-1}; \eta_t\bigr), \qquad
        u_t = [u^{(1)}_t, \dots, u^{(G)}_t]

    Each group's slices of g and θ are reshaped to its shape (leading axes kept as
    batch) before its rule sees them, and its step is flattened back. The state is a
    NamedTuple with one field per group name, holding that rule's own state.

    Convention: the per-step ``lr`` is either a tuple with one rate per group (each
    shaped like that group's own ``lr``), which is what a torch scheduler over several
    param groups produces: each group's schedule starts from its own base rate
    (:meth:`GroupedOptimizer.step_rates`, used by :func:`core.training.run.run`), or one
    rate (a scalar, or an array shaped (..., 1) against θ) handed to every group, as
    setting ``lr`` in every param group by hand does.
    """
    groups = _check_groups(groups)
    P = groups[-1].index.stop
    state_type = NamedTuple("GroupedState", [(grp.name, tuple) for grp in groups])
    state_type.__doc__ = "One field per group: " + ", ".join(g.name for g in groups) + "."

    def init(x):
        x = _check_theta(x, P)
        return state_type(*(grp.optimizer.init(_view(x, grp)) for grp in groups))

    def update(g, state, x, lr=None):
        x = _check_theta(x, P)
        steps, states = [], []
        for i, (grp, s) in enumerate(zip(groups, state, strict=True)):
            gi, xi = _view(np.asarray(g, dtype=float), grp), _view(x, grp)
            if lr is None:
                ui, si = grp.optimizer.update(gi, s, xi)
            else:
                ui, si = grp.optimizer.update(gi, s, xi, lr=_group_lr(lr, grp, i))
            steps.append(_flatten(ui, grp))
            states.append(si)
        lead = np.broadcast_shapes(*(u.shape[:-1] for u in steps))
        u = np.concatenate([np.broadcast_to(u, lead + u.shape[-1:]) for u in steps], axis=-1)
        return u, state_type(*states)

    return GroupedOptimizer(name, {"groups": groups}, init, update)


# The layout of core.problems.mlp: θ = [W₁ (2·H, row-major), b₁ (H), w₂ (H), b₂ (1)].
def mlp_layout(hidden: int) -> dict[str, tuple[slice, tuple[int, ...]]]:
    """Slice and shape of each tensor of :mod:`core.problems.mlp`'s θ (see its ``unpack``)."""
    H = int(hidden)
    return {"W1": (slice(0, 2 * H), (2, H)), "b1": (slice(2 * H, 3 * H), (H,)),
            "w2": (slice(3 * H, 4 * H), (H,)), "b2": (slice(4 * H, 4 * H + 1), (1,))}


def mlp_muon(hidden: int, muon: dict | None = None, rest: str = "adamw",
             rest_hparams: dict | None = None) -> GroupedOptimizer:
    """Muon on the network's weight matrix W₁, ``rest`` (AdamW by default) on b₁, w₂, b₂.

    ``muon`` and ``rest_hparams`` are torch keyword arguments; an array among them is
    shaped against θ, e.g. ``lr`` of shape (B, 1) for B networks (for W₁ it is given an
    extra axis). W₁ is handed to Muon as torch's ``nn.Linear(2, H).weight`` stores it,
    (out, in) = (H, 2), so ``adjust_lr_fn="original"`` scales η by √(H/2), as torch
    would for that layer. b₁, w₂ and b₂ are three tensors, each with its own ``rest``
    rule, as three torch parameters in one AdamW group (the same for any elementwise rule).
    """
    # imported here so that core.optimizers may import this module
    from . import make

    layout = mlp_layout(hidden)
    index, shape = layout["W1"]
    lifted = {k: _lift(v) for k, v in (muon or {}).items()}
    groups = [Group("W1", index, shape, make("muon", **lifted), transpose=True)]
    for key in ("b1", "w2", "b2"):
        index, shape = layout[key]
        groups.append(Group(key, index, shape, make(rest, **(rest_hparams or {}))))
    return grouped(groups, name=f"muon+{rest}")


def _lift(value):
    """A hyperparameter shaped against θ (..., 1) made to broadcast against (..., m, n)."""
    if isinstance(value, tuple):
        return tuple(_lift(v) for v in value)
    if isinstance(value, np.ndarray) and value.ndim > 0:
        return value[..., None]
    return value


def _seen(grp: Group) -> tuple[int, ...]:
    """The shape the group's rule sees."""
    return grp.shape[:-2] + grp.shape[:-3:-1] if grp.transpose else grp.shape


def _view(a: np.ndarray, grp: Group) -> np.ndarray:
    part = a[..., grp.index].reshape(a.shape[:-1] + grp.shape)
    return np.swapaxes(part, -1, -2) if grp.transpose else part


def _flatten(u, grp: Group) -> np.ndarray:
    u = np.asarray(u, dtype=float)
    if grp.transpose:
        u = np.swapaxes(u, -1, -2)
    return u.reshape(u.shape[: u.ndim - len(grp.shape)] + (-1,))


def _group_lr(lr, grp: Group, i: int):
    if isinstance(lr, tuple):
        return lr[i]                       # this group's own scheduled rate
    arr = np.asarray(lr, dtype=float)
    if arr.ndim == 0:
        return lr
    if arr.shape[-1] != 1:
        raise ValueError(f"grouped: a per-step lr array must be shaped (..., 1) against θ, "
                         f"got shape {arr.shape}")
    return arr.reshape(arr.shape[:-1] + (1,) * len(grp.shape))


def _check_theta(x, P: int) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim < 1 or x.shape[-1] != P:
        raise ValueError(f"grouped: θ must have shape (..., {P}) (the groups cover {P} "
                         f"entries), got shape {x.shape}")
    return x


def _check_groups(groups) -> tuple[Group, ...]:
    try:
        groups = tuple(Group(*grp) for grp in groups)
        groups = tuple(grp._replace(shape=tuple(grp.shape)) for grp in groups)
    except TypeError:
        raise ValueError("grouped: give a list of Group(name, index, shape, optimizer"
                         "[, transpose]) records") from None
    if not groups:
        raise ValueError("grouped: give at least one group")
    for grp in groups:
        _check_group(grp)
    names = [grp.name for grp in groups]
    if len(set(names)) != len(names):
        raise ValueError(f"grouped: group names must differ, got {names}")
    groups = tuple(sorted(groups, key=lambda grp: grp.index.start))
    end = 0
    for grp in groups:
        if grp.index.start != end:
            raise ValueError(f"grouped: the groups must cover θ from 0 without gaps or "
                             f"overlaps; group {grp.name!r} starts at {grp.index.start}, "
                             f"expected {end}")
        end = grp.index.stop
    return groups


def _check_group(grp: Group) -> None:
    label = f"grouped: group {grp.name!r}"
    if not isinstance(grp.name, str) or not grp.name.isidentifier() or (
            keyword.iskeyword(grp.name) or grp.name.startswith("_")):
        raise ValueError(f"{label}: the name must be a Python identifier not starting with _")
    idx = grp.index
    if not (isinstance(idx, slice) and isinstance(idx.start, int) and isinstance(idx.stop, int)
            and idx.step in (None, 1) and 0 <= idx.start < idx.stop):
        raise ValueError(f"{label}: index must be a slice(start, stop) with 0 ≤ start < stop")
    if not all(isinstance(n, int) and n > 0 for n in grp.shape) or not grp.shape:
        raise ValueError(f"{label}: shape must be a tuple of positive whole numbers")
    if math.prod(grp.shape) != idx.stop - idx.start:
        raise ValueError(f"{label}: shape {grp.shape} holds {math.prod(grp.shape)} entries "
                         f"but the slice has {idx.stop - idx.start}")
    if not isinstance(grp.optimizer, Optimizer):
        raise ValueError(f"{label}: optimizer must be an Optimizer from core.optimizers.make")
    if grp.transpose and len(grp.shape) < 2:
        raise ValueError(f"{label}: transpose needs a matrix shape (..., m, n)")
