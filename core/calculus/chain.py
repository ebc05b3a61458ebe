"""The chain rule on the smallest example, e(w) = (w x - y)^2, in three steps.

    u = w x,  r = u - y,  e = r^2        de/dw = de/dr * dr/du * du/dw = 2 r x
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ChainRule:
    """e(w) = (w x - y)^2 in three small steps.

    forward:  u = w x,   r = u - y,   e = r^2
    local:    du/dw = x, dr/du = 1,   de/dr = 2 r
    product:  de/dw = de/dr * dr/du * du/dw = 2 r x
    """

    w: float
    x: float
    y: float
    u: float
    r: float
    e: float
    du_dw: float
    dr_du: float
    de_dr: float
    de_dw: float


def squared_error(w, x: float, y: float):
    """e(w) = (w x - y)^2, vectorised over w."""
    return (np.asarray(w, dtype=np.float64) * x - y) ** 2


def chain_rule(w: float, x: float, y: float) -> ChainRule:
    """Forward values, local derivatives and their product for e(w) = (w x - y)^2."""
    u = w * x
    r = u - y
    e = r**2
    du_dw, dr_du, de_dr = x, 1.0, 2 * r
    return ChainRule(w, x, y, u, r, e, du_dw, dr_du, de_dr, de_dr * dr_du * du_dw)
