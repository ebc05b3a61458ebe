"""Part 1 of the Gradient Descent page: one weight, the ball on a curve.

    w_{k+1} = w_k − η L'(w_k);  on the quadratic L = ½ c w² one step multiplies w by
    r = 1 − η c, so descent converges iff 0 < η < 2/c (core.experiments.descent).
    On the cubic L = w³ from w₀ > 0 it stalls short of w = 0 iff η < 1/(3 w₀).

The presets set η from that limit; the step table lists every step. Results come from
:mod:`ui.gradient_descent.data`, the chart from :mod:`ui.gradient_descent.charts`; its
spec is built by a bounded cache of primitives, so a rerun that changes nothing only
unpickles it; Play runs in the browser (ui.play), with no rerun while it plays.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from core.experiments.descent import (
    PRESET_FACTORS,
    CurveObjective,
    contraction,
    cube_stall_limit,
    stability_limit,
)
from core.experiments.descent_defaults import CURVE_RATES
from ui import controls, numbers
from ui.downloads import chart_files
from ui.gradient_descent import charts as gc
from ui.gradient_descent import data
from ui.play import play_text
from ui.render import show, to_spec
from ui.style import style_for

P = "gradient_descent."
fmt = partial(numbers.fmt, digits=4)    # 4 significant digits, never inf, nan or a denormal


def pct(share: float) -> str:
    return f"{numbers.fmt(100 * share, 3)} %"


def _apply_preset(preset: str) -> None:
    """A preset: the quadratic at the current curvature, its start, and η from its limit."""
    ss = st.session_state
    c = ss["c"]
    ss["curve"] = "quadratic"
    ss["lr.quadratic"] = data.preset_rate(preset, c)
    ss["w0.quadratic"] = data.curve_of("quadratic", c).start


def one_weight_section(F) -> None:
    t = F.texts(P)
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

    titles = (t("axis_w"), t("axis_loss"), play_text(F), t("w_star"))
    spec = _ball_spec(key, c, w0, lr, steps, F.projector, t(f"curve.{key}"), titles)
    show(spec, key="gd_ball", files=chart_files(F, "gd-one-weight", table))
    st.caption(t("ball_help"))
    _step_table(F, table)


@st.cache_data(max_entries=64, show_spinner=False)
def _ball_spec(key: str, c: float, w0: float, lr: float, steps: int, projector: bool,
               label: str, titles: tuple) -> dict:
    style = style_for(projector)
    curve, path, tangents, x_dom, y_dom = data.one_weight_frames(
        key, c, w0, lr, steps, style.height / style.width, label)
    _, verdict, _, _ = data.one_weight(key, c, w0, lr, steps)
    w_title, loss_title, play, w_star = titles
    names = {"w": w_title, "loss": loss_title, "step": play.step, "w_star": w_star}
    return to_spec(gc.ball_view(curve, path, tangents, style, x_domain=x_dom, y_domain=y_dom,
                                w_star=verdict.w_star, n_steps=len(path) - 1, titles=names,
                                play=play))


def _limit_note(F, key: str, c: float, w0: float, lr: float, limit) -> None:
    t = F.texts(P)
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
    t = F.texts(P)
    nums = dict(steps=steps, k=diverged_at, bound=fmt(bound), flips=v.flips, w=fmt(w_end),
                pct=pct(v.ratio), factor=fmt(v.factor), ratio=fmt(v.ratio),
                w_star=fmt(v.w_star) if v.w_star is not None else "")
    box = {"converged": st.success, "diverged": st.error, "growing": st.error,
           "oscillating": st.warning, "crawling": st.warning,
           "stalled": st.warning}.get(v.kind, st.info)
    box(t(f"verdict.{v.kind}", **nums))


def _step_table(F, table: pd.DataFrame) -> None:
    t = F.texts(P)
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
