"""Two older rules in torch 2.13: Rprop (steps by gradient signs) and ASGD (SGD with averaging)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import is_off, number


class RpropState(NamedTuple):
    """``prev``: last step's gradient (0 where its sign flipped); ``step_size``: each Δ."""

    t: int
    prev: np.ndarray
    step_size: np.ndarray


def rprop(lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50)) -> Optimizer:
    r"""Rprop: each coordinate moves a step Δ against the gradient's sign; Δ grows or shrinks.

    Update at step t = 1, 2, ... with g_0 = 0, Δ_0 = η, (η₋, η₊) = etas and
    (Δ_min, Δ_max) = step_sizes:

    .. math::

        \begin{aligned}
        s_t &= \operatorname{sign}(g_t\, g_{t-1}) \\
        \Delta_t &= \operatorname{clip}\Bigl(\Delta_{t-1} \cdot
            \begin{cases} \eta_+ & s_t > 0 \\ \eta_- & s_t < 0 \\ 1 & s_t = 0 \end{cases},
            \ \Delta_{min},\ \Delta_{max}\Bigr) \\
        g_t &\leftarrow 0 \quad (s_t < 0) \\
        x_t &= x_{t-1} - \operatorname{sign}(g_t)\, \Delta_t
        \end{aligned}

    Only the sign of the gradient is used, never its size: while a coordinate's gradient
    keeps its sign the step grows by η₊, and after it flips (a minimum was jumped over)
    the step shrinks by η₋.

    Convention: this is torch's Rprop, the variant Igel and Hüsken call iRprop− (no weight
    backtracking): after a sign change torch stores g = 0, so that coordinate does not move
    at that step and the next step counts as "no sign information" (factor 1). The learning
    rate η only sets the initial step size Δ₀, read when the state is first filled at step 1:
    a learning-rate schedule changes Rprop's first step and nothing after it.
    """
    name = "rprop"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    eta_minus, eta_plus = _two(name, "etas", etas, "(etaminus, etaplus)")
    eta_minus = number(name, "etas[0]", eta_minus, 0.0, 1.0, lo_open=True, hi_open=True)
    eta_plus = number(name, "etas[1]", eta_plus, 1.0, lo_open=True)
    lo, hi = _two(name, "step_sizes", step_sizes, "(min, max)")
    lo = number(name, "step_sizes[0]", lo, 0.0)
    hi = number(name, "step_sizes[1]", hi, 0.0)
    if np.any(np.asarray(lo) > np.asarray(hi)):
        raise ValueError(f"{name}: step_sizes must be (min, max) with min ≤ max, "
                         f"got {step_sizes!r}")

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return RpropState(t=0, prev=zeros, step_size=zeros + lr)

    def update(g, state, x, lr=None):
        step_size = state.step_size
        if state.t == 0:                              # torch fills Δ₀ with the group's lr here
            first = hparams["lr"] if lr is None else lr
            step_size = np.zeros(np.broadcast_shapes(np.shape(x), np.shape(first))) + first
        s = np.sign(g * state.prev)
        factor = np.where(s > 0, eta_plus, np.where(s < 0, eta_minus, 1.0))
        step_size = np.clip(step_size * factor, lo, hi)
        g = np.where(s < 0, 0.0, g)
        u = -(np.sign(g) * step_size)
        return u, RpropState(state.t + 1, g, step_size)

    hparams = dict(lr=lr, etas=(eta_minus, eta_plus), step_sizes=(lo, hi))
    return Optimizer(name, hparams, init, update)


class ASGDState(NamedTuple):
    """``eta``: the rate of the next step; ``mu``: its averaging weight; ``ax``: the averaged x."""

    t: int
    eta: float | np.ndarray
    mu: float | np.ndarray
    ax: np.ndarray


def asgd(lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0) -> Optimizer:
    r"""ASGD: SGD with a slowly decaying rate that also keeps a running average of its iterates.

    Update at step t = 1, 2, ... with a_0 = 0:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda_{wd}\, x_{t-1} \\
        \eta_t &= \frac{\eta}{\bigl(1 + \lambda\,\eta\,(t-1)\bigr)^{\alpha}}, \quad
        \mu_t = \frac{1}{\max(1,\ t - 1 - t_0)} \\
        x_t &= (1 - \lambda\,\eta_t)\, x_{t-1} - \eta_t\, g_t \\
        a_t &= a_{t-1} + \mu_t\,(x_t - a_{t-1})
        \end{aligned}

    Here λ is ``lambd`` (it both decays η and shrinks x) and λ_wd is ``weight_decay``.
    While μ_t = 1 (up to step t₀ + 2) the average a_t is just x_t; after that a_t is the
    mean of the iterates since then (Polyak–Ruppert averaging), which is what the method
    returns in theory.

    Convention: this is torch's ASGD. The trajectory shows the iterate x; the averaged
    iterate a (torch's ``state["ax"]``) is kept in the state as ``state.ax``. torch computes
    η and μ at the end of a step for the next one, so step t uses the η of step t − 1
    (step 1 uses η itself), and a learning rate set by a schedule before step t first acts
    at step t + 1 (at step 1 it acts at once). With the default t₀ = 1e6 averaging never
    starts in a short run. torch keeps η and μ as tensors in the default dtype (float32
    unless changed); the core uses float64. torch checks only lr and weight_decay; the
    core also refuses negative lambd, alpha or t0.
    """
    name = "asgd"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    lambd = number(name, "lambd", lambd, 0.0)
    alpha = number(name, "alpha", alpha, 0.0)
    t0 = number(name, "t0", t0, 0.0)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    use_decay = not is_off(weight_decay)

    def init(x):
        return ASGDState(t=0, eta=lr, mu=1.0, ax=np.zeros_like(x, dtype=float))

    def update(g, state, x, lr=None):
        lr = hparams["lr"] if lr is None else lr
        t = state.t + 1
        eta = lr if state.t == 0 else state.eta      # torch sets η from the group's lr at step 1
        if use_decay:
            g = g + weight_decay * x
        u = -(lambd * eta) * x - eta * g
        x_new = x + u
        if np.ndim(state.mu) == 0:                    # torch copies x while μ = 1
            ax = x_new if state.mu == 1 else state.ax + (x_new - state.ax) * state.mu
        else:
            ax = np.where(state.mu == 1, x_new, state.ax + (x_new - state.ax) * state.mu)
        eta_next = lr / np.power(1.0 + lambd * lr * t, alpha)   # np.power for scalars too, so
        mu_next = 1.0 / np.maximum(1.0, t - t0)                 # a batch equals single runs
        return u, ASGDState(t, _scalar(eta_next), _scalar(mu_next), ax)

    hparams = dict(lr=lr, lambd=lambd, alpha=alpha, t0=t0, weight_decay=weight_decay)
    return Optimizer(name, hparams, init, update)


def _two(opt: str, name: str, value, what: str):
    try:
        a, b = value
    except (TypeError, ValueError):
        raise ValueError(f"{opt}: {name} must be a pair {what}, got {value!r}") from None
    return a, b


def _scalar(value):
    """A 0-d result back to a Python float (state scalars stay floats, as in NAdam's P)."""
    return float(value) if np.ndim(value) == 0 else value
