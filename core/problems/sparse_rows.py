"""The sparse problem's loss from its distinct rows, for the many loss evaluations of the
Choosing page's learning-rate sweeps.

The nonlinear part of the logistic loss depends on a row only through z = x·w, so

    L(w) = Σ_k (c_k / n) log(1 + e^{u_k·w}) − w·(Xᵀy / n)

over the K distinct rows u_k, each seen c_k times. Sparse data repeat rows often (at
a = 2 some 200 of 3000 rows are distinct), and log(1 + e^z) is written with vectorised
ufuncs; the result equals :func:`core.problems.sparse.loss` up to rounding.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


def softplus(z: np.ndarray) -> np.ndarray:
    """log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}): the form ``np.logaddexp(0, z)`` evaluates,
    written with vectorised ufuncs (several times faster). ``z`` is overwritten."""
    pos = np.maximum(z, 0.0)
    np.abs(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    np.log1p(z, out=z)
    z += pos
    return z


class Rows(NamedTuple):
    """The data as its distinct rows: ``X`` (K, F) each row once, ``weight`` (K,) its count
    ÷ n, ``xty`` (F,) = Xᵀy / n. Enough for the loss, whose nonlinear part depends on a
    row only through z = x·w (a sparse data set repeats rows often: at a = 2 some 200 of
    3000 are distinct)."""

    X: np.ndarray
    weight: np.ndarray
    xty: np.ndarray


def distinct_rows(X, y) -> Rows:
    """X's distinct rows (compared byte for byte) with their shares, and Xᵀy / n."""
    X = np.ascontiguousarray(X, dtype=float)
    as_bytes = X.view(np.dtype((np.void, X.itemsize * X.shape[1]))).ravel()  # one key a row
    _, first, counts = np.unique(as_bytes, return_index=True, return_counts=True)
    return Rows(X[first], counts / len(X), y @ X / len(y))


def rows_loss(w, rows: Rows) -> np.ndarray:
    """The mean logistic loss from :class:`Rows`: Σ_k weight_k log(1 + e^{u_k·w}) − w·xty.
    Equals :func:`core.problems.sparse.loss` up to rounding; w (..., F) gives (...)."""
    w = np.asarray(w, dtype=float)
    flat = w.reshape(-1, w.shape[-1])
    out = softplus(flat @ rows.X.T) @ rows.weight - flat @ rows.xty
    return out.reshape(w.shape[:-1])
