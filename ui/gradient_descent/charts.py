"""Chart kinds of the Gradient Descent page: the ball on a curve and the line
ŷ = w x + b fitted to data. DataFrames in, Altair charts out, no Streamlit calls.

The curve itself, the contour map, its arrows, the paths and the loss curves come from
:mod:`ui.charts`; this module adds only what no other page draws. Every finished chart
is configured with the session's ChartStyle, so projector mode applies here too.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui import charts, palette
from ui.charts import at_scrubbed, hconcat, layer, until_scrubbed
from ui.play import PlayText, playable
from ui.series import series_color, series_dash
from ui.style import ChartStyle

Q, N = "quantitative", "nominal"
BALL = "#D55E00"           # vermillion: the ball and its tangent
STAR = "#009E73"           # bluish green: the minimum w*
DATA = "#8C8C8C"


# ------------------------------------------------------------------ the ball on a curve


def ball_view(curve: pd.DataFrame, path: pd.DataFrame, tangents: pd.DataFrame,
              style: ChartStyle, *, x_domain, y_domain, w_star: float | None, n_steps: int,
              titles: dict, scrub_value: int | None = None, play: PlayText | None = None):
    """Left: L(w) with the ball's path and the tangent at the scrubbed step.
    Right: w against step, with w* marked. One step scrubber and one Play drive both
    (``play``: the controls' words).

    ``curve``: rows (x, y, series); ``path``: rows (step, w, loss); ``tangents``: rows
    (step, x, y, x2, y2). ``titles``: w, loss, step, tangent, path labels.
    """
    x = alt.X("w", type=Q, title=titles["w"],
              scale=alt.Scale(domain=list(x_domain), nice=False))
    y = alt.Y("loss", type=Q, title=titles["loss"],
              scale=alt.Scale(domain=list(y_domain), nice=False))
    tip = [alt.Tooltip("step", type=Q), alt.Tooltip("w", type=Q, format=".5g"),
           alt.Tooltip("loss", type=Q, title=titles["loss"], format=".5g")]
    line = charts.curve_layers(curve, style, x_title=titles["w"], y_title=titles["loss"],
                               colors={curve.series.iloc[0]: palette.NEUTRAL})
    line.width = line.height = alt.Undefined        # a layer's parts carry no size
    hops = until_scrubbed(alt.Chart(path)).mark_line(
        color=BALL, strokeWidth=style.thin(style.line_width / 2), strokeDash=[4, 3], clip=True,
        point=alt.OverlayMarkDef(size=style.point_size / 2, color=BALL, opacity=0.6)).encode(
        x, y, alt.Order("step", type=Q))
    touch = at_scrubbed(alt.Chart(tangents)).mark_rule(
        color="#000000", strokeWidth=style.line_width, clip=True).encode(
        alt.X("x", type=Q, scale=alt.Scale(domain=list(x_domain), nice=False)),
        alt.Y("y", type=Q, scale=alt.Scale(domain=list(y_domain), nice=False)),
        alt.X2("x2"), alt.Y2("y2"))
    start = alt.Chart(path).transform_filter(alt.datum.step == 0).mark_point(
        size=style.marker_size, strokeWidth=style.line_width, color=BALL, clip=True).encode(x, y)
    ball = at_scrubbed(alt.Chart(path)).mark_point(
        size=style.marker_size * 1.6, filled=True, color=BALL, opacity=1, stroke="#000000",
        strokeWidth=1, clip=True).encode(x, y, tooltip=tip)
    left = layer(line, hops, touch, start, ball, width=style.width, height=style.height)
    right = _w_history(path, style, w_star=w_star, titles=titles)
    return style.configure(playable(hconcat(left, right, stack=style.stack), n_steps, style,
                                    play or PlayText(titles["step"]), scrub_value))


def _w_history(path: pd.DataFrame, style: ChartStyle, *, w_star: float | None,
               titles: dict) -> alt.LayerChart:
    """w against step; both axes fixed to the whole run (and w*), so Play does not rescale."""
    ws = [float(path.w.min()), float(path.w.max())] + ([w_star] if w_star is not None else [])
    x = alt.X("step", type=Q, title=titles["step"],
              scale=alt.Scale(domain=[0, max(int(path.step.max()), 1)], nice=False))
    y = alt.Y("w", type=Q, title=titles["w"], scale=alt.Scale(domain=[min(ws), max(ws)]))
    trace = until_scrubbed(alt.Chart(path)).mark_line(
        color=BALL, strokeWidth=style.line_width,
        point=alt.OverlayMarkDef(size=style.point_size / 2, color=BALL)).encode(
        x, y, alt.Order("step", type=Q))
    now = at_scrubbed(alt.Chart(path)).mark_point(
        size=style.marker_size, filled=True, color=BALL, stroke="#000000",
        strokeWidth=1).encode(x, y, tooltip=[alt.Tooltip("step", type=Q),
                                             alt.Tooltip("w", type=Q, format=".5g")])
    marks = [trace, now]
    if w_star is not None:
        marks.insert(0, alt.Chart(pd.DataFrame({"w": [w_star], "label": [titles["w_star"]]}))
                     .mark_rule(color=STAR, strokeWidth=style.line_width, strokeDash=[6, 4])
                     .encode(alt.Y("w", type=Q), tooltip=[alt.Tooltip("label", type=N),
                                                          alt.Tooltip("w", type=Q,
                                                                      format=".5g")]))
    return layer(*marks, width=int(style.width * 0.8), height=style.height)


# ------------------------------------------------------------------ the fitted line


def fit_layers(points: pd.DataFrame, lines: pd.DataFrame, style: ChartStyle, *,
               x_title: str, y_title: str) -> alt.LayerChart:
    """The data (rows x, y) and each path's line ŷ = w x + b at the scrubbed step
    (rows series, key, step, x, y, x2, y2), coloured like its path on the map.

    The axes are fixed to the data, so a line thrown far off by a diverging run is
    clipped instead of squashing the points."""
    pad = 0.05 * float(points.y.max() - points.y.min())
    y_scale = alt.Scale(domain=[float(points.y.min()) - pad, float(points.y.max()) + pad],
                        nice=False)
    x_scale = alt.Scale(domain=[float(lines.x.min()), float(lines.x2.max())], nice=False)
    dots = alt.Chart(points).mark_circle(size=style.point_size / 3, color=DATA,
                                         opacity=0.7).encode(
        alt.X("x", type=Q, title=x_title, scale=x_scale),
        alt.Y("y", type=Q, title=y_title, scale=y_scale))
    color, dashes = series_color(lines, legend=False), series_dash(lines, style.line_width, False)
    fitted = at_scrubbed(alt.Chart(lines), ["series"]).mark_rule(
        strokeWidth=style.line_width, clip=True).encode(
        alt.X("x", type=Q, scale=x_scale), alt.Y("y", type=Q, scale=y_scale),
        alt.X2("x2"), alt.Y2("y2"), color, dashes)
    return layer(dots, fitted, width=int(style.width * 0.8), height=style.height)


def regression_view(cells, iso, minima, paths: pd.DataFrame, points: pd.DataFrame,
                    lines: pd.DataFrame, style: ChartStyle, *, log_color: bool, titles: dict,
                    n_steps: int, scrub_value: int | None = None, play: PlayText | None = None):
    """The loss map over (w, b) with both paths, the data with both fitted lines, and the
    loss curves, all driven by one step scrubber and one Play (``play``: their words)."""
    picture = layer(charts.map_layers(cells, iso, minima, style, log_color=log_color,
                                      pick=False, f_label=titles["loss"],
                                      x_title=titles["w"], y_title=titles["b"]),
                    charts.path_layers(paths, style))
    fit = fit_layers(points, lines, style, x_title=titles["x"], y_title=titles["y"])
    loss = charts.loss_layers(paths, style, y_title=titles["gap"], step_title=titles["step"])
    top = hconcat(picture, fit, stack=style.stack)
    return style.configure(playable(hconcat(top, loss, stack=True), n_steps, style,
                                    play or PlayText(titles["step"]), scrub_value))
