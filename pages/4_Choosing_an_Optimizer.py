"""Choosing an Optimizer: a guided lesson, the sparse-gradient race, Adam against RMSProp
across sparsity, a decision guide, a benchmark matrix, and the newer rules measured on the
network; the last lesson, so it ends with the way back to the home page's list."""
# Each view is one section of ui.choosing: it draws its controls, reads cached core
# results, asks core.findings what they show and draws the charts; no maths here.

import streamlit as st

from ui.choosing.beyond import beyond_section
from ui.choosing.controls import P, view_ui
from ui.choosing.guide import guide_section
from ui.choosing.ladder import ladder_section
from ui.choosing.lesson import lesson
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
next_lesson_link(F)      # the last lesson: back to the home page's list
