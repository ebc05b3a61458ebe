"""Schedule-Free AdamW: an SGD-like sequence z, its running average x, gradients at a blend y."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import Hyper, is_off, number


class ScheduleFreeState(NamedTuple):
    """``z``: the base (SGD-like) iterate; ``x``: the weighted average of z_1 … z_t, the
    point to evaluate; ``v``: average of g²; ``lr_max``: the largest warmed-up learning
    rate so far; ``weight_sum``: the sum of the averaging weights w_1 … w_t."""

    t: int
    z: np.ndarray
    x: np.ndarray
    v: np.ndarray
    lr_max: Hyper
    weight_sum: Hyper


def schedule_free_adamw(lr=0.0025, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                        warmup_steps=0, r=0.0, weight_lr_power=2.0) -> Optimizer:
    r"""Schedule-Free AdamW: average the iterates instead of decaying the learning rate.

    Three sequences start at the same point, z_0 = x_0 = y_0, with v_0 = 0. At step
    t = 1, 2, ... the gradient g_t is taken at y_{t-1} (γ_t: this step's learning rate,
    T = warmup_steps, λ = weight_decay, p = weight_lr_power):

    .. math::

        \begin{aligned}
        \eta_t &= \gamma_t \min\bigl(1,\ t / T\bigr), \qquad
        \eta^{max}_t = \max(\eta^{max}_{t-1}, \eta_t) \\
        w_t &= t^{\,r}\, (\eta^{max}_t)^{p}, \qquad
        c_t = w_t \Big/ \textstyle\sum_{i \le t} w_i \\
        v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        d_t &= \frac{g_t}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon} + \lambda\, y_{t-1} \\
        z_t &= z_{t-1} - \eta_t\, d_t \\
        x_t &= (1 - c_t)\, x_{t-1} + c_t\, z_t \\
        y_t &= (1 - \beta_1)\, z_t + \beta_1\, x_t
        \end{aligned}

    z takes plain Adam-scaled steps with no momentum, x averages the z's (with c_t = 1/t
    when r = 0 and the rate is constant), and y, where the gradient is evaluated, sits
    between the two: β₁ plays the part momentum plays in Adam. The rule returns
    u = y_t − y_{t-1} = c_t (z_{t-1} − y_{t-1}) + η_t (β₁(1 − c_t) − 1) d_t.

    Which point is which: the ``x`` passed to ``update`` and the trajectory of
    ``core.training.run`` are y, the point where the gradient is taken (the parameters
    the package holds in train mode). The averaged point x, which the package swaps into
    the parameters in ``eval()`` mode and at which one reports the loss, is kept in the
    state; :func:`schedule_free_eval_point` returns it.

    Convention: the rule of the ``schedulefree`` package, version 1.4.1 (class
    ``schedulefree.AdamWScheduleFree`` in train mode, its non-foreach path; ``foreach``
    is not offered; the state's x follows ``AdamWScheduleFreeReference``). It is not in
    torch.optim. Unlike Adam there is no first moment m, and only v is bias-corrected.
    Weight decay λ·y is added after the division by the RMS and steps z, so it is
    decoupled like AdamW's and scaled by η_t. The warm-up is built in, and the step's
    learning rate (a torch scheduler's ``group["lr"]``) is read once per step: it is
    multiplied by the warm-up factor, and that warmed-up rate sets the step of z, the
    running maximum η^max and with it the averaging weight w_t.
    """
    name = "schedule_free_adamw"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = _betas(name, betas)
    eps = number(name, "eps", eps, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    warmup = _whole(name, "warmup_steps", warmup_steps)
    r = number(name, "r", r, 0.0)
    power = number(name, "weight_lr_power", weight_lr_power, 0.0)
    use_decay = not is_off(weight_decay)
    lr0 = lr

    def init(x):
        x = np.array(x, dtype=float)
        return ScheduleFreeState(t=0, z=x, x=x.copy(), v=np.zeros_like(x),
                                 lr_max=0.0, weight_sum=0.0)

    def update(g, state, x, lr=None):
        t = state.t + 1
        eta = (lr0 if lr is None else lr) * _warmup_factor(t, warmup)
        lr_max = np.maximum(eta, state.lr_max)
        w = np.power(float(t), r) * np.power(lr_max, power)
        weight_sum = state.weight_sum + w
        c = _ratio(w, weight_sum)
        v = b2 * state.v + (1.0 - b2) * (g * g)
        d = g / (np.sqrt(v / (1.0 - b2**t)) + eps)
        if use_decay:
            d = d + weight_decay * x
        z = state.z - eta * d
        avg = (1.0 - c) * state.x + c * z
        u = c * (state.z - x) + eta * (b1 * (1.0 - c) - 1.0) * d
        return u, ScheduleFreeState(t, z, avg, v, lr_max, weight_sum)

    hparams = dict(lr=lr, betas=(b1, b2), eps=eps, weight_decay=weight_decay,
                   warmup_steps=warmup, r=r, weight_lr_power=power)
    return Optimizer(name, hparams, init, update)


def schedule_free_eval_point(state: ScheduleFreeState) -> np.ndarray:
    """The averaged point x_t of a Schedule-Free state: where the package's ``eval()`` mode
    puts the parameters, and the point at which to report (or plot) the loss. Before any
    step it is the start point."""
    return state.x


def _warmup_factor(t: int, warmup: Hyper) -> Hyper:
    """min(1, t / T): the package's linear warm-up over the first T steps (none for T = 0)."""
    if np.ndim(warmup) == 0:
        return t / warmup if t <= warmup else 1.0
    return np.where(t <= warmup, t / np.maximum(warmup, 1.0), 1.0)


def _ratio(w: Hyper, total: Hyper) -> Hyper:
    """w / total, and 0 where total is 0 (the package's answer to a zero division)."""
    if np.ndim(total) == 0:
        return w / total if total != 0 else 0.0
    return np.divide(w, total, out=np.zeros(np.shape(total)), where=total != 0)


def _betas(name, betas):
    """β₁ may be anything in [0, 1] (β₁ = 1 evaluates at the average itself); β₂ in [0, 1)."""
    try:
        b1, b2 = betas
    except (TypeError, ValueError):
        raise ValueError(f"{name}: betas must be a pair (beta1, beta2), got {betas!r}") from None
    return (number(name, "betas[0]", b1, 0.0, 1.0),
            number(name, "betas[1]", b2, 0.0, 1.0, hi_open=True))


def _whole(name, knob, value) -> Hyper:
    """A count such as warmup_steps: a whole number ≥ 0 (an int, or an array of them)."""
    if isinstance(value, bool):
        raise ValueError(f"{name}: {knob} must be a whole number ≥ 0, got {value!r}")
    n = number(name, knob, value, 0.0)
    if np.any(np.asarray(n) != np.round(n)):
        raise ValueError(f"{name}: {knob} must be a whole number ≥ 0, got {value!r}")
    return int(n) if np.ndim(n) == 0 else n
