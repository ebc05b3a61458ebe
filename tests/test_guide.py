"""core.guide: the rules pick what they say, every reason names a real experiment, and
the verdicts follow the measured numbers in both directions."""

import itertools

import numpy as np
import pytest

from core import guide
from core.guide import (
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
from core.matrix import Matrix
from core.sparse_race import LadderResult, RaceResult

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


@pytest.mark.parametrize("answers", ALL_ANSWERS, ids=lambda a: "-".join(k for k, v in a.items()
                                                                        if v) or "none")
def test_every_combination_gives_a_consistent_answer(answers):
    adv = advise(answers)
    assert adv.scores[adv.pick] == max(adv.scores.values())
    assert adv.scores[adv.pick] > 0
    yes = {q for q, v in answers.items() if v}
    for r in adv.reasons:
        assert r.question in yes or (r.question is None and not yes)
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


def fake_race(final: dict) -> RaceResult:
    racers = tuple(final)
    excess = np.array([[1.0, v] for v in final.values()])
    z = np.zeros((len(racers), 2))
    return RaceResult(racers, z[:, 0], z[:, 0] == 0, z[:, 0], np.arange(2), excess, z, z,
                      np.zeros((len(racers), 1, 1)), z)


def test_sparse_verdict_follows_the_numbers():
    dense = fake_race({"sgd": 1.0, "momentum": 1.0, "adagrad": 1.0, "rmsprop": 1.0, "adam": 1.0})
    win = fake_race({"sgd": 4.0, "momentum": 3.0, "adagrad": 1.0, "rmsprop": 2.0, "adam": 2.0})
    v = verdict("sparse", {"sparse_race": win, "dense_race": dense})
    assert v.supported and v.numbers["best"] == "adagrad" and v.numbers["factor"] == 4.0
    assert v.numbers["dense_factor"] == 1.0 and v.key == "yes"
    assert not verdict("sparse", {"sparse_race": dense, "dense_race": dense}).supported
    noisy = fake_race({"sgd": 2.0, "momentum": 2.0, "adagrad": 1.0, "rmsprop": 2.0, "adam": 2.0})
    both = verdict("sparse", {"sparse_race": win, "dense_race": noisy})
    assert both.key == "yes_dense_too" and both.numbers["growth"] == 2.0


def test_ladder_verdict_reads_the_sparsest_level():
    excess = np.ones((3, 3, 2))
    excess[-1, 2] = 2.0                      # Adam worse than RMSProp at the sparsest level
    L = LadderResult(np.array([0.0, 1.0, 2.0]), ("rmsprop", "adam_nobc", "adam"), (0, 1),
                     excess, excess, excess)
    v = verdict("sparser_adam", {"ladder": L})
    assert not v.supported and v.numbers["adam"] == 2.0 and v.numbers["a"] == 2.0
    excess[-1, 2] = 0.5
    assert verdict("sparser_adam", {"ladder": L}).supported


def fake_matrix(ratio: np.ndarray) -> Matrix:
    rows = ("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam")
    cols = ("bowl", "rosenbrock", "noisy", "sparse", "mlp")
    score = ratio[..., None] * 1e-3
    return Matrix(rows, cols, np.array([0.1]), score, np.zeros(score.shape, bool),
                  np.ones(len(cols)), np.zeros(len(cols)), 0)


def test_matrix_verdicts_follow_the_numbers():
    ratio = np.ones((6, 5))
    ratio[0] = 50.0                     # SGD far behind everywhere
    ratio[5, 1] = 3.0                   # Adam 3× behind on one scenario
    ratio[1, 3] = 5.0                   # momentum 5× behind on one scenario
    m = fake_matrix(ratio)
    safe = verdict("safe", {"matrix": m})
    assert not safe.supported and safe.numbers["adam_worst"] == pytest.approx(3.0)
    assert safe.numbers["rival_worst"] == pytest.approx(1.0)
    assert verdict("noisy", {"matrix": m}).supported
    tune = verdict("tune", {"matrix": m})
    assert tune.supported and tune.numbers["close"] == 4
    ratio[5, 1] = 1.0
    ratio[2:5] = 2.0
    assert verdict("first_choice", {"matrix": fake_matrix(ratio)}).supported
    ratio[5, 2] = 80.0                  # Adam worse than SGD on noisy gradients
    assert not verdict("noisy", {"matrix": fake_matrix(ratio)}).supported
