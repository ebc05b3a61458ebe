"""Cached core calls and tidy frames for the Gradient Descent page (ui.gradient_descent).

Every cache is bounded and keyed by primitives. The frames hold only what core
computed, sampled, cut at divergence and converted to compact dtypes for the browser
(:func:`ui.render.compact`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments.descent import (
    PRESETS,
    descend,
    local_limit,
    preset_lr,
    step_table,
    tangent,
    verdict,
)
from core.experiments.descent_defaults import CUBE_FLAT_POINT
from core.optimizers import make
from core.problems.curves import get_curve
from core.problems.regression import (
    X_RANGE,
    Regression,
    chain_rule,
    make_data,
    mini_batches,
    noise_floors,
    predict,
)
from core.problems.surfaces import get_surface
from core.training.run import run
from ui.geometry import surface_frames, thin_index
from ui.render import compact

# ------------------------------------------------------------------ choices and stops

CURVES = ("quadratic", "double_well", "sin", "abs", "cube", "exp", "line")
SURFACES = ("bowl", "rosenbrock", "beale", "saddle", "himmelblau", "camel", "two_wells",
            "rastrigin")


def _sig3(values) -> tuple[float, ...]:
    """Values rounded to 3 significant digits, sorted, without repeats (slider stops)."""
    return tuple(sorted({float(f"{v:.3g}") for v in values}))


C_STOPS = _sig3(np.logspace(-1, 1, 9))                     # curvature L'': 4 stops per decade
_ROUND = (1, 1.5, 2, 3, 5, 7)
# The learning-rate stops hold round values AND every preset's η for every curvature stop,
# so a preset sets exactly the η it computed from the stability limit.
LR1_STOPS = _sig3([m * 10.0**e for e in range(-3, 1) for m in _ROUND] + [10.0, 15.0, 20.0, 30.0]
                  + [preset_lr(p, c) for c in C_STOPS for p in PRESETS])
LR1_MAX = LR1_STOPS[-1]
LR2_STOPS = _sig3([m * 10.0**e for e in range(-4, 0) for m in _ROUND] + [1.0])
LR3_STOPS = _sig3([m * 10.0**e for e in range(-3, 0) for m in _ROUND] + [1.0, 1.5, 2.0])
KAPPA_STOPS = _sig3([1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100])


def preset_rate(preset: str, c: float) -> float:
    """The preset's η for curvature c, as the slider stop it is stored as."""
    return _sig3([preset_lr(preset, c)])[0]


def curve_of(key: str, c: float):
    return get_curve("quadratic", curvature=c) if key == "quadratic" else get_curve(key)


def surface_of(key: str, kappa: float):
    return get_surface(key, kappa=kappa) if key == "bowl" else get_surface(key)


# ------------------------------------------------------------------ 1. one weight


@st.cache_data(max_entries=128, show_spinner=False)
def one_weight(key: str, c: float, w0: float, lr: float, steps: int):
    """(table, verdict, diverged_at, local limit) of gradient descent on the curve."""
    curve = curve_of(key, c)
    tr = descend(curve, w0, lr, steps)
    table = pd.DataFrame(step_table(tr, curve, lr)._asdict())
    flat = CUBE_FLAT_POINT if key == "cube" else None
    return table, verdict(tr, curve, flat), int(tr.diverged_at), local_limit(curve, w0)


@st.cache_data(max_entries=64, show_spinner=False)
def one_weight_frames(key: str, c: float, w0: float, lr: float, steps: int,
                      aspect: float, label: str, n: int = 300):
    """(curve, path, tangents, x_domain, y_domain) for the ball-on-a-curve chart.

    The plotted w range is the curve's domain widened to every point the ball visited,
    so a run that flies off stays in view; ``aspect`` = chart height / width in pixels
    keeps every tangent equally long on screen.
    """
    curve = curve_of(key, c)
    tr = descend(curve, w0, lr, steps)
    sane = tr.valid
    w, loss = tr.points[sane, 0], tr.losses[sane]
    lo, hi = min(curve.domain[0], w.min()), max(curve.domain[1], w.max())
    if lo < curve.domain[0] or hi > curve.domain[1]:       # room for the ball at the edge
        lo, hi = lo - 0.04 * (hi - lo), hi + 0.04 * (hi - lo)
    xs = np.union1d(np.linspace(lo, hi, n), curve.kinks)
    ys = curve.f(xs)
    y_lo, y_hi = min(ys.min(), loss.min()), max(ys.max(), loss.max())
    pad = 0.06 * max(y_hi - y_lo, 1e-9)
    y_dom = (float(y_lo - pad), float(y_hi + pad))
    steps_shown = np.arange(len(w))
    y_per_x = (y_dom[1] - y_dom[0]) / (hi - lo) / aspect
    tx, ty = tangent(curve, w, 0.09 * (hi - lo), y_per_x)
    curve_rows = pd.DataFrame({"x": xs, "y": ys, "series": label})
    path = pd.DataFrame({"step": steps_shown, "w": w, "loss": loss})
    tangents = pd.DataFrame({"step": steps_shown, "x": tx[:, 0], "y": ty[:, 0],
                             "x2": tx[:, 1], "y2": ty[:, 1]})
    return (compact(curve_rows), compact(path), compact(tangents), (float(lo), float(hi)),
            y_dom)


# ------------------------------------------------------------------ 2. two weights


@st.cache_data(max_entries=128, show_spinner=False)
def two_weights(key: str, kappa: float, start: tuple, lr: float, steps: int):
    """The gradient-descent Trajectory on a surface."""
    surface = surface_of(key, kappa)
    return run(make("sgd", lr=lr), surface, start, steps)


def arrows_frame(tr, index: np.ndarray, size: float, labels: tuple[str, str]) -> pd.DataFrame:
    """At each shown step k: the gradient g_k drawn with length ``size`` (direction only,
    it points uphill) and the step u_k actually taken, both from x_k.

    Rows (step, which, x, y, x2, y2, angle, norm, shown); ``angle`` turns a triangle
    head (clockwise from up) to point along the arrow. ``shown`` is 0 where the arrow
    would mislead: a gradient below 1e-6 of the largest on the path (its direction is
    rounding noise) or a step shorter than a thousandth of ``size``.
    """
    index = index[index < tr.steps]
    moved = tr.updates[index].any(axis=-1) | tr.gradients[index].any(axis=-1)
    index = index[moved]
    x = tr.points[index]
    g, u = tr.gradients[index], tr.updates[index]
    g_norm = np.linalg.norm(g, axis=-1)
    g_dir = np.divide(g, g_norm[:, None], out=np.zeros_like(g), where=g_norm[:, None] > 0)
    rows = []
    u_norm = np.linalg.norm(u, axis=-1)
    g_top = g_norm.max() if len(g_norm) else 0.0
    for label, vec, norm, shown in ((labels[0], size * g_dir, g_norm, g_norm > 1e-6 * g_top),
                                    (labels[1], u, u_norm, u_norm > 1e-3 * size)):
        tip = x + vec
        rows.append(pd.DataFrame({
            "step": index, "which": label, "x": x[:, 0], "y": x[:, 1],
            "x2": tip[:, 0], "y2": tip[:, 1],
            "angle": np.degrees(np.arctan2(vec[:, 0], vec[:, 1])), "norm": norm,
            "shown": shown.astype("int8")}))
    return compact(pd.concat(rows, ignore_index=True))


def path_index(tr, max_points: int = 250) -> np.ndarray:
    """The steps a path chart shows (the same thinning as ui.geometry.path_frame)."""
    k = int(tr.diverged_at)
    return thin_index(tr.steps + 1 if k < 0 else k, max_points)


# ------------------------------------------------------------------ 3. noisy mini-batches


def regression_of(seed: int, noise: float) -> Regression:
    return Regression(make_data(seed, noise))


@st.cache_data(max_entries=32, show_spinner=False)
def regression_picture(seed: int, noise: float, n: int = 40):
    """(cells, lines, minima, log_color) of the loss over (w, b)."""
    return surface_frames(regression_of(seed, noise), n=n)


@st.cache_data(max_entries=64, show_spinner=False)
def regression_runs(seed: int, noise: float, batch: int, lr: float, steps: int):
    """(full-batch trajectory, mini-batch trajectory, L at the least-squares fit)."""
    obj = regression_of(seed, noise)
    full = run(make("sgd", lr=lr), obj, obj.start, steps)
    mini = run(make("sgd", lr=lr), mini_batches(obj.data, batch, steps, seed), obj.start, steps)
    return full, mini, float(obj.minima[0].value)


FLOOR_SEEDS = 5        # seeds seed, seed + 1, ... for the noise floors
FLOOR_STEPS = 1000     # the floor is the mean loss gap over the second half of these
FLOOR_MU = 0.9         # momentum of the heavy-ball run (at η(1 − μ))


@st.cache_data(max_entries=32, show_spinner=False)
def floors(seed: int, noise: float, batch: int, lr: float):
    """:class:`core.problems.regression.NoiseFloors` for the section's data, B and η."""
    return noise_floors(range(seed, seed + FLOOR_SEEDS), noise, batch, lr, FLOOR_MU,
                        FLOOR_STEPS)


def fit_lines(paths: pd.DataFrame) -> pd.DataFrame:
    """For each path row (w = x, b = y): the line ŷ = w x + b across the data's x range,
    as rows (series, key, step, x, y, x2, y2)."""
    p = paths[["x", "y"]].to_numpy(dtype=float)
    ends = predict(p, np.array(X_RANGE))
    return compact(pd.DataFrame({"series": paths.series, "key": paths.key, "step": paths.step,
                                 "x": X_RANGE[0], "y": ends[:, 0],
                                 "x2": X_RANGE[1], "y2": ends[:, 1]}))


def data_points(seed: int, noise: float) -> pd.DataFrame:
    data = make_data(seed, noise)
    return compact(pd.DataFrame({"x": data.x, "y": data.y}))


# ------------------------------------------------------------------ 4. the chain rule


@st.cache_data(max_entries=64, show_spinner=False)
def chain_check(seed: int, noise: float, batch: int, lr: float, steps: int, k: int):
    """At x_k of the full-batch path: the chain rule, the numeric check and batch k's gradient."""
    full, _, _ = regression_runs(seed, noise, batch, lr, steps)
    k = min(k, steps, max(int(full.diverged_at) - 1, 0) if full.diverged_at >= 0 else steps)
    p = full.points[k]
    obj = regression_of(seed, noise)
    check = chain_rule(obj.data, p)
    batch_k = None
    if k < steps:
        batches = mini_batches(obj.data, batch, k + 1, seed)
        batch_k = batches.batch_grad(p, k)
    return k, p, check, obj.data, batch_k
