"""Stochastic gradient descent, with heavy-ball or Nesterov momentum."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import flag, is_off, number


class SGDState(NamedTuple):
    """``t``: steps taken; ``buf``: the momentum buffer b (zero while momentum is off)."""

    t: int
    buf: np.ndarray


def sgd(lr=1e-3, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False) -> Optimizer:
    r"""SGD: step against the gradient; with momentum, against a running sum of gradients.

    Update at step t = 1, 2, ... (λ = weight_decay, μ = momentum, τ = dampening):

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \\
        b_t &= \begin{cases} g_t & t = 1 \\ \mu\, b_{t-1} + (1-\tau)\, g_t & t > 1 \end{cases} \\
        d_t &= \begin{cases} g_t + \mu\, b_t & \texttt{nesterov} \\
                             b_t & \lnot\,\texttt{nesterov} \end{cases} \\
        x_t &= x_{t-1} - \eta\, d_t
        \end{aligned}

    With μ = 0 there is no buffer and d_t = g_t.

    Convention: torch starts the buffer at b_1 = g_1 with no dampening on the first step.
    Keras writes momentum as a velocity v ← μ v − η g, x ← x + v, which gives the same
    points while η stays constant.
    """
    name = "sgd"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    momentum = number(name, "momentum", momentum, 0.0)
    dampening = number(name, "dampening", dampening, 0.0, 1.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    nesterov = flag(name, "nesterov", nesterov)
    if nesterov and (np.any(np.asarray(momentum) <= 0) or not is_off(dampening)):
        raise ValueError("sgd: nesterov=True needs momentum > 0 and dampening = 0")
    use_decay, use_momentum = not is_off(weight_decay), not is_off(momentum)
    # Where a swept momentum array holds zeros, those runs are plain SGD.
    plain = np.asarray(momentum) == 0 if use_momentum and np.ndim(momentum) else None

    def init(x):
        return SGDState(t=0, buf=np.zeros_like(x, dtype=float))

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        t = state.t + 1
        if use_decay:
            g = g + weight_decay * x
        if not use_momentum:
            return -lr * g, SGDState(t, state.buf)
        buf = np.array(g, dtype=float) if t == 1 else momentum * state.buf + (1.0 - dampening) * g
        d = g + momentum * buf if nesterov else buf
        if plain is not None and plain.any():
            buf = np.where(plain, 0.0, buf)
            d = np.where(plain, g, d)
        return -lr * d, SGDState(t, buf)

    hparams = dict(lr=lr0, momentum=momentum, dampening=dampening,
                   weight_decay=weight_decay, nesterov=nesterov)
    return Optimizer(name, hparams, init, update)
