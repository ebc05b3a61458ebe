"""The Optimizer Race page in AppTest: defaults, all optimizers, every surface, Keras
conventions, extreme hyperparameters and bad links. No exception, no NaN/inf in any chart
dataset, charts small, every choice in the URL."""

import pytest

from core.experiments.racers import CLASSIC_RACERS, knob_range
from core.problems.surfaces import SURFACE_NAMES
from tests.apputil import assert_clean, chart_bytes, chart_frames, chart_specs, charts, open_page
from ui import play
from ui.optimizer_race.controls import knob_key
from ui.text import CATALOGUE

PAGE = "pages/3_Optimizer_Race.py"
EN = CATALOGUE["en"]
ALL = ",".join(CLASSIC_RACERS)     # the article's nine (the newer ones: test_beyond.py)
SECTIONS = ("fair", "inside", "network")


def race(query=None):
    return open_page(PAGE, query or {})


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def board(at):
    """The leaderboard: the table whose first column is the rank."""
    return next(d.value for d in at.dataframe if d.value.columns[0] == "#")


def url_notices(at) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith("The link set")]


def check(at, max_kb=300):
    assert_clean(at)
    assert len(charts(at)) >= 2, "the race map and the section's chart"
    kb = chart_bytes(at) / 1e3
    assert kb < max_kb, f"chart data {kb:.0f} KB"


def test_defaults():
    at = race()
    check(at)
    assert not at.warning, [w.value for w in at.warning]
    assert len(board(at)) == 5
    assert "first to get within" in markdown(at) or "Nobody got within" in markdown(at)
    assert EN["optimizer_race.fair"] in [h.value for h in at.subheader]


@pytest.mark.parametrize("section", SECTIONS)
def test_all_nine_optimizers_in_every_section(section):
    at = race({"opts": ALL, "steps": "500", "closer": section})
    check(at)
    assert len(board(at)) == 9


@pytest.mark.parametrize("surface", SURFACE_NAMES)
def test_every_surface(surface):
    at = race({"surface": surface, "opts": "sgd,momentum,rmsprop,adam", "closer": "inside",
               "look": "momentum"})
    check(at)
    assert EN[f"optimizer_race.surface_lesson.{surface}"] in [c.value for c in at.caption]


def test_condition_number_of_the_bowl():
    at = race({"surface": "bowl", "kappa": "100", "opts": "sgd,adam", "lrmode": "shared",
               "lr": "0.03"})
    check(at)
    assert at.slider(key="kappa").value == 100.0
    # at η = 0.03 plain SGD is unstable across the valley (curvature 100 > 2/η ≈ 67)
    assert "diverged at step" in " ".join(board(at).iloc[:, -1]), board(at)


@pytest.mark.parametrize("section", SECTIONS)
def test_keras_conventions(section):
    at = race({"conv": "keras", "opts": ALL, "closer": section, "look": "nadam"})
    check(at)
    info = " ".join(i.value for i in at.info)
    assert EN["optimizer_race.keras_diff.nadam"] in info
    assert at.slider(key="k.rmsprop.alpha").value == 0.9, "Keras's ρ default"
    assert at.select_slider(key="k.adagrad.eps").value == 1e-7
    assert "NAdam (Keras's variant)" in set(board(at).iloc[:, 1])
    table = next(d.value for d in at.dataframe if "Keras" in d.value.columns)
    rows = {(r.iloc[0], r.iloc[1]): (r.iloc[2], r.iloc[3]) for _, r in table.iterrows()}
    assert rows[("RMSProp", EN["optimizer_race.knob.alpha"])] == ("0.99", "0.9"), rows
    assert rows[("AdaGrad", EN["optimizer_race.knob.initial_accumulator_value"])] == ("0", "0.1")
    assert ("Adam", EN["optimizer_race.knob.b1"]) not in rows, "equal defaults are not listed"


def test_inside_view_for_every_optimizer_and_convention():
    at = race({"opts": ALL, "closer": "inside", "steps": "200"})
    for convention in ("torch", "keras"):
        at.radio(key="conv").set_value(convention).run()
        for racer in CLASSIC_RACERS:
            at.selectbox(key="look").select(racer).run()
            assert_clean(at)
            heads = [h.value for h in at.subheader]
            assert any(EN[f"optimizer_race.racer.{racer}"] in h for h in heads), heads


EXTREME = {"lrmode": "own", "opts": ALL, "steps": "200",
           **{f"{r}.lr": "10" for r in CLASSIC_RACERS},
           "adam.b1": "0.999", "adam.b2": "0.9999", "adam.eps": "1e-12",
           "adamw.b1": "0.999", "nadam.b2": "0.9999", "rmsprop.alpha": "0.9999",
           "rmsprop.eps": "1e-12", "adagrad.eps": "1e-12", "adadelta.rho": "0.9999",
           "momentum.momentum": "0.999", "nesterov.momentum": "0.999"}


@pytest.mark.parametrize("section", SECTIONS)
def test_extreme_hyperparameters(section):
    at = race({**EXTREME, "closer": section, "look": "sgd"})
    check(at)
    assert not url_notices(at), "these values are all on the sliders"
    status = " ".join(board(at).iloc[:, -1])
    assert "diverged at step" in status, board(at)


def test_tiny_eps_and_beta_near_one_inside_adam():
    at = race({"opts": "adam,rmsprop,adagrad", "lrmode": "own", "adam.b1": "0.999",
               "adam.b2": "0.9999", "adam.eps": "1e-12", "closer": "inside", "look": "adam"})
    check(at)
    for frame in chart_frames(at):
        assert len(frame) < 10_000


def test_shared_rate_at_the_maximum_for_everyone():
    at = race({"opts": ALL, "lrmode": "shared", "lr": "10", "closer": "network"})
    check(at)
    assert set(board(at).iloc[:, 2]) == {"10"}


def test_noise_is_seeded():
    a = race({"noise": "3", "seed": "5", "opts": "sgd,adam", "lrmode": "own"})
    b = race({"noise": "3", "seed": "5", "opts": "sgd,adam", "lrmode": "own"})
    c = race({"noise": "3", "seed": "6", "opts": "sgd,adam", "lrmode": "own"})
    assert board(a).equals(board(b))
    assert not board(a).equals(board(c))


@pytest.mark.parametrize("query", [
    {"opts": "banana"}, {"surface": "flatland"}, {"steps": "abc"}, {"steps": "5"},
    {"start.rosenbrock": "99,99"}, {"start.rosenbrock": "nan,1"}, {"adam.lr": "-1"},
    {"adam.b1": "1"}, {"adam.eps": "0"}, {"closer": "nope"}, {"lrmode": "best"},
    {"noise": "inf"}, {"seed": "1e9"}, {"kappa": "0", "surface": "bowl"},
    {"conv": "jax"}, {"tol": "2"}, {"closer": "inside", "look": "lion"},
    {"closer": "network", "data": "xor", "hidden": "500", "batch": "7"},
    {"opts": "nesterov", "nesterov.momentum": "0"},
    {"opts": "nesterov", "conv": "keras", "k.nesterov.momentum": "0"},
    {"kappa": "0.5", "surface": "bowl"}, {"angle": "120", "surface": "bowl"},
])
def test_bad_links_fall_back_with_a_notice(query):
    at = race(query)
    check(at)
    assert url_notices(at), f"no notice for {query}"


@pytest.mark.parametrize("convention", ["torch", "keras"])
def test_nesterov_momentum_at_the_slider_minimum(convention):
    """The slider's own minimum is legal for Nesterov's rule: no exception, no notice."""
    at = race({"opts": "nesterov,momentum", "lrmode": "own", "conv": convention})
    key = knob_key("nesterov", "momentum", convention)
    slider = at.slider(key=key)
    slider.set_value(slider.min).run()
    check(at)
    assert not url_notices(at), url_notices(at)
    assert at.slider(key=key).value == knob_range("nesterov", "momentum")[0]
    assert len(board(at)) == 2


def test_hostile_text_in_the_link_is_only_shown_as_text():
    at = race({"opts": "adam,<script>alert(1)</script>", "surface": "__import__('os')"})
    check(at)
    assert len(url_notices(at)) == 2


def test_no_optimizer_chosen_explains_itself():
    at = race({"opts": ","})
    assert_clean(at)
    assert [i.value for i in at.info] == [EN["optimizer_race.none"]]


def test_choices_are_written_to_the_url():
    at = race()
    at.number_input(key="seed").set_value(42).run()
    at.selectbox(key="surface").select("beale").run()
    at.multiselect(key="opts").select("nadam").run()
    assert at.query_params["seed"] == ["42"] or at.query_params["seed"] == "42"
    assert "beale" in str(at.query_params["surface"])
    assert "nadam" in str(at.query_params["opts"])
    assert_clean(at)


def test_ball_through_the_hole_preset():
    at = race()
    at.selectbox(key="_preset").select("ball_through_hole").run()
    at.button(key="_preset_load").click().run()
    check(at)
    assert at.selectbox(key="surface").value == "two_wells"
    assert at.multiselect(key="opts").value == ["sgd", "momentum"]
    text = markdown(at)
    assert "Ended nearest a local, not the global, minimum: SGD." in text, text
    assert "**Momentum** was first" in text, text
    assert "two_wells" in str(at.query_params["surface"])


def test_play_is_in_the_chart_not_a_server_button():
    at = race({"opts": "sgd,adam"})
    assert "race_button" not in [b.key for b in at.button]
    plays = [p for spec in chart_specs(at) for p in spec.get("params", [])
             if p["name"] == play.PLAY]
    assert plays, "the race map carries its Play switch"


def test_clicking_the_map_moves_the_start():
    at = race({"surface": "bowl", "opts": "adam"})
    at.session_state["race_map"] = {"selection": {"pick": [{"cx": 1.25, "cy": -2.5}]}}
    at.run()
    check(at)
    assert "1.25" in str(at.query_params["start.bowl"])
    assert "(1.25, -2.5)" in " ".join(c.value for c in at.caption)


def test_chinese_text():
    at = race({"lang": "zh", "opts": ALL, "closer": "network"})
    check(at)
    assert at.title[0].value == CATALOGUE["zh"]["optimizer_race.title"]


@pytest.mark.parametrize("query", [
    {"closer": "fair", "projector": "1"},
    {"closer": "inside", "look": "adam", "opts": "sgd,momentum,adam"},
    {"closer": "network", "opts": "sgd,adam", "projector": "1"},
])
def test_every_chart_is_valid_vega_lite(query):
    import jsonschema
    from altair.vegalite.v6.schema import core as vl_core

    schema = vl_core.load_schema()
    at = race(query)
    for spec in chart_specs(at):
        spec.pop("datasets", None)
        jsonschema.validate(spec, schema)


@pytest.mark.parametrize("name", ["all_on_rosenbrock", "narrow_bowl", "noisy_saddle"])
def test_every_preset_loads(name):
    from core.experiments.race import PRESETS

    at = race()
    at.selectbox(key="_preset").select(name).run()
    at.button(key="_preset_load").click().run()
    check(at)
    preset = PRESETS[name]
    assert at.selectbox(key="surface").value == preset.surface
    assert at.multiselect(key="opts").value == list(preset.racers)
    assert len(board(at)) == len(preset.racers)


def divergence_notices(at) -> list[str]:
    """Everything on the page that says a run blew up."""
    said = [w.value for w in at.warning]
    said += [line for line in markdown(at).split("\n") if "Blew up" in line]
    said += [s for d in at.dataframe for col in d.value.columns for s in d.value[col].astype(str)
             if "diverged at step" in s]
    return said


@pytest.mark.parametrize("section", SECTIONS)
def test_no_divergence_notice_at_the_defaults_of_every_section(section):
    at = race({"closer": section})
    assert_clean(at)
    assert not divergence_notices(at), divergence_notices(at)


@pytest.mark.parametrize("name", ["ball_through_hole", "all_on_rosenbrock", "narrow_bowl",
                                  "noisy_saddle"])
def test_no_divergence_notice_in_any_preset(name):
    at = race()
    at.selectbox(key="_preset").select(name).run()
    at.button(key="_preset_load").click().run()
    assert_clean(at)
    assert not divergence_notices(at), (name, divergence_notices(at))


@pytest.mark.parametrize("surface", SURFACE_NAMES)
def test_no_divergence_notice_on_any_surface_at_its_defaults(surface):
    at = race({"surface": surface})
    assert_clean(at)
    assert not divergence_notices(at), (surface, divergence_notices(at))


def test_tuned_race_says_how_the_rate_is_chosen():
    at = race()
    assert CATALOGUE["en"]["frame.tuning_rule"] in [c.value for c in at.caption]


@pytest.mark.parametrize("conv,key", [("torch", "nesterov.momentum"),
                                      ("keras", "k.nesterov.momentum")])
def test_nesterov_momentum_zero_in_a_link_gets_a_notice(conv, key):
    at = race({"opts": "nesterov", "conv": conv, key: "0"})
    assert_clean(at)
    assert url_notices(at), [w.value for w in at.warning]
    assert at.slider(key=key).value == 0.9


def test_nesterov_momentum_slider_minimum_runs():
    at = race({"opts": "nesterov,momentum", "lrmode": "own", "closer": "inside",
               "look": "nesterov"})
    at.slider(key="nesterov.momentum").set_value(at.slider(key="nesterov.momentum").min).run()
    assert_clean(at)
    at.slider(key="momentum.momentum").set_value(0.0).run()
    assert_clean(at)


@pytest.mark.parametrize("conv", ["torch", "keras"])
@pytest.mark.parametrize("end", ["min", "max"])
def test_every_knob_of_every_racer_at_its_slider_limit(conv, end):
    from core.experiments.racers import KNOBS, knob_range, offered
    from ui.optimizer_race.controls import knob_key

    query = {"opts": ",".join(offered(conv)), "conv": conv, "lrmode": "own", "steps": "50"}
    for r in offered(conv):
        for k in KNOBS[r]:
            if k == "amsgrad":
                query[knob_key(r, k, conv)] = "true" if end == "max" else "false"
            else:
                query[knob_key(r, k, conv)] = f"{knob_range(r, k)[end == 'max']:g}"
    at = race(query)
    assert_clean(at)
    assert not url_notices(at), url_notices(at)


def test_fair_section_reads_momentum_rates_as_steady_steps():
    """Wherever tuned rates of SGD and momentum are compared, η/(1 − μ) is given."""
    at = race()
    text = markdown(at)
    assert "η/(1 − μ)" in text and "Plain SGD's best η is" in text, text[-600:]


@pytest.mark.parametrize("batch", ["0", "16"])
def test_network_says_how_the_rate_is_chosen(batch):
    at = race({"closer": "network", "batch": batch, "nsteps": "100"})
    check(at)
    assert EN["frame.tuning_rule"] in [c.value for c in at.caption]


def test_inside_amsgrad_shows_v_max_not_v_hat():
    at = race({"opts": "adam", "adam.amsgrad": "true", "closer": "inside", "look": "adam"})
    check(at)
    titles = str(chart_specs(at))
    assert EN["optimizer_race.q.vmax"] in titles and EN["optimizer_race.q.v_hat"] not in titles


def test_network_with_mini_batches_tunes_over_batch_orders():
    at = race({"closer": "network", "batch": "32", "nsteps": "100", "opts": "sgd,adam"})
    check(at)


def test_switching_to_the_bowl_takes_its_steps_and_angle():
    at = race()
    assert at.slider(key="steps").value == 300
    at.selectbox(key="surface").select("bowl").run()
    assert_clean(at)
    assert at.slider(key="steps").value == 200
    assert at.slider(key="angle").value == 30.0 and at.slider(key="kappa").value == 100.0


def test_fair_chart_marks_rates_the_rule_rules_out():
    """At the defaults some rates neither diverge nor pass the rule: they are sent with
    stable = 0 (drawn hollow), the chosen ones with stable = 1."""
    frames = [f for f in chart_frames(race()) if "stable" in f.columns]
    assert frames, "no sweep frame with a stable column"
    sane = frames[0][frames[0].diverged_at < 0]
    counts = sane.stable.value_counts().to_dict()
    assert counts.get(0, 0) > 0 and counts.get(1, 0) > 0, counts


@pytest.mark.parametrize("opts", ["sgd", "sgd,momentum,adam"])
def test_fair_summary_names_the_best_rates_the_race_ran_with(opts):
    """At "each at its best" the leaderboard's η is each racer's tuned rate: the fair
    section's summary states those rates (one racer: its rate; several: the extremes)."""
    at = race({"opts": opts, "closer": "fair"})
    assert_clean(at)
    rates = {row[1]: row[2] for row in board(at).itertuples(index=False)}
    text = markdown(at)
    if len(rates) == 1:
        (name, lr), = rates.items()
        assert EN["optimizer_race.fair.single"].format(name=name, lr=lr) in text, text
    else:
        lo, hi = min(rates.values(), key=float), max(rates.values(), key=float)
        assert f"from {lo} (" in text and f"to {hi} (" in text, (rates, text)
