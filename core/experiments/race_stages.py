"""The race's guided lesson in five stages: ready-made races in the article's order, and
the measurements each stage's lesson rests on.

1. ``ravine``    plain SGD in a narrow turned valley (the bowl ½(u² + κv²), κ = 130,
                 turned 30°): one step size η must stay below 2/κ across the valley, so
                 along it, where the curvature is 1, each step shrinks the distance only
                 by the factor (1 − η);
2. ``momentum``  SGD and momentum at the same η on the same ravine;
3. ``adaptive``  AdaGrad and RMSProp on the turned ravine, measured against the same
                 rules on the same bowl turned back onto the axes (angle 0): a per-weight
                 step size can only stretch along x and y;
4. ``adam``      Adam (momentum + RMSProp's per-weight cache) beside its two parents;
5. ``tuned``     the article's five, each at the best rate of its own sweep.

Nothing here is a typed result: :func:`lesson` turns the runs a page shows into
:class:`Sentence` records (a text id plus racer codes and raw numbers), choosing the
wording by what the runs measured, through the race's own :func:`standing` and
:func:`leaderboard`. When a run does not show the textbook claim, the record says what
it shows instead. The race page's guided lesson asks one question per stage; the answer
each stage's runs bear out is decided in :mod:`core.lessons.optimizer_race`.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.experiments.race import Preset, Standing, chosen_lr, leaderboard, standing
from core.experiments.racers import default_knobs, race_surface, run_racer, tune
from core.training.run import Trajectory

STAGE_TOL = 1e-3
RAVINE = {"surface": "bowl", "start": (-4.5, 2.0), "kappa": 130.0, "angle": 30.0,
          "steps": 200}
# η·κ = 1.95: just stable across the valley (below 2/κ), so SGD visibly zig-zags across
# it, while along it, where the curvature is 1, each step keeps 1 − η = 98.5% of the way.
LR_SGD = 0.015
MOMENTUM = {"lr": LR_SGD, "momentum": 0.9}
FIVE = ("sgd", "momentum", "adagrad", "rmsprop", "adam")


class Stage(NamedTuple):
    """One stage: its code (the text ids' suffix), its race, and the tolerance its
    lesson counts steps to."""

    key: str
    preset: Preset
    tol: float = STAGE_TOL


def _ravine(racers: tuple[str, ...], knobs: dict, lr_mode: str = "own") -> Preset:
    r = RAVINE
    return Preset(r["surface"], r["start"], racers, knobs, lr_mode=lr_mode, steps=r["steps"],
                  kappa=r["kappa"], angle=r["angle"])


STAGES: tuple[Stage, ...] = (
    Stage("ravine", _ravine(("sgd",), {"sgd": {"lr": LR_SGD}})),
    Stage("momentum", _ravine(("sgd", "momentum"), {"sgd": {"lr": LR_SGD}, "momentum": MOMENTUM})),
    Stage("adaptive", _ravine(("adagrad", "rmsprop"),
                              {"adagrad": {"lr": 1.0}, "rmsprop": {"lr": 0.1}})),
    # RMSProp and Adam at the same η = 1: what Adam's first moment adds to RMSProp.
    Stage("adam", _ravine(("momentum", "rmsprop", "adam"),
                          {"momentum": MOMENTUM, "rmsprop": {"lr": 1.0}, "adam": {"lr": 1.0}})),
    Stage("tuned", _ravine(FIVE, {}, lr_mode="tuned")),
)


class Sentence(NamedTuple):
    """One sentence of a lesson: its text id (below ``optimizer_race.stage.``) and the
    values it quotes (racer codes under ``name``/``first``…, raw numbers otherwise)."""

    key: str
    values: dict


def stage_surface(stage: Stage, angle: float | None = None):
    p = stage.preset
    return race_surface(p.surface, p.kappa, p.angle if angle is None else angle)


def stage_knobs(stage: Stage, racer: str) -> dict:
    """The knobs a stage loads for a racer: the library's defaults, then the stage's own."""
    return {**default_knobs(racer), **stage.preset.knobs.get(racer, {})}


def stage_runs(stage: Stage, run, sweep, knobs=None) -> tuple[dict, dict, dict | None]:
    """(runs, rates, aligned runs or None) of a stage, through the caller's own calls:
    ``run(racer, knobs, angle) -> Trajectory`` on the stage's bowl turned by ``angle``,
    ``sweep(racer, knobs) -> Sweep`` (asked only in ``tuned`` mode), ``knobs(racer)``
    (default :func:`stage_knobs`). Each racer runs at the rate
    :func:`core.experiments.race.chosen_lr` picks: its own, or the best of its sweep;
    for ``adaptive`` the same racers, knobs and rates also run at angle 0."""
    p = stage.preset
    knobs = knobs or (lambda r: stage_knobs(stage, r))
    runs, lrs, used = {}, {}, {}
    for r in p.racers:
        k = knobs(r)
        sw = sweep(r, k) if p.lr_mode == "tuned" else None
        lrs[r] = chosen_lr(p.lr_mode, k["lr"], p.shared_lr, sw)[0]
        used[r] = {**k, "lr": lrs[r]}
        runs[r] = run(r, used[r], p.angle)
    aligned = {r: run(r, used[r], 0.0) for r in p.racers} if stage.key == "adaptive" else None
    return runs, lrs, aligned


def run_stage(stage: Stage, grid) -> tuple[dict, dict, dict | None]:
    """(runs, rates, aligned runs or None) of a stage as the race page runs it
    (:func:`stage_runs`), with the rate sweeps over ``grid``."""
    p = stage.preset

    def run(r, knobs, angle):
        return run_racer(r, "torch", knobs, stage_surface(stage, angle), p.start, p.steps)

    def sweep(r, knobs):
        return tune(r, "torch", knobs, stage_surface(stage), p.start, p.steps, grid)

    return stage_runs(stage, run, sweep)


def crossings(points: np.ndarray, angle: float) -> int:
    """How often a path on the turned bowl crosses the valley floor: sign changes of
    v = y cos θ − x sin θ along it (a zig-zag crosses at nearly every step)."""
    pts = np.asarray(points, dtype=float)
    pts = pts[np.all(np.isfinite(pts), axis=-1)]
    th = math.radians(angle)
    v = pts[:, 1] * math.cos(th) - pts[:, 0] * math.sin(th)
    s = np.sign(v[np.abs(v) > 1e-12])
    return int(np.count_nonzero(s[1:] != s[:-1]))


def standings(stage: Stage, runs: dict[str, Trajectory], angle: float | None = None
              ) -> dict[str, Standing]:
    """Each racer's leaderboard row (the race's own :func:`standing`) at the stage's tol."""
    s = stage_surface(stage, angle)
    f_star = min(m.value for m in s.minima)
    return {r: standing(r, tr, f_star, stage.tol, s.nearest_minimum_distance)
            for r, tr in runs.items()}


def arrival(row: Standing, lr: float, steps: int, tol: float) -> Sentence:
    """Where one racer got: within tol at step k (and stayed, or ended above it again),
    still short after all steps, or diverged."""
    v = {"name": row.racer, "lr": lr, "steps": steps}
    if row.steps_to_tol >= 0:
        key = "arrived" if row.final_loss <= tol else "arrived_left"
        return Sentence(key, v | {"k": row.steps_to_tol, "loss": row.final_loss})
    if row.diverged_at >= 0:
        return Sentence("diverged", v | {"k": row.diverged_at})
    return Sentence("short", v | {"loss": row.final_loss})


def ahead(a: Standing, b: Standing) -> bool:
    """True when the leaderboard ranks ``a`` above ``b`` (``a`` reached sooner, or ended
    lower)."""
    return leaderboard([b, a])[0] is a


def place(racer: str, rows: list[Standing]) -> int:
    """``racer``'s place on the leaderboard of ``rows`` (1 = first)."""
    return [r.racer for r in leaderboard(rows)].index(racer) + 1


def lesson(stage: Stage, runs: dict[str, Trajectory], lrs: dict[str, float],
           aligned: dict[str, Trajectory] | None = None) -> list[Sentence]:
    """The stage's lesson from the runs shown (racer → Trajectory) at the rates ``lrs``;
    ``aligned``: for ``adaptive``, the same racers on the bowl at angle 0."""
    rows = standings(stage, runs)
    p = stage.preset
    said = [arrival(rows[r], lrs[r], p.steps, stage.tol) for r in p.racers]
    return _VERDICTS[stage.key](stage, rows, runs, lrs, said, aligned)


def _ravine_lesson(stage, rows, runs, lrs, said, aligned):
    p, sgd = stage.preset, rows["sgd"]
    out = [Sentence("ravine.limit", {"lr": lrs["sgd"], "kappa": p.kappa, "limit": 2 / p.kappa})]
    n = crossings(runs["sgd"].points, p.angle)
    out.append(Sentence("ravine.crossed" if n else "ravine.straight", {"n": n}))
    out += said
    key = "ravine.fast" if sgd.steps_to_tol >= 0 else "ravine.crawl"
    return out + [Sentence(key, {"factor": 1 - lrs["sgd"], "steps": p.steps,
                                 "shrink": (1 - lrs["sgd"]) ** p.steps})]


def _momentum_lesson(stage, rows, runs, lrs, said, aligned):
    sgd, mom = rows["sgd"], rows["momentum"]
    angle = stage.preset.angle
    said = said + [Sentence("momentum.swings", {
        "sgd_n": crossings(runs["sgd"].points, angle),
        "mom_n": crossings(runs["momentum"].points, angle)})]
    if mom.steps_to_tol >= 0 and ahead(mom, sgd):
        if sgd.steps_to_tol >= 0:
            return said + [Sentence("momentum.sooner", {"ratio": sgd.steps_to_tol /
                                                        mom.steps_to_tol})]
        return said + [Sentence("momentum.only", {"steps": stage.preset.steps})]
    return said + [Sentence("momentum.no_gain", {})]


def _adaptive_lesson(stage, rows, runs, lrs, said, aligned):
    if aligned is None:
        raise ValueError("the adaptive stage's lesson needs the runs on the aligned bowl")
    p = stage.preset
    flat = standings(stage, aligned, angle=0.0)
    out = [Sentence("adaptive.turned", {"angle": p.angle})] + said
    out.append(Sentence("adaptive.aligned", {}))
    out += [arrival(flat[r], lrs[r], p.steps, stage.tol) for r in p.racers]
    better = all(ahead(flat[r], rows[r]) for r in p.racers)
    return out + [Sentence("adaptive.axes" if better else "adaptive.no_axes", {})]


def _adam_lesson(stage, rows, runs, lrs, said, aligned):
    adam = rows["adam"]
    over = "adam.over_rmsprop" if ahead(adam, rows["rmsprop"]) else "adam.not_over_rmsprop"
    k = place("adam", list(rows.values()))
    out = said + [Sentence("adam.place", {"k": k, "of": len(rows)}), Sentence(over, {})]
    key = "adam.over_momentum" if ahead(adam, rows["momentum"]) else "adam.not_over_momentum"
    return out + [Sentence(key, {})]


def _tuned_lesson(stage, rows, runs, lrs, said, aligned):
    board = leaderboard(list(rows.values()))
    reached = [r for r in board if r.steps_to_tol >= 0]
    out = said + [Sentence("tuned.count", {"n": len(reached), "of": len(board)})]
    if len(reached) >= 2:
        first, last = reached[0], reached[-1]
        out.append(Sentence("tuned.spread", {"first": first.racer, "last": last.racer,
                                             "ratio": last.steps_to_tol /
                                             max(first.steps_to_tol, 1)}))
    elif reached:
        out.append(Sentence("tuned.alone", {"first": reached[0].racer}))
    return out


_VERDICTS = {"ravine": _ravine_lesson, "momentum": _momentum_lesson,
             "adaptive": _adaptive_lesson, "adam": _adam_lesson, "tuned": _tuned_lesson}
