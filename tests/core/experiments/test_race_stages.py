"""The race lesson's five stages: each stage, at its own settings, shows what its lesson
claims (measured through the race's leaderboard), and the wording switches to what the
run shows when a changed stage does not show it."""

import math

import numpy as np
import pytest

from core.experiments.race import Standing, leaderboard
from core.experiments.race_stages import (
    STAGES,
    arrival,
    crossings,
    lesson,
    place,
    run_stage,
    stage_knobs,
    stage_runs,
    standings,
)
from core.training.sweep import lr_grid

GRID = lr_grid(1e-5, 10.0, 25)        # the race page's sweep grid (ui.optimizer_race.data)
BY_KEY = {s.key: s for s in STAGES}


def keys(sentences) -> list[str]:
    return [s.key for s in sentences]


def measured(stage):
    runs, lrs, aligned = run_stage(stage, GRID)
    return runs, lrs, aligned, lesson(stage, runs, lrs, aligned)


def with_preset(stage, **changes):
    return stage._replace(preset=stage.preset._replace(**changes))


def test_five_stages_in_the_article_order():
    assert [s.key for s in STAGES] == ["ravine", "momentum", "adaptive", "adam", "tuned"]
    assert STAGES[-1].preset.lr_mode == "tuned"
    assert all(s.preset.lr_mode == "own" for s in STAGES[:-1])


def test_stage_1_sgd_zig_zags_and_crawls_in_the_ravine():
    stage = BY_KEY["ravine"]
    runs, lrs, _, said = measured(stage)
    row = standings(stage, runs)["sgd"]
    assert lrs["sgd"] < 2 / stage.preset.kappa, "the rate must be stable across the valley"
    n = crossings(runs["sgd"].points, stage.preset.angle)
    assert n >= 10, f"SGD crossed the valley floor only {n} times: no zig-zag to see"
    assert row.steps_to_tol < 0 and row.diverged_at < 0, row
    assert keys(said) == ["ravine.limit", "ravine.crossed", "short", "ravine.crawl"]
    assert said[1].values["n"] == n
    assert math.isclose(said[-1].values["shrink"], (1 - lrs["sgd"]) ** stage.preset.steps)


def test_stage_1_wording_switches_when_sgd_arrives():
    stage = with_preset(BY_KEY["ravine"], steps=1000)
    *_, said = measured(stage)
    assert keys(said)[-1] == "ravine.fast" and said[2].key == "arrived", said


def test_stage_2_momentum_arrives_sooner_than_sgd_at_the_same_rate():
    stage = BY_KEY["momentum"]
    runs, lrs, _, said = measured(stage)
    rows = standings(stage, runs)
    assert lrs["sgd"] == lrs["momentum"]
    mom, sgd = rows["momentum"], rows["sgd"]
    assert mom.steps_to_tol >= 0, mom
    assert sgd.steps_to_tol < 0 or mom.steps_to_tol < sgd.steps_to_tol, (mom, sgd)
    assert leaderboard(list(rows.values()))[0].racer == "momentum"
    assert keys(said)[-1] == "momentum.only"


def test_stage_2_wording_switches():
    long = with_preset(BY_KEY["momentum"], steps=1000)          # now SGD arrives too
    runs, _, _, said = measured(long)
    rows = standings(long, runs)
    assert said[-1].key == "momentum.sooner"
    assert math.isclose(said[-1].values["ratio"],
                        rows["sgd"].steps_to_tol / rows["momentum"].steps_to_tol)
    still = with_preset(BY_KEY["momentum"], knobs={"sgd": {"lr": 0.015},
                                                   "momentum": {"lr": 0.015, "momentum": 0.0}})
    *_, said = measured(still)                 # momentum 0 is plain SGD: no gain
    assert said[-1].key == "momentum.no_gain"


def test_stage_3_per_weight_rates_fix_an_aligned_valley_not_a_turned_one():
    stage = BY_KEY["adaptive"]
    runs, lrs, aligned, said = measured(stage)
    turned, flat = standings(stage, runs), standings(stage, aligned, angle=0.0)
    for r in stage.preset.racers:
        assert flat[r].steps_to_tol >= 0, flat[r]
        assert turned[r].steps_to_tol < 0 or turned[r].steps_to_tol > flat[r].steps_to_tol, \
            (turned[r], flat[r])
    assert said[-1].key == "adaptive.axes"
    assert [s.values.get("k") for s in said if s.key == "arrived"] == \
        [flat[r].steps_to_tol for r in stage.preset.racers]


def test_stage_3_wording_switches_when_the_valley_is_already_aligned():
    stage = with_preset(BY_KEY["adaptive"], angle=0.0)     # "turned" = aligned: no gain
    *_, said = measured(stage)
    assert said[-1].key == "adaptive.no_axes"
    with pytest.raises(ValueError, match="aligned"):
        lesson(stage, *run_stage(stage, GRID)[:2])


def test_stage_4_adam_ranks_above_rmsprop_at_the_same_rate():
    stage = BY_KEY["adam"]
    runs, lrs, _, said = measured(stage)
    rows = standings(stage, runs)
    assert lrs["adam"] == lrs["rmsprop"]
    board = [r.racer for r in leaderboard(list(rows.values()))]
    assert board.index("adam") < board.index("rmsprop"), board
    assert "adam.over_rmsprop" in keys(said)
    placed = next(s for s in said if s.key == "adam.place")
    assert placed.values == {"k": board.index("adam") + 1, "of": len(board)}
    # the momentum verdict says what the board shows, either way
    expect = "adam.over_momentum" if board.index("adam") < board.index("momentum") \
        else "adam.not_over_momentum"
    assert keys(said)[-1] == expect, (board, said)


def test_stage_4_wording_switches():
    slow = with_preset(BY_KEY["adam"], knobs={**BY_KEY["adam"].preset.knobs,
                                              "adam": {"lr": 0.01}})
    *_, said = measured(slow)
    assert keys(said)[-2:] == ["adam.not_over_rmsprop", "adam.not_over_momentum"]


def test_stage_5_each_at_its_tuned_rate():
    stage = BY_KEY["tuned"]
    runs, lrs, _, said = measured(stage)
    rows = standings(stage, runs)
    reached = [r for r in leaderboard(list(rows.values())) if r.steps_to_tol >= 0]
    count = next(s for s in said if s.key == "tuned.count")
    assert count.values == {"n": len(reached), "of": len(rows)}
    assert len(reached) >= 2, rows
    spread = said[-1]
    assert spread.key == "tuned.spread"
    assert spread.values["first"] == reached[0].racer
    assert spread.values["last"] == reached[-1].racer
    assert math.isclose(spread.values["ratio"],
                        reached[-1].steps_to_tol / reached[0].steps_to_tol)
    assert all(lrs[r] in GRID for r in stage.preset.racers), "tuned rates come from the grid"


def test_stage_5_wording_when_fewer_arrive():
    stage = with_preset(BY_KEY["tuned"], steps=50, racers=("sgd", "adam"))
    runs, lrs, _, said = measured(stage)
    rows = standings(stage, runs)
    n = sum(r.steps_to_tol >= 0 for r in rows.values())
    assert said[-1].key in {0: "tuned.count", 1: "tuned.alone", 2: "tuned.spread"}[n], said


@pytest.mark.parametrize("row, key", [
    (Standing("adam", 12, 1e-6, 0.0, -1), "arrived"),
    (Standing("adam", 12, 0.5, 0.0, -1), "arrived_left"),
    (Standing("adam", -1, 0.5, 0.0, -1), "short"),
    (Standing("adam", -1, 0.5, 0.0, 40), "diverged"),
])
def test_arrival_says_where_a_racer_got(row, key):
    s = arrival(row, 0.1, 200, 1e-3)
    assert s.key == key and s.values["name"] == "adam" and s.values["lr"] == 0.1


def test_crossings_counts_sign_changes_across_the_valley():
    # at angle 0 the valley floor is y = 0: the path goes +, −, +, +, − → 3 crossings
    path = np.array([[0, 1], [0, -1], [0, 0.5], [0, 0.2], [0, -0.1]], dtype=float)
    assert crossings(path, 0.0) == 3
    # turned by 90° the floor is x = 0 and this path never leaves it
    assert crossings(path, 90.0) == 0


@pytest.mark.parametrize("stage", STAGES, ids=[s.key for s in STAGES])
def test_stage_runs_calls_only_what_the_stage_needs(stage):
    """One loop for core and page: sweeps only in tuned mode, the aligned bowl only for
    adaptive, each run at the rate chosen (the sweep's best, or the stage's own)."""
    calls = []

    class Sweep:
        best_lr = 0.5

    def run(r, knobs, angle):
        calls.append(("run", r, knobs["lr"], angle))
        return r

    def sweep(r, knobs):
        calls.append(("sweep", r))
        return Sweep()

    runs, lrs, aligned = stage_runs(stage, run, sweep)
    p = stage.preset
    tuned = p.lr_mode == "tuned"
    assert lrs == {r: 0.5 if tuned else stage_knobs(stage, r)["lr"] for r in p.racers}
    assert sum(c[0] == "sweep" for c in calls) == (len(p.racers) if tuned else 0)
    assert runs == {r: r for r in p.racers}
    assert (aligned is not None) == (stage.key == "adaptive")
    angles = {c[3] for c in calls if c[0] == "run"}
    assert angles == ({p.angle, 0.0} if aligned else {p.angle})
    assert all(c[2] == lrs[c[1]] for c in calls if c[0] == "run")


def test_one_place_for_core_and_lesson():
    from core.lessons import optimizer_race

    assert optimizer_race.place is place
