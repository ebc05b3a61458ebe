"""Log axes label powers of ten as ui.numbers writes them ("10⁻⁶"), never "1e-6"."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import pytest

from ui.numbers import POWER_OF_TEN_LABEL, power_of_ten

vlc = pytest.importorskip("vl_convert")


def test_a_log_axis_reads_powers_of_ten_and_nothing_between():
    frame = pd.DataFrame({"h": [1e-12, 3e-7, 1e-3, 10.0], "e": [1e-16, 2e-9, 3e-5, 0.5]})
    axis = alt.Axis(labelExpr=POWER_OF_TEN_LABEL)
    chart = alt.Chart(frame).mark_line().encode(
        alt.X("h", type="quantitative", scale=alt.Scale(type="log"), axis=axis, title=None),
        alt.Y("e", type="quantitative", scale=alt.Scale(type="log"), axis=axis, title=None))
    labels = re.findall(r"<text[^>]*>([^<>]*)</text>", vlc.vegalite_to_svg(chart.to_json()))
    assert labels and not [s for s in labels if "e" in s or "−" in s], labels
    assert power_of_ten("1", -12) in labels and "10¹" in labels and "1" in labels, labels
