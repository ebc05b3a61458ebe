"""The record the Optimizer Race sections share: :class:`Ctx` holds the frame, the race's
set-up and each racer's knobs and learning rate; :func:`race_context` builds it from the
controls (the rate each racer races with: its own, the shared one, or the best of its
sweep, see :func:`core.experiments.race.chosen_lr`)."""

from __future__ import annotations

from typing import NamedTuple

from core.experiments.race import chosen_lr
from ui.optimizer_race import controls as ui
from ui.optimizer_race import data

P = ui.P


class Ctx(NamedTuple):
    """Everything the sections share: the frame, the set-up and each racer's run."""

    F: object
    race: ui.Race
    knobs: dict          # racer -> panel knobs
    lrs: dict            # racer -> learning rate the race uses
    run_knobs: dict      # racer -> knob_key of the knobs it runs with (lr included)
    labels: dict         # racer -> legend name
    colour: dict         # racer -> palette key
    where: tuple         # (surface, (κ, angle), start, steps, noise, seed, schedule)
    f_min: float

    def t(self, key: str, **fmt) -> str:
        return self.F.t(P + key, **fmt)

    def runs(self) -> dict:
        return {r: data.race_run(r, self.race.convention, self.run_knobs[r], *self.where)
                for r in self.race.racers}

    def sweeps(self) -> dict:
        return {r: data.race_sweep(r, self.race.convention, data.knob_key(self.knobs[r]),
                                   *self.where) for r in self.race.racers}

    def key(self) -> tuple:
        """The racers as a hashable cache key: (racer, run knobs, label, palette key)."""
        return tuple((r, self.run_knobs[r], self.labels[r], self.colour[r])
                     for r in self.race.racers)


def race_context(F, race: ui.Race, knobs: dict) -> tuple[Ctx, list[str], list[str]]:
    """(the sections' Ctx, the racers whose every rate diverged, the racers tuned at the
    edge of the sweep's grid)."""
    surface = data.surface_of(race.surface, race.bowl)
    where = (race.surface, race.bowl, race.start, race.steps, race.noise, race.seed,
             race.schedule)
    sweeps = {r: data.race_sweep(r, race.convention, data.knob_key(knobs[r]), *where)
              for r in race.racers} if race.lr_mode == "tuned" else {}
    lrs, flagged = {}, []
    for r in race.racers:
        lrs[r], ok = chosen_lr(race.lr_mode, knobs[r]["lr"], race.shared_lr, sweeps.get(r))
        if not ok:
            flagged.append(r)
    ctx = Ctx(
        F, race, knobs, lrs,
        run_knobs={r: data.knob_key({**knobs[r], "lr": lrs[r]}) for r in race.racers},
        labels={r: ui.racer_label(F, r, race.convention) for r in race.racers},
        colour={r: "amsgrad" if knobs[r].get("amsgrad") else r for r in race.racers},
        where=where, f_min=min(m.value for m in surface.minima))
    edge = [r for r, s in sweeps.items() if s.best >= 0 and s.at_edge]
    return ctx, flagged, edge
