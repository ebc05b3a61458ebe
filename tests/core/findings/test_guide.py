"""core.findings.guide: the rules pick what they say, every reason names a real experiment, and
the verdicts follow the measured numbers in both directions."""

import itertools

import numpy as np
import pytest

from core.experiments.ladder import LadderResult
from core.experiments.matrix import Matrix, NoiseFloor
from core.experiments.sparse_race import ControlResult
from core.findings import guide
from core.findings.guide import (
    CANDIDATES,
    EXPERIMENTS,
    KEYS,
    QUESTIONS,
    RULES,
    VIEWS,
    advise,
    link,
    needed,
    verdict,
)

ALL_ANSWERS = [dict(zip(QUESTIONS, bits, strict=True))
               for bits in itertools.product([False, True], repeat=len(QUESTIONS))]


def test_the_articles_rules():
    assert advise({}).pick == "adam"
    assert [r.reason for r in advise({}).reasons] == ["first_choice"]
    sparse = advise({"sparse": True})
    assert sparse.pick == "adam" and sparse.runner_up == "adagrad"
    assert {r.reason for r in sparse.reasons} == {"sparse", "sparser_adam"}
    assert advise({"tune": True}).pick == "momentum"
    assert advise({"safe": True}).pick == "adam"
    assert advise({"noisy": True, "tune": True}).pick == "momentum"
    noisy = advise({"noisy": True})
    assert noisy.scores["momentum"] == 0, "noise is no reason for momentum"
    assert [r.reason for r in noisy.reasons] == ["noisy", "first_choice"]


@pytest.mark.parametrize("answers", ALL_ANSWERS, ids=lambda a: "-".join(k for k, v in a.items()
                                                                        if v) or "none")
def test_every_combination_gives_a_consistent_answer(answers):
    adv = advise(answers)
    assert adv.scores[adv.pick] == max(adv.scores.values())
    assert adv.scores[adv.pick] > 0
    yes = {q for q, v in answers.items() if v}
    scoring = any(r.favours for r in adv.reasons if r.question is not None)
    for r in adv.reasons:
        assert r.question in yes or (r.question is None and not scoring)
        assert r.experiment in EXPERIMENTS
        assert adv.pick in CANDIDATES
    for ex in needed(adv):
        assert ex in EXPERIMENTS


def test_rules_the_evidence_did_not_back_add_no_points():
    sparse = {"sparse": True}
    plain = advise(sparse)
    assert plain.scores["adam"] == 3 and plain.dropped == ()
    weighed = advise(sparse, {"sparse": True, "sparser_adam": False})
    assert weighed.scores["adam"] == 2 and weighed.dropped == ("sparser_adam",)
    assert weighed.reasons == plain.reasons, "an unbacked rule is still shown"
    nothing = advise({"tune": True}, {"tune": False})
    assert nothing.scores["momentum"] == 0 and nothing.runner_up is None


def test_unknown_question_is_refused():
    with pytest.raises(ValueError):
        advise({"quantum": True})


@pytest.mark.parametrize("experiment", list(EXPERIMENTS))
def test_links_are_plain_query_parameters_of_known_keys(experiment):
    params = link(experiment)
    assert params[KEYS["view"]] in VIEWS
    assert set(params) <= set(KEYS.values())
    for value in params.values():
        assert isinstance(value, str) and value and "&" not in value


def test_every_rule_has_a_verdict():
    assert {r.reason for r in RULES} <= set(guide._VERDICTS)


# ------------------------------------------------------------------ verdicts on made-up results

RACERS = ("sgd", "momentum", "adagrad", "rmsprop", "adam")


def fake_control(sparse: list[dict], dense: list[dict]) -> ControlResult:
    """A control result with the given final excess losses per seed (dicts by racer)."""
    ex = np.array([[[d[r] for d in kind] for r in RACERS] for kind in (sparse, dense)])
    z = np.zeros(ex.shape)
    return ControlResult(1.5, 32, ("sparse", "dense"), RACERS, tuple(range(len(sparse))),
                         ex, z, z + 0.1, z.astype(bool))


def final(sgd, adagrad, rest=9.0):
    return {"sgd": sgd, "momentum": rest, "adagrad": adagrad, "rmsprop": rest, "adam": rest}


def test_sparse_verdict_follows_the_numbers():
    win, even = final(4.0, 1.0), final(1.0, 1.0)
    v = verdict("sparse", {"sparse_race": fake_control([win] * 3, [even] * 3)})
    assert v.supported and v.numbers["best"] == "adagrad" and v.numbers["factor"] == 4.0
    assert v.numbers["dense_factor"] == 1.0 and v.key == "yes_sparsity", v
    same = verdict("sparse", {"sparse_race": fake_control([win] * 3, [win] * 3)})
    assert same.key == "yes_curvature" and same.numbers["gain"] == 1.0, same
    assert not verdict("sparse", {"sparse_race": fake_control([even] * 3, [even] * 3)}).supported
    # the median decides: one lucky seed is not enough
    lucky = verdict("sparse", {"sparse_race": fake_control([win, even, even], [even] * 3)})
    assert not lucky.supported and lucky.key == "no", lucky


def fake_ladder(rms, adam) -> LadderResult:
    excess = np.stack([rms, np.ones(len(rms)), adam], axis=1)[..., None].astype(float)
    return LadderResult(np.arange(len(rms), dtype=float), ("rmsprop", "adam_nobc", "adam"),
                        (0,), excess, excess, excess, np.zeros(excess.shape, bool))


def test_ladder_verdict_is_the_trend_claim():
    up_behind = verdict("sparser_adam", {"ladder": fake_ladder([1.0, 1.0, 1.0], [3.0, 2.0, 1.5])})
    assert up_behind.supported and up_behind.key == "yes_behind", up_behind
    assert up_behind.numbers["trend"] == pytest.approx(2.0)
    up_ahead = verdict("sparser_adam", {"ladder": fake_ladder([1.0, 1.0, 1.0], [1.5, 1.0, 0.5])})
    assert up_ahead.key == "yes_ahead"
    flat = verdict("sparser_adam", {"ladder": fake_ladder([1.0, 1.0, 2.0], [0.5, 0.5, 1.0])})
    assert not flat.supported and flat.key == "no_flat", "ahead everywhere, but no trend"
    down = verdict("sparser_adam", {"ladder": fake_ladder([1.0, 1.0, 1.0], [1.0, 2.0, 3.0])})
    assert down.key == "no_down"


def fake_matrix(gaps: np.ndarray) -> Matrix:
    """A matrix of 6 rows × 5 columns × n rates with the given per-rate gaps (all stable;
    the rule picks each cell's lowest gap)."""
    rows = ("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam")
    cols = ("bowl", "rosenbrock", "noisy", "sparse", "mlp")
    n = gaps.shape[-1]
    return Matrix(rows, cols, np.logspace(-3, 0, n), gaps, np.log10(gaps),
                  np.ones(gaps.shape, bool), np.ones(len(cols)), np.zeros(len(cols)), 0)


def test_safe_verdict_uses_one_rate_for_every_scenario():
    """Tuned per scenario every row is perfect here; with one rate for all, Adam's worst
    is 2×, momentum's 10×: "safe" is about the one rate."""
    gaps = np.full((6, 5, 2), 1e-3)
    gaps[:, :, 1] = 1e-2                          # rate 1 is 10× worse, everywhere …
    gaps[1, :2, 0], gaps[1, :2, 1] = 1e-2, 1e-3   # … but momentum needs rate 1 on two columns
    gaps[5, 0] = 2e-3, 1e-3                       # Adam at rate 0 is 2× behind on the bowl
    for row in (0, 2, 3, 4):
        gaps[row, 0] = 5e-3, 1e-3                 # the others 5×
    m = fake_matrix(gaps)
    assert np.allclose(m.ratio, 1.0)
    v = verdict("safe", {"matrix": m})
    assert v.supported and v.numbers["adam_worst"] == pytest.approx(2.0), v
    assert v.numbers["rival_worst"] == pytest.approx(5.0), v
    gaps[5, 0] = 1e-1, 1e-3
    assert not verdict("first_choice", {"matrix": fake_matrix(gaps)}).supported


def test_tune_verdict_counts_scenarios_within_two_times():
    gaps = np.full((6, 5, 1), 1e-3)
    gaps[1, 3] = 5e-3                             # momentum 5× behind on one scenario
    tune = verdict("tune", {"matrix": fake_matrix(gaps)})
    assert tune.supported and tune.numbers["close"] == 4 and tune.numbers["worst"] == 5.0
    gaps[1, :3] = 3e-3
    assert not verdict("tune", {"matrix": fake_matrix(gaps)}).supported


def fake_noise(sgd, same, raw, small) -> NoiseFloor:
    f = {k: np.array([v, v * 1.01, v * 0.99]) for k, v in
         (("sgd", sgd), ("momentum_same", same), ("momentum", raw), ("sgd_small", small))}
    return NoiseFloor(0.05, 0.9, 600, 300, (0, 1, 2), f)


def test_noisy_verdict_needs_the_same_floor_and_a_smaller_step_helping():
    ok = verdict("noisy", {"noise_floor": fake_noise(0.1, 0.09, 1.0, 0.03)})
    assert ok.supported and ok.numbers["same"] == pytest.approx(0.9), ok
    averaged = verdict("noisy", {"noise_floor": fake_noise(0.1, 0.05, 1.0, 0.03)})
    assert not averaged.supported, "momentum halving the floor would back the old myth"
    assert not verdict("noisy", {"noise_floor": fake_noise(0.1, 0.1, 1.0, 0.08)}).supported
