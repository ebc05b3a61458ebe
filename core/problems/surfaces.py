"""Two-dimensional test surfaces for the optimizer races.

Every surface is a pair of plain functions, the loss f(p) and its hand-derived
gradient grad(p) (:mod:`core.problems.surface_formulas`). The Surface record bundles
the pair with what the lesson pages need: a plotting domain, the known minima, a
default start and one sentence on what it teaches.
Minimum locations that have no closed form were refined with Newton's method and
are quoted to 15 or more significant digits.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from core.problems.surface_formulas import (
    beale,
    beale_grad,
    bowl,
    bowl_grad,
    camel,
    camel_grad,
    himmelblau,
    himmelblau_grad,
    rastrigin,
    rastrigin_grad,
    rosenbrock,
    rosenbrock_grad,
    saddle,
    saddle_grad,
    two_wells,
    two_wells_grad,
)

Box = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Minimum:
    point: tuple[float, float]
    value: float
    is_global: bool


@dataclass(frozen=True)
class Surface:
    key: str
    title: str
    latex: str
    f: Callable
    grad: Callable
    domain: Box
    minima: tuple[Minimum, ...]
    start: tuple[float, float]
    lesson: str
    params: tuple = ()

    @property
    def bound(self) -> float:
        """Divergence box: any |coordinate| above this counts as diverged."""
        return 10.0 * max(abs(edge) for axis in self.domain for edge in axis)

    def nearest_minimum_distance(self, p) -> np.ndarray:
        """Euclidean distance from p (shape (..., 2)) to the closest listed minimum."""
        p = np.asarray(p, dtype=np.float64)
        centres = np.array([m.point for m in self.minima], dtype=np.float64)
        return np.linalg.norm(p[..., None, :] - centres, axis=-1).min(axis=-1)





def _make_bowl(kappa: float, angle: float = 0.0) -> Surface:
    if angle == 0:
        tex, params = r"\tfrac{1}{2}\left(x^2 + " + f"{kappa:g}" + r"\,y^2\right)", ()
    else:
        a = f"{angle:g}^\\circ"
        tex = (r"\tfrac{1}{2}\left(u^2 + " + f"{kappa:g}" + r"\,v^2\right),\ "
               rf"u = x\cos {a} + y\sin {a},\ v = y\cos {a} - x\sin {a}")
        params = (("angle", angle),)
    return Surface(
        key="bowl",
        title="Ill-conditioned bowl",
        latex=tex,
        f=partial(bowl, kappa=kappa, angle=angle),
        grad=partial(bowl_grad, kappa=kappa, angle=angle),
        domain=((-5.0, 5.0), (-5.0, 5.0)),
        minima=(Minimum((0.0, 0.0), 0.0, True),),
        start=(-4.5, 2.0),
        lesson="When one direction is far steeper than the other, a single step size "
        "zig-zags across the steep axis while it crawls along the shallow one.",
        params=(("kappa", kappa),) + params,
    )


_FIXED = (
    Surface(
        "rosenbrock", "Rosenbrock", r"(1-x)^2 + 100\,(y-x^2)^2",
        rosenbrock, rosenbrock_grad, ((-2.0, 2.0), (-1.0, 3.0)),
        (Minimum((1.0, 1.0), 0.0, True),), (-1.5, 2.0),
        "Reaching the curved valley is quick; following its almost flat floor to "
        "(1, 1) is the slow part that separates the optimizers.",
    ),
    Surface(
        "beale", "Beale",
        r"(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
        beale, beale_grad, ((-4.5, 4.5), (-4.5, 4.5)),
        (Minimum((3.0, 0.5), 0.0, True),), (3.0, 4.0),
        "Gradients differ by orders of magnitude between the steep walls and the "
        "flat plateaus, so a step size that is safe on a wall crawls on a plateau.",
    ),
    Surface(
        "saddle", "Saddle", r"x^2 - y^2 + \tfrac{y^4}{4}",
        saddle, saddle_grad, ((-2.0, 2.0), (-2.0, 2.0)),
        (Minimum((0.0, math.sqrt(2.0)), -1.0, True),
         Minimum((0.0, -math.sqrt(2.0)), -1.0, True)),
        (-1.8, 0.02),
        "The gradient also vanishes at a saddle point: a start close to the ridge "
        "slides toward the flat origin and only slowly falls off to a true minimum.",
    ),
    Surface(
        "himmelblau", "Himmelblau", r"(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        himmelblau, himmelblau_grad, ((-5.0, 5.0), (-5.0, 5.0)),
        (Minimum((3.0, 2.0), 0.0, True),
         Minimum((-2.805118086952745, 3.131312518250573), 0.0, True),
         Minimum((-3.779310253377747, -3.283185991286169), 0.0, True),
         Minimum((3.584428340330492, -1.848126526964404), 0.0, True)),
        (-0.15, 0.67),
        "Four equally deep minima: which one an optimizer reaches depends on where "
        "it starts and on the path its update rule takes.",
    ),
    Surface(
        "camel", "Six-hump camel",
        r"\left(4 - 2.1x^2 + \tfrac{x^4}{3}\right)x^2 + xy + \left(4y^2 - 4\right)y^2",
        camel, camel_grad, ((-2.0, 2.0), (-1.0, 1.0)),
        (Minimum((0.08984201310031807, -0.7126564030207396), -1.031628453489877, True),
         Minimum((-0.08984201310031807, 0.7126564030207396), -1.031628453489877, True),
         Minimum((1.703606714969981, -0.7960835686726251), -0.2154638243837173, False),
         Minimum((-1.703606714969981, 0.7960835686726251), -0.2154638243837173, False),
         Minimum((1.607104752920198, 0.5686514548841313), 2.104250310311259, False),
         Minimum((-1.607104752920198, -0.5686514548841313), 2.104250310311259, False)),
        (1.5, 0.9),
        "Two global valleys and four shallower side valleys: from the default start "
        "plain descent settles in a side valley, so a zero gradient is not a best answer.",
    ),
    Surface(
        "two_wells", "Two wells",
        r"x^2 + y^2 - 2e^{-\frac{(x-1)^2 + y^2}{0.2}} - 3e^{-\frac{(x+1)^2 + y^2}{0.2}}",
        two_wells, two_wells_grad, ((-2.0, 2.0), (-2.0, 2.0)),
        (Minimum((-0.9363006340109187, 0.0), -2.063090251768195, True),
         Minimum((0.905317899160115, 0.0), -1.092731999201741, False)),
        (1.8, 0.6),
        "Momentum can carry an optimizer through a shallow well that traps plain "
        "gradient descent and on into the deeper well beyond it.",
    ),
    Surface(
        "rastrigin", "Rastrigin",
        r"20 + x^2 - 10\cos(2\pi x) + y^2 - 10\cos(2\pi y)",
        rastrigin, rastrigin_grad, ((-4.5, 4.5), (-4.5, 4.5)),
        (Minimum((0.0, 0.0), 0.0, True),), (-2.0, 3.5),
        "A grid of many local minima sits on top of a bowl, so plain descent stops "
        "in the nearest dimple instead of reaching the global minimum at the origin.",
    ),
)

_SURFACES = {s.key: s for s in _FIXED}
# name: (default, low, high)
_PARAM_SPECS = {"bowl": {"kappa": (10.0, 1e-2, 1e3), "angle": (0.0, -90.0, 90.0)}}

SURFACE_NAMES = ("bowl", "rosenbrock", "beale", "saddle", "himmelblau", "camel",
                 "two_wells", "rastrigin")


def _check_number(name: str, value, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, (bool, str)) or not (math.isfinite(number) and low <= number <= high):
        raise ValueError(f"{name} must be a finite number in [{low:g}, {high:g}], got {value!r}")
    return number


def get_surface(key: str, **params) -> Surface:
    """Look up a surface by key; the bowl also takes kappa (default 10, range [0.01, 1000])
    and angle, the valley's turn in degrees (default 0, range [-90, 90])."""
    if key not in SURFACE_NAMES:
        raise ValueError(f"unknown surface {key!r}; choose one of {', '.join(SURFACE_NAMES)}")
    specs = _PARAM_SPECS.get(key, {})
    unknown = sorted(set(params) - set(specs))
    if unknown:
        accepted = ", ".join(specs) or "none"
        raise ValueError(f"surface {key!r} has no parameter {', '.join(unknown)} "
                         f"(accepted: {accepted})")
    values = {name: _check_number(name, params.get(name, default), low, high)
              for name, (default, low, high) in specs.items()}
    if key == "bowl":
        return _make_bowl(**values)
    return _SURFACES[key]


def surfaces() -> tuple[Surface, ...]:
    """Every surface at its default parameters, in teaching order."""
    return tuple(get_surface(key) for key in SURFACE_NAMES)
