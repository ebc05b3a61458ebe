"""core.problems.sparse, core.experiments.sparse_race and the Adam ablation: the data are what they
claim, absent features get exactly zero gradient, and the adaptive-method claim is measured."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.experiments.ladder import LADDER, LADDER_LRS, ladder, ladder_steps, rung_sweep
from core.experiments.racers import RULE, hparams
from core.experiments.seed_stack import stack
from core.experiments.sparse_race import CONTENDERS, LR_GRID, control, problem, race
from core.optimizers import make
from core.optimizers.ablation import adam_nobc, make_ablation, nobc_step_ratio
from core.problems.sparse import (
    best_fit,
    first_hits,
    frequencies,
    groups,
    hit_runs,
    loss,
    loss_grad,
    make_data,
    make_objective,
    weight_error,
)
from core.training.run import run
from core.training.sweep import best_index, sweep_lr


@pytest.mark.parametrize("a", [0.0, 0.5, 1.0, 1.5, 2.5])
def test_measured_frequencies_match_the_requested_law(a):
    data = make_data(a, F=60, N=20_000, seed=3)
    p, got = frequencies(60, a), data.measured_p
    np.testing.assert_allclose(data.p, p)
    tol = 4.5 * np.sqrt(p * (1 - p) / 20_000) + 1e-4    # 4.5 binomial standard deviations
    worst = int(np.argmax(np.abs(got - p) / tol))
    assert np.all(np.abs(got - p) <= tol), (
        f"a={a}: feature {worst} requested p={p[worst]:.5f}, measured {got[worst]:.5f}")


def test_the_exponent_is_the_slope_of_the_zipf_law():
    data = make_data(1.2, F=40, N=20_000, seed=0)
    slope = np.polyfit(np.log(np.arange(1, 41)), np.log(data.measured_p), 1)[0]
    assert abs(slope + 1.2) < 0.05, f"log-log slope {slope:.3f}, expected −1.2"


def test_features_are_signed_and_centred():
    data = make_data(0.0, F=20, N=20_000, seed=1)
    assert set(np.unique(data.X)) == {-1.0, 0.0, 1.0}
    mean = data.X.mean(axis=0)
    assert np.abs(mean).max() < 0.03, f"feature means {mean.round(3)}"
    assert np.all((data.y > 0) & (data.y < 1)), "soft labels lie strictly inside (0, 1)"


def test_same_seed_same_everything_other_seed_different():
    one, two = make_data(1.0, seed=7), make_data(1.0, seed=7)
    for field in ("X", "y", "w_true"):
        np.testing.assert_array_equal(getattr(one, field), getattr(two, field))
    np.testing.assert_array_equal(make_objective(one, 16, 100).batches,
                                  make_objective(two, 16, 100).batches)
    other = make_data(1.0, seed=8)
    assert not np.array_equal(one.X, other.X)


def test_batches_shuffle_each_epoch_without_repeats():
    obj = make_objective(make_data(1.0, F=10, N=100, seed=0), 25, 10)
    first_epoch = np.sort(obj.batches[:4].ravel())
    np.testing.assert_array_equal(first_epoch, np.arange(100))
    assert obj.batches.shape == (10, 25)
    assert not np.array_equal(obj.batches[:4], obj.batches[4:8])


@settings(max_examples=25, deadline=None)
@given(a=st.floats(1.0, 2.5), seed=st.integers(0, 10_000), B=st.sampled_from([4, 16, 64]))
def test_absent_features_get_exactly_zero_gradient(a, seed, B):
    obj = make_objective(make_data(a, F=80, N=500, seed=seed), B, 20)
    w = np.random.default_rng(seed).standard_normal((3, 80))    # three points at once
    hits = obj.hits()
    for k in range(20):
        g = obj.batch_grad(w, k)
        absent = ~hits[k]
        assert np.all(g[:, absent] == 0.0), f"batch {k}: nonzero gradient on absent features"
        assert np.all(g[:, ~absent] != 0.0), f"batch {k}: a present feature got gradient 0"
    assert (~hits).mean() > 0.3, "a sparse setting should leave many coordinates untouched"


def test_rare_features_miss_most_batches():
    obj = make_objective(make_data(1.5, F=100, N=3000, seed=0), 32, 300)
    g = groups(obj.data, 32)
    zero_share = 1.0 - obj.hits()[:, g.rare].mean()
    assert zero_share > 0.5, f"rare features had zero gradient in only {zero_share:.0%} of cases"
    assert g.unseen.sum() == int((~obj.data.seen).sum())
    assert not np.any(g.rare & g.frequent)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 1000))
def test_gradient_matches_central_differences(seed):
    data = make_data(1.0, F=12, N=200, seed=seed)
    w = np.random.default_rng(seed).standard_normal(12)
    h = 1e-6
    fd = np.array([(loss(w + h * e, data.X, data.y) - loss(w - h * e, data.X, data.y)) / (2 * h)
                   for e in np.eye(12)])
    np.testing.assert_allclose(loss_grad(w, data.X, data.y), fd, atol=1e-8)


def test_batch_gradient_is_the_gradient_of_the_batch_rows():
    obj = make_objective(make_data(1.0, F=30, N=400, seed=2), 16, 30)
    w = np.linspace(-1, 1, 30)
    rows = obj.batches[5]
    expected = loss_grad(w, obj.data.X[rows], obj.data.y[rows])
    np.testing.assert_allclose(obj.batch_grad(w, 5), expected)


def test_a_batched_run_equals_separate_runs_on_the_same_batches():
    obj = make_objective(make_data(1.5, F=50, N=600, seed=4), 8, 60)
    lrs = np.array([[0.01], [0.1], [1.0]])
    together = run(make("adam", lr=lrs), obj, np.zeros(50), 60, track_loss=False)
    for i, lr in enumerate(lrs[:, 0]):
        alone = run(make("adam", lr=lr), obj, np.zeros(50), 60, track_loss=False)
        np.testing.assert_allclose(together.points[:, i], alone.points, rtol=1e-13, atol=0)


@pytest.mark.parametrize("a", [0.0, 1.0, 2.0])
def test_best_fit_is_a_minimum(a):
    data = make_data(a, F=100, N=3000, seed=1)
    w_hat = best_fit(data)
    g = loss_grad(w_hat, data.X, data.y)
    assert np.abs(g).max() < 1e-9, f"|∇L(ŵ)| = {np.abs(g).max():.2e}"
    L_hat, L_true = loss(w_hat, data.X, data.y), loss(data.w_true, data.X, data.y)
    assert L_hat <= L_true, f"L(ŵ) = {L_hat:.6f} > L(w_true) = {L_true:.6f}"
    assert np.all(w_hat[~data.seen] == 0.0)


def test_weight_error_is_one_at_the_start_and_zero_at_the_fit():
    w_hat = np.array([1.0, -2.0, 0.5, 3.0])
    mask = np.array([True, False, True, True])
    assert weight_error(np.zeros(4), w_hat, mask) == pytest.approx(1.0)
    assert weight_error(w_hat, w_hat, mask) == 0.0
    assert weight_error(np.zeros((2, 4)), w_hat, np.zeros(4, bool)).tolist() == [0.0, 0.0]


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 10_000), p=st.floats(0.0, 1.0))
def test_hit_runs_rebuild_the_raster(seed, p):
    hits = np.random.default_rng(seed).random((30, 7)) < p
    rebuilt = np.zeros_like(hits)
    feature, start, stop = hit_runs(hits)
    assert np.all(stop > start)
    for j, k0, k1 in zip(feature, start, stop, strict=True):
        rebuilt[k0:k1, j] = True
    np.testing.assert_array_equal(rebuilt, hits)
    first = first_hits(hits)
    for j in range(7):
        assert first[j] == (np.argmax(hits[:, j]) if hits[:, j].any() else 30)


@pytest.mark.parametrize("bad", [dict(a=-0.1), dict(a=float("nan")), dict(a="x"),
                                 dict(a=1.0, F=1), dict(a=1.0, N=10), dict(a=1.0, F=2.5)])
def test_bad_settings_raise_readable_errors(bad):
    with pytest.raises(ValueError):
        make_data(**bad)


# ------------------------------------------------------------------ the ablation


def test_adam_without_correction_with_b1_zero_is_rmsprop():
    bowl_grad = np.random.default_rng(0).standard_normal((50, 5))
    x = np.zeros(5)
    a, r = adam_nobc(lr=0.01, betas=(0.0, 0.95)), make("rmsprop", lr=0.01, alpha=0.95)
    sa, sr = a.init(x), r.init(x)
    for g in bowl_grad:
        ua, sa = a.update(g, sa, x)
        ur, sr = r.update(g, sr, x)
        np.testing.assert_allclose(ua, ur, rtol=1e-13)


@pytest.mark.parametrize("b2", [0.99, 0.999, 0.9999])
def test_first_step_ratio_to_adam_is_the_missing_correction(b2):
    g, x = np.array([0.3, -2.0, 5.0]), np.zeros(3)
    plain = adam_nobc(lr=0.1, betas=(0.9, b2), eps=0.0)
    adam = make("adam", lr=0.1, betas=(0.9, b2), eps=0.0)
    u0, _ = plain.update(g, plain.init(x), x)
    u1, _ = adam.update(g, adam.init(x), x)
    np.testing.assert_allclose(u0 / u1, (1 - 0.9) / np.sqrt(1 - b2), rtol=1e-12)
    assert nobc_step_ratio(1, 0.9, b2) == pytest.approx((1 - 0.9) / np.sqrt(1 - b2))
    np.testing.assert_allclose(u1, -0.1 * np.sign(g), rtol=1e-12)   # Adam's first step: lr·sign


def test_step_ratio_matches_the_two_rules_along_a_run():
    g = np.ones((400, 1))                     # a constant gradient
    x = np.zeros(1)
    plain, adam = adam_nobc(lr=1.0, eps=0.0), make("adam", lr=1.0, eps=0.0)
    sp, sa = plain.init(x), adam.init(x)
    for t, gt in enumerate(g, start=1):
        up, sp = plain.update(gt, sp, x)
        ua, sa = adam.update(gt, sa, x)
        assert up[0] / ua[0] == pytest.approx(nobc_step_ratio(t), rel=1e-12)
    assert nobc_step_ratio(5000) == pytest.approx(1.0, abs=0.01)


def test_ablation_is_not_a_torch_rule():
    with pytest.raises(ValueError):
        make("adam_nobc")
    with pytest.raises(ValueError):
        make_ablation("adam")
    assert make_ablation("adam_nobc", lr=0.5).hparams["lr"] == 0.5


# ------------------------------------------------------------------ the experiments

SPARSE_SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def sparse_races():
    """The page's clearly sparse setting (a = 1.5, batches of 32, 300 steps), tuned."""
    return {seed: race(problem(1.5, 32, seed, 300), 300) for seed in SPARSE_SEEDS}


def test_adaptive_methods_beat_sgd_on_sparse_data(sparse_races):
    for seed, r in sparse_races.items():
        final = dict(zip(r.racers, r.final_excess(), strict=True))
        msg = (f"seed {seed}, excess loss at tuned rates: "
               + ", ".join(f"{k}={v:.5f}" for k, v in final.items()))
        assert final["adagrad"] < final["sgd"], msg
        assert final["adam"] < final["sgd"], msg


def test_sgd_neglects_the_rare_features(sparse_races):
    for seed, r in sparse_races.items():
        rare = dict(zip(r.racers, r.err_rare[:, -1], strict=True))
        freq = dict(zip(r.racers, r.err_frequent[:, -1], strict=True))
        msg = f"seed {seed}: rare error {rare}, frequent error {freq}"
        assert rare["sgd"] > 1.3 * rare["adagrad"], msg
        assert rare["sgd"] > 2 * freq["sgd"], msg


def test_race_records_what_the_page_draws(sparse_races):
    r = sparse_races[0]
    assert r.racers == CONTENDERS and r.eff_lr.shape == (5, 300, 100)
    for arr in (r.excess, r.err_frequent, r.err_rare, r.eff_lr):
        assert np.all(np.isfinite(arr))
    assert np.all(r.excess > 0) and r.curve_steps[0] == 0 and r.curve_steps[-1] == 300
    sgd = r.eff_lr[0]
    np.testing.assert_allclose(sgd, r.lr[0])                       # SGD: one rate for all


def test_tuned_rates_are_the_tuning_rules_choice(sparse_races):
    """The race's rate is what core.training.sweep's rule picks with the gap from L(ŵ) — not the
    rate with the lowest final loss (which rewards runs that spike on the way)."""
    r, pb = sparse_races[0], problem(1.5, 32, 0, 300)
    obj = pb.objective
    for i, racer in enumerate(r.racers):
        sw = sweep_lr(RULE[racer], hparams(racer), obj, np.zeros(100), 300, LR_GRID,
                      final_loss=obj.f, f_ref=pb.L_hat)
        k = best_index(sw.score, sw.stable)
        assert r.lr[i] == pytest.approx(LR_GRID[k]), (racer, r.lr[i], LR_GRID[k])
        assert r.at_edge[i] == (k in (0, len(LR_GRID) - 1)), racer


def test_stacked_problems_match_one_at_a_time():
    pbs = [problem(1.0, 16, s, 40, F=30, N=400) for s in (0, 1)]
    st_ = stack(pbs, 16)
    w = np.random.default_rng(0).standard_normal((2, 3, 30)) * 0.3
    for p, pb in enumerate(pbs):
        np.testing.assert_allclose(st_.f(w)[p], pb.objective.f(w[p]), rtol=1e-12)
        np.testing.assert_allclose(st_.batch_grad(w, 7)[p], pb.objective.batch_grad(w[p], 7),
                                   rtol=1e-12, atol=1e-15)


def test_dense_control_keeps_each_features_second_moment_without_zeros():
    sparse, dense = (make_data(1.5, 60, 4000, 3, kind=k) for k in ("sparse", "dense"))
    assert np.all(dense.X != 0), "no coordinate of the control is ever zero"
    np.testing.assert_allclose(dense.second_moment, dense.p, rtol=1e-12)
    tol = 4 * np.sqrt(sparse.p / 4000) + 1e-3
    assert np.all(np.abs(sparse.second_moment - sparse.p) < tol), "sparse: E[x²] ≈ p_j"
    np.testing.assert_array_equal(sparse.w_true, dense.w_true)
    with pytest.raises(ValueError):
        make_data(1.0, kind="hollow")


def test_control_races_both_kinds_on_every_seed():
    c = control(1.0, 32, (0, 1), steps=60, F=30, N=600)
    assert c.kinds == ("sparse", "dense") and c.excess.shape == (2, 5, 2)
    assert np.all(np.isfinite(c.excess)) and np.all(c.excess > 0)
    t = c.tuned(1, "dense")
    np.testing.assert_array_equal(t.lr, c.best_lr[1, :, 1])
    r = race(problem(1.0, 32, 0, 60, F=30, N=600), 60)
    np.testing.assert_allclose(r.lr, c.best_lr[0, :, 0])


def test_adagrad_gives_rare_features_larger_rates(sparse_races):
    r = sparse_races[0]
    pb = problem(1.5, 32, 0, 300)
    g = groups(pb.objective.data, 32)
    eff = r.eff_lr[r.racers.index("adagrad"), -1]
    assert np.median(eff[g.rare]) > 3 * np.median(eff[g.frequent]), (
        f"median effective rate rare {np.median(eff[g.rare]):.3g} vs frequent "
        f"{np.median(eff[g.frequent]):.3g}")


def test_shared_rate_is_used_and_divergence_is_kept_finite():
    pb = problem(1.0, 32, 0, 100)
    r = race(pb, 100, "shared", 100.0)
    np.testing.assert_array_equal(r.lr, 100.0)
    assert not r.at_edge.any() and r.lr_found.all()
    assert np.all(np.isfinite(r.excess)) and np.all(np.isfinite(r.eff_lr))
    with pytest.raises(ValueError):
        race(pb, 100, "fastest")


def test_ladder_rungs_and_shapes():
    L = ladder([0.0, 2.0], 0.999, [0, 1], 32, 100, F=40, N=800)
    assert L.rungs == LADDER and L.excess.shape == (2, 3, 2) and L.steps == 100
    assert np.all(np.isfinite(L.excess)) and np.all(L.excess > 0)
    top = L.best_lr < LADDER_LRS.max()
    assert np.all(top), f"a rung's best rate hit the top of the grid: {L.best_lr}"
    pb = problem(1.0, 32, 0, 100, F=40, N=800)
    sw = rung_sweep("adam_nobc", 0.999, stack([pb], 32), 100, LADDER_LRS)
    assert sw.excess.shape == (1,)
    with pytest.raises(ValueError):
        rung_sweep("sgd", 0.999, stack([pb], 32), 100, LADDER_LRS)


@pytest.mark.parametrize("b2", [0.9, 0.99, 0.999])
def test_the_ladder_outlasts_the_second_moments_memory(b2):
    steps = ladder_steps(b2)
    assert steps >= 300 and steps >= 2 / (1 - b2) - 1, (b2, steps)
