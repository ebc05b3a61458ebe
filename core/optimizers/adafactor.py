"""Adafactor: a relative step size and a (factored) RMS of gradients, with update clipping."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import flag, is_off, number

EPS64 = float(np.finfo(np.float64).eps)   # torch's ε₁ = None: machine epsilon of float64


class AdafactorState(NamedTuple):
    """Vector path: ``v`` is the running average of g² (same shape as x)."""

    t: int
    v: np.ndarray


class FactoredState(NamedTuple):
    """Matrix path: ``R`` (..., m, 1) row means and ``C`` (..., 1, n) column means of g²."""

    t: int
    R: np.ndarray
    C: np.ndarray


def adafactor(lr=1e-2, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0, weight_decay=0.0, *,
              matrix=False) -> Optimizer:
    r"""Adafactor: steps sized relative to the parameters, scaled by an RMS of gradients.

    Update at step t = 1, 2, ... with τ = beta2_decay, (ε₁, ε₂) = eps, λ = weight_decay,
    R_0 = C_0 = V_0 = 0 and RMS(a) = ‖a‖₂/√(number of entries):

    .. math::

        \begin{aligned}
        \hat\beta_{2,t} &= 1 - t^{\tau}, \qquad
        \rho_t = \min\bigl(\eta, 1/\sqrt{t}\bigr), \qquad
        \alpha_t = \max\bigl(\epsilon_2, \mathrm{RMS}(x_{t-1})\bigr)\,\rho_t \\
        x'_{t-1} &= (1 - \eta\lambda)\, x_{t-1} \\
        V_t &= \hat\beta_{2,t} V_{t-1} + (1-\hat\beta_{2,t})\, g_t^2
            \quad (x \in \mathbb{R}^n) \\
        R_t &= \hat\beta_{2,t} R_{t-1}
            + (1-\hat\beta_{2,t})\,\mathrm{mean}_j\, g_{t,ij}^2, \quad
        C_t = \hat\beta_{2,t} C_{t-1} + (1-\hat\beta_{2,t})\,\mathrm{mean}_i\, g_{t,ij}^2 \\
        V_t &= \frac{R_t C_t}{\max(\mathrm{mean}_i R_{t,i},\ \epsilon_1)}
            \quad (x \in \mathbb{R}^{m \times n}) \\
        U_t &= \frac{g_t}{\sqrt{\max(V_t, \epsilon_1^2)}}, \qquad
        x_t = x'_{t-1} - \frac{\alpha_t}{\max\bigl(1, \mathrm{RMS}(U_t)/d\bigr)}\, U_t
        \end{aligned}

    The step is a fraction ρ of the parameters' own size (never less than ε₂), so
    Adafactor needs no tuned learning rate; clipping caps the update's RMS at d. A
    matrix keeps only m + n statistics instead of m·n: the outer product of its row and
    column means, divided by their overall mean, stands in for the full second moment.

    Shapes. By default x has shape (..., d): the vector path on each vector along the
    last axis (RMS(x) and RMS(U) are per vector; leading axes are independent problems,
    so ``lr`` of shape (B, 1) sweeps B rates). With ``matrix=True`` (a core option, not
    torch's) the last two axes are one (m, n) parameter, on torch's factored path, and
    leading axes are batch (hyperparameters then broadcast like (B, 1, 1)). ε₁ = None
    means float64's machine epsilon, as torch takes ``finfo`` of the parameter's dtype.

    Convention: this is torch's Adafactor, which departs from Shazeer & Stern's paper in
    two places: ``lr`` caps ρ_t (the paper fixes the cap at 0.01) and scales the
    decoupled weight decay, and ε₁ guards the final division (the paper adds ε₁ to g²
    before averaging). The per-step ``lr`` of a schedule enters both ρ_t and the decay.
    """
    name = "adafactor"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    tau = number(name, "beta2_decay", beta2_decay, hi=0.0)
    eps1, eps2 = _eps(name, eps)
    d = number(name, "d", d, 1.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    matrix = flag(name, "matrix", matrix)
    e1 = EPS64 if eps1 is None else eps1
    hp_lr = lr                      # update's own ``lr`` argument is the step's rate
    use_decay = not is_off(weight_decay)
    axes = (-2, -1) if matrix else (-1,)

    def init(x):
        x = _check_shape(x, matrix)
        if matrix:
            return FactoredState(0, np.zeros(x.shape[:-1] + (1,)),
                                 np.zeros(x.shape[:-2] + (1, x.shape[-1])))
        return AdafactorState(0, np.zeros_like(x, dtype=float))

    def update(g, state, x, lr=None):
        eta = hp_lr if lr is None else lr
        t = state.t + 1
        w = t**tau                                               # 1 − β̂₂ₜ
        alpha = np.maximum(eps2, _rms(x, axes)) * np.minimum(eta, 1.0 / np.sqrt(t))
        gg = g * g
        if matrix:
            R = state.R + w * (np.mean(gg, axis=-1, keepdims=True) - state.R)
            C = state.C + w * (np.mean(gg, axis=-2, keepdims=True) - state.C)
            V = R * C / np.maximum(np.mean(R, axis=-2, keepdims=True), e1)
            new = FactoredState(t, R, C)
        else:
            V = state.v + w * (gg - state.v)
            new = AdafactorState(t, V)
        U = g / np.sqrt(np.maximum(V, e1 * e1))
        step = -alpha / np.maximum(1.0, _rms(U, axes) / d) * U
        shrink = -eta * weight_decay * x if use_decay else 0.0   # (1 − ηλ)x − x
        return shrink + step, new

    hparams = dict(lr=lr, beta2_decay=tau, eps=(eps1, eps2), d=d, weight_decay=weight_decay,
                   matrix=matrix)
    return Optimizer(name, hparams, init, update)


def _eps(name, eps):
    try:
        eps1, eps2 = eps
    except (TypeError, ValueError):
        raise ValueError(f"{name}: eps must be a pair (eps1, eps2), eps1 may be None; "
                         f"got {eps!r}") from None
    eps1 = None if eps1 is None else number(name, "eps[0]", eps1, 0.0)
    return eps1, number(name, "eps[1]", eps2, 0.0)


def _rms(a, axes):
    return np.sqrt(np.mean(a * a, axis=axes, keepdims=True))


def _check_shape(x, matrix):
    x = np.asarray(x, dtype=float)
    if matrix and x.ndim < 2:
        raise ValueError(f"adafactor: matrix=True needs x of shape (..., m, n), got shape "
                         f"{x.shape}")
    if x.ndim < 1:
        raise ValueError("adafactor: x must be a vector (..., d), got a scalar")
    return x
