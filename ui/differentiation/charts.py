"""Chart kinds of the Differentiation page. DataFrames in, Altair charts out, no Streamlit.

Curves, straight segments, labelled points, the contour map and arrows come from
:mod:`ui.charts`; this module adds what no other page draws: rise and run on a line,
the secant slope against h, f above f′ with a shared hover rule, the error-versus-h
log-log plot, and marks for stationary points.
Every finished chart is configured with the session's ChartStyle (projector mode).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui import charts, numbers
from ui.charts import layer
from ui.style import ChartStyle

Q, N = "quantitative", "nominal"
F_COLOR = "#1B1F24"
SECANT = "#D55E00"        # vermillion
TANGENT = "#0072B2"       # blue
SLOPE = "#009E73"         # bluish green: f' and slopes
RISE, RUN = "#D55E00", "#0072B2"
KIND_COLORS = {"min": "#009E73", "max": "#D55E00", "flat": "#7F7F7F"}
HOVER = "hover"


def relabel(frame: pd.DataFrame, labels: dict[str, str], column: str = "series"):
    """A copy of ``frame`` whose codes in ``column`` are replaced by display labels."""
    out = frame.copy()
    out[column] = out[column].map(lambda v: labels.get(v, v))
    return out


def _fix_axes(chart: alt.Chart, x_window, y_window, x_title: str, y_title: str) -> alt.Chart:
    """Pin the axes of a curve chart (lines run past the window and are clipped)."""
    chart.encoding.x = alt.X("x", type=Q, title=x_title,
                             scale=alt.Scale(domain=list(x_window), nice=False))
    chart.encoding.y = alt.Y("y", type=Q, title=y_title,
                             scale=alt.Scale(domain=list(y_window), nice=False))
    return chart


def _curves(rows: pd.DataFrame, style: ChartStyle, colors: dict, x_window, y_window,
            titles: tuple[str, str], width: int | None = None, height: int | None = None):
    chart = charts.curve_layers(rows, style, x_title=titles[0], y_title=titles[1], colors=colors)
    chart.width, chart.height = width or style.width, height or style.height
    return _fix_axes(chart, x_window, y_window, *titles)


def _labels(points: pd.DataFrame, style: ChartStyle, color: str, *, dx: int = 8, dy: int = -12,
            align: str = "left") -> alt.Chart:
    """Text only (columns x, y, text), e.g. 'rise = 2' beside a leg."""
    return alt.Chart(points).mark_text(fontSize=style.font_size, fontWeight="bold", color=color,
                                       dx=dx, dy=dy, align=align, clip=True).encode(
        alt.X("x", type=Q), alt.Y("y", type=Q), alt.Text("text", type=N))


# ------------------------------------------------------------------ 1. a straight line


def line_view(line: pd.DataFrame, legs: pd.DataFrame, points: pd.DataFrame,
              leg_labels: pd.DataFrame, style: ChartStyle, titles: tuple[str, str]):
    """The line, P1 and P2 with labels, the run (horizontal) and rise (vertical) legs.
    ``leg_labels``: two rows (x, y, text), the run's label (drawn below its leg) first."""
    side = min(style.width, style.height)
    # the rise label goes on the side of its leg that has room
    rise_side = dict(dx=-8, align="right") if leg_labels.x.iloc[1] > 0.5 else {}
    scale = alt.Scale(domain=[-3, 3], nice=False)
    base = charts.segment_layer(line, style, color=F_COLOR)
    base.encoding.x = alt.X("x", type=Q, title=titles[0], scale=scale)
    base.encoding.y = alt.Y("y", type=Q, title=titles[1], scale=scale)
    run = charts.segment_layer(legs[legs.series == "run"], style, color=RUN, dash=[6, 4])
    rise = charts.segment_layer(legs[legs.series == "rise"], style, color=RISE, dash=[6, 4])
    for part in (base, run, rise):
        part.mark.clip = True
    return style.configure(layer(
        base, run, rise, charts.point_layer(points, style, label="text"),
        _labels(leg_labels.iloc[:1], style, RUN, dx=0, dy=style.font_size + 4, align="center"),
        _labels(leg_labels.iloc[1:], style, RISE, dy=0, **rise_side), width=side, height=side))


# ------------------------------------------------------------------ 2. secant to tangent


def secant_view(curves: pd.DataFrame, points: pd.DataFrame, style: ChartStyle, *,
                colors: dict, x_window, y_window, titles: tuple[str, str]):
    """f with its secant (and tangent, when it exists) and the two points they pass."""
    picture = _curves(curves, style, colors, x_window, y_window, titles)
    return style.configure(layer(picture, charts.point_layer(points, style, label="text")))


def approach_view(rows: pd.DataFrame, exact: float | None, h_now: float, slope_now: float,
                  style: ChartStyle, *, side_labels: dict, titles: tuple[str, str, str]):
    """The secant slope s(h) against |h| on a log axis, from the right and from the left,
    with f'(x0) as a dashed rule (when it exists) and the current h ringed."""
    colors = {side_labels["right"]: SECANT, side_labels["left"]: TANGENT}
    x = alt.X("h", type=Q, title=titles[0], scale=alt.Scale(type="log"),
              axis=alt.Axis(labelExpr=numbers.POWER_OF_TEN_LABEL, tickCount=7))
    y = alt.Y("slope", type=Q, title=titles[1], scale=alt.Scale(zero=False))
    lines = alt.Chart(rows).mark_line(strokeWidth=style.line_width, point=True).encode(
        x, y, alt.Color("side", type=N, title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=list(colors), range=list(colors.values()))),
        tooltip=[alt.Tooltip("side", type=N),
                 alt.Tooltip("h_text", type=N, title=titles[0]),
                 alt.Tooltip("slope", type=Q, format=".8g", title=titles[1])]
    ).transform_calculate(h_text=numbers.sci_expr("h"))
    now = alt.Chart(pd.DataFrame({"h": [h_now], "slope": [slope_now]})).mark_point(
        size=style.marker_size * 1.5, strokeWidth=style.line_width, color="#000000").encode(x, y)
    marks = [lines, now]
    if exact is not None:
        marks.insert(0, alt.Chart(pd.DataFrame({"slope": [exact], "what": [titles[2]]}))
                     .mark_rule(color=SLOPE, strokeWidth=style.line_width, strokeDash=[6, 4])
                     .encode(alt.Y("slope", type=Q), tooltip=[
                         alt.Tooltip("what", type=N), alt.Tooltip("slope", type=Q,
                                                                  format=".8g")]))
    return style.configure(layer(*marks, width=style.width, height=style.height))


# ------------------------------------------------------------------ 3. slope everywhere


def _stationary(points: pd.DataFrame, style: ChartStyle, kind_labels: dict,
                on_axis: bool) -> alt.Chart:
    """Stationary points coloured by kind (min / max / flat); on f' they sit at y = 0."""
    rows = points.assign(label=points.kind.map(kind_labels), y=0.0 if on_axis else points.y)
    kinds = [k for k in KIND_COLORS if k in set(points.kind.str.replace("_kink", ""))]
    # fill, not color: the curves of the same panel own the color scale
    color = alt.Fill("base", type=N, legend=None, scale=alt.Scale(
        domain=kinds, range=[KIND_COLORS[k] for k in kinds]))
    base = alt.Chart(rows.assign(base=rows.kind.str.replace("_kink", "")))
    dots = base.mark_point(shape="diamond", filled=True, size=style.marker_size,
                           stroke="#000000", strokeWidth=1, opacity=1, clip=True).encode(
        alt.X("x", type=Q), alt.Y("y", type=Q), color,
        tooltip=[alt.Tooltip("label", type=N), alt.Tooltip("x", type=Q, format=".6g"),
                 alt.Tooltip("y", type=Q, format=".6g")])
    if on_axis:
        return dots
    text = base.mark_text(dy=-style.font_size, fontSize=style.font_size, fontWeight="bold",
                          clip=True).encode(alt.X("x", type=Q), alt.Y("y", type=Q),
                                            alt.Text("label", type=N), color)
    return layer(dots, text)


def _hover_rule(rows: pd.DataFrame, style: ChartStyle, hover, *, owner: bool) -> alt.Chart:
    """A vertical rule that follows the pointer; both panels read the same ``hover``
    selection (made by the ``owner`` panel), so the rule moves on f and f' together."""
    base = alt.Chart(rows).mark_rule(color="#666666",
                                     strokeWidth=style.thin(style.line_width / 2))
    if owner:
        base = base.add_params(hover)
    return base.encode(alt.X("x", type=Q), opacity=alt.condition(hover, alt.value(0.8),
                                                                 alt.value(0.0)),
                       tooltip=[alt.Tooltip("x", type=Q, format=".4f"),
                                alt.Tooltip("y", type=Q, format=".5g")])


def linked_view(top: pd.DataFrame, df: pd.DataFrame, stationary: pd.DataFrame,
                point: pd.DataFrame, slope_point: pd.DataFrame, style: ChartStyle, *,
                colors: dict, kind_labels: dict, domain, f_window, df_window,
                titles: tuple[str, str, str]):
    """f with the tangent at the moving point above f′ with the slope there: one x-axis,
    one hover rule across both, stationary points marked on both (f′ = 0 below)."""
    width, height = int(style.width * (1.35 if style.projector else 2.0)), int(style.height * 0.8)
    f_part = _curves(top, style, colors, domain, f_window, (titles[0], titles[1]),
                     width=width, height=height)
    df_part = _curves(df, style, colors, domain, df_window, (titles[0], titles[2]),
                      width=width, height=height)
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(
        color="#999999", strokeWidth=style.thin()).encode(
        alt.Y("y", type=Q))
    hover = alt.selection_point(name=HOVER, fields=["x"], on="pointermove", nearest=True,
                                empty=False, clear="pointerout")
    upper = [f_part, _hover_rule(top, style, hover, owner=True),
             charts.point_layer(point, style, color=TANGENT, label="text")]
    lower = [zero, df_part, _hover_rule(df, style, hover, owner=False),
             charts.point_layer(slope_point, style, color=SLOPE, label="text")]
    if len(stationary):
        upper.append(_stationary(stationary, style, kind_labels, on_axis=False))
        lower.append(_stationary(stationary, style, kind_labels, on_axis=True))
    both = charts.hconcat(layer(*upper), layer(*lower), stack=True)
    both.resolve = alt.Resolve(scale=alt.ScaleResolveMap(color="independent",
                                                         fill="independent"))
    return style.configure(both)


# ------------------------------------------------------------------ 5. accuracy


def error_view(rows: pd.DataFrame, best: pd.DataFrame, style: ChartStyle, *,
               method_labels: dict, titles: tuple[str, str], floor: float):
    """|error| against h on log-log axes for forward and central differences; the best h
    of each is ringed and marked with a dashed rule. Exact zeros sit on ``floor``."""
    colors = {method_labels["forward"]: SECANT, method_labels["central"]: TANGENT}
    color = alt.Color("method", type=N, title=None, legend=alt.Legend(orient="bottom"),
                      scale=alt.Scale(domain=list(colors), range=list(colors.values())))
    x = alt.X("h", type=Q, title=titles[0], scale=alt.Scale(type="log"),
              axis=alt.Axis(labelExpr=numbers.POWER_OF_TEN_LABEL))
    y = alt.Y("error", type=Q, title=titles[1], scale=alt.Scale(type="log", domainMin=floor),
              axis=alt.Axis(labelExpr=numbers.POWER_OF_TEN_LABEL))
    tips = [alt.Tooltip("method", type=N), alt.Tooltip("h_text", type=N, title=titles[0]),
            alt.Tooltip("error_text", type=N, title=titles[1])]
    as_text = {"h_text": numbers.sci_expr("h"), "error_text": numbers.sci_expr("error")}
    lines = alt.Chart(rows).mark_line(strokeWidth=style.line_width,
                                      point=alt.OverlayMarkDef(size=style.point_size / 3)).encode(
        x, y, color, tooltip=tips).transform_calculate(**as_text)
    rules = alt.Chart(best).mark_rule(strokeDash=[6, 4],
                                      strokeWidth=style.thin(style.line_width / 2)).encode(
        alt.X("h", type=Q), color)
    rings = alt.Chart(best).mark_point(size=style.marker_size * 1.5, strokeWidth=style.line_width,
                                       filled=False).encode(
        x, y, color, tooltip=tips).transform_calculate(**as_text)
    return style.configure(layer(rules, lines, rings, width=int(style.width * 1.4),
                                 height=style.height))


# ------------------------------------------------------------------ 6. directions


def profile_view(profile: pd.DataFrame, marks: pd.DataFrame, style: ChartStyle, *,
                 titles: tuple[str, str]):
    """D(θ) = ∇f·(cos θ, sin θ) around the circle, with the chosen θ, the gradient's
    direction and the two contour directions (where D = 0) marked and labelled."""
    line = charts.curve_layers(profile, style, x_title=titles[0], y_title=titles[1],
                               colors={profile.series.iloc[0]: SLOPE})
    line.encoding.x = alt.X("x", type=Q, title=titles[0],
                            scale=alt.Scale(domain=[0, 360], nice=False),
                            axis=alt.Axis(values=list(range(0, 361, 90))))
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(
        color="#999999", strokeWidth=style.thin()).encode(
        alt.Y("y", type=Q))
    dots = charts.point_layer(marks, style, color="#000000", label="text")
    return style.configure(layer(zero, line, dots))


def arrows_map(map_chart, arrow_chart, point: pd.DataFrame, style: ChartStyle, *,
               width: int, height: int):
    """The contour map with arrows from the picked point. ``arrow_chart`` comes from
    ui.charts.arrow_layers, which shows the rows at step 0 here."""
    dot = charts.point_layer(point, style, color="#000000")
    chart = layer(map_chart, arrow_chart, dot, width=width, height=height)
    chart.params = [alt.param(name=charts.SCRUB, value=0).param]
    map_chart.width, map_chart.height = width, height
    return style.configure(chart)
