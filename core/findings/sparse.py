"""Findings of the sparse-gradient race and its dense control: who wins, by how much,
and how fast the rare features learn (codes, not sentences; see thresholds).

    advantage  = best plain excess loss / best adaptive excess loss
    rare rate  = median effective step on rare features / on frequent ones
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.findings.thresholds import WIN

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
    """The story of ``race`` (:class:`core.experiments.sparse_race.RaceResult`, racers including
    sgd, adam and rmsprop) given each feature's ``group`` (0 frequent, 1 rare, 2 unseen)."""
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
    """The sparse race against its dense control (:func:`core.experiments.sparse_race.control`),
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
    """Read a :class:`core.experiments.sparse_race.ControlResult` (racers include sgd and
    ADAPTIVE)."""
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
