"""core.training.run: the loop, gradient noise, batching and divergence."""

import math

import numpy as np
import pytest

from core.optimizers import OPTIMIZER_NAMES, make
from core.training.run import DEFAULT_BOUND, run


class Bowl:
    """f = ½ Σ c_i x_i², ∇f = c ⊙ x."""

    def __init__(self, c=(1.0, 1.0), bound=None):
        self.c = np.asarray(c, dtype=float)
        if bound is not None:
            self.bound = bound

    def f(self, x):
        return 0.5 * np.sum(self.c * x * x, axis=-1)

    def grad(self, x):
        return self.c * x


class Quartic:
    """f = Σ x⁴: its gradient overflows to inf long before x does."""

    bound = 1e300

    def f(self, x):
        return np.sum(x**4, axis=-1)

    def grad(self, x):
        return 4 * x**3


def test_shapes_and_the_step_identity():
    tr = run(make("adam", lr=0.1), Bowl(), [1.0, -2.0], 25)
    assert tr.points.shape == (26, 2) and tr.losses.shape == (26,)
    assert tr.gradients.shape == (25, 2) and tr.updates.shape == (25, 2)
    np.testing.assert_allclose(tr.points[1:], tr.points[:-1] + tr.updates, rtol=0, atol=0)
    np.testing.assert_allclose(tr.gradients, tr.points[:-1])            # ∇f = x here
    np.testing.assert_allclose(tr.losses, 0.5 * np.sum(tr.points**2, -1))
    assert tr.diverged_at == -1 and tr.valid.all()


def test_gd_step_is_x_minus_lr_times_gradient():
    tr = run(make("sgd", lr=0.3), Bowl((2.0, 0.5)), [1.0, 1.0], 3)
    expected = [[1.0, 1.0], [0.4, 0.85], [0.16, 0.7225], [0.064, 0.614125]]   # x·(1 − 0.3c)^k
    np.testing.assert_allclose(tr.points, expected, rtol=1e-14)


@pytest.mark.parametrize("bound", [50.0, None])
def test_divergence_is_reported_at_the_right_step(bound):
    # SGD with lr = 10 on ½x²: x_k = (1 − 10)^k, so |x_k| = 9^k first exceeds the bound at
    # k = ⌊log_9(bound)⌋ + 1.
    limit = bound if bound is not None else DEFAULT_BOUND
    k = math.floor(math.log(limit, 9)) + 1
    tr = run(make("sgd", lr=10.0), Bowl(bound=bound), [1.0, 1.0], 40)
    assert tr.diverged_at == k, f"diverged at {tr.diverged_at}, expected {k}"
    assert np.abs(tr.points[k - 1]).max() <= limit < np.abs(9.0**k)
    _assert_all_finite(tr)
    assert np.all(tr.points[k:] == tr.points[k - 1]), "points freeze at the last sane one"
    assert np.all(tr.updates[k - 1:] == 0) and np.all(tr.gradients[k - 1:] == 0)
    assert tr.valid.sum() == k


def test_overflow_to_inf_and_nan_is_cut_cleanly():
    tr = run(make("sgd", lr=1.0, momentum=0.9), Quartic(), [3.0, -2.0], 200, record_states=True)
    assert tr.diverged_at > 0
    _assert_all_finite(tr)
    assert all(np.all(np.isfinite(f)) for f in tr.states)


def test_a_batch_diverges_per_trajectory():
    lrs = np.array([[0.1], [1.5], [2.5], [10.0]])    # ½x² is stable for lr < 2
    tr = run(make("sgd", lr=lrs), Bowl(bound=100.0), [1.0, -1.0], 30)
    assert tr.points.shape == (31, 4, 2)
    assert list(tr.diverged_at[:2]) == [-1, -1]
    assert 0 < tr.diverged_at[3] < tr.diverged_at[2]
    _assert_all_finite(tr)
    np.testing.assert_array_equal(tr.valid.sum(0), [31, 31, tr.diverged_at[2], tr.diverged_at[3]])


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_a_swept_batch_equals_separate_runs_with_noise(name):
    lrs = np.array([0.01, 0.05, 0.2])
    swept = run(make(name, lr=lrs[:, None]), Bowl((1.0, 4.0)), [1.0, 2.0], 50,
                grad_noise=0.3, seed=7)
    for b, lr in enumerate(lrs):
        one = run(make(name, lr=lr), Bowl((1.0, 4.0)), [1.0, 2.0], 50, grad_noise=0.3, seed=7)
        np.testing.assert_allclose(swept.points[:, b], one.points, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(swept.losses[:, b], one.losses, rtol=1e-13, atol=1e-15)


def test_noise_is_seeded_and_has_the_requested_size():
    opt, bowl = make("sgd", lr=0.05), Bowl()
    a = run(opt, bowl, [1.0, 1.0], 2000, grad_noise=0.5, seed=3)
    b = run(opt, bowl, [1.0, 1.0], 2000, grad_noise=0.5, seed=3)
    c = run(opt, bowl, [1.0, 1.0], 2000, grad_noise=0.5, seed=4)
    np.testing.assert_array_equal(a.points, b.points)
    assert not np.allclose(a.points, c.points)
    noise = a.gradients - a.points[:-1]                  # the true gradient is x
    assert abs(noise.std() - 0.5) < 0.02 and abs(noise.mean()) < 0.02, noise.std()


def test_states_are_recorded_per_step():
    tr = run(make("adam", lr=0.1), Bowl(), [1.0, -2.0], 10, record_states=True)
    assert tr.states.m.shape == (10, 2) and list(tr.states.t) == list(range(1, 11))
    g1 = tr.gradients[0]
    np.testing.assert_allclose(tr.states.m[0], 0.1 * g1)
    np.testing.assert_allclose(tr.states.v[0], 0.001 * g1 * g1)


def test_zero_steps_returns_the_start():
    tr = run(make("sgd"), Bowl(), [0.5, 0.5], 0)
    assert tr.points.shape == (1, 2) and tr.updates.shape == (0, 2)


@pytest.mark.parametrize("kwargs", [
    {"steps": -1}, {"steps": 10**9}, {"steps": 2.5}, {"steps": True},
    {"grad_noise": -0.1}, {"grad_noise": float("nan")}, {"x0": [float("nan"), 0.0]},
    {"x0": 1.0},
])
def test_bad_arguments_raise_a_readable_error(kwargs):
    args = {"steps": 5, "x0": [1.0, 1.0], **kwargs}
    with pytest.raises(ValueError):
        run(make("sgd"), Bowl(), args.pop("x0"), args.pop("steps"), **args)


def _assert_all_finite(tr):
    for name in ("points", "losses", "gradients", "updates"):
        assert np.all(np.isfinite(getattr(tr, name))), f"{name} holds NaN or inf"


class MiniBatches(Bowl):
    """Step k sees the k-th fixed 'batch': the gradient scaled by a known factor."""

    scale = np.array([1.0, 0.0, 2.0, 0.5])

    def batch_grad(self, x, k):
        return self.scale[k % 4] * self.c * x


def test_batch_grad_feeds_step_k_its_own_batch():
    tr = run(make("sgd", lr=0.1), MiniBatches(), [1.0, 2.0], 6)
    for k in range(6):
        np.testing.assert_allclose(tr.gradients[k], MiniBatches.scale[k % 4] * tr.points[k])


def test_track_loss_off_still_cuts_divergence():
    tr = run(make("sgd", lr=10.0), Bowl(bound=50.0), [1.0, 1.0], 20, track_loss=False)
    assert tr.losses is None and tr.diverged_at == 2
    assert np.all(np.isfinite(tr.points))


def test_states_of_a_grouped_optimizer_are_recorded_group_by_group():
    """A state made of states (Muon on the network's W1, AdamW on the rest) stacks field
    by field: step k's recorded state equals the one a manual loop holds after step k."""
    from core.optimizers.groups import mlp_muon
    from core.problems.mlp import make_mlp_problem
    problem = make_mlp_problem(hidden=4)
    opt = mlp_muon(problem.hidden)
    tr = run(opt, problem, problem.theta0, 6, record_states=True)
    x, state = problem.theta0.copy(), opt.init(problem.theta0)
    for k in range(6):
        u, state = opt.update(problem.grad(x), state, x)
        x = x + u
        for group in state._fields:
            for field in getattr(state, group)._fields:
                want = np.asarray(getattr(getattr(state, group), field))
                got = getattr(getattr(tr.states, group), field)[k]
                np.testing.assert_array_equal(got, want, err_msg=f"{group}.{field}")


def test_a_grouped_run_that_blows_up_freezes_its_matrix_state():
    from core.optimizers.groups import mlp_muon
    from core.problems.mlp import make_mlp_problem
    problem = make_mlp_problem(hidden=4)
    opt = mlp_muon(problem.hidden, muon={"lr": 1e5}, rest_hparams={"lr": 1e5})
    tr = run(opt, problem, problem.theta0, 30, record_states=True)
    assert tr.diverged_at >= 0
    k = int(tr.diverged_at)
    assert np.all(tr.states.W1.B[k - 1:] == 0.0)
    assert np.all(np.isfinite(tr.states.W1.B))
