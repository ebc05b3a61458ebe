"""Parts 3 and 4 of the Gradient Descent page: full-batch descent against noisy
mini-batch SGD on a line fit, and the chain rule behind the gradient they follow."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.experiments.descent import stability_limit
from core.problems.regression import N_POINTS, compare_paths
from ui import charts_gradient_descent as gc
from ui import controls, numbers
from ui import gradient_descent_data as data
from ui.frame import existing_pages
from ui.geometry import path_frame
from ui.gradient_descent_sections import fmt, texts
from ui.play import player
from ui.render import last_step, show, to_spec, with_step
from ui.style import style_for

FIRST_ROWS = 5                        # data points listed in the chain-rule table


# ------------------------------------------------------------------ 3. noisy mini-batches


def mini_batch_section(F):
    """Returns the settings (seed, noise, batch, lr, steps) for the chain-rule section."""
    t = texts(F)
    st.header(t("s3"), divider="gray")
    st.markdown(t("s3_intro", n=N_POINTS))
    left, mid, right = st.columns(3)
    noise = controls.slider(F, "noise", t("noise"), 0.0, 3.0, 1.0, 0.1, where=left,
                            help=t("noise_help"))
    seed = controls.integer(F, "seed", t("seed"), 0, 9999, 0, where=left, help=t("seed_help"))
    batch = controls.slider(F, "batch", t("batch"), 1, N_POINTS, 10, 1, where=mid,
                            help=t("batch_help", n=N_POINTS))
    lr = controls.log_slider(F, "lr3", t("lr"), 1e-3, 2.0, 0.3, stops=data.LR3_STOPS,
                             where=right)
    steps = controls.slider(F, "steps3", t("steps"), 1, 1000, 200, 1, where=right)
    obj = data.regression_of(seed, noise)
    eta_max = stability_limit(float(obj.curvatures()[-1]))
    st.markdown(t("s3_numbers", epochs=fmt(steps * batch / N_POINTS), limit=fmt(eta_max),
                  line=f"{fmt(obj.data.w_true)}·x {'+' if obj.data.b_true >= 0 else '−'} "
                       f"{fmt(abs(obj.data.b_true))}"))
    full, mini, _ = data.regression_runs(seed, noise, batch, lr, steps)
    for name, tr in ((t("full_series"), full), (t("mini_series"), mini)):
        if tr.diverged_at >= 0:
            st.error(t("reg_diverged", name=name, k=int(tr.diverged_at), limit=fmt(eta_max)))
    labels = (t("full_legend"), t("mini_legend"), t("gap_axis"), F.t("frame.step"),
              t("axis_loss"), "w", "b", "x", "y")
    spec = _regression_spec(seed, noise, batch, lr, steps, F.projector, labels)
    player(F, "gd3", last_step(spec), lambda step: show(with_step(spec, step), key="gd_fit"))
    st.caption(t("reg_help"))
    m = compare_paths(obj, full, mini)
    if full.diverged_at < 0 and mini.diverged_at < 0:
        st.markdown(t("reg_measured", batch=batch, gap_full=numbers.gap_text(F.t, m.gap_full, 4),
                      gap_mini=numbers.gap_text(F.t, m.gap_mini, 4), spread_full=fmt(m.spread_full),
                      spread_mini=fmt(m.spread_mini), cos_early=f"{m.cos_early:.2f}",
                      cos_late=f"{m.cos_late:.2f}"))
    story = "reg_whole" if batch == N_POINTS else "reg_exact" if noise == 0 else "reg_noisy"
    st.markdown(t(story, n=N_POINTS))
    _noise_floors(F, seed, noise, batch, lr)
    _race_link(F)
    return seed, noise, batch, lr, steps


def _noise_floors(F, seed: int, noise: float, batch: int, lr: float) -> None:
    """Measured: what a smaller step, a larger batch and momentum do to the jitter."""
    t = texts(F)
    if noise == 0:
        st.markdown(t("floor_none"))
        return
    fl = data.floors(seed, noise, batch, lr)
    if fl.diverged:
        st.markdown(t("floor_diverged", lr=fmt(lr)))
        return
    gap = lambda v: numbers.gap_text(F.t, v)      # noqa: E731
    st.markdown(t("floor_measured", seeds=data.FLOOR_SEEDS, noise=fmt(noise), batch=batch,
                  half=data.FLOOR_STEPS // 2, steps=data.FLOOR_STEPS, lr=fmt(lr),
                  sgd=gap(fl.sgd), small=gap(fl.small), big_batch=min(4 * batch, N_POINTS),
                  big=gap(fl.big), mu=fmt(data.FLOOR_MU), lr_mom=fmt(lr * (1 - data.FLOOR_MU)),
                  mom=gap(fl.momentum)))
    beaten = fl.momentum > max(fl.small, fl.big)
    st.markdown(t("floor_verdict.step_batch" if beaten else "floor_verdict.momentum"))


@st.cache_data(max_entries=64, show_spinner=False)
def _regression_spec(seed: int, noise: float, batch: int, lr: float, steps: int,
                     projector: bool, labels: tuple) -> dict:
    full_label, mini_label, gap, step, loss_label, w, b, x, y = labels
    style = style_for(projector)
    full, mini, f_min = data.regression_runs(seed, noise, batch, lr, steps)
    paths = data.compact(pd.concat([path_frame(full_label, "full_batch", full, f_min=f_min),
                                    path_frame(mini_label, "sgd", mini, f_min=f_min)],
                                   ignore_index=True))
    lines = data.fit_lines(paths)
    cells, iso, minima, log_color = data.regression_picture(seed, noise)
    titles = dict(loss=loss_label, w=w, b=b, x=x, y=y, gap=gap, step=step)
    return to_spec(gc.regression_view(cells, data.compact(iso), minima, paths,
                                      data.data_points(seed, noise), lines, style,
                                      log_color=log_color, titles=titles,
                                      n_steps=int(paths.step.max())))


def _race_link(F) -> None:
    race = [p for p in existing_pages() if p[0] == "optimizer_race"]
    if not race:
        return
    carry = {k: v for k in ("projector", "lang") if (v := st.query_params.get(k)) is not None}
    t = texts(F)
    st.markdown(t("to_race_intro"))
    st.page_link(race[0][1], label=t("to_race"), icon=":material/sports_score:",
                 query_params={"opts": "sgd,momentum", **carry})


# ------------------------------------------------------------------ 4. the chain rule


def chain_rule_section(F, settings) -> None:
    t = texts(F)
    seed, noise, batch, lr, steps = settings
    st.header(t("s4"), divider="gray")
    st.markdown(t("s4_intro"))
    st.latex(r"r_i = w\,x_i + b - y_i,\qquad L = \frac{1}{n}\sum_i \tfrac12 r_i^2")
    st.latex(r"\frac{\partial L}{\partial w} = \sum_i \frac{\partial L}{\partial r_i}"
             r"\,\frac{\partial r_i}{\partial w} = \frac{1}{n}\sum_i r_i\,x_i,\qquad"
             r"\frac{\partial L}{\partial b} = \sum_i \frac{\partial L}{\partial r_i}"
             r"\,\frac{\partial r_i}{\partial b} = \frac{1}{n}\sum_i r_i")
    k_asked = controls.slider(F, "k4", t("k4"), 0, 1000, 0, 1, help=t("k4_help"))
    k, p, check, d, batch_grad = data.chain_check(seed, noise, batch, lr, steps, k_asked)
    if k != k_asked:
        st.info(t("k4_clamped", asked=k_asked, k=k))
    st.markdown(t("at_point", k=k, w=fmt(p[0]), b=fmt(p[1])))
    m = FIRST_ROWS
    safe = numbers.finite_or_nan                # no denormal or non-finite cell
    first = pd.DataFrame({"i": range(1, m + 1), "x_i": d.x[:m], "y_i": d.y[:m],
                          "r_i": safe(check.r[:m]), "∂L/∂r_i": safe(check.dl_dr[:m]),
                          "∂L/∂r_i · x_i": safe(check.terms[:m, 0])})
    st.caption(t("first_rows", m=m, n=N_POINTS))
    st.dataframe(first, hide_index=True, column_config={
        c: st.column_config.NumberColumn(format="%.5g") for c in first.columns[1:]})
    rows = pd.DataFrame({
        "": ["∂L/∂w", "∂L/∂b"], t("col_chain"): safe(check.grad),
        t("col_numeric"): safe(check.numeric), t("col_diff"): safe(check.gap)})
    st.dataframe(rows, hide_index=True, column_config={
        c: st.column_config.NumberColumn(format="%.10g") for c in rows.columns[1:]})
    st.markdown(t("numeric_note", h=f"{check.h:g}",
                  diff=numbers.fmt(float(check.gap.max()), 2)))
    if batch_grad is not None and batch < N_POINTS:
        st.markdown(t("batch_note", k=k, batch=batch, gw=fmt(batch_grad[0]),
                      gb=fmt(batch_grad[1]), fw=fmt(check.grad[0]), fb=fmt(check.grad[1])))
