"""Chart builders shared by the pages: DataFrames in, Altair charts out, no Streamlit.

Layer functions (``*_layers``) return unconfigured charts so pages can stack their
own marks on top; ``surface_view`` and ``curve_view`` return finished, configured
charts. Each receives the session's ChartStyle, so projector mode is per chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui import palette
from ui.play import PlayText, playable
from ui.render import SCRUB  # the step drawn: set by the slider or by Play (ui.play)
from ui.series import end_labels, label_room, series_color, series_dash, series_shape
from ui.style import ChartStyle

Q, N = "quantitative", "nominal"
# Channels are built as typed objects: Altair parses "x:Q" shorthand strings through
# its JSON schema, which costs milliseconds per channel and dominated page reruns.
MAP_LIGHT, MAP_DARK = "#FFFFFF", "#7FA3C7"
# Tooltip fields the shared builders show; their titles come from the page
# (``tip_titles(F.t)``, catalogue keys ``frame.tip.<field>``), as axis titles do.
TIP_FIELDS = ("series", "step", "x", "y", "loss", "f", "kind", "which", "lr")
ISOLINE = "#5B6B7B"


def tip_titles(t) -> dict[str, str]:
    """Tooltip titles for :data:`TIP_FIELDS` in the session's language (``t``: a text
    lookup such as ``F.t``)."""
    return {field: t(f"frame.tip.{field}") for field in TIP_FIELDS}


def tip(field: str, tips: dict | None, **kw) -> alt.Tooltip:
    """A tooltip row for ``field`` titled from ``tips`` (the raw name if it has none)."""
    kw.setdefault("title", (tips or {}).get(field, alt.Undefined))
    return alt.Tooltip(field, **kw)


def layer(*charts, **props) -> alt.LayerChart:
    """A layer chart assembled by attribute, skipping Altair's param lifting and data
    hashing in ``LayerChart.__init__`` (tens of milliseconds per call); the result is
    the same valid Vega-Lite, which the tests check against the schema."""
    chart = alt.LayerChart(**props)
    chart.layer = list(charts)
    return chart


def hconcat(*charts, params=None, stack: bool = False):
    """Charts side by side (or one above the other with ``stack``), sharing ``params``."""
    chart = alt.VConcatChart() if stack else alt.HConcatChart()
    if stack:
        chart.vconcat = list(charts)
    else:
        chart.hconcat = list(charts)
    if params:
        chart.params = [p.param for p in params]
    return chart


def map_layers(cells: pd.DataFrame, lines: pd.DataFrame, minima: pd.DataFrame,
               style: ChartStyle, *, log_color: bool, pick: bool = True,
               f_label: str = "f", x_title: str = "x", y_title: str = "y",
               tips: dict | None = None) -> alt.LayerChart:
    """Heat-map cells (click targets named ``pick``), isolines and the known minima."""
    x = alt.X("x", type=Q, title=x_title,
              scale=alt.Scale(domain=[cells.x.min(), cells.x2.max()], nice=False))
    y = alt.Y("y", type=Q, title=y_title,
              scale=alt.Scale(domain=[cells.y.min(), cells.y2.max()], nice=False))
    heat = alt.Chart(cells).mark_rect(stroke=None).encode(
        x, alt.X2("x2"), y, alt.Y2("y2"),
        alt.Color("shade", type=Q, legend=None, scale=alt.Scale(range=[MAP_LIGHT, MAP_DARK])),
        tooltip=[alt.Tooltip("cx", type=Q, title="x", format=".3f"),
                 alt.Tooltip("cy", type=Q, title="y", format=".3f"),
                 alt.Tooltip("f", type=Q, title=f_label, format=".4g")],
    )
    if pick:
        heat.params = [alt.selection_point(name="pick", fields=["cx", "cy"], on="click",
                                           clear=False, empty=False).param]
    iso = alt.Chart(lines).mark_line(color=ISOLINE, strokeWidth=0.7 + 2.3 * style.projector,
                                     opacity=0.8).encode(
        alt.X("x", type=Q), alt.Y("y", type=Q), alt.Detail("path", type=N),
        alt.Order("order", type=Q))
    mins = alt.Chart(minima).mark_point(shape="diamond", size=style.marker_size, filled=True,
                                        stroke="#000000", strokeWidth=1.5).encode(
        alt.X("x", type=Q), alt.Y("y", type=Q),
        alt.Fill("kind", type=N, scale=alt.Scale(domain=["global", "local"],
                                                 range=["#FFFFFF", "#BBBBBB"]), legend=None),
        tooltip=[tip("x", tips, type=Q, format=".4f"), tip("y", tips, type=Q, format=".4f"),
                 alt.Tooltip("f", type=Q, title=f_label, format=".6g"),
                 tip("kind", tips, type=N)])
    return layer(heat, iso, mins, width=style.width, height=style.height)


def until_scrubbed(chart: alt.Chart, scrub: bool = True) -> alt.Chart:
    """Keep the rows up to the scrubbed step (all rows when ``scrub`` is off)."""
    return chart.transform_filter(f"datum.step <= {SCRUB}") if scrub else chart


def last_rows(chart: alt.Chart, group: list[str] | None = None) -> alt.Chart:
    """Keep, per ``group``, the last remaining row: with :func:`until_scrubbed` first, the
    row the scrubber points at (works on thinned data where that exact step is missing)."""
    return (chart.transform_joinaggregate(last="max(step)", groupby=group or [])
            .transform_filter(alt.datum.step == alt.datum.last))


def at_scrubbed(chart: alt.Chart, group: list[str] | None = None) -> alt.Chart:
    """The rows at the scrubbed step, one per ``group``."""
    return last_rows(until_scrubbed(chart), group)


def _path_tooltip(tips: dict | None = None) -> list:
    return [tip("series", tips, type=N), tip("step", tips, type=Q),
            tip("x", tips, type=Q, format=".4f"), tip("y", tips, type=Q, format=".4f"),
            tip("loss", tips, type=Q, format=".5g")]


def path_layers(paths: pd.DataFrame, style: ChartStyle, *, scrub: bool = True,
                tips: dict | None = None, x_mid: float | None = None) -> alt.LayerChart:
    """Optimizer paths (x, y) with a start ring and a dot at the scrubbed step; in
    projector mode each path's name beside that dot (:func:`ui.series.end_labels`; ``x_mid``: the
    map's middle x, default the paths' own)."""
    if x_mid is None and len(paths):
        x_mid = float(paths.x.min() + paths.x.max()) / 2
    enc = dict(x=alt.X("x", type=Q), y=alt.Y("y", type=Q), color=series_color(paths))
    dashes = series_dash(paths, style.line_width)
    line = until_scrubbed(alt.Chart(paths), scrub).mark_line(
        strokeWidth=style.line_width, opacity=0.95, clip=True).encode(
        order=alt.Order("step", type=Q), strokeDash=dashes, **enc)
    start = alt.Chart(paths).transform_filter(alt.datum.step == 0).mark_point(
        size=style.marker_size, strokeWidth=style.line_width, filled=False).encode(**enc)
    now = last_rows(until_scrubbed(alt.Chart(paths), scrub), ["series"]).mark_point(
        size=style.marker_size, filled=True, opacity=1.0, stroke="#000000",
        strokeWidth=1, clip=True).encode(shape=series_shape(paths),
                                         tooltip=_path_tooltip(tips), **enc)
    labels = (end_labels(last_rows(until_scrubbed(alt.Chart(paths), scrub), ["series"]), paths,
                         style, enc["x"], enc["y"], x_mid=x_mid) if style.projector else [])
    return layer(line, start, now, *labels)


def loss_layers(paths: pd.DataFrame, style: ChartStyle, *, y_title: str, step_title: str,
                log: bool = True, scrub: bool = True, tooltip: list | None = None,
                tips: dict | None = None) -> alt.LayerChart:
    """Loss (column ``gap``) against step, on a log axis by default.

    ``tooltip`` replaces the default (series, step, x, y, loss) for runs without a 2-D path.
    With ``scrub`` both axes are fixed to the whole run (:func:`run_domains`), so they
    stay put while the scrubber or Play filters the rows.
    """
    x_scale, y_scale = run_domains(paths) if scrub else ({}, {})
    if style.projector and len(paths):      # room on the right for the end labels
        last = max(int(paths.step.max()), 1)
        x_scale = {"domain": [0, round(last / (1 - label_room(paths, style)))], "nice": False}
    enc = dict(x=alt.X("step", type=Q, title=step_title, scale=alt.Scale(**x_scale)),
               y=alt.Y("gap", type=Q, title=y_title,
                       scale=alt.Scale(type="log" if log else "linear", **y_scale)),
               color=series_color(paths))
    line = until_scrubbed(alt.Chart(paths), scrub).mark_line(
        strokeWidth=style.line_width).encode(order=alt.Order("step", type=Q),
                                             strokeDash=series_dash(paths, style.line_width), **enc)
    ends = last_rows(until_scrubbed(alt.Chart(paths), scrub), ["series"])
    dot = ends.mark_point(size=style.point_size, filled=True, opacity=1).encode(
        shape=series_shape(paths), tooltip=tooltip or _path_tooltip(tips), **enc)
    labels = end_labels(ends, paths, style, enc["x"], enc["y"]) if style.projector else []
    return layer(line, dot, *labels, width=style.width, height=style.height)


def run_domains(paths: pd.DataFrame) -> tuple[dict, dict]:
    """Scale settings fixing loss-vs-step axes to a whole run: steps 0 … last, and the
    ``gap`` column's full range (its positive part, which a log axis can show)."""
    gap = paths.gap[paths.gap > 0]
    low, high = (float(gap.min()), float(gap.max())) if len(gap) else (1e-16, 1.0)
    return ({"domain": [0, int(paths.step.max()) if len(paths) else 1], "nice": False},
            {"domain": [low, high if high > low else low * 10]})


def surface_view(cells, lines, minima, paths: pd.DataFrame | None, style: ChartStyle, *,
                 log_color: bool, loss_title: str, step_title: str, n_steps: int,
                 scrub_value: int | None = None, pick: bool = True, extra=None,
                 log_loss: bool = True, f_label: str = "f", play: PlayText | None = None,
                 tips: dict | None = None):
    """The race picture: paths on the contour map beside loss vs step, one scrubber and
    one Play for both (:func:`ui.play.playable`; ``play``: the controls' words);
    ``tips``: tooltip titles (:func:`tip_titles`).

    ``extra`` is an optional list of layers (arrows, labels) drawn on top of the map.
    """
    layers = [map_layers(cells, lines, minima, style, log_color=log_color, pick=pick,
                         f_label=f_label, tips=tips)]
    if paths is None or not len(paths):
        return style.configure(layer(*layers, *(extra or [])))
    x_mid = float(cells.x.min() + cells.x2.max()) / 2
    picture = layer(*layers, path_layers(paths, style, tips=tips, x_mid=x_mid), *(extra or []))
    loss = loss_layers(paths, style, y_title=loss_title, step_title=step_title, log=log_loss,
                       tips=tips)
    return style.configure(playable(hconcat(picture, loss, stack=style.stack), n_steps, style,
                                    play or PlayText(step_title), scrub_value))


def curve_layers(curves: pd.DataFrame, style: ChartStyle, *, x_title: str = "x",
                 y_title: str = "y", colors: dict[str, str] | None = None,
                 tips: dict | None = None) -> alt.Chart:
    """Lines of a 1-D function (columns x, y, series), e.g. f and its tangent.

    An optional integer column ``piece`` splits a series into unconnected stretches
    (gaps where f is undefined, or a pole), so no line is drawn across a break."""
    series = list(dict.fromkeys(curves.series))
    scale = (alt.Scale(domain=series, range=[colors.get(s, palette.NEUTRAL) for s in series])
             if colors else alt.Scale(domain=series))
    return alt.Chart(curves, width=style.width, height=style.height).mark_line(
        strokeWidth=style.line_width, clip=True).encode(
        alt.X("x", type=Q, title=x_title), alt.Y("y", type=Q, title=y_title),
        alt.Color("series", type=N, title=None, scale=scale, legend=alt.Legend(orient="bottom")),
        alt.Detail("piece" if "piece" in curves else "series", type=N), alt.Order("x", type=Q),
        tooltip=[tip("series", tips, type=N), tip("x", tips, type=Q, format=".4f"),
                 tip("y", tips, type=Q, format=".5g")])


def segment_layer(segments: pd.DataFrame, style: ChartStyle, color: str = "#D55E00",
                  dash: list[int] | None = None) -> alt.Chart:
    """Straight segments (columns x, y, x2, y2): rise/run, tangents, arrows' shafts."""
    return alt.Chart(segments).mark_rule(strokeWidth=style.line_width, color=color,
                                         strokeDash=dash or [1, 0]).encode(
        alt.X("x", type=Q), alt.Y("y", type=Q), alt.X2("x2"), alt.Y2("y2"))


def point_layer(points: pd.DataFrame, style: ChartStyle, color: str = "#000000",
                label: str | None = None, tips: dict | None = None) -> alt.Chart:
    """Marked points (columns x, y, optional text) with their labels beside them."""
    dots = alt.Chart(points).mark_point(size=style.marker_size, filled=True, color=color,
                                        stroke="#FFFFFF", strokeWidth=1).encode(
        alt.X("x", type=Q), alt.Y("y", type=Q),
        tooltip=[tip("x", tips, type=Q, format=".4f"), tip("y", tips, type=Q, format=".5g")])
    if label is None:
        return dots
    text = alt.Chart(points).mark_text(align="left", dx=10, dy=-10, fontSize=style.font_size,
                                       color=color, fontWeight="bold").encode(
        alt.X("x", type=Q), alt.Y("y", type=Q), alt.Text(label, type=N))
    return layer(dots, text)


def arrow_layers(arrows: pd.DataFrame, style: ChartStyle, colors: dict[str, str],
                 tips: dict | None = None):
    """Arrows at the scrubbed step (rows step, which, x, y, x2, y2, angle, shown): a shaft
    from (x, y) and a triangle head at (x2, y2) turned by ``angle``, one colour per kind.

    Pages use it for the gradient and the actual step on a map, and for gradient,
    direction and contour arrows at a clicked point (all rows at step 0, scrubber unused).
    """
    color = alt.Color("which", type=N, title=None,
                      scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                      legend=alt.Legend(orient="bottom", direction="vertical"))
    rows = [tip("which", tips, type=N), tip("step", tips, type=Q),
            alt.Tooltip("norm", type=Q, title="|·|", format=".4g")]
    base = at_scrubbed(alt.Chart(arrows), ["which"]).transform_filter(alt.datum.shown > 0)
    shaft = base.mark_rule(strokeWidth=style.line_width * 1.3, clip=True).encode(
        alt.X("x", type=Q), alt.Y("y", type=Q), alt.X2("x2"), alt.Y2("y2"), color, tooltip=rows)
    head = base.mark_point(shape="triangle-up", filled=True, size=style.marker_size * 0.8,
                           opacity=1, clip=True).encode(
        alt.X("x2", type=Q), alt.Y("y2", type=Q), alt.Angle("angle", type=Q, scale=None),
        color, tooltip=rows)
    return layer(shaft, head)


def finish(chart, style: ChartStyle):
    """Configure a chart the page composed from layers (fonts, sizes, contrast)."""
    return style.configure(chart)


def lr_schedule_chart(rates: pd.DataFrame, style: ChartStyle, *, step_title: str,
                      y_title: str, log: bool = False, height: int | None = None):
    """A learning-rate schedule η(t): columns ``step`` and ``lr`` (optionally ``series``
    and ``key``, a palette key, for several schedules, one line each). ``log`` puts η on a
    log axis (it must then be positive). Finished and configured, small by default (a
    third of the usual height)."""
    enc = [alt.X("step", type=Q, title=step_title, scale=alt.Scale(nice=False)),
           alt.Y("lr", type=Q, title=y_title, scale=alt.Scale(type="log" if log else "linear",
                                                              zero=not log))]
    if "series" in rates:
        enc += [series_color(rates), series_dash(rates, style.line_width)]
    rows = [alt.Tooltip("step", type=Q, title=step_title),
            alt.Tooltip("lr", type=Q, title=y_title, format=".4g")]
    chart = alt.Chart(rates, width=style.width, height=height or max(style.height // 3, 90))
    return style.configure(chart.mark_line(strokeWidth=style.line_width, interpolate="step-after")
                           .encode(*enc, tooltip=rows))
