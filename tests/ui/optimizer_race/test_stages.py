"""The race's staged sequence in AppTest: a click on a stage loads its race into the
controls and its lesson above the race; ``?stage=N`` reopens it exactly; a bad value
gives the page's notice; every number in a lesson is the core's; moving a control
afterwards hides the lesson; both languages and projector mode render."""

import math
import re
import string

import pytest

from core.experiments.race_stages import STAGES, lesson, run_stage, stage_knobs
from tests.apputil import assert_clean, open_page
from tests.ui.optimizer_race.test_page import url_notices
from ui.numbers import fmt
from ui.optimizer_race.controls import knob_key
from ui.optimizer_race.data import SWEEP_LRS
from ui.optimizer_race.stages import BAR, say
from ui.text import CATALOGUE

PAGE = "pages/3_Optimizer_Race.py"
EN = CATALOGUE["en"]
CODES = [str(i) for i in range(1, len(STAGES) + 1)]
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")


def title(stage, lang="en"):
    return CATALOGUE[lang][f"optimizer_race.stage.title.{stage.key}"]


def lesson_text(at, stage, lang="en") -> str | None:
    """The measured paragraph under the stage's title line, or None when not shown."""
    md = [m.value for m in at.markdown]
    head = f"**{title(stage, lang)}**"
    for i, value in enumerate(md):
        if value.startswith(head):
            return md[i + 1]
    return None


def assert_loaded(at, stage):
    """The controls hold the stage's race, and the URL names the stage."""
    p = stage.preset
    assert at.multiselect(key="opts").value == list(p.racers)
    assert at.selectbox(key="surface").value == p.surface
    assert at.selectbox(key="lrmode").value == p.lr_mode
    assert at.slider(key="steps").value == p.steps
    assert at.slider(key="kappa").value == p.kappa and at.slider(key="angle").value == p.angle
    assert tuple(at.session_state[f"start.{p.surface}"]) == tuple(p.start)
    assert at.select_slider(key="tol").value == stage.tol
    for r in p.racers:
        for knob, value in stage_knobs(stage, r).items():
            got = at.session_state[knob_key(r, knob, "torch")]
            assert math.isclose(got, value), (r, knob, got, value)
    assert at.query_params["stage"] == str(STAGES.index(stage) + 1)
    assert at.button_group(key=BAR).value == str(STAGES.index(stage) + 1)


@pytest.mark.parametrize("code", CODES)
def test_clicking_a_stage_loads_its_race_and_lesson(code):
    at = open_page(PAGE, {"surface": "beale", "opts": "adam", "steps": "400"})
    stage = STAGES[int(code) - 1]
    assert lesson_text(at, stage) is None
    at.button_group(key=BAR).set_value(code).run()
    assert_clean(at)
    assert_loaded(at, stage)
    assert lesson_text(at, stage), "the stage's lesson shows above the race"


@pytest.mark.parametrize("code", CODES)
def test_a_stage_link_reopens_it_exactly(code):
    stage = STAGES[int(code) - 1]
    clicked = open_page(PAGE)
    clicked.button_group(key=BAR).set_value(code).run()
    # the link wins over other settings it carries
    linked = open_page(PAGE, {"stage": code, "surface": "rosenbrock", "opts": "sgd"})
    assert_clean(linked)
    assert_loaded(linked, stage)
    assert lesson_text(linked, stage) == lesson_text(clicked, stage)
    assert not url_notices(linked)


@pytest.mark.parametrize("bad", ["9", "0", "banana", "`x`![i](http://e/x.png)"])
def test_a_bad_stage_value_gives_the_notice(bad):
    at = open_page(PAGE, {"stage": bad})
    assert_clean(at)
    notices = url_notices(at)
    assert len(notices) == 1 and "stage" in notices[0], notices
    assert at.button_group(key=BAR).value is None
    assert "stage" not in at.query_params
    assert all(lesson_text(at, s) is None for s in STAGES)


def _template(key: str) -> tuple[set[str], set[str]]:
    """(numbers a template spells out itself (2/κ, 1 − η, 0°), the values it quotes)."""
    parts = list(string.Formatter().parse(EN[key]))
    return (set(NUMBER.findall("".join(p[0] for p in parts))),
            {p[1] for p in parts if p[1]})


@pytest.mark.parametrize("code", CODES)
def test_every_number_in_a_lesson_is_the_cores(code):
    stage = STAGES[int(code) - 1]
    at = open_page(PAGE, {"stage": code})
    shown = lesson_text(at, stage)
    runs, lrs, aligned = run_stage(stage, SWEEP_LRS)
    said = lesson(stage, runs, lrs, aligned)
    quoted, literal = set(), set()
    for s in said:
        spelled, fields = _template(f"optimizer_race.stage.{s.key}")
        literal |= spelled
        for k, v in s.values.items():
            if k in fields and isinstance(v, (int, float)):
                text = str(v) if isinstance(v, int) else fmt(v)
                assert text in shown, f"{k} = {text} of {s.key} missing from: {shown}"
                quoted.add(text)
    assert set(NUMBER.findall(shown)) <= quoted | literal, (shown, quoted, literal)


def test_lesson_sentences_are_the_cores_in_order():
    stage = STAGES[1]
    at = open_page(PAGE, {"stage": "2"})
    runs, lrs, _ = run_stage(stage, SWEEP_LRS)

    class F:
        lang = "en"

        def t(self, key, **kw):
            return EN[key].format(**kw)
    expected = " ".join(say(F(), s) for s in lesson(stage, runs, lrs))
    assert lesson_text(at, stage) == expected


@pytest.mark.parametrize("move", ["steps", "knob", "surface", "tol"])
def test_moving_a_control_leaves_the_stage(move):
    at = open_page(PAGE, {"stage": "2"})
    stage = STAGES[1]
    assert lesson_text(at, stage)
    if move == "steps":
        at.slider(key="steps").set_value(300).run()
    elif move == "knob":
        at.slider(key="momentum.momentum").set_value(0.5).run()
    elif move == "surface":
        at.selectbox(key="surface").select("rosenbrock").run()
    else:
        at.select_slider(key="tol").set_value(1e-4).run()
    assert_clean(at)
    assert lesson_text(at, stage) is None, "a lesson must not describe a race no longer shown"
    assert at.button_group(key=BAR).value is None
    assert "stage" not in at.query_params
    assert EN["optimizer_race.stage.left"].format(n=2) in [c.value for c in at.caption]
    # clicking the stage again reloads it
    at.button_group(key=BAR).set_value("2").run()
    assert_loaded(at, stage)
    assert lesson_text(at, stage)


@pytest.mark.parametrize("code", CODES)
def test_stages_in_chinese_and_projector_mode(code):
    stage = STAGES[int(code) - 1]
    at = open_page(PAGE, {"stage": code, "lang": "zh", "projector": "1"})
    assert_clean(at)
    shown = lesson_text(at, stage, "zh")
    assert shown, "the Chinese lesson renders"
    assert not re.search(r"[A-Za-z]{4,}", re.sub(r"SGD|AdaGrad|RMSProp|Adam", "", shown)), shown


def test_the_catalogue_has_every_stage_string_in_both_languages():
    keys = {k for k in EN if k.startswith("optimizer_race.stage")}
    assert keys == {k for k in CATALOGUE["zh"] if k.startswith("optimizer_race.stage")}
    for s in STAGES:
        for part in ("title", "setup"):
            assert f"optimizer_race.stage.{part}.{s.key}" in keys
