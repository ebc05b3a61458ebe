"""Differentiation: from the slope of a straight line to the tangent, the derivative rules,
a typed function, the accuracy of numeric slopes, slopes in 2-D and the chain rule."""
# Each section (one module of ui.differentiation) draws its controls, reads cached core
# results and shows its charts; no maths happens here.

import streamlit as st

from ui.differentiation.accuracy import accuracy_section
from ui.differentiation.chain import chain_section
from ui.differentiation.directions import directions_section
from ui.differentiation.everywhere import everywhere_section
from ui.differentiation.lesson import lesson
from ui.differentiation.line import line_section
from ui.differentiation.secant import secant_section
from ui.differentiation.typed import typed_section
from ui.frame import setup
from ui.lesson import next_lesson_link

F = setup("differentiation")

st.title(F.t("differentiation.title"))
st.markdown(F.t("differentiation.intro"))
lesson(F)
line_section(F)
secant_section(F)
everywhere_section(F)
typed_section(F)
accuracy_section(F)
directions_section(F)
chain_section(F)
next_lesson_link(F)
