"""The frame: pages, menu, projector and language switches, URL notices, chart builders."""

import json
import re
import tomllib

import altair as alt
import jsonschema
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from altair.vegalite.v6.schema import core as vl_core

from core.optimizers import make
from core.problems.surfaces import SURFACE_NAMES, get_surface
from core.training.run import run
from tests.apputil import ROOT, assert_clean, chart_bytes, chart_specs, open_page
from ui import charts, palette, play
from ui.frame import PAGES, existing_pages
from ui.geometry import path_frame, surface_frames
from ui.render import to_spec
from ui.style import NORMAL, PROJECTOR
from ui.text import CATALOGUE, LANGUAGES

VL_SCHEMA = vl_core.load_schema()
LESSONS = [p for p in existing_pages() if p[0] != "home"]


def test_home_opens_with_menu_of_existing_pages_only():
    at = open_page()
    assert_clean(at)
    menu = [link.proto.label for link in at.sidebar.get("page_link")]
    assert menu == [CATALOGUE["en"][f"nav.{page_id}"] for page_id, _, _ in existing_pages()]


@pytest.mark.parametrize("page", [p[1] for p in LESSONS], ids=[p[0] for p in LESSONS])
def test_every_page_opens_at_defaults_from_home(page):
    at = open_page(page)
    assert_clean(at)


def test_every_page_file_is_in_the_menu_and_calls_setup_first():
    listed = {path for _, path, _ in PAGES}
    for path in sorted((ROOT / "pages").glob("*.py")):
        rel = f"pages/{path.name}"
        assert rel in listed, f"{rel} is not in ui.frame.PAGES"
        code = [line for line in path.read_text().splitlines()
                if line.strip() and not line.startswith(("#", "import", "from", '"""'))]
        assert any(re.match(r'F = setup\("\w+"\)', line) for line in code[:3]), (
            f"{rel} must call setup() before drawing anything")


def _axis_font(at) -> set:
    return {spec["config"]["axis"]["labelFontSize"] for spec in chart_specs(at)}


def test_projector_mode_is_per_session_and_changes_chart_config():
    plain, bright = open_page(), open_page(query={"projector": "1"})
    assert _axis_font(plain) == {NORMAL.font_size}
    assert _axis_font(bright) == {PROJECTOR.font_size}
    bright.toggle(key="projector").set_value(False).run()
    plain.toggle(key="projector").set_value(True).run()
    assert _axis_font(plain) == {PROJECTOR.font_size}, "switching on in one session"
    assert _axis_font(bright) == {NORMAL.font_size}, "...does not touch the other"
    assert plain.query_params.get("projector") in (["1"], "1")


def test_language_switch_translates_and_is_per_session():
    en, zh = open_page(), open_page(query={"lang": "zh"})
    assert en.title[0].value == CATALOGUE["en"]["home.title"]
    assert zh.title[0].value == CATALOGUE["zh"]["home.title"]
    en.selectbox(key="lang").select("zh").run()
    assert en.title[0].value == CATALOGUE["zh"]["home.title"]
    assert zh.title[0].value == CATALOGUE["zh"]["home.title"]
    zh.selectbox(key="lang").select("en").run()
    assert zh.title[0].value == CATALOGUE["en"]["home.title"]
    assert en.title[0].value == CATALOGUE["zh"]["home.title"]


@pytest.mark.parametrize("query", [{"lang": "klingon"}, {"projector": "banana"},
                                   {"projector": "nan", "lang": ""}])
def test_bad_url_values_fall_back_with_a_notice(query):
    at = open_page(query=query)
    assert_clean(at)
    assert at.warning, "a bad link value must be explained on the page"
    assert at.title[0].value == CATALOGUE["en"]["home.title"]


def test_catalogues_have_the_same_keys_and_placeholders():
    en, other = CATALOGUE["en"], {k: v for k, v in CATALOGUE.items() if k != "en"}
    for lang, table in other.items():
        assert set(table) == set(en), f"{lang} differs: {sorted(set(table) ^ set(en))[:10]}"
        for key, text in en.items():
            fields = set(re.findall(r"{(\w+)", text))
            assert set(re.findall(r"{(\w+)", table[key])) == fields, f"{lang} {key} placeholders"
            assert text.strip() and table[key].strip(), f"empty text for {key}"
    assert set(LANGUAGES) == set(CATALOGUE)


def test_streamlit_config_hides_auto_menu_and_usage_stats():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["client"]["showSidebarNavigation"] is False
    assert cfg["browser"]["gatherUsageStats"] is False


def test_streamlit_config_is_for_production_and_shows_that_a_page_runs():
    """No per-session file watching, no full GC after each run, and a toolbar mode that
    keeps the running indicator (``minimal`` hides it)."""
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["fileWatcherType"] == "none"
    assert cfg["runner"]["postScriptGC"] is False
    assert cfg["client"]["toolbarMode"] in ("viewer", "auto")


def test_palette_is_distinct_and_stable():
    from core.experiments.network_race import MUON_RACER
    from core.experiments.racers import RACERS
    colors = list(palette.OPTIMIZER_COLORS.values())
    assert len(set(colors)) == len(colors)
    assert set(palette.OPTIMIZER_COLORS) == set(RACERS) | {MUON_RACER}, "every racer its colour"
    assert palette.color("adam_nobc") == palette.color("adam")
    assert palette.dash("adam_nobc") != palette.dash("adam")


def _race_chart(key: str, style, steps=120):
    surface = get_surface(key)
    cells, lines, minima, log_color = surface_frames(surface)
    f_min = min(m.value for m in surface.minima)
    paths = pd.concat([
        path_frame("SGD", "sgd", run(make("sgd", lr=0.002), surface, surface.start, steps),
                   f_min=f_min),
        path_frame("Adam", "adam", run(make("adam", lr=0.1), surface, surface.start, steps),
                   f_min=f_min),
        path_frame("big", "rmsprop", run(make("sgd", lr=5.0), surface, surface.start, steps),
                   f_min=f_min)], ignore_index=True)
    chart = charts.surface_view(cells, lines, minima, paths, style, log_color=log_color,
                                loss_title="loss", step_title="step", n_steps=steps)
    return chart, paths


@pytest.mark.parametrize("key", SURFACE_NAMES)
def test_surface_view_is_valid_vega_lite_and_small(key):
    chart, paths = _race_chart(key, NORMAL)
    spec = to_spec(chart)
    datasets = {name: pa.ipc.open_stream(data).read_pandas()
                for name, data in spec.pop("datasets").items()}
    jsonschema.validate(spec, VL_SCHEMA)
    rows = sum(len(d) for d in datasets.values())
    assert rows < 10_000, f"{rows} rows"
    for d in datasets.values():
        numeric = d.select_dtypes(include=[np.number]).to_numpy(dtype=float)
        assert np.all(np.isfinite(numeric))
    # the step drawn (scrub) is set by the slider or by Play, all in the browser
    names = {p["name"] for p in spec["params"]}
    assert names == {p["name"] for p in play.params(120, play.PlayText("step"))}
    assert charts.SCRUB in names
    assert "pick" in json.dumps(spec), "heat-map cells carry the click selection"
    # the diverged run (lr = 5) is cut before plotting
    big = paths[paths.series == "big"]
    assert big.diverged_at.iloc[0] > 0 and big.step.max() < big.diverged_at.iloc[0]


def test_builders_agree_with_altairs_own_conversion():
    chart, _ = _race_chart("rosenbrock", PROJECTOR)
    ours = to_spec(chart)
    ours.pop("datasets")
    with alt.data_transformers.disable_max_rows():
        theirs = chart.to_dict()      # validates
    for part in ("axis", "legend", "title", "header"):
        assert ours["config"][part] == theirs["config"][part]
    key = "vconcat" if PROJECTOR.stack else "hconcat"
    assert len(ours[key]) == len(theirs[key]) == 2


def test_home_page_chart_data_is_small():
    assert chart_bytes(open_page()) < 300_000
