"""The "share this view" link: the page's full address with every query parameter the
controls keep, shown as plain text with a copy button.

:func:`ui.frame.setup` reserves the link's place in the sidebar (:func:`start`); the
controls write their values into the URL after their widgets, so every control and every
chart calls :func:`refresh`, which redraws the link only when the address changed (a
string comparison), and the link is exact by the end of each run.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

_SLOT = "_share_slot"          # session key: (placeholder, page path, is home, link shown)


def reset() -> None:
    """Forget the previous run's placeholder (called first thing in every run, so no
    control drawn before :func:`start` writes into an element of an earlier run)."""
    st.session_state.pop(_SLOT, None)


def start(slot, path: str, home: bool) -> None:
    """Reserve ``slot`` (an ``st.empty()``) for this run's link of the page at ``path``
    (below the app root; empty for home)."""
    st.session_state[_SLOT] = (slot, path, home, None)
    refresh()


def link(path: str, home: bool) -> str:
    """The full address of this view: the browser's URL of the page (``st.context.url``,
    which Streamlit gives without its query) plus every query parameter the controls keep.
    Without a browser (AppTest) it is the page's path, e.g. ``/Differentiation?x0=2.5``."""
    base = st.context.url or "/" + path
    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    query = urlencode(pairs, safe=",", quote_via=quote)
    if home and not base.endswith("/"):
        base += "/"
    return f"{base}?{query}" if query else base


def refresh() -> None:
    """Redraw the link if the address changed since it was drawn."""
    slot, path, home, shown = st.session_state.get(_SLOT, (None, None, None, None))
    ctx = get_script_run_ctx()
    if slot is None or ctx is None or ctx.fragment_ids_this_run:  # a fragment may not
        return                                                    # write outside itself
    now = link(path, home)
    if now != shown:
        slot.code(now, language=None, wrap_lines=True)            # plain text, never markdown
        st.session_state[_SLOT] = (slot, path, home, now)
