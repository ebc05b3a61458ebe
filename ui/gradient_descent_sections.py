"""The first two parts of the Gradient Descent page (one weight, two weights) and the
helpers all four share; parts 3 and 4 are in :mod:`ui.gradient_descent_regression`.
Each ``*_section(F)`` draws its own URL-bound controls, reads the cached core results
(:mod:`ui.gradient_descent_data`) and shows the charts (:mod:`ui.charts_gradient_descent`,
:mod:`ui.charts`).

Chart specs are built by bounded caches of primitives, so a rerun that changes nothing
in a chart only unpickles its spec; Play moves the step by editing the spec's scrubber.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.experiments.descent import (
    PRESET_FACTORS,
    CurveObjective,
    contraction,
    cube_stall_limit,
    stability_limit,
)
from core.experiments.descent_defaults import CURVE_RATES, SURFACE_LESSONS
from ui import charts, controls, numbers
from ui import charts_gradient_descent as gc
from ui import gradient_descent_data as data
from ui.cache import surface_picture
from ui.geometry import path_frame
from ui.play import player
from ui.render import last_step, show, to_spec, with_step
from ui.style import style_for

P = "gradient_descent."
GRAD, STEP = "#D55E00", "#0072B2"     # arrow colours: the gradient, the step taken
MAP_CELLS = 44                        # heat-map cells per side (keeps the page's data small)


def texts(F):
    """This page's text lookup: t("key", **fmt) reads "gradient_descent.key"."""
    def t(key: str, /, **fmt) -> str:
        return F.t(P + key, **fmt)
    return t


def pct(share: float) -> str:
    return f"{100 * share:.3g} %"


def fmt(v: float) -> str:
    """A value with 4 significant digits, never inf, nan or a denormal (ui.numbers)."""
    return numbers.fmt(v, 4)


# ------------------------------------------------------------------ 1. one weight


def _apply_preset(preset: str) -> None:
    """A preset: the quadratic at the current curvature, its start, and η from its limit."""
    ss = st.session_state
    c = ss["c"]
    ss["curve"] = "quadratic"
    ss["lr.quadratic"] = data.preset_rate(preset, c)
    ss["w0.quadratic"] = data.curve_of("quadratic", c).start


def one_weight_section(F) -> None:
    t = texts(F)
    st.header(t("s1"), divider="gray")
    st.markdown(t("s1_intro"))
    st.caption(t("presets_intro"))
    for col, preset in zip(st.columns(4), data.PRESETS, strict=True):
        r = PRESET_FACTORS[preset]
        col.button(t(f"preset.{preset}"), key=f"_preset_{preset}", on_click=_apply_preset,
                   args=(preset,), width="stretch",
                   help=t(f"preset_help.{preset}", share=pct((1 - r) / 2), keep=pct(abs(r))))
    left, mid, right = st.columns(3)
    key = controls.select(F, "curve", t("curve"), data.CURVES, "quadratic",
                          lambda k: t(f"curve.{k}"), where=left)
    # Always drawn: it is the quadratic's curvature and also the presets' input.
    c = controls.log_slider(F, "c", t("curvature"), 0.1, 10.0, 1.0, stops=data.C_STOPS,
                            where=left, help=t("curvature_help"))
    curve = data.curve_of(key, c)
    lo, hi = curve.domain
    w0 = controls.slider(F, f"w0.{key}", t("w0"), float(lo), float(hi), float(curve.start),
                         0.05, fmt="%.2f", where=mid)
    steps = controls.slider(F, "steps", t("steps"), 1, 500, 30, 1, where=mid)
    # Each curve keeps its own η (default: the rate at which its lesson shows).
    lr = controls.log_slider(F, f"lr.{key}", t("lr"), 1e-3, data.LR1_MAX, CURVE_RATES[key],
                             stops=data.LR1_STOPS, where=right, help=t("lr_help"))
    right.latex(r"w_{k+1} = w_k - \eta\, L'(w_k)")
    table, verdict, diverged_at, limit = data.one_weight(key, c, w0, lr, steps)
    _limit_note(F, key, c, w0, lr, limit)
    _verdict_note(F, verdict, diverged_at, steps, CurveObjective(curve).bound,
                  float(table.w_new.iloc[-1]) if len(table) else w0)

    titles = (t("axis_w"), t("axis_loss"), F.t("frame.step"), t("w_star"))
    spec = _ball_spec(key, c, w0, lr, steps, F.projector, t(f"curve.{key}"), titles)
    player(F, "gd1", last_step(spec), lambda step: show(with_step(spec, step), key="gd_ball"))
    st.caption(t("ball_help"))
    _step_table(F, table)


@st.cache_data(max_entries=64, show_spinner=False)
def _ball_spec(key: str, c: float, w0: float, lr: float, steps: int, projector: bool,
               label: str, titles: tuple) -> dict:
    style = style_for(projector)
    curve, path, tangents, x_dom, y_dom = data.one_weight_frames(
        key, c, w0, lr, steps, style.height / style.width, label)
    _, verdict, _, _ = data.one_weight(key, c, w0, lr, steps)
    names = dict(zip(("w", "loss", "step", "w_star"), titles, strict=True))
    return to_spec(gc.ball_view(curve, path, tangents, style, x_domain=x_dom, y_domain=y_dom,
                                w_star=verdict.w_star, n_steps=len(path) - 1, titles=names))


def _limit_note(F, key: str, c: float, w0: float, lr: float, limit) -> None:
    t = texts(F)
    if key == "quadratic":
        eta_max = stability_limit(c)
        r = contraction(lr, c)
        side = "limit_below" if r > 0 else "limit_overshoot" if r > -1 else "limit_above"
        st.markdown(t("limit_quadratic", c=fmt(c), limit=fmt(eta_max), r=fmt(r)) + " "
                    + t(side, lr=fmt(lr)))
    elif key == "cube":
        st.markdown(_cube_note(t, w0, lr))
    elif limit is not None:
        st.markdown(t("limit_local", w_star=fmt(limit.minimum.x), d2=fmt(limit.curvature),
                      limit=fmt(limit.limit), lr=fmt(lr)))
    else:
        st.markdown(t(f"limit_none.{key}"))


def _cube_note(t, w0: float, lr: float) -> str:
    """The cubic: below 1/(3w₀) the ball stalls short of w = 0, above it jumps past."""
    eta_max = cube_stall_limit(w0)
    if eta_max is None:
        return t("limit_none.cube_flat" if w0 == 0 else "limit_none.cube_left")
    side = "cube_stalls" if lr < eta_max else "cube_jumps"
    return t("limit_none.cube", limit=fmt(eta_max)) + " " + t(side, lr=fmt(lr))


def _verdict_note(F, v, diverged_at: int, steps: int, bound: float, w_end: float) -> None:
    t = texts(F)
    nums = dict(steps=steps, k=diverged_at, bound=fmt(bound), flips=v.flips, w=fmt(w_end),
                pct=pct(v.ratio), factor=fmt(v.factor), ratio=fmt(v.ratio),
                w_star=fmt(v.w_star) if v.w_star is not None else "")
    box = {"converged": st.success, "diverged": st.error, "growing": st.error,
           "oscillating": st.warning, "crawling": st.warning,
           "stalled": st.warning}.get(v.kind, st.info)
    box(t(f"verdict.{v.kind}", **nums))


def _step_table(F, table: pd.DataFrame) -> None:
    t = texts(F)
    safe = numbers.finite_or_nan                # no inf, nan-as-text or denormal in a cell
    shown = pd.DataFrame({
        "k": table.k, t("col_w"): safe(table.w), t("col_slope"): safe(table.slope),
        t("col_step"): safe(table.step), t("col_new"): safe(table.w_new),
        t("col_note"): table.escaped.map({True: t("escaped"), False: ""}),
    })
    number = st.column_config.NumberColumn(format="%.5g")
    st.markdown(t("table_title"))
    st.dataframe(shown, hide_index=True, height=min(36 * (len(shown) + 1), 300),
                 column_config={c: number for c in shown.columns[1:5]})


# ------------------------------------------------------------------ 2. two weights


def two_weights_section(F) -> None:
    t = texts(F)
    st.header(t("s2"), divider="gray")
    st.markdown(t("s2_intro"))
    left, mid, right = st.columns(3)
    key = controls.select(F, "surf", t("surface"), data.SURFACES, "bowl",
                          lambda k: t(f"surface.{k}"), where=left)
    kappa = 10.0
    if key == "bowl":
        kappa = controls.log_slider(F, "kappa", t("kappa"), 1.0, 100.0, 10.0,
                                    stops=data.KAPPA_STOPS, where=left, help=t("kappa_help"))
    surface = data.surface_of(key, kappa)
    # Every surface keeps its own start, η and steps (URL keys start.<surface>,
    # lr2.<surface>, steps2.<surface>), so choosing a surface loads its lesson's defaults
    # and a link reopens exactly the values it carries.
    lesson = SURFACE_LESSONS[key]
    start_key = f"start.{key}"
    clicked = controls.picked("gd_map")
    if clicked is not None:
        controls.set_point(start_key, clicked, lesson.start)
    start = controls.point(F, start_key, t("start"), lesson.start, surface.domain)
    mid.markdown(t("start_now", x=fmt(start[0]), y=fmt(start[1])))
    if start != tuple(lesson.start):
        mid.button(t("start_reset"), key="_start_reset", on_click=controls.set_point,
                   args=(start_key, lesson.start, lesson.start), icon=":material/home_pin:")
    lr = controls.log_slider(F, f"lr2.{key}", t("lr"), 1e-4, 1.0, lesson.lr,
                             stops=data.LR2_STOPS, where=right)
    steps = controls.slider(F, f"steps2.{key}", t("steps"), 1, 1000, lesson.steps, 1,
                            where=right)
    st.caption(t(f"lesson.{key}"))
    if key == "bowl":
        st.markdown(t("bowl_limit", kappa=fmt(kappa), limit=fmt(stability_limit(kappa)),
                      ry=fmt(contraction(lr, kappa)), rx=fmt(contraction(lr, 1.0)),
                      limit_x=fmt(stability_limit(1.0))))
    tr = data.two_weights(key, kappa, start, lr, steps)
    if tr.diverged_at >= 0:
        st.error(t("map_diverged", k=int(tr.diverged_at), bound=fmt(surface.bound)))
    titles = (t("gd_series"), t("gap_axis"), F.t("frame.step"), t("arrow_grad"),
              t("arrow_step"), t("axis_loss"))
    spec = _map_spec(key, kappa, start, lr, steps, F.projector, titles)
    player(F, "gd2", last_step(spec),
           lambda step: show(with_step(spec, step), key="gd_map", pick=True), chart_key="gd_map")
    st.caption(t("map_help"))


@st.cache_data(max_entries=64, show_spinner=False)
def _map_spec(key: str, kappa: float, start: tuple, lr: float, steps: int, projector: bool,
              titles: tuple) -> dict:
    series, gap, step, grad_label, step_label, loss_label = titles
    style = style_for(projector)
    surface = data.surface_of(key, kappa)
    tr = data.two_weights(key, kappa, start, lr, steps)
    f_min = min(m.value for m in surface.minima)
    paths = data.compact(path_frame(series, "sgd", tr, f_min=f_min))
    (x0, x1), _ = surface.domain
    arrows = data.arrows_frame(tr, data.path_index(tr), 0.12 * (x1 - x0),
                               (grad_label, step_label))
    cells, lines, minima, log_color = surface_picture(key, surface.params, MAP_CELLS)
    extra = [charts.arrow_layers(arrows, style, {grad_label: GRAD, step_label: STEP})]
    return to_spec(charts.surface_view(cells, data.compact(lines), minima, paths, style,
                                       log_color=log_color, loss_title=gap, step_title=step,
                                       n_steps=int(paths.step.max()), extra=extra,
                                       f_label=loss_label))
