"""Tests for core.calculus: slopes, one-sided limits, stationary points, difference errors,
directional derivatives and the chain rule of e(w) = (w x - y)^2."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calculus.chain import chain_rule, squared_error
from core.calculus.differences import (
    difference_errors,
    rule_check,
    rule_of_thumb_steps,
    slope_check,
)
from core.calculus.directional import directional_derivative, directional_profile
from core.calculus.slopes import (
    EPS,
    central_slope,
    one_sided_limits,
    secant_slope,
    secant_table,
    tangent_line,
    two_point_slope,
)
from core.calculus.stationary import stationary_points
from core.problems.curves import CURVE_NAMES, constant, get_curve, line, power, power_derivative
from core.problems.surfaces import SURFACE_NAMES, get_surface

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)
HS = np.logspace(-15, 0, 61)


# ------------------------------------------------------------- straight lines


@given(a=finite, b=finite, x1=finite, x2=finite)
def test_the_slope_of_a_line_is_the_same_between_any_two_points(a, b, x1, x2):
    if abs(x2 - x1) < 1e-3:
        return
    s = two_point_slope((x1, a * x1 + b), (x2, a * x2 + b))
    assert s.slope == pytest.approx(a, rel=1e-9, abs=1e-9), f"slope {s.slope} for a = {a}"
    assert s.rise == pytest.approx(s.slope * s.run, rel=1e-12, abs=1e-12)


def test_flat_and_vertical_lines():
    assert two_point_slope((-1.0, 2.0), (3.0, 2.0)).slope == 0.0
    vertical = two_point_slope((1.5, -1.0), (1.5, 2.0))
    assert vertical.slope is None and vertical.run == 0 and vertical.rise == 3.0


# ------------------------------------------------------------ secant, tangent


@pytest.mark.parametrize("key", [k for k in CURVE_NAMES if k != "abs"])
def test_secant_slope_tends_to_the_derivative_for_every_catalogue_curve(key):
    curve = get_curve(key)
    x0 = curve.start
    table = secant_table(curve.f, curve.df, x0, np.logspace(-1, -6, 6))
    errors = table["error"]
    assert errors[-1] < 1e-4 * (1 + abs(table["exact"][0])), f"{key}: errors {errors}"
    # shrinks, up to round-off ~ eps |f| / h (a line has no truncation error at all)
    round_off = 10 * EPS * (1 + abs(float(curve.f(x0)))) / 1e-6
    assert errors[-1] <= errors[0] + round_off, f"{key}: error did not shrink: {errors}"


@given(x0=st.floats(-2, 2), h=st.floats(1e-3, 1.0))
def test_the_secant_of_a_parabola_is_exactly_2x0_plus_h(x0, h):
    # (x0 + h)^2 - x0^2 = 2 x0 h + h^2, so s(h) = 2 x0 + h
    s = float(secant_slope(get_curve("square").f, x0, h))
    assert s == pytest.approx(2 * x0 + h, rel=1e-9, abs=1e-9)


def test_negative_h_looks_left_and_the_tangent_touches():
    f = get_curve("cube").f
    assert float(secant_slope(f, 1.0, -0.1)) == pytest.approx((1 - 0.9**3) / 0.1)
    xs = np.array([0.5, 1.0, 1.5])
    t = tangent_line(f, 3.0, 1.0, xs)
    assert t[1] == 1.0 and np.all(t <= f(xs) + 1e-12), f"tangent {t} vs f {f(xs)}"


@pytest.mark.parametrize("key", CURVE_NAMES)
@given(u=st.floats(0.0, 1.0))
@settings(max_examples=40, deadline=None)
def test_every_catalogue_derivative_matches_central_differences_where_it_exists(key, u):
    curve = get_curve(key)
    lo, hi = curve.domain
    x = lo + u * (hi - lo)
    if one_sided_limits(curve.f, x).kind != "smooth":
        assert any(abs(x - k) < 1e-4 for k in curve.kinks), f"{key}: no derivative at {x}"
        return
    formula, numeric = slope_check(curve.f, curve.df, x)
    assert numeric == pytest.approx(formula, rel=1e-6, abs=1e-6), (key, x, formula, numeric)


# ------------------------------------------------------------ one-sided limits


def test_abs_has_a_kink_at_zero_and_nowhere_else():
    f = get_curve("abs").f
    at_zero = one_sided_limits(f, 0.0)
    assert at_zero.kind == "kink" and at_zero.left == pytest.approx(-1.0)
    assert at_zero.right == pytest.approx(1.0)
    for x0 in (-2.0, -0.1, 0.1, 2.5):
        assert one_sided_limits(f, x0).kind == "smooth", x0


@pytest.mark.parametrize("key", [k for k in CURVE_NAMES if k != "abs"])
def test_smooth_catalogue_curves_have_matching_one_sided_limits(key):
    curve = get_curve(key)
    for x0 in np.linspace(*curve.domain, 9):
        limits = one_sided_limits(curve.f, float(x0))
        assert limits.kind == "smooth", f"{key} at {x0}: {limits}"
        assert limits.right == pytest.approx(float(curve.df(x0)), rel=1e-4, abs=1e-4)


def test_vertical_tangent_and_undefined_points():
    assert one_sided_limits(lambda x: np.cbrt(x), 0.0).kind == "vertical"
    assert one_sided_limits(lambda x: np.sqrt(np.abs(x)), 0.0).kind == "vertical"
    assert one_sided_limits(np.log, 0.0).kind == "undefined"
    assert one_sided_limits(np.log, -1.0).kind == "undefined"


# ------------------------------------------------------------ stationary points


def test_stationary_points_of_the_catalogue():
    found = {k: [(round(p.x, 8), p.kind) for p in stationary_points(
        get_curve(k).f, get_curve(k).df, get_curve(k).domain)] for k in CURVE_NAMES}
    assert found["square"] == [(0.0, "min")]
    assert found["cube"] == [(0.0, "flat")]
    assert found["line"] == [] and found["constant"] == [] and found["exp"] == []
    half_pi = math.pi / 2
    assert [kind for _, kind in found["sin"]] == ["max", "min", "max", "min"], found["sin"]
    assert [x for x, _ in found["sin"]] == pytest.approx(
        [-3 * half_pi, -half_pi, half_pi, 3 * half_pi], abs=1e-8), found["sin"]
    kinds = [kind for _, kind in found["double_well"]]
    assert kinds == ["min", "max", "min"], found["double_well"]


def test_double_well_minima_match_the_catalogue():
    curve = get_curve("double_well")
    minima = [p for p in stationary_points(curve.f, curve.df, curve.domain) if p.kind == "min"]
    for found, known in zip(minima, curve.minima, strict=True):
        assert found.x == pytest.approx(known.x, abs=1e-9), (found, known)
        assert found.fx == pytest.approx(known.value, abs=1e-9)


@pytest.mark.parametrize("n", range(7))
def test_powers_classify_even_as_min_odd_as_flat(n):
    curve = power(n)
    kinds = [p.kind for p in stationary_points(curve.f, curve.df, curve.domain)]
    expected = [] if n < 2 else ["min" if n % 2 == 0 else "flat"]
    assert kinds == expected, f"x^{n}: {kinds}"


def test_kink_minimum_is_marked_and_a_pole_is_not_a_stationary_point():
    curve = get_curve("abs")
    [p] = stationary_points(curve.f, curve.df, curve.domain)
    assert p.kind == "min" and p.at_kink and p.x == pytest.approx(0.0, abs=1e-9)
    pole = stationary_points(lambda x: 1 / x**2, lambda x: -2 / x**3, (-2.0, 2.0))
    assert pole == [], pole


@given(c=st.floats(-1.5, 1.5))
@settings(max_examples=30, deadline=None)
def test_cubic_with_two_turning_points(c):
    # f = (x - c)^3 - 3 (x - c): max at c - 1, min at c + 1
    f = lambda x: (x - c) ** 3 - 3 * (x - c)  # noqa: E731
    df = lambda x: 3 * (x - c) ** 2 - 3  # noqa: E731
    found = stationary_points(f, df, (c - 2.13, c + 2.07))
    assert [p.kind for p in found] == ["max", "min"], found
    assert found[0].x == pytest.approx(c - 1, abs=1e-9)
    assert found[1].x == pytest.approx(c + 1, abs=1e-9)


# ----------------------------------------------------- finite-difference error


@pytest.mark.parametrize("key", ["sin", "exp", "cube", "double_well"])
def test_truncation_falls_then_round_off_rises(key):
    curve = get_curve(key)
    e = difference_errors(curve.f, curve.df, curve.start, HS)
    i_fwd, i_cen = int(np.argmin(e.forward)), int(np.argmin(e.central))
    assert 0 < i_fwd < len(HS) - 1 and 0 < i_cen < len(HS) - 1, (i_fwd, i_cen)
    # big h: truncation, the error falls when h shrinks; tiny h: round-off, it grows
    assert e.forward[-1] > 100 * e.forward[i_fwd] and e.forward[0] > 100 * e.forward[i_fwd]
    assert e.central.min() < e.forward.min(), (e.central.min(), e.forward.min())
    assert e.best_central > e.best_forward, (e.best_central, e.best_forward)
    fwd, cen = rule_of_thumb_steps(curve.start)
    assert 1e-3 < e.best_forward / fwd < 1e3 and 1e-3 < e.best_central / cen < 1e3


def test_forward_error_follows_h_over_two_times_f2_at_moderate_h():
    curve = get_curve("sin")
    x0, h = 1.0, 1e-3
    e = difference_errors(curve.f, curve.df, x0, [h])
    expected = abs(float(curve.d2f(x0))) * h / 2
    assert e.forward[0] == pytest.approx(expected, rel=1e-2), (e.forward[0], expected)


def test_difference_errors_refuses_a_point_without_a_derivative():
    with pytest.raises(ValueError, match="no finite derivative"):
        difference_errors(np.log, lambda x: 1 / x, 0.0, HS)


@pytest.mark.parametrize("curve", [constant(2.0), line(-1.5, 0.5), power(4)],
                         ids=["constant", "line", "power4"])
@given(x=st.floats(-2, 2))
@settings(max_examples=20, deadline=None)
def test_each_rule_matches_the_numeric_slope(curve, x):
    formula, numeric = slope_check(curve.f, curve.df, x)
    assert numeric == pytest.approx(formula, rel=1e-6, abs=1e-6), (formula, numeric)


@given(n=st.integers(0, 6), x=st.floats(-6.3, 6.3))
@settings(max_examples=300, deadline=None)
def test_rule_check_gap_is_predicted_truncation_plus_rounding(n, x):
    """c(h) - f'(x) = h^2 f‴(x)/6 + h^4 f^(5)(x)/120 exactly for x^n, n <= 6; what the
    prediction leaves over stays within the rounding scale."""
    curve = power(n)
    r = rule_check(curve.f, curve.df, curve.d3f, x, d5f=power_derivative(n, 5))
    assert r.within_rounding, (f"n={n} x={x}: gap {r.gap:.3e}, truncation {r.truncation:.3e}, "
                               f"rest {r.rounding:.3e} > scale {r.scale:.3e}")


@pytest.mark.parametrize("curve", [constant(-3.0), line(3.0, -3.0), line(-0.7, 2.2), power(1),
                                   power(2)], ids=["c", "line", "line2", "x", "x2"])
@given(x=st.floats(-6.3, 6.3))
@settings(max_examples=60, deadline=None)
def test_without_a_third_derivative_the_gap_is_rounding_alone(curve, x):
    r = rule_check(curve.f, curve.df, curve.d3f, x)
    assert r.truncation == 0 and abs(r.gap) <= r.scale, (x, r.gap, r.scale)


def test_truncation_is_what_the_x_cubed_row_measures():
    """For x^3 away from 0 truncation h^2 dominates rounding: the measured gap is the
    prediction to within the rounding scale, and rounding alone could not explain it."""
    cube = power(3)
    for x in (0.5, 1.5, 2.5, -2.0):
        r = rule_check(cube.f, cube.df, cube.d3f, x)
        assert r.truncation == pytest.approx(r.h**2), (x, r.truncation, r.h)
        assert abs(r.gap - r.truncation) <= r.scale, (x, r.gap, r.truncation, r.scale)
        assert r.gap > r.scale, f"x={x}: gap {r.gap:.2e} is within rounding {r.scale:.2e}"


# ------------------------------------------------------------ two dimensions


@pytest.mark.parametrize("key", SURFACE_NAMES)
@given(u=st.floats(0.05, 0.95), v=st.floats(0.05, 0.95), angle=st.floats(0, 360))
@settings(max_examples=15, deadline=None)
def test_directional_derivative_is_grad_dot_d_and_grad_is_normal_to_contour(key, u, v, angle):
    s = get_surface(key)
    (x0, x1), (y0, y1) = s.domain
    p = (x0 + u * (x1 - x0), y0 + v * (y1 - y0))
    r = directional_derivative(s, p, angle)
    scale = 1 + float(np.hypot(*r.grad))
    assert r.numeric == pytest.approx(r.dot, abs=1e-5 * scale), (r.numeric, r.dot)
    if np.hypot(*r.grad) > 1e-3:
        assert abs(r.contour_angle - 90) < 0.5, f"{key} at {p}: angle {r.contour_angle}"


def test_directional_profile_vanishes_perpendicular_to_the_gradient():
    g = np.array([3.0, 4.0])
    along = math.degrees(math.atan2(4, 3))
    values = directional_profile(g, [along, along + 90, along + 180, along - 90])
    assert values == pytest.approx([5.0, 0.0, -5.0, 0.0], abs=1e-12)


# ------------------------------------------------------------ the chain rule


@given(w=finite, x=finite, y=finite)
def test_chain_rule_product_equals_2_r_x_and_the_numeric_slope(w, x, y):
    c = chain_rule(w, x, y)
    assert c.u == w * x and c.r == c.u - y and c.e == c.r**2
    assert c.de_dw == pytest.approx(2 * (w * x - y) * x, rel=1e-12, abs=1e-12)
    h = 1e-6 * (1 + abs(w))
    numeric = float(central_slope(lambda v: squared_error(v, x, y), w, h))
    assert numeric == pytest.approx(c.de_dw, rel=1e-5, abs=1e-4 * (1 + c.e)), (numeric, c)


def test_secant_of_the_error_approaches_the_chain_rule():
    c = chain_rule(0.5, 2.0, 3.0)
    assert (c.u, c.r, c.e, c.de_dw) == (1.0, -2.0, 4.0, -8.0)
    s = secant_slope(lambda v: squared_error(v, 2.0, 3.0), 0.5, np.array([1e-1, 1e-3]))
    # e is quadratic in w: s(h) = de/dw + x^2 h exactly
    assert s == pytest.approx([-8.0 + 0.4, -8.0 + 0.004], rel=1e-9), s
    assert EPS == np.finfo(float).eps
