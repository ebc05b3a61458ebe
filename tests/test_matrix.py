"""core.matrix: each cell is the optimizer's best over the grid, columns are normalised
to their best cell, and a seed reproduces the whole matrix."""

import numpy as np
import pytest

from core.matrix import ROWS, SCENARIOS, Matrix, benchmark, scenario, scores
from core.race import run_racer
from core.sweep import lr_grid


@pytest.fixture(scope="module")
def matrix():
    return benchmark(0)


def test_every_cell_is_filled_and_finite(matrix):
    assert matrix.rows == ROWS and matrix.columns == SCENARIOS
    assert "mlp" in matrix.columns, "the tiny network of core.mlp is one of the scenarios"
    for name in ("final_loss", "ratio", "log_ratio"):
        value = getattr(matrix, name)
        assert value.shape == (len(ROWS), len(SCENARIOS)) and np.all(np.isfinite(value)), name


def test_columns_are_normalised_to_their_best_cell(matrix):
    r = matrix.ratio
    assert np.all(r >= 1.0)
    np.testing.assert_allclose(r.min(axis=0), 1.0)
    best_row = np.argmin(matrix.final_loss - matrix.f_ref, axis=0)
    np.testing.assert_allclose(r[best_row, np.arange(r.shape[1])], 1.0)


def test_a_cell_is_reproduced_by_a_single_run_at_its_best_rate(matrix):
    j = SCENARIOS.index("rosenbrock")
    sc = scenario("rosenbrock", 0)
    for i, row in enumerate(ROWS):
        tr = run_racer(row, "torch", {"lr": matrix.best_lr[i, j]}, sc.objective, sc.x0, sc.steps)
        assert tr.losses[-1] == pytest.approx(matrix.final_loss[i, j], rel=1e-12), row


def test_the_noisy_column_scores_the_tail_mean():
    sc = scenario("noisy", 3)
    lrs = lr_grid(1e-3, 1.0, 4)
    score, diverged = scores("adam", sc, 3, lrs)
    for k, lr in enumerate(lrs):
        tr = run_racer("adam", "torch", {"lr": lr}, sc.objective, sc.x0, sc.steps,
                       grad_noise=sc.grad_noise, seed=3)
        assert not diverged[k]
        assert score[k] == pytest.approx(tr.losses[-50:].mean(), rel=1e-12)


def test_same_seed_same_matrix_other_seed_only_changes_random_columns(matrix):
    again = benchmark(0)
    np.testing.assert_array_equal(again.score, matrix.score)
    other = benchmark(1)
    for j, key in enumerate(SCENARIOS):
        same = np.array_equal(other.score[:, j], matrix.score[:, j])
        assert same == (key in ("bowl", "rosenbrock")), key


def test_diverged_rates_never_win_and_all_diverged_has_no_rate():
    sc = scenario("bowl", 0)
    lrs = np.array([0.005, 5.0, 50.0])
    score, diverged = scores("sgd", sc, 0, lrs)
    assert diverged.tolist() == [False, True, True]
    m = Matrix(("sgd",), ("bowl",), lrs, score[None, None], diverged[None, None],
               np.array([float(sc.objective.f(sc.x0))]), np.array([0.0]), 0)
    assert m.best_lr[0, 0] == 0.005 and m.at_edge[0, 0]
    stuck = m._replace(diverged=np.ones((1, 1, 3), bool))
    assert np.isnan(stuck.best_lr[0, 0]) and not stuck.at_edge[0, 0]
    assert stuck.final_loss[0, 0] == m.start_loss[0]


def test_solved_cells_tie_at_the_floor():
    lrs = np.array([0.1, 1.0])
    score = np.array([[[1e-30, 1e-20]], [[1e-15, 1e-25]], [[0.5, 0.4]]])
    m = Matrix(("a", "b", "c"), ("s",), lrs, score, np.zeros(score.shape, bool),
               np.array([1.0]), np.array([0.0]), 0)
    np.testing.assert_allclose(m.ratio[:, 0], [1.0, 1.0, 0.4 / 1e-10])


def test_unknown_scenario_raises():
    with pytest.raises(ValueError):
        scenario("everest")
