"""Tests for core.problems.curves: derivatives, kinks, minima, factories and the registry."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.problems.curves import (
    CURVE_NAMES,
    DOUBLE_WELL_GLOBAL_MIN,
    DOUBLE_WELL_LOCAL_MIN,
    Curve,
    constant,
    get_curve,
    line,
    power,
    quadratic,
)

DEFAULTS = tuple(get_curve(key) for key in CURVE_NAMES)
CASES = DEFAULTS + tuple(power(n) for n in range(7)) + (
    line(-1.5, 0.25),
    constant(-2.0),
    quadratic(4.0, 1.5),
    quadratic(0.1, -2.0),
)
KINK_GAP = 1e-3


def _id(curve: Curve) -> str:
    return curve.key + "".join(f"-{name}={value:g}" for name, value in curve.params)


def _to_domain(curve: Curve, u) -> np.ndarray:
    lo, hi = curve.domain
    return lo + np.asarray(u, dtype=np.float64) * (hi - lo)


def _away_from_kinks(curve: Curve, x: np.ndarray) -> np.ndarray:
    x = np.atleast_1d(x)
    keep = np.ones(x.shape, dtype=bool)
    for kink in curve.kinks:
        keep &= np.abs(x - kink) > KINK_GAP
    return x[keep]


def central_difference(g, x: np.ndarray) -> np.ndarray:
    """(g(x + h) - g(x - h)) / (2 h) with h = 1e-6 * max(1, |x|), divided by the step taken."""
    h = 1e-6 * np.maximum(1.0, np.abs(x))
    up, down = x + h, x - h
    return (g(up) - g(down)) / (up - down)


def _assert_derivatives_close(curve: Curve, x: np.ndarray) -> None:
    x = _away_from_kinks(curve, x)
    pairs = [("df", curve.f, curve.df), ("d2f", curve.df, curve.d2f), ("d3f", curve.d2f, curve.d3f)]
    for name, g, dg in pairs:
        analytic, numeric = dg(x), central_difference(g, x)
        # Round-off in g(x+h) - g(x-h) grows with |g|, so the absolute slack does too.
        tol = 1e-6 * np.abs(analytic) + 1e-7 * (1.0 + np.abs(g(x)))
        bad = np.abs(analytic - numeric) > tol
        assert not bad.any(), f"{_id(curve)} {name}: {analytic[bad]} vs {numeric[bad]} at {x[bad]}"


@pytest.mark.parametrize("curve", CASES, ids=_id)
@settings(max_examples=60, deadline=None)
@given(u=st.floats(0.0, 1.0))
def test_derivatives_match_central_differences(curve, u):
    _assert_derivatives_close(curve, _to_domain(curve, u))


@pytest.mark.parametrize("curve", CASES, ids=_id)
def test_derivatives_match_central_differences_on_many_points(curve):
    rng = np.random.default_rng(1)
    _assert_derivatives_close(curve, _to_domain(curve, rng.random(5000)))


@pytest.mark.parametrize("curve", CASES, ids=_id)
def test_every_curve_has_a_second_derivative(curve):
    assert curve.d2f is not None


def test_abs_kink_uses_the_zero_subgradient():
    curve = get_curve("abs")
    assert curve.kinks == (0.0,)
    assert curve.df(0.0) == 0.0
    assert np.isfinite(curve.d2f(0.0))
    assert curve.df(-1e-9) == -1.0 and curve.df(1e-9) == 1.0


@pytest.mark.parametrize("curve", CASES, ids=_id)
def test_kinks_give_finite_derivatives(curve):
    for kink in curve.kinks:
        assert np.isfinite(curve.df(kink)) and np.isfinite(curve.d2f(kink))


@pytest.mark.parametrize("curve", CASES, ids=_id)
def test_listed_minima_are_stationary_with_the_listed_value(curve):
    lo, hi = curve.domain
    for m in curve.minima:
        assert lo <= m.x <= hi
        assert abs(curve.df(m.x)) < 1e-12
        assert curve.f(m.x) == pytest.approx(m.value, abs=1e-12)
        assert curve.d2f(m.x) >= 0


@pytest.mark.parametrize("curve", [c for c in CASES if c.minima], ids=_id)
def test_global_minima_are_lowest_on_the_domain(curve):
    best = [m.value for m in curve.minima if m.is_global]
    others = [m.value for m in curve.minima if not m.is_global]
    assert best and max(best) - min(best) < 1e-12
    assert all(min(best) <= value for value in others)
    rng = np.random.default_rng(2)
    x = np.concatenate([_to_domain(curve, rng.random(20000)), np.linspace(*curve.domain, 4001)])
    assert curve.f(x).min() >= min(best) - 1e-12


def test_double_well_minima_are_refined():
    curve = get_curve("double_well")
    assert curve.minima == (DOUBLE_WELL_GLOBAL_MIN, DOUBLE_WELL_LOCAL_MIN)
    for m in curve.minima:
        w = m.x
        assert abs(4 * w**3 - 6 * w + 1) < 1e-13
        assert m.value == pytest.approx(w**4 - 3 * w**2 + w, abs=1e-14)
    assert DOUBLE_WELL_GLOBAL_MIN.x == pytest.approx(-1.30083956594, abs=1e-11)
    assert DOUBLE_WELL_LOCAL_MIN.x == pytest.approx(1.13090112263, abs=1e-11)
    assert DOUBLE_WELL_GLOBAL_MIN.value < DOUBLE_WELL_LOCAL_MIN.value


def test_double_well_default_start_descends_into_the_shallow_well():
    curve = get_curve("double_well")
    w = curve.start
    for _ in range(500):
        w = w - 0.01 * curve.df(w)
    assert w == pytest.approx(DOUBLE_WELL_LOCAL_MIN.x, abs=1e-6), f"ended at {w}"


@pytest.mark.parametrize("curve", CASES, ids=_id)
@pytest.mark.parametrize("shape", [(), (5,), (3, 4)])
def test_vectorised_evaluation_matches_point_by_point(curve, shape):
    x = _to_domain(curve, np.random.default_rng(3).random(shape))
    for g in (curve.f, curve.df, curve.d2f):
        values = g(x)
        assert values.shape == shape and values.dtype == np.float64
        for index in np.ndindex(*shape):
            np.testing.assert_allclose(values[index], g(x[index]), rtol=1e-14, atol=1e-14)


@pytest.mark.parametrize("n", range(7))
def test_power_is_exact_at_zero_and_one_without_warnings(n):
    curve = power(n)
    x = np.array([0, 1, 2])  # integers on purpose
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f, df, d2f = curve.f(x), curve.df(x), curve.d2f(x)
    assert f.tolist() == [0.0**n, 1.0, 2.0**n]
    assert df.tolist() == [1.0 if n == 1 else 0.0, float(n), n * 2.0 ** max(n - 1, 0)]
    assert d2f.tolist() == [2.0 if n == 2 else 0.0, float(n * (n - 1)),
                            n * (n - 1) * 2.0 ** max(n - 2, 0)]


def test_factories_use_their_parameters():
    assert get_curve("line").f(2.0) == 5.0  # defaults a=2, b=1
    assert get_curve("line", a=3, b=-1).f(2.0) == 5.0
    assert get_curve("constant").f(np.zeros(4)).tolist() == [3.0] * 4
    assert get_curve("power", n=4).f(2.0) == 16.0
    assert get_curve("quadratic").d2f(0.7) == 1.0
    bent = get_curve("quadratic", curvature=4, center=1.5)
    assert bent.f(2.5) == 2.0 and bent.df(2.5) == 4.0 and bent.d2f(2.5) == 4.0
    assert bent.minima[0].x == 1.5 and bent.params == (("curvature", 4.0), ("center", 1.5))


@pytest.mark.parametrize("make", [
    lambda: power(7), lambda: power(-1), lambda: power(2.5), lambda: power(True),
    lambda: power("2"), lambda: power(float("nan")),
    lambda: quadratic(0.0), lambda: quadratic(-1.0), lambda: quadratic(float("nan")),
    lambda: quadratic(1.0, center=float("inf")),
    lambda: line(float("inf")), lambda: line(1.0, None), lambda: constant(float("nan")),
])
def test_factories_reject_bad_values(make):
    with pytest.raises(ValueError):
        make()


@pytest.mark.parametrize("key, params, match", [
    ("nope", {}, "unknown curve"),
    ("x^2", {}, "unknown curve"),
    ("square", {"n": 3}, "no parameter n"),
    ("line", {"slope": 1.0}, "no parameter slope"),
    ("quadratic", {"kappa": 1.0}, "no parameter kappa"),
    ("quadratic", {"curvature": 0.0}, "curvature"),
    ("quadratic", {"curvature": -2.0}, "curvature"),
    ("power", {"n": 9}, "n must be"),
    ("constant", {"c": float("inf")}, "c must be"),
    ("line", {"a": "2"}, "a must be"),
])
def test_get_curve_rejects_bad_requests(key, params, match):
    with pytest.raises(ValueError, match=match):
        get_curve(key, **params)


def test_catalogue_keys_and_defaults():
    required = {"square", "cube", "sin", "exp", "abs", "line", "constant", "double_well",
                "quadratic"}
    assert required <= set(CURVE_NAMES) and len(set(CURVE_NAMES)) == len(CURVE_NAMES)
    for key, curve in zip(CURVE_NAMES, DEFAULTS, strict=True):
        assert curve.key == key and curve.title and curve.latex
        lo, hi = curve.domain
        assert lo < curve.start < hi
    assert get_curve("square").f(3.0) == 9.0 and get_curve("cube").f(2.0) == 8.0
    assert get_curve("double_well").domain == (-2.2, 2.2)


def test_every_catalogue_curve_has_a_third_derivative():
    from core.problems.curves import CURVE_NAMES, get_curve

    missing = [key for key in CURVE_NAMES if get_curve(key).d3f is None]
    assert not missing, missing


@pytest.mark.parametrize("n", range(7))
@pytest.mark.parametrize("k", range(8))
def test_power_derivative_is_the_kth_derivative_of_x_to_the_n(n, k):
    from core.problems.curves import power_derivative

    x = np.array([-1.7, -0.4, 0.0, 0.9, 2.0])
    expected = np.polyval(np.polyder(np.eye(n + 1)[0], k), x) if k <= n else 0 * x
    assert power_derivative(n, k)(x) == pytest.approx(expected, rel=1e-12), (n, k)
