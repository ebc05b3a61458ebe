"""Section 6, slopes in two dimensions: the directional derivative D = ∇f · d with
d = (cos θ, sin θ) at a picked point, checked numerically; D(θ) around the circle peaks
along ∇f and is 0 along the contour, at ±90° from it. The map takes clicks (pick)."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from core.problems.surfaces import SURFACE_NAMES, get_surface
from ui import controls
from ui.cache import surface_picture
from ui.charts import arrow_layers, map_layers
from ui.differentiation import charts as cd
from ui.differentiation import data, tables
from ui.differentiation.words import P, fmt
from ui.downloads import chart_files
from ui.numbers import precise
from ui.render import columns, show, to_spec
from ui.style import style_for

MAP_KEY = "diff_map"
GRAD, DIRECTION, LEVEL = "#D55E00", "#0072B2", "#009E73"


def directions_section(F) -> None:
    t = F.texts(P)
    st.header(t("s6"), divider="gray")
    st.markdown(t("s6_intro"))
    left, right = st.columns(2)
    key = controls.select(F, "dir.s", t("surface"), SURFACE_NAMES, "himmelblau",
                          lambda k: t(f"surface.{k}"), where=left)
    surface = get_surface(key)
    point_key = f"dir.p.{key}"
    clicked = controls.picked(MAP_KEY, param="pick")
    if clicked is not None:
        controls.set_point(point_key, clicked, surface.start)
    p = controls.point(F, point_key, t("point"), surface.start, surface.domain)
    angle = controls.slider(F, "dir.a", t("angle"), 0, 360, 45, 5, where=right,
                            help=t("angle_help"))
    left.markdown(t("point_now", x=fmt(p[0]), y=fmt(p[1])))
    out = data.directional(key, p, float(angle))
    r = out["result"]
    names = (t("arrow.grad"), t("arrow.d"), t("arrow.level"), t("theta_axis"),
             t("d_axis"), t("mark.d"), t("mark.grad"), t("mark.level"))
    a, b = columns(F, 2)
    with a:
        show(_map_spec(key, p, float(angle), F.projector, names), key=MAP_KEY, pick=True,
             width="content", files=chart_files(F, "diff-directions-map"))
        st.caption(t("map_help"))
    with b:
        show(_profile_spec(key, p, float(angle), F.projector, names), width="content",
             files=chart_files(F, "diff-directions-profile",
                               lambda: tables.profile(key, p, float(angle))))
    if math.isnan(r.contour_angle):
        st.info(t("grad_zero"))
        return
    st.markdown(t("directional_numbers", gx=fmt(r.grad[0]), gy=fmt(r.grad[1]),
                  dx=fmt(r.d[0]), dy=fmt(r.d[1]), dot=precise(r.dot, 8),
                  numeric=precise(r.numeric, 8), gap=fmt(abs(r.dot - r.numeric), 2)))
    st.markdown(t("perpendicular", angle=f"{r.contour_angle:.3f}",
                  grad_angle=f"{out['grad_angle']:.1f}"))


def _map_size(surface, width: int) -> tuple[int, int]:
    """Pixels with one unit equally long on both axes, so right angles look right."""
    (x0, x1), (y0, y1) = surface.domain
    return width, int(round(width * (y1 - y0) / (x1 - x0)))


@st.cache_data(max_entries=64, show_spinner=False)
def _map_spec(key: str, p: tuple, angle: float, projector: bool, names: tuple) -> dict:
    style = style_for(projector)
    surface = get_surface(key)
    out = data.directional(key, p, angle)
    r = out["result"]
    (x0, x1), _ = surface.domain
    vectors = [(names[0], r.grad), (names[1], r.d), (names[2], out["level"])]
    rows = data.arrows(p, vectors, 0.15 * (x1 - x0))
    colors = {names[0]: GRAD, names[1]: DIRECTION, names[2]: LEVEL}
    cells, lines, minima, log_color = surface_picture(key, surface.params, n=44)
    lines = lines.astype({"path": "category"})        # ~30 % of the bytes of text labels
    picture = map_layers(cells, lines, minima, style, log_color=log_color)
    width, height = _map_size(surface, style.width)
    return to_spec(cd.arrows_map(picture, arrow_layers(rows, style, colors),
                                 pd.DataFrame({"x": [p[0]], "y": [p[1]]}), style,
                                 width=width, height=height))


@st.cache_data(max_entries=64, show_spinner=False)
def _profile_spec(key: str, p: tuple, angle: float, projector: bool, names: tuple) -> dict:
    out = data.directional(key, p, angle)
    profile = cd.relabel(out["profile"], {"D": names[4]})
    g = out["grad_angle"]
    marks = [(angle, names[5]), (g, names[6]), ((g + 90) % 360, names[7]),
             ((g - 90) % 360, names[7])]
    rows = pd.DataFrame([{"x": a, "text": label} for a, label in marks])
    rows["y"] = data.directional_values(out["result"].grad, rows.x.to_numpy())
    return to_spec(cd.profile_view(profile, rows, style_for(projector),
                                   titles=(names[3], names[4])))
