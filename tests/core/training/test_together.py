"""run_together keeps, at the requested steps, exactly what run() would have produced."""

import numpy as np
import pytest

from core.experiments.seed_stack import stable_curve, stack
from core.experiments.sparse_race import problem
from core.optimizers import make
from core.problems.sparse import loss
from core.problems.sparse_rows import distinct_rows, rows_loss
from core.problems.surfaces import get_surface
from core.training.run import gradient_noise, run
from core.training.together import run_together


def test_points_and_divergence_match_separate_runs_on_a_surface():
    s = get_surface("rosenbrock")
    lr = np.logspace(-4, 0, 9).reshape(-1, 1)           # the top rates diverge
    opts = [make("sgd", lr=lr), make("adam", lr=lr), make("rmsprop", lr=lr)]
    at = [0, 10, 50, 200]
    tog = run_together(opts, s, np.array(s.start), 200, at)
    assert (tog.diverged_at >= 0).any() and (tog.diverged_at < 0).any()
    for r, opt in enumerate(opts):
        tr = run(opt, s, np.array(s.start), 200, track_loss=False)
        np.testing.assert_array_equal(tog.diverged_at[r], tr.diverged_at)
        np.testing.assert_array_equal(tog.points[:, r], tr.points[at])


def test_gradient_noise_on_a_seed_axis_matches_run_seed_by_seed():
    s = get_surface("bowl", kappa=10.0)
    lr = np.logspace(-3, 0.5, 6).reshape(-1, 1)          # the top rate diverges
    seeds, at = (3, 4, 5), [0, 1, 37, 120]
    noise = np.stack([gradient_noise(2.0, k, 120, 2) for k in seeds], axis=1)[:, :, None]
    opts = [make("sgd", lr=lr), make("sgd", lr=lr, momentum=0.9)]
    tog = run_together(opts, s, np.broadcast_to(s.start, (3, 1, 2)), 120, at, noise)
    assert (tog.diverged_at >= 0).any() and (tog.diverged_at < 0).any()
    for r, opt in enumerate(opts):
        for i, k in enumerate(seeds):
            tr = run(opt, s, np.array(s.start), 120, grad_noise=2.0, seed=k)
            np.testing.assert_array_equal(tog.diverged_at[r, i], tr.diverged_at)
            np.testing.assert_array_equal(tog.points[:, r, i], tr.points[at])


def test_stacked_sparse_runs_match_run_on_each_problem():
    pbs = [problem(1.0, 16, s, 40, F=30, N=400) for s in (0, 1)]
    st = stack(pbs, 16)
    lr = np.logspace(-2, 2, 5).reshape(1, -1, 1)
    tog = run_together([make("adam", lr=lr)], st, np.zeros((2, 1, 30)), 40, [0, 20, 40])
    for p, pb in enumerate(pbs):
        tr = run(make("adam", lr=lr[0]), pb.objective, np.zeros(30), 40, track_loss=False)
        np.testing.assert_array_equal(tog.points[:, 0, p], tr.points[[0, 20, 40]])


def test_stable_curve_skips_only_unstable_rates():
    pbs = [problem(1.5, 16, 0, 60, F=30, N=400)]
    st = stack(pbs, 16)
    lr = np.logspace(-3, 2, 8).reshape(1, -1, 1)
    at = np.arange(0, 61, 10)
    tog = run_together([make("sgd", lr=lr)], st, np.zeros((1, 1, 30)), 60, at)
    curve, stable = stable_curve(st, tog.points, tog.diverged_at)
    full = st.f(tog.points)                                   # every checkpoint, every rate
    gap = full - st.L_hat[:, None]
    expect = (tog.diverged_at < 0) & np.all(gap <= gap[0] * (1 + 1e-12) + 1e-12, axis=0)
    np.testing.assert_array_equal(stable, expect)
    assert not stable.all() and stable.any()
    np.testing.assert_allclose(curve[:, stable], full[:, stable], rtol=1e-13)


def test_distinct_rows_give_the_same_loss():
    pb = problem(2.0, 16, 3, 10, F=40, N=500)
    data = pb.objective.data
    rows = distinct_rows(data.X, data.y)
    assert len(rows.X) < len(data.X) and rows.weight.sum() == pytest.approx(1.0)
    w = np.random.default_rng(1).standard_normal((7, 40))
    np.testing.assert_allclose(rows_loss(w, rows), loss(w, data.X, data.y), rtol=1e-13)


def test_bad_requests_are_refused():
    s = get_surface("bowl")
    with pytest.raises(ValueError):
        run_together([make("sgd", lr=0.1)], s, np.array(s.start), 10, [11])
    with pytest.raises(ValueError):
        run_together([make("sgd", lr=0.1), make("sgd", lr=np.ones((3, 1)))], s,
                     np.array(s.start), 10, [10])
