"""ui.numbers: what a student reads has no inf, nan or denormal in it."""

import numpy as np
import pytest

from ui.numbers import SOLVED_BELOW, finite_or_nan, fmt, gap_text, is_solved


@pytest.mark.parametrize("value,text", [(float("inf"), "—"), (float("nan"), "—"),
                                        (1.6e-318, "0"), (0.0, "0"), (12345.6, "12,346"),
                                        (0.000123456, "0.000123"), (2.5e9, "2.5e+09")])
def test_fmt(value, text):
    assert fmt(value) == text


def test_gap_text_says_solved_below_the_tolerance():
    t = lambda key, **kw: f"{key}:{kw['tol']}"  # noqa: E731
    assert gap_text(t, 4.5e-318) == "frame.solved:1e-12"
    assert gap_text(t, 3e-4) == "0.0003"
    assert is_solved(SOLVED_BELOW / 2) and not is_solved(float("nan"))


def test_finite_or_nan_leaves_nothing_a_float32_chart_cannot_hold():
    a = finite_or_nan([1e400, -np.inf, np.nan, 1e-39, -1e-320, 3.0, 2e12, 1e-30])
    assert np.isnan(a[[0, 1, 2, 6]]).all()
    assert (a[[3, 4]] == 0).all() and a[5] == 3.0 and a[7] == 1e-30
    small = a[np.isfinite(a)].astype(np.float32)
    tiny = np.finfo(np.float32).tiny
    assert np.all((small == 0) | (np.abs(small) >= tiny)) and np.all(np.isfinite(small))
