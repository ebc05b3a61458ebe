"""What the optimizers minimise: 1-D curves, 2-D test surfaces, the line fit of the
regression lesson, sparse logistic regression, toy data sets and a two-layer network,
each with its loss and its hand-derived gradient."""
