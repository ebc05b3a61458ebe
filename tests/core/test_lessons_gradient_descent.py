"""The Gradient Descent lesson's decisions, each fed runs where each of its answers is
right (real runs of the page's experiments at other settings, plus edge cases)."""

import math

import pytest

from core.experiments import conditioning as cond
from core.experiments import schedules_lesson as sl
from core.experiments.descent import descend, verdict
from core.lessons.gradient_descent import (
    momentum_answer,
    momentum_step,
    noise_answer,
    noise_step,
    overshoot_answer,
    overshoot_step,
    steep_answer,
    steep_step,
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
    return warmup_answer(*(w.run(n).diverged_at >= 0
                           for n in ("constant", "cosine_annealing_lr", "warmup_cosine")))


def test_warmup_answers_from_runs():
    assert _warmup(0.95) == "warm"        # fixed η and cosine blow up, warm-up settles
    assert _warmup(0.2) == "none"         # peak ≈ 0.043, below the start's limit 0.048
    # At 1.5 times the bottom's limit the warm-up run still settles (its cosine decays the
    # rate below the limit before the jumps grow); at 1.6 times it blows up as well.
    assert _warmup(1.5) == "warm"
    assert _warmup(1.6) == "all"


@pytest.mark.parametrize(("const", "cos", "warm", "want"), [
    (True, True, True, "all"), (True, True, False, "warm"), (False, False, False, "none"),
    (True, False, False, "mixed"), (False, True, False, "mixed"), (False, False, True, "mixed"),
    (True, False, True, "mixed"), (False, True, True, "mixed")])
def test_warmup_table(const, cos, warm, want):
    """"warm" needs the fixed η AND the cosine to blow up while the warm-up settles."""
    assert warmup_answer(const, cos, warm) == want


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


def test_overshoot_step_quotes_limit_and_factor():
    n = overshoot_step(1.0, 1.5, False, 0.01, 7)
    assert (n.limit, n.r, n.ratio, n.flips, n.answer) == (2.0, -0.5, 0.01, 7, "zigzag")
    assert overshoot_step(2.0, 0.25, False, 0.1, 0).limit == 1.0


def test_steep_step_reads_the_last_valid_step():
    tr = run(make("sgd", lr=0.3), get_surface("bowl", kappa=7.0), (-4.5, 2.0), 100)
    n = steep_step(7.0, 0.3, tr.points, tr.losses, tr.valid, int(tr.diverged_at))
    last = max(k for k, ok in enumerate(tr.valid) if ok)
    assert n.k == int(tr.diverged_at) >= 0 and n.k_last == last
    assert (n.x, n.y) == (float(tr.points[last, 0]), float(tr.points[last, 1]))
    assert n.loss_end == float(tr.losses[last]) and n.loss_start == float(tr.losses[0])
    assert math.isclose(n.rx, 0.7) and math.isclose(n.ry, 1 - 0.3 * 7)
    assert math.isclose(n.limit_y, 2 / 7) and n.limit_x == 2.0 and n.answer == "diverge"
    # a made-up path: the last valid step is index 1, its loss below the first
    pts = [[1.0, 1.0], [0.5, 0.2], [math.nan, math.nan]]
    n = steep_step(4.0, 0.1, pts, [2.0, 0.3, math.nan], [True, True, False], -1)
    assert (n.k_last, n.x, n.y, n.answer) == (1, 0.5, 0.2, "settle")
    with pytest.raises(ValueError):
        steep_step(4.0, 0.1, pts, [1.0, 1.0, 1.0], [False, False, False], 0)


def test_noise_step_ratio():
    n = noise_step(False, 0.1, 0.5)
    assert math.isclose(n.times, 5.0) and n.answer == "jitter"
    assert noise_step(False, 0.0, 0.5).times == math.inf
    assert noise_step(False, 0.1, 0.15).answer == "same"


def test_momentum_step_ratio_and_sqrt_kappa():
    n = momentum_step(1000, 100, 100.0)
    assert (n.k_gd, n.k_hb, n.ratio, n.sqrtk, n.answer) == (1000, 100, 10.0, 10.0, "sqrt")
    assert momentum_step(1000, 11, 100.0).answer == "kappa"
