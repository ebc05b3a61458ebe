"""Adam and its relatives: momentum (first moment) over an RMS scale (second moment)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import flag, is_off, number, pair


class AdamState(NamedTuple):
    """``m``: average of g; ``v``: average of g²; ``vmax``: running max of v (AMSGrad)."""

    t: int
    m: np.ndarray
    v: np.ndarray
    vmax: np.ndarray


def adam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False) -> Optimizer:
    r"""Adam: a bias-corrected momentum step divided by a bias-corrected RMS of gradients.

    Update at step t = 1, 2, ... with m_0 = v_0 = 0:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        v^{max}_t &= \max(v^{max}_{t-1}, v_t), \quad v^{max}_0 = 0 \qquad (\texttt{amsgrad}) \\
        \hat v_t &= \begin{cases} v^{max}_t / (1-\beta_2^t) & \texttt{amsgrad} \\
                                  v_t / (1-\beta_2^t) & \lnot\,\texttt{amsgrad} \end{cases} \\
        x_t &= x_{t-1} - \frac{\eta}{1-\beta_1^t}\;
               \frac{m_t}{\sqrt{\hat v_t} + \epsilon}
        \end{aligned}

    The factors 1/(1−β₁ᵗ) and 1/(1−β₂ᵗ) undo the pull towards 0 that the zero
    start gives m and v in the first steps (bias correction). With AMSGrad the max is
    kept of the raw v and then divided by 1 − β₂ᵗ, so v̂ (and with it the effective rate
    η/√v̂) can still change in both directions while that factor fades.

    Convention: torch adds ε after the bias-corrected root; Keras uses the paper's
    "ε-hat" form, x ← x − η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε) with ε = 1e-7. That equals
    torch's form with ε multiplied by 1/√(1−β₂ᵗ) (about 32 at t = 1 for β₂ = 0.999), so
    while gradients are small Keras's early steps are smaller, not larger.
    """
    return _adam("adam", lr, betas, eps, weight_decay, amsgrad, decoupled=False)


def adamw(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False) -> Optimizer:
    r"""AdamW: Adam whose weight decay shrinks x directly instead of entering the gradient.

    Update at step t = 1, 2, ... with m_0 = v_0 = 0:

    .. math::

        \begin{aligned}
        x'_{t-1} &= (1 - \eta\lambda)\, x_{t-1} \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        v^{max}_t &= \max(v^{max}_{t-1}, v_t), \quad v^{max}_0 = 0 \qquad (\texttt{amsgrad}) \\
        \hat v_t &= \begin{cases} v^{max}_t / (1-\beta_2^t) & \texttt{amsgrad} \\
                                  v_t / (1-\beta_2^t) & \lnot\,\texttt{amsgrad} \end{cases} \\
        x_t &= x'_{t-1} - \frac{\eta}{1-\beta_1^t}\;
               \frac{m_t}{\sqrt{\hat v_t} + \epsilon}
        \end{aligned}

    Decoupling matters because Adam divides the gradient, weight decay included, by
    √v; AdamW's decay is the same fraction ηλ for every coordinate.
    Under a learning-rate schedule the fraction is that step's η·λ: the schedule
    scales the decay too.

    Convention: torch's default λ is 1e-2 and the decay is scaled by η; Keras's AdamW
    defaults to λ = 4e-3, also scaled by η.
    """
    return _adam("adamw", lr, betas, eps, weight_decay, amsgrad, decoupled=True)


def _adam(name, lr, betas, eps, weight_decay, amsgrad, *, decoupled) -> Optimizer:
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = pair(name, "betas", betas)
    eps = number(name, "eps", eps, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    amsgrad = flag(name, "amsgrad", amsgrad)
    use_decay = not is_off(weight_decay)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return AdamState(t=0, m=zeros, v=zeros, vmax=zeros)

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        t = state.t + 1
        shrink = 0.0
        if use_decay and decoupled:
            shrink = -lr * weight_decay * x           # (1 − ηλ)x − x
        elif use_decay:
            g = g + weight_decay * x
        m = b1 * state.m + (1.0 - b1) * g
        v = b2 * state.v + (1.0 - b2) * (g * g)
        vmax = np.maximum(state.vmax, v) if amsgrad else state.vmax
        v_used = vmax if amsgrad else v
        den = np.sqrt(v_used) / np.sqrt(1.0 - b2**t) + eps
        u = -(lr / (1.0 - b1**t)) * m / den
        return shrink + u, AdamState(t, m, v, vmax)

    hparams = dict(lr=lr0, betas=(b1, b2), eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)
    return Optimizer(name, hparams, init, update)


class NAdamState(NamedTuple):
    """``P``: product of the momentum schedule μ_1···μ_t; ``m``, ``v`` as in Adam."""

    t: int
    P: float | np.ndarray
    m: np.ndarray
    v: np.ndarray


def nadam(lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3,
          decoupled_weight_decay=False) -> Optimizer:
    r"""NAdam: Adam with a Nesterov look-ahead and a slowly warming momentum schedule.

    Update at step t = 1, 2, ... with m_0 = v_0 = 0, P_0 = 1, ψ = momentum_decay:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, x_{t-1} \quad (\lnot\,\texttt{decoupled\_weight\_decay}) \\
        x_{t-1} &\leftarrow (1-\eta\lambda)\,x_{t-1} \quad (\texttt{decoupled\_weight\_decay}) \\
        \mu_t &= \beta_1\,\bigl(1 - \tfrac12\, 0.96^{t\psi}\bigr), \quad
        \mu_{t+1} = \beta_1\,\bigl(1 - \tfrac12\, 0.96^{(t+1)\psi}\bigr) \\
        P_t &= P_{t-1}\,\mu_t \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \quad
        v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        r_t &= \sqrt{v_t / (1-\beta_2^t)} + \epsilon \\
        x_t &= x_{t-1} - \eta\,\frac{1-\mu_t}{1-P_t}\,\frac{g_t}{r_t}
                       - \eta\,\frac{\mu_{t+1}}{1-P_t\,\mu_{t+1}}\,\frac{m_t}{r_t}
        \end{aligned}

    Convention: this is torch's NAdam (Dozat's schedule with ψ = 0.004). Keras's NAdam
    is the same formula with ψ = 1, μ_t = β₁(1 − ½·0.96ᵗ), so its momentum warms up
    within tens of steps instead of thousands.
    """
    name = "nadam"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = pair(name, "betas", betas)
    eps = number(name, "eps", eps, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    psi = number(name, "momentum_decay", momentum_decay, 0.0)
    decoupled = flag(name, "decoupled_weight_decay", decoupled_weight_decay)
    use_decay = not is_off(weight_decay)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return NAdamState(t=0, P=1.0, m=zeros, v=zeros)

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        t = state.t + 1
        shrink = 0.0
        if use_decay and decoupled:
            shrink = -lr * weight_decay * x
        elif use_decay:
            g = g + weight_decay * x
        mu = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))
        mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
        P = state.P * mu
        m = b1 * state.m + (1.0 - b1) * g
        v = b2 * state.v + (1.0 - b2) * (g * g)
        r = np.sqrt(v / (1.0 - b2**t)) + eps
        u = -lr * (1.0 - mu) / (1.0 - P) * g / r - lr * mu_next / (1.0 - P * mu_next) * m / r
        return shrink + u, NAdamState(t, P, m, v)

    hparams = dict(lr=lr0, betas=(b1, b2), eps=eps, weight_decay=weight_decay,
                   momentum_decay=psi, decoupled_weight_decay=decoupled)
    return Optimizer(name, hparams, init, update)
