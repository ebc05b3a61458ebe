"""A two-layer neural network in NumPy with backpropagation written out by hand.

The network classifies 2-D points into two classes:

    a = X W₁ + b₁            (n, H)   hidden pre-activations
    h = tanh(a)              (n, H)
    z = h w₂ + b₂            (n,)     logits
    p = σ(z) = 1 / (1 + e^{−z})       probability of class 1
    L = mean_i [ log(1 + e^{z_i}) − y_i z_i ]      binary cross-entropy

and the gradient, by the chain rule from the loss back to each weight:

    ∂L/∂z  = (p − y) / n
    ∂L/∂w₂ = hᵀ ∂L/∂z,        ∂L/∂b₂ = Σ_i ∂L/∂z_i
    ∂L/∂a  = (∂L/∂z w₂ᵀ) ⊙ (1 − h²)
    ∂L/∂W₁ = Xᵀ ∂L/∂a,        ∂L/∂b₁ = Σ_i ∂L/∂a_i

All weights live in ONE flat vector θ = [W₁ (2·H, row-major), b₁ (H), w₂ (H), b₂ (1)]
of length 4H + 1, so the network is an objective like any 2-D surface and
:func:`core.training.run.run` trains it with any optimizer. ``f`` and ``grad`` accept θ with
leading batch axes (shape (..., 4H + 1)), so a learning-rate sweep trains many
networks in one call.

>>> problem = make_mlp_problem("moons", n=200, hidden=16, seed=0)
>>> trajectory = run(make("adam", lr=0.01), problem, problem.theta0, 300)
>>> problem.accuracy(trajectory.points[-1])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.problems.datasets import Dataset, make_dataset

HIDDEN_RANGE = (1, 64)


def n_params(hidden: int) -> int:
    """Length of θ for ``hidden`` hidden units: 2H + H + H + 1."""
    return 4 * hidden + 1


def unpack(theta: np.ndarray, hidden: int):
    """Views of θ (..., 4H+1) as W₁ (..., 2, H), b₁ (..., H), w₂ (..., H), b₂ (...)."""
    H = hidden
    W1 = theta[..., : 2 * H].reshape(theta.shape[:-1] + (2, H))
    b1, w2 = np.ascontiguousarray(theta[..., 2 * H: 3 * H]), theta[..., 3 * H: 4 * H]
    return W1, b1, w2, theta[..., 4 * H]


def forward(theta: np.ndarray, X: np.ndarray, hidden: int) -> tuple[np.ndarray, np.ndarray]:
    """Hidden activations h (..., n, H) and logits z (..., n) for inputs X (n, 2)."""
    W1, b1, w2, b2 = unpack(theta, hidden)
    h = X @ W1                          # (..., n, H); updated in place: large temporaries
    h += b1[..., None, :]               # cost more to allocate than to compute
    np.tanh(h, out=h)
    z = (h @ w2[..., :, None])[..., 0] + b2[..., None]
    return h, z


def loss(theta: np.ndarray, X: np.ndarray, y: np.ndarray, hidden: int) -> np.ndarray:
    """Mean binary cross-entropy log(1 + e^z) − y·z, written to stay finite for large |z|."""
    _, z = forward(theta, X, hidden)
    return np.mean(np.logaddexp(0.0, z) - y * z, axis=-1)


def loss_grad(theta: np.ndarray, X: np.ndarray, y: np.ndarray, hidden: int) -> np.ndarray:
    """∂L/∂θ by backpropagation, same shape as θ (see the module docstring)."""
    h, z = forward(theta, X, hidden)
    _, _, w2, _ = unpack(theta, hidden)
    dz = (sigmoid(z) - y) / len(y)                             # (..., n)
    dw2 = (dz[..., None, :] @ h)[..., 0, :]                    # hᵀ dz
    db2 = dz.sum(axis=-1)
    da = h                                                     # (..., n, H), reusing h:
    np.square(h, out=da)                                       # h²
    np.subtract(1.0, da, out=da)                               # 1 − h²
    da *= dz[..., None]
    da *= w2[..., None, :]                                     # (dz w₂ᵀ) ⊙ (1 − h²)
    dW1 = X.T @ da
    db1 = da.sum(axis=-2)
    lead = theta.shape[:-1]
    return np.concatenate([dW1.reshape(lead + (-1,)), db1, dw2, db2[..., None]], axis=-1)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1/(1 + e^{−z}) computed as ½(1 + tanh(z/2)), which never overflows."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def init_theta(hidden: int, seed: int) -> np.ndarray:
    """Seeded start: W₁ ~ N(0, 1/2) (fan-in 2), w₂ ~ N(0, 1/H), biases 0.

    Drawn from ``default_rng([seed, 1])``, a stream apart from the data's.
    """
    rng = np.random.default_rng([seed, 1])
    W1 = rng.standard_normal((2, hidden)) / np.sqrt(2.0)
    w2 = rng.standard_normal(hidden) / np.sqrt(hidden)
    return np.concatenate([W1.ravel(), np.zeros(hidden), w2, [0.0]])


@dataclass(frozen=True, eq=False)
class MLPProblem:
    """A network and its data, as an objective for :func:`core.training.run.run`.

    ``f(θ)`` is the full-data loss and ``grad(θ)`` its gradient. With ``batch_size``
    set, ``batch_grad(θ, k)`` is the gradient on the k-th mini-batch: each epoch
    shuffles the data with ``default_rng([seed, 2, epoch])`` and cuts it into
    ⌊n / batch_size⌋ batches, so every optimizer in a race sees the same batches.
    Without ``batch_size`` it is the full gradient.
    """

    data: Dataset
    hidden: int
    theta0: np.ndarray
    batch_size: int | None = None
    seed: int = 0
    bound: float = 1e4

    @property
    def X(self) -> np.ndarray:
        return self.data.X

    @property
    def y(self) -> np.ndarray:
        return self.data.y

    def f(self, theta) -> np.ndarray:
        return loss(np.asarray(theta, dtype=float), self.X, self.y, self.hidden)

    def grad(self, theta) -> np.ndarray:
        return loss_grad(np.asarray(theta, dtype=float), self.X, self.y, self.hidden)

    def batch_grad(self, theta, k: int) -> np.ndarray:
        idx = self.batch(k)
        if idx is None:
            return self.grad(theta)
        return loss_grad(np.asarray(theta, dtype=float), self.X[idx], self.y[idx], self.hidden)

    def batch(self, k: int) -> np.ndarray | None:
        """Row indices of mini-batch k, or None for full-batch training."""
        n = len(self.y)
        if self.batch_size is None or self.batch_size >= n:
            return None
        per_epoch = n // self.batch_size
        epoch, j = divmod(int(k), per_epoch)
        order = np.random.default_rng([self.seed, 2, epoch]).permutation(n)
        return order[j * self.batch_size: (j + 1) * self.batch_size]

    def predict(self, theta, points) -> np.ndarray:
        """Probability of class 1 at ``points`` (m, 2); θ may carry batch axes."""
        _, z = forward(np.asarray(theta, dtype=float), np.asarray(points, float), self.hidden)
        return sigmoid(z)

    def accuracy(self, theta) -> np.ndarray:
        """Share of training points on the right side of p = ½."""
        p = self.predict(theta, self.X)
        return np.mean((p > 0.5) == (self.y > 0.5), axis=-1)


def make_mlp_problem(dataset: str = "moons", n: int = 200, hidden: int = 16, seed: int = 0,
                     *, noise: float = 0.1, batch_size: int | None = None) -> MLPProblem:
    """The network with ``hidden`` tanh units on ``n`` points of ``dataset``.

    ``seed`` fixes the data, the starting weights θ₀ and the mini-batch order.
    ValueError on an unknown data set or out-of-range sizes.
    """
    if isinstance(hidden, bool) or not isinstance(hidden, (int, np.integer)) or not (
            HIDDEN_RANGE[0] <= hidden <= HIDDEN_RANGE[1]):
        raise ValueError(f"hidden must be a whole number in {list(HIDDEN_RANGE)}, got {hidden!r}")
    if batch_size is not None and (isinstance(batch_size, bool) or int(batch_size) < 1):
        raise ValueError(f"batch_size must be a whole number ≥ 1 or None, got {batch_size!r}")
    data = make_dataset(dataset, n=n, noise=noise, seed=seed)
    batch = None if batch_size is None else int(batch_size)
    return MLPProblem(data, int(hidden), init_theta(int(hidden), seed), batch, seed)
