"""Turning core results into tidy DataFrames for the chart builders (no maths beyond
sampling, cutting and thinning what core computed).

Every frame is kept small: a surface map is ``n × n`` cells plus isolines, a path is
thinned to at most ``max_points`` rows, so a whole chart stays under ~10k rows.
"""

from __future__ import annotations

import contourpy
import numpy as np
import pandas as pd

DECADES_FOR_LOG = 1.5   # log colour when the 10th-90th percentile heights span more decades


def surface_frames(surface, n: int = 56, levels: int = 11):
    """Heat-map cells, isolines and minima of a core Surface on its plotting domain.

    Returns (cells, lines, minima, log_color). ``cells`` has cell edges x, x2, y, y2,
    centres cx, cy, the height f and the colour value ``shade``; with ``log_color`` the
    shade is log10(f − f_min + δ) so valleys that span decades stay visible.
    """
    (x0, x1), (y0, y1) = surface.domain
    xe, ye = np.linspace(x0, x1, n + 1), np.linspace(y0, y1, n + 1)
    xc, yc = (xe[:-1] + xe[1:]) / 2, (ye[:-1] + ye[1:]) / 2
    X, Y = np.meshgrid(xc, yc)
    Z = surface.f(np.stack([X, Y], axis=-1))
    lift = Z - Z.min()
    delta = max(lift.max(), 1e-12) * 1e-4
    p10, p90 = np.percentile(lift, [10, 90]) + delta
    log_color = np.log10(p90 / p10) > DECADES_FOR_LOG
    shade = np.log10(lift + delta) if log_color else lift
    seam = 0.01 * (xe[1] - xe[0]), 0.01 * (ye[1] - ye[0])     # overlap hides hairline gaps
    cells = pd.DataFrame({
        "x": np.tile(xe[:-1], n), "x2": np.tile(xe[1:] + seam[0], n),
        "y": np.repeat(ye[:-1], n), "y2": np.repeat(ye[1:] + seam[1], n),
        "cx": X.ravel().round(4), "cy": Y.ravel().round(4),
        "f": Z.ravel(), "shade": shade.ravel(),
    }).astype("float32")          # half the bytes sent; plenty for drawing
    lines = _isolines(X, Y, shade, levels)
    minima = pd.DataFrame([{"x": m.point[0], "y": m.point[1], "f": m.value,
                            "kind": "global" if m.is_global else "local"}
                           for m in surface.minima])
    return cells, lines, minima, bool(log_color)


def _isolines(X, Y, shade, levels: int, max_rows: int = 2500) -> pd.DataFrame:
    gen = contourpy.contour_generator(X, Y, shade)
    segments = [(f"{i}-{j}", seg)
                for i, level in enumerate(np.linspace(shade.min(), shade.max(), levels + 2)[1:-1])
                for j, seg in enumerate(gen.lines(level)) if len(seg) >= 2]
    every = max(1, -(-sum(len(s) for _, s in segments) // max_rows))   # ceil division
    rows = []
    for path, seg in segments:
        seg = np.vstack([seg[::every], seg[-1:]]) if every > 1 else seg
        rows.append(pd.DataFrame({"x": seg[:, 0].astype("float32"),
                                  "y": seg[:, 1].astype("float32"),
                                  "order": np.arange(len(seg), dtype="int16"), "path": path}))
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(
        columns=["x", "y", "order", "path"])


def thin_index(n_valid: int, max_points: int) -> np.ndarray:
    """Indices 0..n_valid-1, evenly thinned to at most ``max_points``, keeping the last."""
    if n_valid <= max_points:
        return np.arange(n_valid)
    idx = np.unique(np.linspace(0, n_valid - 1, max_points).round().astype(int))
    return idx


def path_frame(series: str, key: str, trajectory, index=(), f_min: float | None = None,
               max_points: int = 250) -> pd.DataFrame:
    """One optimizer's path as rows (series, key, step, x, y, loss, gap, diverged_at).

    ``index`` picks one trajectory out of a batched run. The rows stop at the last
    sane point; ``gap`` = loss − f_min (floored at 1e-16) suits a log axis.
    """
    pts = trajectory.points[(slice(None),) + tuple(index)]
    losses = trajectory.losses[(slice(None),) + tuple(index)]
    k = int(np.asarray(trajectory.diverged_at)[tuple(index)])
    n_valid = len(pts) if k < 0 else k
    idx = thin_index(n_valid, max_points)
    loss = losses[idx]
    gap = loss - f_min if f_min is not None else loss
    return pd.DataFrame({
        "series": series, "key": key, "step": idx, "x": pts[idx, 0], "y": pts[idx, 1],
        "loss": loss, "gap": np.maximum(gap, 1e-16), "diverged_at": k,
    })
