"""The race lesson's decisions (core.lessons.optimizer_race): fed rows where each answer
is right, they name it; fed each stage's own runs, they name what the runs show; and a
changed stage whose runs show something else gets the other answer."""

import pytest

from core.experiments.race import Standing, leaderboard
from core.experiments.race_stages import STAGES, run_stage, standings
from core.lessons.optimizer_race import (
    adam_answer,
    adaptive_answer,
    family,
    momentum_answer,
    place,
    ravine_answer,
    stage_answer,
    tuned_answer,
)
from core.training.sweep import lr_grid

GRID = lr_grid(1e-5, 10.0, 25)        # the race page's sweep grid (ui.optimizer_race.data)
BY_KEY = {s.key: s for s in STAGES}


def row(racer, k=-1, loss=0.5, diverged=-1):
    return Standing(racer, k, loss, 0.0, diverged)


@pytest.mark.parametrize("sgd, answer", [
    (row("sgd", loss=0.01), "crawl"),
    (row("sgd", diverged=12), "diverge"),
    (row("sgd", k=40, loss=1e-6), "fast"),
])
def test_ravine_answer(sgd, answer):
    assert ravine_answer(sgd) == answer


@pytest.mark.parametrize("mom, sgd, answer", [
    (row("momentum", k=89), row("sgd"), "sooner"),
    (row("momentum", k=30), row("sgd", k=60), "sooner"),
    (row("momentum", k=60), row("sgd", k=30), "same"),          # arrived, but later
    (row("momentum", loss=0.2), row("sgd", loss=0.01), "same"),
    (row("momentum", diverged=8), row("sgd"), "diverge"),
])
def test_momentum_answer(mom, sgd, answer):
    assert momentum_answer(mom, sgd) == answer


def test_adaptive_answer():
    turned = {"adagrad": row("adagrad", loss=0.6), "rmsprop": row("rmsprop", loss=0.3)}
    aligned = {"adagrad": row("adagrad", k=33), "rmsprop": row("rmsprop", k=31)}
    assert adaptive_answer(turned, aligned) == "axes"
    same = {r: row(r, k=v.steps_to_tol) for r, v in aligned.items()}
    assert adaptive_answer(same, aligned) == "either"          # a tie: no cost of the turn
    one = {**aligned, "rmsprop": row("rmsprop", loss=0.3)}      # only one does better aligned
    assert adaptive_answer(turned, one) == "either"
    with pytest.raises(ValueError):
        adaptive_answer(turned, {"adagrad": aligned["adagrad"]})


@pytest.mark.parametrize("adam, answer", [
    (row("adam", k=10), "first"), (row("adam", k=180), "middle"),
    (row("adam", loss=0.9), "last"), (row("adam", diverged=3), "last"),
])
def test_adam_answer(adam, answer):
    rows = [row("momentum", k=89), row("rmsprop", loss=0.01), adam]
    assert adam_answer(rows) == answer
    assert place("adam", rows) == [r.racer for r in leaderboard(rows)].index("adam") + 1


@pytest.mark.parametrize("winner, answer", [
    ("adam", "adam"), ("momentum", "classic"), ("sgd", "classic"), ("rmsprop", "adaptive"),
    ("adagrad", "adaptive"),
])
def test_tuned_answer(winner, answer):
    rows = [row(r, k=50 if r == winner else -1) for r in
            ("sgd", "momentum", "adagrad", "rmsprop", "adam")]
    assert tuned_answer(rows) == answer
    assert family(winner) == answer
    with pytest.raises(ValueError):
        tuned_answer([])


def answer_of(stage):
    runs, _, aligned = run_stage(stage, GRID)
    return stage_answer(stage, runs, aligned), standings(stage, runs)


def with_preset(stage, **changes):
    return stage._replace(preset=stage.preset._replace(**changes))


@pytest.mark.parametrize("key, answer", [
    ("ravine", "crawl"), ("momentum", "sooner"), ("adaptive", "axes"), ("adam", "middle"),
    ("tuned", "adam"),
])
def test_each_stage_at_its_own_settings(key, answer):
    got, rows = answer_of(BY_KEY[key])
    assert got == answer, (key, got, rows)


def test_changed_stages_get_the_other_answers():
    ravine = BY_KEY["ravine"]
    # η above 2/κ = 0.0154: the steps across the valley grow, and SGD diverges
    hot = with_preset(ravine, knobs={"sgd": {"lr": 0.016}})
    assert answer_of(hot)[0] == "diverge"
    assert answer_of(with_preset(ravine, steps=1000))[0] == "fast"
    flat = with_preset(BY_KEY["momentum"], knobs={"sgd": {"lr": 0.015},
                                                  "momentum": {"lr": 0.015, "momentum": 0.0}})
    assert answer_of(flat)[0] == "same"                    # momentum 0 is plain SGD
    assert answer_of(with_preset(BY_KEY["adaptive"], angle=0.0))[0] == "either"
    slow = with_preset(BY_KEY["adam"], knobs={**BY_KEY["adam"].preset.knobs,
                                              "adam": {"lr": 0.01}})
    assert answer_of(slow)[0] == "last"
    got, rows = answer_of(with_preset(BY_KEY["tuned"], racers=("sgd", "adagrad", "rmsprop")))
    assert got == family(leaderboard(list(rows.values()))[0].racer) != "adam"
