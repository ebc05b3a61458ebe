"""Chart kinds of the Choosing an Optimizer page (DataFrames in, Altair charts out).

New kinds only: feature frequencies, the gradient-hit raster, effective rate against
frequency, the Adam ladder across sparsity, the benchmark heat map, and lines on a log
axis (the beyond view's step sizes and decay rates). Lines of loss
or error against step come from :func:`ui.charts.loss_layers`. Every builder takes
the session's ChartStyle, so projector mode applies per chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import layer
from ui.series import series_color, series_dash, series_shape
from ui.style import ChartStyle

Q, N = "quantitative", "nominal"
GROUP_COLORS = ["#1B1F24", "#D55E00"]          # frequent, rare
LOG = alt.Scale(type="log")


def frequency_view(freq: pd.DataFrame, style: ChartStyle, *, x_title: str, y_title: str,
                   requested: str, group_title: str) -> alt.LayerChart:
    """Requested p_j as a line and measured shares as dots, on log–log axes."""
    x = alt.X("rank", type=Q, title=x_title, scale=LOG)
    line = alt.Chart(freq).mark_line(color="#777777", strokeWidth=style.line_width,
                                     strokeDash=[6, 3]).encode(
        x, alt.Y("requested", type=Q, title=y_title, scale=LOG),
        tooltip=[alt.Tooltip("rank", type=Q), alt.Tooltip("requested", type=Q, format=".4f")])
    seen = freq[freq.measured > 0]
    dots = alt.Chart(seen).mark_point(filled=True, size=style.point_size, opacity=0.85).encode(
        x, alt.Y("measured", type=Q, scale=LOG),
        alt.Color("group", type=N, title=group_title,
                  scale=alt.Scale(domain=list(dict.fromkeys(freq.group)),
                                  range=GROUP_COLORS + ["#999999"]),
                  legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("rank", type=Q), alt.Tooltip("requested", type=Q, format=".4f"),
                 alt.Tooltip("measured", type=Q, format=".4f"), alt.Tooltip("group", type=N)])
    label = alt.Chart(pd.DataFrame({"rank": [1], "requested": [float(freq.requested.iloc[0])],
                                    "text": [requested]})).mark_text(
        align="left", dx=8, dy=-10, fontSize=style.font_size, color="#555555").encode(
        x, alt.Y("requested", type=Q), alt.Text("text", type=N))
    return style.configure(layer(line, dots, label, width=style.width, height=style.height))


def raster_view(runs: pd.DataFrame, style: ChartStyle, *, n_features: int, n_steps: int,
                x_title: str, y_title: str, group_title: str) -> alt.Chart:
    """Which feature got a nonzero mini-batch gradient at which step: one bar per run of
    consecutive hits. Feature 0 (the most frequent) at the top."""
    return style.configure(alt.Chart(runs, width=max(style.width, 2 * style.width - 40),
                                     height=style.height).mark_rect(stroke=None).encode(
        alt.X("start", type=Q, title=x_title, scale=alt.Scale(domain=[0, n_steps], nice=False)),
        alt.X2("stop"),
        alt.Y("feature", type=Q, title=y_title,
              scale=alt.Scale(domain=[n_features, 0], nice=False)),
        alt.Y2("feature_end"),
        alt.Color("group", type=N, title=group_title,
                  scale=alt.Scale(domain=list(runs.group.cat.categories), range=GROUP_COLORS),
                  legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("feature", type=Q), alt.Tooltip("start", type=Q),
                 alt.Tooltip("stop", type=Q)],
    ).transform_calculate(feature_end="datum.feature + 1"))


def eff_lr_view(rates: pd.DataFrame, style: ChartStyle, *, x_title: str, y_title: str
                ) -> alt.Chart:
    """Each feature's effective learning rate against how often it appears (log–log)."""
    return style.configure(alt.Chart(rates, width=style.width, height=style.height).mark_point(
        filled=True, size=style.point_size, opacity=0.75).encode(
        alt.X("p", type=Q, title=x_title, scale=LOG),
        alt.Y("eff_lr", type=Q, title=y_title, scale=LOG),
        series_color(rates), series_shape(rates),
        tooltip=[alt.Tooltip("series", type=N), alt.Tooltip("feature", type=Q),
                 alt.Tooltip("p", type=Q, format=".4f"),
                 alt.Tooltip("eff_lr", type=Q, format=".3g")]))


def ladder_view(seeds: pd.DataFrame, medians: pd.DataFrame, style: ChartStyle, *,
                x_title: str, y_title: str) -> alt.LayerChart:
    """Final excess loss against the sparsity exponent: one dot per seed, a line through
    the medians; Adam without bias correction dashed in Adam's colour."""
    x = alt.X("a", type=Q, title=x_title,
              axis=alt.Axis(values=sorted(set(medians.a)), format=".1f"))
    y = alt.Y("excess", type=Q, title=y_title, scale=LOG)
    colour = series_color(medians)
    lines = alt.Chart(medians).mark_line(strokeWidth=style.line_width, point=False).encode(
        x, y, colour, series_dash(medians, style.line_width), alt.Order("a", type=Q),
        tooltip=[alt.Tooltip("series", type=N), alt.Tooltip("a", type=Q),
                 alt.Tooltip("excess", type=Q, format=".3g")])
    dots = alt.Chart(seeds).mark_point(size=style.point_size, opacity=0.7).encode(
        alt.X("a", type=Q), alt.Y("excess", type=Q), series_color(seeds, legend=False),
        series_shape(seeds),
        tooltip=[alt.Tooltip("series", type=N), alt.Tooltip("a", type=Q),
                 alt.Tooltip("seed", type=Q), alt.Tooltip("excess", type=Q, format=".3g")])
    return style.configure(layer(lines, dots, width=style.width, height=style.height))


def matrix_view(cells: pd.DataFrame, style: ChartStyle, *, rows: list[str], columns: list[str],
                color_title: str, loss_title: str, lr_title: str) -> alt.LayerChart:
    """Heat map: optimizers × scenarios, coloured by log10 of the normalised gap."""
    top = max(3.0, float(cells.log_ratio.max()))
    x = alt.X("column", type=N, title=None, sort=columns,
              axis=alt.Axis(labelAngle=0, orient="top", labelLimit=220))
    y = alt.Y("row", type=N, title=None, sort=rows)
    tip = [alt.Tooltip("row", type=N), alt.Tooltip("column", type=N),
           alt.Tooltip("label", type=N, title=color_title),
           alt.Tooltip("loss", type=Q, title=loss_title, format=".4g"),
           alt.Tooltip("lr", type=Q, title=lr_title, format=".3g")]
    rect = alt.Chart(cells).mark_rect(stroke="#FFFFFF", strokeWidth=2).encode(
        x, y, alt.Color("log_ratio", type=Q, title=color_title,
                        scale=alt.Scale(domain=[0, top], scheme="yelloworangered"),
                        legend=alt.Legend(orient="bottom", gradientLength=style.width * 0.6,
                                          labelExpr="format(pow(10, datum.value), ',') + '×'")),
        tooltip=tip)
    text = alt.Chart(cells).mark_text(fontSize=style.font_size, fontWeight="bold").encode(
        x, y, alt.Text("label", type=N),
        color=alt.condition(f"datum.log_ratio > {top * 0.55:.3f}", alt.value("#FFFFFF"),
                            alt.value("#1B1F24")),
        tooltip=tip)
    width = style.width * (2.0 if style.projector else 1.8)
    return style.configure(layer(rect, text, width=width, height=style.height))


def log_lines_view(curves: pd.DataFrame, style: ChartStyle, *, x_title: str, y_title: str,
                   colors: dict[str, str]) -> alt.Chart:
    """Lines of y against x (columns x, y, series) on a log y axis, one colour per series:
    quantities that span decades, such as per-weight step sizes or decay rates."""
    series = list(dict.fromkeys(curves.series))
    return style.configure(alt.Chart(curves, width=style.width, height=style.height).mark_line(
        strokeWidth=style.line_width).encode(
        alt.X("x", type=Q, title=x_title), alt.Y("y", type=Q, title=y_title, scale=LOG),
        alt.Color("series", type=N, title=None,
                  scale=alt.Scale(domain=series, range=[colors[s] for s in series]),
                  legend=alt.Legend(orient="bottom")),
        alt.Order("x", type=Q),
        tooltip=[alt.Tooltip("series", type=N), alt.Tooltip("x", type=Q, format=".4g"),
                 alt.Tooltip("y", type=Q, format=".3g")]))
