"""core.problems.mlp: hand-written backprop against finite differences, batching, training."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.optimizers import make
from core.problems.datasets import DATASET_NAMES
from core.problems.mlp import forward, loss_grad, make_mlp_problem, n_params, unpack
from core.training.run import run
from core.training.sweep import sweep_lr


def central_difference(f, theta, h=1e-6):
    eye = np.eye(theta.size)
    return np.array([(f(theta + h * e) - f(theta - h * e)) / (2 * h) for e in eye])


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), hidden=st.integers(1, 12), scale=st.floats(0.1, 3.0),
       name=st.sampled_from(DATASET_NAMES))
def test_backprop_matches_central_differences(seed, hidden, scale, name):
    problem = make_mlp_problem(name, n=40, hidden=hidden, seed=seed)
    rng = np.random.default_rng(seed)
    theta = scale * rng.standard_normal(n_params(hidden))
    g = problem.grad(theta)
    fd = central_difference(problem.f, theta)
    err = np.max(np.abs(g - fd))
    assert err < 1e-7 * (1 + np.max(np.abs(fd))), f"max |backprop − FD| = {err:.2e}"


def test_flat_layout_round_trips():
    theta = np.arange(n_params(3), dtype=float)
    W1, b1, w2, b2 = unpack(theta, 3)
    assert W1.shape == (2, 3) and b1.shape == w2.shape == (3,) and b2.shape == ()
    np.testing.assert_array_equal(np.concatenate([W1.ravel(), b1, w2, [b2]]), theta)


def test_leading_batch_axes_equal_one_at_a_time():
    problem = make_mlp_problem("spirals", n=60, hidden=5, seed=1)
    thetas = np.random.default_rng(0).standard_normal((3, 2, n_params(5)))
    f, g = problem.f(thetas), problem.grad(thetas)
    assert f.shape == (3, 2) and g.shape == thetas.shape
    for i in range(3):
        for j in range(2):
            np.testing.assert_allclose(f[i, j], problem.f(thetas[i, j]), rtol=1e-13)
            np.testing.assert_allclose(g[i, j], problem.grad(thetas[i, j]), rtol=1e-12,
                                       atol=1e-15)


def test_loss_stays_finite_for_huge_weights():
    problem = make_mlp_problem("moons", n=50, hidden=4, seed=0)
    theta = 1e6 * np.ones(n_params(4))
    assert np.isfinite(problem.f(theta)) and np.all(np.isfinite(problem.grad(theta)))


def test_zero_logits_give_log_two():
    problem = make_mlp_problem("circles", n=50, hidden=4, seed=0)
    theta = np.zeros(n_params(4))
    np.testing.assert_allclose(problem.f(theta), np.log(2.0), rtol=1e-15)
    _, z = forward(theta, problem.X, 4)
    assert np.all(z == 0)


def test_mini_batches_cover_each_epoch_once_and_repeat_with_the_seed():
    problem = make_mlp_problem("moons", n=100, hidden=4, seed=3, batch_size=25)
    epoch = np.concatenate([problem.batch(k) for k in range(4)])
    assert sorted(epoch) == list(range(100))
    assert not np.array_equal(problem.batch(0), problem.batch(4)), "epochs reshuffle"
    again = make_mlp_problem("moons", n=100, hidden=4, seed=3, batch_size=25)
    np.testing.assert_array_equal(problem.batch(5), again.batch(5))


def test_batch_grad_is_the_gradient_of_that_batch():
    problem = make_mlp_problem("moons", n=80, hidden=6, seed=2, batch_size=16)
    theta = problem.theta0
    idx = problem.batch(7)
    expected = loss_grad(theta, problem.X[idx], problem.y[idx], 6)
    np.testing.assert_allclose(problem.batch_grad(theta, 7), expected, rtol=1e-14)
    full = make_mlp_problem("moons", n=80, hidden=6, seed=2)
    np.testing.assert_array_equal(full.batch_grad(theta, 7), full.grad(theta))


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_adam_training_beats_chance(name):
    problem = make_mlp_problem(name, n=200, hidden=16, seed=0)
    tr = run(make("adam", lr=0.02), problem, problem.theta0, 400)
    acc0, acc = problem.accuracy(problem.theta0), problem.accuracy(tr.points[-1])
    assert tr.losses[-1] < 0.7 * tr.losses[0], f"loss {tr.losses[0]:.3f} → {tr.losses[-1]:.3f}"
    assert acc > max(0.8, acc0), f"{name}: accuracy {acc0:.2f} → {acc:.2f}"


def test_learning_rate_sweep_trains_many_networks_in_one_call():
    problem = make_mlp_problem("moons", n=80, hidden=8, seed=0)
    lrs = np.array([0.01, 0.1, 1.0])
    sw = sweep_lr("sgd", {"momentum": 0.9}, problem, problem.theta0, 60, lrs,
                  final_loss=problem.f)
    for i, lr in enumerate(lrs):
        one = run(make("sgd", lr=lr, momentum=0.9), problem, problem.theta0, 60)
        np.testing.assert_allclose(sw.final_loss[i], one.losses[-1], rtol=1e-10)


@pytest.mark.parametrize("kwargs", [
    {"hidden": 0}, {"hidden": 65}, {"hidden": 2.5}, {"batch_size": 0}, {"dataset": "xor"},
])
def test_bad_settings_raise_value_error(kwargs):
    with pytest.raises(ValueError):
        make_mlp_problem(**kwargs)
