"""Bounded caches around core calls that several pages share.

Cached values come back as copies (Streamlit pickles them), so a page can't change
what another session sees. Arguments are primitives, hashed by value.
"""

from __future__ import annotations

import streamlit as st

from core.problems.surfaces import get_surface
from ui.geometry import surface_frames


@st.cache_data(max_entries=64, show_spinner=False)
def surface_picture(key: str, params: tuple = (), n: int = 56):
    """(cells, lines, minima, log_color) of a surface, for ``ui.charts.map_layers``."""
    return surface_frames(get_surface(key, **dict(params)), n=n)
