"""What the Choosing page says about its experiments, as numbers and verdict codes.

Each function reads one experiment's result (:mod:`core.sparse_race`, :mod:`core.matrix`)
and returns a small record: the measured numbers the page's sentences quote and short
codes ("wins", "up", "below", …) that pick which sentence. No text lives here; the
page's text catalogue words the codes.

Thresholds, and why:

* ``WIN = 1.5`` — one optimizer's final excess loss must be 1.5× lower than another's
  before the page calls it a win. Curves at their tuned rates differ by a few tens of
  percent from seed to seed, so anything closer is reported as "close".
* ``TREND = 1.2`` — the Adam/RMSProp ratio must move by 20 % between the densest and
  the sparsest ladder level to count as a trend; three seeds per level do not resolve less.
* ``ALIKE = 2.0`` — two optimizers "behave alike" on a scenario when their matrix ratios
  are within 2× (the matrix's cells span many decades, its colour scale is log10).
* ``TIE = 1.001`` — a matrix cell with ratio below 1.001 ties the column's best: the
  ratio is 1 for the best cell itself, and 0.1 % is far inside any run-to-run noise.
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np

from .guide import adaptive_advantage
from .optimizers.ablation import nobc_step_ratio

WIN = 1.5
TREND = 1.2
ALIKE = 2.0
TIE = 1.001
FREQUENT, RARE, UNSEEN = 0, 1, 2       # the feature groups of the sparse view


# ------------------------------------------------------------------ the sparse race


class SparseFindings(NamedTuple):
    """One sparse race, in the numbers its story quotes.

    counts          (frequent, rare, unseen) feature counts
    has_rare        True when some feature is rare (then the rare-error panel exists)
    best            the adaptive racer with the lowest final excess loss
    factor          SGD's final excess ÷ ``best``'s (> 1: the adaptive method won)
    outcome         "adaptive_wins" if factor ≥ WIN, "sgd_wins" if factor ≤ 1/WIN,
                    else "adaptive_close"
    shown_factor    the factor as the sentence states it: 1/factor when SGD won, so ≥ 1
    sgd_rare_err    SGD's final relative weight error on the rare features
    best_rare_err   ``best``'s
    dense_gain      no rare features, yet the adaptive method won by ≥ WIN
    adam_vs_rms     "below" if Adam's final excess < RMSProp's, else "above"
    adam, rmsprop   their final excess losses
    diverged        racers whose run diverged
    no_rate         racers for which every rate of the tuning sweep diverged
    """

    counts: tuple[int, int, int]
    has_rare: bool
    best: str
    factor: float
    outcome: str
    shown_factor: float
    sgd_rare_err: float
    best_rare_err: float
    dense_gain: bool
    adam_vs_rms: str
    adam: float
    rmsprop: float
    diverged: tuple[str, ...]
    no_rate: tuple[str, ...]


def group_counts(group: np.ndarray) -> tuple[int, int, int]:
    """How many features are frequent (0), rare (1) and never seen (2)."""
    counts = np.bincount(np.asarray(group, dtype=int), minlength=3)
    return int(counts[FREQUENT]), int(counts[RARE]), int(counts[UNSEEN])


def win_outcome(factor: float, win: float = WIN) -> str:
    """"adaptive_wins" (factor ≥ win), "sgd_wins" (factor ≤ 1/win) or "adaptive_close"."""
    if factor >= win:
        return "adaptive_wins"
    if factor > 1 / win:
        return "adaptive_close"
    return "sgd_wins"


def sparse_findings(race, group: np.ndarray) -> SparseFindings:
    """The story of ``race`` (:class:`core.sparse_race.RaceResult`, racers including sgd,
    adam and rmsprop) given each feature's ``group`` (0 frequent, 1 rare, 2 unseen)."""
    final = dict(zip(race.racers, race.final_excess(), strict=True))
    rare = dict(zip(race.racers, race.err_rare[:, -1], strict=True))
    factor, best = adaptive_advantage(race)
    outcome = win_outcome(factor)
    counts = group_counts(group)
    has_rare = counts[RARE] > 0
    return SparseFindings(
        counts, has_rare, best, factor, outcome,
        1 / factor if outcome == "sgd_wins" else factor,
        float(rare["sgd"]), float(rare[best]),
        not has_rare and outcome == "adaptive_wins",
        "below" if final["adam"] < final["rmsprop"] else "above",
        float(final["adam"]), float(final["rmsprop"]),
        tuple(k for k, d in zip(race.racers, race.diverged_at, strict=True) if d >= 0),
        tuple(k for k, ok in zip(race.racers, race.lr_found, strict=True) if not ok))


def rare_rate_ratios(race, group: np.ndarray, first_hit: np.ndarray, step: int,
                     keys: tuple[str, ...] = ("adagrad", "adam")) -> dict[str, float]:
    """For each racer in ``keys``: after ``step`` steps, the median effective rate of its
    rare features ÷ the median of its frequent ones.

    Only features that have had a nonzero gradient before ``step`` (first_hit < step) and
    whose rate is finite and positive count — the features the rate chart draws. A racer
    is left out when either group has no such feature.
    """
    seen = np.asarray(first_hit) < step
    out = {}
    for key in keys:
        if key not in race.racers:
            continue
        eff = np.asarray(race.eff_lr[race.racers.index(key), step - 1], dtype=float)
        ok = seen & np.isfinite(eff) & (eff > 0)
        rare, freq = eff[ok & (group == RARE)], eff[ok & (group == FREQUENT)]
        if rare.size and freq.size:
            out[key] = float(np.median(rare) / np.median(freq))
    return out


# ------------------------------------------------------------------ the Adam ladder


class LadderFindings(NamedTuple):
    """The ladder across sparsity levels, from the medians over seeds.

    trend       (RMSProp ÷ Adam at the sparsest level) ÷ (the same at the densest)
    direction   "up" if trend > TREND (sparsity favours Adam), "down" if trend < 1/TREND,
                else "flat"
    shown_trend max(trend, 1/trend): the factor the sentence states, ≥ 1
    bc_wins     levels where Adam ends below Adam without bias correction
    levels      number of levels
    """

    trend: float
    direction: str
    shown_trend: float
    bc_wins: int
    levels: int


def trend_direction(trend: float, threshold: float = TREND) -> str:
    """"up" (trend > threshold), "down" (trend < 1/threshold) or "flat"."""
    return "up" if trend > threshold else "flat" if trend > 1 / threshold else "down"


def ladder_findings(L) -> LadderFindings:
    """Read a :class:`core.sparse_race.LadderResult` with rungs rmsprop, adam, adam_nobc;
    its levels run from dense (first) to sparse (last)."""
    med = np.median(L.excess, axis=2)
    adam, rms, nobc = (L.rungs.index(k) for k in ("adam", "rmsprop", "adam_nobc"))
    trend = float((med[-1, rms] / med[-1, adam]) / (med[0, rms] / med[0, adam]))
    return LadderFindings(trend, trend_direction(trend), max(trend, 1 / trend),
                          int(np.sum(med[:, adam] < med[:, nobc])), len(L.levels))


def median_rates(L) -> np.ndarray:
    """(levels, rungs) median over seeds of the tuned rates, ignoring NaN (all rates
    diverged); NaN where every seed diverged."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "All-NaN slice", RuntimeWarning)
        return np.nanmedian(L.best_lr, axis=2)


class BiasCorrection(NamedTuple):
    """How much larger the uncorrected Adam step is than Adam's, over steps 1 … T:
    at step 1 (``first``), at its largest (``peak``, reached at step ``peak_step``)
    and at step T (``last``)."""

    first: float
    peak: float
    peak_step: int
    last: float


def bias_correction(b2: float, steps: int, b1: float = 0.9) -> BiasCorrection:
    """Summary of (1 − β₁ᵗ)/√(1 − β₂ᵗ) for t = 1 … ``steps`` (see
    :func:`core.optimizers.ablation.nobc_step_ratio`)."""
    ratio = nobc_step_ratio(np.arange(1, steps + 1), b1, b2)
    return BiasCorrection(float(ratio[0]), float(ratio.max()), int(ratio.argmax()) + 1,
                          float(ratio[-1]))


# ------------------------------------------------------------------ the benchmark matrix


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
