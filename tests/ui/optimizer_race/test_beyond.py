"""The Optimizer Race beyond the article's seven: the newer racers, schedules, Muon in the
network and the "beyond Adam" preset, in AppTest. Pages open without exceptions in en
and zh; links reopen exactly; bad values give the notice; the race under a schedule is
the core's scheduled run; every number the new sentences quote is recomputed here."""

import numpy as np
import pytest

from core.experiments.network_race import MUON_RACER
from core.experiments.race import HOP_WINDOW, PRESETS, chosen_lr, hop_range, hops, standing
from core.experiments.racers import (
    TORCH_ONLY,
    averaged_points,
    default_knobs,
    race_start,
    race_surface,
    run_racer,
    tune,
)
from core.optimizers import make
from tests.apputil import assert_clean, chart_frames, open_page
from ui.numbers import fmt
from ui.optimizer_race.data import SWEEP_LRS
from ui.schedules import KNOB, NAMES, Choice
from ui.text import CATALOGUE

PAGE = "pages/3_Optimizer_Race.py"
EN, ZH = CATALOGUE["en"], CATALOGUE["zh"]
P = "optimizer_race."


def race(query):
    return open_page(PAGE, query)


def board(at):
    """The leaderboard (in projector mode an st.table, its Markdown escaped: ``\\#``)."""
    return next(d.value for d in [*at.dataframe, *at.table] if d.value.columns[0] in ("#", "\\#"))


def text(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                     + [i.value for i in at.info])


def url_notices(at) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith("The link set")]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("racer", TORCH_ONLY)
def test_each_new_racer_with_a_schedule_opens_cleanly(racer, lang):
    sched = NAMES[1 + TORCH_ONLY.index(racer) % (len(NAMES) - 1)]
    at = race({"opts": f"adam,{racer}", "sched": sched, "lang": lang, "steps": "150"})
    assert_clean(at)
    names = set(board(at).iloc[:, 1])
    label = (EN if lang == "en" else ZH)[P + f"racer.{racer}"]
    assert label in names, names
    assert any(x.value for x in at.latex), "the schedule's formula is shown"


@pytest.mark.parametrize("section", ["fair", "inside", "network"])
def test_all_racers_in_every_section_with_a_schedule_projector_zh(section):
    at = race({"opts": "sgd,momentum,adam," + ",".join(TORCH_ONLY), "sched": "warmup_cosine",
               "closer": section, "projector": "1", "lang": "zh", "steps": "100",
               "nsteps": "100"})
    assert_clean(at)
    assert len(board(at)) == 3 + len(TORCH_ONLY)


def test_links_reopen_exactly():
    query = {"opts": "rprop,asgd,adafactor,lion,schedule_free_adamw", "lrmode": "own",
             "sched": "step_lr", "sched.gamma": "0.3", "rprop.eta_minus": "0.3",
             "rprop.eta_plus": "1.5", "asgd.t0": "100", "asgd.alpha": "0.5",
             "asgd.lambd": "0.002", "adafactor.beta2_decay": "-0.5", "adafactor.d": "2.5",
             "lion.b1": "0.95", "schedule_free_adamw.warmup_steps": "50", "lion.lr": "0.003"}
    at = race(query)
    assert_clean(at)
    assert not url_notices(at)
    for key, value in query.items():
        got = at.query_params[key]
        got = got[0] if isinstance(got, list) else got
        assert got == value, (key, got, value)
    assert at.slider(key="sched.gamma").value == 0.3
    assert at.slider(key="schedule_free_adamw.warmup_steps").value == 50
    assert at.select_slider(key="asgd.t0").value == 100.0


@pytest.mark.parametrize("query", [
    {"sched": "banana"}, {"sched": "step_lr", "sched.gamma": "2"},
    {"sched": "cosine_annealing_warm_restarts", "sched.cycles": "2.5"},
    {"sched": "exponential_lr", "sched.final": "nan"},
    {"opts": "rprop", "rprop.eta_plus": "1"}, {"opts": "rprop", "rprop.eta_minus": "1"},
    {"opts": "asgd", "asgd.t0": "0"}, {"opts": "adafactor", "adafactor.beta2_decay": "0.5"},
    {"opts": "schedule_free_adamw", "schedule_free_adamw.warmup_steps": "5.5"},
    {"opts": "lion", "lion.b2": "1"}, {"closer": "network", "muon": "maybe"},
    {"opts": "muon"},
])
def test_bad_links_fall_back_with_a_notice(query):
    at = race(query)
    assert_clean(at)
    assert url_notices(at), f"no notice for {query}"


def test_keras_mode_sets_the_newer_racers_aside_and_says_why():
    at = race({"opts": "adam,lion,rprop", "conv": "keras"})
    assert_clean(at)
    assert set(board(at).iloc[:, 1]) == {"Adam"}
    note = EN[P + "torch_only"].format(names="Lion, Rprop")
    assert note in text(at), text(at)


@pytest.mark.parametrize("name", [n for n in NAMES if n != "constant"])
def test_a_schedule_changes_the_race_and_is_the_cores_run(name):
    """The drawn path under a schedule equals core's run(..., schedule=...) (float32 chart
    data) and differs from the constant-rate path."""
    s = race_surface("rosenbrock")
    knobs = {**default_knobs("adam"), "lr": 0.02}
    at = race({"opts": "adam", "lrmode": "own", "adam.lr": "0.02", "sched": name})
    assert_clean(at)
    sched = Choice(name).schedule(300)
    core_run = run_racer("adam", "torch", knobs, s, race_start(s), 300, schedule=sched)
    plain = run_racer("adam", "torch", knobs, s, race_start(s), 300)
    path = next(f for f in chart_frames(at) if {"series", "x", "y", "step"} <= set(f.columns))
    steps = path.step.to_numpy()
    np.testing.assert_allclose(path[["x", "y"]].to_numpy(), core_run.points[steps], rtol=1e-5,
                               atol=1e-6)
    assert np.max(np.abs(core_run.points[steps] - plain.points[steps])) > 1e-3
    assert fmt(float(core_run.losses[-1]), 4) in set(board(at).iloc[:, 4])


def test_schedule_knob_defaults_are_legal_and_on_their_sliders():
    for name, knob in KNOB.items():
        assert knob.lo <= knob.default <= knob.hi, name
        for value in (knob.lo, knob.hi):
            for steps in (50, 1000):
                Choice(name, ((knob.name, value),)).schedule(steps).rates(1.0, steps)


def test_schedule_free_note_quotes_its_averaged_point():
    at = race({"opts": "schedule_free_adamw", "lrmode": "own"})
    assert_clean(at)
    s = race_surface("rosenbrock")
    tr = run_racer("schedule_free_adamw", "torch", default_knobs("schedule_free_adamw")
                   | {"lr": 0.0025}, s, race_start(s), 300, record_states=True)
    f_min = min(m.value for m in s.minima)
    x = float(s.f(averaged_points(tr)[-1])) - f_min
    y = float(tr.losses[-1]) - f_min
    assert EN[P + "sf_note"].format(x=fmt(x, 4), y=fmt(y, 4)) in text(at), text(at)


def test_muon_note_length_is_cores_muon_step():
    """The note on why Muon is not on the map comes with the rules beyond the article's,
    not with a race of the article's own."""
    at = race({"opts": "adam,lion"})
    opt = make("muon", lr=1.0, weight_decay=0.0)
    x = np.zeros((1, 2))
    u, _ = opt.update(np.array([[1.0, -2.0]]), opt.init(x), x)
    length = float(np.linalg.norm(u))
    assert 0.5 < length < 1.0, length
    assert EN[P + "muon_note"].format(length=fmt(length, 2)) in text(at)
    assert EN[P + "muon_note"][:20] not in text(race({}))


def test_muon_trains_the_network_as_a_racer():
    at = race({"closer": "network", "opts": "adam", "lrmode": "own", "nsteps": "100"})
    assert_clean(at)
    table = next(d.value for d in at.dataframe if EN[P + "net.accuracy"] in d.value.columns)
    rows = dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))
    assert rows[EN[P + f"racer.{MUON_RACER}"]] == "0.001", rows
    off = race({"closer": "network", "opts": "adam", "muon": "0", "nsteps": "100"})
    table = next(d.value for d in off.dataframe if EN[P + "net.accuracy"] in d.value.columns)
    assert EN[P + f"racer.{MUON_RACER}"] not in set(table.iloc[:, 0])


def test_beyond_adam_preset_says_only_what_its_run_shows():
    at = race({})
    at.selectbox(key="_preset").select("beyond_adam").run()
    at.button(key="_preset_load").click().run()
    assert_clean(at)
    p = PRESETS["beyond_adam"]
    s = race_surface(p.surface)
    f_min = min(m.value for m in s.minima)
    said = text(at)
    runs, lrs = {}, {}
    for r in p.racers:
        knobs = default_knobs(r)
        sw = tune(r, "torch", knobs, s, p.start, p.steps, SWEEP_LRS)
        lrs[r] = chosen_lr("tuned", knobs["lr"], 0.0, sw)[0]
        runs[r] = run_racer(r, "torch", {**knobs, "lr": lrs[r]}, s, p.start, p.steps)
    for r in ("rprop", "schedule_free_adamw", "lion"):
        row = standing(r, runs[r], f_min, 1e-3)
        if r != "lion":
            assert row.steps_to_tol >= 0, f"{r} should arrive in this preset: {row}"
        elif row.steps_to_tol < 0:
            continue
        sentence = EN[P + "beyond.arrived"].format(name=EN[P + f"racer.{r}"],
                                                   k=row.steps_to_tol, lr=fmt(lrs[r]))
        assert sentence in said, (sentence, said)
    lion = standing("lion", runs["lion"], f_min, 1e-3)
    assert lion.diverged_at < 0, lion
    lo, hi = hop_range(runs["lion"], f_min)
    assert lo > 1e-3, "Lion's loss stays above the tolerance over its last steps"
    assert hops(runs["lion"]), "and it goes up and down there"
    sentence = EN[P + "beyond.lion"].format(lr=fmt(lrs["lion"]), n=HOP_WINDOW, lo=fmt(lo),
                                            hi=fmt(hi))
    assert sentence in said, (sentence, said)
    steps = np.abs(np.diff(runs["lion"].points, axis=0))
    np.testing.assert_allclose(steps, lrs["lion"], rtol=1e-9, err_msg="±η in each coordinate")


def test_lion_hop_sentence_only_without_a_schedule_and_only_when_it_hops():
    """Under a schedule Lion's step is η_t, not η, and on Rosenbrock it still crawls down:
    the sentence must not appear there."""
    at = race({"opts": "lion,adam", "sched": "cosine_annealing_lr"})
    assert_clean(at)
    assert "moves every coordinate by exactly" not in text(at)
