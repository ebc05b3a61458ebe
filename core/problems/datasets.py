"""Seeded two-class toy data sets in the plane: moons, circles and spirals.

Each maker returns a :class:`Dataset` of ``n`` points ``X`` (shape (n, 2)) with labels
``y`` in {0, 1} (shape (n,), float), shuffled, centred near the origin and spread over
roughly [-1.5, 1.5]². Gaussian noise of standard deviation ``noise`` is added to every
coordinate. All randomness comes from ``np.random.default_rng(seed)``, so one seed
always gives the same points.

>>> ds = make_dataset("moons", n=200, noise=0.1, seed=0)
>>> ds.X.shape, ds.y.shape
((200, 2), (200,))
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

DATASET_NAMES: tuple[str, ...] = ("moons", "circles", "spirals")
N_RANGE = (20, 2000)
NOISE_RANGE = (0.0, 1.0)


class Dataset(NamedTuple):
    """``X`` (n, 2) inputs, ``y`` (n,) labels 0.0 / 1.0, and the settings that made them."""

    name: str
    X: np.ndarray
    y: np.ndarray
    noise: float
    seed: int

    def box(self, pad: float = 0.25) -> tuple[tuple[float, float], tuple[float, float]]:
        """((x_lo, x_hi), (y_lo, y_hi)): the data's bounding box widened by ``pad``."""
        lo, hi = self.X.min(axis=0) - pad, self.X.max(axis=0) + pad
        return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def make_dataset(name: str, n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """``n`` labelled points of the data set ``name`` (one of :data:`DATASET_NAMES`).

    Half the points (rounded down) carry label 1. ValueError on an unknown name or
    on ``n`` / ``noise`` outside :data:`N_RANGE` / :data:`NOISE_RANGE`.
    """
    if name not in DATASET_NAMES:
        raise ValueError(f"unknown data set {name!r}; choose one of {', '.join(DATASET_NAMES)}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not (
            N_RANGE[0] <= n <= N_RANGE[1]):
        raise ValueError(f"n must be a whole number in [{N_RANGE[0]}, {N_RANGE[1]}], got {n!r}")
    noise = float(noise)
    if not NOISE_RANGE[0] <= noise <= NOISE_RANGE[1]:
        raise ValueError(f"noise must lie in [{NOISE_RANGE[0]}, {NOISE_RANGE[1]}], got {noise}")
    rng = np.random.default_rng(seed)
    n1 = int(n) // 2
    n0 = int(n) - n1
    X0, X1 = _SHAPES[name](n0, n1, rng)
    X = np.concatenate([X0, X1]) + noise * rng.standard_normal((n, 2))
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    order = rng.permutation(n)
    return Dataset(name, X[order], y[order], noise, seed)


def _moons(n0: int, n1: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles of radius 1:
    class 0 on (cos s, sin s), class 1 on (1 − cos s, ½ − sin s), s ∈ [0, π]; then centred."""
    s0 = np.pi * rng.random(n0)
    s1 = np.pi * rng.random(n1)
    X0 = np.column_stack([np.cos(s0), np.sin(s0)])
    X1 = np.column_stack([1.0 - np.cos(s1), 0.5 - np.sin(s1)])
    centre = np.array([0.5, 0.25])
    return 1.2 * (X0 - centre), 1.2 * (X1 - centre)


def _circles(n0: int, n1: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """Class 0 on the circle of radius 1.4, class 1 on the circle of radius 0.6."""
    s0 = 2 * np.pi * rng.random(n0)
    s1 = 2 * np.pi * rng.random(n1)
    X0 = 1.4 * np.column_stack([np.cos(s0), np.sin(s0)])
    X1 = 0.6 * np.column_stack([np.cos(s1), np.sin(s1)])
    return X0, X1


def _spirals(n0: int, n1: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """Two arms r = 1.5·s, angle 3π·s (+π for class 1), s uniform in [0.1, 1]."""
    def arm(m: int, turn: float) -> np.ndarray:
        s = 0.1 + 0.9 * rng.random(m)
        angle = 3 * np.pi * s + turn
        return 1.5 * s[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return arm(n0, 0.0), arm(n1, np.pi)


_SHAPES = {"moons": _moons, "circles": _circles, "spirals": _spirals}
