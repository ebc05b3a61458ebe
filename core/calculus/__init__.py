"""Derivatives as the Differentiation page computes them: slopes of lines, secants and
tangents, stationary points, the accuracy of numeric slopes, directional slopes, the
chain rule, and the safe reader of a typed formula f(x) with its symbolic f'(x)."""
