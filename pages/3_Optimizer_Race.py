"""Optimizer Race: the update rules, fairly tuned, seen from inside, training a network."""
# Controls (ui.optimizer_race.controls) → cached core calls (ui.optimizer_race.data) →
# the sections, one module each in ui.optimizer_race: race, fair, inside, network.

import streamlit as st

from ui.frame import setup
from ui.lesson import next_lesson_link
from ui.optimizer_race import controls as ui
from ui.optimizer_race.context import race_context
from ui.optimizer_race.fair import fair_section
from ui.optimizer_race.inside import inside_section
from ui.optimizer_race.lesson import lesson_ui
from ui.optimizer_race.network import network_section
from ui.optimizer_race.race import keras_note, race_section, sitting_out_note

F = setup("optimizer_race")
P = ui.P

st.title(F.t(P + "title"))
st.markdown(F.t(P + "intro"))
lesson_ui(F)                   # the guided lesson: its five stages, above the race's controls
ui.preset_ui(F)
race = ui.race_ui(F)
st.caption(F.t(P + f"surface_lesson.{race.surface}"))
sitting_out_note(F, [ui.racer_label(F, r) for r in race.sitting_out])
if not race.racers:
    st.info(F.t(P + "none"))
    st.stop()

if race.convention == "keras":
    keras_note(F, race.racers)
with st.expander(F.t(P + "panels"), icon=":material/tune:"):
    knobs = ui.knobs_ui(F, race.racers, race.convention, race.lr_mode)

race_area = st.container()
st.divider()
section, look = ui.closer_ui(F, race.racers)
ctx, flagged, edge = race_context(F, race, knobs)

with race_area:
    race_section(ctx, flagged, edge)
if section == "fair":
    fair_section(ctx)
elif section == "inside":
    if look:
        inside_section(ctx, look)
    else:
        st.info(F.t(P + "inside_classic"))
elif section == "network":
    network_section(ctx)
next_lesson_link(F)
