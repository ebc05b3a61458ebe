"""Choosing an Optimizer: the sparse-gradient race, Adam against RMSProp across sparsity,
a decision guide whose reasons link to live experiments, a benchmark matrix, and the
newer rules (AdamW, Adafactor, Lion, Muon, Schedule-Free) measured on the network."""
# Each view is one section of ui.choosing: it draws its controls, reads cached core
# results, asks core.findings what they show and draws the charts; no maths here.

import streamlit as st

from ui.choosing.beyond import beyond_section
from ui.choosing.controls import P, view_ui
from ui.choosing.guide import guide_section
from ui.choosing.ladder import ladder_section
from ui.choosing.matrix import matrix_section
from ui.choosing.sparse import sparse_section
from ui.frame import setup

F = setup("choosing")

st.title(F.t(P + "title"))
st.markdown(F.t(P + "intro"))
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
