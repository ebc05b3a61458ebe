"""Downloads on the Differentiation page: every section's main chart offers PNG and SVG,
and a CSV where the plotted numbers make a table; the files are callables Streamlit runs
only on click (the page builds none on a rerun). The accuracy CSV, run as a click would
run it, holds core's errors at every h; the f / f′ table is core's curve on the grid."""

import io

import numpy as np
import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from core.calculus.differences import difference_errors
from core.problems.curves import get_curve
from tests.apputil import assert_clean, open_page
from ui.differentiation import data, tables
from ui.differentiation.sampling import N_GRID

PAGE = "pages/1_Differentiation.py"
FILES = ("csv", "png", "svg")
EXPECTED = {"diff-line": ("png", "svg"), "diff-secant": ("png", "svg"),
            "diff-approach": FILES, "diff-slope-everywhere": FILES, "diff-typed": FILES,
            "diff-accuracy": FILES, "diff-directions-map": ("png", "svg"),
            "diff-directions-profile": FILES, "diff-chain": FILES}


@pytest.fixture
def clicks(monkeypatch):
    """file id -> the callable a download button registered (what a click would run);
    also counts how many callables ran while the page was drawn (must be none)."""
    made, ran = {}, []
    original = MediaFileManager.add_deferred

    def record(self, data_callable, *args, **kwargs):
        def counted():
            ran.append(data_callable)
            return data_callable()
        file_id = original(self, counted, *args, **kwargs)
        made[file_id] = counted
        return file_id
    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made, ran


def _buttons(at) -> dict:
    return {b.key: b for b in at.get("download_button")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_main_chart_has_its_buttons(lang, clicks):
    at = open_page(PAGE, {"lang": lang} if lang != "en" else {})
    assert_clean(at)
    keys = set(_buttons(at))
    want = {f"dl.{name}.{kind}" for name, kinds in EXPECTED.items() for kind in kinds}
    assert want <= keys, f"missing {sorted(want - keys)}; the page offers {sorted(keys)}"
    made, ran = clicks
    assert all(b.proto.deferred_file_id in made for b in _buttons(at).values()), (
        "every file is a callable, built only on click")
    assert not ran, f"{len(ran)} files were built while the page was drawn"


def _click(at, made, key: str) -> bytes:
    return made[_buttons(at)[key].proto.deferred_file_id]()


def test_the_accuracy_csv_holds_cores_errors(clicks):
    at = open_page(PAGE, {"acc.f": "sin", "acc.x0.sin": "0.7"})
    assert_clean(at)
    made, _ = clicks
    table = pd.read_csv(io.BytesIO(_click(at, made, "dl.diff-accuracy.csv")),
                        encoding="utf-8-sig")
    assert list(table.columns) == ["h", "forward_error", "central_error"]
    curve = get_curve("sin")
    e = difference_errors(curve.f, curve.df, 0.7, data.ERROR_HS)
    np.testing.assert_allclose(table.h, e.h, rtol=1e-14)
    np.testing.assert_allclose(table.forward_error, e.forward, rtol=1e-12, atol=0)
    np.testing.assert_allclose(table.central_error, e.central, rtol=1e-12, atol=0)
    assert len(table) == len(data.ERROR_HS)


def test_the_slope_table_is_cores_curve_on_the_grid(clicks):
    at = open_page(PAGE, {"rule.f": "double_well"})
    made, _ = clicks
    table = pd.read_csv(io.BytesIO(_click(at, made, "dl.diff-slope-everywhere.csv")),
                        encoding="utf-8-sig")
    curve = get_curve("double_well")
    x = np.linspace(*curve.domain, N_GRID)
    np.testing.assert_allclose(table.x, x, rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(table.f, curve.f(x), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(table.df, curve.df(x), rtol=1e-12, atol=1e-14)


def test_a_picture_is_drawn_from_the_sent_spec(clicks):
    at = open_page(PAGE)
    made, _ = clicks
    png = _click(at, made, "dl.diff-accuracy.png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert _click(at, made, "dl.diff-line.svg").lstrip().startswith(b"<svg")


def test_tables_leave_undefined_values_empty():
    t = tables.typed_slopes("log(x)")
    assert t[t.x <= 0][["f", "df"]].isna().all().all()
    assert t[t.x > 0][["f", "df"]].notna().all().all()
    assert tables.typed_slopes("(((").empty
    kink = tables.approach("abs", 0.0, 0.5)
    assert "exact" not in kink and (kink.secant_right == 1).all() and (kink.secant_left == -1).all()
