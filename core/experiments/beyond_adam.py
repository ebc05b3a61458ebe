r"""Beyond Adam: what Adafactor, Lion, Muon, Schedule-Free and AdamW change, measured.

Each function measures one figure the Choosing page's "beyond Adam" view quotes; the
tuned loss comparisons live in :mod:`core.experiments.beyond_tuning`.

**Memory.** The optimizer state of an (m, n) weight matrix, counted in the real states
of the rules (:func:`state_floats`): AdamW keeps m_t and v_t (2mn floats), Lion and
Muon one momentum (mn), Schedule-Free AdamW z_t, x_t and v_t (3mn) and Adafactor on its
factored path only the row and column means of g², R ∈ ℝ^m and C ∈ ℝ^n (m + n), with

.. math::

    \hat V_{ij} = \frac{R_i\, C_j}{\tfrac1m \sum_k R_k} \approx v_{ij}.

**Lion** steps by η·sign(c_t): every coordinate moves by exactly η (plus the decay
ηλx, λ = 0 by default). Adam's step η·m̂/(√v̂ + ε) has a size per coordinate
(:func:`step_sizes`).

**Muon** replaces the momentum B̃ = USVᵀ of a weight matrix by O ≈ UVᵀ (five quintic
Newton–Schulz steps), so the singular values of its step all lie near 1
(:func:`spectra`); an elementwise rule leaves them as spread as the gradient's.

**Weight decay.** AdamW shrinks every weight by the same factor 1 − ηλ per step. Adam
with L2 (``adam``'s ``weight_decay``) adds λx to the gradient, and the division by the
RMS turns the same λ into a different rate for every weight (:func:`decay_rates`):

.. math::

    \text{AdamW: } \kappa_i = \eta\lambda, \qquad
    \text{Adam + L2: } \kappa_i = \frac{\eta\lambda}{\sqrt{\hat v_{t,i}} + \epsilon},
    \quad \hat v_t = \frac{v_t}{1 - \beta_2^t}

(with the momentum at rest, the λx term alone moves x_i by −κ_i x_i per step).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.experiments.beyond_tuning import NET, STEPS, network
from core.optimizers import make
from core.optimizers.groups import mlp_layout, mlp_muon
from core.optimizers.muon import lr_scale

# (rule, keywords) whose states are counted; Adafactor on its factored (matrix) path.
MEMORY_RULES: tuple[tuple[str, tuple], ...] = (
    ("adamw", ()), ("adafactor", (("matrix", True),)), ("lion", ()), ("muon", ()),
    ("schedule_free_adamw", ()))
W1_SHAPE = (NET["hidden"], 2)       # the network's W₁ as torch stores it (out, in)
BIG_SHAPE = (1024, 1024)            # a hidden layer of a realistic network
PERCENTILES = np.linspace(0.0, 100.0, 101)


# ------------------------------------------------------------------ memory


def written_fields(name: str, kw: tuple = ()) -> tuple[str, ...]:
    """The state fields ``name`` writes: those whose arrays two real updates (from a
    seeded random gradient on a 4 × 3 matrix) leave different from ``init``. A field
    never written (Adam's ``vmax`` without amsgrad) is not memory the rule needs."""
    opt = make(name, **dict(kw))
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 3))
    s0 = opt.init(x)
    s = s0
    for _ in range(2):
        _, s = opt.update(rng.standard_normal((4, 3)), s, x)
    return tuple(f for f, a, b in zip(s0._fields, s0, s, strict=True)
                 if isinstance(a, np.ndarray) and not np.array_equal(a, b))


def state_floats(name: str, shape: tuple[int, ...], kw: tuple = ()) -> int:
    """Numbers the optimizer state of one ``shape`` parameter holds: the sizes of the
    written fields (:func:`written_fields`) of ``make(name).init(zeros(shape))``; the step
    counter t and scalars such as Schedule-Free's weight sum are not counted."""
    state = make(name, **dict(kw)).init(np.zeros(shape))
    fields = written_fields(name, kw)
    return int(sum(np.size(getattr(state, f)) for f in fields))


class Memory(NamedTuple):
    """``floats[rule]`` = (state numbers for W₁, for a 1024 × 1024 layer); ``params`` the
    parameters' own counts for those two shapes."""

    shapes: tuple[tuple[int, ...], ...]
    params: tuple[int, ...]
    floats: dict[str, tuple[int, ...]]


def memory(shapes=(W1_SHAPE, BIG_SHAPE)) -> Memory:
    shapes = tuple(tuple(s) for s in shapes)
    floats = {name: tuple(state_floats(name, s, kw) for s in shapes) for name, kw in MEMORY_RULES}
    return Memory(shapes, tuple(int(np.prod(s)) for s in shapes), floats)


# ------------------------------------------------------------------ Lion's step sizes


class StepSizes(NamedTuple):
    """|u| / η over every coordinate and step of one full-batch run at rate ``lr``.

    ratio      percentiles (:data:`PERCENTILES`) of |u_{t,i}| / η
    deviation  max | |u| / η − 1 |   (0 when every step has size exactly η)
    exact      share of entries with |u| = η exactly
    count      entries measured (steps × weights)
    """

    name: str
    lr: float
    ratio: np.ndarray
    deviation: float
    exact: float
    count: int


def step_sizes(name: str, lr: float, seed: int = 0) -> StepSizes:
    """Run ``name`` (torch defaults, rate ``lr``) on the network; measure its steps."""
    pb = network(seed)
    opt, x = make(name, lr=lr), pb.theta0.copy()
    state, sizes = opt.init(x), []
    for _ in range(STEPS):
        u, state = opt.update(pb.grad(x), state, x)
        sizes.append(np.abs(u) / lr)
        x = x + u
    r = np.concatenate(sizes)
    return StepSizes(name, float(lr), np.percentile(r, PERCENTILES),
                     float(np.max(np.abs(r - 1.0))), float(np.mean(r == 1.0)), r.size)


# ------------------------------------------------------------------ Muon's spectrum


class Spectra(NamedTuple):
    """Singular values of the W₁ step, every step of one full-batch run.

    muon       (STEPS, 2) σ of O_t (Muon's orthogonalised step, the scale η·s removed)
    muon_in    (STEPS, 2) σ of B̃_t / ‖B̃_t‖_F, what the iteration started from
    adamw      (STEPS, 2) σ of AdamW's W₁ step divided by its η
    """

    muon_lr: float
    adamw_lr: float
    muon: np.ndarray
    muon_in: np.ndarray
    adamw: np.ndarray


def spectra(muon_lr: float, adamw_lr: float, seed: int = 0) -> Spectra:
    """Muon (on W₁, AdamW on the rest) and AdamW on θ, each at its rate; W₁'s step σ's.

    O_t is read back from Muon's step: u = −ηλx − η s O_t (λ = Muon's weight decay)."""
    H = NET["hidden"]
    pb = network(seed)
    idx = mlp_layout(H)["W1"][0]
    group = mlp_muon(H, muon={"lr": muon_lr}, rest_hparams={"lr": adamw_lr})
    hp = group.hparams["groups"][0].optimizer.hparams
    s = lr_scale(hp["adjust_lr_fn"], H, 2)
    out = {"muon": [], "muon_in": [], "adamw": []}
    for key, opt in (("muon", group), ("adamw", make("adamw", lr=adamw_lr))):
        x = pb.theta0.copy()
        state = opt.init(x)
        for _ in range(STEPS):
            g = pb.grad(x)
            u, state = opt.update(g, state, x)
            W, G = u[idx].reshape(2, H).T, g[idx].reshape(2, H).T   # torch's (H, 2) layout
            if key == "muon":
                orth = -(W + muon_lr * hp["weight_decay"] * x[idx].reshape(2, H).T) / (muon_lr * s)
                B_t = G + hp["momentum"] * (state.W1.B - G)                # Nesterov's B̃
                out["muon"].append(np.linalg.svd(orth, compute_uv=False))
                out["muon_in"].append(np.linalg.svd(B_t / np.linalg.norm(B_t),
                                                    compute_uv=False))
            else:
                out["adamw"].append(np.linalg.svd(W / adamw_lr, compute_uv=False))
            x = x + u
    return Spectra(float(muon_lr), float(adamw_lr), *(np.array(out[k]) for k in
                                                      ("muon", "muon_in", "adamw")))


# ------------------------------------------------------------------ weight decay


class DecayRates(NamedTuple):
    """Per-weight decay rates κ_i after STEPS steps at rate ``lr``, decay ``wd``.

    adamw    (P,) measured: −(AdamW's step − Adam's step from the same state) / x
    l2       (P,) Adam + L2: ηλ / (√v̂_i + ε) from the run's own v after STEPS steps
    """

    lr: float
    wd: float
    adamw: np.ndarray
    l2: np.ndarray


def decay_rates(lr: float, wd: float = 1e-2, seed: int = 0) -> DecayRates:
    """Run AdamW and Adam + L2 (``adam`` with ``weight_decay``) on the network at ``lr``.

    AdamW's κ is measured on its last step: the same state and gradient are given to
    ``adam`` without decay, and the difference of the two steps divided by −x."""
    pb = network(seed)
    out = {}
    for name in ("adamw", "adam"):
        opt, x = make(name, lr=lr, weight_decay=wd), pb.theta0.copy()
        state = opt.init(x)
        for _ in range(STEPS - 1):
            u, state = opt.update(pb.grad(x), state, x)
            x = x + u
        out[name] = (opt, state, x)
    opt, state, x = out["adamw"]
    g = pb.grad(x)
    plain = make("adam", lr=lr)
    k_adamw = -(opt.update(g, state, x)[0] - plain.update(g, state, x)[0]) / x
    opt, state, x = out["adam"]
    _, state = opt.update(pb.grad(x), state, x)
    b2, eps = opt.hparams["betas"][1], opt.hparams["eps"]
    v_hat = state.v / (1.0 - b2 ** state.t)
    return DecayRates(float(lr), float(wd), k_adamw, lr * wd / (np.sqrt(v_hat) + eps))
