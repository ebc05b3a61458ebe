"""Checking hyperparameters: torch's keyword names, torch's valid ranges, readable errors.

A hyperparameter is a Python float or a float ndarray that broadcasts against the
parameters ``x`` (shape ``(..., d)``), so one call can sweep many values at once.
Scalars stay Python floats: NumPy arithmetic on them is cheapest, and a rule can
skip a whole branch when a scalar option is off (``momentum == 0``).
"""

from __future__ import annotations

import numpy as np

Hyper = float | np.ndarray


def number(opt: str, name: str, value, lo: float | None = None, hi: float | None = None,
           *, lo_open: bool = False, hi_open: bool = False) -> Hyper:
    """Return ``value`` as a float (or float array) after checking it lies in range.

    ``lo``/``hi`` are inclusive unless ``lo_open``/``hi_open``. NaN, infinity and
    non-numbers are refused with a message that names the optimizer and the knob.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{opt}: {name} must be a number, got {value!r}") from None
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{opt}: {name} must be a finite number, got {value!r}")
    if lo is not None and np.any(arr <= lo if lo_open else arr < lo):
        sign = ">" if lo_open else "≥"
        raise ValueError(f"{opt}: {name} must be {sign} {lo:g}, got {_show(value)}")
    if hi is not None and np.any(arr >= hi if hi_open else arr > hi):
        sign = "<" if hi_open else "≤"
        raise ValueError(f"{opt}: {name} must be {sign} {hi:g}, got {_show(value)}")
    return float(arr) if arr.ndim == 0 else arr


def flag(opt: str, name: str, value) -> bool:
    """A yes/no option such as ``nesterov``: only real booleans (or 0/1) pass."""
    if isinstance(value, (bool, np.bool_)) or value in (0, 1):
        return bool(value)
    raise ValueError(f"{opt}: {name} must be True or False, got {value!r}")


def pair(opt: str, name: str, value) -> tuple[Hyper, Hyper]:
    """``betas``: two coefficients, each in [0, 1)."""
    try:
        b1, b2 = value
    except (TypeError, ValueError):
        raise ValueError(f"{opt}: {name} must be a pair (beta1, beta2), got {value!r}") from None
    return (number(opt, f"{name}[0]", b1, 0.0, 1.0, hi_open=True),
            number(opt, f"{name}[1]", b2, 0.0, 1.0, hi_open=True))


def is_off(value: Hyper) -> bool:
    """True when an option is zero everywhere, so its branch can be skipped."""
    return not np.any(value)


def _show(value) -> str:
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        return f"{float(arr):g}"
    return f"an array with values {arr.min():g}…{arr.max():g}"
