"""Checking a schedule's keywords: torch's names, sensible ranges, readable errors.

One table, keyed by keyword name, since a keyword means the same in every schedule that
takes it (``gamma`` is always a decay factor, ``eta_min`` always a floor).
"""

from __future__ import annotations

import math

import numpy as np


def whole(sched: str, key: str, value, lo: int) -> int:
    """A whole number ≥ ``lo`` (a step count or a period)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{sched}: {key} must be a whole number, got {value!r}")
    if value < lo:
        raise ValueError(f"{sched}: {key} must be ≥ {lo}, got {value}")
    return int(value)


def real(sched: str, key: str, value, lo: float, hi: float = math.inf, *,
         lo_open: bool = False) -> float:
    """A finite number in [lo, hi] (or (lo, hi] with ``lo_open``)."""
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{sched}: {key} must be a number, got {value!r}")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{sched}: {key} must be a number, got {value!r}") from None
    if not math.isfinite(x):
        raise ValueError(f"{sched}: {key} must be a finite number, got {value!r}")
    if (x <= lo if lo_open else x < lo) or x > hi:
        left = "(" if lo_open else "["
        right = "]" if math.isfinite(hi) else ")"
        raise ValueError(f"{sched}: {key} must lie in {left}{lo:g}, {hi:g}{right}, got {x:g}")
    return x


def milestones(sched: str, key: str, value) -> tuple[int, ...]:
    """Steps at which to decay: whole numbers ≥ 0, kept sorted (repeats decay twice)."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise ValueError(f"{sched}: {key} must be a list of steps, got {value!r}")
    return tuple(sorted(whole(sched, f"{key} entry", v, 0) for v in value))


def strategy(sched: str, key: str, value) -> str:
    if value not in ("cos", "linear"):
        raise ValueError(f"{sched}: {key} must be 'cos' or 'linear', got {value!r}")
    return value


def switch(sched: str, key: str, value) -> bool:
    if isinstance(value, (bool, np.bool_)) or value in (0, 1):
        return bool(value)
    raise ValueError(f"{sched}: {key} must be True or False, got {value!r}")


def optional_period(sched: str, key: str, value):
    return None if value is None else whole(sched, key, value, 1)


CHECKS = {
    "step_size": lambda s, k, v: whole(s, k, v, 1),
    "gamma": lambda s, k, v: real(s, k, v, 0.0, lo_open=True),
    "milestones": milestones,
    "T_max": optional_period,
    "eta_min": lambda s, k, v: real(s, k, v, 0.0),
    "start_factor": lambda s, k, v: real(s, k, v, 0.0, 1.0, lo_open=True),
    "end_factor": lambda s, k, v: real(s, k, v, 0.0, 1.0),
    "total_iters": lambda s, k, v: whole(s, k, v, 0),
    "power": lambda s, k, v: real(s, k, v, 0.0),
    "T_0": lambda s, k, v: whole(s, k, v, 1),
    "T_mult": lambda s, k, v: whole(s, k, v, 1),
    "pct_start": lambda s, k, v: real(s, k, v, 0.0, 1.0),
    "anneal_strategy": strategy,
    "div_factor": lambda s, k, v: real(s, k, v, 0.0, lo_open=True),
    "final_div_factor": lambda s, k, v: real(s, k, v, 0.0, lo_open=True),
    "three_phase": switch,
    "warmup_steps": lambda s, k, v: whole(s, k, v, 0),
}


def base_rate(value):
    """The base learning rate: a number > 0 or an array of them (say shape (B, 1))."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"the learning rate must be a number, got {value!r}") from None
    if not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise ValueError(f"the learning rate must be finite and > 0, got {value!r}")
    return float(arr) if arr.ndim == 0 else arr


def step_count(value) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or value < 0:
        raise ValueError(f"steps must be a whole number ≥ 0, got {value!r}")
    return int(value)
