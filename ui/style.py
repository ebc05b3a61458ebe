"""Chart styles: normal and projector. Applied per chart, never as a global theme.

``alt.theme.enable`` would change every user's charts on the server; projector mode is
one student's choice, so each builder receives a ChartStyle and configures its own
top-level chart with it.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt


@dataclass(frozen=True)
class ChartStyle:
    projector: bool
    font_size: int
    title_size: int
    line_width: float
    point_size: int
    marker_size: int
    width: int
    height: int
    grid_opacity: float
    text_color: str = "#1B1F24"
    stack: bool = False      # put paired charts (map | loss) one above the other
    thin_width: float = 1.0  # the thinnest line a chart may draw (isolines, guides)

    def thin(self, width: float = 0.0) -> float:
        """``width``, but never under this style's thinnest line."""
        return max(self.thin_width, width)

    def configure(self, chart):
        """Apply fonts, sizes and contrast to a top-level chart (returns the same chart).

        The config is set as one attribute: each ``configure_*`` call would copy the
        whole chart tree.
        """
        chart.config = alt.Config(
            axis=alt.AxisConfig(labelFontSize=self.font_size, titleFontSize=self.font_size,
                                labelColor=self.text_color, titleColor=self.text_color,
                                gridOpacity=self.grid_opacity, domainWidth=1 + self.projector,
                                tickWidth=1 + self.projector,
                                # thin crowded ticks: drop labels that would touch
                                labelOverlap="greedy", labelSeparation=4 + 4 * self.projector,
                                tickCount=6 if self.projector else alt.Undefined),
            legend=alt.LegendConfig(labelFontSize=self.font_size, titleFontSize=self.font_size,
                                    labelColor=self.text_color, titleColor=self.text_color,
                                    symbolStrokeWidth=self.line_width,
                                    symbolSize=self.point_size, labelLimit=400, orient="bottom"),
            title=alt.TitleConfig(fontSize=self.title_size, color=self.text_color,
                                  anchor="start"),
            header=alt.HeaderConfig(labelFontSize=self.font_size, titleFontSize=self.font_size),
            view=alt.ViewConfig(stroke="#888888" if self.projector else "#DDDDDD"),
        )
        return chart


NORMAL = ChartStyle(projector=False, font_size=12, title_size=14, line_width=2.0,
                    point_size=60, marker_size=140, width=380, height=320, grid_opacity=0.5)
# Big type on a wall fits fewer charts side by side: paired charts are stacked.
# 580 px wide: a chart with its axis titles fits the page at 1280 px with the menu open;
# no line thinner than 3 px (a projector washes out hairlines).
PROJECTOR = ChartStyle(projector=True, font_size=20, title_size=24, line_width=4.5,
                       point_size=160, marker_size=360, width=580, height=400,
                       grid_opacity=0.8, text_color="#000000", stack=True, thin_width=3.0)


def style_for(projector: bool) -> ChartStyle:
    return PROJECTOR if projector else NORMAL
