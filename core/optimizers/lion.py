"""Lion: the sign of an interpolated momentum, so every coordinate moves by exactly ±η."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import flag, is_off, number


class LionState(NamedTuple):
    """``t``: steps taken; ``m``: the momentum, an average of past gradients (weight β₂)."""

    t: int
    m: np.ndarray


def lion(lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0, decoupled_weight_decay=False) -> Optimizer:
    r"""Lion (EvoLved Sign Momentum): step by the sign of a blend of momentum and gradient.

    Update at step t = 1, 2, ... with m_0 = 0 (η: this step's learning rate, η₀: the
    ``lr`` the rule was built with, λ = weight_decay):

    .. math::

        \begin{aligned}
        c_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        \lambda' &= \begin{cases} \lambda / \eta_0 & \texttt{decoupled\_weight\_decay} \\
                                  \lambda & \lnot\,\texttt{decoupled\_weight\_decay}
                    \end{cases} \\
        x_t &= (1 - \eta\lambda')\, x_{t-1} - \eta\, \operatorname{sign}(c_t) \\
        m_t &= \beta_2 m_{t-1} + (1-\beta_2)\, g_t
        \end{aligned}

    Two betas play two roles: β₁ mixes the fresh gradient into the direction of this
    step, β₂ (closer to 1) sets how long the momentum remembers. The sign throws away
    every magnitude, so each coordinate moves by η (or 0 where c_t is exactly 0)
    whatever the scale of the gradient; there is no second moment and no ε.

    Convention: the rule of the ``lion-pytorch`` package, version 0.2.5 (class
    ``lion_pytorch.Lion``, its plain PyTorch path; ``use_triton`` is not offered). It is
    not in torch.optim. Unlike torch-style rules there is no bias correction and the
    step is a sign, so a good η is some 3–10 times smaller than AdamW's. Weight decay is
    always the AdamW kind, a shrink of x by ηλ before the step. Its
    ``decoupled_weight_decay`` is NOT torch's flag of that name (which switches NAdam or
    RAdam from L2-in-the-gradient to that shrink): here it divides λ by the initial lr
    η₀, so the shrink ηλ/η₀ follows a learning-rate schedule but not the size of η.
    """
    name = "lion"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = _betas(name, betas)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    decoupled = flag(name, "decoupled_weight_decay", decoupled_weight_decay)
    use_decay = not is_off(weight_decay)
    wd = weight_decay / lr if decoupled else weight_decay      # λ' (η₀ is the built lr)
    lr0 = lr

    def init(x):
        return LionState(t=0, m=np.zeros_like(x, dtype=float))

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        shrink = -(lr * wd) * x if use_decay else 0.0      # (1 − ηλ')x − x
        c = b1 * state.m + (1.0 - b1) * g
        m = b2 * state.m + (1.0 - b2) * g
        return shrink - lr * np.sign(c), LionState(state.t + 1, m)

    hparams = dict(lr=lr, betas=(b1, b2), weight_decay=weight_decay,
                   decoupled_weight_decay=decoupled)
    return Optimizer(name, hparams, init, update)


def _betas(name, betas):
    """lion-pytorch accepts each beta in the closed interval [0, 1]."""
    try:
        b1, b2 = betas
    except (TypeError, ValueError):
        raise ValueError(f"{name}: betas must be a pair (beta1, beta2), got {betas!r}") from None
    return (number(name, "betas[0]", b1, 0.0, 1.0), number(name, "betas[1]", b2, 0.0, 1.0))
