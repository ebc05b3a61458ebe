"""Sending an Altair chart to the page, quickly.

``st.altair_chart`` runs Altair's ``to_dict``, which validates the whole chart
against the Vega-Lite JSON schema and deep-copies it while lifting parameters: about
100 ms for a contour map with paths, every rerun. The builders in ``ui.charts`` make
charts that are valid by construction (tests validate every one against the schema),
so :func:`to_spec` converts the chart tree directly — each Altair object by its own
``to_dict(validate=False)`` — and :func:`show` sends it with ``st.vega_lite_chart``.

Two more costs are paid once instead of on every run:

- Altair's debug mode validates each schema object as it is built (``alt.Config``,
  every transform, every mark): a tenth of a warm page visit. It is switched off here.
  It changes no output, only when errors would be caught, and the tests do the
  catching (every spec is validated against the schema there).
- DataFrames become named datasets already serialised as Arrow IPC bytes, the form
  Streamlit sends them in. A spec cached by ``st.cache_data`` then carries bytes, and
  Streamlit sends bytes as they are instead of converting the frames on every run.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st
from altair.utils import schemapi
from altair.utils.schemapi import SchemaBase, Undefined
from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes

from ui import share
from ui.text import CATALOGUE, DEFAULT_LANGUAGE, LANGUAGES

_TOP_LEVEL = (alt.Chart, alt.LayerChart, alt.HConcatChart, alt.VConcatChart)
SCHEMA_URL = alt.SCHEMA_URL
SCRUB = "scrub"          # the step a step chart draws (ui.play sets it)

schemapi.disable_debug_mode()


def to_spec(chart) -> dict:
    """The Vega-Lite dict of ``chart``; each DataFrame becomes a named dataset of Arrow
    IPC bytes (read one back with ``pyarrow.ipc.open_stream(b).read_pandas()``).

    Frames the chart names itself (its top-level ``datasets``, e.g. ``ui.play``'s clock,
    which the spec's expressions address by name) keep their names."""
    named = chart._kwds.get("datasets", Undefined)
    datasets: dict[str, pd.DataFrame] = {} if named is Undefined else dict(named)
    spec = _plain(chart, datasets)
    spec["$schema"] = SCHEMA_URL
    spec["datasets"] = {name: convert_pandas_df_to_arrow_bytes(frame)
                        for name, frame in datasets.items()}
    return spec


def _plain(obj, datasets: dict):
    if isinstance(obj, pd.DataFrame):
        return {"name": _dataset_name(obj, datasets)}
    if isinstance(obj, _TOP_LEVEL):
        return {key: _plain(value, datasets) for key, value in obj._kwds.items()
                if value is not Undefined and key != "datasets"}
    if isinstance(obj, SchemaBase):
        return obj.to_dict(validate=False)
    if isinstance(obj, (list, tuple)):
        return [_plain(v, datasets) for v in obj]
    if isinstance(obj, dict):
        return {k: _plain(v, datasets) for k, v in obj.items()}
    return obj


def _dataset_name(frame: pd.DataFrame, datasets: dict) -> str:
    for name, known in datasets.items():
        if known is frame:
            return name
    name = f"data-{len(datasets)}"
    datasets[name] = frame
    return name


# A tooltip row a builder left untitled is titled from the vocabulary ``frame.tip.<field>``
# in the session's language. ``series`` is a method on the race charts (whose builders
# are given ``tip_titles``) but a curve (f, secant, tangent) elsewhere: untitled, it is
# a "curve".
_NEUTRAL = {"series": "curve"}


def session_language() -> str:
    """The language of this session (the frame's switch, or the link's ``lang``)."""
    lang = st.session_state.get("lang") or st.query_params.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def title_tooltips(spec, lang: str) -> None:
    """Give every tooltip row of ``spec`` that has none a title in ``lang`` (in place),
    so no raw column name such as ``eff_lr`` reaches a reader."""
    words = CATALOGUE[lang]
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "tooltip":
                for row in value if isinstance(value, list) else [value]:
                    if isinstance(row, dict) and "field" in row and "title" not in row:
                        name = _NEUTRAL.get(row["field"], row["field"])
                        if f"frame.tip.{name}" in words:
                            row["title"] = words[f"frame.tip.{name}"]
            elif key != "datasets":
                title_tooltips(value, lang)
    elif isinstance(spec, list):
        for value in spec:
            title_tooltips(value, lang)


def columns(F, spec) -> list:
    """Columns for charts side by side (``spec`` as for ``st.columns``); one container
    under the other when the style stacks paired charts (projector mode)."""
    if F.style.stack:
        return [st.container() for _ in range(spec if isinstance(spec, int) else len(spec))]
    return st.columns(spec)


def compact(frame: pd.DataFrame) -> pd.DataFrame:
    """The same rows in fewer bytes for the browser: text as categories (sent once per
    value), floats as float32 and whole numbers as int32 — plenty for drawing."""
    kinds = {}
    for col, dtype in frame.dtypes.items():
        if dtype.kind == "f":
            kinds[col] = "float32"
        elif dtype.kind in "iu" and dtype.itemsize > 4:
            kinds[col] = "int32"
        elif dtype.kind in "OT" or str(dtype) in ("str", "string"):
            kinds[col] = "category"
    return frame.astype(kinds)


def show(chart, *, key: str | None = None, pick: bool = False, width=None, files=None):
    """Draw ``chart``; with ``pick``, clicks rerun the page (selection in session state).

    ``chart`` may also be a spec already made by :func:`to_spec` (e.g. a cached one).
    ``width="content"`` keeps the chart's own width (e.g. for equal axis scales);
    the default lets Streamlit stretch single charts to the column.
    ``files`` (from ``ui.downloads.chart_files``) draws download buttons for this very
    spec under the chart; they convert it only when clicked.
    """
    spec = chart if isinstance(chart, dict) else to_spec(chart)
    title_tooltips(spec, session_language())
    if pick:
        picked = st.vega_lite_chart(spec, key=key, on_select="rerun", selection_mode="pick",
                                    theme=None, width=width)
    else:
        picked = st.vega_lite_chart(spec, key=key, theme=None, width=width)
    if files is not None:
        files(spec)
    share.refresh()          # the controls above have written the URL by now
    return picked
