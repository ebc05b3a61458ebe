"""core.sweep: one batched call equals separate runs, and the best rate is the best."""

import numpy as np
import pytest

from core.optimizers import OPTIMIZER_NAMES, make
from core.run import run
from core.surfaces import get_surface
from core.sweep import lr_grid, sweep_lr


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_sweep_equals_separate_runs_and_picks_the_lowest(name):
    surface = get_surface("rosenbrock")
    lrs = lr_grid(1e-4, 1.0, 9)
    sw = sweep_lr(name, {}, surface, surface.start, 200, lrs, grad_noise=0.5, seed=1)
    for i, lr in enumerate(lrs):
        one = run(make(name, lr=lr), surface, surface.start, 200, grad_noise=0.5, seed=1)
        assert one.diverged_at == sw.diverged_at[i]
        np.testing.assert_allclose(one.losses[-1], sw.final_loss[i], rtol=1e-12)
    sane = sw.diverged_at < 0
    assert sane[sw.best] and sw.final_loss[sw.best] == sw.final_loss[sane].min()
    assert np.all(np.isfinite(sw.final_loss))


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


@pytest.mark.parametrize("args", [(0.0, 1.0, 5), (1.0, 0.1, 5), (1e-3, 1.0, 1)])
def test_bad_grids_raise(args):
    with pytest.raises(ValueError):
        lr_grid(*args)
