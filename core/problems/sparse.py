"""A sparse-feature problem: logistic regression where most features are rarely present.

Data. Feature j (j = 0 … F−1) is present in a sample with probability

    p_j = p_max / (j + 1)^a          (a Zipf-like law; a is the sparsity knob)

and, when present, is +1 or −1 at random (so features are uncorrelated and centred:
the only thing that differs between them is how often they show up). a = 0 is dense
(every p_j = p_max); at a = 2 most features appear in well under 1% of samples.

The dense control (``kind="dense"``) has every feature in every sample, as ±√p_j:

    x_ij = ±√p_j   (sparse: x_ij = ±1 with probability p_j, else 0)

Both kinds have E[x_ij] = 0 and the same second moment E[x_ij²] = p_j, so the Hessian
H = Xᵀ diag(σ'(z)) X / n has about the same diagonal, ≈ σ'·p_j: rare features are the
low-curvature directions in BOTH. What differs is only that the sparse kind's
mini-batch gradients are exactly 0 in most coordinates. An optimizer that wins on both
kinds wins through curvature (conditioning, κ ≈ p_max/p_min); only a gain that the
dense control lacks is a gain from sparsity.

Labels are soft, like click-through rates: each sample's target is a probability

    y_i = σ(x_i · w_true + τ ξ_i),   ξ_i ~ N(0, 1),   σ(z) = 1 / (1 + e^{−z}),

with w_true ~ N(0, s²) scaled so that x · w_true has standard deviation about z_std
whatever a is. Every feature carries signal, and the noise τ makes mini-batch
gradients disagree with the full-data gradient, as real data does.

Loss and gradient (full data, or the rows of one mini-batch; n rows):

    L(w) = (1/n) Σ_i [ log(1 + e^{z_i}) − y_i z_i ],   z_i = x_i · w
    ∇L(w) = (1/n) Σ_i (σ(z_i) − y_i) x_i

Since x_ij = 0 whenever feature j is absent, ∂L/∂w_j over a mini-batch that lacks
feature j is exactly 0: rare features get a nonzero gradient only now and then.

L is convex for any labels: each term ℓ(z) = log(1 + e^z) − y z has ℓ'' = σ(z)(1 − σ(z))
> 0 in z, and z = x·w is linear in w. Whether L is *strictly* convex in w depends on
the data, not on the labels: the Hessian Xᵀ diag(σ'(z)) X / n is positive definite
exactly when the columns of X (the features that occur) are linearly independent, as
they almost surely are here with N ≫ F. What the soft labels y_i ∈ (0, 1) do is make a
minimiser EXIST: each term grows without bound as z_i → ±∞, so no direction lowers L
for ever (with hard 0/1 labels on separable data the infimum is approached only as
‖w‖ → ∞). So the data have one best fit ŵ (found by Newton's method, :func:`best_fit`);
"excess loss" L(w) − L(ŵ) ≥ 0 and the weight error ‖w − ŵ‖ measure how far an
optimizer still is from done.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

from core.problems.sparse_rows import Rows, distinct_rows, rows_loss

A_RANGE = (0.0, 2.5)
F_RANGE = (2, 1000)
N_RANGE = (50, 20_000)
P_MAX = 0.5
Z_STD = 1.5
LABEL_NOISE = 1.0


KINDS: tuple[str, ...] = ("sparse", "dense")


class SparseData(NamedTuple):
    """``X`` (N, F): in {−1, 0, +1} (sparse) or ±√p_j (dense control); ``y`` (N,) soft
    labels; ``p`` (F,) requested frequencies (= second moments E[x_j²]); ``w_true`` (F,)
    the weights that made the labels."""

    a: float
    p: np.ndarray
    X: np.ndarray
    y: np.ndarray
    w_true: np.ndarray
    seed: int
    kind: str = "sparse"

    @property
    def measured_p(self) -> np.ndarray:
        """Share of samples in which each feature is present (1 for the dense control)."""
        return np.mean(self.X != 0, axis=0)

    @property
    def second_moment(self) -> np.ndarray:
        """(F,) measured E[x_j²]: ≈ p_j for both kinds (the curvature of feature j)."""
        return np.mean(self.X ** 2, axis=0)

    @property
    def seen(self) -> np.ndarray:
        """(F,) True for the features present in at least one sample."""
        return np.any(self.X != 0, axis=0)


def frequencies(F: int, a: float, p_max: float = P_MAX) -> np.ndarray:
    """p_j = p_max / (j + 1)^a for j = 0 … F−1."""
    return p_max / (np.arange(F) + 1.0) ** a


def make_data(a: float, F: int = 200, N: int = 3000, seed: int = 0, *,
              z_std: float = Z_STD, label_noise: float = LABEL_NOISE,
              kind: str = "sparse") -> SparseData:
    """N samples of F features with sparsity exponent a, all drawn from ``default_rng(seed)``.

    ``kind="dense"`` is the control of the module docstring: the same draws (signs,
    true weights, label noise), with every feature present as ±√p_j.
    """
    a = _in_range("a", a, A_RANGE)
    F, N = _whole("F", F, F_RANGE), _whole("N", N, N_RANGE)
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    rng = np.random.default_rng(seed)
    p = frequencies(F, a)
    present = rng.random((N, F)) < p
    signs = rng.choice([-1.0, 1.0], size=(N, F))
    X = np.where(present, signs, 0.0) if kind == "sparse" else signs * np.sqrt(p)
    w_true = rng.standard_normal(F) * (z_std / np.sqrt(p.sum()))
    y = sigmoid(X @ w_true + label_noise * rng.standard_normal(N))
    return SparseData(a, p, X, y, w_true, int(seed), kind)


def sigmoid(z):
    """σ(z) = ½(1 + tanh(z/2)): the same value as 1/(1 + e^{−z}), never overflowing."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def loss(w, X, y) -> np.ndarray:
    """Mean logistic loss; w of shape (..., F) gives shape (...).

    Computed as mean_i log(1 + e^{z_i}) − w·(Xᵀy/n): the same sum, with the linear part
    as one matrix-vector product (w is flattened to 2-D so the product is one BLAS call).
    """
    w = np.asarray(w, dtype=float)
    flat = w.reshape(-1, w.shape[-1])
    z = flat @ X.T
    out = np.logaddexp(0.0, z, out=z).mean(axis=-1) - flat @ (y @ X / len(y))
    return out.reshape(w.shape[:-1])


def loss_grad(w, X, y) -> np.ndarray:
    """∇L(w) = Xᵀ(σ(Xw) − y) / n, same shape as w."""
    r = sigmoid(np.asarray(w, dtype=float) @ X.T) - y
    return r @ X / len(y)


@dataclass(frozen=True, eq=False)
class SparseLogistic:
    """The data as an objective for :func:`core.training.run.run`, with fixed mini-batches.

    ``batches`` (steps, B) holds the row indices of every step's mini-batch: each
    epoch is a fresh shuffle from ``default_rng([seed, 2, epoch])``. ``batch_grad(w, k)``
    uses batch k, so every optimizer and every learning rate sees the same batches.
    ``Xb`` (steps, B, F) and ``yb`` (steps, B), those rows, are gathered when first asked
    for: a step's gradient gathers its own batch, so long runs need not hold them all.
    """

    data: SparseData
    batches: np.ndarray
    bound: float = 1e4

    @cached_property
    def Xb(self) -> np.ndarray:
        return self.data.X[self.batches]

    @cached_property
    def yb(self) -> np.ndarray:
        return self.data.y[self.batches]

    @cached_property
    def rows(self) -> Rows:                 # the data's distinct rows, for the loss
        return distinct_rows(self.data.X, self.data.y)

    def f(self, w) -> np.ndarray:
        return rows_loss(w, self.rows)

    def grad(self, w) -> np.ndarray:
        return loss_grad(w, self.data.X, self.data.y)

    def batch_grad(self, w, k: int) -> np.ndarray:
        return loss_grad(w, self.data.X[self.batches[k]], self.data.y[self.batches[k]])

    @property
    def batch_size(self) -> int:
        return self.batches.shape[1]

    def hits(self) -> np.ndarray:
        """(steps, F) True where feature j is in batch k (elsewhere its gradient is 0)."""
        return np.any(self.Xb != 0, axis=1)


def make_objective(data: SparseData, batch_size: int, steps: int) -> SparseLogistic:
    """The objective with ``steps`` mini-batches of ``batch_size`` rows (seeded by the data)."""
    N = len(data.y)
    B = _whole("batch_size", batch_size, (1, N))
    per_epoch = N // B
    epochs = -(-max(int(steps), 1) // per_epoch)
    rows = [np.random.default_rng([data.seed, 2, e]).permutation(N)[: per_epoch * B]
            for e in range(epochs)]
    batches = np.concatenate(rows).reshape(-1, B)[: max(int(steps), 1)]
    return SparseLogistic(data, batches)


def best_fit(data: SparseData, tol: float = 1e-10, max_iter: int = 60) -> np.ndarray:
    """ŵ = argmin L by damped Newton steps w ← w − t H⁻¹∇L on the features that occur.

    H = Xᵀ diag(σ'(z)) X / n with σ' = σ(1 − σ); t is halved until L decreases.
    Features that never occur have no gradient at all and stay at 0.
    """
    seen = data.seen
    X, y = data.X[:, seen], data.y
    w = np.zeros(X.shape[1])
    ridge = 1e-12 * np.eye(len(w))
    L = loss(w, X, y)
    for _ in range(max_iter):
        s = sigmoid(X @ w)
        g = (s - y) @ X / len(y)
        if np.max(np.abs(g), initial=0.0) < tol:
            break
        H = (X * (s * (1.0 - s))[:, None]).T @ X / len(y) + ridge
        d = np.linalg.solve(H, g)
        t, L_new = 1.0, loss(w - d, X, y)
        while L_new > L and t > 1e-8:
            t *= 0.5
            L_new = loss(w - t * d, X, y)
        w, L = w - t * d, L_new
    full = np.zeros(len(data.p))
    full[seen] = w
    return full


class Groups(NamedTuple):
    """Masks over the F features: ``rare`` — absent from more than half of the
    mini-batches, (1 − p_j)^B > ½; ``frequent`` — the other features that occur;
    ``unseen`` — never in the data (no optimizer can learn them)."""

    frequent: np.ndarray
    rare: np.ndarray
    unseen: np.ndarray


def groups(data: SparseData, batch_size: int) -> Groups:
    rare_p = (1.0 - data.p) ** batch_size > 0.5
    seen = data.seen
    return Groups(seen & ~rare_p, seen & rare_p, ~seen)


def weight_error(points, w_hat, mask) -> np.ndarray:
    """Relative error ‖w[mask] − ŵ[mask]‖ / ‖ŵ[mask]‖ of points (..., F); shape (...).

    1 means no progress from w = 0, 0 means the best fit. Zeros when the mask is empty.
    """
    points = np.asarray(points, dtype=float)
    if not np.any(mask):
        return np.zeros(points.shape[:-1])
    scale = max(float(np.linalg.norm(w_hat[mask])), 1e-12)
    return np.linalg.norm(points[..., mask] - w_hat[mask], axis=-1) / scale


def first_hits(hits: np.ndarray) -> np.ndarray:
    """(F,) the first step at which each feature was in a batch (len(hits) if never)."""
    hits = np.asarray(hits, dtype=bool)
    return np.where(hits.any(axis=0), hits.argmax(axis=0), len(hits))


def hit_runs(hits: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The raster (steps, F) as runs (feature, start, stop): the feature was in every
    batch from step start up to, not including, step stop.

    A dense feature is one run, an isolated hit is a run of length 1, so a raster
    of T × F cells becomes at most about T·F/4 runs (often far fewer).
    """
    h = np.asarray(hits, dtype=np.int8)
    pad = np.zeros((1, h.shape[1]), dtype=np.int8)
    edges = np.diff(np.vstack([pad, h, pad]), axis=0).T     # (F, T+1): +1 at a start, −1 after
    feature, start = np.nonzero(edges == 1)                  # ordered by feature, then step
    _, stop = np.nonzero(edges == -1)
    return feature, start, stop


def _in_range(name: str, value, bounds: tuple[float, float]) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not (np.isfinite(v) and bounds[0] <= v <= bounds[1]):
        raise ValueError(f"{name} must lie in [{bounds[0]}, {bounds[1]}], got {value!r}")
    return v


def _whole(name: str, value, bounds: tuple[int, int]) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not (
            bounds[0] <= value <= bounds[1]):
        raise ValueError(f"{name} must be a whole number in [{bounds[0]}, {bounds[1]}], "
                         f"got {value!r}")
    return int(value)
