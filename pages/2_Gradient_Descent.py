"""Gradient Descent: follow the slope downhill, choose the step size, and meet the noise
of mini-batches."""
# Each section draws its controls, reads cached core results and shows its charts
# (ui.gradient_descent_sections and ui.gradient_descent_regression); no maths here.

import streamlit as st

from ui import gradient_descent_regression as regression
from ui import gradient_descent_sections as sections
from ui.frame import setup

F = setup("gradient_descent")

st.title(F.t("gradient_descent.title"))
st.markdown(F.t("gradient_descent.intro"))
sections.one_weight_section(F)
sections.two_weights_section(F)
settings = regression.mini_batch_section(F)
regression.chain_rule_section(F, settings)
