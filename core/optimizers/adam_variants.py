"""Two of Adam's variants in torch 2.13: Adamax (an ∞-norm scale) and RAdam (a rectified scale)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import flag, is_off, number, pair


class AdamaxState(NamedTuple):
    """``m``: average of g; ``r``: decaying running max of |g| + ε (the ∞-norm scale)."""

    t: int
    m: np.ndarray
    r: np.ndarray


def adamax(lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0) -> Optimizer:
    r"""Adamax: Adam's momentum step divided by a decaying maximum of |g| instead of an RMS.

    Update at step t = 1, 2, ... with m_0 = r_0 = 0:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        r_t &= \max\bigl(\beta_2\, r_{t-1},\ |g_t| + \epsilon\bigr) \\
        x_t &= x_{t-1} - \frac{\eta}{1-\beta_1^t}\;\frac{m_t}{r_t}
        \end{aligned}

    The scale r is the limit p → ∞ of Adam's (average of |g|^p)^(1/p): it remembers the
    largest recent gradient and forgets it by the factor β₂ per step. It needs no bias
    correction, because a maximum is not pulled towards its zero start.

    Convention: torch adds ε inside the max (to |g|, before comparing), so r ≥ ε and the
    step never divides by zero; the paper's Adamax has no ε. Weight decay enters the
    gradient (coupled, as in Adam). η is read at every step, so a scheduler's value acts
    on that step only.
    """
    name = "adamax"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = pair(name, "betas", betas)
    eps = number(name, "eps", eps, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    use_decay = not is_off(weight_decay)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return AdamaxState(t=0, m=zeros, r=zeros)

    def update(g, state, x, lr=None):
        lr = hparams["lr"] if lr is None else lr
        t = state.t + 1
        if use_decay:
            g = g + weight_decay * x
        m = b1 * state.m + (1.0 - b1) * g
        r = np.maximum(b2 * state.r, np.abs(g) + eps)
        u = -(lr / (1.0 - np.power(b1, t))) * (m / r)   # np.power: a batch of β₁ = single runs
        return u, AdamaxState(t, m, r)

    hparams = dict(lr=lr, betas=(b1, b2), eps=eps, weight_decay=weight_decay)
    return Optimizer(name, hparams, init, update)


class RAdamState(NamedTuple):
    """``m``: average of g; ``v``: average of g² (as in Adam)."""

    t: int
    m: np.ndarray
    v: np.ndarray


def radam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
          decoupled_weight_decay=False) -> Optimizer:
    r"""RAdam: Adam that uses momentum alone until its RMS scale is trustworthy, then rectifies it.

    Update at step t = 1, 2, ... with m_0 = v_0 = 0 and ρ_∞ = 2/(1−β₂) − 1:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \quad (\lnot\,\texttt{decoupled\_weight\_decay}) \\
        x_{t-1} &\leftarrow (1-\eta\lambda)\,x_{t-1} \quad (\texttt{decoupled\_weight\_decay}) \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \quad
        v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        \hat m_t &= \frac{m_t}{1-\beta_1^t}, \quad
        \rho_t = \rho_\infty - \frac{2t\,\beta_2^t}{1-\beta_2^t} \\
        x_t &= \begin{cases}
            x_{t-1} - \eta\, \hat m_t\, r_t\, \dfrac{\sqrt{1-\beta_2^t}}{\sqrt{v_t} + \epsilon}
                & \rho_t > 5, \quad
                r_t = \sqrt{\dfrac{(\rho_t-4)(\rho_t-2)\,\rho_\infty}
                                  {(\rho_\infty-4)(\rho_\infty-2)\,\rho_t}} \\
            x_{t-1} - \eta\, \hat m_t & \rho_t \le 5
        \end{cases}
        \end{aligned}

    ρ_t estimates how many gradients the average v_t really holds; while it is small,
    1/√v̂ has a large variance and Adam's first steps can be wild. RAdam then takes plain
    (bias-corrected) momentum steps, and afterwards scales Adam's step by r_t, which
    grows from near 0 towards 1 as ρ_t → ρ_∞.

    Convention: torch's threshold is ρ_t > 5. With β₂ = 0.999, ρ_t ≈ t early on, so
    steps 1–5 are x ← x − η·m̂ (the size of η times the gradient, not η per
    coordinate), and step 6 is rectified by r₆ ≈ 0.026. The paper's algorithm box says
    ρ_t > 4. ε is added after the root, as in torch's Adam. With decoupled weight decay
    x first shrinks by (1 − ηλ), as in AdamW. η is read at every step.
    """
    name = "radam"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = pair(name, "betas", betas)
    eps = number(name, "eps", eps, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    decoupled = flag(name, "decoupled_weight_decay", decoupled_weight_decay)
    use_decay = not is_off(weight_decay)
    rho_inf = 2.0 / (1.0 - b2) - 1.0

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return RAdamState(t=0, m=zeros, v=zeros)

    def update(g, state, x, lr=None):
        lr = hparams["lr"] if lr is None else lr
        t = state.t + 1
        shrink = 0.0
        if use_decay and decoupled:
            shrink = -lr * weight_decay * x           # (1 − ηλ)x − x
        elif use_decay:
            g = g + weight_decay * x
        m = b1 * state.m + (1.0 - b1) * g
        v = b2 * state.v + (1.0 - b2) * (g * g)
        b1t, b2t = np.power(b1, t), np.power(b2, t)    # np.power: a batch of βs = single runs
        m_hat = m / (1.0 - b1t)
        bc2 = 1.0 - b2t
        rho = rho_inf - 2.0 * t * b2t / bc2
        if np.ndim(rho) == 0 and rho <= 5.0:         # one β₂ for all: skip the rectified step
            return shrink - m_hat * lr, RAdamState(t, m, v)
        adaptive = np.sqrt(bc2) / (np.sqrt(v) + eps)
        if np.ndim(rho) == 0:
            return shrink - m_hat * lr * adaptive * _rect(rho, rho_inf), RAdamState(t, m, v)
        on = rho > 5.0                                # a batch of β₂: choose per problem
        with np.errstate(divide="ignore", invalid="ignore"):   # r is unused where ρ_t ≤ 5
            step = m_hat * lr * adaptive * _rect(np.where(on, rho, 6.0), rho_inf)
        return shrink - np.where(on, step, m_hat * lr), RAdamState(t, m, v)

    hparams = dict(lr=lr, betas=(b1, b2), eps=eps, weight_decay=weight_decay,
                   decoupled_weight_decay=decoupled)
    return Optimizer(name, hparams, init, update)


def _rect(rho, rho_inf):
    """RAdam's rectification r_t (real and in (0, 1) for 5 < ρ_t < ρ_∞)."""
    return np.sqrt((rho - 4.0) * (rho - 2.0) * rho_inf
                   / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho))
