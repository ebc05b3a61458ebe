"""Every behavioural sentence of the Gradient Descent page, checked against the run that
the page makes for it at its defaults. Each failure message prints the measurement."""

import numpy as np
import pytest

from core.experiments.descent import (
    PRESET_FACTORS,
    PRESETS,
    basin_minimum,
    cube_stall_limit,
    descend,
    preset_lr,
    verdict,
)
from core.experiments.descent_defaults import CUBE_FLAT_POINT, CURVE_RATES, SURFACE_LESSONS
from core.optimizers import make
from core.problems.curves import get_curve
from core.problems.regression import N_POINTS, noise_floors
from core.problems.surfaces import get_surface
from core.training.run import run

STEPS1 = 30                                   # part 1's default number of steps
SEED, NOISE, BATCH, LR3 = 0, 1.0, 10, 0.3     # part 3's defaults
FLOOR_SEEDS, FLOOR_STEPS, FLOOR_MU = 5, 1000, 0.9


def curve(key, c=1.0):
    return get_curve("quadratic", curvature=c) if key == "quadratic" else get_curve(key)


def one_weight(key, lr=None, w0=None, steps=STEPS1, c=1.0):
    cv = curve(key, c)
    tr = descend(cv, cv.start if w0 is None else w0, CURVE_RATES[key] if lr is None else lr,
                 steps)
    return cv, tr, tr.points[:, 0]


# ------------------------------------------------------------------ 1. the four presets

EXPECTED = {"too_small": "crawling", "good": "converged", "too_large": "oscillating",
            "divergent": "diverged"}


@pytest.mark.parametrize("c", [0.1, 0.316, 1.0, 3.16, 10.0])
@pytest.mark.parametrize("preset", PRESETS)
def test_each_preset_does_what_its_button_says(preset, c):
    """"Too small" crawls, "Good" converges, "Too large" oscillates, "Divergent" diverges;
    each step keeps |r| of the distance, on the same side (r > 0) or across (r < 0)."""
    cv, tr, w = one_weight("quadratic", preset_lr(preset, c), c=c)
    v = verdict(tr, cv)
    assert v.kind == EXPECTED[preset], f"{preset} at L''={c}: verdict {v}"
    r = PRESET_FACTORS[preset]
    sane = w[: (int(tr.diverged_at) if tr.diverged_at >= 0 else len(w))]
    ratios = sane[1:6] / sane[:5]
    np.testing.assert_allclose(ratios, r, rtol=1e-9, err_msg=f"{preset}: w_k+1/w_k {ratios}")


# ------------------------------------------------------------------ 1. the other curves

def test_double_well_small_steps_slide_into_the_basin_of_the_start():
    cv, tr, w = one_weight("double_well")
    target = basin_minimum(cv, cv.start)
    v = verdict(tr, cv)
    assert v.kind == "converged" and v.w_star == target.x, (v, target)


def test_wave_converges_at_its_rate():
    cv, tr, _ = one_weight("sin")
    assert verdict(tr, cv).kind == "converged", verdict(tr, cv)


def test_v_shape_steps_all_have_length_eta_and_keep_hopping():
    cv, tr, w = one_weight("abs")
    steps = np.abs(np.diff(w))
    np.testing.assert_allclose(steps, CURVE_RATES["abs"], rtol=1e-12,
                               err_msg=f"step lengths {steps}")
    flips = np.sum(np.sign(w[1:]) * np.sign(w[:-1]) < 0)
    assert flips >= STEPS1 // 3 and w[-1] != 0, f"{flips} hops across the tip, w_T = {w[-1]}"


def test_cubic_stalls_at_the_flat_point_below_its_limit():
    """limit_none.cube / verdict.stalled: with η < 1/(3w₀) the ball creeps toward w = 0 ever
    more slowly and never passes it; the slope fades with it."""
    cv, tr, w = one_weight("cube")
    limit = cube_stall_limit(cv.start)
    assert CURVE_RATES["cube"] < limit, (CURVE_RATES["cube"], limit)
    v = verdict(tr, cv, CUBE_FLAT_POINT)
    steps = -np.diff(w)
    assert v.kind == "stalled" and np.all(w > 0), f"{v}; w = {w}"
    assert np.all(np.diff(steps) < 0), f"steps do not shrink: {steps}"
    slope_share = cv.df(w[-1]) / cv.df(w[0])
    assert slope_share < 0.01, f"slope at the end is {slope_share:.3g} of the start's"
    cv, tr, w = one_weight("cube", steps=500)          # the slider's most steps
    assert verdict(tr, cv, CUBE_FLAT_POINT).kind == "stalled" and w[-1] > 0, w[-1]


@pytest.mark.parametrize("share", [1.01, 1.2, 2.0])
def test_cubic_jumps_past_zero_above_its_limit(share):
    cv = curve("cube")
    lr = share * cube_stall_limit(cv.start)
    tr = descend(cv, cv.start, lr, STEPS1)
    w = tr.points[: int(tr.diverged_at) if tr.diverged_at >= 0 else None, 0]
    steps = -np.diff(w[1:])
    assert w[1] < 0 and np.all(np.diff(steps) > 0), (lr, w[:5], steps[:5])


def test_cubic_left_of_zero_falls_with_growing_steps():
    cv, tr, w = one_weight("cube", w0=-0.5)
    sane = w[: int(tr.diverged_at)] if tr.diverged_at >= 0 else w
    steps = -np.diff(sane)
    assert tr.diverged_at >= 0 and np.all(np.diff(steps) > 0), (tr.diverged_at, steps)


def test_exponential_slows_down_without_arriving():
    cv, tr, w = one_weight("exp")
    steps = -np.diff(w)
    assert tr.diverged_at < 0 and np.all(steps > 0), (tr.diverged_at, steps)
    assert np.all(np.diff(steps) < 0), f"the steps should shrink: {steps}"


def test_line_steps_are_all_equal_and_never_stop():
    cv, tr, w = one_weight("line")
    steps = np.diff(w)
    assert tr.diverged_at < 0, tr.diverged_at
    np.testing.assert_allclose(steps, -2 * CURVE_RATES["line"], rtol=1e-9)


# ------------------------------------------------------------------ 2. the surfaces

def surface_run(key, start=None):
    lesson = SURFACE_LESSONS[key]
    s = get_surface(key)
    tr = run(make("sgd", lr=lesson.lr), s, lesson.start if start is None else start,
             lesson.steps)
    assert tr.diverged_at < 0, f"{key} diverged at step {tr.diverged_at} with {lesson}"
    return s, tr, tr.points


def test_bowl_zig_zags_across_y_and_crawls_along_x():
    s, tr, p = surface_run("bowl")
    x, y = p[:12, 0], p[:12, 1]
    y_flips = np.sum(np.sign(y[1:]) != np.sign(y[:-1]))
    x_flips = np.sum(np.sign(x[1:]) != np.sign(x[:-1]))
    rx, ry = np.abs(x[1] / x[0]), np.abs(y[1] / y[0])
    assert y_flips == 11 and x_flips == 0, f"y flips {y_flips}, x flips {x_flips}"
    assert rx > 0.8 and rx > ry, f"per step x keeps {rx:.3g}, y keeps {ry:.3g}"


def test_rosenbrock_floor_is_quick_and_the_walk_is_slow():
    s, tr, p = surface_run("rosenbrock")
    off_floor = np.abs(p[:, 1] - p[:, 0] ** 2)
    reached = int(np.argmax(off_floor < 0.05))
    distance = float(np.hypot(*(p[-1] - 1.0)))
    assert off_floor[reached] < 0.05 and reached <= 50, f"floor reached at step {reached}"
    assert np.all(off_floor[reached + 50:] < 0.05), f"left the floor: {off_floor.max():.3g}"
    assert distance > 0.1, f"after {tr.steps} steps only {distance:.3g} from (1, 1)"
    assert tr.losses[-1] < tr.losses[tr.steps // 2] < tr.losses[100], tr.losses[[100, -1]]


def test_beale_first_step_is_hundreds_of_times_a_plateau_step():
    s, tr, p = surface_run("beale")
    u = np.linalg.norm(tr.updates, axis=-1)
    ratio = u[0] / np.median(u)
    gap = tr.losses[-1]
    assert ratio >= 100, f"first step {u[0]:.3g}, median {np.median(u):.3g}: ratio {ratio:.3g}"
    assert gap > 1e-4, f"the plateau crawl already reached the minimum: gap {gap:.3g}"


def test_saddle_slides_to_the_centre_lingers_then_rolls_off():
    s, tr, p = surface_run("saddle")
    r = np.hypot(p[:, 0], p[:, 1])
    g = np.linalg.norm(s.grad(p), axis=-1)
    k = int(np.argmin(r))
    lingering = int(np.sum(np.abs(tr.losses) < 0.1))          # f(0, 0) = 0 at the saddle
    end = float(s.nearest_minimum_distance(p[-1]))
    assert r[k] < 0.1 * r[0] and g[k] < 0.1 * g[0], (
        f"closest {r[k]:.3g} at step {k}, |∇f| {g[k]:.3g} (start {g[0]:.3g})")
    assert lingering >= 15, f"only {lingering} steps with the loss near the saddle's"
    assert end < 1e-3 and k < tr.steps // 2, f"ends {end:.3g} from a minimum; closest at {k}"


def test_himmelblau_the_start_decides_the_minimum():
    s, tr, p = surface_run("himmelblau")
    assert s.nearest_minimum_distance(p[-1]) < 1e-6, p[-1]
    reached = set()
    for start in ((4.0, 4.0), (-4.0, 4.0), (-4.0, -4.0), (4.0, -4.0)):
        _, _, q = surface_run("himmelblau", start)
        centres = np.array([m.point for m in s.minima])
        i = int(np.argmin(np.linalg.norm(centres - q[-1], axis=-1)))
        assert np.linalg.norm(centres[i] - q[-1]) < 1e-6, (start, q[-1])
        reached.add(i)
    assert len(reached) == 4, f"four starts reached minima {sorted(reached)}"


@pytest.mark.parametrize("key", ["camel", "two_wells"])
def test_descent_settles_in_a_shallower_minimum(key):
    s, tr, p = surface_run(key)
    m = min(s.minima, key=lambda m: np.linalg.norm(np.array(m.point) - p[-1]))
    dist = float(np.linalg.norm(np.array(m.point) - p[-1]))
    assert dist < 1e-6 and not m.is_global, f"{key}: ends {p[-1]}, {dist:.3g} from {m}"
    if key == "two_wells":
        assert m.point[0] > 0, "the shallow well is the right one"


def test_rastrigin_stops_in_the_dimple_next_to_its_start():
    s, tr, p = surface_run("rastrigin")
    start = np.array(SURFACE_LESSONS["rastrigin"].start)
    # each coordinate's dimples: t with 2t + 20π sin 2πt = 0 near an integer (Newton)
    t = np.round(start)
    for _ in range(50):
        t = t - (2 * t + 20 * np.pi * np.sin(2 * np.pi * t)) / (2 + 40 * np.pi**2
                                                               * np.cos(2 * np.pi * t))
    assert np.linalg.norm(p[-1] - t) < 1e-6, f"ends {p[-1]}, nearest dimple {t}"
    assert tr.losses[-1] > 10, f"loss {tr.losses[-1]:.3g}: not far from the global minimum"


# ------------------------------------------------------------------ 3. noise and momentum

def test_momentum_steady_step_is_eta_over_one_minus_mu():
    """With a constant gradient g the heavy-ball step tends to η g / (1 − μ)."""
    lr, mu, g = 0.03, 0.9, np.array([1.0, -2.0])

    class Slope:
        def f(self, x):
            return x @ g

        def grad(self, x):
            return np.broadcast_to(g, np.shape(x)).copy()

    tr = run(make("sgd", lr=lr, momentum=mu), Slope(), [0.0, 0.0], 200, track_loss=False)
    np.testing.assert_allclose(-tr.updates[-1], lr / (1 - mu) * g, rtol=1e-6)


def test_a_smaller_step_and_a_larger_batch_tame_the_noise_more_than_momentum():
    """floor_measured + floor_verdict.step_batch at part 3's defaults: over 5 seeds, η/4 and
    batches of 4B both lower the loss floor; momentum μ = 0.9 at η(1 − μ) lowers it less."""
    fl = noise_floors(range(SEED, SEED + FLOOR_SEEDS), NOISE, BATCH, LR3, FLOOR_MU, FLOOR_STEPS)
    assert not fl.diverged, fl
    assert fl.small < fl.sgd / 2 and fl.big < fl.sgd / 2, fl
    assert fl.momentum > max(fl.small, fl.big), fl
    assert 4 * BATCH <= N_POINTS


@pytest.mark.parametrize("seed", range(5))
def test_the_floor_ordering_holds_seed_by_seed(seed):
    """The verdict is not an artefact of averaging: it holds for each seed on its own."""
    fl = noise_floors([seed], NOISE, BATCH, LR3, FLOOR_MU, FLOOR_STEPS)
    assert fl.momentum > max(fl.small, fl.big) and fl.momentum < fl.sgd * 1.5, fl


@pytest.mark.parametrize("batch", [1, BATCH])
def test_without_noise_sgd_settles_on_the_fit(batch):
    """reg_exact: with σ = 0 every batch's slope vanishes at the fit, so SGD settles there."""
    from core.problems.regression import Regression, make_data, mini_batches

    obj = Regression(make_data(SEED, 0.0))
    tr = run(make("sgd", lr=LR3), mini_batches(obj.data, batch, 200, SEED), obj.start, 200)
    gap = float(tr.losses[-1] - obj.minima[0].value)
    assert gap < 1e-6, f"B = {batch}: loss {gap:.3g} above the fit after 200 steps"


def test_with_noise_sgd_does_not_settle():
    """reg_noisy: with σ > 0 and a fixed η the mini-batch path keeps a loss floor."""
    fl = noise_floors([SEED], NOISE, BATCH, LR3, FLOOR_MU, FLOOR_STEPS)
    assert fl.sgd > 1e-3, fl


@pytest.mark.parametrize("h", [1e-5, 0.1, 1.0])
def test_the_chain_rule_gap_is_rounding_not_truncation(h):
    """numeric_note: L is quadratic, so the central difference is exact for any h; what is
    left is rounding, of the order of machine epsilon times L / h."""
    from core.problems.regression import Regression, chain_rule, make_data

    obj = Regression(make_data(SEED, NOISE))
    check = chain_rule(obj.data, obj.start, h)
    bound = 1e3 * np.finfo(float).eps * float(obj.f(np.array(obj.start))) / h
    gap = check.gap.max()
    assert gap < bound, f"h = {h}: gap {gap:.3g}, rounding bound {bound:.3g}"
