"""Muon: momentum whose step is orthogonalized by a Newton–Schulz iteration (weight matrices)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._base import Optimizer
from ._hparams import flag, is_off, number

NS_COEFFICIENTS = (3.4445, -4.7750, 2.0315)   # Keller Jordan's quintic, torch's default
ADJUST_LR_FNS = (None, "original", "match_rms_adamw")


class MuonState(NamedTuple):
    """``B``: the momentum buffer, an average of gradients (same shape as x)."""

    t: int
    B: np.ndarray


def muon(lr=1e-3, weight_decay=0.1, momentum=0.95, nesterov=True,
         ns_coefficients=NS_COEFFICIENTS, eps=1e-7, ns_steps=5, adjust_lr_fn=None) -> Optimizer:
    r"""Muon: a momentum step on a weight matrix, replaced by its nearest "orthogonal" matrix.

    Update at step t = 1, 2, ... for x of shape (m, n), with B_0 = 0, μ = momentum,
    λ = weight_decay, (a, b, c) = ns_coefficients and k = ns_steps:

    .. math::

        \begin{aligned}
        B_t &= \mu B_{t-1} + (1-\mu)\, g_t \\
        \tilde B_t &= \begin{cases} (1-\mu)\, g_t + \mu B_t & \texttt{nesterov} \\
                                    B_t & \lnot\,\texttt{nesterov} \end{cases} \\
        X_0 &= \tilde B_t / \max(\lVert \tilde B_t \rVert_F, \epsilon), \qquad
            X_0 \leftarrow X_0^\top \quad (m > n) \\
        X_{j+1} &= a X_j + \bigl(b\, X_j X_j^\top + c\, (X_j X_j^\top)^2\bigr) X_j,
            \quad j = 0, \dots, k-1 \\
        O_t &= X_k, \qquad O_t \leftarrow O_t^\top \quad (m > n) \\
        s &= \begin{cases} \sqrt{\max(1, m/n)} & \texttt{original} \\
                           0.2\sqrt{\max(m, n)} & \texttt{match\_rms\_adamw} \end{cases} \\
        x_t &= (1 - \eta\lambda)\, x_{t-1} - \eta\, s\, O_t
        \end{aligned}

    The quintic pushes every singular value of X₀ (all ≤ 1 after the Frobenius
    normalisation) towards 1 without computing an SVD, so O_t ≈ UVᵀ for B̃ = USVᵀ:
    every direction of the momentum gets a step of about the same size. Its
    coefficients trade exactness for speed: after 5 steps every singular value that
    was at least 0.0015·‖B̃‖_F lies between 0.68 and 1.21, not at 1 (smaller ones
    stay below). The scale s is ``adjust_lr_fn``: None or "original"
    gives √max(1, m/n) (Keller Jordan's), "match_rms_adamw" gives 0.2·√max(m, n)
    (Moonshot's, so AdamW's learning rate and decay carry over). The decay uses the
    unscaled η; a schedule's per-step ``lr`` enters both.

    Shapes. x has shape (m, n), or (..., m, n) where the leading axes are independent
    problems (hyperparameters broadcast like (B, 1, 1)). Anything with fewer than two
    axes is refused: Muon is for weight matrices; train biases and gains with AdamW or
    another elementwise rule (see :mod:`core.optimizers.groups`).

    Convention: torch runs the Newton–Schulz iteration in bfloat16 (about 3 significant
    digits); this core runs the same iteration in float64, so it matches torch to about
    1e-2 relative, and matches torch exactly when torch's iteration is run in float64.
    torch's documentation writes the buffer as B_t = μB_{t−1} + g_t, but its code keeps
    the average μB_{t−1} + (1 − μ)g_t shown here; the Frobenius normalisation removes
    the difference in scale except near ε.
    """
    name = "muon"
    lr = number(name, "lr", lr, 0.0, lo_open=True)
    weight_decay = number(name, "weight_decay", weight_decay, 0.0)
    mu = number(name, "momentum", momentum, 0.0)
    nesterov = flag(name, "nesterov", nesterov)
    abc = _coefficients(name, ns_coefficients)
    eps = number(name, "eps", eps, 0.0)
    ns_steps = _steps(name, ns_steps)
    if adjust_lr_fn not in ADJUST_LR_FNS:
        raise ValueError(f"{name}: adjust_lr_fn must be None, 'original' or "
                         f"'match_rms_adamw', got {adjust_lr_fn!r}")
    use_decay = not is_off(weight_decay)
    hp_lr = lr                      # update's own ``lr`` argument is the step's rate

    def init(x):
        return MuonState(0, np.zeros_like(_check_matrix(x), dtype=float))

    def update(g, state, x, lr=None):
        eta = hp_lr if lr is None else lr
        m, n = _check_matrix(x).shape[-2:]
        B = state.B + (1.0 - mu) * (g - state.B)
        B_tilde = g + mu * (B - g) if nesterov else B
        O_t = newton_schulz(B_tilde, abc, ns_steps, eps)
        shrink = -eta * weight_decay * x if use_decay else 0.0   # (1 − ηλ)x − x
        return shrink - eta * lr_scale(adjust_lr_fn, m, n) * O_t, MuonState(state.t + 1, B)

    hparams = dict(lr=lr, weight_decay=weight_decay, momentum=mu, nesterov=nesterov,
                   ns_coefficients=abc, eps=eps, ns_steps=ns_steps, adjust_lr_fn=adjust_lr_fn)
    return Optimizer(name, hparams, init, update)


def newton_schulz(G, coefficients=NS_COEFFICIENTS, steps=5, eps=1e-7) -> np.ndarray:
    """Muon's quintic Newton–Schulz iteration on the last two axes of G, in float64.

    Works on the wide orientation (rows ≤ cols, transposing a tall G and back, as torch
    does: the polynomial commutes with transposition, so this only makes XXᵀ small), starts
    from G divided by its Frobenius norm (at least ``eps``) and applies
    X ← aX + (b·XXᵀ + c·(XXᵀ)²)X ``steps`` times.
    """
    a, b, c = coefficients
    X = np.asarray(G, dtype=float)
    tall = X.shape[-2] > X.shape[-1]
    if tall:
        X = np.swapaxes(X, -1, -2)
    norm = np.sqrt(np.sum(X * X, axis=(-2, -1), keepdims=True))
    X = X / np.maximum(norm, eps)
    for _ in range(steps):
        A = X @ np.swapaxes(X, -1, -2)
        X = a * X + (b * A + c * (A @ A)) @ X
    return np.swapaxes(X, -1, -2) if tall else X


def lr_scale(adjust_lr_fn, m: int, n: int) -> float:
    """The factor s that ``adjust_lr_fn`` puts on η for an (m, n) matrix."""
    if adjust_lr_fn == "match_rms_adamw":
        return 0.2 * float(np.sqrt(max(m, n)))
    return float(np.sqrt(max(1.0, m / n)))


def _check_matrix(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim < 2:
        raise ValueError(f"muon: Muon is for weight matrices, x of shape (m, n) or "
                         f"(..., m, n); got shape {x.shape}. Train vectors such as biases "
                         f"with an elementwise rule (adamw), e.g. via core.optimizers.groups")
    return x


def _coefficients(name, value):
    try:
        a, b, c = value
    except (TypeError, ValueError):
        raise ValueError(f"{name}: ns_coefficients must be three numbers (a, b, c), "
                         f"got {value!r}") from None
    return tuple(number(name, f"ns_coefficients[{i}]", v) for i, v in enumerate((a, b, c)))


def _steps(name, value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 0 <= value < 100:
        raise ValueError(f"{name}: ns_steps must be a whole number from 0 to 99, got {value!r}")
    return int(value)
