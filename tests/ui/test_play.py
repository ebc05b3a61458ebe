"""Play runs in the browser: every step chart carries its own animation, and playing it
sends nothing to the server.

The unit tests read the specs the pages send (AppTest) and check the wiring ui.play
promises. The browser tests press Play on a fresh server, count the messages the browser
sends over the websocket while it plays (none: no rerun), and watch the progress strip
being drawn frame after frame on the chart's canvas. Frame rates are printed and written
to tests/artifacts/play_rate.txt, not asserted (timings belong in bench/ output).
"""

from __future__ import annotations

import json
import time

import jsonschema
import pytest
from altair.vegalite.v6.schema import core as vl_core

from tests.apputil import ROOT, chart_specs, charts, open_page
from tests.browser import SHOTS, wait_until_ready
from ui import play
from ui.render import SCRUB
from ui.text import CATALOGUE

PAGES = {"race": ("pages/3_Optimizer_Race.py", {}, 1),
         "race_inside": ("pages/3_Optimizer_Race.py", {"closer": "inside", "look": "adam"}, 2),
         "gradient_descent": ("pages/2_Gradient_Descent.py", {}, 3),
         "gradient_descent_zh_projector": ("pages/2_Gradient_Descent.py",
                                           {"lang": "zh", "projector": "1"}, 3)}


def step_charts(page: str, query: dict) -> tuple[list[dict], list[list[str]]]:
    """The specs that filter rows by the drawn step, and each one's dataset names."""
    at = open_page(page, query)
    assert not at.exception, [e.value for e in at.exception]
    specs, names = [], []
    for spec, el in zip(chart_specs(at), charts(at), strict=True):
        if f"datum.step <= {SCRUB}" in json.dumps(spec):
            specs.append(spec)
            names.append([d.name for d in el.proto.datasets])
    return specs, names


def units(spec):
    """Every single view of a (nested) spec."""
    kids = [k for key in ("layer", "hconcat", "vconcat", "concat") for k in spec.get(key, [])]
    if not kids:
        yield spec
    for kid in kids:
        yield from units(kid)


@pytest.mark.parametrize("case", list(PAGES))
def test_every_step_chart_carries_its_own_play(case):
    page, query, expected = PAGES[case]
    specs, names = step_charts(page, query)
    assert len(specs) >= expected, f"{len(specs)} step charts, expected {expected}"
    lang = query.get("lang", "en")
    schema = vl_core.load_schema()
    for spec, datasets in zip(specs, names, strict=True):
        spec.pop("datasets", None)
        jsonschema.validate(spec, schema)
        params = {p["name"]: p for p in spec["params"]}
        assert params[play.SLIDER]["bind"]["input"] == "range"
        radio = params[play.PLAY]["bind"]
        assert radio["input"] == "radio" and radio["options"] == [0, 1]
        assert CATALOGUE[lang]["frame.play"] in radio["labels"][1]
        assert CATALOGUE[lang]["frame.pause"] in radio["labels"][0]
        assert params[play.PLAY]["value"] == 0, "a chart opens paused"
        drawn = params[SCRUB]["expr"]
        assert play.SLIDER in drawn and "play_frame" in drawn and "bind" not in params[SCRUB]
        clocks = [p for u in units(spec) for p in u.get("params", [])
                  if p["name"] == play.CLOCK]
        assert len(clocks) == 1, "one clock per chart"
        ticks = clocks[0]["select"]["on"]["merge"]
        assert ticks[0]["type"] == "timer", "the clock ticks on a merged timer stream"
        assert f"modify('{play.CLOCK}'" in clocks[0]["select"]["toggle"]
        assert play.CLOCK in datasets, "the clock's dataset is sent under its own name"


def test_play_frames_start_at_zero_and_end_on_the_last_step():
    for n in (1, 7, 30, play.MAX_FRAMES, 1000):
        last = play.frames(n)
        steps = [round(k * n / last) for k in range(last + 1)]
        assert steps[0] == 0 and steps[-1] == n and steps == sorted(steps), n
        assert last <= play.MAX_FRAMES


def test_loss_axes_are_fixed_to_the_whole_run():
    specs, _ = step_charts("pages/3_Optimizer_Race.py", {})
    fixed = [u for u in units(specs[0]) if u.get("encoding", {}).get("y", {}).get("field") == "gap"]
    assert fixed, "the race chart has loss layers"
    for u in fixed:
        x, y = u["encoding"]["x"]["scale"]["domain"], u["encoding"]["y"]["scale"]["domain"]
        assert x[0] == 0 and x[1] > 0 and 0 < y[0] < y[1], (x, y)


# ------------------------------------------------------------------ in a real browser

WATCH = """([i, color]) => {
  // The filled part of the progress strip, measured as drawn: on a canvas the pixels of
  // its colour in the bottom band, on an SVG the width of the marks filled with it.
  const chart = document.querySelectorAll('[data-testid="stVegaLiteChart"]')[i];
  const c = chart.querySelector('canvas'), svg = chart.querySelector('svg');
  const [r, gr, b] = [1, 3, 5].map(k => parseInt(color.slice(k, k + 2), 16));
  function fromCanvas() {
    const g = c.getContext('2d');
    const band = Math.min(c.height, Math.round(70 * (window.devicePixelRatio || 1)));
    const d = g.getImageData(0, c.height - band, c.width, band).data; let n = 0;
    for (let k = 0; k < d.length; k += 4)
      if (Math.abs(d[k] - r) < 6 && Math.abs(d[k + 1] - gr) < 6 && Math.abs(d[k + 2] - b) < 6) n++;
    return n;
  }
  function fromSvg() {
    let w = 0;
    for (const e of svg.querySelectorAll('[fill]'))
      if (e.getAttribute('fill').toLowerCase() === color.toLowerCase())
        w += Math.round(e.getBBox().width);
    return w;
  }
  window.__seen = []; let last = null;
  function tick(t) {
    const n = c ? fromCanvas() : fromSvg();
    if (n !== last) { window.__seen.push([t, n]); last = n; }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
}"""


def progress(page) -> list[tuple[float, int]]:
    """(time in ms, filled pixels of the progress strip) each time the drawing changed."""
    return [tuple(x) for x in page.evaluate("window.__seen")]


def play_chart(page, url: str, index: int, seconds: float) -> dict:
    """Open ``url``, press Play on chart ``index``, watch it for ``seconds``."""
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda _: sent.append(time.time())))
    page.goto(url)
    wait_until_ready(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').nth(index)
    chart.scroll_into_view_if_needed()
    page.evaluate(WATCH, [index, play.PROGRESS])
    page.wait_for_timeout(300)
    drawn = progress(page)
    before, start = drawn[-1][1], len(drawn)
    radios = chart.locator(".vega-bindings input[type=radio]")
    assert radios.count() == 2, "a Pause | Play switch under the chart"
    quiet = len(sent)
    radios.nth(1).check()
    page.wait_for_timeout(int(seconds * 1000))
    seen = progress(page)[start:]
    return {"chart": chart, "radios": radios, "before": before, "seen": seen,
            "sent": len(sent) - quiet}


def frame_rate(seen) -> float:
    moving = [t for t, _ in seen]
    return (len(moving) - 1) / ((moving[-1] - moving[0]) / 1000) if len(moving) > 2 else 0.0


def record(name: str, result: dict) -> None:
    line = (f"{name}: {len(result['seen'])} drawn frames, {frame_rate(result['seen']):.1f} "
            f"frames/s, {result['sent']} messages to the server while playing\n")
    print(line.strip())
    out = ROOT / "tests" / "artifacts" / "play_rate.txt"
    with out.open("a") as fh:
        fh.write(line)


@pytest.mark.parametrize("query", ["", "?projector=1", "?lang=zh"])
def test_race_plays_in_the_browser_without_a_rerun(server, page, query):
    result = play_chart(page, server.url + "/Optimizer_Race" + query, 0, 3.0)
    record(f"race{query}", result)
    assert result["sent"] == 0, f"{result['sent']} messages sent while playing"
    fills = [n for _, n in result["seen"]]
    assert len(fills) >= 4, f"the drawing changed only {len(fills)} times in 3 s"
    assert fills[0] < result["before"], "Play starts again from step 0"
    assert fills == sorted(fills), "the progress only moves forward while playing"
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = "play-race" + query.replace("?", "-").replace("=", "").replace("&", "-")
    result["chart"].screenshot(path=str(SHOTS / f"{name}.png"))
    result["radios"].nth(0).check()                        # Pause
    page.wait_for_timeout(400)
    held = progress(page)[-1]
    page.wait_for_timeout(600)
    assert progress(page)[-1] == held, "Pause holds the frame"
    assert held[1] < result["before"], "Pause keeps the paused step, not the slider's"


def test_one_weight_plays_to_its_last_step_and_stops(server, page):
    # 30 steps at FRAME_MS each: about 2.4 s, then it holds the last step
    result = play_chart(page, server.url + "/Gradient_Descent", 0, 4.5)
    record("gradient_descent one weight", result)
    assert result["sent"] == 0, f"{result['sent']} messages sent while playing"
    fills = [n for _, n in result["seen"]]
    assert len(fills) >= 4 and fills == sorted(fills), fills
    assert fills[-1] == result["before"], "the run ends on its last step, the full bar"
    page.wait_for_timeout(500)
    assert progress(page)[-1][1] == result["before"], "it stops there"
    result["chart"].screenshot(path=str(SHOTS / "play-gradient_descent.png"))
