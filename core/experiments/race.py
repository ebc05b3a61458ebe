"""The optimizer race: the UI's nine entries, their settings, runs, sweeps and leaderboard.

The race page offers nine *racers*. Each is one rule of :mod:`core.optimizers`
(torch convention) or :mod:`core.optimizers.keras` (Keras convention) with some
settings fixed: "momentum" and "nesterov" are ``sgd`` with ``momentum > 0``. The page
talks in *knobs* — flat names such as ``b1`` and ``b2`` that a slider can hold — and
:func:`build` turns them into the rule's keyword arguments (``betas=(b1, b2)``).

Nothing here steps an optimizer itself: runs go through :func:`core.training.run.run` and
learning-rate sweeps through :func:`core.training.sweep.sweep_lr`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.optimizers import Optimizer, defaults, make
from core.optimizers.keras import keras_defaults, make_keras
from core.problems.surfaces import get_surface
from core.training.run import Trajectory, run
from core.training.sweep import Sweep, sweep_lr

RACERS: tuple[str, ...] = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta",
                           "adam", "adamw", "nadam")
CONVENTIONS: tuple[str, ...] = ("torch", "keras")
RULE: dict[str, str] = {"sgd": "sgd", "momentum": "sgd", "nesterov": "sgd",
                        "adagrad": "adagrad", "rmsprop": "rmsprop", "adadelta": "adadelta",
                        "adam": "adam", "adamw": "adamw", "nadam": "nadam"}
FIXED: dict[str, dict] = {"nesterov": {"nesterov": True}}

# The knobs each racer's panel shows, and the range a slider may take.
KNOBS: dict[str, tuple[str, ...]] = {
    "sgd": ("lr",),
    "momentum": ("lr", "momentum"),
    "nesterov": ("lr", "momentum"),
    "adagrad": ("lr", "initial_accumulator_value", "eps"),
    "rmsprop": ("lr", "alpha", "eps"),
    "adadelta": ("lr", "rho", "eps"),
    "adam": ("lr", "b1", "b2", "eps", "amsgrad"),
    "adamw": ("lr", "b1", "b2", "eps", "weight_decay", "amsgrad"),
    "nadam": ("lr", "b1", "b2", "eps"),
}
KNOB_RANGE: dict[str, tuple[float, float]] = {
    "lr": (1e-4, 10.0), "momentum": (0.0, 0.999), "b1": (0.0, 0.999), "b2": (0.5, 0.9999),
    "alpha": (0.5, 0.9999), "rho": (0.5, 0.9999), "eps": (1e-12, 1e-1),
    "initial_accumulator_value": (0.0, 1.0), "weight_decay": (0.0, 0.5),
}
# Nesterov's look-ahead needs momentum > 0 (torch refuses μ = 0), so its slider starts above 0.
RACER_RANGE: dict[tuple[str, str], tuple[float, float]] = {("nesterov", "momentum"): (0.01, 0.999)}
LOG_KNOBS = frozenset({"lr", "eps"})
MOMENTUM_DEFAULT = 0.9   # torch's momentum default is 0, which would make "momentum" plain SGD
NOISE_SEEDS = 3          # seeds a sweep averages over when the gradients are noisy

# The race's own start and number of steps per surface (other pages keep the surface's
# start). Beale's usual (3, 4) sits on a wall with gradients near 1e5, from which tuned
# momentum is flung off the map; the bowl is turned by 30° and κ = 100 so that the
# per-coordinate methods cannot use an axis-aligned valley (see ``PRESETS``).
RACE_START: dict[str, tuple[float, float]] = {"beale": (1.0, 1.5), "camel": (1.5, 0.5)}
RACE_STEPS: dict[str, int] = {"bowl": 200, "saddle": 150}
BOWL = {"kappa": 100.0, "angle": 30.0}


def knob_range(racer: str, knob: str) -> tuple[float, float]:
    """The range a racer's slider may take: every value in it is legal for the rule."""
    return RACER_RANGE.get((racer, knob), KNOB_RANGE[knob])


def race_surface(key: str, kappa: float = BOWL["kappa"], angle: float = BOWL["angle"]):
    """The surface a race runs on: the bowl with its κ and angle, the others as listed."""
    return get_surface(key, kappa=kappa, angle=angle) if key == "bowl" else get_surface(key)


def race_start(surface) -> tuple[float, float]:
    """Where a race on ``surface`` starts unless the user picks another point."""
    return RACE_START.get(surface.key, surface.start)


def race_steps(key: str) -> int:
    return RACE_STEPS.get(key, 300)


def default_knobs(racer: str, convention: str = "torch") -> dict:
    """The knob values a panel starts from: the library's defaults for the rule."""
    rule = RULE[_racer(racer)]
    hp = defaults(rule) if _convention(convention) == "torch" else keras_defaults(rule)
    knobs = {}
    for knob in KNOBS[racer]:
        if knob in ("b1", "b2"):
            knobs[knob] = float(hp["betas"][knob == "b2"])
        elif knob == "momentum":
            knobs[knob] = MOMENTUM_DEFAULT
        else:
            knobs[knob] = hp[knob]
    return knobs


def hparams(racer: str, **knobs) -> dict:
    """Keyword arguments of the racer's rule for the given knobs (missing knobs keep the
    rule's default; knobs the racer does not show are refused)."""
    extra = sorted(set(knobs) - set(KNOBS[_racer(racer)]))
    if extra:
        raise ValueError(f"{racer}: no knob {', '.join(extra)}; it has {', '.join(KNOBS[racer])}")
    hp = dict(FIXED.get(racer, {}))
    if racer in ("momentum", "nesterov"):
        hp["momentum"] = knobs.get("momentum", MOMENTUM_DEFAULT)
    for knob, value in knobs.items():
        if knob not in ("b1", "b2", "momentum"):
            hp[knob] = value
    if "b1" in knobs or "b2" in knobs:
        b1, b2 = defaults(RULE[racer])["betas"]
        hp["betas"] = (knobs.get("b1", b1), knobs.get("b2", b2))
    return hp


def build(racer: str, convention: str = "torch", **knobs) -> Optimizer:
    """The optimizer behind a racer, in torch's or Keras's convention."""
    maker = make if _convention(convention) == "torch" else make_keras
    return maker(RULE[_racer(racer)], **hparams(racer, **knobs))


def run_racer(racer: str, convention: str, knobs: dict, objective, x0, steps: int, *,
              grad_noise: float = 0.0, seed: int | None = None,
              record_states: bool = False, track_loss: bool = True) -> Trajectory:
    """One racer's trajectory: :func:`core.training.run.run` with that racer's optimizer.

    Every racer of a race gets the same ``seed``, so all see the same gradient noise
    (or the same mini-batches).
    """
    return run(build(racer, convention, **knobs), objective, x0, steps, grad_noise=grad_noise,
               seed=seed, record_states=record_states, track_loss=track_loss)


def tune(racer: str, convention: str, knobs: dict, objective, x0, steps: int, lrs, *,
         grad_noise: float = 0.0, seed: int | None = None, final_loss=None,
         f_ref: float | None = None) -> Sweep:
    """The racer's learning-rate sweep (:func:`core.training.sweep.sweep_lr`), batched over
    the rates.

    With gradient noise it runs ``NOISE_SEEDS`` seeds (seed, seed + 1, ...): scores are
    averaged and a rate must be stable on every seed, as in ``sweep_lr(seeds=...)``. On a
    surface (an objective with a ``domain``) a rate whose path leaves the map on any seed
    also counts as unstable: the race is drawn on that map. ``f_ref`` (default: the
    objective's lowest listed minimum, else 0) is the loss the gaps are measured from.
    """
    maker = make if _convention(convention) == "torch" else make_keras
    hp = hparams(racer, **{k: v for k, v in knobs.items() if k != "lr"})
    base = 0 if seed is None else int(seed)
    seeds = tuple(base + i for i in range(NOISE_SEEDS)) if grad_noise else None
    domain = getattr(objective, "domain", None)
    keep = None if domain is None else (lambda tr: on_map(tr, domain))
    return sweep_lr(RULE[racer], hp, objective, x0, steps, lrs, grad_noise=grad_noise,
                    seed=seed, seeds=seeds, final_loss=final_loss, f_ref=f_ref, keep=keep,
                    maker=maker)


def on_map(tr: Trajectory, domain) -> np.ndarray:
    """For each run of a batched trajectory: True when every point lies inside ``domain``
    ((x_lo, x_hi), (y_lo, y_hi)) and the run never diverged."""
    (x0, x1), (y0, y1) = domain
    p = tr.points
    inside = (p[..., 0] >= x0) & (p[..., 0] <= x1) & (p[..., 1] >= y0) & (p[..., 1] <= y1)
    return np.all(inside, axis=0) & (np.asarray(tr.diverged_at) < 0)


# ------------------------------------------------------------------ leaderboard


class Standing(NamedTuple):
    """One leaderboard row.

    steps_to_tol  first step k with f(x_k) − f* ≤ tol, or -1 if never (before diverging)
    final_loss    f at the last sane point
    distance      distance from the last sane point to the nearest known minimum
                  (NaN when the objective lists no minima)
    diverged_at   step of divergence, -1 if the run stayed sane
    """

    racer: str
    steps_to_tol: int
    final_loss: float
    distance: float
    diverged_at: int


def steps_to_tolerance(losses: np.ndarray, f_star: float, tol: float) -> int:
    """First index k with losses[k] − f* ≤ tol, or -1."""
    hit = np.asarray(losses) - f_star <= tol
    return int(np.argmax(hit)) if hit.any() else -1


def standing(racer: str, tr: Trajectory, f_star: float, tol: float, distance=None) -> Standing:
    """The leaderboard row of one single-trajectory run (losses of shape (steps+1,))."""
    diverged = int(tr.diverged_at)
    losses = tr.losses if diverged < 0 else tr.losses[:diverged]
    last = tr.points[-1]
    dist = float(distance(last)) if distance is not None else float("nan")
    return Standing(racer, steps_to_tolerance(losses, f_star, tol), float(tr.losses[-1]),
                    dist, diverged)


def leaderboard(rows: list[Standing]) -> list[Standing]:
    """Rank: runs that reached the tolerance (fewest steps first), then the rest by final
    loss, then diverged runs (latest divergence first)."""
    def key(r: Standing):
        if r.diverged_at >= 0 and r.steps_to_tol < 0:
            return (2, -r.diverged_at, 0.0)
        if r.steps_to_tol >= 0:
            return (0, r.steps_to_tol, r.final_loss)
        return (1, 0, r.final_loss)
    return sorted(rows, key=key)


def nearest_minimum(surface, point) -> int:
    """Index (in ``surface.minima``) of the listed minimum closest to ``point``."""
    centres = np.array([m.point for m in surface.minima], dtype=float)
    return int(np.argmin(np.linalg.norm(centres - np.asarray(point, dtype=float), axis=-1)))


def at_rate(sweep: Sweep, lr: float) -> tuple[float, int]:
    """(final loss, diverged_at) of the sweep's grid rate nearest to ``lr`` (in log scale)."""
    i = int(np.argmin(np.abs(np.log(sweep.lrs) - np.log(lr))))
    return float(sweep.final_loss[i]), int(sweep.diverged_at[i])


def chosen_lr(mode: str, own: float, shared: float, sweep: Sweep | None) -> tuple[float, bool]:
    """The learning rate a racer runs with, and whether it is the one asked for.

    mode "own": the panel's rate; "shared": one rate for all; "tuned": the sweep's best
    rate — or the panel's rate, flagged False, when every rate of the sweep diverged.
    """
    if mode == "own":
        return float(own), True
    if mode == "shared":
        return float(shared), True
    if mode == "tuned":
        if sweep is None or sweep.best_lr is None:
            return float(own), False
        return sweep.best_lr, True
    raise ValueError(f"unknown learning-rate mode {mode!r}; choose own, shared or tuned")


# ------------------------------------------------------------------ presets


class Preset(NamedTuple):
    """A ready-made race: surface (with the bowl's κ and angle), start, racers, knobs."""

    surface: str
    start: tuple[float, float]
    racers: tuple[str, ...]
    knobs: dict
    lr_mode: str = "own"
    steps: int = 300
    kappa: float = BOWL["kappa"]
    grad_noise: float = 0.0
    shared_lr: float = 0.01
    angle: float = BOWL["angle"]


PRESETS: dict[str, Preset] = {
    # The article's ball through the hole: from (1.8, 0.6) plain SGD settles in the shallow
    # right-hand well; with momentum 0.9 the same step size rolls on into the deep left well.
    "ball_through_hole": Preset("two_wells", (1.8, 0.6), ("sgd", "momentum"),
                                {"sgd": {"lr": 0.05}, "momentum": {"lr": 0.05, "momentum": 0.9}},
                                steps=300),
    "all_on_rosenbrock": Preset("rosenbrock", (-1.5, 2.0), RACERS, {}, lr_mode="tuned",
                                steps=500),
    # One shared rate on a narrow, turned bowl: safe for SGD across the valley, so it
    # crawls along it.
    "narrow_bowl": Preset("bowl", (-4.5, 2.0), ("sgd", "momentum", "rmsprop", "adam"), {},
                          lr_mode="shared", steps=200, shared_lr=0.01),
    "noisy_saddle": Preset("saddle", (-1.8, 0.02), ("sgd", "momentum", "adagrad", "adam"), {},
                           lr_mode="tuned", steps=300, grad_noise=0.5),
}


def _racer(racer: str) -> str:
    if racer not in RULE:
        raise ValueError(f"unknown racer {racer!r}; choose one of {', '.join(RACERS)}")
    return racer


def _convention(convention: str) -> str:
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}; choose torch or keras")
    return convention
