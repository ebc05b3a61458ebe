"""The NumPy core of From Slope to Adam: pure functions, no Streamlit, no Altair.

    calculus/     slopes, finite differences, the chain rule, the safe formula reader
    optimizers/   the update rules (torch and Keras conventions), one init/update pair each
    problems/     what the optimizers minimise: curves, surfaces, data sets, models
    training/     the one optimization loop and the learning-rate sweep with its tuning rule
    experiments/  the lessons' experiments built from those: descent, race, sparse race, ...
    findings/     what the experiments show, as numbers and verdict codes, and the guide
"""
