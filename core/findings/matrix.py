"""Findings of the benchmark matrix: which optimizers behave alike, what one fixed rate
costs, and where the mini-batch noise floor sits.

    cell ratio = the optimizer's loss gap / the scenario's best loss gap   (1 = best)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.experiments.racers import RULE
from core.findings.thresholds import ALIKE, TIE, WIN
from core.optimizers import defaults


class MatrixFindings(NamedTuple):
    """The benchmark matrix (:class:`core.matrix.Matrix`) in the numbers its story quotes.

    winners   per column, the rows whose ratio < TIE (tied for best), in row order
    worst     per row, its largest ratio (its worst column)
    steadiest the row with the smallest worst ratio (the earlier row on ties)
    alike     columns where RMSProp, Adadelta and Adam are all within ALIKE× of each other
    total     number of columns
    edges     (row, column) cells whose best rate sits at the edge of the rate grid
    """

    winners: tuple[tuple[str, ...], ...]
    worst: dict[str, float]
    steadiest: str
    alike: int
    total: int
    edges: tuple[tuple[str, str], ...]


def alike_count(ratios: np.ndarray, within: float = ALIKE) -> int:
    """Columns of ``ratios`` (rows × columns, all > 0) whose largest ÷ smallest entry is
    at most ``within``."""
    ratios = np.asarray(ratios, dtype=float)
    return int(np.sum(ratios.max(axis=0) / ratios.min(axis=0) <= within))


def matrix_findings(m, trio: tuple[str, ...] = ("rmsprop", "adadelta", "adam")) -> MatrixFindings:
    """Winners, steadiest row, how alike ``trio`` is, and the cells at the grid's edge."""
    ratio = m.ratio
    winners = tuple(tuple(m.rows[i] for i in np.nonzero(ratio[:, j] < TIE)[0])
                    for j in range(len(m.columns)))
    worst = {r: float(ratio[i].max()) for i, r in enumerate(m.rows)}
    alike = alike_count(np.stack([ratio[m.rows.index(k)] for k in trio]))
    edges = tuple((m.rows[i], m.columns[j]) for i, j in zip(*np.nonzero(m.at_edge),
                                                             strict=True))
    return MatrixFindings(winners, worst, min(worst, key=worst.get), alike,
                          len(m.columns), edges)


class FixedRate(NamedTuple):
    """Each row of the matrix run at ONE rate on every scenario, no per-scenario tuning.

    default_lr, default_worst  torch's default rate for the row's rule (the grid point
                               nearest it) and the row's worst ratio there
    rough_lr, rough_worst      the one grid rate whose worst ratio is smallest, and it
    Ratios are against each column's best TUNED cell, so 1 means as good as tuning.
    """

    default_lr: dict[str, float]
    default_worst: dict[str, float]
    rough_lr: dict[str, float]
    rough_worst: dict[str, float]


def fixed_rate(m) -> FixedRate:
    """Worst ratio of every row at its library-default rate and at its best single rate."""
    best = m.final_gap.min(axis=0)                                   # (C,)
    worst = (m.gap / best[None, :, None]).max(axis=1)                # (R, n)
    d_lr, d_w, r_lr, r_w = {}, {}, {}, {}
    for i, row in enumerate(m.rows):
        k = int(np.argmin(np.abs(np.log(m.lrs / defaults(RULE[row])["lr"]))))
        d_lr[row], d_w[row] = float(m.lrs[k]), float(worst[i, k])
        k = int(np.argmin(worst[i]))
        r_lr[row], r_w[row] = float(m.lrs[k]), float(worst[i, k])
    return FixedRate(d_lr, d_w, r_lr, r_w)


class NoiseFindings(NamedTuple):
    """The noise-floor experiment (:func:`core.matrix.noise_floor`), medians over seeds.

    same      momentum at η(1 − μ) ÷ SGD at η: the same steady step; ≈ 1 (within WIN)
              means momentum did not average the noise away
    raw       momentum at η ÷ SGD at η: ten times the steady step (μ = 0.9)
    small     SGD at η/4 ÷ SGD at η: a smaller step
    same_floor  1/WIN < same < WIN;  smaller_helps  small ≤ 1/WIN
    """

    same: float
    raw: float
    small: float
    same_floor: bool
    smaller_helps: bool


def noise_findings(nf) -> NoiseFindings:
    med = {k: float(np.median(v)) for k, v in nf.floors.items()}
    same = med["momentum_same"] / med["sgd"]
    small = med["sgd_small"] / med["sgd"]
    return NoiseFindings(same, med["momentum"] / med["sgd"], small,
                         1 / WIN < same < WIN, small <= 1 / WIN)
