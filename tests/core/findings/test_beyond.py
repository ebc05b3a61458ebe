"""The guide's "beyond Adam" questions: advise() picks the newer rules for them, and each
verdict follows the measured numbers in both directions (made-up part records)."""

import numpy as np
import pytest

from core.experiments.beyond_adam import PERCENTILES, DecayRates, Memory, Spectra, StepSizes
from core.experiments.beyond_parts import (
    AdafactorPart,
    AdamWPart,
    LionPart,
    MuonPart,
    ScheduleFreePart,
)
from core.experiments.beyond_tuning import Tuned
from core.findings import beyond
from core.findings.guide import CANDIDATES, EXPERIMENTS, RULES, advise, verdict
from core.findings.thresholds import WIN


def tuned(loss: float, lr: float = 0.1, kind: str = "x", half: float | None = None) -> Tuned:
    curve = np.linspace(0.7, loss, 11)
    if half is not None:
        curve[5] = half
    return Tuned(kind, np.array([lr / 10, lr, lr * 10]), np.array([1.0, loss, 2.0]),
                 np.array([True, True, False]), 1, curve)


MEM = Memory(((16, 2), (1024, 1024)), (32, 1048576),
             {"adamw": (64, 2097152), "adafactor": (18, 2048), "lion": (32, 1048576),
              "muon": (32, 1048576), "schedule_free_adamw": (96, 3145728)})


def results(key, part):
    return {f"beyond_{key}": part}


# ------------------------------------------------------------------ advise


@pytest.mark.parametrize("question, pick", [("memory", "adafactor"), ("matrices", "muon"),
                                            ("horizon", "schedule_free_adamw"),
                                            ("decay", "adamw")])
def test_each_new_question_picks_its_rule(question, pick):
    adv = advise({question: True})
    assert adv.pick == pick, adv
    assert all(r.experiment in EXPERIMENTS for r in adv.reasons)


def test_memory_falls_back_to_lion_when_adafactors_cost_is_not_backed():
    adv = advise({"memory": True}, {"memory_adafactor": False, "memory_lion": True})
    assert adv.pick == "lion" and adv.dropped == ("memory_adafactor",)
    assert advise({"memory": True}).runner_up == "lion"


def test_weight_decay_turns_adams_picks_into_adamw():
    assert advise({"sparse": True, "decay": True}).pick == "adamw"
    assert advise({"safe": True, "decay": True}).pick == "adamw"
    assert advise({"decay": True}, {"decay": False}).scores["adamw"] == 0


def test_adamw_and_the_newer_rules_are_candidates():
    for name in ("adamw", "adafactor", "lion", "muon", "schedule_free_adamw"):
        assert name in CANDIDATES
        assert any(name in r.favours for r in RULES)


# ------------------------------------------------------------------ verdicts either way


def test_adafactor_verdict_follows_the_loss_ratio():
    ok = verdict("memory_adafactor", results("adafactor",
                                             AdafactorPart(MEM, tuned(0.1), tuned(0.14))))
    assert ok.supported and ok.numbers["ratio"] == pytest.approx(1.4)
    assert ok.numbers["saving"] == 1024
    bad = verdict("memory_adafactor", results("adafactor",
                                              AdafactorPart(MEM, tuned(0.1), tuned(0.16))))
    assert not bad.supported and bad.numbers["ratio"] == pytest.approx(1.6)


def lion_part(loss, adamw_lr, lion_lr, deviation=0.0):
    steps = StepSizes("lion", lion_lr, np.full(len(PERCENTILES), 1.0), deviation, 1.0, 100)
    spread = StepSizes("adamw", adamw_lr, np.geomspace(1e-4, 1.0, len(PERCENTILES)), 1.0, 0.0,
                       100)
    return LionPart(MEM, tuned(0.1, adamw_lr), tuned(loss, lion_lr), steps, spread)


def test_lion_verdict_and_the_rate_advice_note():
    v = verdict("memory_lion", results("lion", lion_part(0.11, 0.3, 0.05)))
    assert v.supported and v.key == "yes_advised" and v.numbers["rate_ratio"] == pytest.approx(6)
    v = verdict("memory_lion", results("lion", lion_part(0.11, 0.3, 0.2)))
    assert v.key == "yes_not_advised" and v.numbers["rate_ratio"] == pytest.approx(1.5)
    assert verdict("memory_lion", results("lion", lion_part(0.2, 0.3, 0.2))).key == "no_not_advised"
    f = beyond.lion_findings(lion_part(0.11, 0.3, 0.05))
    assert f.adamw_p50 == pytest.approx(1e-2)


def muon_part(loss, adamw_sv):
    sv = np.array([[1.0, 0.8]] * 4)
    return MuonPart(tuned(0.1), tuned(loss), Spectra(0.1, 0.1, sv, sv * 0.5, np.array(adamw_sv)))


def test_muon_verdict_needs_muon_at_least_as_good():
    assert verdict("matrices", results("muon", muon_part(0.1, [[1, 1]] * 4))).supported
    assert not verdict("matrices", results("muon", muon_part(0.11, [[1, 1]] * 4))).supported
    f = beyond.muon_findings(muon_part(0.1, [[1.0, 0.2], [1.0, 0.9], [1.0, 0.6], [2.0, 1.0]]))
    assert f.adamw_lopsided == 0.25 and f.adamw_worst == pytest.approx(0.2)
    assert f.muon_balance == pytest.approx(0.8) and f.lo == 0.8 and f.hi == 1.0


def test_schedule_free_verdict_three_ways():
    def part(sf, cos, const):
        return results("schedule_free", ScheduleFreePart(tuned(const), tuned(cos), tuned(sf)))
    assert verdict("horizon", part(0.1, 0.12, 0.13)).key == "yes_beats_both"
    v = verdict("horizon", part(0.13, 0.1, 0.12))
    assert v.key == "yes_behind_cosine" and v.numbers["ratio"] == pytest.approx(1.3)
    assert verdict("horizon", part(0.13, 0.12, 0.1)).key == "yes_behind_constant"
    assert verdict("horizon", part(0.2, 0.1, 0.12)).key == "no_behind_cosine"
    assert verdict("horizon", part(0.2, 0.12, 0.1)).key == "no_behind_constant"
    half = beyond.schedule_free_findings(ScheduleFreePart(tuned(0.1, half=0.5),
                                                          tuned(0.1, half=0.4), tuned(0.1)))
    assert half.half == 5 and half.constant_half == 0.5 and half.cosine_half == 0.4


def test_decay_verdict_needs_one_adamw_rate_and_spread_l2_rates():
    def part(l2, adamw=None):
        adamw = np.full(3, 1e-3) if adamw is None else np.array(adamw)
        return results("adamw", AdamWPart(tuned(0.1), DecayRates(0.1, 1e-2, adamw,
                                                                 np.array(l2))))
    v = verdict("decay", part([0.1, 0.5, 2.0]))
    assert v.supported and v.numbers["spread"] == pytest.approx(20), v
    assert v.numbers["times"] == pytest.approx(500)
    assert not verdict("decay", part([0.1, 0.11, 0.12])).supported
    assert not verdict("decay", part([0.1, 0.5, 2.0], [1e-3, 2e-3, 1e-3])).supported
    assert WIN == 1.5
