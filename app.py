"""Home page of From Slope to Adam."""

import streamlit as st

from core.optimizers import OPTIMIZER_NAMES, convention, latex

st.set_page_config(page_title="From Slope to Adam", layout="wide")
st.title("From Slope to Adam")
st.write(
    "An interactive course that starts with the slope of a straight line and ends with "
    "choosing an optimizer for a neural network. Every number it shows is computed "
    "live by a small NumPy core whose optimizers follow PyTorch's `torch.optim` "
    "step for step."
)
st.subheader("The update rules inside")
st.caption("Each equation is read from the docstring of the code that runs it.")
for name in OPTIMIZER_NAMES:
    with st.expander(name):
        st.latex(latex(name))
        st.caption(convention(name))
