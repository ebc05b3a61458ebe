"""The Choosing an Optimizer lesson's decisions: which answer a view's run bears out, from
the records the page's sections draw (the sparse race, the Adam ladder, the benchmark
matrix, the AdamW part of the beyond view). Pure functions (NumPy only), reading the same
findings (:mod:`core.findings`) the sections' stories read, with their thresholds.

    sparse  SGD against AdaGrad, each at its tuned rate, by the final excess loss
            L(w_T) − L(ŵ):  factor = SGD's ÷ AdaGrad's;  "adagrad" if factor ≥ WIN,
            "sgd" if factor ≤ 1/WIN, else "close"
    ladder  the trend (RMSProp ÷ Adam at the sparsest level) ÷ (the same at the densest),
            from the medians over seeds: "gains" (trend > TREND: Adam does relatively
            better as the gradients get sparser), "loses" (trend < 1/TREND), else "flat"
    matrix  per scenario, the rows tied for the best loss gap (ratio < TIE): "one" if
            some optimizer ties for best in every scenario, else "several"
    decay   each weight's decay rate κ_i, the share of x_i one step takes away for the
            decay (:func:`core.experiments.beyond_adam.decay_rates`): Adam + L2 adds λ x
            to g, so κ_i = η λ/(√v̂_i + ε) differs per weight; AdamW subtracts η λ x on
            its own, κ_i = η λ (measured: its step minus Adam's, ÷ −x). spread =
            largest κ ÷ smallest; a rule gives every weight the same rate when its
            spread < TIE (1 + 0.1 %), and differs clearly when its spread ≥ WIN:
            "adamw" if AdamW's is the same and L2's differs clearly, "l2" the other way
            round, "both" if both are the same, else "unclear" (the run singles out
            neither rule)
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.findings.ladder import LadderFindings, ladder_findings
from core.findings.matrix import matrix_findings
from core.findings.sparse import win_outcome
from core.findings.thresholds import TIE, WIN

SPARSE_ANSWER = {"adaptive_wins": "adagrad", "sgd_wins": "sgd", "adaptive_close": "close"}
LADDER_ANSWER = {"up": "gains", "down": "loses", "flat": "flat"}


# ------------------------------------------------------------------ 1. the sparse race


class SparseStep(NamedTuple):
    """SGD against AdaGrad in one race: final excess losses, SGD's ÷ AdaGrad's, and the
    relative weight error of the rare features (last step)."""

    answer: str
    sgd: float
    adagrad: float
    factor: float
    sgd_rare: float
    adagrad_rare: float


def sparse_answer(sgd: float, adagrad: float, win: float = WIN) -> str:
    """Which of the two final excess losses is lower by a win (a diverged run, NaN or ∞,
    counts as ∞; both diverged is "close")."""
    s, a = (x if math.isfinite(x) else math.inf for x in (sgd, adagrad))
    if s == a:
        return "close"
    factor = math.inf if a == 0 else s / a
    return SPARSE_ANSWER[win_outcome(factor, win)]


def sparse_step(race) -> SparseStep:
    """Read a :class:`core.experiments.sparse_race.RaceResult` with racers sgd, adagrad."""
    final = dict(zip(race.racers, race.final_excess(), strict=True))
    rare = dict(zip(race.racers, race.err_rare[:, -1], strict=True))
    sgd, ada = float(final["sgd"]), float(final["adagrad"])
    return SparseStep(sparse_answer(sgd, ada), sgd, ada, sgd / ada if ada else math.inf,
                      float(rare["sgd"]), float(rare["adagrad"]))


# ------------------------------------------------------------------ 2. the ladder


class LadderStep(NamedTuple):
    """The ladder's answer, its findings, and Adam's median excess ÷ RMSProp's at the
    densest and the sparsest level (below 1: Adam is ahead there)."""

    answer: str
    found: LadderFindings
    dense_a: float
    dense_ratio: float
    sparse_ratio: float


def ladder_answer(direction: str) -> str:
    """The answer of a trend direction ("up", "down", "flat")."""
    return LADDER_ANSWER[direction]


def ladder_step(L) -> LadderStep:
    """Read a :class:`core.experiments.ladder.LadderResult` (levels dense → sparse)."""
    f = ladder_findings(L)
    med = np.median(L.excess, axis=2)
    adam, rms = L.rungs.index("adam"), L.rungs.index("rmsprop")
    return LadderStep(ladder_answer(f.direction), f, float(L.levels[0]),
                      float(med[0, adam] / med[0, rms]), float(med[-1, adam] / med[-1, rms]))


# ------------------------------------------------------------------ 3. the matrix


class MatrixStep(NamedTuple):
    """Per scenario the optimizers tied for best; those best everywhere; the optimizer
    best in most scenarios and in how many; the steadiest (smallest worst ratio)."""

    answer: str
    winners: tuple[tuple[str, ...], ...]
    everywhere: tuple[str, ...]
    most: str
    most_count: int
    total: int
    steadiest: str
    steadiest_worst: float


def matrix_answer(winners) -> str:
    """"one" if some optimizer is in every scenario's set of winners, else "several"."""
    return "one" if everywhere(winners) else "several"


def everywhere(winners) -> tuple[str, ...]:
    """The optimizers tied for best in every scenario (in the first scenario's order)."""
    if not winners:
        return ()
    return tuple(r for r in winners[0] if all(r in w for w in winners))


def matrix_step(m) -> MatrixStep:
    """Read a :class:`core.experiments.matrix.Matrix` through :func:`matrix_findings`."""
    f = matrix_findings(m)
    wins = {r: sum(r in w for w in f.winners) for r in m.rows}
    most = max(m.rows, key=lambda r: wins[r])            # the earlier row on ties
    return MatrixStep(matrix_answer(f.winners), f.winners, everywhere(f.winners), most,
                      wins[most], f.total, f.steadiest, f.worst[f.steadiest])


# ------------------------------------------------------------------ 4. AdamW's decay


class DecayStep(NamedTuple):
    """Spread (largest ÷ smallest) of each rule's per-weight decay rates, their ends,
    and η λ."""

    answer: str
    eta_lambda: float
    adamw_spread: float
    l2_spread: float
    l2_lo: float
    l2_hi: float
    adamw_lo: float
    adamw_hi: float


def decay_answer(adamw_spread: float, l2_spread: float, win: float = WIN,
                 tie: float = TIE) -> str:
    """Which rule gives every weight the same decay rate (spread = largest κ ÷ smallest):
    a spread below ``tie`` counts as the same rate, one of ``win`` or more as clearly
    different. "adamw" / "l2" when that rule's is the same and the other's clearly
    different, "both" when both are the same, else "unclear" (NaN spreads too)."""
    same_aw, same_l2 = adamw_spread < tie, l2_spread < tie
    if same_aw and same_l2:
        return "both"
    if same_aw and l2_spread >= win:
        return "adamw"
    if same_l2 and adamw_spread >= win:
        return "l2"
    return "unclear"


def decay_step(part) -> DecayStep:
    """Read the AdamW part (:class:`core.experiments.beyond_parts.AdamWPart`)."""
    d = part.decay
    aw, l2 = np.asarray(d.adamw, float), np.asarray(d.l2, float)
    sa, sl = float(aw.max() / aw.min()), float(l2.max() / l2.min())
    return DecayStep(decay_answer(sa, sl), float(d.lr * d.wd), sa, sl, float(l2.min()),
                     float(l2.max()), float(aw.min()), float(aw.max()))
