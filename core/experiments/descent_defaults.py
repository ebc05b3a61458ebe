"""The settings at which each lesson of the Gradient Descent page is shown by default.

Every loss curve (part 1) has its own learning rate η, and every surface (part 2) its
own η, start and number of steps, chosen by running them: at these values the run does what
the lesson's sentence says (``tests/test_claims_gradient_descent.py`` checks each).
One shared η cannot serve them all, because the stability limit 2 / L'' differs by
orders of magnitude: about 2 on the unit quadratic, 0.0020 at Rosenbrock's minimum
(L'' ≈ 1002), 0.005 in a Rastrigin dimple (L'' = 2 + 40π² ≈ 397).
"""

from __future__ import annotations

from typing import NamedTuple


class Lesson(NamedTuple):
    """Default η, number of steps and start of one surface's lesson."""

    lr: float
    steps: int
    start: tuple[float, float]


# Part 1, one weight: the default η of each curve (start: the curve's own, 30 steps).
# It differs where 0.7 would hide the lesson: the double well's right basin has
# 2/L''(w*) ≈ 0.21, the cubic jumps past its flat point unless 3ηw₀ < 1, and on the
# line steps of 1.4 leave the range within 30 steps.
CURVE_RATES = {
    "quadratic": 0.7,
    "double_well": 0.05,
    "sin": 0.7,
    "abs": 0.7,
    "cube": 0.1,
    "exp": 0.7,
    "line": 0.1,
}

# The cubic L = w³ has no minimum, only the flat point w = 0 (L' = L'' = 0).
CUBE_FLAT_POINT = 0.0

# Part 2, two weights (η must stay below 2 / the largest curvature met on the way).
SURFACE_LESSONS = {
    "bowl": Lesson(0.15, 100, (-4.5, 2.0)),          # κ = 10: y limit 0.2, x limit 2
    "rosenbrock": Lesson(0.0015, 1000, (-1.5, 2.0)),
    "beale": Lesson(0.005, 1000, (1.0, 1.5)),        # (3, 4) has |∇f| ≈ 5.6e4: any η blows up
    "saddle": Lesson(0.05, 150, (-1.8, 0.005)),
    "himmelblau": Lesson(0.01, 100, (-0.15, 0.67)),
    "camel": Lesson(0.02, 100, (1.5, 0.9)),
    "two_wells": Lesson(0.02, 60, (1.8, 0.6)),
    "rastrigin": Lesson(0.002, 50, (-2.3, 3.3)),
}
