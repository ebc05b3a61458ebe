"""The loss f(p) and its hand-derived gradient grad(p) of every test surface.

Both take an array whose last axis holds (x, y), so p may have shape (2,), (n, 2),
(rows, cols, 2), ...; f returns the leading shape and grad the same shape as p.

    bowl        ½ (u² + κ v²),  (u, v) = (x, y) turned by the angle θ
    rosenbrock  (1 − x)² + 100 (y − x²)²
    beale       (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
    himmelblau  (x² + y − 11)² + (x + y² − 7)²
"""

from __future__ import annotations

import math

import numpy as np


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
