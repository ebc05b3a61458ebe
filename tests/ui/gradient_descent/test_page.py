"""The Gradient Descent page in AppTest: defaults, every preset, every curve and surface,
control extremes, bad links and a click on the map. No exception, no NaN/inf in any
chart dataset, charts small, every control in the URL."""

import pytest

from core.experiments.descent import PRESET_FACTORS, PRESETS, contraction
from core.experiments.descent_defaults import CURVE_RATES, SURFACE_LESSONS
from core.problems.regression import N_POINTS, compare_paths
from tests.apputil import (
    assert_clean,
    chart_bytes,
    chart_frames,
    chart_specs,
    charts,
    open_page,
)
from ui import numbers, play
from ui.gradient_descent import data
from ui.text import CATALOGUE

PAGE = "pages/2_Gradient_Descent.py"
EN = CATALOGUE["en"]
P = "gradient_descent."


def page(query=None):
    return open_page(PAGE, query or {})


def text(at) -> str:
    boxes = [*at.success, *at.info, *at.warning, *at.error]
    return "\n".join([m.value for m in at.markdown] + [b.value for b in boxes])


def url_notices(at) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith("The link set")]


def check(at, max_kb=450):
    assert_clean(at)
    assert len(charts(at)) == 9, ("the ball on the curve, the contour map, the regression, "
                                  "the schedules' four charts and the conditioning's two")
    kb = chart_bytes(at) / 1e3
    assert kb < max_kb, f"chart data {kb:.0f} KB"


def scrub_max(at) -> list[int]:
    """The last step of each step chart: the top of its step slider (ui.play)."""
    return [p["bind"]["max"] for spec in chart_specs(at) for p in spec.get("params", [])
            if p["name"] == play.SLIDER]


def test_defaults():
    at = page()
    check(at)
    assert not url_notices(at)
    assert at.title[0].value == EN[P + "title"]
    heads = [h.value for h in at.header]
    assert [EN[P + s] for s in ("s1", "s2", "s3", "s4")] == heads[:4], heads
    body = text(at)
    assert "**Converged.**" in body and "η < 2/L″ = 2" in body, body
    assert "Measured for B = 10." in body
    assert len(at.dataframe[0].value) == 30, "one table row per step"
    assert scrub_max(at) == [30, 100, 200]


EXPECTED = {"too_small": "**Crawling.**", "good": "**Converged.**",
            "too_large": "**Oscillating.**", "divergent": "**Diverged at step"}


@pytest.mark.parametrize("c", [1.0, 0.1, 5.62])
@pytest.mark.parametrize("preset", PRESETS)
def test_each_preset_shows_its_regime(preset, c):
    at = page({"curve": "sin", "c": str(c)} if c != 1.0 else {"curve": "sin"})
    at.button(key=f"_preset_{preset}").click().run()
    check(at)
    assert at.selectbox(key="curve").value == "quadratic", "a preset switches to the quadratic"
    lr = at.select_slider(key="lr.quadratic").value
    assert lr == data.preset_rate(preset, c)
    assert contraction(lr, c) == pytest.approx(PRESET_FACTORS[preset], abs=0.01), (lr, c)
    assert EXPECTED[preset] in text(at), f"{preset} at c={c}, η={lr}: {text(at)}"
    assert float(at.query_params.get("lr.quadratic", 0.7)) == lr, "the preset's η is in the link"


def test_divergent_run_ends_with_the_step_that_threw_it_out():
    at = page({"lr.quadratic": "2.2", "steps": "100"})
    check(at)
    assert "**Diverged at step 14**" in text(at), text(at)
    table = at.dataframe[0].value
    assert len(table) == 14 and table.iloc[-1, -1] == EN[P + "escaped"]
    assert scrub_max(at)[0] == 13, "the chart ends at the last sane point"


@pytest.mark.parametrize("curve", data.CURVES)
def test_every_curve(curve):
    at = page({"curve": curve, "steps": "60"})
    check(at)
    assert EN[f"{P}curve.{curve}"] in str(chart_specs(at)[0])


@pytest.mark.parametrize("surface", data.SURFACES)
def test_every_surface(surface):
    at = page({"surf": surface})
    check(at)
    assert EN[f"{P}lesson.{surface}"] in [c.value for c in at.caption]


EXTREMES = [
    {"lr.quadratic": str(data.LR1_MAX), "c": "10"},   # the largest η on the sharpest bowl
    *({f"lr.{k}": str(data.LR1_MAX), "curve": k} for k in data.CURVES),
    {"steps": "1"}, {"steps": "500", "lr": "0.001"},  # one step; the most steps allowed
    {"lr2.rosenbrock": "1", "steps2.rosenbrock": "1000", "surf": "rosenbrock"},
    {"steps2.rastrigin": "1", "surf": "rastrigin"},
    {"kappa": "100", "surf": "bowl", "lr2.bowl": "0.02"},
    {"batch": "1", "lr3": "2", "steps3": "1000"}, {"batch": str(N_POINTS)},
    {"batch": "1", "noise": "3", "steps3": "1000"}, {"noise": "0", "batch": "1"},
    {"steps3": "1", "k4": "1000"}, {"seed": "9999"},
]


@pytest.mark.parametrize("query", EXTREMES, ids=lambda q: "&".join(f"{k}={v}" for k, v in
                                                                 q.items()))
def test_control_extremes(query):
    at = page(query)
    check(at)
    assert not url_notices(at), url_notices(at)


def test_largest_rate_diverges_everywhere_and_says_so():
    at = page({"lr.quadratic": str(data.LR1_MAX), "c": "10", "lr2.bowl": "1", "lr3": "2"})
    check(at)
    assert text(at).count("Diverged at step") >= 3, text(at)


def test_whole_batch_makes_the_paths_coincide():
    at = page({"batch": str(N_POINTS)})
    check(at)
    assert EN[P + "reg_whole"].format(n=N_POINTS) in text(at)
    m = [line for line in text(at).split("\n") if line.startswith("**Measured")][0]
    obj = data.regression_of(0, 1.0)                      # the section's default seed and σ
    full, mini, _ = data.regression_runs(0, 1.0, N_POINTS, 0.3, 200)
    gaps = compare_paths(obj, full, mini)
    assert gaps.gap_full == gaps.gap_mini, "one batch of all points is the full gradient"
    shown = numbers.gap_text(lambda key, **kw: EN[key].format(**kw), gaps.gap_full, 4)
    assert f"full batch {shown}, SGD {shown}" in m, m


def test_chain_rule_check_at_a_later_step_and_beyond_the_path():
    at = page({"k4": "50"})
    check(at)
    rows = next(d.value for d in at.dataframe if EN[P + "col_chain"] in d.value.columns)
    assert rows.iloc[:, 3].max() < 1e-8, rows
    assert "At step 50" in text(at)
    at = page({"steps3": "20", "k4": "999"})
    assert EN[P + "k4_clamped"].format(asked=999, k=20) in text(at)


def test_seed_reproduces_and_changes_the_data():
    a, b, c = page({"seed": "7"}), page({"seed": "7"}), page({"seed": "8"})
    frames = [str(chart_specs(x)[2]) for x in (a, b, c)]
    measured = [[m.value for m in x.markdown if m.value.startswith("**Measured")] for x in
                (a, b, c)]
    assert measured[0] == measured[1] != measured[2]
    assert frames[0] == frames[1]


@pytest.mark.parametrize("query", [
    {"lr.quadratic": "banana"}, {"lr.quadratic": "nan"}, {"lr.quadratic": "100"},
    {"lr.quadratic": "0"}, {"steps": "99999"}, {"curve": "cube", "lr.cube": "-1"},
    {"steps": "2.5"},
    {"curve": "evil"}, {"c": "0"}, {"w0.quadratic": "1e9"}, {"surf": "__import__('os')"},
    {"start.bowl": "99,99"}, {"start.bowl": "nan,1"}, {"start.bowl": "<b>1</b>"},
    {"kappa": "-3"}, {"lr2.bowl": "-1"}, {"steps2.bowl": "0"},
    {"surf": "beale", "start.beale": "9,9"}, {"noise": "inf"}, {"batch": "0"},
    {"batch": "201"}, {"seed": "-1"}, {"seed": "1e9"}, {"lr3": "9"}, {"k4": "-5"},
])
def test_bad_links_fall_back_with_a_notice(query):
    at = page(query)
    check(at)
    assert url_notices(at), f"no notice for {query}"


def test_choices_are_written_to_the_url():
    at = page()
    at.number_input(key="seed").set_value(42).run()
    at.slider(key="batch").set_value(1).run()
    at.selectbox(key="surf").select("beale").run()
    at.selectbox(key="curve").select("double_well").run()
    for key, value in (("seed", "42"), ("batch", "1"), ("surf", "beale"),
                       ("curve", "double_well")):
        assert value in str(at.query_params[key]), (key, at.query_params)
    assert_clean(at)


def test_clicking_the_map_moves_the_start():
    at = page()
    at.session_state["gd_map"] = {"selection": {"pick": [{"cx": 1.25, "cy": -2.5}]}}
    at.run()
    check(at)
    assert "1.25" in str(at.query_params["start.bowl"])
    assert "Start point: (1.25, -2.5)" in text(at)
    paths = [f for f in chart_frames(at) if "diverged_at" in f.columns]
    first = paths[0][paths[0].step == 0]                   # the map's gradient-descent path
    assert (float(first.x.iloc[0]), float(first.y.iloc[0])) == (1.25, -2.5), first
    at.button(key="_start_reset").click().run()
    assert "start.bowl" not in at.query_params
    assert "Start point: (-4.5, 2)" in text(at)


def test_play_is_in_the_chart_not_a_server_button():
    """Play and Pause are bound parameters of each step chart (ui.play), so pressing
    them never reruns the script; the page keeps no server-side play state."""
    at = page()
    keys = [b.key for b in at.button]
    assert not [k for k in keys if k and k.endswith("_button")], keys
    plays = [p for spec in chart_specs(at) for p in spec.get("params", [])
             if p["name"] == play.PLAY]
    assert len(plays) == 3 and all(p["bind"]["input"] == "radio" for p in plays)


@pytest.mark.parametrize("query", [{"lang": "zh"}, {"projector": "1"},
                                   {"lang": "zh", "projector": "1", "lr.quadratic": "2.2"}])
def test_chinese_and_projector(query):
    at = page(query)
    check(at)
    if query.get("lang") == "zh":
        assert at.title[0].value == CATALOGUE["zh"][P + "title"]


@pytest.mark.parametrize("query", [{}, {"lr.quadratic": "2.2", "lr2.bowl": "0.3", "lr3": "1.5"},
                                   {"projector": "1", "curve": "abs"}])
def test_every_chart_is_valid_vega_lite(query):
    import jsonschema
    from altair.vegalite.v6.schema import core as vl_core

    schema = vl_core.load_schema()
    for spec in chart_specs(page(query)):
        spec.pop("datasets", None)
        jsonschema.validate(spec, schema)


# ------------------------------------------------------------------ lesson defaults

def diverged_notices(at) -> list[str]:
    return [b.value for b in at.error if "Diverged at step" in b.value]


def test_no_section_diverges_at_its_defaults():
    at = page()
    check(at)
    assert not diverged_notices(at), diverged_notices(at)


@pytest.mark.parametrize("curve", data.CURVES)
def test_every_curve_at_its_own_rate_does_not_diverge(curve):
    at = page({"curve": curve})
    check(at)
    lr = at.select_slider(key=f"lr.{curve}").value
    assert lr == CURVE_RATES[curve], (curve, lr)
    assert not diverged_notices(at), f"{curve} at η = {lr}: {diverged_notices(at)}"


@pytest.mark.parametrize("surface", data.SURFACES)
def test_every_surface_loads_its_lesson_and_does_not_diverge(surface):
    at = page({"surf": surface})
    check(at)
    lesson = SURFACE_LESSONS[surface]
    assert at.select_slider(key=f"lr2.{surface}").value == lesson.lr
    assert at.slider(key=f"steps2.{surface}").value == lesson.steps
    x, y = lesson.start
    assert f"Start point: ({x:.4g}, {y:.4g})" in text(at), text(at)
    assert scrub_max(at)[1] == lesson.steps, "the map shows every step of the run"
    assert not diverged_notices(at), f"{surface} at {lesson}: {diverged_notices(at)}"


def test_changing_the_surface_loads_that_surfaces_defaults():
    at = page()
    at.select_slider(key="lr2.bowl").set_value(0.3).run()
    at.selectbox(key="surf").select("rosenbrock").run()
    check(at)
    lesson = SURFACE_LESSONS["rosenbrock"]
    assert at.select_slider(key="lr2.rosenbrock").value == lesson.lr
    assert at.slider(key="steps2.rosenbrock").value == lesson.steps
    assert not diverged_notices(at), diverged_notices(at)
    at.selectbox(key="surf").select("bowl").run()
    assert at.select_slider(key="lr2.bowl").value == 0.3, "the bowl keeps its own η"


def test_a_shared_link_with_explicit_values_reopens_exactly():
    query = {"surf": "beale", "lr2.beale": "0.002", "steps2.beale": "300",
             "start.beale": "1,2", "curve": "cube", "lr.cube": "0.05", "steps": "40"}
    at = page(query)
    check(at)
    assert not url_notices(at), url_notices(at)
    assert at.select_slider(key="lr2.beale").value == 0.002
    assert at.slider(key="steps2.beale").value == 300
    assert at.select_slider(key="lr.cube").value == 0.05
    assert "Start point: (1, 2)" in text(at)
    for key, value in query.items():
        assert str(at.query_params[key]) == value, (key, at.query_params[key])


def test_the_cubic_stalls_at_the_flat_point_by_default():
    at = page({"curve": "cube"})
    check(at)
    body = text(at)
    assert "**Stalled at the flat point.**" in body, body
    assert "η < 1/(3w₀) = 0.2222" in body and "stalls short of the flat point" in body, body
    at = page({"curve": "cube", "lr.cube": "0.3"})
    assert "jumps past 0" in text(at), text(at)
