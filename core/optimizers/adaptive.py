"""Per-coordinate learning rates: AdaGrad, RMSProp and Adadelta.

Each divides the step by a root of (a sum or an average of) squared gradients, so a
coordinate that has seen small or rare gradients takes relatively larger steps.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import flag, is_off, number


class AdagradState(NamedTuple):
    """``s``: running sum of squared gradients."""

    t: int
    s: np.ndarray


def adagrad(lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0,
            eps=1e-10) -> Optimizer:
    r"""AdaGrad: divide by the root of the running SUM of squared gradients.

    Update at step t = 1, 2, ... with s_0 = initial_accumulator_value:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \\
        \tilde\eta_t &= \frac{\eta}{1 + (t-1)\,\delta} \\
        s_t &= s_{t-1} + g_t^2 \\
        x_t &= x_{t-1} - \tilde\eta_t\, \frac{g_t}{\sqrt{s_t} + \epsilon}
        \end{aligned}

    The sum only grows, so every coordinate's step shrinks for good.
    Under a learning-rate schedule η is that step's rate, and lr_decay divides it
    further (torch's clr uses the scheduled η).

    Convention: torch adds ε outside the root and starts s at 0; Keras starts s at 0.1
    and puts ε = 1e-7 inside the root.
    """
    name = "adagrad"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    lr_decay = number(name, "lr_decay", lr_decay, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    s0 = number(name, "initial_accumulator_value", initial_accumulator_value, 0.0)
    eps = number(name, "eps", eps, 0.0)
    use_decay = not is_off(weight_decay)

    def init(x):
        return AdagradState(t=0, s=np.zeros_like(x, dtype=float) + s0)

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        t = state.t + 1
        if use_decay:
            g = g + weight_decay * x
        clr = lr / (1.0 + (t - 1) * lr_decay)
        s = state.s + g * g
        return -clr * g / (np.sqrt(s) + eps), AdagradState(t, s)

    hparams = dict(lr=lr0, lr_decay=lr_decay, weight_decay=weight_decay,
                   initial_accumulator_value=s0, eps=eps)
    return Optimizer(name, hparams, init, update)


class RMSpropState(NamedTuple):
    """``v``: average of g²; ``ga``: average of g (centered only); ``buf``: momentum buffer."""

    t: int
    v: np.ndarray
    ga: np.ndarray
    buf: np.ndarray


def rmsprop(lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0,
            centered=False) -> Optimizer:
    r"""RMSProp: divide by the root of a decaying AVERAGE of squared gradients.

    Update at step t = 1, 2, ... with v_0 = \bar g_0 = b_0 = 0:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \\
        v_t &= \alpha\, v_{t-1} + (1-\alpha)\, g_t^2 \\
        \bar g_t &= \alpha\, \bar g_{t-1} + (1-\alpha)\, g_t
            \quad (\texttt{centered}) \\
        r_t &= \begin{cases} \sqrt{v_t - \bar g_t^2} + \epsilon & \texttt{centered} \\
                             \sqrt{v_t} + \epsilon & \lnot\,\texttt{centered} \end{cases} \\
        b_t &= \mu\, b_{t-1} + g_t / r_t \\
        x_t &= x_{t-1} - \eta\, b_t \quad (\mu > 0), \qquad
        x_t = x_{t-1} - \eta\, g_t / r_t \quad (\mu = 0)
        \end{aligned}

    There is no bias correction: v starts at 0, so with α = 0.99 the first step is
    about η/√(1−α) = 10·η per coordinate.

    Convention: torch's defaults are α = 0.99 and ε = 1e-8 outside the root; Keras uses
    ρ = 0.9 and ε = 1e-7 inside the root. Here v_t − ḡ_t² is clipped at 0 against
    round-off, where torch would return NaN.
    """
    name = "rmsprop"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    alpha = number(name, "alpha", alpha, 0.0, 1.0)
    eps = number(name, "eps", eps, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    momentum = number(name, "momentum", momentum, 0.0)
    centered = flag(name, "centered", centered)
    use_decay, use_momentum = not is_off(weight_decay), not is_off(momentum)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return RMSpropState(t=0, v=zeros, ga=zeros, buf=zeros)

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        t = state.t + 1
        if use_decay:
            g = g + weight_decay * x
        v = alpha * state.v + (1.0 - alpha) * (g * g)
        ga = state.ga
        if centered:
            ga = alpha * ga + (1.0 - alpha) * g
            r = np.sqrt(np.maximum(v - ga * ga, 0.0)) + eps
        else:
            r = np.sqrt(v) + eps
        if use_momentum:
            buf = momentum * state.buf + g / r
            return -lr * buf, RMSpropState(t, v, ga, buf)
        return -lr * g / r, RMSpropState(t, v, ga, state.buf)

    hparams = dict(lr=lr0, alpha=alpha, eps=eps, weight_decay=weight_decay,
                   momentum=momentum, centered=centered)
    return Optimizer(name, hparams, init, update)


class AdadeltaState(NamedTuple):
    """``v``: average of g²; ``w``: average of squared steps d²."""

    t: int
    v: np.ndarray
    w: np.ndarray


def adadelta(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0) -> Optimizer:
    r"""Adadelta: scale each step by RMS(past steps) / RMS(gradients).

    Update at step t = 1, 2, ... with v_0 = w_0 = 0:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \\
        v_t &= \rho\, v_{t-1} + (1-\rho)\, g_t^2 \\
        d_t &= \frac{\sqrt{w_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\; g_t \\
        w_t &= \rho\, w_{t-1} + (1-\rho)\, d_t^2 \\
        x_t &= x_{t-1} - \eta\, d_t
        \end{aligned}

    The ratio has the units of x, so with η = 1 no learning rate is needed; the first
    steps are tiny (about √ε) and grow as w fills up.

    Convention: ε sits inside both roots (torch and Keras agree); torch's defaults are
    η = 1, ρ = 0.9, ε = 1e-6, Keras's η = 1e-3, ρ = 0.95, ε = 1e-7.
    """
    name = "adadelta"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    rho = number(name, "rho", rho, 0.0, 1.0)
    eps = number(name, "eps", eps, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    use_decay = not is_off(weight_decay)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return AdadeltaState(t=0, v=zeros, w=zeros)

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        t = state.t + 1
        if use_decay:
            g = g + weight_decay * x
        v = rho * state.v + (1.0 - rho) * (g * g)
        d = np.sqrt(state.w + eps) / np.sqrt(v + eps) * g
        w = rho * state.w + (1.0 - rho) * (d * d)
        return -lr * d, AdadeltaState(t, v, w)

    hparams = dict(lr=lr0, rho=rho, eps=eps, weight_decay=weight_decay)
    return Optimizer(name, hparams, init, update)
