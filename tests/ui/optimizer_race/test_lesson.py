"""The race's guided lesson in AppTest: for every stage, a prediction, the button that
loads the stage's race into the race's controls, and a reveal whose every number is the
core's and whose verdict names the answer the core decides from the same runs; a link
with lesson/guess/shown reopens that view; the default view loads nothing; a moved
control hides the reveal; both languages and projector mode render."""

import math
import re
import string

import numpy as np
import pytest

from core.experiments.race_stages import STAGES, lesson, run_stage, stage_knobs, stage_surface
from core.lessons.optimizer_race import stage_answer
from tests.apputil import assert_clean, open_page
from tests.ui.optimizer_race.test_page import url_notices
from tests.ui.test_chinese import CODE, E_NOTATION, english, visible
from ui.lesson import STEP, guess_key
from ui.numbers import fmt
from ui.optimizer_race.controls import knob_key
from ui.optimizer_race.data import SWEEP_LRS
from ui.optimizer_race.lesson import CHOICES, STEPS, say
from ui.text import CATALOGUE

PAGE = "pages/3_Optimizer_Race.py"
EN = CATALOGUE["en"]
CODES = [str(i) for i in range(1, len(STAGES) + 1)]
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")
ELSEWHERE = {"surface": "beale", "opts": "adam", "steps": "400"}   # a race no stage runs


def stage_of(code):
    return STAGES[int(code) - 1]


def core(code):
    """(measured sentences, answer) of the stage as the core computes them."""
    stage = stage_of(code)
    runs, lrs, aligned = run_stage(stage, SWEEP_LRS)
    return lesson(stage, runs, lrs, aligned), stage_answer(stage, runs, aligned)


def reveal_text(at, lang="en") -> str | None:
    """The measured paragraph under the reveal's heading, or None when not revealed."""
    md = [m.value for m in at.markdown]
    head = CATALOGUE[lang]["frame.lesson.measured"]
    return md[md.index(head) + 1] if head in md else None


def verdicts(at) -> list[str]:
    return [a.value for a in (*at.success, *at.warning, *at.info)]


def choice(code, answer, lang="en"):
    return CATALOGUE[lang][f"optimizer_race.lesson.{stage_of(code).key}.choice.{answer}"]


def assert_loaded(at, code):
    """The race's controls hold the stage's race."""
    stage = stage_of(code)
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


def run_step(code, guess, query=None):
    at = open_page(PAGE, query or ELSEWHERE)
    at.button_group(key=STEP).set_value(code).run()
    at.radio(key=guess_key(code)).set_value(guess).run()
    assert reveal_text(at) is None, "nothing is revealed before the button"
    at.button(key="_lesson_run").click().run()
    assert_clean(at)
    return at


def test_the_default_view_shows_step_1_and_loads_nothing():
    at = open_page(PAGE)
    assert_clean(at)
    assert EN["optimizer_race.lesson.ravine.question"] in [m.value.strip("*") for m in at.markdown]
    assert reveal_text(at) is None
    assert at.multiselect(key="opts").value == ["sgd", "momentum", "adagrad", "rmsprop", "adam"]
    assert at.selectbox(key="surface").value == "rosenbrock"
    assert not {"lesson", "guess", "shown"} & set(at.query_params)
    assert not url_notices(at)


@pytest.mark.parametrize("code", CODES)
def test_each_step_loads_its_race_and_reveals_the_cores_answer(code):
    stage = stage_of(code)
    said, answer = core(code)
    wrong = next(c for c in CHOICES[stage.key] if c != answer)
    at = run_step(code, wrong)
    assert_loaded(at, code)
    q = at.query_params
    assert (q.get("lesson", "1"), q["guess"], q["shown"]) == (code, wrong, "1")
    shown = reveal_text(at)
    assert shown, "the reveal shows the measured sentences"
    assert any(choice(code, answer) in v and choice(code, wrong) in v for v in verdicts(at)), \
        (answer, verdicts(at))
    # with the right guess the verdict agrees
    at.radio(key=guess_key(code)).set_value(answer).run()
    at.button(key="_lesson_run").click().run()
    assert [s.value for s in at.success] == [
        EN["frame.lesson.verdict_right"].format(answer=choice(code, answer))]


class _F:
    lang = "en"

    def t(self, key, **kw):
        return EN[key].format(**kw)

    def join(self, sentences):
        return " ".join(sentences)


def _template(key: str) -> tuple[set[str], set[str]]:
    """(numbers a template spells out itself (2/κ, 1 − η, 0°), the values it quotes)."""
    parts = list(string.Formatter().parse(EN[key]))
    return (set(NUMBER.findall("".join(p[0] for p in parts))),
            {p[1] for p in parts if p[1]})


@pytest.mark.parametrize("code", CODES)
def test_every_number_in_a_reveal_is_the_cores(code):
    at = open_page(PAGE, {"lesson": code, "shown": "1"})
    shown = reveal_text(at)
    said, _ = core(code)
    assert shown == _F().join([say(_F(), s) for s in said]), "the core's sentences, in order"
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


@pytest.mark.parametrize("code", CODES)
def test_a_lesson_link_reopens_the_same_view(code):
    said, answer = core(code)
    clicked = run_step(code, answer)
    link = {k: clicked.query_params[k] for k in clicked.query_params}
    linked = open_page(PAGE, link)
    assert_clean(linked)
    assert_loaded(linked, code)
    assert reveal_text(linked) == reveal_text(clicked)
    assert linked.radio(key=guess_key(code)).value == answer
    assert not url_notices(linked)
    # the step's race wins over other settings a link carries
    mixed = open_page(PAGE, {"lesson": code, "shown": "1", "surface": "rosenbrock",
                             "opts": "sgd", "tol": "0.1"})
    assert_loaded(mixed, code)
    assert reveal_text(mixed) == reveal_text(clicked)


@pytest.mark.parametrize("bad", [{"lesson": "9"}, {"lesson": "`x`![i](http://e/x.png)"},
                                 {"lesson": "2", "guess": "banana"}, {"shown": "yes"}])
def test_a_bad_lesson_value_gives_a_notice(bad):
    at = open_page(PAGE, bad)
    assert_clean(at)
    assert len(url_notices(at)) == 1, url_notices(at)
    assert reveal_text(at) is None


@pytest.mark.parametrize("move", ["steps", "knob", "surface", "tol", "racers"])
def test_moving_a_control_hides_the_reveal(move):
    at = open_page(PAGE, {"lesson": "2", "shown": "1"})
    assert reveal_text(at)
    if move == "steps":
        at.slider(key="steps").set_value(300).run()
    elif move == "knob":
        at.slider(key="momentum.momentum").set_value(0.5).run()
    elif move == "surface":
        at.selectbox(key="surface").select("rosenbrock").run()
    elif move == "tol":
        at.select_slider(key="tol").set_value(1e-4).run()
    else:
        at.multiselect(key="opts").select("adam").run()
    assert_clean(at)
    assert reveal_text(at) is None, "a reveal must not describe a race no longer shown"
    assert "shown" not in at.query_params
    assert EN["frame.lesson.left"] in [c.value for c in at.caption]
    at.button(key="_lesson_run").click().run()     # the button reloads it
    assert_loaded(at, "2")
    assert reveal_text(at)


@pytest.mark.parametrize("code", CODES)
def test_revealed_steps_in_chinese_and_projector_mode(code):
    at = open_page(PAGE, {"lesson": code, "shown": "1", "lang": "zh", "projector": "1"})
    assert_clean(at)
    shown = reveal_text(at, "zh")
    assert shown, "the Chinese reveal renders"
    assert not re.search(r"[A-Za-z]{4,}", re.sub(r"SGD|AdaGrad|RMSProp|Adam", "", shown)), shown
    _, answer = core(code)
    assert any(choice(code, answer, "zh") in v for v in verdicts(at)), verdicts(at)
    # the page's Chinese checks (tests/ui/test_chinese.py) on the whole revealed view
    strings, tips = visible(at)
    assert not {run for s in strings for run in english(s)}
    assert not {m for s in strings for m in E_NOTATION.findall(CODE.sub(" ", s))}
    assert all("title" in t for t in tips if "field" in t)


def _curvature(stage, degrees: float) -> float:
    """f''(0) of the stage's surface along the unit direction at ``degrees`` through its
    minimum (a central difference, exact on the quadratic bowl)."""
    s = stage_surface(stage)
    m = np.asarray(s.minima[0].point, dtype=float)
    d = np.array([math.cos(math.radians(degrees)), math.sin(math.radians(degrees))])
    return float(s.f(m + d) - 2 * s.f(m) + s.f(m - d))


def _typed(stage) -> dict[str, list[float]]:
    """Each number the stage's question types → the settings (or measured curvatures of
    its bowl) it must equal."""
    p = stage.preset

    def knob(r, k):
        return stage_knobs(stage, r)[k]

    return {
        "ravine": {"30": [p.angle], "130": [p.kappa, _curvature(stage, p.angle + 90)],
                   "1": [_curvature(stage, p.angle)], "0.015": [knob("sgd", "lr")]},
        "momentum": {"0.015": [knob("sgd", "lr"), knob("momentum", "lr")],
                     "0.9": [knob("momentum", "momentum")]},
        "adaptive": {"30": [p.angle]},
        "adam": {"1": [knob("rmsprop", "lr"), knob("adam", "lr")]},
        "tuned": {},
    }[stage.key]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("stage", STAGES, ids=[s.key for s in STAGES])
def test_every_number_in_a_question_is_the_setting_it_names(stage, lang):
    typed = _typed(stage)
    q = CATALOGUE[lang][f"optimizer_race.lesson.{stage.key}.question"]
    assert set(re.findall(r"\d+(?:\.\d+)?", q)) == set(typed), (stage.key, q)
    for text, settings in typed.items():
        for value in settings:
            assert math.isclose(float(text), value, rel_tol=1e-9, abs_tol=1e-9), \
                (stage.key, text, value)
    if stage.key == "tuned":
        assert len(stage.preset.racers) == 5 and stage.preset.lr_mode == "tuned"


def test_the_steps_share_no_mutable_setting():
    for step in STEPS:
        assert not [k for k, v in step.settings.items() if isinstance(v, (list, dict, set))]


def test_the_catalogue_has_every_step_string_in_both_languages():
    keys = {k for k in EN if k.startswith(("optimizer_race.stage", "optimizer_race.lesson"))}
    assert keys == {k for k in CATALOGUE["zh"]
                    if k.startswith(("optimizer_race.stage", "optimizer_race.lesson"))}
    for step in STEPS:
        p = f"optimizer_race.lesson.{step.key}."
        assert {p + "title", p + "question"} <= keys
        assert 2 <= len(step.choices) <= 3
        assert {p + f"choice.{c}" for c in step.choices} <= keys
