"""The same optimizers as Keras 3 writes them, where that changes the trajectory.

>>> from core.optimizers.keras import make_keras
>>> opt = make_keras("adam")          # Keras defaults: lr 1e-3, eps 1e-7, the ε-hat form

Keyword names are torch's (``lr``, ``betas``, ``alpha`` for Keras's RMSprop ``rho``), so a
page can hand the same knobs to either convention; only defaults and formulas differ:

- defaults: SGD lr 0.01; Adagrad lr 1e-3 with the accumulator starting at 0.1;
  RMSprop lr 1e-3, ρ 0.9; Adadelta lr 1e-3, ρ 0.95; every ε 1e-7;
- ε inside the square root for Adagrad and RMSprop (torch adds it outside);
- Adam and AdamW in the paper's "ε-hat" form (ε added to the raw √v);
- NAdam's momentum schedule μ_t = β₁(1 − ½·0.96ᵗ): torch's formula with ψ = 1 instead
  of 0.004, so the schedule warms up within tens of steps instead of thousands;
- weight decay is always decoupled: x ← x − η·λ·x before the step.

Every rule returns an :class:`Optimizer` named ``"keras_<name>"`` whose state is the torch
rule's state record, so the same code reads its buffers; ``update(g, state, x, lr=None)``
takes the step's rate as the torch rules do. Each docstring carries the update in LaTeX
and a ``Convention:`` paragraph, read by :func:`keras_latex` and :func:`keras_convention`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import build, doc_convention, doc_latex, rule_defaults
from ._base import Optimizer
from ._hparams import flag, is_off, number, pair
from .adam import AdamState, nadam
from .adaptive import AdagradState, RMSpropState, adadelta
from .sgd import sgd


def _decoupled(name: str, inner: Optimizer, lr0, weight_decay, hparams: dict) -> Optimizer:
    """Wrap ``inner`` with Keras's weight decay at the step's rate η: u = −η·λ·x + inner step."""
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    use_decay = not is_off(weight_decay)

    def update(g, state, x, lr=None):
        lr = lr0 if lr is None else lr
        u, state = inner.update(g, state, x, lr)
        return (u - lr * weight_decay * x if use_decay else u), state

    return Optimizer(name, {**hparams, "weight_decay": weight_decay}, inner.init, update)


def keras_sgd(lr=0.01, momentum=0.0, nesterov=False, weight_decay=0.0) -> Optimizer:
    r"""Keras SGD: momentum as a velocity v that already holds the learning rate.

    .. math::

        \begin{aligned}
        v_t &= \mu\, v_{t-1} - \eta\, g_t, \qquad v_0 = 0 \\
        x_t &= \begin{cases} x_{t-1} + \mu\, v_t - \eta\, g_t & \texttt{nesterov} \\
                             x_{t-1} + v_t & \lnot\,\texttt{nesterov} \end{cases}
        \end{aligned}

    With η constant, v_t = −η b_t for torch's buffer b, so the points are torch's. Under a
    schedule v keeps past rates: torch's rule at its own η₀ fed (η_t/η₀)·g_t, as here.

    Convention: only the default learning rate differs from torch (0.01 against
    1e-3) and weight decay, if any, is decoupled: x ← x − ηλx.
    """
    torch_rule = sgd(lr=lr, momentum=momentum, nesterov=nesterov)
    lr0 = torch_rule.hparams["lr"]

    def update(g, state, x, lr=None):
        return torch_rule.update(g if lr is None else lr / lr0 * g, state, x)

    hp = {k: torch_rule.hparams[k] for k in ("lr", "momentum", "nesterov")}
    return _decoupled("keras_sgd", torch_rule._replace(update=update), lr0, weight_decay, hp)


def keras_adagrad(lr=1e-3, initial_accumulator_value=0.1, eps=1e-7,
                  weight_decay=0.0) -> Optimizer:
    r"""Keras Adagrad: the accumulator starts at 0.1 and ε sits inside the root.

    .. math::

        \begin{aligned}
        s_t &= s_{t-1} + g_t^2, \qquad s_0 = 0.1 \\
        x_t &= x_{t-1} - \eta\, \frac{g_t}{\sqrt{s_t + \epsilon}}
        \end{aligned}

    Convention: torch starts s at 0 and divides by √s + ε (ε = 1e-10 outside the
    root), so its first step is a full η·sign(g); Keras's start of 0.1 damps the first
    steps where gradients are small. There is no lr_decay.
    """
    name = "keras_adagrad"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    s0 = number(name, "initial_accumulator_value", initial_accumulator_value, 0.0)
    eps = number(name, "eps", eps, 0.0)

    def init(x):
        return AdagradState(t=0, s=np.zeros_like(x, dtype=float) + s0)

    def update(g, state, x, lr):                       # lr: resolved by _decoupled
        s = state.s + g * g
        return -lr * g / np.sqrt(s + eps), AdagradState(state.t + 1, s)

    inner = Optimizer(name, {}, init, update)
    hp = dict(lr=lr0, initial_accumulator_value=s0, eps=eps)
    return _decoupled(name, inner, lr0, weight_decay, hp)


def keras_rmsprop(lr=1e-3, alpha=0.9, eps=1e-7, weight_decay=0.0, momentum=0.0,
                  centered=False) -> Optimizer:
    r"""Keras RMSprop: ρ = 0.9 by default and ε inside the root.

    .. math::

        \begin{aligned}
        v_t &= \rho\, v_{t-1} + (1-\rho)\, g_t^2 \\
        \bar g_t &= \rho\, \bar g_{t-1} + (1-\rho)\, g_t \quad (\texttt{centered}) \\
        r_t &= \begin{cases} \sqrt{v_t - \bar g_t^2 + \epsilon} & \texttt{centered} \\
                             \sqrt{v_t + \epsilon} & \lnot\,\texttt{centered} \end{cases} \\
        b_t &= \mu\, b_{t-1} + g_t / r_t \\
        x_t &= x_{t-1} - \eta\, b_t \quad (\mu > 0), \qquad
        x_t = x_{t-1} - \eta\, g_t / r_t \quad (\mu = 0)
        \end{aligned}

    Keras calls ρ ``rho``; here it keeps torch's name ``alpha``. Keras's momentum is
    V_t = μ V_{t−1} + η_t g_t/r_t, x_t = x_{t−1} − V_t; the state keeps b_t = V_t/η₀.

    Convention: torch uses α = 0.99 and √v + ε with ε = 1e-8; Keras ρ = 0.9 and
    √(v + ε) with ε = 1e-7. With the shorter memory of ρ = 0.9 the first step is
    about η/√(1−ρ) ≈ 3.2·η rather than 10·η.
    """
    name = "keras_rmsprop"
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    alpha = number(name, "alpha", alpha, 0.0, 1.0)
    eps = number(name, "eps", eps, 0.0)
    momentum = number(name, "momentum", momentum, 0.0)
    centered = flag(name, "centered", centered)
    use_momentum = not is_off(momentum)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return RMSpropState(t=0, v=zeros, ga=zeros, buf=zeros)

    def update(g, state, x, lr):
        v = alpha * state.v + (1.0 - alpha) * (g * g)
        ga = alpha * state.ga + (1.0 - alpha) * g if centered else state.ga
        r = np.sqrt(np.maximum(v - ga * ga, 0.0) + eps) if centered else np.sqrt(v + eps)
        buf = momentum * state.buf + lr / lr0 * (g / r) if use_momentum else state.buf
        u = -lr0 * buf if use_momentum else -lr * g / r     # lr / lr0 = 1.0 while η = η₀
        return u, RMSpropState(state.t + 1, v, ga, buf)

    inner = Optimizer(name, {}, init, update)
    hp = dict(lr=lr0, alpha=alpha, eps=eps, momentum=momentum, centered=centered)
    return _decoupled(name, inner, lr0, weight_decay, hp)


def keras_adadelta(lr=1e-3, rho=0.95, eps=1e-7, weight_decay=0.0) -> Optimizer:
    r"""Keras Adadelta: torch's formula, but a learning rate of 1e-3 on top of it.

    .. math::

        \begin{aligned}
        v_t &= \rho\, v_{t-1} + (1-\rho)\, g_t^2 \\
        d_t &= \frac{\sqrt{w_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\; g_t \\
        w_t &= \rho\, w_{t-1} + (1-\rho)\, d_t^2 \\
        x_t &= x_{t-1} - \eta\, d_t
        \end{aligned}

    Convention: the update is torch's; the defaults are not. Keras scales the step
    by η = 1e-3 (torch: 1) with ρ = 0.95 and ε = 1e-7, so it moves about a thousand
    times more slowly out of the box.
    """
    inner = adadelta(lr=lr, rho=rho, eps=eps)
    return _decoupled("keras_adadelta", inner, inner.hparams["lr"], weight_decay,
                      {k: inner.hparams[k] for k in ("lr", "rho", "eps")})


def keras_adam(lr=1e-3, betas=(0.9, 0.999), eps=1e-7, weight_decay=0.0,
               amsgrad=False) -> Optimizer:
    r"""Keras Adam: the paper's "ε-hat" form, ε added to the uncorrected √v.

    .. math::

        \begin{aligned}
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        v^{max}_t &= \max(v^{max}_{t-1}, v_t) \quad (\texttt{amsgrad}) \\
        \alpha_t &= \eta\, \frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t}, \qquad
        u_t = v^{max}_t \ (\texttt{amsgrad}), \quad u_t = v_t \ (\lnot\,\texttt{amsgrad}) \\
        x_t &= x_{t-1} - \alpha_t\, \frac{m_t}{\sqrt{u_t} + \hat\epsilon}
        \end{aligned}

    Convention: torch divides by √v̂ + ε with v̂ = v/(1−β₂ᵗ), which equals this form
    with ε̂ = ε·√(1−β₂ᵗ): Keras's ε (1e-7) is effectively larger by 1/√(1−β₂ᵗ) ≈ 32 at
    t = 1, so its first steps are smaller while gradients are tiny, and the two agree
    once √v ≫ ε. Weight decay is decoupled.
    """
    return _keras_adam("keras_adam", lr, betas, eps, weight_decay, amsgrad)


def keras_adamw(lr=1e-3, betas=(0.9, 0.999), eps=1e-7, weight_decay=4e-3,
                amsgrad=False) -> Optimizer:
    r"""Keras AdamW: Keras Adam after shrinking x by the factor 1 − ηλ.

    .. math::

        \begin{aligned}
        x'_{t-1} &= (1 - \eta\lambda)\, x_{t-1} \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \quad
        v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        x_t &= x'_{t-1} - \eta\, \frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t}\,
               \frac{m_t}{\sqrt{v_t} + \hat\epsilon}
        \end{aligned}

    Convention: λ defaults to 4e-3 (torch: 1e-2), ε = 1e-7 in the ε-hat form.
    """
    return _keras_adam("keras_adamw", lr, betas, eps, weight_decay, amsgrad)


def _keras_adam(name, lr, betas, eps, weight_decay, amsgrad) -> Optimizer:
    lr0 = number(name, "lr", lr, 0.0, lo_open=True)
    b1, b2 = pair(name, "betas", betas)
    eps = number(name, "eps", eps, 0.0)
    amsgrad = flag(name, "amsgrad", amsgrad)

    def init(x):
        zeros = np.zeros_like(x, dtype=float)
        return AdamState(t=0, m=zeros, v=zeros, vmax=zeros)

    def update(g, state, x, lr):
        t = state.t + 1
        m = b1 * state.m + (1.0 - b1) * g
        v = b2 * state.v + (1.0 - b2) * (g * g)
        vmax = np.maximum(state.vmax, v) if amsgrad else state.vmax
        alpha = lr * np.sqrt(1.0 - b2**t) / (1.0 - b1**t)
        u = -alpha * m / (np.sqrt(vmax if amsgrad else v) + eps)
        return u, AdamState(t, m, v, vmax)

    inner = Optimizer(name, {}, init, update)
    hp = dict(lr=lr0, betas=(b1, b2), eps=eps, amsgrad=amsgrad)
    return _decoupled(name, inner, lr0, weight_decay, hp)


def keras_nadam(lr=1e-3, betas=(0.9, 0.999), eps=1e-7, weight_decay=0.0) -> Optimizer:
    r"""Keras Nadam: a momentum schedule that warms up within a few dozen steps.

    .. math::

        \begin{aligned}
        \mu_t &= \beta_1\,\bigl(1 - \tfrac12\, 0.96^{t}\bigr), \quad
        P_t = P_{t-1}\,\mu_t, \quad P_0 = 1 \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \quad
        v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        r_t &= \sqrt{v_t / (1-\beta_2^t)} + \epsilon \\
        x_t &= x_{t-1} - \eta\,\frac{1-\mu_t}{1-P_t}\,\frac{g_t}{r_t}
                       - \eta\,\frac{\mu_{t+1}}{1-P_t\,\mu_{t+1}}\,\frac{m_t}{r_t}
        \end{aligned}

    Convention: the same formula as torch's NAdam with ψ = 1 (torch's default is
    ψ = 0.004); only the momentum schedule's speed differs. torch raises 0.96 to the
    power 0.004·t, so its μ_t creeps up from 0.45 and is still near 0.52 after 1,000
    steps; Keras's reaches 0.84 by step 50.
    """
    inner = nadam(lr=lr, betas=betas, eps=eps, momentum_decay=1.0)
    hp = {k: inner.hparams[k] for k in ("lr", "betas", "eps")}
    return _decoupled("keras_nadam", inner, inner.hparams["lr"], weight_decay, hp)


KERAS_RULES: dict[str, Callable[..., Optimizer]] = {
    "sgd": keras_sgd, "adagrad": keras_adagrad, "rmsprop": keras_rmsprop,
    "adadelta": keras_adadelta, "adam": keras_adam, "adamw": keras_adamw,
    "nadam": keras_nadam,
}
KERAS_NAMES: tuple[str, ...] = tuple(KERAS_RULES)


def make_keras(name: str, **hparams) -> Optimizer:
    """Build the Keras variant of ``name`` (torch keyword names); ValueError if anything is off."""
    return build(_rule(name), f"keras {name}", hparams)


def keras_defaults(name: str) -> dict:
    """Keras's default hyperparameters of ``name``, under torch's keyword names."""
    return rule_defaults(_rule(name))


def keras_latex(name: str) -> str:
    """The Keras update equation of ``name`` in LaTeX, read from its docstring."""
    return doc_latex(_rule(name))


def keras_convention(name: str) -> str:
    """How the Keras variant of ``name`` differs from torch's, on one line."""
    return doc_convention(_rule(name))


def _rule(name: str) -> Callable[..., Optimizer]:
    if isinstance(name, str) and name in KERAS_RULES:
        return KERAS_RULES[name]
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(KERAS_NAMES)}")
