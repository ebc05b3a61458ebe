"""core.problems.regression: seeded data, the chain-rule gradient and unbiased mini-batches."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.optimizers import make
from core.problems.regression import (
    N_POINTS,
    Regression,
    batch_indices,
    chain_rule,
    compare_paths,
    gradient,
    loss,
    make_data,
    mini_batches,
)
from core.training.run import run
from core.training.sweep import sweep_lr

DATA = make_data(seed=7, noise=1.0)
POINTS = st.tuples(st.floats(-2, 6), st.floats(-5, 3))


def test_seed_reproduces_and_noise_rescales_the_same_scatter():
    again = make_data(seed=7, noise=1.0)
    np.testing.assert_array_equal(DATA.x, again.x)
    np.testing.assert_array_equal(DATA.y, again.y)
    assert not np.array_equal(DATA.x, make_data(seed=8, noise=1.0).x)
    clean, loud = make_data(seed=7, noise=0.0), make_data(seed=7, noise=3.0)
    line = DATA.w_true * DATA.x + DATA.b_true
    np.testing.assert_allclose(clean.y, line, rtol=1e-15)
    np.testing.assert_allclose(loud.y - line, 3.0 * (DATA.y - line), rtol=1e-12, atol=1e-12)
    assert len(DATA.x) == N_POINTS
    for bad in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            make_data(seed=0, noise=bad)


@settings(max_examples=50, deadline=None)
@given(p=POINTS)
def test_chain_rule_gradient_matches_central_differences(p):
    check = chain_rule(DATA, p)
    scale = 1.0 + np.abs(check.grad).max()
    assert np.abs(check.grad - check.numeric).max() < 1e-7 * scale, (
        f"at {p}: chain rule {check.grad}, numeric {check.numeric}")
    np.testing.assert_allclose(check.dl_dr, check.r / N_POINTS)
    np.testing.assert_allclose(check.terms[:, 0], check.dl_dr * DATA.x)
    np.testing.assert_allclose(check.terms[:, 1], check.dl_dr)
    np.testing.assert_allclose(check.grad, gradient(p, DATA.x, DATA.y), rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(check.gap, np.abs(check.grad - check.numeric))


def test_loss_and_gradient_broadcast_over_a_grid():
    w, b = np.meshgrid(np.linspace(-2, 6, 5), np.linspace(-5, 3, 4))
    grid = np.stack([w, b], axis=-1)
    obj = Regression(DATA)
    assert obj.f(grid).shape == (4, 5) and obj.grad(grid).shape == (4, 5, 2)
    for i, j in [(0, 0), (3, 4), (2, 1)]:
        assert obj.f(grid)[i, j] == pytest.approx(0.5 * np.mean((w[i, j] * DATA.x + b[i, j]
                                                                  - DATA.y) ** 2), rel=1e-14)
        np.testing.assert_allclose(obj.grad(grid)[i, j], obj.grad(grid[i, j]), rtol=1e-14)


def test_least_squares_is_where_the_gradient_vanishes():
    obj = Regression(DATA)
    best = obj.least_squares()
    g = obj.grad(best)
    assert np.abs(g).max() < 1e-12, f"∇L at the least-squares fit {best}: {g}"
    assert abs(best[0] - DATA.w_true) < 0.5 and abs(best[1] - DATA.b_true) < 0.5, best


@pytest.mark.parametrize("margin", [0.02, -0.02])
def test_full_batch_limit_is_two_over_the_largest_curvature(margin):
    obj = Regression(DATA)
    limit = 2.0 / obj.curvatures()[-1]
    tr = run(make("sgd", lr=limit * (1 - margin)), obj, obj.start, 2000)
    if margin > 0:
        dist = np.abs(tr.points[-1] - obj.least_squares()).max()
        assert tr.diverged_at == -1 and dist < 1e-6, f"η = {limit * (1 - margin)}: off by {dist}"
    else:
        assert tr.diverged_at > 0, f"η = {limit * (1 - margin)} > {limit} did not diverge"


@pytest.mark.parametrize("batch", [1, 8, 40, 200])
def test_mini_batch_gradients_average_to_the_full_gradient_over_an_epoch(batch):
    per_epoch = N_POINTS // batch
    obj = mini_batches(DATA, batch, steps=3 * per_epoch, seed=3)
    p = np.array([0.3, 1.7])
    full = obj.grad(p)
    for epoch in range(3):
        ks = range(epoch * per_epoch, (epoch + 1) * per_epoch)
        mean = np.mean([obj.batch_grad(p, k) for k in ks], axis=0)
        np.testing.assert_allclose(mean, full, rtol=1e-12, atol=1e-14,
                                   err_msg=f"B={batch}, epoch {epoch}")
        assert sorted(obj.indices[ks.start:ks.stop].ravel()) == list(range(N_POINTS))
    single = np.array([obj.batch_grad(p, k) for k in range(per_epoch)])
    if batch < N_POINTS:
        assert np.ptp(single, axis=0).max() > 0, "different batches give different gradients"


def test_batches_that_do_not_divide_n_are_unbiased_over_b_epochs():
    batch = 7                                 # 200 = 28·7 + 4: batches straddle epochs
    obj = mini_batches(DATA, batch, steps=N_POINTS, seed=11)
    p = np.array([-1.0, 2.0])
    assert obj.indices.shape == (N_POINTS, batch)
    mean = np.mean([obj.batch_grad(p, k) for k in range(N_POINTS)], axis=0)
    np.testing.assert_allclose(mean, obj.grad(p), rtol=1e-12)
    counts = np.bincount(obj.indices.ravel(), minlength=N_POINTS)
    assert np.all(counts == batch), counts


def test_batch_seed_reproduces_and_the_whole_batch_equals_full_descent():
    a = batch_indices(N_POINTS, 10, 50, seed=5)
    np.testing.assert_array_equal(a, batch_indices(N_POINTS, 10, 50, seed=5))
    assert not np.array_equal(a, batch_indices(N_POINTS, 10, 50, seed=6))
    gd = run(make("sgd", lr=0.3), Regression(DATA), (-1.0, 2.0), 60)
    whole = run(make("sgd", lr=0.3), mini_batches(DATA, N_POINTS, 60, seed=5), (-1.0, 2.0), 60)
    np.testing.assert_allclose(whole.points, gd.points, rtol=1e-12, atol=1e-12)
    for bad in (0, N_POINTS + 1):
        with pytest.raises(ValueError):
            batch_indices(N_POINTS, bad, 10, seed=0)


def test_sgd_path_jitters_around_the_full_batch_path():
    """Batch 1 ends farther from the fit than batch n, and the paths agree more as B grows."""
    obj = Regression(DATA)
    best = obj.least_squares()
    spread = {}
    for batch in (1, 20, N_POINTS):
        tr = run(make("sgd", lr=0.2), mini_batches(DATA, batch, 400, seed=1), obj.start, 400)
        tail = tr.points[-100:]
        spread[batch] = float(np.mean(np.linalg.norm(tail - best, axis=-1)))
    assert spread[1] > spread[20] > spread[N_POINTS], spread


def test_mini_batches_work_in_a_batched_sweep():
    obj = mini_batches(DATA, 10, 30, seed=2)
    sw = sweep_lr("sgd", {}, obj, obj.start, 30, lrs=[0.01, 0.1, 0.5])
    one = run(make("sgd", lr=0.1), obj, obj.start, 30)
    np.testing.assert_allclose(sw.trajectory.points[:, 1], one.points, rtol=1e-12)


def test_loss_of_a_perfect_fit_is_zero():
    clean = make_data(seed=1, noise=0.0)
    p = np.array([clean.w_true, clean.b_true])
    assert loss(p, clean.x, clean.y) == pytest.approx(0.0, abs=1e-28)
    assert np.abs(gradient(p, clean.x, clean.y)).max() < 1e-14


def test_minimum_marker_is_the_least_squares_fit():
    obj = Regression(DATA)
    (m,) = obj.minima
    np.testing.assert_allclose(m.point, obj.least_squares(), rtol=1e-14)
    assert m.value == pytest.approx(float(obj.f(obj.least_squares())), rel=1e-14)
    grid = obj.f(np.stack(np.meshgrid(np.linspace(-2, 6, 41), np.linspace(-5, 3, 41)), -1))
    assert grid.min() >= m.value, f"grid minimum {grid.min()} below the fit's {m.value}"


def test_comparison_measures_the_batch_noise():
    obj = Regression(DATA)
    full = run(make("sgd", lr=0.3), obj, obj.start, 200)
    same = compare_paths(obj, full, run(make("sgd", lr=0.3), mini_batches(DATA, N_POINTS, 200, 0),
                                        obj.start, 200))
    assert same.cos_early == pytest.approx(1.0) and same.cos_late == pytest.approx(1.0)
    assert same.gap_mini == pytest.approx(same.gap_full, abs=1e-12)
    one = compare_paths(obj, full, run(make("sgd", lr=0.3), mini_batches(DATA, 1, 200, 0),
                                       obj.start, 200))
    assert one.cos_early < 0.9 and one.gap_mini > 100 * max(one.gap_full, 1e-12), one
    assert one.spread_mini > 10 * one.spread_full, one
