"""Choosing an Optimizer: the sparse-gradient race, Adam against RMSProp across sparsity,
a decision guide whose reasons link to live experiments, a benchmark matrix, and the
newer rules (AdamW, Adafactor, Lion, Muon, Schedule-Free) measured on the network; a guided
lesson on top loads four of these views, and the page ends with the way back home."""
# Each view is one section of ui.choosing: it draws its controls, reads cached core
# results, asks core.findings what they show and draws the charts; no maths here.

import streamlit as st

from ui.choosing.beyond import beyond_section
from ui.choosing.controls import P, view_ui
from ui.choosing.guide import guide_section
from ui.choosing.ladder import ladder_section
from ui.choosing.lesson import home_link, lesson
from ui.choosing.matrix import matrix_section
from ui.choosing.sparse import sparse_section
from ui.frame import setup
from ui.lesson import next_lesson_link

F = setup("choosing")

st.title(F.t(P + "title"))
st.markdown(F.t(P + "intro"))
lesson(F)
view = view_ui(F)

if view == "sparse":
    sparse_section(F)
elif view == "ladder":
    ladder_section(F)
elif view == "guide":
    guide_section(F)
elif view == "beyond":
    beyond_section(F)
else:
    matrix_section(F)
home_link(F)
next_lesson_link(F)      # draws nothing: this is the last lesson
