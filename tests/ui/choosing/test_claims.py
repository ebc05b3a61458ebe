"""Claims of the Choosing an Optimizer page, each checked against the run that produces it.

Every behavioural sentence the page shows at its defaults (the sparse story, the dense
control, the Adam ladder, the noise floor, the benchmark matrix and the guide's
verdicts) is recomputed here from the live experiment, mostly by a second, independent
route (one-problem sweeps of :func:`core.training.sweep.sweep_lr` instead of the page's stacked
runs), and the failure message prints the measurement.
"""

import numpy as np
import pytest

from core.experiments.ladder import ladder, ladder_steps
from core.experiments.matrix import SCENARIOS, benchmark, noise_floor, reference_loss
from core.experiments.racers import RULE, hparams
from core.experiments.sparse_race import CONTENDERS, LR_GRID, STEPS, control, problem, race
from core.findings import guide
from core.findings.sparse import control_findings, rare_rate_ratios, sparse_findings
from core.findings.thresholds import TREND, WIN
from core.optimizers import make
from core.problems.sparse import groups, make_data, sigmoid
from core.training.sweep import best_index, sweep_lr

DEFAULT = guide.EXPERIMENTS["sparse_race"].settings          # a = 1.5, batch 32, seed 0
A, B, SEED = float(DEFAULT["a"]), int(DEFAULT["batch"]), int(DEFAULT["seed"])
SEEDS = (SEED, SEED + 1, SEED + 2)
B2 = float(guide.EXPERIMENTS["ladder"].settings["b2"])


@pytest.fixture(scope="module")
def ctl():
    return control(A, B, SEEDS)


@pytest.fixture(scope="module")
def default_race(ctl):
    return race(problem(A, B, SEED, STEPS), STEPS, tuned=ctl.tuned(0))


@pytest.fixture(scope="module")
def lad():
    return ladder(b2=B2)


@pytest.fixture(scope="module")
def matrix():
    return benchmark(0)


@pytest.fixture(scope="module")
def noise():
    return noise_floor(0)


@pytest.fixture(scope="module")
def results(ctl, lad, matrix, noise):
    from core.experiments.beyond_parts import PARTS, part
    return {"sparse_race": ctl, "ladder": lad, "matrix": matrix, "noise_floor": noise,
            **{f"beyond_{p}": part(p) for p in PARTS}}


def one_by_one(kind: str, seed: int) -> dict[str, float]:
    """Final excess of every racer at its rate by the tuning rule, one sweep_lr each."""
    pb = problem(A, B, seed, STEPS, kind=kind)
    obj, out = pb.objective, {}
    for racer in CONTENDERS:
        sw = sweep_lr(RULE[racer], hparams(racer), obj, np.zeros(len(pb.w_hat)), STEPS, LR_GRID,
                      final_loss=obj.f, f_ref=pb.L_hat)
        out[racer] = max(float(sw.final_loss[best_index(sw.score, sw.stable)]) - pb.L_hat,
                         1e-12)
    return out


# ------------------------------------------------------------------ 1. the sparse race


def test_the_race_story_states_the_measured_factor(default_race):
    """story.{outcome}: "SGD ended with {factor}× the excess loss of … {best}"."""
    f = sparse_findings(default_race, np.zeros(100, int))
    final = dict(zip(default_race.racers, default_race.final_excess(), strict=True))
    best = min(("adagrad", "rmsprop", "adam"), key=final.get)
    assert f.best == best and f.factor == pytest.approx(final["sgd"] / final[best]), final
    assert (f.outcome == "adaptive_wins") == (f.factor >= WIN), (f.outcome, final)


def test_rare_features_show_the_gap_most(default_race):
    """story.rare: SGD's rare weights lag the best adaptive method's, and lag more than
    SGD's own frequent weights."""
    r = default_race
    rare = dict(zip(r.racers, r.err_rare[:, -1], strict=True))
    freq = dict(zip(r.racers, r.err_frequent[:, -1], strict=True))
    best = sparse_findings(r, np.zeros(100, int)).best
    msg = f"rare error {rare}, frequent error {freq}"
    assert rare["sgd"] > rare[best] and rare["sgd"] > freq["sgd"], msg


def test_frequent_features_have_the_largest_curvature():
    """story.rare / control.intro: weight j's curvature is about σ'·p_j, so one SGD rate is
    capped by the frequent features."""
    pb = problem(A, B, SEED, STEPS)
    X, w = pb.objective.data.X, pb.w_hat
    s = sigmoid(X @ w)
    h = ((s * (1 - s))[:, None] * X**2).mean(axis=0)              # Hessian diagonal at ŵ
    g = groups(pb.objective.data, B)
    ratio = np.median(h[g.frequent]) / np.median(h[g.rare])
    assert ratio > 5, f"median curvature frequent ÷ rare = {ratio:.3g}"
    ratio_p = np.median(pb.objective.data.p[g.frequent]) / np.median(pb.objective.data.p[g.rare])
    assert 0.5 < ratio / ratio_p < 2, f"curvature ratio {ratio:.3g} vs p ratio {ratio_p:.3g}"


def test_adaptive_rates_are_larger_for_rare_features(default_race, ctl):
    """rates.help: features that rarely get a gradient get larger effective rates."""
    pb = problem(A, B, SEED, STEPS)
    from core.problems.sparse import first_hits
    g = groups(pb.objective.data, B)
    group = np.where(g.unseen, 2, np.where(g.rare, 1, 0))
    ratios = rare_rate_ratios(default_race, group, first_hits(pb.objective.hits()),
                                       STEPS)
    assert set(ratios) == {"adagrad", "adam"} and min(ratios.values()) > 1, ratios


def test_no_tuned_rate_of_the_default_race_sits_at_the_grid_edge(default_race):
    assert not default_race.at_edge.any(), dict(zip(default_race.racers, default_race.lr,
                                                    strict=True))


def test_the_dense_control_keeps_the_curvature_and_has_no_zeros():
    """control.intro: same second moments E[x_j²] = p_j, no exact zeros."""
    sparse, dense = (make_data(A, 100, 3000, SEED, kind=k) for k in ("sparse", "dense"))
    assert np.all(dense.X != 0)
    np.testing.assert_allclose(dense.second_moment, dense.p, rtol=1e-12)
    sd = np.sqrt(sparse.p * (1 - sparse.p) / 3000)               # binomial sampling error
    z = np.abs(sparse.second_moment - sparse.p) / sd
    assert z.max() < 5, f"sparse E[x²] off p_j by up to {z.max():.2g} standard errors"


def test_the_control_verdict_matches_one_sweep_at_a_time(ctl):
    """control.{outcome}.{source} and the guide's sparse verdict: medians over the seeds of
    SGD ÷ the best adaptive method, sparse and dense, recomputed one problem at a time."""
    f = control_findings(ctl)
    factors = {}
    for kind in ("sparse", "dense"):
        per = []
        for s in SEEDS:
            fin = one_by_one(kind, s)
            per.append(fin["sgd"] / min(fin[a] for a in ("adagrad", "rmsprop", "adam")))
        factors[kind] = per
    med = {k: float(np.median(v)) for k, v in factors.items()}
    msg = f"per-seed factors {factors}; the page's: {f.per_seed.tolist()}"
    assert f.sparse == pytest.approx(med["sparse"], rel=1e-6), msg
    assert f.dense == pytest.approx(med["dense"], rel=1e-6), msg
    if f.source == "curvature":
        assert med["dense"] >= WIN and med["sparse"] / med["dense"] < WIN, msg
    if f.source == "sparsity":
        assert med["sparse"] / med["dense"] >= WIN, msg
    v = guide.verdict("sparse", {"sparse_race": ctl})
    assert v.supported == (med["sparse"] >= WIN) and v.note == f.source, (v, msg)


# ------------------------------------------------------------------ 2. the Adam ladder


def test_the_ladder_outlasts_the_memory_of_beta2(lad):
    """ladder.intro: each run lasts at least twice 1/(1 − β₂)."""
    assert lad.steps == ladder_steps(B2) and lad.steps >= 2 / (1 - B2) - 1e-9, lad.steps


def test_the_ladder_verdict_is_the_measured_trend(lad):
    """ladder.trend.* and the guide's sparser_adam verdict, from the medians over seeds."""
    med = np.median(lad.excess, axis=2)
    rms, adam = lad.rungs.index("rmsprop"), lad.rungs.index("adam")
    trend = (med[-1, rms] / med[-1, adam]) / (med[0, rms] / med[0, adam])
    v = guide.verdict("sparser_adam", {"ladder": lad})
    msg = f"median excess (levels × rungs {lad.rungs}):\n{med}\ntrend {trend:.3g}"
    assert v.supported == (trend > TREND), msg
    if v.supported:
        assert v.note == ("ahead" if med[-1, adam] < med[-1, rms] else "behind"), msg


# ------------------------------------------------------------------ 3. noise and momentum


def test_momentum_does_not_lower_the_noise_floor(noise):
    """guide.rule.noisy / noise.*: at the same steady step momentum sits on SGD's floor;
    at η itself (10× the steady step) far above it; a smaller step lowers the floor."""
    med = {k: float(np.median(v)) for k, v in noise.floors.items()}
    msg = f"median noise floors over {len(noise.seeds)} seeds: {med}"
    assert 1 / WIN < med["momentum_same"] / med["sgd"] < WIN, msg
    assert med["momentum"] > WIN * med["sgd"], msg
    assert med["sgd_small"] <= med["sgd"] / WIN, msg
    assert guide.verdict("noisy", {"noise_floor": noise}).supported, msg


def test_the_steady_step_of_momentum_is_eta_over_one_minus_mu():
    """table.steady_help / matrix.steady_step: a constant gradient moves heavy ball
    η/(1 − μ) per step once the velocity has built up."""
    eta, mu, g = 0.01, 0.9, np.array([1.0])
    opt = make("sgd", lr=eta, momentum=mu)
    x, state = np.zeros(1), opt.init(np.zeros(1))
    for _ in range(300):
        u, state = opt.update(g, state, x)
        x = x + u
    assert -u[0] == pytest.approx(eta / (1 - mu), rel=1e-6), u


# ------------------------------------------------------------------ 4. the matrix


def test_the_network_gap_is_measured_from_a_reference_below_every_cell(matrix):
    j = SCENARIOS.index("mlp")
    losses = matrix.final_gap[:, j] + matrix.f_ref[j]
    assert matrix.f_ref[j] == reference_loss(0) < losses.min(), (matrix.f_ref[j], losses)


def test_safe_default_is_judged_at_one_rate_for_every_scenario(matrix):
    """guide.verdict.safe.*: brute force over every row and every single rate."""
    best = matrix.final_gap.min(axis=0)
    worst = {r: float((matrix.gap[i] / best[:, None]).max(axis=0).min())
             for i, r in enumerate(matrix.rows)}
    v = guide.verdict("safe", {"matrix": matrix})
    rival = min((r for r in worst if r != "adam"), key=worst.get)
    assert v.numbers["adam_worst"] == pytest.approx(worst["adam"]), worst
    assert v.supported == (worst["adam"] <= worst[rival]), worst


def test_tune_verdict_counts_scenarios_within_two_times(matrix):
    ratio = matrix.ratio[matrix.rows.index("momentum")]
    v = guide.verdict("tune", {"matrix": matrix})
    assert v.numbers["close"] == int(np.sum(ratio <= 2.0)), ratio
    assert v.supported == (2 * int(np.sum(ratio <= 2.0)) >= len(ratio)), ratio


def test_every_verdict_has_its_sentence(results):
    from ui.text import CATALOGUE
    EN, ZH = CATALOGUE["en"], CATALOGUE["zh"]
    for reason in guide._VERDICTS:
        v = guide.verdict(reason, results)
        key = f"choosing.guide.verdict.{reason}.{v.key}"
        assert key in EN and key in ZH, key
