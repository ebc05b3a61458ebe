"""Tests for core.problems.surfaces: analytic gradients, listed minima, registry and the
two-wells lesson."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.problems.surfaces import SURFACE_NAMES, Surface, get_surface, surfaces

DEFAULTS = surfaces()
# Every default surface plus the bowl at the ends of its kappa range.
CASES = DEFAULTS + (get_surface("bowl", kappa=1e-2), get_surface("bowl", kappa=1e3),
                    get_surface("bowl", kappa=100.0, angle=30.0),
                    get_surface("bowl", kappa=50.0, angle=-90.0))


def _id(surface: Surface) -> str:
    return surface.key + "".join(f"-{name}={value:g}" for name, value in surface.params)


def _to_domain(surface: Surface, u, v) -> np.ndarray:
    """Map (u, v) in the unit square onto the surface's plotting domain."""
    (x0, x1), (y0, y1) = surface.domain
    return np.stack([x0 + np.asarray(u) * (x1 - x0), y0 + np.asarray(v) * (y1 - y0)], axis=-1)


def _random_points(surface: Surface, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return _to_domain(surface, rng.random(n), rng.random(n))


def central_difference_grad(f, p: np.ndarray, rel_step: float = 1e-6) -> np.ndarray:
    """(f(p + h e_i) - f(p - h e_i)) / (2 h) per axis, with h = rel_step * max(1, |p_i|).

    The divisor is the step that was actually taken after rounding p +/- h.
    """
    p = np.asarray(p, dtype=np.float64)
    grad = np.empty_like(p)
    for i in range(2):
        h = rel_step * np.maximum(1.0, np.abs(p[..., i]))
        up, down = p.copy(), p.copy()
        up[..., i] += h
        down[..., i] -= h
        grad[..., i] = (f(up) - f(down)) / (up[..., i] - down[..., i])
    return grad


def _assert_grad_close(surface: Surface, p: np.ndarray) -> None:
    analytic = surface.grad(p)
    numeric = central_difference_grad(surface.f, p)
    # Round-off in f(p+h) - f(p-h) grows with |f|, so the absolute slack does too.
    tol = 1e-6 * np.abs(analytic) + 1e-7 * (1.0 + np.abs(surface.f(p)))[..., None]
    bad = np.abs(analytic - numeric) > tol
    assert not bad.any(), (
        f"{_id(surface)}: analytic {analytic[bad]} vs numeric {numeric[bad]} at {p}"
    )


@pytest.mark.parametrize("surface", CASES, ids=_id)
@settings(max_examples=60, deadline=None)
@given(u=st.floats(0.0, 1.0), v=st.floats(0.0, 1.0))
def test_gradient_matches_central_differences(surface, u, v):
    _assert_grad_close(surface, _to_domain(surface, u, v))


@pytest.mark.parametrize("surface", CASES, ids=_id)
def test_gradient_matches_central_differences_on_many_points(surface):
    _assert_grad_close(surface, _random_points(surface, 5000, seed=1))


def test_a_1e12_step_is_swamped_by_round_off():
    """The step 1e-12 fails where the relative step used above passes."""
    beale = get_surface("beale")
    p = np.array([4.0, 4.0])
    exact = beale.grad(p)
    tiny = central_difference_grad(beale.f, p, rel_step=1e-12)
    sane = central_difference_grad(beale.f, p)
    assert np.max(np.abs(tiny - exact) / np.abs(exact)) > 1e-6
    assert np.max(np.abs(sane - exact) / np.abs(exact)) < 1e-8


@pytest.mark.parametrize("surface", CASES, ids=_id)
def test_listed_minima_are_stationary_with_the_listed_value(surface):
    assert surface.minima, "every surface lists at least one minimum"
    for m in surface.minima:
        p = np.array(m.point)
        scale = max([1.0, *(value for _, value in surface.params)])
        assert np.all(np.abs(surface.grad(p)) < 1e-9 * scale)
        assert surface.f(p) == pytest.approx(m.value, abs=1e-12)
        assert surface.nearest_minimum_distance(p) == pytest.approx(0.0, abs=1e-15)
        (x0, x1), (y0, y1) = surface.domain
        assert x0 <= p[0] <= x1 and y0 <= p[1] <= y1


@pytest.mark.parametrize("surface", CASES, ids=_id)
def test_global_minima_are_lowest(surface):
    best = [m.value for m in surface.minima if m.is_global]
    others = [m.value for m in surface.minima if not m.is_global]
    assert best, "at least one minimum is global"
    assert max(best) - min(best) < 1e-12, "all global minima share one value"
    assert all(min(best) <= value for value in others)


@pytest.mark.parametrize("surface", CASES, ids=_id)
def test_no_domain_point_is_below_the_global_minimum(surface):
    best = min(m.value for m in surface.minima)
    points = _random_points(surface, 20000, seed=2)
    grid = _to_domain(surface, *np.meshgrid(np.linspace(0, 1, 201), np.linspace(0, 1, 201)))
    for p in (points, grid):
        assert surface.f(p).min() >= best - 1e-12


@pytest.mark.parametrize("surface", DEFAULTS, ids=_id)
def test_start_is_inside_the_domain_and_not_stationary(surface):
    (x0, x1), (y0, y1) = surface.domain
    x, y = surface.start
    assert x0 <= x <= x1 and y0 <= y <= y1
    assert np.linalg.norm(surface.grad(np.array(surface.start))) > 1e-3
    assert surface.bound == 10 * max(abs(e) for axis in surface.domain for e in axis)
    assert surface.lesson.endswith(".") and surface.title and surface.latex


def test_six_hump_camel_global_minima():
    camel = get_surface("camel")
    best = [m for m in camel.minima if m.is_global]
    assert len(best) == 2
    for m, sign in zip(best, (1, -1), strict=True):
        assert m.value == pytest.approx(-1.0316284534898774, abs=1e-13)
        assert m.point == pytest.approx((sign * 0.0898420131003, -sign * 0.7126564030207))


def test_himmelblau_has_four_global_minima_at_zero():
    himmelblau = get_surface("himmelblau")
    assert [m.is_global for m in himmelblau.minima] == [True] * 4
    assert {m.value for m in himmelblau.minima} == {0.0}


def test_saddle_origin_is_flat_but_not_a_minimum():
    saddle = get_surface("saddle")
    origin = np.zeros(2)
    assert np.all(saddle.grad(origin) == 0)
    assert saddle.f(np.array([0.0, 0.1])) < saddle.f(origin) < saddle.f(np.array([0.1, 0.0]))
    assert sorted(m.point for m in saddle.minima) == [(0.0, -math.sqrt(2)), (0.0, math.sqrt(2))]


@pytest.mark.parametrize("a, b", itertools.combinations(DEFAULTS, 2),
                         ids=lambda s: s.key)
def test_gradients_are_distinct_functions(a, b):
    rng = np.random.default_rng(3)
    p = rng.uniform(-1.5, 1.5, size=(50, 2))
    assert not np.allclose(a.grad(p), b.grad(p), rtol=1e-3, atol=1e-6)


@pytest.mark.parametrize("kappa", [1e-2, 0.5, 1.0, 10.0, 1e3])
def test_bowl_kappa_sets_the_y_curvature_only(kappa):
    bowl = get_surface("bowl", kappa=kappa)
    h = 1e-2
    second = [(bowl.f(np.array(e) * h) - 2 * bowl.f(np.zeros(2)) + bowl.f(-np.array(e) * h)) / h**2
              for e in ((1.0, 0.0), (0.0, 1.0))]
    assert second == pytest.approx([1.0, kappa], rel=1e-9)
    assert bowl.params == (("kappa", kappa),)
    assert bowl.grad(np.array([0.0, 2.0]))[1] == pytest.approx(2 * kappa)


def test_bowl_default_kappa_is_ten():
    assert get_surface("bowl").params == (("kappa", 10.0),)


@pytest.mark.parametrize("key, params, match", [
    ("nope", {}, "unknown surface"),
    ("Rosenbrock", {}, "unknown surface"),
    ("bowl", {"kapa": 2.0}, "no parameter kapa"),
    ("rosenbrock", {"kappa": 2.0}, "no parameter kappa"),
    ("bowl", {"kappa": 0.0}, "kappa"),
    ("bowl", {"kappa": -1.0}, "kappa"),
    ("bowl", {"kappa": 5e-3}, "kappa"),
    ("bowl", {"kappa": 2e3}, "kappa"),
    ("bowl", {"angle": 91.0}, "angle"),
    ("bowl", {"angle": "nan"}, "angle"),
    ("bowl", {"kappa": float("nan")}, "kappa"),
    ("bowl", {"kappa": float("inf")}, "kappa"),
    ("bowl", {"kappa": "10"}, "kappa"),
    ("bowl", {"kappa": None}, "kappa"),
    ("bowl", {"kappa": True}, "kappa"),
])
def test_get_surface_rejects_bad_requests(key, params, match):
    with pytest.raises(ValueError, match=match):
        get_surface(key, **params)


def test_registry_lists_every_surface_once():
    assert len(set(SURFACE_NAMES)) == len(SURFACE_NAMES)
    assert set(SURFACE_NAMES) >= {"bowl", "rosenbrock", "beale", "himmelblau", "rastrigin",
                                  "camel", "saddle", "two_wells"}
    assert tuple(s.key for s in DEFAULTS) == SURFACE_NAMES
    assert get_surface("bowl", kappa=np.float64(3)).params == (("kappa", 3.0),)


@pytest.mark.parametrize("surface", DEFAULTS, ids=_id)
@pytest.mark.parametrize("shape", [(2,), (5, 2), (3, 4, 2)])
def test_vectorised_evaluation_matches_point_by_point(surface, shape):
    rng = np.random.default_rng(4)
    p = _to_domain(surface, rng.random(shape[:-1]), rng.random(shape[:-1]))
    values, grads = surface.f(p), surface.grad(p)
    assert values.shape == shape[:-1] and grads.shape == shape
    assert values.dtype == np.float64 and grads.dtype == np.float64
    assert surface.nearest_minimum_distance(p).shape == shape[:-1]
    for index in np.ndindex(*shape[:-1]):
        # SIMD and scalar code paths of sin/exp may differ in the last bit.
        np.testing.assert_allclose(values[index], surface.f(p[index]), rtol=1e-14, atol=1e-14)
        np.testing.assert_allclose(grads[index], surface.grad(p[index]), rtol=1e-14, atol=1e-13)


def test_points_need_a_last_axis_of_two():
    with pytest.raises(ValueError, match="last axis"):
        get_surface("rosenbrock").f(np.zeros(3))


def test_nearest_minimum_distance_picks_the_closest():
    himmelblau = get_surface("himmelblau")
    centres = np.array([m.point for m in himmelblau.minima])
    p = np.array([[0.0, 0.0], [3.0, 2.5]])
    expected = np.linalg.norm(p[:, None, :] - centres, axis=-1).min(axis=1)
    np.testing.assert_allclose(himmelblau.nearest_minimum_distance(p), expected)
    assert himmelblau.nearest_minimum_distance(p)[1] == pytest.approx(0.5)


def test_two_wells_momentum_rolls_into_the_deep_well():
    """Oracle loops written out here: plain GD stops in the shallow well, heavy ball does not."""
    surface = get_surface("two_wells")
    shallow, deep = (np.array(m.point) for m in sorted(surface.minima, key=lambda m: m.is_global))
    lr, momentum, steps = 0.05, 0.9, 300

    plain = np.array(surface.start)
    for _ in range(steps):
        plain = plain - lr * surface.grad(plain)

    ball, buf = np.array(surface.start), None
    for _ in range(steps):
        g = surface.grad(ball)
        buf = g if buf is None else momentum * buf + g
        ball = ball - lr * buf

    ends = f"plain GD ended at {plain}, heavy ball ended at {ball}"
    assert np.linalg.norm(plain - shallow) < 1e-3, ends
    assert np.linalg.norm(ball - deep) < 1e-3, ends


@pytest.mark.parametrize("angle", [-90.0, -30.0, 0.0, 30.0, 45.0, 90.0])
def test_turned_bowl_has_its_minimum_at_the_origin_and_valley_at_the_angle(angle):
    bowl = get_surface("bowl", kappa=100.0, angle=angle)
    along = np.array([np.cos(np.radians(angle)), np.sin(np.radians(angle))])
    across = np.array([-along[1], along[0]])
    assert bowl.f(np.zeros(2)) == 0.0
    assert bowl.f(2 * along) == pytest.approx(2.0)          # curvature 1 along the valley
    assert bowl.f(2 * across) == pytest.approx(200.0)       # curvature κ across it
    assert np.allclose(bowl.grad(along), along)


def test_angle_zero_is_the_unturned_bowl():
    a, b = get_surface("bowl", kappa=7.0), get_surface("bowl", kappa=7.0, angle=0.0)
    p = np.random.default_rng(0).uniform(-5, 5, (20, 2))
    assert np.array_equal(a.f(p), b.f(p)) and a.latex == b.latex and a.params == b.params
