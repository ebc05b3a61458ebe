"""Inside one optimizer: its state at every step, read from a recorded run.

:func:`inside` takes an optimizer and the :class:`~core.training.run.Trajectory` of a run made
with ``record_states=True`` and returns, per step and per parameter, what the rule
keeps and how it turns a gradient into a step. Every rule's step can be written as

    u_t = −η_eff,t ⊙ d_t      (plus −ηλx for decoupled weight decay)

with a per-parameter *effective learning rate* η_eff and a *direction* d:

    rule             d_t                                   η_eff,t
    SGD              g_t, b_t (momentum) or g_t + μb_t       η
    AdaGrad (torch)  g_t                                   η̃_t / (√s_t + ε)
    AdaGrad (Keras)  g_t                                   η / √(s_t + ε)
    RMSProp (torch)  g_t (or its momentum buffer b_t)       η / (√v_t + ε)
    RMSProp (Keras)  g_t (or b_t)                           η / √(v_t + ε)
    Adadelta         g_t                                   η √(w_{t−1} + ε) / √(v_t + ε)
    Adam (torch)     m̂_t = m_t / (1 − β₁ᵗ)                 η / (√v̂_t + ε),  v̂_t = v_t/(1−β₂ᵗ)
    Adam (Keras)     m̂_t                                   η √(1−β₂ᵗ) / (√v_t + ε)
    AMSGrad          m̂_t    as Adam with v_t replaced by v^max_t = max(v^max_{t−1}, v_t)
    NAdam            ((1−μ_t)/(1−P_t)) g_t + (μ_{t+1}/(1−P_t μ_{t+1})) m_t    η / (√v̂_t + ε)

(For RMSProp with momentum the buffer already holds g/r, so η_eff is η and d is b.)
A test checks u_t = −η_eff ⊙ d_t − ηλx against the recorded steps for every rule.
"""

from __future__ import annotations

import numpy as np

from core.optimizers import Optimizer
from core.training.run import Trajectory


def inside(opt: Optimizer, tr: Trajectory) -> dict[str, np.ndarray]:
    """Named per-step quantities, each of shape (steps, ..., d).

    Always: ``g`` (gradient fed in), ``u`` (step taken), ``d`` (direction),
    ``eff_lr``. Depending on the rule: ``buf`` (momentum buffer), ``m`` and ``m_hat``
    (first moment, raw and bias-corrected), ``s`` (sum of g²), ``v`` and ``v_hat``
    (average of g², raw and bias-corrected), ``vmax`` and ``vmax_hat`` (AMSGrad's running
    maximum v^max of v, and v^max/(1−β₂ᵗ), which it divides by), ``w`` (Adadelta's average
    of squared steps).
    From the step of divergence on, every quantity is 0, so all of them are finite.
    """
    if tr.states is None:
        raise ValueError("inside() needs a run made with record_states=True")
    rule = opt.name.removeprefix("keras_")
    keras = opt.name.startswith("keras_")
    hp, st = opt.hparams, tr.states
    t = _col(np.asarray(st.t, dtype=float), tr.gradients)
    with np.errstate(all="ignore"):
        q = _QUANTITIES[rule](hp, st, t, tr.gradients, keras)
    q["g"], q["u"] = tr.gradients, tr.updates
    return {k: _sane(np.broadcast_to(v, tr.gradients.shape), tr) for k, v in q.items()}


def _sgd(hp, st, t, g, keras):
    lr, mu = hp["lr"], hp["momentum"]
    if not np.any(mu):
        return {"d": g, "eff_lr": lr + 0 * g}
    d = g + mu * st.buf if hp["nesterov"] else st.buf
    return {"buf": st.buf, "d": d, "eff_lr": lr + 0 * g}


def _adagrad(hp, st, t, g, keras):
    if keras:
        eff = hp["lr"] / np.sqrt(st.s + hp["eps"])
    else:
        clr = hp["lr"] / (1.0 + (t - 1.0) * hp["lr_decay"])
        eff = clr / (np.sqrt(st.s) + hp["eps"])
    return {"s": st.s, "d": g, "eff_lr": eff}


def _rmsprop(hp, st, t, g, keras):
    v, eps = st.v, hp["eps"]
    var = np.maximum(v - st.ga**2, 0.0) if hp["centered"] else v
    eff = hp["lr"] / (np.sqrt(var + eps) if keras else np.sqrt(var) + eps)
    if np.any(hp["momentum"]):
        return {"v": v, "buf": st.buf, "d": st.buf, "eff_lr": hp["lr"] + 0 * g}
    return {"v": v, "d": g, "eff_lr": eff}


def _adadelta(hp, st, t, g, keras):
    w_prev = np.concatenate([np.zeros_like(st.w[:1]), st.w[:-1]])
    eff = hp["lr"] * np.sqrt(w_prev + hp["eps"]) / np.sqrt(st.v + hp["eps"])
    return {"v": st.v, "w": st.w, "d": g, "eff_lr": eff}


def _adam(hp, st, t, g, keras):
    b1, b2 = hp["betas"]
    v_used = st.vmax if hp["amsgrad"] else st.v
    m_hat = st.m / (1.0 - b1**t)
    v_hat = v_used / (1.0 - b2**t)
    if keras:
        eff = hp["lr"] * np.sqrt(1.0 - b2**t) / (np.sqrt(v_used) + hp["eps"])
    else:
        eff = hp["lr"] / (np.sqrt(v_hat) + hp["eps"])
    q = {"m": st.m, "m_hat": m_hat, "v": st.v, "d": m_hat, "eff_lr": eff}
    if hp["amsgrad"]:
        return q | {"vmax": st.vmax, "vmax_hat": v_hat}
    return q | {"v_hat": v_hat}


def _nadam(hp, st, t, g, keras):
    b1, b2 = hp["betas"]
    psi = 1.0 if keras else hp["momentum_decay"]
    mu = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))
    mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1.0) * psi))
    P = _col(np.asarray(st.P, dtype=float), g)
    d = (1.0 - mu) / (1.0 - P) * g + mu_next / (1.0 - P * mu_next) * st.m
    v_hat = st.v / (1.0 - b2**t)
    eff = hp["lr"] / (np.sqrt(v_hat) + hp["eps"])
    return {"m": st.m, "v": st.v, "v_hat": v_hat, "d": d, "eff_lr": eff}


_QUANTITIES = {"sgd": _sgd, "adagrad": _adagrad, "rmsprop": _rmsprop, "adadelta": _adadelta,
               "adam": _adam, "adamw": _adam, "nadam": _nadam}


def _col(a: np.ndarray, like: np.ndarray) -> np.ndarray:
    """Give a per-step scalar field (steps, ...) a trailing axis so it meets (steps, ..., d)."""
    return a.reshape(a.shape + (1,) * (like.ndim - a.ndim))


def _sane(a: np.ndarray, tr: Trajectory) -> np.ndarray:
    """Zero from the divergence step on, and anything non-finite (say 0/0 at g = 0)."""
    k = np.arange(tr.steps).reshape((-1,) + (1,) * tr.diverged_at.ndim)
    moving = (tr.diverged_at < 0) | (k < tr.diverged_at - 1)
    a = np.where(moving[..., None], a, 0.0)
    return np.where(np.isfinite(a), a, 0.0)
