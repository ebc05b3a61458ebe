"""Part 3 of the Gradient Descent page: full-batch descent against noisy mini-batches
on a line fit y ≈ w x + b (core.problems.regression).

    full batch:  p_{k+1} = p_k − η ∇L(p_k),   L = (1/n) Σ_i ½ r_i²,  r_i = w x_i + b − y_i
    mini-batch:  p_{k+1} = p_k − η ∇L_{B_k}(p_k),  the same mean over the B points of batch k

The noise floors measure what a smaller η, a larger B and momentum do to the jitter.
:func:`mini_batch_section` returns the settings the chain-rule section reads.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from core.experiments.descent import stability_limit
from core.problems.regression import N_POINTS, compare_paths
from ui import controls, numbers
from ui.downloads import chart_files
from ui.frame import carried, page_file
from ui.geometry import path_frame
from ui.gradient_descent import charts as gc
from ui.gradient_descent import data
from ui.play import play_text
from ui.render import compact, show, to_spec
from ui.style import style_for

P = "gradient_descent."
fmt = partial(numbers.fmt, digits=4)    # 4 significant digits, never inf, nan or a denormal


def mini_batch_section(F):
    """Returns the settings (seed, noise, batch, lr, steps) for the chain-rule section."""
    t = F.texts(P)
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
    labels = (t("full_legend"), t("mini_legend"), t("gap_axis"), play_text(F),
              t("axis_loss"), "w", "b", "x", "y")
    spec = _regression_spec(seed, noise, batch, lr, steps, F.projector, labels)
    show(spec, key="gd_fit", files=chart_files(F, "gd-mini-batch"))
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
    t = F.texts(P)
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
    full_label, mini_label, gap, play, loss_label, w, b, x, y = labels
    style = style_for(projector)
    full, mini, f_min = data.regression_runs(seed, noise, batch, lr, steps)
    paths = compact(pd.concat([path_frame(full_label, "full_batch", full, f_min=f_min),
                                    path_frame(mini_label, "sgd", mini, f_min=f_min)],
                                   ignore_index=True))
    lines = data.fit_lines(paths)
    cells, iso, minima, log_color = data.regression_picture(seed, noise)
    titles = dict(loss=loss_label, w=w, b=b, x=x, y=y, gap=gap, step=play.step)
    return to_spec(gc.regression_view(cells, compact(iso), minima, paths,
                                      data.data_points(seed, noise), lines, style,
                                      log_color=log_color, titles=titles,
                                      n_steps=int(paths.step.max()), play=play))


def _race_link(F) -> None:
    race = page_file("optimizer_race")
    if not race:
        return
    t = F.texts(P)
    st.markdown(t("to_race_intro"))
    st.page_link(race, label=t("to_race"), icon=":material/sports_score:",
                 query_params={"opts": "sgd,momentum", **carried()})
