"""core.experiments.descent: the 1-D gradient-descent step, the stability limit, presets
and verdicts."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.experiments.descent import (
    PRESET_FACTORS,
    PRESETS,
    CurveObjective,
    basin_minimum,
    contraction,
    cube_stall_limit,
    descend,
    local_limit,
    preset_lr,
    stability_limit,
    step_table,
    tangent,
    verdict,
)
from core.problems.curves import CURVE_NAMES, get_curve, quadratic

CURVATURES = st.floats(0.05, 20.0)
CENTERS = st.floats(-3.0, 3.0)


def test_objective_wraps_the_curve_with_a_last_axis_of_one():
    curve = get_curve("double_well")
    w = np.linspace(-2, 2, 7)
    obj = CurveObjective(curve)
    np.testing.assert_array_equal(obj.f(w[:, None]), curve.f(w))
    assert obj.grad(w[:, None]).shape == (7, 1)
    np.testing.assert_array_equal(obj.grad(w[:, None])[:, 0], curve.df(w))
    assert obj.bound == 10 * 2.2


@pytest.mark.parametrize("key", [k for k in CURVE_NAMES if k not in ("power",)])
@settings(max_examples=25, deadline=None)
@given(u=st.floats(0.05, 0.95), lr=st.floats(1e-3, 0.3))
def test_a_step_is_w_minus_lr_times_the_slope(key, u, lr):
    curve = get_curve(key)
    lo, hi = curve.domain
    w0 = lo + u * (hi - lo)
    tr = descend(curve, w0, lr, 5)
    table = step_table(tr, curve, lr)
    for k in range(len(table.k)):
        w = table.w[k]
        assert table.slope[k] == pytest.approx(float(curve.df(w)), rel=1e-12, abs=1e-300)
        assert table.step[k] == lr * table.slope[k]
        assert table.w_new[k] == pytest.approx(w - lr * float(curve.df(w)), rel=1e-12, abs=1e-12), (
            f"{key}: step {k} from w={w!r} gave {table.w_new[k]!r}")
    np.testing.assert_array_equal(table.w[1:], table.w_new[:-1])


def test_table_has_one_row_per_step_and_the_first_hand_computed_rows():
    curve = quadratic(2.0)                 # L' = 2w
    tr = descend(curve, 1.0, 0.1, 4)       # w ← w − 0.2 w = 0.8 w
    table = step_table(tr, curve, 0.1)
    np.testing.assert_allclose(table.w, [1.0, 0.8, 0.64, 0.512], rtol=1e-15)
    np.testing.assert_allclose(table.slope, [2.0, 1.6, 1.28, 1.024], rtol=1e-15)
    np.testing.assert_allclose(table.step, [0.2, 0.16, 0.128, 0.1024], rtol=1e-15)
    np.testing.assert_allclose(table.w_new, [0.8, 0.64, 0.512, 0.4096], rtol=1e-15)
    assert not table.escaped.any()


@settings(max_examples=40, deadline=None)
@given(c=CURVATURES, center=CENTERS, margin=st.floats(0.01, 0.05))
def test_just_under_the_limit_converges_and_just_over_diverges(c, center, margin):
    curve = quadratic(c, center)
    w0, limit, steps = curve.start, stability_limit(c), 3000
    under = descend(curve, w0, limit * (1 - margin), steps)
    over = descend(curve, w0, limit * (1 + margin), steps)
    d0 = abs(w0 - center)
    d_under = abs(under.points[-1, 0] - center)
    assert under.diverged_at == -1 and d_under < 1e-6 * d0, (
        f"c={c}, η=(1−{margin})·2/c: distance {d0} → {d_under}")
    r = contraction(limit * (1 + margin), c)
    # |w_k − w*| = |r|^k d0 first exceeds the bound at k = ⌊log(bound − |w*|)/d0) / log|r|⌋ + 1
    bound = CurveObjective(curve).bound
    k_first = np.flatnonzero(np.abs(center + d0 * r ** np.arange(steps + 1)) > bound)[0]
    assert over.diverged_at == k_first, (
        f"c={c}, η=(1+{margin})·2/c: diverged at {over.diverged_at}, predicted {k_first}")


def test_the_distance_shrinks_by_exactly_r_per_step():
    c, lr = 3.0, 0.5
    tr = descend(quadratic(c), 2.0, lr, 20)
    r = contraction(lr, c)
    np.testing.assert_allclose(tr.points[:, 0], 2.0 * r ** np.arange(21), rtol=1e-12)


@pytest.mark.parametrize("c", [0.1, 1.0, 7.5])
def test_presets_follow_from_the_limit_and_show_their_regime(c):
    limit = stability_limit(c)
    lrs = {p: preset_lr(p, c) for p in PRESETS}
    assert list(lrs.values()) == sorted(lrs.values()), lrs
    assert lrs["too_large"] < limit < lrs["divergent"], (lrs, limit)
    expected = {"too_small": "crawling", "good": "converged",
                "too_large": "oscillating", "divergent": "diverged"}
    curve = quadratic(c)
    for preset, lr in lrs.items():
        assert contraction(lr, c) == pytest.approx(PRESET_FACTORS[preset], abs=1e-12)
        got = verdict(descend(curve, curve.start, lr, 40), curve)
        assert got.kind == expected[preset], f"c={c}, {preset} (η={lr:.4g}): {got}"


def test_divergence_is_reported_and_nothing_is_nan():
    curve = quadratic(1.0)                   # start 2.5, bound 30, r = −1.2
    lr = preset_lr("divergent", 1.0)
    tr = descend(curve, curve.start, lr, 100)
    k = math.floor(math.log(30 / 2.5) / math.log(1.2)) + 1
    assert tr.diverged_at == k, f"diverged at {tr.diverged_at}, expected {k}"
    table = step_table(tr, curve, lr)
    assert len(table.k) == k and table.escaped[-1] and not table.escaped[:-1].any()
    assert abs(table.w_new[-1]) > CurveObjective(curve).bound >= abs(table.w[-1])
    for column in table:
        assert np.all(np.isfinite(column)), column
    assert np.all(np.isfinite(tr.points)) and np.all(np.isfinite(tr.losses))


def test_stability_limit_rejects_non_positive_curvature():
    assert stability_limit(4.0) == 0.5
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            stability_limit(bad)
    with pytest.raises(ValueError):
        preset_lr("reckless", 1.0)


def test_basin_minimum_follows_the_slope_downhill():
    well = get_curve("double_well")
    assert not basin_minimum(well, 2.0).is_global           # slides into the shallow well
    assert basin_minimum(well, -2.0).is_global
    assert basin_minimum(well, 0.0).is_global                # L'(0) = 1 > 0: slides left
    assert not basin_minimum(well, 0.5).is_global            # L'(0.5) = −1.5: slides right
    minimum, curvature, limit = local_limit(well, 2.0)
    assert curvature == float(well.d2f(minimum.x)) > 0
    assert limit == pytest.approx(2 / curvature, rel=1e-15)
    assert local_limit(quadratic(4.0, 1.0), 3.0).limit == 0.5
    assert local_limit(get_curve("line"), 1.0) is None       # no minimum at all
    assert local_limit(get_curve("abs"), 2.0) is None        # a kink: L'' = 0
    assert basin_minimum(get_curve("sin"), 1.0).x == pytest.approx(-math.pi / 2)


def test_verdicts_on_curves_without_a_smooth_minimum():
    assert verdict(descend(get_curve("line"), 1.0, 0.1, 20), get_curve("line")).kind == \
        "no_minimum"
    # |w| with a fixed step: every step moves by η, so it ends up hopping across 0.
    hop = verdict(descend(get_curve("abs"), 0.95, 0.1, 40), get_curve("abs"))
    assert hop.kind == "oscillating" and hop.flips >= 10, hop
    cube = get_curve("cube")
    assert verdict(descend(cube, 1.5, 0.3, 200), cube).kind == "diverged"


def test_unfinished_and_growing_runs():
    curve = quadratic(1.0)
    assert verdict(descend(curve, 2.5, 0.5, 3), curve).kind == "unfinished"
    # r = −1.2 for three steps: still inside the bound, but the swings grow.
    assert verdict(descend(curve, 2.5, 2.2, 3), curve).kind == "growing"


@settings(max_examples=30, deadline=None)
@given(w=st.floats(-2.0, 2.0), half=st.floats(0.05, 1.0), aspect=st.sampled_from([1.0, 0.2, 7.0]))
def test_tangent_touches_the_curve_with_its_slope(w, half, aspect):
    curve = get_curve("double_well")
    ws, ls = tangent(curve, w, half, y_per_x=aspect)
    assert ws.mean() == pytest.approx(w, abs=1e-12)
    assert ls.mean() == pytest.approx(float(curve.f(w)), rel=1e-9, abs=1e-9)
    slope = (ls[1] - ls[0]) / (ws[1] - ws[0])
    assert slope == pytest.approx(float(curve.df(w)), rel=1e-9, abs=1e-9)
    length = math.hypot(ws[1] - ws[0], (ls[1] - ls[0]) / aspect)   # as drawn on the chart
    assert length == pytest.approx(2 * half, rel=1e-9)


def test_cube_verdicts_stalled_only_when_closing_in_without_passing():
    cube = get_curve("cube")
    assert cube_stall_limit(1.5) == pytest.approx(1 / 4.5) and cube_stall_limit(-1.0) is None
    stalled = verdict(descend(cube, 1.5, 0.1, 30), cube, 0.0)
    assert stalled.kind == "stalled" and 0 < stalled.ratio < 0.1, stalled
    falling = verdict(descend(cube, -1.0, 0.001, 30), cube, 0.0)
    assert falling.kind == "no_minimum", falling                    # moves away from 0
    on_flat = verdict(descend(cube, 0.0, 0.1, 30), cube, 0.0)
    assert on_flat.kind == "no_minimum", on_flat
    assert verdict(descend(cube, 1.5, 0.1, 30), cube).kind == "no_minimum", "no flat given"
