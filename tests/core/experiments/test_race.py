"""core.experiments.race and core.experiments.inside: the race runs the core's rules through the
core's loop, sweeps equal separate runs, the leaderboard ranks honestly, and the inside view
explains every recorded step."""

import numpy as np
import pytest

from core.experiments import racers as race
from core.experiments.inside import inside
from core.experiments.race import (
    PRESETS,
    Standing,
    chosen_lr,
    leaderboard,
    standing,
    steps_to_tolerance,
)
from core.experiments.racers import (
    CLASSIC_RACERS,
    CONVENTIONS,
    KNOBS,
    build,
    default_knobs,
    knob_range,
    offered,
    run_racer,
    tune,
)
from core.optimizers import defaults, make
from core.optimizers.keras import make_keras
from core.problems.surfaces import get_surface
from core.training.run import run
from core.training.sweep import lr_grid

BOTH = [(r, c) for c in CONVENTIONS for r in offered(c)]
CLASSIC = [(r, c) for r in CLASSIC_RACERS for c in CONVENTIONS]


def bid(case):
    return "-".join(case)


@pytest.mark.parametrize("case", BOTH, ids=bid)
def test_racer_is_the_cores_rule_run_by_the_cores_loop(case):
    racer, convention = case
    knobs = default_knobs(racer, convention)
    rb = get_surface("rosenbrock")
    tr = run_racer(racer, convention, knobs, rb, rb.start, 100, grad_noise=0.2, seed=4)
    maker = make if convention == "torch" else make_keras
    direct = run(maker(race.RULE[racer], **race.hparams(racer, **knobs)), rb, rb.start, 100,
                 grad_noise=0.2, seed=4)
    np.testing.assert_array_equal(tr.points, direct.points)


def test_racers_map_to_the_documented_settings():
    assert build("sgd").hparams["momentum"] == 0.0
    assert build("momentum").hparams["momentum"] == 0.9
    nest = build("nesterov", momentum=0.5)
    assert nest.hparams["nesterov"] and nest.hparams["momentum"] == 0.5
    adam = build("adam", b1=0.8, b2=0.99, amsgrad=True)
    assert adam.hparams["betas"] == (0.8, 0.99) and adam.hparams["amsgrad"]
    assert build("adam", "keras").name == "keras_adam"


@pytest.mark.parametrize("case", BOTH, ids=bid)
def test_default_knobs_are_the_librarys_and_in_range(case):
    racer, convention = case
    knobs = default_knobs(racer, convention)
    assert tuple(knobs) == KNOBS[racer]
    if convention == "torch" and racer in ("adagrad", "rmsprop", "adadelta", "adam"):
        lib = defaults(racer)
        assert knobs["lr"] == lib["lr"] and knobs["eps"] == lib["eps"]
    for knob, value in knobs.items():
        if knob != "amsgrad":
            lo, hi = knob_range(racer, knob)
            assert lo <= value <= hi, f"{racer}/{convention}: default {knob}={value} off its slider"


def test_unknown_names_are_refused():
    for bad in (lambda: build("muon"), lambda: build("lion", "keras"),
                lambda: build("adafactor", "keras"), lambda: build("sgd", "jax"),
                lambda: build("sgd", momentum=0.9), lambda: chosen_lr("best", 1, 1, None)):
        with pytest.raises(ValueError):
            bad()


@pytest.mark.parametrize("case", [("momentum", "torch"), ("adam", "keras"), ("adagrad", "keras"),
                                  ("nadam", "torch")], ids=bid)
def test_lr_sweep_equals_separate_runs(case):
    racer, convention = case
    knobs = default_knobs(racer, convention)
    rb = get_surface("rosenbrock")
    lrs = lr_grid(1e-4, 1.0, 7)
    sw = tune(racer, convention, knobs, rb, rb.start, 150, lrs, grad_noise=0.3, seed=2)
    for i, lr in enumerate(lrs):
        one = run_racer(racer, convention, {**knobs, "lr": lr}, rb, rb.start, 150,
                        grad_noise=0.3, seed=2)
        assert one.diverged_at == sw.diverged_at[i]
        np.testing.assert_allclose(one.losses[-1], sw.final_loss[i], rtol=1e-12)


def test_ball_through_the_hole_preset():
    """Momentum rolls through the shallow well into the deep one; plain SGD stays put."""
    p = PRESETS["ball_through_hole"]
    surface = get_surface(p.surface)
    deep, shallow = (np.array(m.point) for m in surface.minima)   # deep (global) first
    end = {r: run_racer(r, "torch", p.knobs[r], surface, p.start, p.steps).points[-1]
           for r in p.racers}
    to = {r: (np.linalg.norm(x - deep), np.linalg.norm(x - shallow)) for r, x in end.items()}
    msg = f"end points {end}; distances (to deep, to shallow) {to}"
    assert to["momentum"][0] < 0.05 and to["momentum"][1] > 1.5, msg
    assert to["sgd"][1] < 0.05 and to["sgd"][0] > 1.5, msg


@pytest.mark.parametrize("name", PRESETS)
def test_presets_are_valid_and_stay_finite(name):
    p = PRESETS[name]
    surface = get_surface(p.surface, kappa=p.kappa) if p.surface == "bowl" else get_surface(
        p.surface)
    for r in p.racers:
        knobs = {**default_knobs(r), **p.knobs.get(r, {})}
        tr = run_racer(r, "torch", knobs, surface, p.start, p.steps, grad_noise=p.grad_noise,
                       seed=0)
        assert np.all(np.isfinite(tr.points)) and np.all(np.isfinite(tr.losses))


def test_steps_to_tolerance():
    losses = np.array([5.0, 2.0, 0.5, 0.05, 0.2, 0.001])
    assert steps_to_tolerance(losses, 0.0, 0.1) == 3
    assert steps_to_tolerance(losses, -1.0, 0.1) == -1
    assert steps_to_tolerance(losses, 0.0, 10.0) == 0


def test_standing_of_a_diverged_run_and_of_a_winner():
    bowl = get_surface("bowl", kappa=10)
    blown = run_racer("sgd", "torch", {"lr": 0.5}, bowl, bowl.start, 100)
    good = run_racer("momentum", "torch", {"lr": 0.05, "momentum": 0.8}, bowl, bowl.start, 300)
    sb = standing("sgd", blown, 0.0, 1e-6, bowl.nearest_minimum_distance)
    sg = standing("momentum", good, 0.0, 1e-6, bowl.nearest_minimum_distance)
    assert sb.diverged_at > 0 and sb.steps_to_tol == -1 and np.isfinite(sb.final_loss)
    assert 0 < sg.steps_to_tol < 300 and sg.diverged_at == -1, sg
    assert sg.distance < 1e-3 and sg.final_loss < 1e-6, sg


def test_leaderboard_order():
    rows = [Standing("a", -1, 0.5, 1.0, -1), Standing("b", 40, 1e-7, 0.0, -1),
            Standing("c", -1, 3.0, 2.0, 12), Standing("d", 20, 1e-5, 0.0, -1),
            Standing("e", -1, 0.1, 0.3, -1), Standing("f", -1, 9.0, 5.0, 30)]
    assert [r.racer for r in leaderboard(rows)] == ["d", "b", "e", "a", "f", "c"]


def test_chosen_lr_modes():
    bowl = get_surface("bowl")
    sw = tune("sgd", "torch", {}, bowl, bowl.start, 50, [0.01, 0.1, 5.0])
    assert chosen_lr("own", 0.3, 0.2, sw) == (0.3, True)
    assert chosen_lr("shared", 0.3, 0.2, sw) == (0.2, True)
    assert chosen_lr("tuned", 0.3, 0.2, sw) == (sw.best_lr, True) and sw.best_lr == 0.1
    all_bad = tune("sgd", "torch", {}, bowl, bowl.start, 50, [5.0, 9.0])
    assert chosen_lr("tuned", 0.3, 0.2, all_bad) == (0.3, False)


def test_tuned_rates_are_fairer_than_one_shared_rate():
    """The page's claim: at one shared rate some optimizer is far from its best."""
    rb = get_surface("rosenbrock")
    lrs = lr_grid(1e-4, 10.0, 21)
    shared = 1e-2
    sweeps = {r: tune(r, "torch", default_knobs(r), rb, rb.start, 300, lrs)
              for r in CLASSIC_RACERS}
    i = int(np.argmin(np.abs(lrs - shared)))
    gaps = {r: (s.final_loss[i], s.final_loss[s.best]) for r, s in sweeps.items()}
    worst = max(gaps, key=lambda r: gaps[r][0] / max(gaps[r][1], 1e-300))
    assert gaps[worst][0] > 10 * gaps[worst][1], f"(shared-lr loss, best-lr loss): {gaps}"


# ------------------------------------------------------------------ inside view


@pytest.mark.parametrize("case", CLASSIC, ids=bid)
def test_inside_view_explains_every_step(case):
    racer, convention = case
    knobs = default_knobs(racer, convention)
    knobs["lr"] = 0.5 if racer == "adadelta" else 0.005
    if racer == "adamw":
        knobs["weight_decay"] = 0.1
    rb = get_surface("rosenbrock")
    opt = build(racer, convention, **knobs)
    tr = run_racer(racer, convention, knobs, rb, rb.start, 200, grad_noise=0.3, seed=1,
                   record_states=True)
    q = inside(opt, tr)
    wd = opt.hparams.get("weight_decay", 0.0) if opt.name in (
        "adamw", "keras_adamw") else 0.0
    predicted = -q["eff_lr"] * q["d"] - opt.hparams["lr"] * wd * tr.points[:-1]
    err = np.max(np.abs(predicted - q["u"]) / (np.abs(q["u"]) + 1e-12))
    assert err < 1e-10, f"u = −η_eff·d − ηλx off by {err:.2e} (relative)"
    assert all(np.all(np.isfinite(v)) and v.shape == (200, 2) for v in q.values())


def test_adagrad_steps_shrink_for_good_and_rmsprop_recovers():
    bowl = get_surface("bowl", kappa=10)
    ada = run_racer("adagrad", "torch", {"lr": 0.5}, bowl, bowl.start, 300, record_states=True)
    rms = run_racer("rmsprop", "torch", {"lr": 0.05}, bowl, bowl.start, 300, record_states=True)
    e_ada = inside(build("adagrad", lr=0.5), ada)["eff_lr"]
    e_rms = inside(build("rmsprop", lr=0.05), rms)["eff_lr"]
    assert np.all(np.diff(e_ada, axis=0) <= 0), "AdaGrad's effective rate never grows"
    low = e_rms[:50].min(axis=0)
    late = e_rms[-50:].max(axis=0)
    assert np.all(late > 2 * low), f"RMSProp eff. lr early min {low}, late max {late}"
    a_low, a_late = e_ada[:50].min(axis=0), e_ada[-50:].max(axis=0)
    assert np.all(a_late < a_low), f"AdaGrad eff. lr early min {a_low}, late max {a_late}"


def test_adam_bias_correction_makes_the_first_moment_the_gradient():
    bowl = get_surface("bowl", kappa=5)
    tr = run_racer("adam", "torch", {"lr": 0.1}, bowl, bowl.start, 20, record_states=True)
    q = inside(build("adam", lr=0.1), tr)
    np.testing.assert_allclose(q["m_hat"][0], q["g"][0], rtol=1e-14)
    np.testing.assert_allclose(q["m"][0], 0.1 * q["g"][0], rtol=1e-14)
    np.testing.assert_allclose(q["v_hat"][0], q["g"][0] ** 2, rtol=1e-12)


def test_inside_is_zero_after_divergence_and_needs_states():
    bowl = get_surface("bowl", kappa=10)
    tr = run_racer("adam", "torch", {"lr": 1e4}, bowl, bowl.start, 50, record_states=True)
    assert tr.diverged_at > 0
    q = inside(build("adam", lr=1e4), tr)
    k = int(tr.diverged_at) - 1
    assert all(np.all(v[k:] == 0) and np.all(np.isfinite(v)) for v in q.values())
    with pytest.raises(ValueError):
        inside(build("adam"), run_racer("adam", "torch", {}, bowl, bowl.start, 5))


def _slider_ends(racer: str, convention: str):
    """Every knob of ``racer`` set alone to its slider's minimum and maximum."""
    base = default_knobs(racer, convention)
    for knob in KNOBS[racer]:
        ends = (False, True) if knob == "amsgrad" else knob_range(racer, knob)
        for value in ends:
            yield knob, value, {**base, knob: value}


@pytest.mark.parametrize("case", BOTH, ids=bid)
def test_every_knob_at_its_slider_ends_runs(case):
    """No slider value is refused by the rule (Nesterov's momentum starts above 0)."""
    racer, convention = case
    s = get_surface("rosenbrock")
    for knob, value, knobs in _slider_ends(racer, convention):
        try:
            tr = run_racer(racer, convention, knobs, s, s.start, 20)
            tune(racer, convention, knobs, s, s.start, 20, [1e-3, 1e-2])
        except Exception as exc:  # noqa: BLE001 - the test reports any refusal
            pytest.fail(f"{racer} ({convention}) {knob}={value}: {exc!r}")
        assert tr.points.shape == (21, 2), (racer, knob, value)


def test_nesterov_momentum_slider_starts_above_zero():
    lo, hi = knob_range("nesterov", "momentum")
    assert 0 < lo < hi < 1, (lo, hi)
    with pytest.raises(ValueError, match="momentum > 0"):
        build("nesterov", momentum=0.0)
