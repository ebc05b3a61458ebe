"""Part 2 of the Gradient Descent page: two weights, the path on a map.

    x_{k+1} = x_k − η ∇f(x_k);  on the bowl f = ½ (x² + κ y²) the step multiplies x by
    1 − η and y by 1 − η κ, so descent converges iff η < 2/κ (the steep direction).

Each surface keeps its own start, η and steps; a click on the map moves the start.
The arrows show the gradient's direction and the step taken at the scrubbed step.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from core.experiments.descent import contraction, stability_limit
from core.experiments.descent_defaults import SURFACE_LESSONS
from ui import charts, controls, numbers
from ui.cache import surface_picture
from ui.downloads import chart_files, trajectories
from ui.geometry import path_frame
from ui.gradient_descent import data
from ui.play import play_text
from ui.render import compact, show, to_spec
from ui.style import style_for

P = "gradient_descent."
fmt = partial(numbers.fmt, digits=4)    # 4 significant digits, never inf, nan or a denormal
GRAD, STEP = "#D55E00", "#0072B2"     # arrow colours: the gradient, the step taken
MAP_CELLS = 44                        # heat-map cells per side (keeps the page's data small)


def two_weights_section(F) -> None:
    t = F.texts(P)
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
    titles = (t("gd_series"), t("gap_axis"), play_text(F), t("arrow_grad"),
              t("arrow_step"), t("axis_loss"))
    spec = _map_spec(key, kappa, start, lr, steps, F.projector, titles)
    show(spec, key="gd_map", pick=True,
         files=chart_files(F, "gd-two-weights", lambda: trajectories({t("gd_series"): tr})))
    st.caption(t("map_help"))


@st.cache_data(max_entries=64, show_spinner=False)
def _map_spec(key: str, kappa: float, start: tuple, lr: float, steps: int, projector: bool,
              titles: tuple) -> dict:
    series, gap, play, grad_label, step_label, loss_label = titles
    style = style_for(projector)
    surface = data.surface_of(key, kappa)
    tr = data.two_weights(key, kappa, start, lr, steps)
    f_min = min(m.value for m in surface.minima)
    paths = compact(path_frame(series, "sgd", tr, f_min=f_min))
    (x0, x1), _ = surface.domain
    arrows = data.arrows_frame(tr, data.path_index(tr), 0.12 * (x1 - x0),
                               (grad_label, step_label))
    cells, lines, minima, log_color = surface_picture(key, surface.params, MAP_CELLS)
    extra = [charts.arrow_layers(arrows, style, {grad_label: GRAD, step_label: STEP})]
    return to_spec(charts.surface_view(cells, compact(lines), minima, paths, style,
                                       log_color=log_color, loss_title=gap, step_title=play.step,
                                       n_steps=int(paths.step.max()), extra=extra,
                                       f_label=loss_label, play=play))
