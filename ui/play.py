"""Play and Pause inside a step chart: the browser animates it, the server never reruns.

Every step chart draws the rows up to the step held by the parameter ``scrub``
(``ui.charts.until_scrubbed``). :func:`playable` adds, under the chart, a progress strip
and two controls bound to parameters: the step slider (``scrub_slider``) and a
Pause | Play switch (``play``). ``scrub`` is an expression of them:

    held   = play ? 1 : (held and the slider has not moved since the pause)
    scrub  = held ? the step at frame k : the slider's step
    k      = play ? min(F, floor((now − start) / FRAME_MS)) : k      (held while paused)
    start  = play ? the time Play was pressed : 0

so Play runs frames 0 … F (F ≤ MAX_FRAMES, each frame a step or an even stride of steps)
and stops on the last step; Pause freezes the frame until the slider is moved. Pressing
Play again starts from step 0.

Where the time comes from. Vega-Lite 6's own timer animation (a point selection on
``"timer"`` with a ``time`` channel) refuses layered and concatenated charts ("Animation
involving facet, layer, or concat is currently unsupported"), and ours are both. A point
selection whose events are a *merged* timer stream is an ordinary selection, allowed in
any view; its ``toggle`` expression is evaluated on every tick, and it writes the time
into the one-row dataset ``play_clock`` (Vega's ``modify``) while ``play`` is on;
``play_now`` reads it back. (The stream itself cannot be filtered on ``play``: Streamlit
evaluates expressions with Vega's interpreter, whose event filters see no signals.)
A parameter that names itself in its expression (``k``, ``held``) keeps its previous
value: Vega reads the current value of a signal's own reference and does not wait on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from ui.render import SCRUB
from ui.style import ChartStyle

Q = "quantitative"
SLIDER = "scrub_slider"        # the range input the student drags
PLAY = "play"                  # 0: paused, 1: playing (a Pause | Play radio)
CLOCK = "play_clock"           # the one-row dataset holding the time of the last tick
FRAME_MS = 80                  # 12.5 frames per second
MAX_FRAMES = 120               # a long run plays in strides: at most ~10 s
TICK_MS = 20                   # how often the clock is read while playing
TRACK, PROGRESS = "#E4E7EB", "#5B6B7B"      # the strip: the whole run, the part drawn


@dataclass(frozen=True)
class PlayText:
    """The words of the controls: the slider's label and the switch's two choices."""
    step: str
    play: str = "▶"
    pause: str = "❚❚"


def play_text(F) -> PlayText:
    """The controls' words in the page's language."""
    return PlayText(F.t("frame.step"), "▶ " + F.t("frame.play"), "❚❚ " + F.t("frame.pause"))


def frames(n_steps: int) -> int:
    """How many frames a run of ``n_steps`` steps plays (frame k shows step k·n/F)."""
    return max(1, min(n_steps, MAX_FRAMES))


def params(n_steps: int, text: PlayText, value: int | None = None) -> list[dict]:
    """The top-level parameters: slider, switch, clock and the drawn step ``scrub``."""
    n, last = max(n_steps, 0), frames(n_steps)
    return [
        {"name": SLIDER, "value": n if value is None else value,
         "bind": {"input": "range", "min": 0, "max": max(n, 1), "step": 1,
                  "name": f"{text.step} "}},
        {"name": PLAY, "value": 0,
         "bind": {"input": "radio", "options": [0, 1], "labels": [text.pause, text.play],
                  "name": " "}},
        {"name": "play_now",
         "expr": f"length(data('{CLOCK}')) ? data('{CLOCK}')[0].t : 0"},
        {"name": "play_start", "value": 0, "expr": f"{PLAY} ? now() : 0"},
        {"name": "play_frame", "value": 0,
         "expr": f"{PLAY} ? (play_now < play_start ? 0 : "
                 f"min({last}, floor((play_now - play_start) / {FRAME_MS}))) : play_frame"},
        {"name": "play_paused_at", "value": 0,
         "expr": f"{PLAY} ? {SLIDER} : play_paused_at"},
        {"name": "play_held", "value": 0,
         "expr": f"{PLAY} ? 1 : (play_held && {SLIDER} == play_paused_at ? 1 : 0)"},
        {"name": SCRUB, "value": n if value is None else value,
         "expr": f"play_held ? round(play_frame * {n} / {last}) : {SLIDER}"},
    ]


def clock_selection() -> dict:
    """The selection whose ticks write the time into ``play_clock`` while playing."""
    tick = {"type": "timer", "throttle": TICK_MS}
    write = f"{PLAY} ? modify('{CLOCK}', {{t: now()}}, true) : false"
    return {"name": CLOCK, "select": {"type": "point", "on": {"merge": [tick]},
                                      "toggle": write, "clear": False}}


def progress_strip(n_steps: int, style: ChartStyle, text: PlayText) -> alt.LayerChart:
    """A thin bar under the chart: how far the drawn step is, with ``step k / n``."""
    n = max(n_steps, 1)
    x = {"type": Q, "title": None, "axis": None, "scale": {"domain": [0, n], "nice": False}}
    clock = alt.NamedData(name=CLOCK)
    bar = {"height": style.font_size * 0.6}
    track = alt.Chart(clock).mark_bar(color=TRACK, **bar).encode(
        alt.X("zero", **x), alt.X2("end")).transform_calculate(zero="0", end=str(n))
    done = alt.Chart(clock).mark_bar(color=PROGRESS, **bar).encode(
        alt.X("zero", **x), alt.X2("s")).transform_calculate(zero="0", s=SCRUB)
    label = alt.Chart(clock).mark_text(
        align="left", dx=6, fontSize=style.font_size, color=style.text_color).encode(
        alt.X("end", **x), alt.Text("label", type="nominal")).transform_calculate(
        end=str(n), label=f"'{_quote(text.step)} ' + {SCRUB} + ' / {n}'")
    track.params = [alt.SelectionParameter(**clock_selection())]
    strip = alt.LayerChart(width=style.width, height=style.font_size + 6,
                           view=alt.ViewBackground(stroke=None))
    strip.layer = [track, done, label]
    return strip


def playable(body, n_steps: int, style: ChartStyle, text: PlayText,
             value: int | None = None) -> alt.VConcatChart:
    """``body`` (charts reading ``scrub``) above its progress strip, with the controls."""
    chart = alt.VConcatChart(datasets={CLOCK: pd.DataFrame({"t": [0.0]})})
    chart.vconcat = [body, progress_strip(n_steps, style, text)]
    chart.params = [alt.VariableParameter(**p) for p in params(n_steps, text, value)]
    return chart


def _quote(words: str) -> str:
    """``words`` safe inside a single-quoted Vega expression string."""
    return words.replace("\\", "\\\\").replace("'", "\\'")
