"""ui.numbers.sci_expr, the tooltip number format, evaluated by Vega itself (vl-convert
draws a text mark of each value): no e-notation, and the same text as ui.numbers.fmt
for tiny and huge values."""

import re

import altair as alt
import pandas as pd
import vl_convert as vlc

from ui import numbers

CASES = {4.506617302e-12: "4.51 × 10⁻¹²", 0.5: "0.5", 12345.0: "12,345", -3e-7: "−3 × 10⁻⁷",
         0.0: "0", 1e-8: "10⁻⁸", 2.0: "2", 0.00099: "0.00099", 9.0e6: "9,000,000",
         2.5e12: "2.5 × 10¹²", 9.9996e-13: "10⁻¹²", 9.99e-13: "9.99 × 10⁻¹³"}


def test_vega_writes_each_value_without_e_notation():
    frame = pd.DataFrame({"v": list(CASES), "i": range(len(CASES))})
    chart = alt.Chart(frame).mark_text().encode(
        alt.Y("i", type="ordinal", axis=None), alt.Text("t", type="nominal")
    ).transform_calculate(t=numbers.sci_expr("v"))
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", vlc.vegalite_to_svg(chart.to_dict()))
    assert drawn == list(CASES.values())
    for value, text in CASES.items():
        assert "e" not in text
        if abs(value) < 1e-4 or abs(value) >= 1e9:
            assert text.replace("−", "-") == numbers.fmt(value), value
