"""The Gradient Descent page's guided lesson in AppTest: for every step, a chosen answer,
the button, the section's controls holding the step's settings, every number of the
reveal recomputed here from core (not through the page's code) and the verdict naming
the answer core's decision gives; a link reopens the same view; zh and projector render;
the default view loads nothing; the questions state the settings the step loads."""

import math

import numpy as np
import pytest

from core.experiments import conditioning as cond
from core.experiments import schedules_lesson as sl
from core.experiments.descent import CONVERGED, descend, verdict
from core.lessons import gradient_descent as decide
from core.optimizers import make
from core.problems.curves import get_curve
from core.problems.regression import (
    N_POINTS,
    Regression,
    compare_paths,
    make_data,
    mini_batches,
)
from core.problems.surfaces import get_surface
from core.training.run import run
from tests.apputil import assert_clean, open_page
from tests.lessons import assert_verdict, md, open_step, predict_and_run
from tests.lessons import same as _same
from tests.ui.test_chinese import english
from ui import numbers
from ui.gradient_descent import lesson as L
from ui.gradient_descent.one_weight import fmt, pct
from ui.text import text

PAGE = "pages/2_Gradient_Descent.py"
P = "gradient_descent.lesson."


def _overshoot(lang="en"):
    s = L.OVERSHOOT
    c, lr, w0, steps = s["c"], s["lr.quadratic"], s["w0.quadratic"], s["steps"]
    curve = get_curve("quadratic", curvature=c)
    tr = descend(curve, w0, lr, steps)
    v = verdict(tr, curve)
    nums = dict(c=fmt(c), limit=fmt(2 / c), lr=fmt(lr), r=fmt(1 - lr * c), steps=steps,
                flips=v.flips, w0=fmt(w0), w_end=fmt(tr.points[-1, 0]), ratio=fmt(v.ratio),
                tol=pct(CONVERGED))
    return decide.overshoot_answer(int(tr.diverged_at) >= 0, v.ratio, v.flips), nums


def _steep(lang="en"):
    s = L.STEEP
    kappa, lr = s["kappa"], s["lr2.bowl"]
    tr = run(make("sgd", lr=lr), get_surface("bowl", kappa=kappa), L.BOWL_START,
             s["steps2.bowl"])
    last = int(np.flatnonzero(tr.valid)[-1])
    k = int(tr.diverged_at)
    end = (text(lang, P + "steep.end.diverged", k=k) if k >= 0
           else text(lang, P + "steep.end.settled"))
    nums = dict(kappa=fmt(kappa), lr=fmt(lr), limit_y=fmt(2 / kappa), limit_x=fmt(2.0),
                rx=fmt(1 - lr), ry=fmt(1 - lr * kappa), end=end, k_last=last,
                x=fmt(tr.points[last, 0]), y=fmt(tr.points[last, 1]))
    answer = decide.steep_answer(k >= 0, float(tr.losses[0]), float(tr.losses[last]))
    return answer, nums


def _noise(lang="en"):
    s = L.NOISE
    obj = Regression(make_data(s["seed"], s["noise"]))
    lr, steps, batch = s["lr3"], s["steps3"], s["batch"]
    full = run(make("sgd", lr=lr), obj, obj.start, steps)
    mini = run(make("sgd", lr=lr), mini_batches(obj.data, batch, steps, s["seed"]), obj.start,
               steps)
    m = compare_paths(obj, full, mini)
    t = lambda key, **kw: text(lang, key, **kw)  # noqa: E731
    nums = dict(batch=batch, lr=fmt(lr), steps=steps, gap_full=numbers.gap_text(t, m.gap_full, 4),
                gap_mini=numbers.gap_text(t, m.gap_mini, 4), spread_full=fmt(m.spread_full),
                spread_mini=fmt(m.spread_mini), times=numbers.ratio(m.spread_mini / m.spread_full))
    return decide.noise_answer(int(mini.diverged_at) >= 0, m.spread_full, m.spread_mini), nums


def _warmup(lang="en"):
    w = sl.warmup_study(L.WARMUP["sched.share"])
    runs = [w.run(n) for n in ("constant", "cosine_annealing_lr", "warmup_cosine")]
    said = [text(lang, P + "warmup.end.diverged", k=r.diverged_at) if r.diverged_at >= 0
            else text(lang, P + "warmup.end.ok", w=fmt(r.end)) for r in runs]
    nums = dict(w0=fmt(w.w0), start_limit=fmt(w.start_limit), bottom=fmt(w.bottom),
                bottom_limit=fmt(w.bottom_limit), peak=fmt(w.peak), warmup=w.warmup,
                steps=w.steps, const=said[0], cos=said[1], warm=said[2])
    return decide.warmup_answer(*(r.diverged_at >= 0 for r in runs)), nums


def _momentum(lang="en"):
    kappa = L.MOMENTUM["cond.kappa"]
    lam_min, lam_max = cond.eigenvalues(kappa)
    bowl = get_surface("bowl", kappa=kappa)
    steps = cond.gd_steps(kappa) + cond.MARGIN
    eta, (lr, mu) = cond.gd_lr(lam_min, lam_max), cond.heavy_ball(lam_min, lam_max)
    gd = run(make("sgd", lr=eta), bowl, cond.START, steps)
    hb = run(make("sgd", lr=lr, momentum=mu), bowl, cond.START, steps)
    k_gd = cond.steps_to(cond.distances(gd.points), cond.TOL)
    k_hb = cond.steps_to(cond.distances(hb.points), cond.TOL)
    nums = dict(kappa=fmt(kappa), tol=fmt(cond.TOL), gd_lr=numbers.precise(eta, 6),
                hb_lr=numbers.precise(lr, 6), mu=numbers.precise(mu, 6),
                k_gd=numbers.count(k_gd), k_hb=numbers.count(k_hb),
                ratio=numbers.fmt(k_gd / k_hb, 3), sqrtk=numbers.fmt(math.sqrt(kappa), 3))
    return decide.momentum_answer(k_gd, k_hb, kappa), nums


EXPECT = {"overshoot": _overshoot, "steep": _steep, "noise": _noise, "warmup": _warmup,
          "momentum": _momentum}
STEPS = [(str(i), step) for i, step in enumerate(L.STEPS, start=1)]


def _open(code, lang="en", extra=None):
    return open_step(PAGE, code, lang, extra)


def test_the_steps_follow_the_page():
    assert [s.key for s in L.STEPS] == ["overshoot", "steep", "noise", "warmup",
                                          "momentum"]
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
    if step.key == "steep":
        assert tuple(at.session_state["start.bowl"]) == L.BOWL_START
    answer, nums = EXPECT[step.key]()
    measured = text("en", P + f"{step.key}.measured", **nums)
    assert measured in md(at), (measured, md(at))
    assert text("en", P + f"{step.key}.why.{answer}") in md(at)
    assert_verdict(at, P, step.key, guess, answer)


def test_the_runs_show_the_textbook_answers():
    """At these settings each run bears out the textbook claim (checked, not assumed)."""
    assert [EXPECT[s.key]()[0] for s in L.STEPS] == ["zigzag", "diverge", "jitter", "warm",
                                                         "sqrt"]


def test_the_questions_state_the_loaded_settings():
    q = lambda key: text("en", P + f"{key}.question")  # noqa: E731
    s = L.OVERSHOOT
    assert f"L″ = {fmt(s['c'])}" in q("overshoot") and f"2/L″ = {fmt(2 / s['c'])}" in q("overshoot")
    assert f"w₀ = {fmt(s['w0.quadratic'])}" in q("overshoot")
    assert f"η = {fmt(s['lr.quadratic'])}" in q("overshoot")
    s = L.STEEP
    assert f"κ = {fmt(s['kappa'])}" in q("steep") and f"η = {fmt(s['lr2.bowl'])}" in q("steep")
    assert f"≈ {numbers.fmt(2 / s['kappa'], 2)}" in q("steep")
    s = L.NOISE
    assert f"{N_POINTS} noisy points" in q("noise") and f"η = {fmt(s['lr3'])}" in q("noise")
    assert f"only {s['batch']} of them" in q("noise") and f"{s['steps3']} steps" in q("noise")
    assert f"{N_POINTS} 个" in text("zh", P + "noise.question")
    kappa = L.MOMENTUM["cond.kappa"]
    for lang in ("en", "zh"):
        assert f"κ = {fmt(kappa)}" in text(lang, P + "momentum.question")
        assert fmt(cond.TOL) in text(lang, P + "momentum.question")
        assert f"√κ = {fmt(math.sqrt(kappa))}" in text(lang, P + "momentum.choice.sqrt")
        assert f"κ = {fmt(kappa)}" in text(lang, P + "momentum.choice.kappa")


def test_a_link_reopens_the_same_view():
    at = _open("2")
    at.radio(key="_lesson_guess.2").set_value("settle").run()
    at.button(key="_lesson_run").click().run()
    link = {k: at.query_params[k] for k in at.query_params}
    again = open_page(PAGE, link)
    assert_clean(again)
    assert again.button_group(key="_lesson_step").value == "2"
    assert again.radio(key="_lesson_guess.2").value == "settle"
    assert again.selectbox(key="surf").value == "bowl"
    _, nums = _steep()
    assert text("en", P + "steep.measured", **nums) in md(again)
    # a moved control hides the reveal
    again.select_slider(key="lr2.bowl").set_value(0.1).run()
    assert "shown" not in again.query_params and "What the run measured" not in md(again)


def test_a_moved_start_hides_the_steep_reveal():
    at = _open("2", extra={"guess": "diverge", "shown": "1"})
    assert "What the run measured" in md(at)
    at.session_state["start.bowl"] = (1.0, 1.0)
    at.run()
    assert "What the run measured" not in md(at)


def test_the_default_view_loads_nothing():
    at = open_page(PAGE)
    assert_clean(at)
    assert "What the run measured" not in md(at)
    assert text("en", P + "overshoot.question") in md(at)
    for key in ("lesson", "guess", "shown", "lr.quadratic", "kappa", "batch", "sched.share",
                "cond.kappa"):
        assert key not in at.query_params
    assert at.select_slider(key="lr.quadratic").value == 0.7
    assert at.slider(key="batch").value == 10


@pytest.mark.parametrize(("code", "step"), STEPS, ids=[s.key for _, s in STEPS])
def test_chinese_and_projector_render_each_revealed_step(code, step):
    at = _open(code, "zh", {"projector": "1", "guess": step.choices[0], "shown": "1"})
    assert_clean(at)
    answer, nums = EXPECT[step.key]("zh")
    zh = text("zh", P + f"{step.key}.measured", **nums)
    assert zh in md(at), (zh, md(at))
    box = [text("zh", P + f"{step.key}.{part}") for part in
           ("title", "question", *(f"choice.{c}" for c in step.choices), f"why.{answer}")]
    assert not [s for s in [zh, *box] if english(s)]
