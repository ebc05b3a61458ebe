"""Cached core calls and tidy frames for the conditioning section (core.experiments.conditioning).

Every cache is bounded and keyed by primitives; frames hold only what core computed,
thinned and floored for a log axis.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments import conditioning as cond
from ui.geometry import path_frame, thin_index
from ui.render import compact

KAPPA_STOPS = (2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 50.0, 100.0, 200.0, 300.0, 500.0, 1000.0)
KAPPA_DEFAULT = 100.0
ANGLE_DEFAULT = 45
FLOOR = 1e-16            # distances drawn on a log axis are floored here (float32-safe)
CUT = 1e-13              # a curve is drawn until its distance falls below CUT of the start's


def _until_cut(rel: np.ndarray) -> int:
    """Rows to keep: up to and including the first step with rel < CUT (rounding below)."""
    low = np.flatnonzero(rel < CUT)
    return int(low[0]) + 1 if len(low) else len(rel)


@st.cache_data(max_entries=32, show_spinner=False)
def rates(kappa: float) -> cond.RateStudy:
    return cond.rate_study(kappa)


@st.cache_data(max_entries=32, show_spinner=False)
def speedups(kappa: float):
    """(rows, growth exponent) over the fixed κ list and the chosen κ."""
    rows = cond.speedups(sorted(set(cond.SPEEDUP_KAPPAS) | {float(kappa)}))
    return rows, cond.growth_exponent(rows)


@st.cache_data(max_entries=64, show_spinner=False)
def turned(kappa: float, angle: float):
    """:func:`core.experiments.conditioning.turned_race` at κ and θ."""
    return cond.turned_race(kappa, angle)


def trend(kappa: float, angle: float) -> dict:
    """κ → turned_race(κ, θ) for the table's κ and the chosen one."""
    return {k: turned(k, angle) for k in sorted(set(cond.TURN_KAPPAS) | {float(kappa)})}


def path_frames(study: cond.RateStudy, labels: tuple[str, str]) -> pd.DataFrame:
    """Both paths as rows (series, key, step, x, y, loss, gap, diverged_at), with ``gap``
    the distance ‖x_k − x*‖ (floored for the log axis) instead of the loss gap."""
    frames = []
    for label, key, tr in ((labels[0], "sgd", study.gd), (labels[1], "momentum", study.hb)):
        d = cond.distances(tr.points)
        frame = path_frame(label, key, tr, f_min=0.0)
        frame = frame[frame.step < _until_cut(d / d[0])].copy()
        frame["gap"] = np.maximum(d[frame.step.to_numpy()], FLOOR)
        frames.append(frame)
    return compact(pd.concat(frames, ignore_index=True))


def turned_frames(pairs, labels: dict, max_points: int = 160) -> tuple[pd.DataFrame, ...]:
    """(aligned rows, turned rows) of relative distance against step per method: columns
    series, key, step, gap."""
    out = []
    for side in (0, 1):
        rows = []
        for pair in pairs:
            run = pair[side]
            idx = thin_index(_until_cut(run.rel), max_points)
            rows.append(pd.DataFrame({"series": labels[run.name], "key": run.name, "step": idx,
                                      "gap": np.maximum(run.rel[idx], FLOOR)}))
        out.append(compact(pd.concat(rows, ignore_index=True)))
    return tuple(out)
