"""The Gradient Descent lesson's decisions, each fed runs where each of its answers is
right (real runs of the page's experiments at other settings, plus edge cases)."""

import math

import pytest

from core.experiments import conditioning as cond
from core.experiments import schedules_lesson as sl
from core.experiments.descent import descend, verdict
from core.lessons.gradient_descent import (
    momentum_answer,
    noise_answer,
    overshoot_answer,
    steep_answer,
    warmup_answer,
)
from core.optimizers import make
from core.problems.curves import get_curve
from core.problems.regression import Regression, compare_paths, make_data, mini_batches
from core.problems.surfaces import get_surface
from core.training.run import run


def _overshoot(lr: float) -> str:
    curve = get_curve("quadratic", curvature=1.0)
    tr = descend(curve, 2.5, lr, 30)
    v = verdict(tr, curve)
    return overshoot_answer(int(tr.diverged_at) >= 0, v.ratio, v.flips)


@pytest.mark.parametrize(("lr", "want"), [(0.5, "slide"), (0.9, "slide"), (1.5, "zigzag"),
                                          (1.9, "zigzag"), (2.1, "diverge"), (3.0, "diverge")])
def test_overshoot_on_the_quadratic_follows_r(lr, want):
    """r = 1 − η: 0 < r < 1 slides, −1 < r < 0 zig-zags in, r < −1 blows up."""
    assert _overshoot(lr) == want


def test_overshoot_edge_cases():
    assert overshoot_answer(False, 1.5, 30) == "diverge"          # growing, not yet flagged
    assert overshoot_answer(False, math.nan, 0) == "diverge"
    assert overshoot_answer(True, 0.1, 3) == "diverge"


def _steep(kappa: float, lr: float) -> str:
    tr = run(make("sgd", lr=lr), get_surface("bowl", kappa=kappa), (-4.5, 2.0), 100)
    sane = [k for k, ok in enumerate(tr.valid) if ok]
    return steep_answer(int(tr.diverged_at) >= 0, float(tr.losses[0]),
                        float(tr.losses[sane[-1]]))


@pytest.mark.parametrize(("kappa", "lr", "want"), [(7.0, 0.3, "diverge"), (5.0, 0.3, "settle"),
                                                   (10.0, 0.15, "settle"),
                                                   (10.0, 0.3, "diverge")])
def test_steep_is_decided_by_two_over_kappa(kappa, lr, want):
    assert (lr < 2 / kappa) == (want == "settle")
    assert _steep(kappa, lr) == want


def test_steep_edge_cases():
    assert steep_answer(False, 1.0, 2.0) == "diverge"
    assert steep_answer(False, 1.0, math.inf) == "diverge"
    assert steep_answer(False, 1.0, 0.5) == "settle"


def _noise(batch: int, noise: float = 1.0, lr: float = 0.3) -> str:
    obj = Regression(make_data(0, noise))
    full = run(make("sgd", lr=lr), obj, obj.start, 200)
    mini = run(make("sgd", lr=lr), mini_batches(obj.data, batch, 200, 0), obj.start, 200)
    m = compare_paths(obj, full, mini)
    return noise_answer(int(mini.diverged_at) >= 0, m.spread_full, m.spread_mini)


def test_noise_answers_from_runs():
    assert _noise(2) == "jitter"
    assert _noise(200) == "same"          # the whole data set: the same gradient
    assert _noise(2, noise=0.0) == "same"  # exact data: every batch's gradient vanishes at the fit


def test_noise_edge_cases():
    assert noise_answer(True, 0.1, 0.1) == "diverge"
    assert noise_answer(False, 0.1, math.nan) == "diverge"
    assert noise_answer(False, 0.1, 0.19) == "same"
    assert noise_answer(False, 0.1, 0.21) == "jitter"


def _warmup(share: float) -> str:
    w = sl.warmup_study(share)
    return warmup_answer(w.run("constant").diverged_at >= 0,
                         w.run("warmup_cosine").diverged_at >= 0)


def test_warmup_answers_from_runs():
    assert _warmup(0.95) == "warm"
    assert _warmup(0.2) == "none"         # peak ≈ 0.043, below the start's limit 0.048
    # Even at 1.5 times the bottom's limit the warm-up run settles (its cosine decays the
    # rate below the limit before the jumps grow), so "all" is checked by the table below.
    assert _warmup(1.5) == "warm"


@pytest.mark.parametrize(("const", "warm", "want"), [(True, True, "all"), (True, False, "warm"),
                                                     (False, False, "none"),
                                                     (False, True, "all")])
def test_warmup_table(const, warm, want):
    assert warmup_answer(const, warm) == want


@pytest.mark.parametrize("kappa", [10.0, 100.0, 1000.0])
def test_momentum_speed_up_is_about_sqrt_kappa_in_runs(kappa):
    s = cond.rate_study(kappa)
    assert momentum_answer(s.gd_reached, s.hb_reached, kappa) == "sqrt", (
        s.gd_reached, s.hb_reached)


@pytest.mark.parametrize(("gd", "hb", "want"), [(100, 95, "same"), (100, 10, "sqrt"),
                                                (1000, 11, "kappa"), (1000, 1000, "same"),
                                                (100, 200, "same")])
def test_momentum_answer_table(gd, hb, want):
    assert momentum_answer(gd, hb, 100.0) == want


def test_momentum_answer_needs_both_runs_to_arrive():
    with pytest.raises(ValueError):
        momentum_answer(100, -1, 100.0)
