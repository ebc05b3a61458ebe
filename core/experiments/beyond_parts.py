"""The five parts of the "beyond Adam" view, each one record of measured results.

A part is built from the tuned sweeps it compares (:func:`core.experiments.beyond_tuning.tuned`),
passed in so that a caller can cache and share them (AdamW's full-batch sweep is the
yardstick of three parts), plus the figures of :mod:`core.experiments.beyond_adam`
measured at the tuned rates. :func:`part` builds any of them from scratch.
"""

from __future__ import annotations

from typing import NamedTuple

from core.experiments.beyond_adam import (
    DecayRates,
    Memory,
    Spectra,
    StepSizes,
    decay_rates,
    memory,
    spectra,
    step_sizes,
)
from core.experiments.beyond_tuning import Tuned, tuned

PARTS: tuple[str, ...] = ("adamw", "adafactor", "lion", "muon", "schedule_free")
# The tuned sweeps each part compares, in the order its builder takes them.
NEEDS: dict[str, tuple[str, ...]] = {
    "adamw": ("adamw",), "adafactor": ("adamw", "adafactor"), "lion": ("adamw", "lion"),
    "muon": ("adamw", "muon"),
    "schedule_free": ("adamw_batch", "adamw_cosine", "schedule_free"),
}


class AdamWPart(NamedTuple):
    adamw: Tuned
    decay: DecayRates


class AdafactorPart(NamedTuple):
    memory: Memory
    adamw: Tuned
    adafactor: Tuned


class LionPart(NamedTuple):
    memory: Memory
    adamw: Tuned
    lion: Tuned
    lion_steps: StepSizes
    adamw_steps: StepSizes


class MuonPart(NamedTuple):
    adamw: Tuned
    muon: Tuned
    spectra: Spectra


class ScheduleFreePart(NamedTuple):
    constant: Tuned
    cosine: Tuned
    sf: Tuned


def adamw_part(adamw: Tuned, seed: int = 0) -> AdamWPart:
    """Decay rates of AdamW and Adam + L2 at AdamW's tuned rate (λ = AdamW's default)."""
    return AdamWPart(adamw, decay_rates(adamw.lr, seed=seed))


def adafactor_part(adamw: Tuned, adafactor: Tuned) -> AdafactorPart:
    return AdafactorPart(memory(), adamw, adafactor)


def lion_part(adamw: Tuned, lion: Tuned, seed: int = 0) -> LionPart:
    return LionPart(memory(), adamw, lion, step_sizes("lion", lion.lr, seed),
                    step_sizes("adamw", adamw.lr, seed))


def muon_part(adamw: Tuned, muon: Tuned, seed: int = 0) -> MuonPart:
    return MuonPart(adamw, muon, spectra(muon.lr, adamw.lr, seed))


def schedule_free_part(constant: Tuned, cosine: Tuned, sf: Tuned) -> ScheduleFreePart:
    return ScheduleFreePart(constant, cosine, sf)


BUILDERS = {"adamw": adamw_part, "adafactor": adafactor_part, "lion": lion_part,
            "muon": muon_part, "schedule_free": schedule_free_part}


def build(name: str, sweeps: dict[str, Tuned]):
    """Part ``name`` from already-run sweeps (kind → Tuned, see :data:`NEEDS`)."""
    if name not in PARTS:
        raise ValueError(f"unknown part {name!r}; choose one of {', '.join(PARTS)}")
    return BUILDERS[name](*(sweeps[k] for k in NEEDS[name]))


def part(name: str, seed: int = 0):
    """Part ``name`` measured from scratch (Muon's rest at AdamW's tuned rate)."""
    sweeps: dict[str, Tuned] = {}
    for kind in NEEDS.get(name, ()):
        extra = {"adamw_lr": sweeps["adamw"].lr} if kind == "muon" else {}
        sweeps[kind] = tuned(kind, seed, **extra)
    return build(name, sweeps)
