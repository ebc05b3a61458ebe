"""Choosing an Optimizer: the sparse-gradient race, Adam against RMSProp across sparsity,
a decision guide whose reasons link to live experiments, and a benchmark matrix."""
# Each section draws its controls (ui.choosing_controls), reads cached core results
# (ui.choosing_data), asks core.findings what they show and draws the charts
# (ui.choosing_sections, ui.choosing_sections_more); no maths here.

import streamlit as st

from ui import choosing_controls as ui
from ui import choosing_sections as sections
from ui import choosing_sections_more as more
from ui.frame import setup

F = setup("choosing")

st.title(F.t(ui.P + "title"))
st.markdown(F.t(ui.P + "intro"))
view = ui.view_ui(F)

if view == "sparse":
    sections.sparse_section(F)
elif view == "ladder":
    sections.ladder_section(F)
elif view == "guide":
    more.guide_section(F)
else:
    more.matrix_section(F)
