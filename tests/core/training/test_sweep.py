"""core.training.sweep: one batched call equals separate runs, and the tuning rule picks the best
stable rate (lowest area under the log-gap curve, never above its start)."""

import numpy as np
import pytest

from core.optimizers import OPTIMIZER_NAMES, make
from core.problems.surfaces import get_surface
from core.training.run import run
from core.training.sweep import CHECKPOINTS, lr_grid, sweep_lr, tuning_score


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_sweep_equals_separate_runs_and_follows_the_rule(name):
    surface = get_surface("rosenbrock")
    lrs = lr_grid(1e-4, 1.0, 9)
    sw = sweep_lr(name, {}, surface, surface.start, 200, lrs, grad_noise=0.5, seed=1)
    for i, lr in enumerate(lrs):
        one = run(make(name, lr=lr), surface, surface.start, 200, grad_noise=0.5, seed=1)
        assert one.diverged_at == sw.diverged_at[i]
        np.testing.assert_allclose(one.losses[-1], sw.final_loss[i], rtol=1e-12)
        gap = one.losses - 0.0
        stable = one.diverged_at < 0 and np.all(gap <= gap[0] + 1e-12 * max(1, gap[0]))
        assert stable == sw.stable[i], (lr, gap.max(), gap[0])
        score = np.mean(np.log10(np.maximum(gap, 1e-12 * max(1.0, gap[0]))))
        np.testing.assert_allclose(score, sw.score[i], rtol=1e-12)
    assert sw.stable[sw.best] and sw.score[sw.best] == sw.score[sw.stable].min()
    assert np.all(np.isfinite(sw.final_loss))


def test_an_unstable_rate_with_the_lowest_final_loss_is_not_chosen():
    """A run that rises above its start and falls back may end lowest; it is refused."""
    losses = np.array([[10.0, 10.0], [5.0, 30.0], [2.0, 0.5], [1.0, 0.1]])
    score, stable = tuning_score(losses, np.array([-1, -1]), 0.0)
    assert stable.tolist() == [True, False]
    bowl = get_surface("rosenbrock")
    sw = sweep_lr("rmsprop", {}, bowl, bowl.start, 300, lr_grid(1e-3, 3.0, 13))
    lowest = int(np.argmin(np.where(sw.diverged_at < 0, sw.final_loss, np.inf)))
    assert sw.stable[sw.best]
    if not sw.stable[lowest]:
        assert sw.best != lowest


def test_area_under_the_log_curve_prefers_the_early_descent():
    fast = np.array([1.0, 1e-3, 1e-4, 1e-4])
    late = np.array([1.0, 0.9, 0.5, 1e-5])
    score, stable = tuning_score(np.stack([fast, late], axis=1), np.array([-1, -1]), 0.0)
    assert stable.all() and score[0] < score[1]


def test_best_at_the_grid_edge_is_flagged():
    bowl = get_surface("bowl", kappa=4)
    low = sweep_lr("sgd", {}, bowl, bowl.start, 100, lr_grid(1e-4, 1e-2, 5))
    mid = sweep_lr("sgd", {}, bowl, bowl.start, 100, lr_grid(1e-3, 2.0, 15))
    assert low.best == 4 and low.at_edge
    assert 0 < mid.best < 14 and not mid.at_edge, mid.best


def test_seeds_average_the_scores_and_need_stability_on_each():
    surface = get_surface("bowl", kappa=10)
    lrs = lr_grid(1e-3, 0.3, 7)
    both = sweep_lr("sgd", {}, surface, surface.start, 80, lrs, grad_noise=1.0, seeds=(0, 1))
    one = [sweep_lr("sgd", {}, surface, surface.start, 80, lrs, grad_noise=1.0, seed=s)
           for s in (0, 1)]
    np.testing.assert_allclose(both.score, (one[0].score + one[1].score) / 2, rtol=1e-12)
    assert (both.stable == (one[0].stable & one[1].stable)).all()
    np.testing.assert_allclose(both.final_loss, one[0].final_loss)


def test_other_hyperparameters_are_kept():
    bowl = get_surface("bowl", kappa=10)
    sw = sweep_lr("sgd", {"momentum": 0.9, "lr": 123.0}, bowl, bowl.start, 50, [0.01, 0.02])
    one = run(make("sgd", lr=0.02, momentum=0.9), bowl, bowl.start, 50)
    np.testing.assert_allclose(sw.trajectory.points[:, 1], one.points, rtol=1e-13)


def test_all_diverged_has_no_best():
    bowl = get_surface("bowl", kappa=10)
    sw = sweep_lr("sgd", {}, bowl, bowl.start, 100, [5.0, 10.0])
    assert sw.best == -1 and sw.best_lr is None and np.all(sw.diverged_at > 0)


def test_final_loss_hook_replaces_tracking():
    bowl = get_surface("bowl", kappa=4)
    sw = sweep_lr("adam", {}, bowl, bowl.start, 100, [0.01, 0.1], final_loss=bowl.f)
    assert sw.trajectory.losses is None
    np.testing.assert_allclose(sw.final_loss, bowl.f(sw.trajectory.points[-1]))
    idx = np.unique(np.linspace(0, 100, CHECKPOINTS).round().astype(int))
    score, _ = tuning_score(bowl.f(sw.trajectory.points[idx]), sw.diverged_at, 0.0)
    np.testing.assert_allclose(sw.score, score, rtol=1e-12)


@pytest.mark.parametrize("args", [(0.0, 1.0, 5), (1.0, 0.1, 5), (1e-3, 1.0, 1)])
def test_bad_grids_raise(args):
    with pytest.raises(ValueError):
        lr_grid(*args)


def test_keep_adds_a_condition_on_every_seed():
    surface = get_surface("bowl", kappa=10)
    lrs = lr_grid(1e-3, 0.3, 7)
    plain = sweep_lr("sgd", {}, surface, surface.start, 60, lrs, grad_noise=0.5, seeds=(0, 1))
    high = lrs > 0.05
    kept = sweep_lr("sgd", {}, surface, surface.start, 60, lrs, grad_noise=0.5, seeds=(0, 1),
                    keep=lambda tr: ~high)
    assert (kept.stable == (plain.stable & ~high)).all()
    assert kept.best_lr is None or kept.best_lr <= 0.05
