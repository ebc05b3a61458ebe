"""Chart kinds of the Optimizer Race page: state bars, learning-rate sensitivity and
decision boundaries. DataFrames in, Altair charts out, no Streamlit calls.

The race map and the loss curves come from :mod:`ui.charts`; this module only adds
what no other page draws. Every finished chart is configured with the session's
ChartStyle, so projector mode applies here too.

Marks, transforms, scales, axes and titles are written as plain Vega-Lite dicts: each
``alt.Scale(...)``, ``mark_bar(...)`` or ``transform_filter(...)`` is validated against
the JSON schema when it is made (about a millisecond each), and the inside view alone
needs a few hundred of them. tests/ui/optimizer_race/test_page.py validates the finished
specs against the schema instead.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui import palette
from ui.charts import SCRUB, hconcat, layer
from ui.play import PlayText, playable
from ui.series import series_color, series_dash
from ui.style import ChartStyle

Q, N = "quantitative", "nominal"
CLASS_COLORS = ("#E69F00", "#0072B2")       # class 0, class 1 (Okabe–Ito orange, blue)


def unit(data: pd.DataFrame, mark: dict, *channels, transform: list | None = None,
         **named) -> alt.Chart:
    """A single-view chart from a mark dict, typed channels and optional transforms."""
    chart = alt.Chart(data)
    chart.mark = mark
    chart = chart.encode(*channels, **named)
    if transform:
        chart.transform = transform
    return chart


def at_scrub(group: list[str]) -> list[dict]:
    """Transforms keeping, per group, the last row at or before the scrubbed step (works on
    thinned data where the exact step may be missing)."""
    return [{"filter": f"datum.step <= {SCRUB}"},
            {"joinaggregate": [{"op": "max", "field": "step", "as": "last"}], "groupby": group},
            {"filter": "datum.step == datum.last"}]


def _title(text: str, style: ChartStyle, color: str | None = None, size: int | None = None):
    title = {"text": text, "anchor": "start", "fontSize": size or style.font_size}
    return {**title, "color": color} if color else title


# ------------------------------------------------------------------ inside one optimizer


def state_row(frame: pd.DataFrame, name: str, anchor: pd.DataFrame, style: ChartStyle, *,
              title: str, color: str, log: bool, domain: tuple[float, float], core: float,
              step_title: str) -> alt.HConcatChart:
    """One state quantity: bars per parameter at the scrubbed step, and its history.

    ``frame``: rows (name, step, param, value) of every quantity, shared by all rows (one
    dataset for the browser); this row shows ``name``. ``anchor``: a one-row frame
    (column ``zero`` = 0) for the zero line and the step marker. ``domain`` fixes the value
    axis over all steps so growth and shrinkage stay visible while scrubbing. Positive
    quantities get a log axis; signed ones a symmetric-log axis, linear within ±``core``,
    so late small values stay visible next to early large ones.
    """
    scale = {"type": "log" if log else "symlog", "domain": list(domain), "nice": False,
             "clamp": True}
    if not log:
        scale["constant"] = core
    axis = {"tickCount": 4, "format": ",.4~g", "labelOverlap": True,
            "labelFlush": True}
    width, row = int(style.width * 0.6), 22 + 14 * style.projector
    mine = [{"filter": f"datum.name == '{name}'"}]
    marks = [unit(frame, {"type": "bar", "color": color, "opacity": 0.9},
                  alt.X("value", type=Q, title=None, scale=scale, axis=axis),
                  alt.Y("param", type=N, title=None),
                  tooltip=[alt.Tooltip("param", type=N), alt.Tooltip("step", type=Q),
                           alt.Tooltip("value", type=Q, format=".4g")],
                  transform=mine + at_scrub(["param"]))]
    if not log:
        marks.append(unit(anchor, {"type": "rule", "color": "#000000", "strokeWidth": style.thin()},
                          alt.X("zero", type=Q, scale=scale)))
    bars = layer(*marks, width=width, height=2 * row, title=_title(title, style))
    history = unit(frame, {"type": "line", "color": color, "strokeWidth": style.line_width / 1.5},
                   alt.X("step", type=Q, title=step_title, axis={"tickCount": 5}),
                   alt.Y("value", type=Q, title=None, scale=scale, axis=axis),
                   alt.StrokeDash("param", type=N, title=None,
                                  scale={"domain": ["x", "y"], "range": [[1, 0], [5, 3]]}),
                   transform=mine)
    now = unit(anchor, {"type": "rule", "color": "#000000", "strokeWidth": style.thin()},
               alt.X("s", type=Q), transform=[{"calculate": SCRUB, "as": "s"}])
    return hconcat(bars, layer(history, now, width=width, height=3 * row + 10))


def compass(arrows: pd.DataFrame, style: ChartStyle, *, title: str) -> alt.LayerChart:
    """Unit arrows of −g (steepest descent) and of the step u actually taken, at the
    scrubbed step. ``arrows``: rows (step, which, dx, dy, angle, size, color) with
    (dx, dy) of length 1 and ``angle`` the arrow-head rotation in degrees."""
    axis_scale = {"domain": [-1.25, 1.25], "nice": False}
    kinds = arrows.drop_duplicates("which")
    color = alt.Color("which", type=N, title=None,
                      scale={"domain": list(kinds.which), "range": list(kinds.color)},
                      legend={"orient": "bottom", "direction": "vertical"})
    tip = [alt.Tooltip("which", type=N), alt.Tooltip("step", type=Q),
           alt.Tooltip("size", type=Q, title="|·|", format=".4g")]
    shaft = unit(arrows, {"type": "rule", "strokeWidth": style.line_width * 1.5},
                 alt.X("x0", type=Q, scale=axis_scale, title=None),
                 alt.Y("y0", type=Q, scale=axis_scale, title=None),
                 alt.X2("dx"), alt.Y2("dy"), color, tooltip=tip,
                 transform=at_scrub(["which"]) + [{"calculate": "0", "as": "x0"},
                                                  {"calculate": "0", "as": "y0"}])
    head = unit(arrows, {"type": "point", "shape": "triangle-up", "filled": True,
                         "size": style.marker_size, "opacity": 1},
                alt.X("dx", type=Q, scale=axis_scale), alt.Y("dy", type=Q, scale=axis_scale),
                alt.Angle("angle", type=Q, scale=None), color, tooltip=tip,
                transform=at_scrub(["which"]))
    side = int(style.width * 0.55)
    return layer(shaft, head, width=side, height=side, title=_title(title, style))


def inside_view(rows: list[alt.HConcatChart], arrows: alt.LayerChart, style: ChartStyle, *,
                n_steps: int, step_title: str, scrub_value: int | None = None,
                play: PlayText | None = None):
    """The compass beside the stacked state rows, all driven by one step scrubber and one
    Play (``play``: the controls' words)."""
    stack = alt.VConcatChart()
    stack.vconcat = rows
    body = hconcat(arrows, stack, stack=style.stack)
    body.resolve = {"scale": {"color": "independent", "strokeDash": "independent"}}
    return style.configure(playable(body, n_steps, style, play or PlayText(step_title),
                                    scrub_value))


# ------------------------------------------------------------------ fair comparison


def sensitivity_view(sweeps: pd.DataFrame, chosen: pd.DataFrame, style: ChartStyle, *,
                     x_title: str, y_title: str, diverged_label: str, chosen_label: str):
    """Final loss above the minimum against learning rate, one line per optimizer.

    ``sweeps``: rows (series, key, lr, gap, diverged_at, stable) for every rate of the
    grid; runs that diverged are drawn as crosses at their ``gap`` (the page puts them
    along the top edge), rates the tuning rule rules out (``stable`` 0) as hollow dots.
    ``chosen``: rows (series, key, lr, gap) of the rates the race
    actually used, drawn as large rings.
    """
    color = series_color(sweeps)
    x = alt.X("lr", type=Q, title=x_title, scale={"type": "log"})
    y = alt.Y("gap", type=Q, title=y_title, scale={"type": "log"})
    tip = [alt.Tooltip("series", type=N), alt.Tooltip("lr", type=Q, format=".3g"),
           alt.Tooltip("gap", type=Q, title=y_title, format=".3g")]
    sane = [{"filter": "datum.diverged_at < 0"}]
    lines = unit(sweeps, {"type": "line", "strokeWidth": style.line_width}, x, y, color,
                 series_dash(sweeps, style.line_width), alt.Order("lr", type=Q), transform=sane)
    dots = unit(sweeps, {"type": "point", "filled": True, "size": style.point_size / 2},
                x, y, color, tooltip=tip, transform=sane + [{"filter": "datum.stable > 0"}])
    ruled_out = unit(sweeps, {"type": "point", "filled": False, "size": style.point_size,
                              "strokeWidth": style.line_width / 2}, x, y, color, tooltip=tip,
                     transform=sane + [{"filter": "datum.stable < 1"}])
    crosses = unit(sweeps, {"type": "point", "shape": "cross", "size": style.point_size,
                            "opacity": 0.8}, x, y, color,
                   tooltip=[alt.Tooltip("series", type=N),
                            alt.Tooltip("lr", type=Q, format=".3g"),
                            alt.Tooltip("diverged_at", type=Q, title=diverged_label)],
                   transform=[{"filter": "datum.diverged_at >= 0"}])
    rings = unit(chosen, {"type": "point", "size": style.marker_size * 2.5, "filled": False,
                          "strokeWidth": style.line_width}, x, y, color,
                 tooltip=[alt.Tooltip("series", type=N),
                          alt.Tooltip("lr", type=Q, title=chosen_label, format=".3g"),
                          alt.Tooltip("gap", type=Q, title=y_title, format=".3g")])
    width = style.width * (1 if style.stack else 2)
    return style.configure(layer(lines, dots, ruled_out, crosses, rings, width=width,
                                 height=style.height))


# ------------------------------------------------------------------ tiny neural network


def boundary_view(cells: pd.DataFrame, panels: list[tuple[str, str]], data: pd.DataFrame,
                  style: ChartStyle, *, n_cells: int, per_row: int, prob_title: str):
    """Each optimizer's trained network: P(class 1) shaded over the plane, data on top.

    ``cells``: one row per grid centre (x, y) with a column ``p_<key>`` per network;
    ``panels``: (title, key) per network, in order; ``data``: rows (x, y, label) of the
    training points. One grid and one point set serve every panel.
    """
    side = int(style.width * 0.62)
    pad = side / n_cells / 2
    x = alt.X("x", type=Q, title=None, scale={"domain": [float(cells.x.min()),
                                                         float(cells.x.max())],
                                              "nice": False, "padding": pad})
    y = alt.Y("y", type=Q, title=None, scale={"domain": [float(cells.y.min()),
                                                         float(cells.y.max())],
                                              "nice": False, "padding": pad})
    points = unit(data, {"type": "point", "filled": True, "size": style.point_size / 3,
                         "opacity": 0.9, "stroke": "#000000", "strokeWidth": 0.4},
                  x, y, alt.Fill("label", type=N, legend=None,
                                 scale={"domain": ["0", "1"], "range": list(CLASS_COLORS)}))
    shade = {"domain": [0, 0.5, 1], "range": ["#F7D79A", "#FFFFFF", "#A8CBE8"]}
    square = {"type": "square", "size": (side / n_cells) ** 2 * 1.05, "opacity": 1}
    charts = []
    for title, key in panels:
        p = f"p_{key}"
        heat = unit(cells, square, x, y,
                    alt.Color(p, type=Q, title=prob_title, scale=shade, legend=None),
                    tooltip=[alt.Tooltip(p, type=Q, title=prob_title, format=".2f")])
        charts.append(layer(heat, points, width=side, height=side,
                            title=_title(title, style, palette.text_color(key), style.title_size)))
    rows = [hconcat(*charts[i:i + per_row]) for i in range(0, len(charts), per_row)]
    return style.configure(hconcat(*rows, stack=True))
