"""core.experiments.conditioning: the rates, step counts and speed-ups the conditioning
section states, measured from runs and checked against the theory (failure messages
print the measurements)."""

import math

import numpy as np
import pytest

from core.experiments import conditioning as cond
from core.optimizers import make
from core.problems.surfaces import get_surface
from core.training.run import run

KAPPAS = (2.0, 10.0, 100.0, 1000.0)


@pytest.mark.parametrize("kappa", KAPPAS)
def test_gd_contracts_the_distance_by_kappa_minus_one_over_kappa_plus_one(kappa):
    s = cond.rate_study(kappa)
    r = cond.gd_rate(kappa)
    assert s.gd_measured == pytest.approx(r, rel=1e-12), (s.gd_measured, r)
    d = cond.distances(s.gd.points[: s.gd_reached + 1])
    np.testing.assert_allclose(d[1:] / d[:-1], r, rtol=1e-9,
                               err_msg="at η* every single step contracts by the same factor")
    lo, hi = cond.eigenvalues(kappa)
    assert s.gd_along == pytest.approx((1 - s.gd_lr * lo, 1 - s.gd_lr * hi), rel=1e-9)
    assert s.gd_along[1] == pytest.approx(-r, rel=1e-9), "across the valley the sign flips"
    assert s.gd_reached == s.gd_predicted == cond.gd_steps(kappa), s


@pytest.mark.parametrize("kappa", [10.0, 100.0])
def test_no_other_fixed_step_beats_the_best_one(kappa):
    """η* minimises max(|1 − η|, |1 − ηκ|): any other η contracts more slowly."""
    eta = cond.gd_lr(*cond.eigenvalues(kappa))
    for other in eta * np.array([0.8, 0.95, 1.05, 1.2]):
        worst = max(abs(1 - other), abs(1 - other * kappa))
        assert worst > cond.gd_rate(kappa) + 1e-6, (other, worst)


def test_torch_momentum_is_the_heavy_ball_first_step_included():
    bowl = get_surface("bowl", kappa=50.0)
    lr, mu = cond.heavy_ball(*cond.eigenvalues(50.0))
    tr = run(make("sgd", lr=lr, momentum=mu), bowl, cond.START, 40)
    x = [np.array(cond.START), np.array(cond.START)]         # x_{-1} = x_0
    for _ in range(40):
        x.append(x[-1] - lr * bowl.grad(x[-1]) + mu * (x[-1] - x[-2]))
    np.testing.assert_allclose(tr.points, np.array(x[1:]), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("kappa", KAPPAS)
def test_heavy_ball_follows_its_closed_form(kappa):
    s = cond.rate_study(kappa)
    d = cond.distances(s.hb.points)
    exact = cond.hb_distance(kappa, cond.START, np.arange(len(d)))
    k = s.hb_reached
    np.testing.assert_allclose(d[: k + 1], exact[: k + 1], rtol=1e-8,
                               err_msg="the double roots: a line times ρ^k")
    assert s.hb_predicted == s.hb_reached


@pytest.mark.parametrize("kappa", KAPPAS)
def test_heavy_ball_rate_is_rho_up_to_its_linear_factor(kappa):
    """Over the window k…K the measured rate lies in [ρ, ρ·(K/k)^(1/(K−k))] (the linear
    factors (1 + ck) can add at most K/k) and equals the closed form's window rate."""
    s = cond.rate_study(kappa)
    rho = cond.hb_rate(kappa)
    k, end = s.window
    bound = rho * (end / k) ** (1 / (end - k))
    assert rho < s.hb_measured <= bound, (kappa, rho, s.hb_measured, bound)
    assert s.hb_measured == pytest.approx(s.hb_window, rel=1e-9)


def test_heavy_ball_rate_tends_to_rho_as_the_window_moves_later():
    kappa = 100.0
    d = cond.hb_distance(kappa, cond.START, np.arange(2001))
    rho = cond.hb_rate(kappa)
    excess = [cond.window_rate(d, k, k + 100) / rho - 1 for k in (100, 400, 1600)]
    assert excess[0] > excess[1] > excess[2] > 0 and excess[2] < 2e-3, excess
    s = cond.rate_study(1000.0)
    assert s.hb_measured == pytest.approx(cond.hb_rate(1000.0), rel=6e-3), s.hb_measured


def test_heavy_ball_speed_up_grows_like_root_kappa():
    rows = cond.speedups()
    ratios = [r.ratio for r in rows]
    assert all(b > a for a, b in zip(ratios, ratios[1:], strict=False)), ratios
    p = cond.growth_exponent(rows)
    assert 0.42 < p < 0.55, (p, ratios)
    shares = [r.ratio / math.sqrt(r.kappa) for r in rows]
    assert 0.6 < min(shares) and max(shares) < 1.0, shares


def test_steps_to_counts_from_the_last_time_above():
    d = np.array([1.0, 0.5, 1e-7, 2e-6, 1e-7, 1e-8])
    assert cond.steps_to(d, 1e-6) == 4
    assert cond.steps_to(np.array([1.0, 0.1, 2e-6]), 1e-6) == -1
    assert cond.steps_to(np.array([1.0]), 1.0) == 0


@pytest.mark.parametrize("angle", [0.0, 20.0, 45.0, -60.0, 90.0])
def test_hessian_is_the_bowls_gradient(angle):
    bowl = get_surface("bowl", kappa=30.0, angle=angle)
    a = cond.hessian(30.0, angle)
    p = np.random.default_rng(1).normal(size=(20, 2))
    np.testing.assert_allclose(bowl.grad(p), p @ a.T, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(np.linalg.eigvalsh(a), cond.eigenvalues(30.0), rtol=1e-12)


def test_diagonal_rescaling_helps_only_an_aligned_valley():
    assert cond.diagonal_kappa(100.0, 0.0) == pytest.approx(1.0)
    assert cond.diagonal_kappa(100.0, 90.0) == pytest.approx(1.0)
    assert cond.diagonal_kappa(100.0, 45.0) == pytest.approx(100.0)
    a = cond.hessian(100.0, 20.0)
    best = cond.diagonal_kappa(100.0, 20.0)
    for s in np.logspace(-3, 3, 601):            # every diagonal scaling, up to a factor
        d = np.array([1.0, s])
        lam = np.linalg.eigvalsh(a * np.outer(d, d))
        assert lam[-1] / lam[0] >= best * (1 - 1e-9), (s, lam[-1] / lam[0], best)


@pytest.mark.parametrize("angle", [30.0, 45.0])
def test_valley_start_is_the_same_point_of_the_valley(angle):
    aligned = get_surface("bowl", kappa=100.0)
    turned = get_surface("bowl", kappa=100.0, angle=angle)
    p = np.array(cond.valley_start(angle))
    assert turned.f(p) == pytest.approx(aligned.f(np.array(cond.START)), rel=1e-12)
    assert np.linalg.norm(p) == pytest.approx(np.linalg.norm(cond.START), rel=1e-12)


def test_gradient_descent_does_not_notice_the_turn():
    a = cond.turned_run("sgd", 100.0, 0.0)
    b = cond.turned_run("sgd", 100.0, 45.0)
    assert a.lr == b.lr and a.reached == b.reached
    assert cond.path_gap(a, b) < 1e-12, cond.path_gap(a, b)


@pytest.mark.parametrize("name", ["rmsprop", "adam"])
def test_aligned_elementwise_runs_do_not_depend_on_kappa(name):
    bowl = {k: get_surface("bowl", kappa=k) for k in (10.0, 1000.0)}
    rel = {}
    for k, s in bowl.items():
        d = cond.distances(run(make(name, lr=0.05), s, cond.START, 200).points)
        rel[k] = d / d[0]
    np.testing.assert_allclose(rel[10.0], rel[1000.0], rtol=1e-5, atol=1e-12)


def test_the_turn_slows_the_per_coordinate_methods_down():
    """The section's lesson at its defaults (κ = 100, 45°) and at κ = 1000."""
    at_100 = {a.name: cond.slowdown(a, b) for a, b in cond.turned_race(100.0, 45.0)}
    assert at_100 == {"sgd": 0, "rmsprop": 1, "adam": 0}, at_100
    at_1000 = {a.name: cond.slowdown(a, b) for a, b in cond.turned_race(1000.0, 45.0)}
    assert at_1000["rmsprop"] == at_1000["adam"] == 1, at_1000


def test_first_is_the_first_step_below_the_tolerance():
    r = cond.turned_run("rmsprop", 100.0, 0.0)
    below = r.rel <= cond.TURN_TOL
    assert r.first >= 0 and below[r.first] and not below[: r.first].any(), r.first
    assert r.first <= r.reached or r.reached < 0, (r.first, r.reached)


def test_slowdown_compares_steps_then_final_distances():
    def r(reached, final):
        return cond.TurnedRun("x", 0.0, 0.1, False, reached, np.array([1.0, final]))
    assert cond.slowdown(r(100, 1e-9), r(-1, 1e-2)) == 1
    assert cond.slowdown(r(-1, 1e-2), r(100, 1e-9)) == -1
    assert cond.slowdown(r(100, 1e-9), r(104, 1e-9)) == 0
    assert cond.slowdown(r(100, 1e-9), r(120, 1e-9)) == 1
    assert cond.slowdown(r(-1, 0.1), r(-1, 0.2)) == 1
    assert cond.slowdown(r(-1, 0.2), r(-1, 0.1)) == -1
