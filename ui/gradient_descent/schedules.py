"""Part 5 of the Gradient Descent page: learning-rate schedules (core.schedules), measured
in core.experiments.schedules_lesson.

    a. on part 3's mini-batch line fit, a decaying η_k lowers the late-run loss gap and
       the jitter that a fixed η leaves (same mini-batches for every schedule);
    b. on part 1's double well, warm-up at a peak above the start's limit 2/L''(w₀) but
       below the bottom's settles where a fixed η and a plain cosine blow up; the control
       is the line fit, whose curvature is the same everywhere.

Every number printed is read from the runs made here; nothing is typed in.
"""

from __future__ import annotations

from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from core.experiments import schedules_lesson as sl
from core.experiments.descent import stability_limit
from core.problems.regression import Regression, make_data
from core.schedules import schedule_latex
from ui import charts, controls, numbers
from ui.downloads import chart_files, csv
from ui.gradient_descent import data as gd_data
from ui.gradient_descent import schedules_data as data
from ui.render import show, to_spec
from ui.style import style_for

P = "gradient_descent.sched."
fmt = partial(numbers.fmt, digits=4)          # 4 significant digits
RATE_HEIGHT = 0.6     # the η(t) chart, as a share of a chart's height (its legend included)
RATIO_LATEX = r"r_k = \frac{\eta_k\,L''(w_k)}{2}"


def schedules_section(F, settings) -> None:
    """``settings`` = (seed, noise, batch, lr, steps) of part 3; seed, σ and B are used."""
    t = F.texts(P)
    seed, noise, batch = settings[:3]
    st.header(t("header"), divider="gray")
    st.markdown(t("intro"))
    left, mid, right = st.columns(3)
    lr = controls.log_slider(F, "sched.lr", t("lr"), gd_data.LR3_STOPS[0],
                             gd_data.LR3_STOPS[-1], data.LR_DEFAULT, stops=gd_data.LR3_STOPS,
                             where=left, help=t("lr_help"))
    lo, hi, default, step = data.STEPS_RANGE
    steps = controls.slider(F, "sched.steps", t("steps"), lo, hi, default, step, where=mid,
                            help=t("steps_help"))
    names = {n: t(f"name.{n}") for n in sl.PRESETS}
    shown = controls.multiselect(F, "sched.show", t("show"), sl.PRESETS, sl.PRESETS,
                                 format_func=names.get, where=right)
    _settle(F, (seed, noise, batch, lr, steps), tuple(n for n in sl.PRESETS if n in shown),
            names)
    _warmup(F, (seed, noise, batch, steps), names)


# ------------------------------------------------------------------ a. the noise floor


def _settle(F, run_key: tuple, shown: tuple, names: dict) -> None:
    t = F.texts(P)
    seed, noise, batch, lr, steps = run_key
    st.subheader(t("a"))
    step_kw = dict(sl.preset("step_lr", steps).kw)
    w = sl.warmup_steps(steps)
    st.markdown(t("a_presets", seed=seed, noise=fmt(noise), batch=batch, steps=steps,
                  lr=fmt(lr), s=step_kw["step_size"],
                  gamma=numbers.precise(dict(sl.preset("exponential_lr", steps).kw)["gamma"], 6),
                  decay=numbers.precise(sl.DECAY, 6), w=w, rest=steps - w))
    with st.expander(t("formulas"), expanded=True):
        for n in sl.PRESETS:
            st.markdown(t("formula_label", name=names[n]))
            st.latex(schedule_latex(n))
    if shown:
        labels = (tuple(names[n] for n in shown), t("step"), t("rate_axis"), t("gap_axis"))
        rates_spec, gap_spec = _line_specs(*run_key, shown, F.projector, labels)
        show(rates_spec, key="sched_rates")
        show(gap_spec, key="sched_gaps", files=chart_files(F, "schedules-losses"))
        st.caption(t("a_caption", seed=seed))
    else:
        st.info(t("none_chosen"))
    s = data.settling(*run_key)
    st.caption(t("a_table_caption", seeds=s.seeds, seed=seed, tail_n=steps - s.tail,
                 tail=s.tail, steps=steps))
    floors = _floor_table(F, s, names)
    st.dataframe(floors, hide_index=True)
    csv(F, "schedules-floors", floors)
    st.markdown(_floor_verdict(F, s, names, noise, lr, seed))


def _floor_table(F, s: sl.Settling, names: dict) -> pd.DataFrame:
    t = F.texts(P)
    const = s.floor("constant")
    rows = []
    for n, floor, jitter, bad in zip(s.names, s.floors, s.jitters, s.diverged, strict=True):
        rows.append((names[n], t("diverged_cell") if bad else numbers.gap_text(F.t, floor, 4),
                     t("diverged_cell") if bad else fmt(jitter),
                     "—" if bad or n == "constant" or s.diverged[0] else fmt(const / floor)))
    return pd.DataFrame(rows, columns=[t("col_schedule"), t("col_gap"), t("col_jitter"),
                                       t("col_ratio")])


def _floor_verdict(F, s: sl.Settling, names: dict, noise: float, lr: float,
                   seed: int) -> str:
    t = F.texts(P)
    if s.diverged[0]:
        limit = stability_limit(float(Regression(make_data(seed, noise)).curvatures()[-1]))
        return t("a_const_diverged", lr=fmt(lr), limit=fmt(limit))
    if noise == 0:
        return t("a_no_noise")
    const = s.floor("constant")
    decays = [n for n in s.names if n != "constant"]
    lower = [n for n in decays if not s.diverged[s.names.index(n)] and s.floor(n) < const]
    if len(lower) < len(decays):
        higher = [n for n in decays if n not in lower]
        said = [t("a_mixed", lr=fmt(lr), const=numbers.gap_text(F.t, const, 4),
                  lower=", ".join(names[n] for n in lower) or "—",
                  higher=", ".join(names[n] for n in higher))]
        if all(s.jitter(n) < s.jitter("constant") for n in higher):
            said.append(t("a_mixed_why"))
        return F.join(said)
    ratios = [const / s.floor(n) for n in lower]
    steps = [s.jitter("constant") / s.jitter(n) for n in lower]
    return t("a_verdict", lr=fmt(lr), const=numbers.gap_text(F.t, const, 4),
             names=", ".join(names[n] for n in lower), lo=numbers.fmt(min(ratios), 3),
             hi=numbers.fmt(max(ratios), 3), jlo=numbers.fmt(min(steps), 3),
             jhi=numbers.fmt(max(steps), 3))


@st.cache_data(max_entries=64, show_spinner=False)
def _line_specs(seed: int, noise: float, batch: int, lr: float, steps: int, shown: tuple,
                projector: bool, labels: tuple) -> tuple[dict, dict]:
    names, step, rate_axis, gap_axis = labels
    style = style_for(projector)
    rates, gaps = data.line_frames(seed, noise, batch, lr, steps, shown,
                                   dict(zip(shown, names, strict=True)))
    return _pair(rates, gaps, style, step, rate_axis, gap_axis, log_rates=True)


def _pair(rates, gaps, style, step: str, rate_axis: str, gap_axis: str, *,
          log_rates: bool) -> tuple[dict, dict]:
    """η(t) (small, above) and the loss curves (below) as two finished specs."""
    rate_chart = charts.lr_schedule_chart(rates, style, step_title=step, y_title=rate_axis,
                                          log=log_rates, height=int(style.height * RATE_HEIGHT))
    tip = [alt.Tooltip("series", type="nominal"), alt.Tooltip("step", type="quantitative"),
           alt.Tooltip("gap", type="quantitative", title=gap_axis, format=".4g")]
    loss = charts.loss_layers(gaps, style, y_title=gap_axis, step_title=step, scrub=False,
                              tooltip=tip)
    return to_spec(rate_chart), to_spec(style.configure(loss))


# ------------------------------------------------------------------ b. warm-up


def _warmup(F, line_key: tuple, names: dict) -> None:
    t = F.texts(P)
    st.subheader(t("b"))
    lo, hi, default, step = data.SHARE_RANGE
    share = controls.slider(F, "sched.share", t("share"), lo, hi, default, step,
                            help=t("share_help"))
    w = data.warmup(share)
    c0, cb = w.start_curvature, w.bottom_curvature
    st.markdown(t("b_intro", w0=fmt(w.w0), c0=fmt(c0), lim0=fmt(w.start_limit),
                  bottom=fmt(w.bottom), cb=fmt(cb), limb=fmt(w.bottom_limit)))
    st.latex(RATIO_LATEX)
    st.markdown(t("b_setup", share=fmt(share), limb=fmt(w.bottom_limit), peak=fmt(w.peak),
                  times=numbers.fmt(w.peak / w.start_limit, 3), steps=w.steps, w=w.warmup))
    labels = (tuple(names[n] for n in sl.WARM_NAMES), t("step"), t("rate_axis"),
              t("well_axis"))
    rates_spec, gap_spec = _well_specs(share, F.projector, labels)
    show(rates_spec, key="sched_well_rates")
    show(gap_spec, key="sched_well_gaps", files=chart_files(F, "schedules-warmup"))
    st.caption(t("b_caption"))
    st.markdown(F.join([_run_sentence(F, w, r, names) for r in w.runs]))
    warm = w.run("warmup_cosine")
    if len(warm.ratios) > 1:
        k = int(warm.ratios[1:].argmax()) + 1
        st.markdown(t("b_warm", rmax=fmt(warm.ratios[k]), k=k))
    st.markdown(_warm_verdict(F, w, c0))
    _control(F, line_key)


def _run_sentence(F, w: sl.WarmupStudy, r: sl.WarmupRun, names: dict) -> str:
    t = F.texts(P)
    where = data.ending(w, r)
    outcome = t(f"out.{where}", k=r.diverged_at, w=fmt(r.end))
    return t("b_run", name=names[r.name], r0=fmt(r.ratios[0]), outcome=outcome)


def _warm_verdict(F, w: sl.WarmupStudy, c0: float) -> str:
    t = F.texts(P)
    bad = {r.name: r.diverged_at >= 0 for r in w.runs}
    ww, cw = w.at_peak()
    if bad["constant"] and bad["cosine_annealing_lr"] and not bad["warmup_cosine"] and cw < c0:
        return t("b_verdict.avoided", w=w.warmup, ww=fmt(ww), cw=fmt(cw), c0=fmt(c0),
                 rw=fmt(w.run("warmup_cosine").ratios[w.warmup]))
    if not any(bad.values()):
        return t("b_verdict.all_fine")
    if all(bad.values()):
        return t("b_verdict.all_diverged")
    return t("b_verdict.other")


def _control(F, line_key: tuple) -> None:
    t = F.texts(P)
    seed, noise, batch, steps = line_key
    c = data.control(seed, noise, batch, steps)
    const, warm = c.diverged_at
    said = [t("c_div", k=k) if k >= 0 else t("c_ok") for k in (const, warm)]
    st.markdown(t("c_control", limit=fmt(c.limit), share=fmt(c.share), peak=fmt(c.peak),
                  seed=seed, steps=steps, const=said[0], warm=said[1], above=c.above[1]))
    st.markdown(t("c_verdict.delayed" if 0 <= const < warm else "c_verdict.other"))


@st.cache_data(max_entries=32, show_spinner=False)
def _well_specs(share: float, projector: bool, labels: tuple) -> tuple[dict, dict]:
    names, step, rate_axis, gap_axis = labels
    style = style_for(projector)
    rates, gaps = data.well_frames(data.warmup(share),
                                   dict(zip(sl.WARM_NAMES, names, strict=True)))
    return _pair(rates, gaps, style, step, rate_axis, gap_axis, log_rates=False)
