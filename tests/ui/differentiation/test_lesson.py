"""The Differentiation page's guided lesson in AppTest: for every step, a chosen answer,
the button, the section's controls holding the step's settings, every number of the
reveal recomputed here from core (not through the page's code) and the verdict naming
the answer core's decision gives; a link reopens the same view; zh and projector render;
the default view loads nothing."""

import math

import pytest

from core.calculus.differences import difference_errors
from core.calculus.slopes import secant_slope, two_point_slope
from core.calculus.stationary import stationary_points
from core.lessons import differentiation as decide
from core.problems.curves import get_curve
from tests.apputil import assert_clean, open_page
from tests.lessons import assert_verdict, md, open_step, predict_and_run
from tests.lessons import same as _same
from tests.ui.test_chinese import english
from ui.differentiation import data
from ui.differentiation import lesson as L
from ui.differentiation.words import fmt
from ui.text import text

PAGE = "pages/1_Differentiation.py"
P = "differentiation.lesson."


def _line():
    s = L.LINE
    a, b = s["line.a"], s["line.b"]
    on = lambda x: (x, a * x + b)  # noqa: E731
    far = two_point_slope(on(s["line.p1"]), on(s["line.p2"]))
    pairs = [two_point_slope(on(u), on(v)).slope for u, v in data.OTHER_PAIRS]
    i = min(range(len(pairs)), key=lambda k: data.OTHER_PAIRS[k][1] - data.OTHER_PAIRS[k][0])
    (u, v) = data.OTHER_PAIRS[i]
    nums = dict(x1=fmt(s["line.p1"]), x2=fmt(s["line.p2"]), run=fmt(far.run),
                rise=fmt(far.rise), far=fmt(far.slope), u=fmt(u), v=fmt(v), near=fmt(pairs[i]),
                others=", ".join(fmt(m) for m in pairs))
    return decide.line_answer(far.slope, pairs[i]), nums


def _secant():
    s = L.SECANT
    curve, x0, h = get_curve(s["sec.f"]), s["sec.x0.square"], s["sec.h"]
    big = max(data.H_STOPS)
    s_large, s_small = float(secant_slope(curve.f, x0, big)), float(secant_slope(curve.f, x0, h))
    exact = float(curve.df(x0))
    nums = dict(x0=fmt(x0), h_large=fmt(big), s_large=fmt(s_large), h=fmt(h),
                s=fmt(s_small, 6), d=fmt(exact), gap_large=fmt(abs(s_large - exact), 2),
                gap=fmt(abs(s_small - exact), 2))
    return decide.secant_answer(s_large, s_small, exact), nums


def _point(lang="en"):
    s = L.POINT
    curve, x = get_curve(s["rule.f"]), s["rule.x.cube"]
    found = stationary_points(curve.f, curve.df, curve.domain)
    answer = decide.point_answer([p.x for p in found],
                                 [p.kind + ("_kink" if p.at_kink else "") for p in found], x)
    f = lambda v: float(curve.f(v))  # noqa: E731
    nums = dict(x=fmt(x), d=fmt(float(curve.df(x))), fx=fmt(f(x)), left=fmt(x - L.SIDE),
                right=fmt(x + L.SIDE), f_left=fmt(f(x - L.SIDE)), f_right=fmt(f(x + L.SIDE)),
                kind=text(lang, f"differentiation.kind.{answer}"))
    return answer, nums


def _best_h():
    s = L.BEST_H
    curve, x0 = get_curve(s["acc.f"]), s["acc.x0.exp"]
    e = difference_errors(curve.f, curve.df, x0, data.ERROR_HS)
    nums = dict(x0=fmt(x0), h_best=fmt(e.best_forward, 2), e_best=fmt(e.forward.min(), 2),
                h_tiny=fmt(e.h[0], 1), e_tiny=fmt(e.forward[0], 2), h_large=fmt(e.h[-1]),
                e_large=fmt(e.forward[-1], 2), hc_best=fmt(e.best_central, 2),
                ec_best=fmt(e.central.min(), 2))
    return decide.best_h_answer(e.h, e.forward), nums


EXPECT = {"line": _line, "secant": _secant, "point": _point, "best_h": _best_h}
STEPS = [(str(i), step) for i, step in enumerate(L.STEPS, start=1)]


def _open(code, lang="en", extra=None):
    return open_step(PAGE, code, lang, extra)


def test_the_steps_follow_the_page_and_the_catalogue():
    assert [s.key for s in L.STEPS] == ["line", "secant", "point", "best_h"]
    assert 3 <= len(L.STEPS) <= 5


@pytest.mark.parametrize(("code", "step"), STEPS, ids=[s.key for _, s in STEPS])
@pytest.mark.parametrize("pick", [0, 1])
def test_each_step_loads_its_run_and_quotes_core(code, step, pick):
    at = _open(code)
    assert_clean(at)
    assert "What the run measured" not in md(at)
    guess = step.choices[pick]
    predict_and_run(at, code, guess)
    assert_clean(at)
    for key, want in step.settings.items():
        assert _same(at.session_state[key], want), (key, at.session_state[key], want)
    answer, nums = EXPECT[step.key]()
    measured = text("en", P + f"{step.key}.measured", **nums)
    assert measured in md(at), (measured, md(at))
    assert_verdict(at, P, step.key, guess, answer)


def test_the_runs_show_the_textbook_answers():
    """At these settings each run bears out the textbook claim (checked, not assumed)."""
    assert [EXPECT[s.key]()[0] for s in L.STEPS] == ["same", "tangent", "flat", "between"]


def test_a_link_reopens_the_same_view():
    at = _open("3")
    at.radio(key="_lesson_guess.3").set_value("flat").run()
    at.button(key="_lesson_run").click().run()
    link = {k: at.query_params[k] for k in at.query_params}
    again = open_page(PAGE, link)
    assert_clean(again)
    assert again.button_group(key="_lesson_step").value == "3"
    assert again.radio(key="_lesson_guess.3").value == "flat"
    assert again.selectbox(key="rule.f").value == "cube"
    _, nums = _point()
    assert text("en", P + "point.measured", **nums) in md(again)
    # a moved control hides the reveal
    again.slider(key="rule.x.cube").set_value(1.0).run()
    assert "shown" not in again.query_params and "What the run measured" not in md(again)


def test_the_default_view_loads_nothing():
    at = open_page(PAGE)
    assert_clean(at)
    assert "What the run measured" not in md(at)
    assert text("en", P + "line.question") in md(at)
    for key in ("lesson", "guess", "shown", "line.p1", "sec.h", "rule.f"):
        assert key not in at.query_params
    assert at.slider(key="line.p1").value == -1.0 and at.selectbox(key="sec.f").value == "square"


@pytest.mark.parametrize(("code", "step"), STEPS, ids=[s.key for _, s in STEPS])
def test_chinese_and_projector_render_each_revealed_step(code, step):
    at = _open(code, "zh", {"projector": "1", "guess": step.choices[0], "shown": "1"})
    assert_clean(at)
    answer, nums = EXPECT[step.key]()
    if step.key == "point":
        nums = _point("zh")[1]
    zh = text("zh", P + f"{step.key}.measured", **nums)
    assert zh in md(at)
    box = [text("zh", P + f"{step.key}.{part}") for part in
           ("title", "question", *(f"choice.{c}" for c in step.choices), f"why.{answer}")]
    assert not [s for s in [zh, *box] if english(s)]


def test_the_questions_state_the_loaded_settings():
    """The curves, points and x₀ each question names are the ones its step loads."""
    q = lambda key, lang="en": text(lang, P + f"{key}.question")  # noqa: E731
    square, cube = get_curve(L.SECANT["sec.f"]), get_curve(L.POINT["rule.f"])
    assert float(square.f(3.0)) == 9.0 and float(cube.f(3.0)) == 27.0   # x² and x³
    x, x0 = fmt(L.POINT["rule.x.cube"]), fmt(L.BEST_H["acc.x0.exp"])
    exp = get_curve(L.BEST_H["acc.f"])
    assert math.isclose(float(exp.f(1.0)), math.e) and math.isclose(float(exp.df(2.0)),
                                                                     math.exp(2.0))
    assert float(cube.df(L.POINT["rule.x.cube"])) == 0.0
    runs = [v - u for u, v in data.OTHER_PAIRS]
    assert L.LINE["line.p2"] - L.LINE["line.p1"] > max(runs)        # "far apart"
    assert L.LINE["line.kind"] == "sloped" and L.LINE["line.a"] != 0
    for lang in ("en", "zh"):
        assert "y = x²" in q("secant", lang)
        assert "y = x³" in q("point", lang)
        assert f"x = {x}" in q("point", lang) and f"f′({x}) = 0" in q("point", lang)
        assert "eˣ" in q("best_h", lang) and f"x₀ = {x0}" in q("best_h", lang)
        assert "P₁" in q("line", lang) and "P₂" in q("line", lang)
    assert "sloped line" in q("line") and "倾斜的直线" in q("line", "zh")
