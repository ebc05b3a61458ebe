"""Optimizer Race: nine update rules, fairly tuned, seen from inside, training a network."""
# Controls (ui.optimizer_race_controls) → cached core calls (ui.optimizer_race_data) →
# the sections (ui.optimizer_race_sections; the network in ui.optimizer_race_network).

import streamlit as st

from core.experiments.race import chosen_lr
from ui import optimizer_race_controls as ui
from ui import optimizer_race_data as data
from ui import optimizer_race_network as network
from ui import optimizer_race_sections as sections
from ui.frame import setup

F = setup("optimizer_race")
P = ui.P

st.title(F.t(P + "title"))
st.markdown(F.t(P + "intro"))
ui.preset_ui(F)
race = ui.race_ui(F)
surface = data.surface_of(race.surface, race.bowl)
st.caption(F.t(P + f"surface_lesson.{race.surface}"))
if not race.racers:
    st.info(F.t(P + "none"))
    st.stop()

if race.convention == "keras":
    sections.keras_note(F, race.racers)
with st.expander(F.t(P + "panels"), icon=":material/tune:"):
    knobs = ui.knobs_ui(F, race.racers, race.convention, race.lr_mode)

race_area = st.container()
st.divider()
section, look = ui.closer_ui(F, race.racers)

where = (race.surface, race.bowl, race.start, race.steps, race.noise, race.seed)
sweeps = {r: data.race_sweep(r, race.convention, data.knob_key(knobs[r]), *where)
          for r in race.racers} if race.lr_mode == "tuned" else {}
lrs, flagged = {}, []
for r in race.racers:
    lrs[r], ok = chosen_lr(race.lr_mode, knobs[r]["lr"], race.shared_lr, sweeps.get(r))
    if not ok:
        flagged.append(r)
ctx = sections.Ctx(
    F, race, knobs, lrs,
    run_knobs={r: data.knob_key({**knobs[r], "lr": lrs[r]}) for r in race.racers},
    labels={r: ui.racer_label(F, r, race.convention) for r in race.racers},
    colour={r: "amsgrad" if knobs[r].get("amsgrad") else r for r in race.racers},
    where=where, f_min=min(m.value for m in surface.minima))

with race_area:
    edge = [r for r, s in sweeps.items() if s.best >= 0 and s.at_edge]
    sections.race_section(ctx, flagged, edge)
if section == "fair":
    sections.fair_section(ctx)
elif section == "inside" and look:
    sections.inside_section(ctx, look)
elif section == "network":
    network.network_section(ctx)
