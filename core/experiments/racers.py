"""The race's entries: which rule each racer is, its knobs, and how it runs and is tuned.

The race page offers *racers*. Each is one rule of :mod:`core.optimizers` (torch
convention) or, for the article's first seven, :mod:`core.optimizers.keras` (Keras
convention) with some settings fixed: "momentum" and "nesterov" are ``sgd`` with
``momentum > 0``. The page talks in *knobs* — flat names such as ``b1`` and ``b2`` that a
slider can hold — and :func:`hparams` turns them into the rule's torch keyword arguments
(``betas=(b1, b2)``, ``etas=(eta_minus, eta_plus)``).

The newer rules (:data:`TORCH_ONLY`) exist here in torch's convention only (Keras
variants are implemented for the first seven). Muon is no racer: it needs a weight
matrix (see :mod:`core.optimizers.groups` for the network).

Nothing here steps an optimizer itself: runs go through :func:`core.training.run.run` and
learning-rate sweeps through :func:`core.training.sweep.sweep_lr`, both with an optional
:class:`core.schedules.Schedule` applied to the racer's own base rate.
"""

from __future__ import annotations

import numpy as np

from core.optimizers import Optimizer, defaults, make, schedule_free_eval_point
from core.optimizers.keras import keras_defaults, make_keras
from core.problems.surfaces import get_surface
from core.schedules import Schedule
from core.training.run import Trajectory, run
from core.training.sweep import Sweep, sweep_lr

CLASSIC_RACERS: tuple[str, ...] = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop",
                                   "adadelta", "adam", "adamw", "nadam")
TORCH_ONLY: tuple[str, ...] = ("adamax", "radam", "rprop", "asgd", "adafactor", "lion",
                               "schedule_free_adamw")
RACERS: tuple[str, ...] = CLASSIC_RACERS + TORCH_ONLY
CONVENTIONS: tuple[str, ...] = ("torch", "keras")
RULE: dict[str, str] = {"momentum": "sgd", "nesterov": "sgd"} | {
    r: r for r in RACERS if r not in ("momentum", "nesterov")}
FIXED: dict[str, dict] = {"nesterov": {"nesterov": True}}
# Knob pairs that become one tuple-valued keyword of the rule.
PAIRS: dict[str, tuple[str, str]] = {"betas": ("b1", "b2"), "etas": ("eta_minus", "eta_plus")}

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
    "adamax": ("lr", "b1", "b2", "eps"),
    "radam": ("lr", "b1", "b2", "eps"),
    "rprop": ("lr", "eta_minus", "eta_plus"),
    "asgd": ("lr", "lambd", "alpha", "t0"),
    "adafactor": ("lr", "beta2_decay", "d"),
    "lion": ("lr", "b1", "b2"),
    "schedule_free_adamw": ("lr", "b1", "b2", "warmup_steps"),
}
KNOB_RANGE: dict[str, tuple[float, float]] = {
    "lr": (1e-4, 10.0), "momentum": (0.0, 0.999), "b1": (0.0, 0.999), "b2": (0.5, 0.9999),
    "alpha": (0.5, 0.9999), "rho": (0.5, 0.9999), "eps": (1e-12, 1e-1),
    "initial_accumulator_value": (0.0, 1.0), "weight_decay": (0.0, 0.5),
    "eta_minus": (0.05, 0.95), "eta_plus": (1.05, 3.0), "lambd": (0.0, 0.01),
    "t0": (1.0, 1e6), "beta2_decay": (-1.0, 0.0), "d": (1.0, 10.0), "warmup_steps": (0, 200),
}
# Nesterov's look-ahead needs momentum > 0 (torch refuses μ = 0), so its slider starts
# above 0; ASGD's α is the power of its step decay η/(1 + λη t)^α, any value ≥ 0.
RACER_RANGE: dict[tuple[str, str], tuple[float, float]] = {
    ("nesterov", "momentum"): (0.01, 0.999), ("asgd", "alpha"): (0.0, 1.0)}
LOG_KNOBS = frozenset({"lr", "eps", "t0"})
MOMENTUM_DEFAULT = 0.9   # torch's momentum default is 0, which would make "momentum" plain SGD
NOISE_SEEDS = 3          # seeds a sweep averages over when the gradients are noisy

# The race's own start and number of steps per surface (other pages keep the surface's
# start). Beale's usual (3, 4) sits on a wall with gradients near 1e5, from which tuned
# momentum is flung off the map; the bowl is turned by 30° and κ = 100 so that the
# per-coordinate methods cannot use an axis-aligned valley (see ``race.PRESETS``).
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


def offered(convention: str) -> tuple[str, ...]:
    """The racers that can run in ``convention``: all in torch's, the first seven's in Keras's."""
    return RACERS if _convention(convention) == "torch" else CLASSIC_RACERS


def default_knobs(racer: str, convention: str = "torch") -> dict:
    """The knob values a panel starts from: the library's defaults for the rule."""
    rule = RULE[_racer(racer, convention)]
    hp = defaults(rule) if convention == "torch" else keras_defaults(rule)
    knobs = {}
    for knob in KNOBS[racer]:
        pair = next((p for p, names in PAIRS.items() if knob in names), None)
        if pair is not None:
            knobs[knob] = float(hp[pair][PAIRS[pair].index(knob)])
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
    paired = {n for names in PAIRS.values() for n in names}
    for knob, value in knobs.items():
        if knob not in paired and knob != "momentum":
            hp[knob] = int(value) if knob == "warmup_steps" else value
    lib = defaults(RULE[racer])
    for pair, (a, b) in PAIRS.items():
        if a in knobs or b in knobs:
            hp[pair] = (knobs.get(a, lib[pair][0]), knobs.get(b, lib[pair][1]))
    return hp


def build(racer: str, convention: str = "torch", **knobs) -> Optimizer:
    """The optimizer behind a racer, in torch's or Keras's convention."""
    maker = make if _convention(convention) == "torch" else make_keras
    return maker(RULE[_racer(racer, convention)], **hparams(racer, **knobs))


def run_racer(racer: str, convention: str, knobs: dict, objective, x0, steps: int, *,
              grad_noise: float = 0.0, seed: int | None = None,
              record_states: bool = False, track_loss: bool = True,
              schedule: Schedule | None = None) -> Trajectory:
    """One racer's trajectory: :func:`core.training.run.run` with that racer's optimizer
    and ``schedule`` (None: a constant rate) from the knobs' ``lr``.

    Every racer of a race gets the same ``seed``, so all see the same gradient noise
    (or the same mini-batches).
    """
    return run(build(racer, convention, **knobs), objective, x0, steps, grad_noise=grad_noise,
               seed=seed, record_states=record_states, track_loss=track_loss,
               schedule=schedule)


def tune(racer: str, convention: str, knobs: dict, objective, x0, steps: int, lrs, *,
         grad_noise: float = 0.0, seed: int | None = None, final_loss=None,
         f_ref: float | None = None, schedule: Schedule | None = None) -> Sweep:
    """The racer's learning-rate sweep (:func:`core.training.sweep.sweep_lr`), batched over
    the rates; ``schedule`` applies to every base rate of the grid.

    With gradient noise it runs ``NOISE_SEEDS`` seeds (seed, seed + 1, ...): scores are
    averaged and a rate must be stable on every seed, as in ``sweep_lr(seeds=...)``. On a
    surface (an objective with a ``domain``) a rate whose path leaves the map on any seed
    also counts as unstable: the race is drawn on that map. ``f_ref`` (default: the
    objective's lowest listed minimum, else 0) is the loss the gaps are measured from.
    """
    maker = make if _convention(convention) == "torch" else make_keras
    hp = hparams(_racer(racer, convention), **{k: v for k, v in knobs.items() if k != "lr"})
    base = 0 if seed is None else int(seed)
    seeds = tuple(base + i for i in range(NOISE_SEEDS)) if grad_noise else None
    domain = getattr(objective, "domain", None)
    keep = None if domain is None else (lambda tr: on_map(tr, domain))
    return sweep_lr(RULE[racer], hp, objective, x0, steps, lrs, grad_noise=grad_noise,
                    seed=seed, seeds=seeds, final_loss=final_loss, f_ref=f_ref, keep=keep,
                    maker=maker, schedule=schedule)


def on_map(tr: Trajectory, domain) -> np.ndarray:
    """For each run of a batched trajectory: True when every point lies inside ``domain``
    ((x_lo, x_hi), (y_lo, y_hi)) and the run never diverged."""
    (x0, x1), (y0, y1) = domain
    p = tr.points
    inside = (p[..., 0] >= x0) & (p[..., 0] <= x1) & (p[..., 1] >= y0) & (p[..., 1] <= y1)
    return np.all(inside, axis=0) & (np.asarray(tr.diverged_at) < 0)


def averaged_points(tr: Trajectory) -> np.ndarray:
    """Schedule-Free's averaged point x_0 … x_T of a run recorded with states (the
    trajectory itself holds the gradient points y); x_0 is the start, as y_0 and z_0 are."""
    if tr.states is None:
        raise ValueError("averaged_points needs a run made with record_states=True")
    xs = np.asarray(schedule_free_eval_point(tr.states), dtype=float)
    return np.concatenate([tr.points[:1], xs], axis=0)


def _racer(racer: str, convention: str = "torch") -> str:
    if racer not in RULE:
        raise ValueError(f"unknown racer {racer!r}; choose one of {', '.join(RACERS)}")
    if racer not in offered(convention):
        raise ValueError(f"{racer} runs in torch's convention only: the Keras variants cover "
                         f"{', '.join(CLASSIC_RACERS)}")
    return racer


def _convention(convention: str) -> str:
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}; choose torch or keras")
    return convention


def scheduled_inside(opt: Optimizer, tr: Trajectory, schedule: Schedule | None) -> dict:
    """:func:`core.experiments.inside.inside` for a run under ``schedule`` (torch's
    convention): the rules read η where torch reads the group's rate, linearly, so step k's
    effective rate is η_eff (computed at the base rate η) times η_k/η. Keras's momentum
    velocities already hold the rates, so Keras runs are refused here."""
    from core.experiments.inside import inside
    q = inside(opt, tr)
    if schedule is None:
        return q
    if opt.name.startswith("keras_"):
        raise ValueError("scheduled_inside covers torch's conventions")
    ratio = schedule.rates(1.0, tr.steps)
    q["eff_lr"] = q["eff_lr"] * ratio.reshape((-1,) + (1,) * (q["eff_lr"].ndim - 1))
    return q
