"""Findings of the Adam ladder: the Adam / RMSProp ratio across sparsity levels, and
what bias correction does at the first steps.

    bias correction   m̂_t = m_t / (1 − β₁ᵗ),   v̂_t = v_t / (1 − β₂ᵗ)
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np

from core.findings.thresholds import TREND
from core.optimizers.ablation import nobc_step_ratio


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
