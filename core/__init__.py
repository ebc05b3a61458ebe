"""NumPy core of From Slope to Adam: optimizers, test surfaces, the trajectory runner.

Nothing in this package imports Streamlit or Altair; every function is pure and
reproducible for a given seed.
"""
