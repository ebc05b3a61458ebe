"""core.experiments.matrix: each cell is the optimizer at the rate the tuning rule picks,
columns are normalised to their best cell by loss GAPS (the network's from a measured reference),
a seed reproduces the whole matrix, and the noise-floor experiment measures what the
guide says about momentum and noise."""

import numpy as np
import pytest

from core.experiments.matrix import (
    NOISE_SEEDS,
    ROWS,
    SCENARIOS,
    Matrix,
    benchmark,
    cell,
    cells,
    noise_floor,
    reference_loss,
    scenario,
)
from core.experiments.racers import RULE, hparams, run_racer
from core.training.sweep import best_index, lr_grid, sweep_lr


@pytest.fixture(scope="module")
def matrix():
    return benchmark(0)


def test_every_cell_is_filled_and_finite(matrix):
    assert matrix.rows == ROWS and matrix.columns == SCENARIOS
    assert "mlp" in matrix.columns, "the tiny network of core.problems.mlp is one of the scenarios"
    for name in ("final_gap", "ratio", "log_ratio"):
        value = getattr(matrix, name)
        assert value.shape == (len(ROWS), len(SCENARIOS)) and np.all(np.isfinite(value)), name
    assert np.all(matrix.final_gap > 0)


def test_columns_are_normalised_to_their_best_cell(matrix):
    r = matrix.ratio
    assert np.all(r >= 1.0)
    np.testing.assert_allclose(r.min(axis=0), 1.0)
    best_row = np.argmin(matrix.final_gap, axis=0)
    np.testing.assert_allclose(r[best_row, np.arange(r.shape[1])], 1.0)


def test_the_chosen_rate_is_the_tuning_rules_choice(matrix):
    j = SCENARIOS.index("rosenbrock")
    sc = scenario("rosenbrock", 0)
    for i, row in enumerate(ROWS):
        sw = sweep_lr(RULE[row], hparams(row), sc.objective, sc.x0, sc.steps, matrix.lrs,
                      f_ref=sc.f_ref)
        assert matrix.best[i, j] == best_index(sw.score, sw.stable), row
        tr = run_racer(row, "torch", {"lr": matrix.best_lr[i, j]}, sc.objective, sc.x0,
                       sc.steps)
        assert tr.losses[-1] - sc.f_ref == pytest.approx(matrix.final_gap[i, j], rel=1e-9), row


def test_the_noisy_column_averages_the_tail_mean_over_seeds():
    sc = scenario("noisy", 3)
    lrs = lr_grid(1e-3, 1.0, 4)
    gap, _, stable = cell("adam", sc, 3, lrs)
    for k, lr in enumerate(lrs):
        tails = [run_racer("adam", "torch", {"lr": lr}, sc.objective, sc.x0, sc.steps,
                           grad_noise=sc.grad_noise, seed=s).losses[-50:].mean()
                 for s in range(3, 3 + NOISE_SEEDS)]
        assert gap[k] == pytest.approx(np.mean(tails), rel=1e-12), (lr, gap[k], tails)


@pytest.mark.parametrize("key", ["noisy", "sparse"])
def test_one_run_of_every_row_scores_as_separate_sweeps(key):
    """cells() steps all rows (and noise seeds) together: the same numbers as one
    sweep_lr per row: the same stable rates, and their scores to 1e-9. (Bit for bit on
    most machines; on some CPUs BLAS blocks the stacked product X·wᵀ of the sparse
    problem differently from the single one, a last digit moves, and an unstable,
    chaotic run amplifies it; the page never reads the score of an unstable rate.)"""
    sc, lrs = scenario(key, 2), lr_grid(1e-3, 30.0, 5)
    gap, score, stable = cells(ROWS, sc, 2, lrs)
    for i, row in enumerate(ROWS):
        sw = sweep_lr(RULE[row], hparams(row), sc.objective, sc.x0, sc.steps, lrs,
                      grad_noise=sc.grad_noise, seed=2, seeds=range(2, 2 + NOISE_SEEDS),
                      final_loss=sc.final_loss, f_ref=sc.f_ref)
        np.testing.assert_array_equal(stable[i], sw.stable, err_msg=row)
        ok = sw.stable
        np.testing.assert_allclose(score[i][ok], sw.score[ok], rtol=1e-9, atol=1e-12, err_msg=row)
        if key == "sparse":
            np.testing.assert_allclose(gap[i][ok], (sw.final_loss - sc.f_ref)[ok],
                                       rtol=1e-9, atol=1e-12, err_msg=row)


def test_same_seed_same_matrix_other_seed_only_changes_random_columns(matrix):
    again = benchmark(0)
    np.testing.assert_array_equal(again.gap, matrix.gap)
    other = benchmark(1)
    for j, key in enumerate(SCENARIOS):
        same = np.array_equal(other.gap[:, j], matrix.gap[:, j])
        assert same == (key in ("bowl", "rosenbrock")), key


def test_unstable_rates_never_win_and_no_stable_rate_has_no_rate():
    sc = scenario("bowl", 0)
    lrs = np.array([0.005, 5.0, 50.0])
    gap, score, stable = cell("sgd", sc, 0, lrs)
    assert stable.tolist() == [True, False, False], stable
    start = np.array([float(sc.objective.f(sc.x0))])
    m = Matrix(("sgd",), ("bowl",), lrs, gap[None, None], score[None, None],
               stable[None, None], start, np.array([0.0]), 0)
    assert m.best_lr[0, 0] == 0.005 and m.at_edge[0, 0]
    stuck = m._replace(stable=np.zeros((1, 1, 3), bool))
    assert np.isnan(stuck.best_lr[0, 0]) and not stuck.at_edge[0, 0]
    assert stuck.final_gap[0, 0] == start[0]


def test_solved_cells_tie_at_the_floor():
    lrs = np.array([0.1, 1.0])
    gap = np.maximum(np.array([[[1e-30, 1e-20]], [[1e-15, 1e-25]], [[0.5, 0.4]]]), 1e-10)
    score = np.log10(gap)
    m = Matrix(("a", "b", "c"), ("s",), lrs, gap, score, np.ones(gap.shape, bool),
               np.array([1.0]), np.array([0.0]), 0)
    np.testing.assert_allclose(m.ratio[:, 0], [1.0, 1.0, 0.4 / 1e-10])


def test_the_network_is_measured_from_a_reference_below_every_cell(matrix):
    """With f_ref = 0 the network's gaps would be its losses (~0.2), all within 1.5× of
    each other whatever the optimizer; from the measured reference they spread out."""
    j = SCENARIOS.index("mlp")
    ref = reference_loss(0)
    losses = matrix.final_gap[:, j] + matrix.f_ref[j]
    assert matrix.f_ref[j] == ref and 0 < ref < losses.min(), (ref, losses)
    spread_ref = matrix.ratio[:, j].max()
    spread_zero = losses.max() / losses.min()
    assert spread_ref > spread_zero, (spread_ref, spread_zero)


def test_momentum_reaches_sgds_noise_floor_at_the_same_steady_step():
    nf = noise_floor(0)
    med = {k: float(np.median(v)) for k, v in nf.floors.items()}
    assert len(nf.seeds) >= 3 and all(len(v) == len(nf.seeds) for v in nf.floors.values())
    msg = f"median noise floors over seeds {nf.seeds}: {med}"
    assert 1 / 1.5 < med["momentum_same"] / med["sgd"] < 1.5, msg
    assert med["momentum"] > 3 * med["sgd"], msg
    assert med["sgd_small"] < med["sgd"] / 2, msg


def test_unknown_scenario_raises():
    with pytest.raises(ValueError):
        scenario("everest")
