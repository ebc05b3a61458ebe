"""Gradient Descent: follow the slope downhill, choose the step size, and meet the noise
of mini-batches."""
# Each section draws its controls, reads cached core results and shows its charts
# (one module per section in ui.gradient_descent); no maths here.

import streamlit as st

from ui.frame import setup
from ui.gradient_descent.chain_rule import chain_rule_section
from ui.gradient_descent.conditioning import conditioning_section
from ui.gradient_descent.lesson import lesson
from ui.gradient_descent.mini_batch import mini_batch_section
from ui.gradient_descent.one_weight import one_weight_section
from ui.gradient_descent.schedules import schedules_section
from ui.gradient_descent.two_weights import two_weights_section
from ui.lesson import next_lesson_link

F = setup("gradient_descent")

st.title(F.t("gradient_descent.title"))
st.markdown(F.t("gradient_descent.intro"))
lesson(F)
one_weight_section(F)
two_weights_section(F)
settings = mini_batch_section(F)
chain_rule_section(F, settings)
schedules_section(F, settings)
conditioning_section(F)
next_lesson_link(F)
