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

The same thresholds decide the decision guide's verdicts (:mod:`core.guide` reads
these records), so a verdict and the story under an experiment never disagree.
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np

from .optimizers import defaults
from .optimizers.ablation import nobc_step_ratio
from .race import RULE

WIN = 1.5
TREND = 1.2
ALIKE = 2.0
TIE = 1.001
FREQUENT, RARE, UNSEEN = 0, 1, 2       # the feature groups of the sparse view
ADAPTIVE: tuple[str, ...] = ("adagrad", "rmsprop", "adam")


def adaptive_advantage(race) -> tuple[float, str]:
    """(SGD's final excess loss ÷ the best adaptive method's, that method) in one race."""
    final = dict(zip(race.racers, race.final_excess(), strict=True))
    best = min((a for a in ADAPTIVE if a in final), key=final.get)
    return float(final["sgd"] / final[best]), best


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


class ControlFindings(NamedTuple):
    """The sparse race against its dense control (:func:`core.sparse_race.control`),
    from medians over the data seeds.

    sparse, dense   median over seeds of SGD's excess ÷ the best adaptive method's
    sparse_best, dense_best   the adaptive method that is best most often
    per_seed        (kinds, seeds) the factor of every run
    gain            sparse ÷ dense: how much the sparsity itself adds
    outcome         win_outcome(sparse): "adaptive_wins", "adaptive_close", "sgd_wins"
    dense_outcome   win_outcome(dense)
    source          with adaptive_wins: "sparsity" (gain ≥ WIN), "curvature" (the dense
                    control is won too, gain < WIN) or "mixed"; else ""
    """

    sparse: float
    dense: float
    sparse_best: str
    dense_best: str
    per_seed: np.ndarray
    gain: float
    outcome: str
    dense_outcome: str
    source: str


def control_findings(c) -> ControlFindings:
    """Read a :class:`core.sparse_race.ControlResult` (racers include sgd and ADAPTIVE)."""
    sgd = c.excess[:, c.racers.index("sgd")]                        # (kinds, seeds)
    ad = [c.racers.index(a) for a in ADAPTIVE if a in c.racers]
    best = np.min(c.excess[:, ad], axis=1)
    factor = sgd / best
    who = np.argmin(c.excess[:, ad], axis=1)                        # (kinds, seeds)
    names = [c.racers[ad[np.bincount(w, minlength=len(ad)).argmax()]] for w in who]
    sparse, dense = (float(np.median(factor[c.kinds.index(k)])) for k in ("sparse", "dense"))
    gain = sparse / dense
    outcome, dense_outcome = win_outcome(sparse), win_outcome(dense)
    source = ""
    if outcome == "adaptive_wins":
        source = ("sparsity" if gain >= WIN else
                  "curvature" if dense_outcome == "adaptive_wins" else "mixed")
    return ControlFindings(sparse, dense, names[c.kinds.index("sparse")],
                           names[c.kinds.index("dense")], factor, gain, outcome,
                           dense_outcome, source)


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
    a           the sparsest level
    adam, rmsprop  their median excess there
    ahead       True when Adam ends below RMSProp at the sparsest level
    wins        levels where Adam ends below RMSProp
    """

    trend: float
    direction: str
    shown_trend: float
    bc_wins: int
    levels: int
    a: float
    adam: float
    rmsprop: float
    ahead: bool
    wins: int


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
                          int(np.sum(med[:, adam] < med[:, nobc])), len(L.levels),
                          float(L.levels[-1]), float(med[-1, adam]), float(med[-1, rms]),
                          bool(med[-1, adam] < med[-1, rms]),
                          int(np.sum(med[:, adam] < med[:, rms])))


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
