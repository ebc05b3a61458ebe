"""The conditioning section of the Gradient Descent page, the bridge to the Optimizer Race.

On the bowl f = ½(u² + κ v²) (eigenvalues 1 and κ, core.experiments.conditioning):

    a. gradient descent at η* = 2/(λ_min + λ_max) contracts the distance by (κ−1)/(κ+1);
    b. heavy ball at its best (η, μ) has rate (√κ−1)/(√κ+1): about √κ times fewer steps;
    c. per-coordinate methods (RMSprop, Adam) use an aligned valley, a turned one less so.

Every number printed is read from the runs made here; nothing is typed in.
"""

from __future__ import annotations

import math
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from core.experiments import conditioning as cond
from core.problems.surfaces import get_surface
from ui import charts, controls, numbers
from ui.cache import surface_picture
from ui.downloads import chart_files, csv
from ui.frame import carried, page_file
from ui.gradient_descent import conditioning_data as data
from ui.render import compact, show, to_spec
from ui.style import style_for

P = "gradient_descent.cond."
fmt = partial(numbers.fmt, digits=4)          # 4 significant digits
fine = partial(numbers.precise, digits=6)     # rates, where the 4th digit is not enough
MAP_CELLS = 30                # heat-map cells per side: the smooth bowl needs few (page weight)
PER_COORDINATE = ("rmsprop", "adam")
RACE_KAPPA_MAX = 300.0    # the Optimizer Race's κ slider ends here (ui.optimizer_race.controls)

GD_LATEX = (r"\eta^* = \frac{2}{\lambda_{\min} + \lambda_{\max}},\qquad"
            r"|1 - \eta^*\lambda_{\min}| = |1 - \eta^*\lambda_{\max}|"
            r" = \frac{\kappa - 1}{\kappa + 1}")
HB_LATEX = (r"\eta = \frac{4}{(\sqrt{\lambda_{\max}} + \sqrt{\lambda_{\min}})^2},\qquad"
            r"\mu = \rho^2,\qquad \rho = \frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}")
CLOSED_LATEX = (r"\|x_k - x^*\| = \rho^k \sqrt{u_0^2\left(1 + \tfrac{2k}{\sqrt\kappa + 1}"
                r"\right)^2 + v_0^2\left(1 + \tfrac{2\sqrt\kappa\,k}{\sqrt\kappa + 1}\right)^2}")


def conditioning_section(F) -> None:
    t = F.texts(P)
    st.header(t("header"), divider="gray")
    st.markdown(t("intro"))
    left, right = st.columns(2)
    kappa = controls.log_slider(F, "cond.kappa", t("kappa"), data.KAPPA_STOPS[0],
                                data.KAPPA_STOPS[-1], data.KAPPA_DEFAULT,
                                stops=data.KAPPA_STOPS, where=left, help=t("kappa_help"))
    angle = controls.slider(F, "cond.angle", t("angle"), 0, 90, data.ANGLE_DEFAULT, 5,
                            where=right, help=t("angle_help"))
    study = data.rates(kappa)
    _descent(F, study)
    _momentum(F, study)
    _turned(F, kappa, angle)
    _race_link(F, kappa, angle)


# ------------------------------------------------------------------ a. gradient descent


def _descent(F, s: cond.RateStudy) -> None:
    t = F.texts(P)
    st.subheader(t("a"))
    st.markdown(t("a_intro"))
    st.latex(GD_LATEX)
    lo, hi = cond.eigenvalues(s.kappa)
    u0, v0 = cond.START
    st.markdown(t("a_measured", kappa=fmt(s.kappa), u0=fmt(u0), v0=fmt(v0), lr=fine(s.gd_lr),
                  fu=fine(s.gd_along[0]), pu=fine(1 - s.gd_lr * lo), fv=fine(s.gd_along[1]),
                  pv=fine(1 - s.gd_lr * hi), k=s.gd_reached, tol=fmt(s.tol),
                  measured=fine(s.gd_measured), predicted=fine(cond.gd_rate(s.kappa))))


# ------------------------------------------------------------------ b. heavy ball


def _momentum(F, s: cond.RateStudy) -> None:
    t = F.texts(P)
    st.subheader(t("b"))
    st.markdown(t("b_intro"))
    st.latex(HB_LATEX)
    rho = cond.hb_rate(s.kappa)
    k0, k1 = s.window
    st.markdown(t("b_measured", kappa=fmt(s.kappa), lr=fine(s.hb_lr), mu=fine(s.hb_mu),
                  tol=fmt(s.tol), k=s.hb_reached, k_gd=s.gd_reached,
                  ratio=numbers.fmt(s.gd_reached / s.hb_reached, 3),
                  sqrtk=numbers.fmt(math.sqrt(s.kappa), 3),
                  k0=k0, k1=k1, n=k1 - k0, measured=fine(s.hb_measured), rho=fine(rho)))
    labels = (t("map_gd"), t("map_hb"), t("map_axis"), t("step"))
    show(_map_spec(s.kappa, F.projector, labels), key="cond_map",
         files=chart_files(F, "conditioning-map", lambda: _side_by_side(F, s)))
    st.caption(t("map_caption"))
    st.caption(t("side_caption", kappa=fmt(s.kappa), tol=fmt(s.tol)))
    F.table(_side_by_side(F, s), hide_index=True)
    st.markdown(t("b_why", pct=numbers.fmt(100 * (s.hb_measured / rho - 1), 2),
                  exact=fine(s.hb_window)))
    st.latex(CLOSED_LATEX)
    rows, p = data.speedups(s.kappa)
    st.caption(t("table_caption", tol=fmt(s.tol)))
    F.table(pd.DataFrame({
        t("col_kappa"): [fmt(r.kappa) for r in rows],
        t("col_gd"): [r.gd_steps for r in rows], t("col_hb"): [r.hb_steps for r in rows],
        t("col_ratio"): [numbers.fmt(r.ratio, 3) for r in rows],
        t("col_sqrt"): [numbers.fmt(math.sqrt(r.kappa), 3) for r in rows]}), hide_index=True)
    csv(F, "conditioning-speedups", lambda: pd.DataFrame({
        "kappa": [r.kappa for r in rows], "gd_steps": [r.gd_steps for r in rows],
        "hb_steps": [r.hb_steps for r in rows], "ratio": [r.ratio for r in rows]}))
    shares = [r.ratio / math.sqrt(r.kappa) for r in rows]
    st.markdown(t("b_growth", p=f"{p:.2f}", lo=f"{min(shares):.2f}", hi=f"{max(shares):.2f}"))


def _side_by_side(F, s: cond.RateStudy) -> pd.DataFrame:
    t = F.texts(P)
    k0, k1 = s.window
    rows = [(t("row_gd_rate"), fine(cond.gd_rate(s.kappa)), fine(s.gd_measured)),
            (t("row_gd_steps"), str(s.gd_predicted), str(s.gd_reached)),
            (t("row_hb_rate_rho"), fine(cond.hb_rate(s.kappa)), fine(s.hb_measured)),
            (t("row_hb_rate", k0=k0, k1=k1), fine(s.hb_window), fine(s.hb_measured)),
            (t("row_hb_steps"), str(s.hb_predicted), str(s.hb_reached))]
    return pd.DataFrame(rows, columns=[t("col_quantity"), t("col_predicted"), t("col_measured")])


@st.cache_data(max_entries=64, show_spinner=False)
def _map_spec(kappa: float, projector: bool, labels: tuple) -> dict:
    """Both paths on the aligned bowl beside their distances (no step scrubber: the whole
    runs are the picture)."""
    gd_label, hb_label, axis, step = labels
    style = style_for(projector)
    paths = data.path_frames(data.rates(kappa), (gd_label, hb_label))
    bowl = get_surface("bowl", kappa=kappa)
    cells, lines, minima, log_color = surface_picture("bowl", bowl.params, MAP_CELLS)
    picture = charts.layer(charts.map_layers(cells, compact(lines), minima, style,
                                             log_color=log_color, pick=False),
                           charts.path_layers(paths, style, scrub=False))
    curves = charts.loss_layers(paths, style, y_title=axis, step_title=step, scrub=False)
    return to_spec(style.configure(charts.hconcat(picture, curves, stack=style.stack)))


# ------------------------------------------------------------------ c. a turned valley


def _turned(F, kappa: float, angle: int) -> None:
    t = F.texts(P)
    st.subheader(t("c"))
    st.markdown(t("c_intro", dk=fmt(cond.diagonal_kappa(kappa, angle)), angle=angle,
                  dk0=fmt(cond.diagonal_kappa(kappa, 0.0))))
    u0, v0 = cond.START
    lrs = cond.TURN_LRS
    st.markdown(t("c_setup", steps=cond.TURN_STEPS, u0=fmt(u0), v0=fmt(v0), n=len(lrs),
                  lo=fmt(lrs[0]), hi=fmt(lrs[-1]), tol=fmt(cond.TURN_TOL)))
    names = {n: t(f"name.{n}") for n in cond.ELEMENTWISE}
    labels = (names, t("aligned"), t("turned", angle=angle), t("rel_axis"), t("step"))
    show(_turned_spec(kappa, float(angle), F.projector, labels), key="cond_turned",
         files=chart_files(F, "conditioning-turned"))
    pairs = data.turned(kappa, float(angle))
    st.caption(t("c_rates", rates="; ".join(
        f"{names[a.name]} {fmt(a.lr)} | {fmt(b.lr)}" for a, b in pairs)))
    for a, b in pairs:
        if a.name == "sgd":
            st.markdown(t("c_gd", a=_reached(F, a), b=_reached(F, b),
                          diff=numbers.fmt(cond.path_gap(a, b), 2)))
        else:
            st.markdown(t("c_method", name=names[a.name], a=_reached(F, a), b=_reached(F, b)))
    _verdict(F, pairs, names, kappa, angle)
    edge = [names[r.name] for pair in pairs for r in pair if r.at_edge]
    if edge:
        st.caption(t("edge_note", names=", ".join(dict.fromkeys(edge))))
    _trend(F, kappa, angle, names)
    st.markdown(t("c_invariant"))


def _reached(F, r: cond.TurnedRun) -> str:
    t = F.texts(P)
    if r.reached >= 0 and 0 <= r.first < r.reached:
        return t("c_steps_again", k=r.reached, first=r.first)
    if r.reached >= 0:
        return t("c_steps", k=r.reached)
    if r.first >= 0:
        return t("c_never_again", steps=cond.TURN_STEPS, d=numbers.fmt(r.final, 2),
                 first=r.first)
    return t("c_never", steps=cond.TURN_STEPS, d=numbers.fmt(r.final, 2))


def _verdict(F, pairs, names: dict, kappa: float, angle: int) -> None:
    t = F.texts(P)
    by = {-1: [], 0: [], 1: []}
    for a, b in pairs:
        if a.name in PER_COORDINATE:
            by[cond.slowdown(a, b)].append(names[a.name])
    words = dict(kappa=fmt(kappa), angle=angle)
    lines = [t("c_slower", names=", ".join(by[1]), **words) if by[1]
             else t("c_none_slower", **words)]
    if by[0]:
        lines.append(t("c_same", names=", ".join(by[0])))
    if by[-1]:
        lines.append(t("c_faster", names=", ".join(by[-1])))
    st.markdown(F.join(lines))


def _trend(F, kappa: float, angle: int, names: dict) -> None:
    t = F.texts(P)
    table = data.trend(kappa, float(angle))
    cols = {t("col_kappa"): [fmt(k) for k in table]}
    for i, name in enumerate(cond.ELEMENTWISE):
        for side, key in ((0, "col_method_aligned"), (1, "col_method_turned")):
            cols[t(key, name=names[name])] = [
                str(pairs[i][side].reached) if pairs[i][side].reached >= 0 else "—"
                for pairs in table.values()]
    st.caption(t("trend_caption", tol=fmt(cond.TURN_TOL), angle=angle, steps=cond.TURN_STEPS))
    F.table(pd.DataFrame(cols), hide_index=True)
    csv(F, "conditioning-turned-table", lambda: pd.DataFrame(cols))


@st.cache_data(max_entries=64, show_spinner=False)
def _turned_spec(kappa: float, angle: float, projector: bool, labels: tuple) -> dict:
    names, aligned, turned, axis, step = labels
    style = style_for(projector)
    frames = data.turned_frames(data.turned(kappa, angle), names)
    tip = [alt.Tooltip("series", type="nominal"), alt.Tooltip("step", type="quantitative"),
           alt.Tooltip("gap", type="quantitative", title=axis, format=".3g")]
    panels = []
    for frame, title in zip(frames, (aligned, turned), strict=True):
        panel = charts.loss_layers(frame, style, y_title=axis, step_title=step, scrub=False,
                                   tooltip=tip)
        panel.title = title
        if not style.stack:      # side by side, with the legend, within a 1280-px page
            panel.width = int(style.width * 0.9)
        panels.append(panel)
    return to_spec(style.configure(charts.hconcat(*panels, stack=style.stack)))


def _race_link(F, kappa: float, angle: int) -> None:
    race = page_file("optimizer_race")
    if not race:
        return
    t = F.texts(P)
    k = min(kappa, RACE_KAPPA_MAX)
    st.markdown(t("to_race_intro"))
    st.page_link(race, label=t("to_race", kappa=fmt(k), angle=angle),
                 icon=":material/sports_score:",
                 query_params={"surface": "bowl", "opts": "sgd,momentum,rmsprop,adam",
                               "kappa": f"{k:g}", "angle": str(angle), **carried()})
