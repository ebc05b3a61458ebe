"""ui.render titles every tooltip row a builder left untitled, from the vocabulary
``frame.tip.<field>`` in the session's language, and never overrides a builder's title."""

from __future__ import annotations

import pytest

from ui.render import title_tooltips
from ui.text import CATALOGUE


def _spec(rows):
    return {"layer": [{"mark": "line", "encoding": {"tooltip": rows}},
                      {"mark": "point", "encoding": {"tooltip": rows[0]}}],
            "datasets": {"data-0": b"..."}}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_untitled_rows_get_the_vocabulary_and_titled_rows_keep_theirs(lang):
    rows = [{"field": "eff_lr", "type": "quantitative"},
            {"field": "gap", "type": "quantitative", "title": "L − L*"},
            {"field": "series", "type": "nominal"}]
    spec = _spec(rows)
    title_tooltips(spec, lang)
    words = CATALOGUE[lang]
    tips = spec["layer"][0]["encoding"]["tooltip"]
    assert tips[0]["title"] == words["frame.tip.eff_lr"]
    assert tips[1]["title"] == "L − L*"
    assert tips[2]["title"] == words["frame.tip.curve"]   # untitled series: a curve
    assert spec["layer"][1]["encoding"]["tooltip"]["title"] == words["frame.tip.eff_lr"]


def test_a_field_outside_the_vocabulary_stays_untitled_so_the_page_audit_catches_it():
    spec = _spec([{"field": "no_such_field"}])
    title_tooltips(spec, "zh")
    assert "title" not in spec["layer"][0]["encoding"]["tooltip"][0]
