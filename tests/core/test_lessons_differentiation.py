"""The Differentiation lesson's decisions, each fed runs where each of its answers is right."""

import math

import numpy as np
import pytest

from core.lessons.differentiation import (
    best_h_answer,
    line_answer,
    line_step,
    nearest_pair,
    point_answer,
    secant_answer,
)


@pytest.mark.parametrize(("far", "near", "want"), [
    (1.5, 1.4999999999999993, "same"), (0.0, 0.0, "same"), (3.0, 1.5, "steeper"),
    (-3.0, -1.5, "steeper"), (1.0, 1.5, "shallower"), (-1.0, 2.0, "shallower")])
def test_line_answer(far, near, want):
    assert line_answer(far, near) == want


@pytest.mark.parametrize(("s_large", "s_small", "exact", "want"), [
    (3.0, 2.001, 2.0, "tangent"),           # x^2 at 1: s(h) = 2 + h
    (0.8415, 1e-4, 5.0, "zero"),            # a slope that vanishes, away from f'
    (2.0, 2000.0, 1.0, "grows"),            # a slope that blows up as h shrinks
    (2.0, 2.0, 2.0, "tangent"),             # a line: s = f' at every h
])
def test_secant_answer(s_large, s_small, exact, want):
    assert secant_answer(s_large, s_small, exact) == want


def test_secant_on_the_square_as_h_shrinks():
    for h in (0.1, 1e-3, 1e-6):
        assert secant_answer(1 + 2.0 * 1.0, 2.0 + h, 2.0) == "tangent"


@pytest.mark.parametrize(("kinds", "want"), [
    (["min"], "min"), (["max"], "max"), (["flat"], "flat"), (["min_kink"], "min"),
    (["max_kink"], "max")])
def test_point_answer_kinds(kinds, want):
    assert point_answer([0.0], kinds, 0.0) == want


def test_point_answer_takes_the_nearest_and_refuses_none():
    assert point_answer([-1.3, 1.13], ["min", "max"], 1.0) == "max"
    assert point_answer([-1.3, 1.13], ["min", "max"], -1.0) == "min"
    with pytest.raises(ValueError):
        point_answer([], [], 0.0)


def test_best_h_answer():
    hs = np.logspace(-16, 0, 17)
    assert best_h_answer(hs, hs) == "tiny"                           # pure truncation
    assert best_h_answer(hs, 1e-16 / hs) == "large"                  # pure rounding
    assert best_h_answer(hs, hs + 1e-16 / hs) == "between"           # both, best near 1e-8
    assert best_h_answer(hs, np.where(hs == 1e-8, 0.0, 1.0)) == "between"
    assert best_h_answer(hs, np.full(17, math.pi)) == "tiny"         # ties: the first


def test_nearest_pair_and_line_step():
    pairs = ((-2.5, -0.5), (0.0, 2.0), (1.0, 1.2))
    assert nearest_pair(pairs) == 2
    assert nearest_pair(((0.0, 1.0), (3.0, 2.0), (5.0, 6.0))) == 0      # ties: the first
    with pytest.raises(ValueError):
        nearest_pair(())
    s = line_step(0.8, pairs, (0.8, 0.8, 0.8000000000000003))
    assert (s.answer, s.u, s.v, s.near) == ("same", 1.0, 1.2, 0.8000000000000003)
    assert line_step(2.0, pairs, (9.0, 9.0, 1.0)).answer == "steeper"   # the nearest counts
    assert line_step(2.0, pairs, (1.0, 1.0, 9.0)).answer == "shallower"
