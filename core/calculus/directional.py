"""Slopes on a surface: the directional derivative and the gradient's right angle.

    D_d f(p) = grad f(p) . d   for a unit vector d = (cos a, sin a)

Along grad f the slope is largest (|grad f|); along the contour line through p it is 0,
so the gradient stands at a right angle to the contour. Both facts are measured here
with plain NumPy on any core.problems.surfaces Surface (f and grad over points of shape (2,)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

GRAD_ZERO = 1e-10   # a gradient this small is rounding noise at a stationary point: no contour


def _arr(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


@dataclass(frozen=True)
class Directional:
    """Directional derivative at p along the unit vector d = (cos a, sin a)."""

    p: tuple[float, float]
    grad: tuple[float, float]
    d: tuple[float, float]
    dot: float          # grad f(p) . d
    numeric: float      # (f(p + h d) - f(p - h d)) / (2 h)
    contour_angle: float  # degrees between grad f(p) and the level line (NaN: grad f = 0)


def unit(angle_deg: float) -> np.ndarray:
    """d = (cos a, sin a) for an angle a in degrees."""
    a = math.radians(angle_deg)
    return np.array([math.cos(a), math.sin(a)])


def level_direction(surface, p, step: float = 1e-4) -> np.ndarray:
    """A unit vector along the contour f = f(p) through p, traced numerically.

    Step a little sideways on both sides, then pull each point back onto the level set
    with Newton steps q <- q - (f(q) - f(p)) grad f(q) / |grad f(q)|^2; the chord between
    the two points reached is the contour's direction at p (to O(step^2): the symmetric
    chord cancels the contour's curvature). The angle it makes with grad f(p) is what
    the page reports as the right angle.
    """
    p = _arr(p)
    g = surface.grad(p)
    side = step * np.array([-g[1], g[0]]) / max(np.linalg.norm(g), 1e-300)
    target = float(surface.f(p))
    ends = []
    for q in (p + side, p - side):
        for _ in range(20):
            gq = surface.grad(q)
            q = q - (float(surface.f(q)) - target) * gq / max(float(gq @ gq), 1e-300)
        ends.append(q)
    chord = ends[0] - ends[1]
    return chord / max(np.linalg.norm(chord), 1e-300)


def directional_derivative(surface, p, angle_deg: float, h: float = 1e-5) -> Directional:
    """D_d f(p) = grad f(p) . d, checked against a central difference along d, plus the
    measured angle between the gradient and the contour line through p (90 degrees)."""
    p = _arr(p)
    d = unit(angle_deg)
    g = _arr(surface.grad(p))
    numeric = (float(surface.f(p + h * d)) - float(surface.f(p - h * d))) / (2 * h)
    if np.linalg.norm(g) > GRAD_ZERO:
        t = level_direction(surface, p)
        cos = float(abs(g @ t) / np.linalg.norm(g))
        angle = math.degrees(math.acos(min(cos, 1.0)))
    else:
        angle = math.nan
    return Directional((float(p[0]), float(p[1])), (float(g[0]), float(g[1])),
                       (float(d[0]), float(d[1])), float(g @ d), numeric, angle)


def directional_profile(grad, angles_deg) -> np.ndarray:
    """D(a) = grad . (cos a, sin a) over angles: a cosine that is 0 along the contour."""
    a = np.radians(_arr(angles_deg))
    return grad[0] * np.cos(a) + grad[1] * np.sin(a)
