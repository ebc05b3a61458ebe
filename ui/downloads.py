"""Files to take away for a worksheet: CSV tables, PNG and SVG pictures of charts.

Every button passes a callable as ``data``: Streamlit registers it and runs it only
when the button is clicked (on a thread of its own), so a rerun pays nothing for the
files and no file is kept in memory before it is asked for. ``on_click="ignore"``:
a download does not rerun the page.

A chart's picture is drawn on the server by ``vl-convert`` from the very spec
:func:`ui.render.show` sends to the browser. That spec carries its data as named
datasets of Arrow IPC bytes (the form Streamlit sends); :func:`plain_spec` turns them
back into inline JSON rows, which is what vl-convert reads.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

SCALE = 2                 # PNG pixels per chart pixel: sharp on a projector and in print
Table = pd.DataFrame | Callable[[], pd.DataFrame]


def csv(F, name: str, table: Table, *, where=st) -> None:
    """A CSV button for ``table`` (a DataFrame, a pandas Styler, or a callable returning
    one, for a table that should be built only on click). The file is ``<name>.csv``."""
    where.download_button(F.t("downloads.csv"), data=lambda: csv_bytes(table),
                          file_name=f"{name}.csv", mime="text/csv", key=f"dl.{name}.csv",
                          help=F.t("downloads.csv_help"), icon=":material/download:",
                          on_click="ignore")


def chart_files(F, name: str, table: Table | None = None) -> Callable[[dict], None]:
    """What ``show(chart, files=...)`` draws under a chart: PNG and SVG of the chart
    (and a CSV of ``table`` when given), one row of small buttons."""
    def draw(spec: dict) -> None:
        row = st.container(horizontal=True, gap="small")
        if table is not None:
            csv(F, name, table, where=row)
        for kind, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            row.download_button(F.t(f"downloads.{kind}"), data=_picture(spec, kind),
                                file_name=f"{name}.{kind}", mime=mime,
                                key=f"dl.{name}.{kind}", help=F.t(f"downloads.{kind}_help"),
                                icon=":material/image:", on_click="ignore")
    return draw


def csv_bytes(table: Table) -> bytes:
    """``table`` as UTF-8 CSV with a byte-order mark (so spreadsheet programs read the
    Chinese headings right)."""
    frame = table() if callable(table) else table
    frame = getattr(frame, "data", frame)            # a Styler's underlying frame
    return frame.to_csv(index=False).encode("utf-8-sig")


def trajectories(runs: Mapping[str, object]) -> pd.DataFrame:
    """Optimizer paths as long rows (optimizer, step, x, y, loss), every step up to
    divergence, from ``{label: core.training.run.Trajectory}`` of 2-D runs."""
    parts = []
    for label, run in runs.items():
        k = int(run.diverged_at)
        n = len(run.points) if k < 0 else k
        parts.append(pd.DataFrame({"optimizer": label, "step": range(n),
                                   "x": run.points[:n, 0], "y": run.points[:n, 1],
                                   "loss": run.losses[:n]}))
    return pd.concat(parts, ignore_index=True)


def sweeps_table(sweeps: Mapping[str, object], f_min: float) -> pd.DataFrame:
    """Learning-rate sweeps as rows (optimizer, lr, final_loss, gap = final_loss − f*,
    diverged_at, stable, best), from ``{label: core.training.sweep.Sweep}``."""
    parts = [pd.DataFrame({"optimizer": label, "lr": s.lrs, "final_loss": s.final_loss,
                           "gap": s.final_loss - f_min, "diverged_at": s.diverged_at,
                           "stable": s.stable, "best": np.arange(len(s.lrs)) == s.best})
             for label, s in sweeps.items()]
    return pd.concat(parts, ignore_index=True)


def plain_spec(spec: dict) -> dict:
    """``spec`` with every Arrow dataset turned into JSON rows (vl-convert's input)."""
    out = copy.copy(spec)
    out["datasets"] = {name: _rows(data) for name, data in spec.get("datasets", {}).items()}
    return out


def picture(spec: dict, kind: str) -> bytes:
    """The chart of ``spec`` as PNG (at :data:`SCALE`) or SVG bytes, drawn by vl-convert."""
    # imported on the first click, not with the page
    import vl_convert as vlc

    plain = plain_spec(spec)
    if kind == "png":
        return vlc.vegalite_to_png(plain, scale=SCALE)
    return vlc.vegalite_to_svg(plain).encode()


def _picture(spec: dict, kind: str) -> Callable[[], bytes]:
    return lambda: picture(spec, kind)


def _rows(data) -> list | object:
    if isinstance(data, bytes | bytearray | memoryview):
        frame = pa.ipc.open_stream(bytes(data)).read_pandas()
        return json.loads(frame.to_json(orient="records", double_precision=15))
    if isinstance(data, pd.DataFrame):
        return json.loads(data.to_json(orient="records", double_precision=15))
    return data
