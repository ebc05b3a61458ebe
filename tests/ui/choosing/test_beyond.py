"""The "beyond Adam" view under AppTest: every part opens in English and Chinese, in
projector mode, reopens exactly from its link, and every number its text states is the
one the core measures (recomputed here from scratch with core.experiments.beyond_parts)."""

import numpy as np
import pytest

from core.experiments.beyond_parts import PARTS, part
from core.experiments.beyond_tuning import STEPS
from core.findings import beyond, guide
from tests.apputil import assert_clean, chart_frames, open_page
from ui.numbers import fmt

PAGE = "pages/4_Choosing_an_Optimizer.py"


@pytest.fixture(scope="module")
def parts():
    return {p: part(p) for p in PARTS}


def opened(query):
    at = open_page(PAGE, query)
    assert_clean(at)
    assert not [w.value for w in at.warning], [w.value for w in at.warning]
    return at


def text(at) -> str:
    return " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("frame", [{}, {"lang": "zh"}, {"projector": "1"},
                                   {"lang": "zh", "projector": "1"}],
                         ids=["en", "zh", "projector", "zh-projector"])
@pytest.mark.parametrize("name", PARTS)
def test_each_part_opens_cleanly(name, frame):
    at = opened({"view": "beyond", "part": name, **frame})
    assert at.radio(key="part").value == name
    frames = chart_frames(at)
    assert frames and all(len(f) for f in frames)
    words = text(at)
    assert ("实测" in words or "得到支持" in words) if frame.get("lang") else (
        "Measured" in words or "backed" in words.lower())


@pytest.mark.parametrize("name", PARTS)
def test_the_guide_link_reopens_the_part_exactly(name):
    query = guide.link(f"beyond_{name}")
    at = opened(query)
    assert at.radio(key="view").value == "beyond" and at.radio(key="part").value == name
    assert at.session_state["part"] == name


def test_switching_parts_writes_the_url():
    at = opened({"view": "beyond"})
    at.radio(key="part").set_value("lion").run()
    assert_clean(at)
    assert at.query_params.get("part") in (["lion"], "lion")


@pytest.mark.parametrize("query", [{"view": "beyond", "part": "rocket"},
                                   {"view": "beyond", "part": "<b>x</b>"}])
def test_a_bad_part_falls_back_with_a_notice(query):
    at = open_page(PAGE, query)
    assert not at.exception
    assert at.warning, "a bad part must be explained"
    assert at.radio(key="part").value == "adamw"


def test_the_guide_with_the_new_questions_links_every_part():
    at = opened({"view": "guide", "q_memory": "1", "q_matrices": "1", "q_horizon": "1",
                 "q_decay": "1"})
    words = text(at)
    for name in PARTS:
        assert f"part={name}" in words, name


# ------------------------------------------------------------------ claims


def g3(v):
    return fmt(v, 3)


def shown(at, numbers: list[str]) -> None:
    words = text(at)
    missing = [n for n in numbers if n not in words]
    assert not missing, f"not on the page: {missing}"


def test_adamw_part_states_the_measured_rates(parts):
    p = parts["adamw"]
    f = beyond.decay_findings(p)
    assert np.allclose(p.decay.adamw, p.decay.lr * p.decay.wd, rtol=1e-9)
    at = opened({"view": "beyond", "part": "adamw"})
    shown(at, [g3(p.decay.lr), g3(f.eta_lambda), g3(f.l2_lo), g3(f.l2_hi), g3(f.l2_median),
               g3(f.l2_spread), g3(f.times)])
    backed = "Backed" in text(at)
    assert backed == guide.verdict("decay", {"beyond_adamw": p}).supported


def test_adafactor_part_states_the_counted_floats_and_losses(parts):
    p = parts["adafactor"]
    m = p.memory
    at = opened({"view": "beyond", "part": "adafactor"})
    shown(at, [fmt(m.floats["adafactor"][1]), fmt(m.floats["adamw"][1]),
               str(m.floats["adafactor"][0]), str(m.floats["adamw"][0]),
               g3(p.adafactor.loss), g3(p.adamw.loss), g3(p.adafactor.loss / p.adamw.loss),
               g3(p.adafactor.lr), g3(p.adamw.lr)])
    v = guide.verdict("memory_adafactor", {"beyond_adafactor": p})
    assert ("Not backed" in text(at)) == (not v.supported)


def test_lion_part_states_the_step_sizes_and_rate_ratio(parts):
    p = parts["lion"]
    f = beyond.lion_findings(p)
    assert f.deviation == 0.0 and f.exact == 1.0
    at = opened({"view": "beyond", "part": "lion"})
    shown(at, [fmt(p.lion_steps.count), "100%", g3(f.adamw_p5), g3(f.adamw_p50),
               g3(f.adamw_p95), g3(f.rate_ratio), g3(p.lion.loss), g3(p.adamw.loss),
               g3(f.loss_ratio)])
    v = guide.verdict("memory_lion", {"beyond_lion": p})
    inside = "inside the" in text(at)
    assert inside == (v.note == "advised")


def test_muon_part_states_the_band_and_balance(parts):
    p = parts["muon"]
    f = beyond.muon_findings(p)
    assert 0.68 <= f.lo and f.hi <= 1.21 and f.start_lo >= 0.0015, f
    at = opened({"view": "beyond", "part": "muon"})
    shown(at, [g3(f.lo), g3(f.hi), g3(f.start_lo), g3(f.muon_balance), g3(f.adamw_balance),
               g3(f.adamw_worst), f"{100 * f.muon_lopsided:.0f}%",
               f"{100 * f.adamw_lopsided:.0f}%", g3(p.muon.loss), g3(f.loss_ratio)])
    v = guide.verdict("matrices", {"beyond_muon": p})
    assert ("Not backed" in text(at)) == (not v.supported)


def test_schedule_free_part_states_final_and_half_way_losses(parts):
    p = parts["schedule_free"]
    f = beyond.schedule_free_findings(p)
    assert f.half == STEPS // 2
    at = opened({"view": "beyond", "part": "schedule_free"})
    shown(at, [g3(f.sf), g3(f.cosine), g3(f.constant), g3(f.ratio), g3(f.sf_half),
               g3(f.cosine_half), g3(f.constant_half), g3(p.sf.lr), g3(p.cosine.lr)])
    v = guide.verdict("horizon", {"beyond_schedule_free": p})
    assert ("Not backed" in text(at)) == (not v.supported)


def test_the_charts_draw_the_tuned_curves(parts):
    p = parts["schedule_free"]
    at = opened({"view": "beyond", "part": "schedule_free"})
    curves = [f for f in chart_frames(at) if "series" in f.columns and len(f) == 3 * (STEPS + 1)]
    assert curves, "the three loss curves"
    y = curves[0].sort_values(["series", "x"]).groupby("series").y.last().sort_values()
    assert np.allclose(sorted([p.sf.loss, p.cosine.loss, p.constant.loss]), y.to_numpy(),
                       rtol=1e-6)
