"""Cached core calls for the Choosing an Optimizer page, and the tidy frames its charts take.

Caches are bounded and keyed by primitives. Cached values are small: the race keeps
its per-step effective learning rates as float32 (5 × 300 × 100), the raster travels
as runs, and the ladder and the matrix are a few hundred numbers.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import streamlit as st

from core.experiments import beyond_parts
from core.experiments.beyond_tuning import Tuned, tuned
from core.experiments.ladder import ladder
from core.experiments.matrix import benchmark, noise_floor
from core.experiments.sparse_race import (
    CONTROL_SEEDS,
    STEPS,
    ControlResult,
    RaceResult,
    control,
    problem,
    race,
)
from core.optimizers.ablation import nobc_step_ratio
from core.problems.sparse import first_hits, groups, hit_runs
from ui import numbers
from ui.numbers import finite_or_nan


class SparseView(NamedTuple):
    """Everything the sparse-gradient view draws for one setting."""

    race: RaceResult
    p: np.ndarray                 # requested frequencies (F,)
    measured_p: np.ndarray        # measured frequencies (F,)
    group: np.ndarray             # (F,) 0 frequent, 1 rare, 2 never in the data
    runs: tuple                   # (feature, start, stop) of the gradient-hit raster
    first_hit: np.ndarray         # (F,) first step with a nonzero gradient
    rare_zero_share: float        # share of (step, rare feature) pairs with zero gradient
    L_hat: float
    control: ControlResult        # the tuned race on seeds seed … seed+2, sparse and dense


@st.cache_data(max_entries=16, show_spinner=False)
def control_result(a: float, batch: int, seed: int) -> ControlResult:
    return control(a, batch, range(seed, seed + CONTROL_SEEDS))


@st.cache_data(max_entries=32, show_spinner=False)
def sparse_view(a: float, batch: int, seed: int, lr_mode: str, shared_lr: float) -> SparseView:
    pb = problem(a, batch, seed, STEPS)
    c = control_result(a, batch, seed)
    r = race(pb, STEPS, lr_mode, shared_lr, tuned=c.tuned(0))
    data = pb.objective.data
    g = groups(data, batch)
    hits = pb.objective.hits()
    group = np.where(g.unseen, 2, np.where(g.rare, 1, 0))
    zero = float(1.0 - hits[:, g.rare].mean()) if g.rare.any() else 0.0
    return SparseView(r._replace(eff_lr=r.eff_lr.astype(np.float32)), data.p, data.measured_p,
                      group, hit_runs(hits), first_hits(hits), zero, pb.L_hat, c)


@st.cache_data(max_entries=8, show_spinner=False)
def ladder_result(b2: float):
    return ladder(b2=b2)


@st.cache_data(max_entries=16, show_spinner=False)
def matrix_result(seed: int):
    return benchmark(seed)


@st.cache_data(max_entries=16, show_spinner=False)
def noise_result(seed: int):
    return noise_floor(seed)


@st.cache_data(max_entries=8, show_spinner=False)
def tuned_sweep(kind: str) -> Tuned:
    """One contender of the beyond view swept over its rate grid (Muon's rest at AdamW's
    tuned rate, read from this same cache)."""
    extra = {"adamw_lr": tuned_sweep("adamw").lr} if kind == "muon" else {}
    return tuned(kind, **extra)


@st.cache_data(max_entries=8, show_spinner=False)
def beyond_part(name: str):
    """A part of the beyond view, built from the cached sweeps it compares."""
    return beyond_parts.build(name, {k: tuned_sweep(k) for k in beyond_parts.NEEDS[name]})


# ------------------------------------------------------------------ frames


def curves(v: SparseView, labels: dict, field: str) -> pd.DataFrame:
    """Long frame (series, key, step, gap) of ``field`` (excess, err_frequent, err_rare)."""
    r = v.race
    values = getattr(r, field)
    return pd.DataFrame({
        "series": np.repeat([labels[k] for k in r.racers], len(r.curve_steps)),
        "key": np.repeat(r.racers, len(r.curve_steps)),
        "step": np.tile(r.curve_steps, len(r.racers)),
        "gap": finite_or_nan(values.ravel()),
    })


def frequencies(v: SparseView, group_names: list[str]) -> pd.DataFrame:
    """(rank, requested, measured, group) per feature; rank = j + 1."""
    return pd.DataFrame({"rank": np.arange(1, len(v.p) + 1), "requested": v.p,
                         "measured": v.measured_p,
                         "group": [group_names[g] for g in v.group]})


def raster(v: SparseView, group_names: list[str]) -> pd.DataFrame:
    """Runs of gradient hits: feature, start, stop (int16) and the feature's group."""
    feature, start, stop = v.runs
    return pd.DataFrame({"feature": feature.astype(np.int16), "start": start.astype(np.int16),
                         "stop": stop.astype(np.int16),
                         "group": pd.Categorical([group_names[g] for g in v.group[feature]],
                                                 categories=group_names[:2])})


def effective_rates(v: SparseView, labels: dict, step: int) -> tuple[pd.DataFrame, int]:
    """Each optimizer's per-feature effective rate after ``step`` steps, for the features
    that have received at least one nonzero gradient by then; and how many have not."""
    r = v.race
    seen = v.first_hit < step
    rows = []
    for i, key in enumerate(r.racers):
        rows.append(pd.DataFrame({"series": labels[key], "key": key, "p": v.p[seen],
                                  "feature": np.nonzero(seen)[0],
                                  "eff_lr": r.eff_lr[i, step - 1][seen].astype(float)}))
    frame = pd.concat(rows, ignore_index=True)
    frame = frame[np.isfinite(frame.eff_lr) & (frame.eff_lr > 0)]
    return frame, int((~seen).sum())


def ladder_frames(L, labels: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(seeds, medians): one row per (level, rung, seed), and per (level, rung)."""
    K, R, S = L.excess.shape
    seeds = pd.DataFrame({
        "a": np.repeat(L.levels, R * S),
        "key": np.tile(np.repeat(L.rungs, S), K),
        "seed": np.tile(L.seeds, K * R),
        "excess": finite_or_nan(L.excess.ravel()),
    })
    seeds["series"] = seeds.key.map(labels)
    med = seeds.groupby(["a", "key", "series"], as_index=False, sort=False).excess.median()
    return seeds, med


def step_ratio_frame(b2_values, labels: dict, t_max: int = STEPS) -> pd.DataFrame:
    """Curves of (1 − β₁ᵗ)/√(1 − β₂ᵗ) for each β₂ (x = t, y = ratio, series)."""
    t = np.unique(np.geomspace(1, t_max, 120).round())
    return pd.concat([pd.DataFrame({"x": t, "y": nobc_step_ratio(t, 0.9, b2),
                                    "series": labels[b2]}) for b2 in b2_values],
                     ignore_index=True)


def matrix_frame(m, row_labels: dict, col_labels: dict) -> pd.DataFrame:
    """One row per cell: labels, log10 ratio, the ratio as text, loss gap, best rate."""
    rows = []
    for i, r in enumerate(m.rows):
        for j, c in enumerate(m.columns):
            ratio = float(m.ratio[i, j])
            rows.append({"row": row_labels[r], "column": col_labels[c],
                         "log_ratio": float(np.log10(ratio)), "label": ratio_text(ratio),
                         "loss": float(finite_or_nan(m.final_gap[i, j])),
                         "lr": float(np.nan_to_num(m.best_lr[i, j], nan=0.0)),
                         "edge": bool(m.at_edge[i, j])})
    return pd.DataFrame(rows)


def ratio_text(ratio: float) -> str:
    """1×, 2.4×, 37×, 10⁵× — short enough for a heat-map cell (ui.numbers.ratio)."""
    if ratio < 10:
        return f"{ratio:.1f}×"
    if ratio < 1000:
        return f"{ratio:.0f}×"
    return f"{numbers.ratio(ratio, 1)}×"
