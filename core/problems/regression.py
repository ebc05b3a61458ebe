"""Fitting a line y ≈ w·x + b: the smallest model whose weights are found by descent.

Data: n points x_i ~ U(x_lo, x_hi), y_i = w_true x_i + b_true + σ ε_i with ε_i ~ N(0, 1),
drawn from ``default_rng((seed, 0))``; the mini-batches shuffle with
``default_rng((seed, 1))``, so one seed fixes both and neither stream disturbs the other.
The noise ε is drawn independently of σ, so changing σ rescales the same scatter
instead of drawing a new one.

Loss over the weights p = (w, b), with the residual of point i

    r_i = ŷ_i − y_i = w x_i + b − y_i,          L(w, b) = (1/n) Σ_i ½ r_i².

L is the error being minimised (the article's e, as in de/dw); r is only the residual.
Gradient by the chain rule, through the residuals:

    ∂L/∂r_i = r_i / n,   ∂r_i/∂w = x_i,   ∂r_i/∂b = 1
    ∂L/∂w = Σ_i ∂L/∂r_i · ∂r_i/∂w = (1/n) Σ_i r_i x_i
    ∂L/∂b = Σ_i ∂L/∂r_i · ∂r_i/∂b = (1/n) Σ_i r_i

A mini-batch gradient uses the same formula with the mean over a batch of B indices
instead of all n. The batches come from a stream of shuffled epochs (see
:func:`batch_indices`), so each is an unbiased estimate of the full gradient.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core.problems.surfaces import Minimum

Box = tuple[tuple[float, float], tuple[float, float]]

N_POINTS = 200
X_RANGE = (0.0, 2.0)
TRUE_LINE = (2.0, -1.0)          # (w_true, b_true)
DOMAIN: Box = ((-2.0, 6.0), (-5.0, 3.0))
START = (-1.0, 2.0)              # a start far up the valley wall
DIFF_STEP = 1e-5                 # central-difference step h for the numeric check
DATA_STREAM, BATCH_STREAM = 0, 1  # the two random streams drawn from one seed


class Data(NamedTuple):
    """The synthetic data set: inputs x, targets y (both shape (n,)) and the line behind them."""

    x: np.ndarray
    y: np.ndarray
    w_true: float
    b_true: float


def make_data(seed: int, noise: float, n: int = N_POINTS, line=TRUE_LINE) -> Data:
    """n points around y = w_true·x + b_true with Gaussian noise of standard deviation σ."""
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number ≥ 0, got {noise!r}")
    if not 2 <= n <= 100_000:
        raise ValueError(f"n must be between 2 and 100,000, got {n!r}")
    rng = np.random.default_rng((seed, DATA_STREAM))
    x = rng.uniform(*X_RANGE, size=n)
    eps = rng.standard_normal(n)
    w_true, b_true = line
    return Data(x, w_true * x + b_true + noise * eps, float(w_true), float(b_true))


def predict(p, x) -> np.ndarray:
    """ŷ = w x + b for every point p = (w, b) of shape (..., 2): shape (..., len(x))."""
    p = np.asarray(p, dtype=float)
    return p[..., 0:1] * x + p[..., 1:2]


def residuals(p, x, y) -> np.ndarray:
    """r_i = ŷ_i − y_i = w x_i + b − y_i: shape (..., len(x))."""
    return predict(p, x) - y


def loss(p, x, y) -> np.ndarray:
    """L = (1/n) Σ ½ r_i² over the points (x, y): shape (...)."""
    return 0.5 * np.mean(residuals(p, x, y) ** 2, axis=-1)


def gradient(p, x, y) -> np.ndarray:
    """(∂L/∂w, ∂L/∂b) = ((1/n) Σ r_i x_i, (1/n) Σ r_i): shape (..., 2)."""
    r = residuals(p, x, y)
    dl_dr = r / len(x)                                   # ∂L/∂r_i
    return np.stack([np.sum(dl_dr * x, axis=-1),         # Σ ∂L/∂r_i · ∂r_i/∂w, ∂r_i/∂w = x_i
                     np.sum(dl_dr, axis=-1)], axis=-1)   # Σ ∂L/∂r_i · ∂r_i/∂b, ∂r_i/∂b = 1


@dataclass(frozen=True, eq=False)
class Regression:
    """The full-batch loss over (w, b) as a :func:`core.training.run.run` objective.

    ``f`` and ``grad`` take points of shape (..., 2), so the contour grid and a
    trajectory go through the same code.
    """

    data: Data
    domain: Box = DOMAIN
    start: tuple[float, float] = START

    def f(self, p):
        return loss(p, self.data.x, self.data.y)

    def grad(self, p):
        return gradient(p, self.data.x, self.data.y)

    @property
    def bound(self) -> float:
        """Any |w| or |b| beyond ten times the widest edge of the domain counts as diverged."""
        return 10.0 * max(abs(edge) for axis in self.domain for edge in axis)

    @property
    def minima(self) -> tuple[Minimum, ...]:
        """The one minimum, at the least-squares fit (for the contour map's marker)."""
        best = self.least_squares()
        return (Minimum((float(best[0]), float(best[1])), float(self.f(best)), True),)

    def least_squares(self) -> np.ndarray:
        """The minimiser (w*, b*), solving the normal equations ∇L = 0."""
        x, y = self.data.x, self.data.y
        design = np.stack([x, np.ones_like(x)], axis=-1)
        return np.linalg.lstsq(design, y, rcond=None)[0]

    def curvatures(self) -> np.ndarray:
        """Eigenvalues of the Hessian [[mean x², mean x], [mean x, 1]], ascending.

        Full-batch descent is stable iff η < 2 / (largest eigenvalue).
        """
        x = self.data.x
        hessian = np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
        return np.linalg.eigvalsh(hessian)


def batch_indices(n: int, batch_size: int, steps: int, seed: int) -> np.ndarray:
    """(steps, B) indices: batch k is positions kB ... kB + B − 1 of a stream of epochs.

    The stream is π_0 ++ π_1 ++ ..., each π_e a fresh permutation of 0 ... n−1 drawn
    from ``default_rng((seed, 1))``. Every index appears once per epoch, so the mean of
    the gradients of n/B consecutive batches (B dividing n) is exactly the full
    gradient, and every batch has exactly B points.
    """
    if not 1 <= batch_size <= n:
        raise ValueError(f"batch size must be between 1 and n = {n}, got {batch_size!r}")
    if steps < 0:
        raise ValueError(f"steps must be ≥ 0, got {steps!r}")
    epochs = -(-steps * batch_size // n)                  # ceil(steps·B / n)
    order = np.tile(np.arange(n), (max(epochs, 1), 1))
    stream = np.random.default_rng((seed, BATCH_STREAM)).permuted(order, axis=1).ravel()
    return stream[: steps * batch_size].reshape(steps, batch_size)


@dataclass(frozen=True, eq=False, kw_only=True)
class MiniBatches(Regression):
    """The same loss, but the optimizer sees the gradient of mini-batch k at step k.

    ``f`` stays the full loss (the curve a student watches); ``batch_grad`` is the
    hook :func:`core.training.run.run` calls instead of ``grad``.
    """

    indices: np.ndarray

    def batch_grad(self, p, k: int):
        batch = self.indices[k]
        return gradient(p, self.data.x[batch], self.data.y[batch])


def mini_batches(data: Data, batch_size: int, steps: int, seed: int) -> MiniBatches:
    """The mini-batch objective for ``steps`` steps of batches of ``batch_size`` points."""
    return MiniBatches(data, indices=batch_indices(len(data.x), batch_size, steps, seed))


class ChainRule(NamedTuple):
    """The chain rule at one point p = (w, b), with a central-difference check.

    r, dl_dr    (n,) the residuals r_i and ∂L/∂r_i = r_i / n
    terms       (n, 2) ∂L/∂r_i · (∂r_i/∂w, ∂r_i/∂b) = ∂L/∂r_i · (x_i, 1), one row per point
    grad        (2,) the sum of the terms: (∂L/∂w, ∂L/∂b)
    numeric     (2,) (L(p + h u) − L(p − h u)) / 2h along u = (1, 0) and (0, 1)
    h           the difference step
    """

    r: np.ndarray
    dl_dr: np.ndarray
    terms: np.ndarray
    grad: np.ndarray
    numeric: np.ndarray
    h: float

    @property
    def gap(self) -> np.ndarray:
        """|chain rule − numeric| per component."""
        return np.abs(self.grad - self.numeric)


def chain_rule(data: Data, p, h: float = DIFF_STEP) -> ChainRule:
    """Every factor of ∂L/∂(w, b) at p, next to the numeric derivative of L itself."""
    p = np.asarray(p, dtype=float)
    r = residuals(p, data.x, data.y)
    dl_dr = r / len(data.x)
    dr_dp = np.stack([data.x, np.ones_like(data.x)], axis=-1)      # (∂r_i/∂w, ∂r_i/∂b)
    terms = dl_dr[:, None] * dr_dp
    shifts = h * np.eye(2)
    numeric = (loss(p + shifts, data.x, data.y) - loss(p - shifts, data.x, data.y)) / (2 * h)
    return ChainRule(r, dl_dr, terms, terms.sum(axis=0), numeric, h)


class PathComparison(NamedTuple):
    """Full-batch descent against mini-batch SGD on the same loss, measured.

    gap_full, gap_mini        L − L* at the last point of each path
    spread_full, spread_mini  mean distance to the fit (w*, b*) over the last quarter
    cos_early, cos_late       mean cosine between the mini-batch gradient SGD used and the
                              full gradient at the same point (1 = same direction), over
                              the first and the last quarter of its steps
    """

    gap_full: float
    gap_mini: float
    spread_full: float
    spread_mini: float
    cos_early: float
    cos_late: float


def compare_paths(objective: Regression, full, mini) -> PathComparison:
    """Measure two :class:`core.training.run.Trajectory` runs on ``objective`` (sane steps only)."""
    best = objective.least_squares()
    f_best = float(objective.f(best))
    moved = _moved(mini)
    g_batch = mini.gradients[:moved]
    g_full = objective.grad(mini.points[:moved])
    norms = np.linalg.norm(g_batch, axis=-1) * np.linalg.norm(g_full, axis=-1)
    cos = np.divide(np.sum(g_batch * g_full, axis=-1), norms, out=np.ones(moved),
                    where=norms > 0)
    quarter = max(moved // 4, 1)
    return PathComparison(
        float(objective.f(full.points[-1])) - f_best, float(objective.f(mini.points[-1])) - f_best,
        _spread(full, best), _spread(mini, best),
        float(cos[:quarter].mean()) if moved else 1.0,
        float(cos[-quarter:].mean()) if moved else 1.0)


def _spread(tr, centre: np.ndarray) -> float:
    """Mean distance to ``centre`` over the last quarter of the sane points."""
    pts = tr.points[tr.valid]
    tail = pts[len(pts) - max(len(pts) // 4, 1):]
    return float(np.mean(np.linalg.norm(tail - centre, axis=-1)))


def _moved(tr) -> int:
    """Number of steps taken from a sane point (all of them unless the run diverged)."""
    k = int(tr.diverged_at)
    return tr.steps if k < 0 else max(k - 1, 0)


class NoiseFloors(NamedTuple):
    """Where mini-batch descent hovers once it has arrived: the mean of L − L* over the
    second half of the steps, averaged over several seeds (data and batches), for

    sgd       plain SGD at η with batches of B
    small     plain SGD at η/4
    big       plain SGD at η with batches of min(4B, n)
    momentum  heavy ball with μ at η(1 − μ): the same steady step η/(1 − μ) = η as sgd
    diverged  True when any of these runs left the bounds (the floors are then NaN)
    """

    sgd: float
    small: float
    big: float
    momentum: float
    diverged: bool


def noise_floors(seeds, noise: float, batch: int, lr: float, mu: float,
                 steps: int) -> NoiseFloors:
    """Measure :class:`NoiseFloors` over ``seeds`` (an iterable of ints)."""
    from core.optimizers import make
    from core.training.run import run

    rules = {"sgd": (make("sgd", lr=lr), batch), "small": (make("sgd", lr=lr / 4), batch),
             "big": (make("sgd", lr=lr), min(4 * batch, N_POINTS)),
             "momentum": (make("sgd", lr=lr * (1 - mu), momentum=mu), batch)}
    gaps = {name: [] for name in rules}
    for seed in seeds:
        obj = Regression(make_data(seed, noise))
        f_best = float(obj.minima[0].value)
        for name, (rule, b) in rules.items():
            tr = run(rule, mini_batches(obj.data, b, steps, seed), obj.start, steps)
            if tr.diverged_at >= 0:
                return NoiseFloors(*(float("nan"),) * 4, True)
            gaps[name].append(float(np.mean(tr.losses[steps // 2:] - f_best)))
    return NoiseFloors(*(float(np.mean(gaps[name])) for name in rules), False)
