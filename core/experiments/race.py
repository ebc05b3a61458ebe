"""The optimizer race: its leaderboard and its ready-made races (presets).

The racers themselves (which rule each is, its knobs, runs and sweeps) live in
:mod:`core.experiments.racers`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.experiments.racers import BOWL, CLASSIC_RACERS
from core.training.run import Trajectory
from core.training.sweep import Sweep

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
    "all_on_rosenbrock": Preset("rosenbrock", (-1.5, 2.0), CLASSIC_RACERS, {}, lr_mode="tuned",
                                steps=500),
    # One shared rate on a narrow, turned bowl: safe for SGD across the valley, so it
    # crawls along it.
    "narrow_bowl": Preset("bowl", (-4.5, 2.0), ("sgd", "momentum", "rmsprop", "adam"), {},
                          lr_mode="shared", steps=200, shared_lr=0.01),
    "noisy_saddle": Preset("saddle", (-1.8, 0.02), ("sgd", "momentum", "adagrad", "adam"), {},
                           lr_mode="tuned", steps=300, grad_noise=0.5),
    # Beyond Adam, each at its tuned rate on Beale: the sign-based Lion moves every
    # coordinate by exactly ±η per step, so it hops around the minimum (the page measures how
    # much, even after it passed within the tolerance); Rprop and Schedule-Free AdamW arrive.
    "beyond_adam": Preset("beale", (1.0, 1.5), ("adam", "rprop", "lion", "schedule_free_adamw"),
                          {}, lr_mode="tuned", steps=300),
}
HOP_WINDOW = 10   # the last steps over which the page reports the loss range of a sign rule


def hop_range(tr: Trajectory, f_star: float, window: int = HOP_WINDOW) -> tuple[float, float]:
    """(lowest, highest) f − f* over the last ``window`` points of a sane run: how far a
    rule with fixed-size steps (Lion) keeps hopping instead of settling."""
    tail = np.asarray(tr.losses[-window:], dtype=float) - f_star
    return float(tail.min()), float(tail.max())


def hops(tr: Trajectory, window: int = HOP_WINDOW) -> bool:
    """True when the loss rises at least once over the last ``window`` steps (it moves back
    and forth instead of settling or still crawling down)."""
    return bool(np.any(np.diff(np.asarray(tr.losses[-window - 1:], dtype=float)) > 0))
