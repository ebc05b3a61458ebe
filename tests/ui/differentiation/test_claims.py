"""Claims of the Differentiation page, each checked against the run that produces it.

Every sentence the page shows about a measurement (ui/text/differentiation.py) is listed
here next to the computation the page makes for it; a failure prints the measured numbers.
The coordinator merges this file into tests/test_claims.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.calculus.chain import chain_rule, squared_error
from core.calculus.differences import rule_of_thumb_steps
from core.calculus.formula import parse
from core.calculus.slopes import EPS, one_sided_limits, secant_slope
from core.calculus.stationary import stationary_points
from core.problems.curves import CURVE_NAMES, get_curve, power_derivative
from core.problems.surfaces import SURFACE_NAMES, get_surface
from tests.apputil import open_page
from ui.differentiation import data
from ui.text import CATALOGUE

PAGE = "pages/1_Differentiation.py"
EN = CATALOGUE["en"]
P = "differentiation."


# ------------------------------------------------------------------ the defaults


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_show_no_error_warning_or_notice_in_any_section(lang):
    """At the defaults no section shows an error, a warning (kink, vertical line, bad link)
    or an info box (gaps, exact differences): every section shows its ordinary lesson."""
    at = open_page(PAGE, {"lang": lang} if lang != "en" else {})
    assert not at.exception, [e.value for e in at.exception]
    boxes = {"error": [e.value for e in at.error], "warning": [w.value for w in at.warning],
             "info": [i.value for i in at.info]}
    assert not any(boxes.values()), boxes


def test_defaults_show_the_lesson_sentence_of_every_section():
    at = open_page(PAGE)
    text = "\n".join(m.value for m in at.markdown)
    lessons = {
        "s1 same slope elsewhere": "A straight line has one slope everywhere.",
        "s2 tangent exists": "both sides close in on the same number",
        "s3 rule check split": "In the xⁿ row (n = 3) the predicted truncation",
        "s3 rounding explains the rest": "In every row the rest stays within its rounding scale",
        "s4 symbolic check": "Check at x = 1: the symbolic f′ gives",
        "s5 truncation then round-off": "Read the chart from right to left.",
        "s6 right angle": "it meets the gradient at **90.000°**",
        "s7 chain rule": "de/dw = -8: a small increase of w would lower the error",
    }
    missing = [name for name, words in lessons.items() if words not in text]
    assert not missing, missing


# ------------------------------------------------------------------ 1. a straight line


@pytest.mark.parametrize("kind", ["sloped", "flat"])
@pytest.mark.parametrize(("a", "b"), [(1.5, 0.5), (-3.0, 2.0), (0.1, -2.0)])
def test_a_straight_line_has_one_slope_everywhere(kind, a, b):
    *_, result, others = data.straight_line(kind, a, b, -1.0, 1.5)
    slopes = [result.slope, *others]
    assert max(slopes) - min(slopes) <= 1e-12 * (1 + abs(a)), slopes


def test_the_h_slider_divides_h_by_about_1_8_per_notch():
    ratios = np.array(data.H_STOPS[1:]) / np.array(data.H_STOPS[:-1])
    assert np.all((1.7 < ratios) & (ratios < 1.9)), ratios


# ------------------------------------------------------------------ 2. secant to tangent


@pytest.mark.parametrize("key", [k for k in CURVE_NAMES if k != "abs"])
def test_both_sides_close_in_on_the_derivative(key):
    curve = get_curve(key)
    out = data.secant(key, round(curve.start, 2), 0.5)
    assert out["limits"].kind == "smooth", out["limits"]
    rows = out["approach"]
    for side in ("right", "left"):
        s = rows[rows.side == side].sort_values("h")
        err = np.abs(s.slope.to_numpy() - out["exact"])
        assert err[0] < 1e-4 * (1 + abs(out["exact"])), (key, side, err[0])
        assert err[0] < err[-1] or err[-1] == 0, (key, side, err[0], err[-1])


def test_abs_at_zero_is_a_kink_with_left_slope_minus_one_and_right_slope_one():
    lim = one_sided_limits(get_curve("abs").f, 0.0)
    assert lim.kind == "kink" and lim.left == pytest.approx(-1) and lim.right == pytest.approx(1)


def test_a_vertical_tangent_is_reported_as_growing_slopes():
    f = parse("sqrt(abs(x))").f
    lim = one_sided_limits(f, 0.0)
    slopes = np.abs(secant_slope(f, 0.0, np.array([1e-2, 1e-4, 1e-6])))
    assert lim.kind == "vertical" and np.all(np.diff(slopes) > 0), (lim, slopes)


# ------------------------------------------------------------------ 3. slope everywhere


@pytest.mark.parametrize("key", CURVE_NAMES)
def test_stationary_points_are_where_the_page_says_and_of_the_kind_it_says(key):
    curve = get_curve(key)
    found = stationary_points(curve.f, curve.df, curve.domain)
    for p in found:
        d = 1e-3
        left, right = float(curve.df(p.x - d)), float(curve.df(p.x + d))
        expected = "min" if left < 0 < right else "max" if left > 0 > right else "flat"
        assert p.kind == expected, (key, p, left, right)
        if not p.at_kink:
            assert abs(float(curve.df(p.x))) < 1e-8, (key, p, float(curve.df(p.x)))
    if key in ("exp", "line"):
        grid = curve.df(np.linspace(*curve.domain, 801))
        assert not found and np.all(grid != 0), (key, found)   # no_stationary


def test_x_cubed_at_zero_is_a_horizontal_inflection_point():
    cube = get_curve("cube")
    (p,) = stationary_points(cube.f, cube.df, cube.domain)
    assert p.kind == "flat" and abs(p.x) < 1e-6, p
    assert cube.df(-0.1) > 0 and cube.df(0.1) > 0


@pytest.mark.parametrize("n", range(7))
@pytest.mark.parametrize("x", [-6.28, -2.5, -1.0, 0.0, 0.3, 1.5, 2.5, 3.0])
def test_rules_table_difference_is_truncation_plus_rounding(n, x):
    """rules_note / rules_power_truncation / rules_rounding_ok: in each row the measured
    difference minus the predicted truncation h²f‴/6 (+ h⁴f⁽⁵⁾/120) stays within the rounding
    scale 2ε(max|f(x±h)| + |x f′|)/h, so the page never needs rules_rounding_big."""
    rows = dict(data.rule_checks(x, 2.0, 1.5, -1.0, n))
    for rule, r in rows.items():
        assert r.within_rounding, (f"{rule} n={n} x={x}: gap {r.gap:.3e} = truncation "
                                   f"{r.truncation:.3e} + rest {r.rounding:.3e}, "
                                   f"scale {r.scale:.3e}")
    power = rows["power"]
    third = float(power_derivative(n, 3)(x))
    if third == 0 and power.truncation == 0:
        assert abs(power.gap) <= power.scale, (n, x, power.gap, power.scale)
    if abs(third) > 0 and n == 3:
        assert power.truncation == pytest.approx(power.h**2 * third / 6), (n, x)


def test_at_the_defaults_the_power_row_is_mostly_truncation():
    """The default view (x = 2.5, n = 3) shows what rules_note says: x³'s gap is the
    predicted truncation, larger than the rounding bound."""
    r = dict(data.rule_checks(2.5, 2.0, 1.5, -1.0, 3))["power"]
    assert r.truncation > r.scale, (r.truncation, r.scale)
    assert abs(r.gap - r.truncation) <= r.scale, (r.gap, r.truncation, r.scale)


# ------------------------------------------------------------------ 4. typed function


@pytest.mark.parametrize("text", ["x**3 - 2*x + sin(x)", "exp(-x^2)", "abs(x)", "log(x)",
                                  "x^4 - 3*x^2 + x", "tanh(3*x)"])
def test_typed_examples_draw_and_the_symbolic_slope_matches_the_measured_one(text):
    out = data.typed(text, 1.0)
    assert "error" not in out, out.get("error")
    gap = abs(out["formula"] - out["numeric"])
    assert gap < 1e-7 * (1 + abs(out["formula"])), (text, out["formula"], out["numeric"])


@pytest.mark.parametrize("text", ["log(x)", "1/x", "sin(x)/x", "sqrt(x)", "exp(exp(exp(x)))"])
def test_the_gap_note_counts_the_points_without_a_value(text):
    out = data.typed(text, 1.0)
    f = parse(text).f(np.linspace(*data.TYPED_RANGE, data.N_GRID))
    counted = sum(g.count for g in out["gaps"])
    assert counted == int((~np.isfinite(f)).sum()), (text, counted, out["gaps"])


# ------------------------------------------------------------------ 5. accuracy


def _positions(key):
    curve = get_curve(key)
    lo, hi = curve.domain
    return [round(curve.start, 2), 0.0, -0.5, 0.3, *np.round(np.linspace(lo, hi, 7)[1:-1], 2)]


@pytest.mark.parametrize("key", CURVE_NAMES)
def test_the_accuracy_sentences_the_page_picks_are_true(key):
    """accuracy_all_exact / accuracy_exact / accuracy_shape (+ roundoff, between, edge,
    no_roundoff), at the default x0 and at six other points of each curve."""
    curve = get_curve(key)
    for x0 in _positions(key):
        out = data.accuracy(key, float(x0))
        if out is None:
            assert one_sided_limits(curve.f, x0).kind != "smooth", (key, x0)
            continue
        e = out["errors"]
        exact = [m for m, v in out["at_h1"].items() if v <= 1e-12]
        if out["zeros"] == len(out["rows"]):                                # all_exact
            assert not e.forward.any() and not e.central.any(), (key, x0)
            continue
        if out["near_kink"]:                                                # kink
            d = abs(out["kink"] - x0)
            for m in ("forward", "central"):
                err = getattr(e, m)
                reaches = m in out["kink_methods"]
                small = e.h < 0.9 * d if reaches else e.h > 0
                rounding = 4 * EPS * (1 + abs(x0)) / e.h[small]   # only round-off
                assert np.all(err[small] <= rounding), (key, x0, m, err[small] / rounding)
                if reaches:                                  # "reach across it": a jump error
                    assert err[e.h > 1.1 * d].min() > 1e-3, (key, x0, m, err[e.h > 1.1 * d])
            continue
        for m in exact:                                                     # exact
            err = getattr(e, m)
            big, small = err[e.h >= 1e-2].max(), err[e.h <= 1e-10].max()
            assert big <= 1e-12, (key, x0, m, big)          # no truncation at large h
            if abs(float(curve.f(x0))) > 1e-3:               # "largest at the smallest steps"
                assert small > 10 * big and err.argmax() < len(err) // 2, (key, x0, m, big, small)
        if not exact:
            _check_shape(key, curve, float(x0), out)


def _check_shape(key, curve, x0, out):
    e, (p_fwd, p_cen) = out["errors"], out["orders"]
    d2, d3 = abs(float(curve.d2f(x0))), abs(float(curve.d3f(x0)))
    assert p_fwd > 0.9 and p_cen > 1.9, (key, x0, p_fwd, p_cen)            # "more where 0"
    if d2 >= 0.5:
        assert abs(p_fwd - 1) < 0.15, f"{key} x0={x0}: f″={d2:.2f}, forward p={p_fwd:.2f}"
    if d3 >= 0.5:
        assert abs(p_cen - 2) < 0.15, f"{key} x0={x0}: f‴={d3:.2f}, central p={p_cen:.2f}"
    if out["roundoff"]:                     # "round-off takes over" at small h
        assert any(err[e.h <= 1e-12].max() > 10 * err.min() for err in (e.forward, e.central))
        if out["best_inside"]:              # "the best h lies in between"
            assert e.h[0] < min(e.best_forward, e.best_central)
            assert max(e.best_forward, e.best_central) < e.h[-1]
    else:                                   # no_roundoff: values of f no bigger than about h
        h = 1e-8
        near = abs(float(curve.f(x0 + h))) + abs(float(curve.f(x0 - h)))
        assert near <= 4 * h * (1 + abs(float(curve.df(x0)))), (key, x0, near)
        assert min(e.best_forward, e.best_central) <= 1e-12, (key, x0, e.best_forward)


def test_rule_of_thumb_steps_are_the_textbook_ones():
    fwd, cen = rule_of_thumb_steps(1.0)
    assert fwd == pytest.approx(2 * math.sqrt(EPS)) and cen == pytest.approx(
        2 * EPS ** (1 / 3))


# ------------------------------------------------------------------ 6. two dimensions


@pytest.mark.parametrize("key", SURFACE_NAMES)
def test_gradient_stands_at_a_right_angle_and_the_profile_is_a_cosine(key):
    surface = get_surface(key)
    p = tuple(float(v) for v in surface.start)
    out = data.directional(key, p, 45.0)
    r = out["result"]
    if math.isnan(r.contour_angle):
        assert math.hypot(*r.grad) <= 1e-10, (key, r.grad)     # grad_zero
        return
    assert abs(r.contour_angle - 90) < 0.01, (key, r.contour_angle)
    assert abs(r.dot - r.numeric) < 1e-5 * (1 + abs(r.dot)), (key, r.dot, r.numeric)
    profile = out["profile"]
    top = float(profile.x[profile.y.idxmax()])
    assert min(abs(top - out["grad_angle"]), 360 - abs(top - out["grad_angle"])) <= 2, (key, top)
    zeros = data.directional_values(r.grad, np.array([out["grad_angle"] + 90,
                                                      out["grad_angle"] - 90]))
    assert np.all(np.abs(zeros) < 1e-9 * (1 + math.hypot(*r.grad))), (key, zeros)


# ------------------------------------------------------------------ 7. chain rule


@pytest.mark.parametrize(("w", "x", "y"), [(0.5, 2.0, 3.0), (-1.5, -3.0, 0.4), (2.0, 0.0, 1.0),
                                           (3.0, 3.0, -3.0), (1.5, 2.0, 3.0)])
def test_chain_rule_secant_gap_is_x_squared_h_up_to_rounding(w, x, y):
    out = data.chain(w, x, y)
    c = out["record"]
    assert c.de_dw == pytest.approx(2 * (w * x - y) * x)
    rounding = 10 * EPS * (1 + c.e + abs(c.de_dw)) / min(h for h, _ in out["secants"])
    assert out["worst_rest"] <= rounding, (w, x, y, out["worst_rest"], rounding)


@pytest.mark.parametrize(("w", "x", "y"), [(0.5, 2.0, 3.0), (2.0, 2.0, 3.0), (1.5, 2.0, 3.0)])
def test_the_way_sentence_follows_what_a_small_step_does(w, x, y):
    c = chain_rule(w, x, y)
    up = float(squared_error(w + 1e-4, x, y)) - c.e
    way = "way_down" if c.de_dw > 0 else "way_up" if c.de_dw < 0 else "way_flat"
    if way == "way_down":
        assert up > 0, (c.de_dw, up)          # "increase of w would raise the error"
    elif way == "way_up":
        assert up < 0, (c.de_dw, up)
    else:
        assert c.e <= float(squared_error(np.linspace(-3, 3, 61), x, y).min()) + 1e-12


@pytest.mark.parametrize("key", SURFACE_NAMES)
def test_the_contour_angle_is_90_degrees_wherever_the_gradient_is_not_zero(key):
    surface = get_surface(key)
    (x0, x1), (y0, y1) = surface.domain
    worst = 0.0
    for u in np.linspace(0.05, 0.95, 7):
        for v in np.linspace(0.05, 0.95, 7):
            r = data.directional(key, (x0 + u * (x1 - x0), y0 + v * (y1 - y0)), 30.0)["result"]
            if not math.isnan(r.contour_angle):
                worst = max(worst, abs(r.contour_angle - 90))
    assert worst < 0.01, f"{key}: worst angle off 90 by {worst:.4f} degrees"


@pytest.mark.parametrize(("text", "x0"), [("x**3 - 2*x + sin(x)", 1.0), ("exp(-x^2)", -0.5),
                                          ("tan(x)**20", 1.57), ("exp(exp(exp(x)))", 1.5)])
def test_the_blue_tangent_has_the_slope_the_page_prints_or_the_page_says_it_is_not_drawn(
        text, x0):
    out = data.typed(text, x0)
    tangent = out["top"][out["top"].series == "tangent"]
    if out["tangent_drawn"]:
        slope = float(np.diff(tangent.y)[0] / np.diff(tangent.x)[0])
        assert slope == pytest.approx(out["slope"], rel=1e-6), (text, slope, out["slope"])
    else:
        assert tangent.empty and abs(out["fx"]) > 1e12, (text, out["fx"])
