"""Ablations: a torch rule with one piece taken out, to show what that piece does.

These are NOT torch rules and are not in :data:`core.optimizers.RULES`; ``make`` does
not know them. They reuse the rules' state records and hyperparameter checks, so an
ablation differs from its parent in exactly the piece it removes.

>>> opt = make_ablation("adam_nobc", lr=0.01, betas=(0.9, 0.999))
"""

from __future__ import annotations

import numpy as np

from ._base import Optimizer
from ._hparams import number, pair
from .adam import AdamState


def adam_nobc(lr=1e-3, betas=(0.9, 0.999), eps=1e-8) -> Optimizer:
    r"""Adam WITHOUT bias correction: the raw moving averages m and v, used as they are.

    Update at step t = 1, 2, ... with m_0 = v_0 = 0:

    .. math::

        \begin{aligned}
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        x_t &= x_{t-1} - \eta\, \frac{m_t}{\sqrt{v_t} + \epsilon}
        \end{aligned}

    Because v starts at 0, √v_t ≈ √(1−β₂ᵗ)·RMS(g) is too small at first, so the early
    steps are (1−β₁ᵗ)/√(1−β₂ᵗ) times Adam's (ε aside): with β₂ = 0.999 that is 3.2× at
    t = 1 and still 1.3× at t = 1000. Put differently, without correction the step
    size drifts over the first ~1/(1−β₂) steps, and one learning rate cannot be
    right for the whole run. With β₁ = 0 this is torch's RMSProp with α = β₂.

    Convention: an ablation for teaching; no library ships it under this name.
    """
    name = "adam_nobc"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = pair(name, "betas", betas)
    eps = number(name, "eps", eps, 0.0)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return AdamState(t=0, m=zeros, v=zeros, vmax=zeros)

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        m = b1 * state.m + (1.0 - b1) * g
        v = b2 * state.v + (1.0 - b2) * (g * g)
        u = -lr * m / (np.sqrt(v) + eps)
        return u, AdamState(state.t + 1, m, v, state.vmax)

    return Optimizer(name, dict(lr=lr0, betas=(b1, b2), eps=eps), init, update)


def nobc_step_ratio(t, b1: float = 0.9, b2: float = 0.999) -> np.ndarray:
    """How many times larger the uncorrected step is than Adam's at step t (ε = 0):

        (1 − β₁ᵗ) / √(1 − β₂ᵗ)

    (Adam divides m by 1 − β₁ᵗ and multiplies by √(1 − β₂ᵗ) through v̂; the ablation
    does neither.) It starts at (1 − β₁)/√(1 − β₂) and tends to 1 after a few times
    1/(1 − β₂) steps.
    """
    t = np.asarray(t, dtype=float)
    return (1.0 - b1**t) / np.sqrt(1.0 - b2**t)


ABLATIONS = {"adam_nobc": adam_nobc}


def make_ablation(name: str, **hparams) -> Optimizer:
    """Build an ablation by name (a ``maker`` for :func:`core.training.sweep.sweep_lr`)."""
    if name not in ABLATIONS:
        raise ValueError(f"unknown ablation {name!r}; choose one of {', '.join(ABLATIONS)}")
    return ABLATIONS[name](**hparams)
