"""Cached core calls and tidy frames for the learning-rate schedules section
(core.experiments.schedules_lesson).

Every cache is bounded and keyed by primitives; frames hold only what core computed,
thinned, cut at divergence and floored for a log axis.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments import schedules_lesson as sl
from core.problems.regression import Regression, make_data
from ui.geometry import thin_index
from ui.render import compact

SEEDS = 5              # seeds seed, seed + 1, … for the floors (as part 3's noise floors)
LR_DEFAULT = 0.3
STEPS_RANGE = (100, 3000, 1000, 100)          # lo, hi, default, step
SHARE_RANGE = (0.2, 1.5, 0.95, 0.05)          # peak / (2/L''(w*)) on the double well
FLOOR = 1e-16          # gaps drawn on a log axis are floored here
MAX_POINTS = 400       # rows per series on a chart
# Colour of each preset: the palette's Okabe–Ito colours, borrowed through optimizer keys
# (ui.palette); only plain SGD runs in this section, so no optimizer shares the chart.
COLOR_KEYS = {"constant": "sgd", "step_lr": "momentum", "exponential_lr": "adagrad",
              "cosine_annealing_lr": "adam", "warmup_cosine": "adamw"}


@st.cache_data(max_entries=32, show_spinner=False)
def settling(seed: int, noise: float, batch: int, lr: float, steps: int) -> sl.Settling:
    """Floors and jitters of every preset over seeds seed … seed + SEEDS − 1."""
    return sl.settle(range(seed, seed + SEEDS), noise, batch, lr, steps)


@st.cache_data(max_entries=32, show_spinner=False)
def line_runs(seed: int, noise: float, batch: int, lr: float, steps: int):
    """(name → trajectory of the section's seed, L*)."""
    f_best = float(Regression(make_data(seed, noise)).minima[0].value)
    return sl.line_runs(seed, noise, batch, lr, steps), f_best


@st.cache_data(max_entries=32, show_spinner=False)
def warmup(share: float) -> sl.WarmupStudy:
    return sl.warmup_study(share)


@st.cache_data(max_entries=32, show_spinner=False)
def control(seed: int, noise: float, batch: int, steps: int) -> sl.LineControl:
    return sl.line_control(seed, noise, batch, steps)


def rate_rows(rates: np.ndarray, label: str, name: str) -> pd.DataFrame:
    """η_k of one schedule as rows (series, key, step, lr): thinned, keeping every jump
    of more than a fifth (step_lr's drops, the end of the warm-up)."""
    n = len(rates)
    jumps = np.flatnonzero(np.abs(np.diff(rates)) > 0.2 * np.abs(rates[:-1])) + 1
    idx = np.union1d(np.union1d(thin_index(n, MAX_POINTS), jumps), jumps - 1)
    return pd.DataFrame({"series": label, "key": COLOR_KEYS[name], "step": idx,
                         "lr": rates[idx]})


def gap_rows(tr, f_best: float, label: str, name: str) -> pd.DataFrame:
    """f(x_k) − f* of one run up to its last sane point, as rows (series, key, step, gap,
    loss), thinned to MAX_POINTS."""
    k = int(tr.diverged_at)
    idx = thin_index(len(tr.losses) if k < 0 else k, MAX_POINTS)
    loss = tr.losses[idx]
    return pd.DataFrame({"series": label, "key": COLOR_KEYS[name], "step": idx,
                         "gap": np.maximum(loss - f_best, FLOOR), "loss": loss})


def line_frames(seed: int, noise: float, batch: int, lr: float, steps: int,
                names: tuple, labels: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rates, gaps) of the chosen presets on the section's seed."""
    runs, f_best = line_runs(seed, noise, batch, lr, steps)
    rates = [rate_rows(sl.preset(n, steps).rates(lr, steps), labels[n], n) for n in names]
    gaps = [gap_rows(runs[n], f_best, labels[n], n) for n in names]
    return (compact(pd.concat(rates, ignore_index=True)),
            compact(pd.concat(gaps, ignore_index=True)))


def well_frames(study: sl.WarmupStudy, labels: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rates, gaps) of the warm-up study; gaps are f(w_k) − min f (the deeper well)."""
    f_min = min(m.value for m in sl.well_minima())
    rates = [rate_rows(r.rates, labels[r.name], r.name) for r in study.runs]
    gaps = [gap_rows(r.trajectory, f_min, labels[r.name], r.name) for r in study.runs]
    return (compact(pd.concat(rates, ignore_index=True)),
            compact(pd.concat(gaps, ignore_index=True)))


def ending(study: sl.WarmupStudy, run: sl.WarmupRun, tol: float = 1e-3) -> str:
    """Where a run ended: "diverged", "bottom" (w₀'s basin), "other" (the other well's
    minimum) or "moving" (at no minimum after the last step)."""
    if run.diverged_at >= 0:
        return "diverged"
    if abs(run.end - study.bottom) < tol:
        return "bottom"
    if any(abs(run.end - m.x) < tol for m in sl.well_minima()):
        return "other"
    return "moving"
