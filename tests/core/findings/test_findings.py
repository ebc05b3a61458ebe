"""core.findings: the Choosing page's verdict codes flip exactly at their thresholds, and
the counts match small inputs checked by hand."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.experiments.ladder import LadderResult
from core.experiments.matrix import Matrix
from core.experiments.sparse_race import RaceResult
from core.findings import thresholds
from core.findings.ladder import bias_correction, ladder_findings, median_rates, trend_direction
from core.findings.matrix import alike_count, matrix_findings, noise_findings
from core.findings.sparse import (
    control_findings,
    group_counts,
    rare_rate_ratios,
    sparse_findings,
    win_outcome,
)
from core.findings.thresholds import ALIKE, TIE, TREND, WIN
from core.optimizers.ablation import nobc_step_ratio

RACERS = ("sgd", "momentum", "adagrad", "rmsprop", "adam")


def fake_race(final: dict, rare_err=None, diverged=None, found=None, eff_lr=None) -> RaceResult:
    """A two-point race with the given final excess losses (in RACERS order)."""
    n = len(RACERS)
    excess = np.array([[1.0, final[k]] for k in RACERS])
    rare = np.zeros((n, 2)) if rare_err is None else np.array([[1.0, e] for e in rare_err])
    return RaceResult(RACERS, np.full(n, 0.1),
                      np.ones(n, bool) if found is None else np.array(found),
                      np.zeros(n, bool),
                      np.full(n, -1) if diverged is None else np.array(diverged),
                      np.arange(2), excess, np.zeros((n, 2)), rare,
                      np.ones((n, 1, 1)) if eff_lr is None else eff_lr)


def race_with(sgd: float, best: float = 1.0) -> RaceResult:
    return fake_race({"sgd": sgd, "momentum": 9.0, "adagrad": best, "rmsprop": 3.0,
                      "adam": 2.0})


# ------------------------------------------------------------------ sparse race


def test_group_counts_by_hand():
    assert group_counts(np.array([0, 1, 1, 2, 1, 0])) == (2, 3, 1)
    assert group_counts(np.array([0, 0])) == (2, 0, 0), "missing groups count as zero"


@pytest.mark.parametrize("factor, outcome", [
    (WIN, "adaptive_wins"), (WIN * 1.0001, "adaptive_wins"), (WIN * 0.9999, "adaptive_close"),
    (1.0, "adaptive_close"), (1 / WIN * 1.0001, "adaptive_close"), (1 / WIN, "sgd_wins"),
    (0.1, "sgd_wins")])
def test_win_outcome_flips_at_the_threshold(factor, outcome):
    assert win_outcome(factor) == outcome, f"factor {factor:.6g}"


@given(st.floats(0.01, 100.0))
def test_win_outcome_is_monotone_and_symmetric(factor):
    order = {"sgd_wins": 0, "adaptive_close": 1, "adaptive_wins": 2}
    assert order[win_outcome(factor)] <= order[win_outcome(factor * 1.01)]
    if abs(np.log(factor)) > np.log(WIN) + 1e-9:
        flipped = {"sgd_wins": "adaptive_wins", "adaptive_wins": "sgd_wins"}
        assert win_outcome(1 / factor) == flipped[win_outcome(factor)], f"factor {factor}"


def test_sparse_findings_by_hand():
    r = fake_race({"sgd": 8.0, "momentum": 6.0, "adagrad": 4.0, "rmsprop": 1.6, "adam": 2.0},
                  rare_err=[0.7, 0.6, 0.5, 0.3, 0.2], diverged=[-1, 12, -1, -1, -1],
                  found=[True, True, False, True, True])
    f = sparse_findings(r, np.array([0, 0, 1, 1, 1, 2]))
    assert f.counts == (2, 3, 1) and f.has_rare
    assert f.best == "rmsprop" and f.factor == pytest.approx(5.0), f
    assert f.outcome == "adaptive_wins" and f.shown_factor == pytest.approx(5.0)
    assert (f.sgd_rare_err, f.best_rare_err) == (0.7, 0.3)
    assert f.adam_vs_rms == "above" and (f.adam, f.rmsprop) == (2.0, 1.6)
    assert f.diverged == ("momentum",) and f.no_rate == ("adagrad",)
    assert not f.dense_gain, "rare features exist, so the gain is not 'dense'"


def test_sparse_findings_when_sgd_wins_states_the_inverse_factor():
    f = sparse_findings(race_with(sgd=0.5, best=2.0), np.zeros(4, int))
    assert f.outcome == "sgd_wins" and f.factor == pytest.approx(0.25)
    assert f.shown_factor == pytest.approx(4.0), f"shown {f.shown_factor}"
    assert f.adam_vs_rms == "below" and not f.diverged and not f.no_rate


@pytest.mark.parametrize("sgd, gain", [(WIN, True), (WIN * 0.99, False)])
def test_dense_gain_needs_no_rare_features_and_a_clear_win(sgd, gain):
    dense = sparse_findings(race_with(sgd), np.array([0, 0, 2]))
    assert not dense.has_rare and dense.dense_gain is gain, dense
    assert not sparse_findings(race_with(sgd), np.array([0, 1, 2])).dense_gain


def test_rare_rate_ratios_by_hand():
    # 6 features: 0-1 frequent, 2-4 rare, 5 unseen; one step recorded
    group = np.array([0, 0, 1, 1, 1, 2])
    eff = np.ones((5, 1, 6))
    eff[2, 0] = [1.0, 3.0, 10.0, 20.0, 40.0, 1e6]     # adagrad: median rare 20, frequent 2
    eff[4, 0] = [2.0, 2.0, np.inf, 0.0, 6.0, 1e6]     # adam: inf and 0 are left out → 6 / 2
    first_hit = np.array([0, 0, 0, 0, 0, 1])          # feature 5 never seen before step 1
    r = fake_race(dict.fromkeys(RACERS, 1.0), eff_lr=eff)
    ratios = rare_rate_ratios(r, group, first_hit, step=1)
    assert ratios == {"adagrad": pytest.approx(10.0), "adam": pytest.approx(3.0)}, ratios
    assert list(ratios) == ["adagrad", "adam"], "the page words them in this order"


def test_rare_rate_ratios_skip_a_racer_without_both_groups():
    group = np.array([0, 1, 1])
    eff = np.ones((5, 1, 3))
    r = fake_race(dict.fromkeys(RACERS, 1.0), eff_lr=eff)
    assert rare_rate_ratios(r, group, np.array([0, 5, 5]), step=1) == {}, "no rare seen yet"
    assert rare_rate_ratios(r, np.array([1, 1, 1]), np.zeros(3), step=1) == {}


# ------------------------------------------------------------------ ladder


def fake_ladder(med_adam, med_rms, med_nobc) -> LadderResult:
    """Levels a = 0, 1, 2 and one seed, so each median is the given value."""
    excess = np.stack([med_rms, med_nobc, med_adam], axis=1)[..., None]
    best = np.full(excess.shape, 0.1)
    return LadderResult(np.array([0.0, 1.0, 2.0]), ("rmsprop", "adam_nobc", "adam"), (0,),
                        excess, excess, best, np.zeros(excess.shape, bool))


@pytest.mark.parametrize("trend, direction", [
    (TREND * 1.001, "up"), (TREND, "flat"), (1.0, "flat"), (1 / TREND * 1.001, "flat"),
    (1 / TREND, "down"), (0.2, "down")])
def test_trend_direction_flips_at_the_threshold(trend, direction):
    assert trend_direction(trend) == direction, f"trend {trend:.6g}"


def test_ladder_findings_by_hand():
    # RMSProp / Adam: 1 at a = 0, 3 at a = 2 → trend 3, "up"; Adam beats no-BC at 2 of 3
    L = fake_ladder(med_adam=[1.0, 1.0, 1.0], med_rms=[1.0, 2.0, 3.0], med_nobc=[0.5, 2.0, 4.0])
    f = ladder_findings(L)
    assert f.trend == pytest.approx(3.0) and f.direction == "up", f
    assert f.shown_trend == pytest.approx(3.0) and f.bc_wins == 2 and f.levels == 3


def test_ladder_findings_downward_trend_states_the_inverse():
    L = fake_ladder(med_adam=[1.0, 2.0, 4.0], med_rms=[1.0, 1.0, 1.0], med_nobc=[1.0, 2.0, 4.0])
    f = ladder_findings(L)
    assert f.direction == "down" and f.trend == pytest.approx(0.25)
    assert f.shown_trend == pytest.approx(4.0) and f.bc_wins == 0, "ties do not count as wins"


def test_ladder_uses_the_median_over_seeds():
    excess = np.ones((2, 3, 3))
    excess[1, 0] = [9.0, 2.0, 100.0]        # RMSProp at the sparsest level: median 9
    L = LadderResult(np.array([0.0, 2.0]), ("rmsprop", "adam_nobc", "adam"), (0, 1, 2),
                     excess, excess, excess, np.zeros(excess.shape, bool))
    assert ladder_findings(L).trend == pytest.approx(9.0)


def test_median_rates_ignore_diverged_seeds_quietly():
    best = np.array([[[0.1, np.nan, 0.3], [np.nan, np.nan, np.nan]]])
    L = LadderResult(np.array([0.0]), ("rmsprop", "adam"), (0, 1, 2), best, best, best,
                     np.zeros(best.shape, bool))
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        got = median_rates(L)
    assert got[0, 0] == pytest.approx(0.2) and np.isnan(got[0, 1]), got
    assert not log, [str(w.message) for w in log]


@pytest.mark.parametrize("b2", [0.99, 0.999, 0.9999])
def test_bias_correction_summary_matches_the_curve(b2):
    bc = bias_correction(b2, 300)
    curve = nobc_step_ratio(np.arange(1, 301), 0.9, b2)
    assert bc.first == pytest.approx(0.1 / np.sqrt(1 - b2)), bc
    assert bc.peak == pytest.approx(curve.max()) and curve[bc.peak_step - 1] == bc.peak
    assert bc.last == pytest.approx(curve[-1]) and bc.first <= bc.peak >= bc.last


# ------------------------------------------------------------------ matrix

ROWS = ("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam")
COLS = ("bowl", "rosenbrock", "noisy")


def fake_matrix(ratio: np.ndarray, best_index=None) -> Matrix:
    """A matrix whose ratios are ``ratio``; over a 3-rate grid, each cell's best rate is
    the middle one unless ``best_index`` says otherwise (0 or 2: the grid's edge)."""
    best = np.ones(ratio.shape, int) if best_index is None else best_index
    gap = np.full(ratio.shape + (3,), 1.0)
    np.put_along_axis(gap, best[..., None], (ratio * 1e-3)[..., None], axis=-1)
    return Matrix(ROWS, COLS, np.array([0.01, 0.1, 1.0]), gap, np.log10(gap),
                  np.ones(gap.shape, bool), np.ones(len(COLS)), np.zeros(len(COLS)), 0)


def test_alike_count_by_hand():
    trio = np.array([[1.0, 1.0, 1.0, 5.0], [2.0, 2.01, 1.0, 1.0], [1.5, 1.0, 1.0, 2.0]])
    assert alike_count(trio) == 2, "columns 0 (2/1 = 2.0) and 2 count; 1 (2.01) and 3 do not"
    assert alike_count(trio, within=ALIKE * 3) == 4


def test_matrix_findings_by_hand():
    ratio = np.array([[40.0, 2.0, 3.0],       # sgd
                      [1.0, 1.0005, 2.0],     # momentum: ties the bowl and rosenbrock
                      [5.0, 6.0, 7.0],        # adagrad
                      [2.0, 1.0, 1.0],        # rmsprop
                      [3.0, 2.5, 1.5],        # adadelta
                      [1.0, 3.0, 1.0]])       # adam
    edge = np.ones(ratio.shape, int)
    edge[0, 2], edge[4, 0] = 2, 0
    f = matrix_findings(fake_matrix(ratio, edge))
    assert f.winners == (("momentum", "adam"), ("momentum", "rmsprop"), ("rmsprop", "adam")), f
    assert f.worst["sgd"] == pytest.approx(40.0) and f.worst["adam"] == pytest.approx(3.0)
    assert f.steadiest == "momentum" and f.total == 3
    # trio (rmsprop, adadelta, adam): max/min per column 3, 3, 1.5 → 1 alike
    assert f.alike == 1
    assert f.edges == (("sgd", "noisy"), ("adadelta", "bowl")), f.edges


def test_tie_tolerance_is_relative_to_the_best():
    ratio = np.full((6, 3), 5.0)
    ratio[:, 0] = [1.0, TIE * 0.9999, TIE, 1.0, 9.0, 9.0]
    assert matrix_findings(fake_matrix(ratio)).winners[0] == ("sgd", "momentum", "rmsprop")


def test_steadiest_tie_goes_to_the_earlier_row():
    f = matrix_findings(fake_matrix(np.ones((6, 3))))
    assert f.steadiest == "sgd" and f.winners == (ROWS,) * 3 and f.alike == 3 and not f.edges


def test_thresholds_are_the_documented_ones():
    doc = thresholds.__doc__
    for name, value in (("WIN", WIN), ("TREND", TREND), ("ALIKE", ALIKE), ("TIE", TIE)):
        assert f"``{name} = {value}``" in doc, f"{name} = {value} not stated in the docstring"


# ------------------------------------------------------------------ the dense control


def fake_control(sparse_factor: float, dense_factor: float, seeds: int = 3):
    from core.experiments.sparse_race import ControlResult
    racers = ("sgd", "momentum", "adagrad", "rmsprop", "adam")
    ex = np.full((2, 5, seeds), 9.0)
    ex[:, 2] = 1.0                                       # AdaGrad best
    ex[0, 0], ex[1, 0] = sparse_factor, dense_factor     # SGD ÷ AdaGrad = the factor
    z = np.zeros(ex.shape)
    return ControlResult(1.5, 32, ("sparse", "dense"), racers, tuple(range(seeds)), ex, z, z,
                         z.astype(bool))


@pytest.mark.parametrize("sparse, dense, outcome, source", [
    (4.0, 1.0, "adaptive_wins", "sparsity"),            # gain 4 ≥ WIN
    (4.0, 4.0, "adaptive_wins", "curvature"),           # control won as much
    (WIN, WIN, "adaptive_wins", "curvature"),
    (2.0, 1.4, "adaptive_wins", "mixed"),               # gain 1.43 < WIN, control not won
    (WIN * 0.999, 1.0, "adaptive_close", ""),
    (0.5, 1.0, "sgd_wins", "")])
def test_control_source_flips_at_the_story_threshold(sparse, dense, outcome, source):
    f = control_findings(fake_control(sparse, dense))
    assert (f.outcome, f.source) == (outcome, source), f
    assert f.gain == pytest.approx(sparse / dense) and f.sparse_best == "adagrad"


def test_noise_findings_margins():
    from core.experiments.matrix import NoiseFloor
    nf = NoiseFloor(0.05, 0.9, 600, 300, (0, 1, 2),
                    {"sgd": np.array([1.0, 1.0, 9.0]), "momentum_same": np.array([1.4] * 3),
                     "momentum": np.array([10.0] * 3), "sgd_small": np.array([0.6] * 3)})
    f = noise_findings(nf)
    assert f.same == pytest.approx(1.4) and f.same_floor, "median, not mean: one wild seed"
    assert f.small == pytest.approx(0.6) and f.smaller_helps
    assert f.raw == pytest.approx(10.0)
