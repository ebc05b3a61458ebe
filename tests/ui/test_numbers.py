"""ui.numbers: what a student reads has no inf, nan or denormal in it."""

import numpy as np
import pytest

from ui.numbers import SOLVED_BELOW, count, finite_or_nan, fmt, gap_text, is_solved, precise, ratio


@pytest.mark.parametrize("value,text", [(float("inf"), "—"), (float("nan"), "—"),
                                        (1.6e-318, "0"), (0.0, "0"), (12345.6, "12,346"),
                                        (0.000123456, "0.000123"), (2.5e9, "2.5 × 10⁹"),
                                        (4.506617302e-12, "4.51 × 10⁻¹²"), (1e-12, "10⁻¹²"),
                                        (-3e-7, "-3 × 10⁻⁷"), (1e15, "10¹⁵")])
def test_fmt(value, text):
    assert fmt(value) == text


def test_gap_text_says_solved_below_the_tolerance():
    t = lambda key, **kw: f"{key}:{kw['tol']}"  # noqa: E731
    assert gap_text(t, 4.5e-318) == "frame.solved:10⁻¹²"
    assert gap_text(t, 3e-4) == "0.0003"
    assert is_solved(SOLVED_BELOW / 2) and not is_solved(float("nan"))


def test_finite_or_nan_leaves_nothing_a_float32_chart_cannot_hold():
    a = finite_or_nan([1e400, -np.inf, np.nan, 1e-39, -1e-320, 3.0, 2e12, 1e-30])
    assert np.isnan(a[[0, 1, 2, 6]]).all()
    assert (a[[3, 4]] == 0).all() and a[5] == 3.0 and a[7] == 1e-30
    small = a[np.isfinite(a)].astype(np.float32)
    tiny = np.finfo(np.float32).tiny
    assert np.all((small == 0) | (np.abs(small) >= tiny)) and np.all(np.isfinite(small))


def test_fmt_never_writes_e_notation_at_any_scale_or_digit_count():
    for digits in (1, 2, 3, 4, 6):
        for exponent in range(-299, 300, 7):
            for mantissa in (1.0, 1.5, -4.506617302, 9.99):
                v = mantissa * 10.0 ** exponent
                assert "e" not in fmt(v, digits) and "e" not in precise(v, digits), v
    assert fmt(123, 2) == "120" and fmt(999.6, 3) == "1,000"


def test_precise_keeps_its_digits_as_a_power_of_ten():
    assert precise(4.506617302e-12) == "4.506617302 × 10⁻¹²"
    assert precise(1234.5678, 8) == "1234.5678"


@pytest.mark.parametrize("value,text", [(3.24, "3.2"), (45.3, "45"), (999.6, "1,000"),
                                        (9000.0, "9,000"), (1e4, "10⁴"),
                                        (1514559900566, "1.5 × 10¹²"), (9e6, "9 × 10⁶"),
                                        (float("inf"), "—")])
def test_ratio(value, text):
    assert ratio(value) == text


def test_count_groups_thousands():
    assert count(1514559900566) == "1,514,559,900,566" and count(7) == "7"
