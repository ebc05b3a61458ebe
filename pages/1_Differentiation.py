"""Differentiation: from the slope of a straight line to the tangent, the derivative rules,
a typed function, the accuracy of numeric slopes, slopes in 2-D and the chain rule."""
# Each section draws its controls, reads cached core results and shows its charts
# (ui.differentiation_sections, ui.differentiation_more); no maths happens here.

import streamlit as st

from ui import differentiation_more as more
from ui import differentiation_sections as sections
from ui.frame import setup

F = setup("differentiation")

st.title(F.t("differentiation.title"))
st.markdown(F.t("differentiation.intro"))
sections.line_section(F)
sections.secant_section(F)
sections.everywhere_section(F)
more.typed_section(F)
more.accuracy_section(F)
more.directions_section(F)
more.chain_section(F)
