"""Findings of the "beyond Adam" experiments, and the guide's verdicts on their rules.

Each part record (:mod:`core.experiments.beyond_parts`) is read into the numbers its
story quotes; each ``verdict_*`` returns (supported, numbers, note) for
:class:`core.findings.guide.Verdict`. Comparisons of tuned final losses use

    ratio = the rule's final loss / AdamW's final loss      (each at its tuned rate)

and the thresholds of :mod:`core.findings.thresholds`: a rule that is chosen for
something other than speed (less memory, no schedule) is backed when AdamW does not
beat it by a win (ratio < WIN); Muon, chosen for speed, when it is at least as good
(ratio ≤ 1). Weight decay's rule is backed when Adam + L2 gives the weights rates that
differ by WIN× or more while AdamW gives them one rate.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.findings.thresholds import WIN

LION_ADVICE = (3.0, 10.0)      # lion-pytorch's advice: AdamW's rate ÷ Lion's in 3–10
SPREAD = 0.5                   # a step "lopsided" when σ_min / σ_max < 0.5


def ratio(rival, adamw) -> float:
    """rival.loss / adamw.loss of two :class:`core.experiments.beyond_tuning.Tuned`."""
    return float(rival.loss / adamw.loss)


def verdict_adafactor(part):
    m, r = part.memory, ratio(part.adafactor, part.adamw)
    return r < WIN, {
        "w1_adamw": m.floats["adamw"][0], "w1_ada": m.floats["adafactor"][0],
        "big_adamw": m.floats["adamw"][1], "big_ada": m.floats["adafactor"][1],
        "saving": m.floats["adamw"][1] / m.floats["adafactor"][1],
        "loss": part.adafactor.loss, "adamw_loss": part.adamw.loss, "ratio": r,
        "lr": part.adafactor.lr, "adamw_lr": part.adamw.lr, "win": WIN}, ""


class LionFindings(NamedTuple):
    """``deviation`` max | |u|/η − 1 | of Lion's steps; ``exact`` share equal to η;
    ``adamw_p5/50/95`` percentiles of AdamW's |u|/η; ``rate_ratio`` AdamW's tuned rate ÷
    Lion's; ``advised`` True when it lies in :data:`LION_ADVICE`; ``loss_ratio``."""

    deviation: float
    exact: float
    adamw_p5: float
    adamw_p50: float
    adamw_p95: float
    rate_ratio: float
    advised: bool
    loss_ratio: float


def lion_findings(part) -> LionFindings:
    a = part.adamw_steps.ratio
    q = {p: float(a[int(p)]) for p in (5, 50, 95)}       # PERCENTILES is 0, 1, …, 100
    rr = part.adamw.lr / part.lion.lr
    return LionFindings(part.lion_steps.deviation, part.lion_steps.exact, q[5], q[50], q[95],
                        rr, LION_ADVICE[0] <= rr <= LION_ADVICE[1],
                        ratio(part.lion, part.adamw))


def verdict_lion(part):
    f, m = lion_findings(part), part.memory
    return f.loss_ratio < WIN, {
        "lion_floats": m.floats["lion"][1], "adamw_floats": m.floats["adamw"][1],
        "loss": part.lion.loss, "adamw_loss": part.adamw.loss, "ratio": f.loss_ratio,
        "lr": part.lion.lr, "adamw_lr": part.adamw.lr, "rate_ratio": f.rate_ratio,
        "lo": LION_ADVICE[0], "hi": LION_ADVICE[1], "win": WIN,
        "deviation": f.deviation}, "advised" if f.advised else "not_advised"


class MuonFindings(NamedTuple):
    """``lo``/``hi`` the smallest and largest σ of O_t over the run; ``start_lo`` the
    smallest σ of B̃/‖B̃‖_F; median σ_min/σ_max of Muon's and AdamW's W₁ steps, the
    share of steps with σ_min/σ_max < SPREAD, and AdamW's smallest σ_min/σ_max."""

    lo: float
    hi: float
    start_lo: float
    muon_balance: float
    adamw_balance: float
    muon_lopsided: float
    adamw_lopsided: float
    adamw_worst: float
    loss_ratio: float


def balance(sv: np.ndarray) -> np.ndarray:
    """σ_min / σ_max of each row of (steps, k) singular values."""
    return sv.min(axis=1) / sv.max(axis=1)


def muon_findings(part) -> MuonFindings:
    s = part.spectra
    bm, ba = balance(s.muon), balance(s.adamw)
    return MuonFindings(float(s.muon.min()), float(s.muon.max()), float(s.muon_in.min()),
                        float(np.median(bm)), float(np.median(ba)),
                        float(np.mean(bm < SPREAD)), float(np.mean(ba < SPREAD)),
                        float(ba.min()), ratio(part.muon, part.adamw))


def verdict_muon(part):
    f = muon_findings(part)
    return f.loss_ratio <= 1.0, {
        "loss": part.muon.loss, "adamw_loss": part.adamw.loss, "ratio": f.loss_ratio,
        "lr": part.muon.lr, "adamw_lr": part.adamw.lr, "lo": f.lo, "hi": f.hi}, ""


class ScheduleFreeFindings(NamedTuple):
    """Final losses (each at its tuned rate); ``best`` the better AdamW run ("cosine" or
    "constant"), ``ratio`` Schedule-Free ÷ that run; and the losses half way through,
    where the cosine (planned for the whole run) is at half its base rate."""

    sf: float
    constant: float
    cosine: float
    best: str
    ratio: float
    half: int
    sf_half: float
    cosine_half: float
    constant_half: float


def schedule_free_findings(part) -> ScheduleFreeFindings:
    half = (len(part.sf.curve) - 1) // 2
    best = "cosine" if part.cosine.loss <= part.constant.loss else "constant"
    rival = part.cosine if best == "cosine" else part.constant
    return ScheduleFreeFindings(part.sf.loss, part.constant.loss, part.cosine.loss, best,
                                part.sf.loss / rival.loss, half,
                                float(part.sf.curve[half]), float(part.cosine.curve[half]),
                                float(part.constant.curve[half]))


def verdict_schedule_free(part):
    f = schedule_free_findings(part)
    return f.ratio < WIN, {
        "sf": f.sf, "constant": f.constant, "cosine": f.cosine, "ratio": f.ratio,
        "sf_lr": part.sf.lr, "cosine_lr": part.cosine.lr, "constant_lr": part.constant.lr,
        "win": WIN, "steps": len(part.sf.curve) - 1}, \
        "beats_both" if f.ratio < 1 else f"behind_{f.best}"


class DecayFindings(NamedTuple):
    """AdamW's rate ηλ (its measured spread max/min over the weights), Adam + L2's
    smallest, median and largest rate, their spread, and median ÷ ηλ."""

    eta_lambda: float
    adamw_spread: float
    l2_lo: float
    l2_median: float
    l2_hi: float
    l2_spread: float
    times: float


def decay_findings(part) -> DecayFindings:
    d = part.decay
    el = d.lr * d.wd
    med = float(np.median(d.l2))
    return DecayFindings(el, float(d.adamw.max() / d.adamw.min()), float(d.l2.min()), med,
                         float(d.l2.max()), float(d.l2.max() / d.l2.min()), med / el)


def verdict_decay(part):
    f = decay_findings(part)
    uniform = f.adamw_spread < 1 + 1e-9
    return uniform and f.l2_spread >= WIN, {
        "eta_lambda": f.eta_lambda, "lo": f.l2_lo, "hi": f.l2_hi, "spread": f.l2_spread,
        "times": f.times, "lr": part.decay.lr, "wd": part.decay.wd, "win": WIN}, ""
