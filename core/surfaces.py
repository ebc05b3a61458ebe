"""Two-dimensional test surfaces for the optimizer races.

Every surface is a pair of plain functions written next to each other: the loss
f(p) and its hand-derived gradient grad(p). Both take an array whose last axis
holds (x, y), so p may have shape (2,), (n, 2), (rows, cols, 2), ...; f returns
the leading shape and grad returns the same shape as p.

The Surface record bundles the pair with what the lesson pages need: a plotting
domain, the known minima, a default start and one sentence on what it teaches.
Minimum locations that have no closed form were refined with Newton's method and
are quoted to 15 or more significant digits.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

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


def _xy(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim == 0 or p.shape[-1] != 2:
        raise ValueError(f"expected points with a last axis of length 2, got shape {p.shape}")
    return p[..., 0], p[..., 1]


def _stack(gx, gy):
    out = np.empty(np.broadcast_shapes(np.shape(gx), np.shape(gy)) + (2,))
    out[..., 0] = gx
    out[..., 1] = gy
    return out


# ---------------------------------------------------------------- the surfaces


def _rotated(x, y, angle):
    """(u, v): the point in the bowl's own axes, turned by ``angle`` degrees.

    u = x cos θ + y sin θ  (along the valley),  v = −x sin θ + y cos θ  (across it).
    """
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return c * x + s * y, -s * x + c * y, c, s


def bowl(p, kappa=10.0, angle=0.0):
    """f = 0.5 * (u^2 + kappa * v^2) with (u, v) = (x, y) turned by angle degrees;
    curvature 1 along the valley u and kappa across it (v)."""
    x, y = _xy(p)
    u, v, _, _ = _rotated(x, y, angle)
    return 0.5 * (u**2 + kappa * v**2)


def bowl_grad(p, kappa=10.0, angle=0.0):
    """df/dx = u cos θ − kappa v sin θ,  df/dy = u sin θ + kappa v cos θ
    (at angle 0: df/dx = x, df/dy = kappa y)."""
    x, y = _xy(p)
    u, v, c, s = _rotated(x, y, angle)
    return _stack(c * u - s * kappa * v, s * u + c * kappa * v)


def rosenbrock(p):
    """f = (1 - x)^2 + 100 * (y - x^2)^2; a curved, flat-bottomed valley."""
    x, y = _xy(p)
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def rosenbrock_grad(p):
    """df/dx = -2 (1 - x) - 400 x (y - x^2),  df/dy = 200 (y - x^2)."""
    x, y = _xy(p)
    return _stack(-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2))


def _beale_terms(x, y):
    # r_k = c_k - x + x * y^k  for k = 1, 2, 3
    return [(c - x + x * y**k, k) for c, k in ((1.5, 1), (2.25, 2), (2.625, 3))]


def beale(p):
    """f = sum_k r_k^2 with r_k = c_k - x + x y^k, c = (1.5, 2.25, 2.625)."""
    x, y = _xy(p)
    return sum(r**2 for r, _ in _beale_terms(x, y))


def beale_grad(p):
    """df/dx = sum_k 2 r_k (y^k - 1),  df/dy = sum_k 2 r_k * k x y^(k-1)."""
    x, y = _xy(p)
    terms = _beale_terms(x, y)
    gx = sum(2 * r * (y**k - 1) for r, k in terms)
    gy = sum(2 * r * k * x * y ** (k - 1) for r, k in terms)
    return _stack(gx, gy)


def himmelblau(p):
    """f = a^2 + b^2 with a = x^2 + y - 11, b = x + y^2 - 7."""
    x, y = _xy(p)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(p):
    """df/dx = 4 x a + 2 b,  df/dy = 2 a + 4 y b."""
    x, y = _xy(p)
    a, b = x**2 + y - 11, x + y**2 - 7
    return _stack(4 * x * a + 2 * b, 2 * a + 4 * y * b)


def rastrigin(p):
    """f = 20 + sum over x, y of (t^2 - 10 cos(2 pi t)); a bowl covered in dimples."""
    x, y = _xy(p)
    return 20 + x**2 - 10 * np.cos(2 * np.pi * x) + y**2 - 10 * np.cos(2 * np.pi * y)


def rastrigin_grad(p):
    """df/dt = 2 t + 20 pi sin(2 pi t) for t = x and t = y."""
    x, y = _xy(p)
    return _stack(2 * x + 20 * np.pi * np.sin(2 * np.pi * x),
                  2 * y + 20 * np.pi * np.sin(2 * np.pi * y))


def camel(p):
    """f = (4 - 2.1 x^2 + x^4 / 3) x^2 + x y + (-4 + 4 y^2) y^2  (six-hump camel)."""
    x, y = _xy(p)
    return (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2


def camel_grad(p):
    """df/dx = 8 x - 8.4 x^3 + 2 x^5 + y,  df/dy = x - 8 y + 16 y^3."""
    x, y = _xy(p)
    return _stack(8 * x - 8.4 * x**3 + 2 * x**5 + y, x - 8 * y + 16 * y**3)


def saddle(p):
    """f = x^2 - y^2 + y^4 / 4; a saddle at the origin, kept bounded below by y^4."""
    x, y = _xy(p)
    return x**2 - y**2 + y**4 / 4


def saddle_grad(p):
    """df/dx = 2 x,  df/dy = -2 y + y^3."""
    x, y = _xy(p)
    return _stack(2 * x, -2 * y + y**3)


def two_wells(p):
    """f = x^2 + y^2 - 2 e^(-d_r / 0.2) - 3 e^(-d_l / 0.2),
    with d_r = (x - 1)^2 + y^2 and d_l = (x + 1)^2 + y^2."""
    x, y = _xy(p)
    right = 2 * np.exp(-((x - 1) ** 2 + y**2) / 0.2)
    left = 3 * np.exp(-((x + 1) ** 2 + y**2) / 0.2)
    return x**2 + y**2 - right - left


def two_wells_grad(p):
    """df/dx = 2 x + R (x - 1) / 0.1 + L (x + 1) / 0.1,  df/dy = 2 y + (R + L) y / 0.1,
    where R and L are the two Gaussian terms 2 e^(-d_r / 0.2) and 3 e^(-d_l / 0.2)."""
    x, y = _xy(p)
    right = 2 * np.exp(-((x - 1) ** 2 + y**2) / 0.2)
    left = 3 * np.exp(-((x + 1) ** 2 + y**2) / 0.2)
    gx = 2 * x + (right * (x - 1) + left * (x + 1)) / 0.1
    gy = 2 * y + (right + left) * y / 0.1
    return _stack(gx, gy)


# ------------------------------------------------------------------ catalogue


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
