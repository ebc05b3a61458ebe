"""The Choosing lesson's decisions, each fed records where each of its answers is right
(small hand-made records shaped like the page's runs, edge cases, and one real run of
the AdamW part)."""

import math
from typing import NamedTuple

import numpy as np
import pytest

from core.experiments import beyond_parts
from core.experiments.beyond_adam import DecayRates
from core.findings.thresholds import TIE, TREND, WIN
from core.lessons.choosing import (
    decay_answer,
    decay_step,
    everywhere,
    ladder_answer,
    ladder_step,
    matrix_answer,
    matrix_step,
    sparse_answer,
    sparse_step,
)


class Race(NamedTuple):
    racers: tuple
    final: np.ndarray
    err_rare: np.ndarray

    def final_excess(self):
        return self.final


def _race(sgd: float, adagrad: float) -> Race:
    racers = ("sgd", "momentum", "adagrad", "rmsprop", "adam")
    final = np.array([sgd, 0.5, adagrad, 0.7, 0.8])
    return Race(racers, final, np.tile(np.linspace(0.9, 0.3, 4), (5, 1)) * final[:, None])


@pytest.mark.parametrize(("sgd", "adagrad", "want"), [
    (1.0, 0.1, "adagrad"), (WIN, 1.0, "adagrad"), (1.4, 1.0, "close"), (1.0, 1.0, "close"),
    (1.0, 1.4, "close"), (1.0, WIN, "sgd"), (0.01, 1.0, "sgd"),
    (math.inf, 1.0, "adagrad"), (math.nan, 1.0, "adagrad"), (1.0, math.nan, "sgd"),
    (math.nan, math.inf, "close"), (1.0, 0.0, "adagrad"),
])
def test_sparse_answer_compares_by_a_win(sgd, adagrad, want):
    assert sparse_answer(sgd, adagrad) == want


@pytest.mark.parametrize(("sgd", "adagrad", "want"), [(0.015, 0.00088, "adagrad"),
                                                      (0.001, 0.02, "sgd"),
                                                      (0.001, 0.0012, "close")])
def test_sparse_step_reads_a_race(sgd, adagrad, want):
    s = sparse_step(_race(sgd, adagrad))
    assert s.answer == want
    assert (s.sgd, s.adagrad) == (sgd, adagrad)
    assert math.isclose(s.factor, sgd / adagrad)
    assert math.isclose(s.sgd_rare, 0.3 * sgd) and math.isclose(s.adagrad_rare, 0.3 * adagrad)


class Ladder(NamedTuple):
    levels: np.ndarray
    rungs: tuple
    excess: np.ndarray


def _ladder(adam_over_rms_dense: float, adam_over_rms_sparse: float) -> Ladder:
    """Three levels, three seeds; RMSProp's median 1 everywhere, Adam's the ratio given
    (the middle level in between); Adam without bias correction twice Adam's."""
    adam = np.array([adam_over_rms_dense, math.sqrt(adam_over_rms_dense * adam_over_rms_sparse),
                     adam_over_rms_sparse])
    seeds = np.array([0.9, 1.0, 1.3])                       # median 1: the rows' own value
    rungs = ("rmsprop", "adam", "adam_nobc")
    ex = np.stack([np.ones(3), adam, 2 * adam], axis=1)[:, :, None] * seeds
    return Ladder(np.array([0.0, 1.0, 2.0]), rungs, ex)


@pytest.mark.parametrize(("dense", "sparse", "want"), [
    (3.0, 1.5, "gains"),             # Adam still behind, but closing: trend 2
    (1.0, 0.5, "gains"),             # Adam takes the lead
    (1.0, 2.0, "loses"), (0.5, 1.5, "loses"),
    (1.0, 1.0, "flat"), (1.0, 1 / (0.99 * TREND), "flat"), (1.0, 0.99 * TREND, "flat"),
])
def test_ladder_answer_follows_the_trend(dense, sparse, want):
    s = ladder_step(_ladder(dense, sparse))
    assert s.answer == want
    assert math.isclose(s.dense_ratio, dense) and math.isclose(s.sparse_ratio, sparse)
    assert math.isclose(s.found.trend, dense / sparse)
    assert s.found.ahead == (sparse < 1.0) and s.dense_a == 0.0


def test_ladder_answer_names_every_direction():
    assert [ladder_answer(d) for d in ("up", "down", "flat")] == ["gains", "loses", "flat"]
    with pytest.raises(KeyError):
        ladder_answer("sideways")


class Matrix(NamedTuple):
    rows: tuple
    columns: tuple
    ratio: np.ndarray
    at_edge: np.ndarray


ROWS = ("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam")


def _matrix(ratio) -> Matrix:
    ratio = np.asarray(ratio, float)
    return Matrix(ROWS, tuple(f"c{j}" for j in range(ratio.shape[1])), ratio,
                  np.zeros(ratio.shape, bool))


def test_matrix_with_one_winner_everywhere():
    r = np.full((6, 3), 5.0)
    r[5] = 1.0                                               # Adam best on all
    r[2, 0] = (1 + TIE) / 2                                  # AdaGrad ties on the first only
    s = matrix_step(_matrix(r))
    assert s.answer == "one" and s.everywhere == ("adam",)
    assert (s.most, s.most_count, s.total, s.steadiest) == ("adam", 3, 3, "adam")
    assert s.steadiest_worst == 1.0


def test_matrix_with_winners_that_change():
    r = np.full((6, 5), 3.0)
    for j in range(4):
        r[2, j] = 1.0                                        # AdaGrad: four of five
    r[5, 4] = 1.0                                            # Adam: the last
    r[5, :4] = 2.0                                           # … and never far off
    r[2, 4] = 400.0
    s = matrix_step(_matrix(r))
    assert s.answer == "several" and s.everywhere == ()
    assert (s.most, s.most_count, s.total) == ("adagrad", 4, 5)
    assert s.steadiest == "adam" and s.steadiest_worst == 2.0
    assert s.winners == (("adagrad",),) * 4 + (("adam",),)


def test_matrix_answer_edge_cases():
    assert matrix_answer((("a", "b"), ("b",), ("c", "b"))) == "one"
    assert everywhere((("a", "b"), ("b",), ("c", "b"))) == ("b",)
    assert matrix_answer((("a",), ("b",))) == "several"
    assert everywhere(()) == () and matrix_answer(()) == "several"


@pytest.mark.parametrize(("adamw", "l2", "want"), [
    (1.0, 7.9, "adamw"), (1.0, WIN, "adamw"), (1 + 1e-9, 3.0, "adamw"),
    ((1 + TIE) / 2, WIN, "adamw"),                    # AdamW within the tie: the same rate
    (1.0, 0.99 * WIN, "unclear"),                     # L2 spread, but not by a win
    (TIE, 5.0, "unclear"),                            # AdamW at the tie: not the same rate
    (2.0, 5.0, "unclear"),                            # smaller spread is not "the same"
    (5.0, 2.0, "unclear"), (1.2, 1.0, "unclear"),
    (1.0, 1.0, "both"), ((1 + TIE) / 2, 1.0, "both"),
    (3.0, 1.0, "l2"), (WIN, 1.0, "l2"),
    (math.nan, 1.0, "unclear"), (1.0, math.nan, "unclear"), (1.0, math.inf, "adamw"),
])
def test_decay_answer(adamw, l2, want):
    assert decay_answer(adamw, l2) == want


def test_decay_answer_takes_stated_thresholds():
    assert decay_answer(1.01, 3.0) == "unclear"
    assert decay_answer(1.01, 3.0, tie=1.05) == "adamw"
    assert decay_answer(1.0, 3.0, win=4.0) == "unclear"


class Part(NamedTuple):
    decay: DecayRates


@pytest.mark.parametrize(("adamw", "l2", "want"), [
    ([0.01, 0.01, 0.01], [0.005, 0.02, 0.04], "adamw"),
    ([0.01, 0.01, 0.01], [0.011, 0.012, 0.0105], "unclear"),
    ([0.001, 0.01, 0.1], [0.011, 0.011, 0.011], "l2"),
    ([0.01, 0.01, 0.01], [0.01, 0.01, 0.01], "both"),
    ([0.001, 0.01, 0.1], [0.011, 0.012, 0.0105], "unclear"),
])
def test_decay_step_reads_the_rates(adamw, l2, want):
    s = decay_step(Part(DecayRates(0.1, 0.1, np.array(adamw), np.array(l2))))
    assert s.answer == want
    assert math.isclose(s.eta_lambda, 0.01)
    assert math.isclose(s.l2_spread, max(l2) / min(l2))
    assert math.isclose(s.adamw_spread, max(adamw) / min(adamw))
    assert (s.l2_lo, s.l2_hi, s.adamw_lo, s.adamw_hi) == (min(l2), max(l2), min(adamw),
                                                           max(adamw))


def test_decay_step_on_the_real_adamw_part():
    """AdamW's measured rates are η λ for every weight; Adam + L2's spread by a win."""
    s = decay_step(beyond_parts.part("adamw"))
    assert s.adamw_spread < 1 + 1e-9 < TIE, s
    assert s.l2_spread >= WIN, s
    assert s.answer == "adamw"
    assert math.isclose(s.adamw_lo, s.eta_lambda, rel_tol=1e-9)
