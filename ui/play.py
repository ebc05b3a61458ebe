"""Play and Pause for step-by-step charts.

The scrubber under a chart moves in the browser without a rerun. Play animates the
same thing from the server: a fragment reruns every ``interval`` seconds, advances
the step and redraws only itself; Pause (or the last step) stops the timer.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import controls


def player(F, key: str, n_steps: int, draw: Callable[[int | None], None], *,
           chart_key: str | None = None, interval: float = 0.25, frames: int = 40) -> None:
    """Draw Play/Pause buttons and call ``draw(step)`` (``None``: the user scrubs freely).

    ``chart_key``: a selectable chart drawn by ``draw``; a click on it reruns the whole
    page (not just this fragment) so the page can act on it.
    """
    playing_key, step_key = f"{key}_playing", f"{key}_step"
    playing = st.session_state.get(playing_key, False)

    @st.fragment(run_every=interval if playing else None)
    def frame():
        if chart_key and controls.pick_pending(chart_key):
            st.rerun(scope="app")
        now_playing = st.session_state.get(playing_key, False)
        step = st.session_state.get(step_key)
        if now_playing:
            stride = max(1, n_steps // frames)
            step = 0 if step is None else min(n_steps, step + stride)
            st.session_state[step_key] = step
        left, _ = st.columns([1, 5])
        label = F.t("frame.pause") if now_playing else F.t("frame.play")
        icon = ":material/pause:" if now_playing else ":material/play_arrow:"
        if left.button(label, key=f"{key}_button", icon=icon):
            _toggle(playing_key, step_key, now_playing, n_steps)
        draw(step if now_playing else None)
        if now_playing and step >= n_steps:
            st.session_state[playing_key] = False
            st.session_state[step_key] = None
            st.rerun(scope="app")

    frame()


def _toggle(playing_key: str, step_key: str, now_playing: bool, n_steps: int) -> None:
    st.session_state[playing_key] = not now_playing
    if not now_playing:
        st.session_state[step_key] = None if n_steps == 0 else -1
    st.rerun(scope="app")
