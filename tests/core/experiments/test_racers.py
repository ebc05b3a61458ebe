"""core.experiments.racers: the newer rules race on every surface, knobs map to torch's
keywords, a schedule really changes a run (and equals the core's scheduled run), sweeps
under a schedule equal separate runs, and Schedule-Free's averaged point is read right."""

import numpy as np
import pytest

from core.experiments.racers import (
    CLASSIC_RACERS,
    RACERS,
    TORCH_ONLY,
    averaged_points,
    build,
    default_knobs,
    hparams,
    offered,
    race_start,
    race_steps,
    race_surface,
    run_racer,
    tune,
)
from core.optimizers import defaults, make, schedule_free_eval_point
from core.problems.surfaces import SURFACE_NAMES
from core.schedules import Schedule
from core.training.run import run

SCHEDULES = [Schedule("cosine_annealing_lr", {"T_max": 120}),
             Schedule("step_lr", {"step_size": 30, "gamma": 0.5}),
             Schedule("warmup_cosine", {"warmup_steps": 12})]


@pytest.mark.parametrize("surface", SURFACE_NAMES)
@pytest.mark.parametrize("racer", TORCH_ONLY)
def test_newer_racers_run_on_every_surface_at_defaults(racer, surface):
    s = race_surface(surface)
    tr = run_racer(racer, "torch", default_knobs(racer), s, race_start(s), race_steps(surface))
    assert tr.points.shape == (race_steps(surface) + 1, 2)
    assert np.all(np.isfinite(tr.points)) and np.all(np.isfinite(tr.losses))


def test_racer_lists():
    assert RACERS == CLASSIC_RACERS + TORCH_ONLY and "muon" not in RACERS
    assert offered("torch") == RACERS and offered("keras") == CLASSIC_RACERS


@pytest.mark.parametrize("racer", TORCH_ONLY)
def test_default_knobs_are_torchs_defaults(racer):
    """Building a racer from its default knobs gives exactly the rule's defaults."""
    lib = defaults(racer)
    built = build(racer, **default_knobs(racer)).hparams
    direct = make(racer).hparams
    assert built == direct, (built, direct, lib)


def test_knob_pairs_become_torch_keywords():
    assert hparams("rprop", eta_minus=0.3, eta_plus=1.5) == {"etas": (0.3, 1.5)}
    assert hparams("lion", b2=0.95) == {"betas": (0.9, 0.95)}
    hp = hparams("schedule_free_adamw", warmup_steps=20.0)
    assert hp == {"warmup_steps": 20} and isinstance(hp["warmup_steps"], int)
    assert build("asgd", lambd=1e-3, t0=10.0).hparams["t0"] == 10.0


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: s.name)
@pytest.mark.parametrize("racer", ["adam", "momentum", "lion", "schedule_free_adamw",
                                   "adafactor", "asgd", "radam", "adamax"])
def test_a_schedule_changes_the_run_and_is_the_cores_scheduled_run(racer, schedule):
    s = race_surface("rosenbrock")
    knobs = {**default_knobs(racer), "lr": 3e-4 if racer in ("momentum", "asgd") else 0.003}
    plain = run_racer(racer, "torch", knobs, s, s.start, 120)
    timed = run_racer(racer, "torch", knobs, s, s.start, 120, schedule=schedule)
    direct = run(build(racer, **knobs), s, s.start, 120, schedule=schedule)
    np.testing.assert_array_equal(timed.points, direct.points)
    gap = float(np.max(np.abs(timed.points - plain.points)))
    assert gap > 1e-6, f"{racer} under {schedule.label}: same path as without ({gap:.2e})"


@pytest.mark.parametrize("racer", ["adamax", "radam", "asgd", "lion"])
def test_scheduled_sweep_equals_separate_scheduled_runs(racer):
    s = race_surface("beale")
    sched = SCHEDULES[0]
    lrs = np.array([1e-3, 1e-2, 1e-1])
    knobs = default_knobs(racer)
    sw = tune(racer, "torch", knobs, s, race_start(s), 120, lrs, schedule=sched)
    for i, lr in enumerate(lrs):
        one = run_racer(racer, "torch", {**knobs, "lr": lr}, s, race_start(s), 120,
                        schedule=sched)
        assert one.diverged_at == sw.diverged_at[i]
        np.testing.assert_allclose(one.losses[-1], sw.final_loss[i], rtol=1e-12)


def test_schedule_free_averaged_point():
    s = race_surface("rosenbrock")
    tr = run_racer("schedule_free_adamw", "torch", {"lr": 0.01}, s, s.start, 50,
                   record_states=True)
    xs = averaged_points(tr)
    assert xs.shape == tr.points.shape
    np.testing.assert_array_equal(xs[0], tr.points[0])
    np.testing.assert_array_equal(xs[-1], schedule_free_eval_point(tr.states)[-1])
    assert np.max(np.abs(xs[1:] - tr.points[1:])) > 1e-4, "x and y are different points"
    with pytest.raises(ValueError):
        averaged_points(run_racer("schedule_free_adamw", "torch", {}, s, s.start, 3))


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: s.name)
def test_rprop_reads_the_rate_only_at_its_first_step(schedule):
    """torch's Rprop takes η as the starting step size and then adapts its own step sizes,
    so a scheduler changes its run only if it changes the first step's rate (the page says
    so). The check is exact, and fails if the schedule moves the first rate."""
    s = race_surface("beale")
    plain = run_racer("rprop", "torch", {}, s, race_start(s), 120)
    timed = run_racer("rprop", "torch", {}, s, race_start(s), 120, schedule=schedule)
    first = schedule.rates(defaults("rprop")["lr"], 120)[0]
    if first == defaults("rprop")["lr"]:
        np.testing.assert_array_equal(plain.points, timed.points)
    else:
        assert np.any(plain.points != timed.points)
