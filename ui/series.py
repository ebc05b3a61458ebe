"""How one optimizer's series is drawn on every chart: its colour, dash pattern and point
shape (all fixed per optimizer in :mod:`ui.palette`, so a rule looks the same on every
page), and in projector mode its name at the end of its line.

Each encoding reads a frame with a ``series`` column (the label shown) and a ``key``
column (the optimizer it belongs to).
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from ui import palette
from ui.style import ChartStyle

N = "nominal"


def series_color(frame: pd.DataFrame, legend: bool = True) -> alt.Color:
    """Colour by ``series``, each series in its optimizer's colour (``key`` column)."""
    pairs = frame[["key", "series"]].drop_duplicates()
    return alt.Color("series", type=N, title=None,
                     scale=alt.Scale(**palette.scale(pairs.key, pairs.series)),
                     legend=alt.Legend(orient="bottom") if legend else None)


def series_dash(frame: pd.DataFrame, width: float = 2.0, legend: bool = True) -> alt.StrokeDash:
    """Dash by ``series``, each in its optimizer's fixed pattern (palette.dash) for a line
    ``width`` px wide. Its legend merges with the colour legend (same field, no title),
    so the legend shows the dashes too."""
    pairs = frame[["key", "series"]].drop_duplicates()
    scale = alt.Scale(domain=list(pairs.series), range=[palette.dash(k, width) for k in pairs.key])
    return alt.StrokeDash("series", type=N, title=None, scale=scale,
                          legend=alt.Undefined if legend else None)


def series_shape(frame: pd.DataFrame) -> alt.Shape:
    """Point shape by ``series``, each in its optimizer's fixed shape (palette.shape)."""
    pairs = frame[["key", "series"]].drop_duplicates()
    return alt.Shape("series", type=N, legend=None, scale=alt.Scale(
        domain=list(pairs.series), range=[palette.shape(k) for k in pairs.key]))


def end_labels(base: alt.Chart, frame: pd.DataFrame, style: ChartStyle, x: alt.X, y: alt.Y,
               x_mid: float | None = None) -> list[alt.Chart]:
    """Projector mode: each series' name at the end of its line (``base``: the rows that
    end it), in its optimizer's text colour (palette.text_color, AA on white). Right of
    the end, or left of it when the end lies right of ``x_mid`` (so it stays inside)."""
    pairs = frame[["key", "series"]].drop_duplicates()   # colour looked up by name, no scale
    colours = json.dumps({s: palette.text_color(k) for k, s in pairs.itertuples(index=False)})
    base = base.transform_calculate(tc=f"{colours}[datum.series]")
    fill = alt.Fill("tc", type=N, scale=None)
    mark = dict(fontSize=style.font_size, fontWeight="bold", dy=-style.font_size * 0.6)
    sides = [("left", 12, None)] if x_mid is None else [
        ("left", 12, f"datum.{x.shorthand} <= {x_mid!r}"),
        ("right", -12, f"datum.{x.shorthand} > {x_mid!r}")]
    out = []
    for align, dx, test in sides:
        chart = base.transform_filter(test) if test else base
        out.append(chart.mark_text(align=align, dx=dx, **mark).encode(
            x, y, fill, alt.Text("series", type=N)))
    return out


def label_room(frame: pd.DataFrame, style: ChartStyle) -> float:
    """The fraction of a chart's width that its longest end label takes (a Latin letter
    ~0.6 em, a Chinese character 1 em, plus the gap)."""
    chars = max((sum(1.0 if ord(c) > 0x2E80 else 0.62 for c in str(s))
                 for s in frame.series.unique()), default=0.0)
    return min(0.45, (chars * style.font_size + 24) / style.width)
