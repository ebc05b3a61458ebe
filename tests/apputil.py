"""Helpers for AppTest page tests: open a page like a visitor, read its charts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow as pa
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def open_page(page: str | None = None, query: dict | None = None, timeout: float = 60) -> AppTest:
    """Run app.py (or ``page``, e.g. "pages/1_Differentiation.py") with URL ``query``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


def charts(at: AppTest) -> list:
    return list(at.get("arrow_vega_lite_chart")) + list(at.get("vega_lite_chart"))


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in charts(at)]


def chart_frames(at: AppTest) -> list:
    """Every dataset every chart on the page sends, as pandas DataFrames."""
    frames = []
    for el in charts(at):
        for named in el.proto.datasets:
            frames.append(pa.ipc.open_stream(named.data.data).read_pandas())
    return frames


def chart_bytes(at: AppTest) -> int:
    """Bytes of chart data (Arrow datasets plus specs) the page sends to the browser."""
    return sum(len(named.data.data) for el in charts(at) for named in el.proto.datasets) + sum(
        len(el.proto.spec) for el in charts(at))


def assert_clean(at: AppTest) -> None:
    """No uncaught exception, and no NaN or infinity in any number a chart receives."""
    assert not at.exception, [e.value for e in at.exception]
    for frame in chart_frames(at):
        numeric = frame.select_dtypes(include=[np.number])
        bad = ~np.isfinite(numeric.to_numpy(dtype=float))
        where = list(numeric.columns[bad.any(0)])
        assert not bad.any(), f"non-finite chart values in columns {where}"
