"""core.experiments.schedules_lesson: the presets have the shapes the page describes, a
decaying rate really lowers the mini-batch noise floor, and warm-up really avoids the
blow-up on the double well, with controls showing what makes each difference."""

import math

import numpy as np
import pytest

from core.experiments import schedules_lesson as sl
from core.optimizers import make
from core.problems.regression import Regression, make_data, mini_batches
from core.training.run import run

SEEDS, NOISE, BATCH, LR, STEPS = range(5), 1.0, 10, 0.3, 1000   # the page's defaults


@pytest.mark.parametrize("steps", [2, 10, 101, 1000, 3000])
def test_presets_have_the_described_shapes(steps):
    lr = 0.4
    rates = {n: sl.preset(n, steps).rates(lr, steps) for n in sl.PRESETS}
    assert np.all(rates["constant"] == lr)
    assert rates["exponential_lr"][-1] == pytest.approx(lr * sl.DECAY, rel=1e-9)
    s = math.ceil(steps / 4)
    assert rates["step_lr"][0] == lr
    if 3 * s < steps:
        assert rates["step_lr"][-1] == pytest.approx(lr * sl.DECAY, rel=1e-9)
    assert np.all(np.diff(rates["cosine_annealing_lr"]) <= 1e-15)
    w = sl.warmup_steps(steps)
    assert 1 <= w < steps
    warm = rates["warmup_cosine"]
    assert warm[0] == pytest.approx(lr / 3) and warm[w] == pytest.approx(lr)
    assert warm.max() == pytest.approx(lr)
    for n in sl.PRESETS:
        assert rates[n].shape == (steps,) and np.all(rates[n] >= 0)


def test_unknown_preset_and_short_runs_are_refused():
    with pytest.raises(ValueError, match="unknown preset"):
        sl.preset("cyclic", 100)
    with pytest.raises(ValueError, match="at least 2"):
        sl.preset("cosine_annealing_lr", 1)


def test_the_constant_preset_is_the_plain_run_and_batches_are_shared():
    obj = Regression(make_data(3, NOISE))
    plain = run(make("sgd", lr=LR), mini_batches(obj.data, BATCH, 200, 3), obj.start, 200)
    runs = sl.line_runs(3, NOISE, BATCH, LR, 200)
    np.testing.assert_array_equal(runs["constant"].points, plain.points)
    # common random numbers: every schedule's first gradient is batch 0's at the start
    first = {n: tr.gradients[0] for n, tr in runs.items()}
    for g in first.values():
        np.testing.assert_array_equal(g, first["constant"])


def test_every_decay_lowers_the_floor_and_the_jitter():
    s = sl.settle(SEEDS, NOISE, BATCH, LR, STEPS)
    assert not any(s.diverged)
    for n in sl.DECAYS + ("warmup_cosine",):
        assert s.floor(n) < s.floor("constant") / 10, (n, s.floor(n), s.floor("constant"))
        assert s.jitter(n) < s.jitter("constant") / 10, (n, s.jitter(n), s.jitter("constant"))


def test_without_noise_there_is_no_floor_to_lower():
    """Control: at σ = 0 every batch's slope vanishes at the fit, so the fixed rate settles
    as well as any decay: the noise is what the decay removes."""
    s = sl.settle(SEEDS, 0.0, BATCH, LR, STEPS)
    assert s.floor("constant") < 1e-12, s.floors
    assert s.floor("constant") <= 1e-3 * sl.settle(SEEDS, NOISE, BATCH, LR, STEPS).floor(
        "exponential_lr")


def test_a_diverged_schedule_has_no_floor():
    s = sl.settle(range(2), NOISE, BATCH, 1.5, 300, ("constant", "exponential_lr"))
    assert s.diverged[0] and math.isnan(s.floor("constant"))


def test_warm_up_avoids_the_blow_up_at_the_preset_peak():
    w = sl.warmup_study(0.95)
    assert w.start_limit < w.peak < w.bottom_limit, w[:6]
    assert w.run("constant").diverged_at >= 0
    assert w.run("cosine_annealing_lr").diverged_at >= 0
    warm = w.run("warmup_cosine")
    assert warm.diverged_at < 0 and warm.end == pytest.approx(w.bottom, abs=1e-9)
    assert warm.ratios[0] < w.run("constant").ratios[0]
    assert warm.ratios[1:].max() <= 0.95 + 1e-9, warm.ratios[1:].max()


def test_below_the_start_limit_there_is_nothing_to_avoid():
    """Control: a peak under the start's own limit leaves every schedule in its well."""
    w = sl.warmup_study(0.2)
    assert w.peak < w.start_limit
    for r in w.runs:
        assert r.diverged_at < 0 and r.end == pytest.approx(w.bottom, abs=1e-6), r.name


def test_with_constant_curvature_warm_up_only_delays_the_blow_up():
    """Control: on the line fit 2/λ_max is the limit everywhere; above it both diverge."""
    c = sl.line_control(0, NOISE, BATCH, STEPS)
    const, warm = c.diverged_at
    assert c.peak > c.limit and 0 <= const < warm, c
    assert c.above[0] == STEPS and c.above[1] > 0
