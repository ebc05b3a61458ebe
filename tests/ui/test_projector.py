"""Projector mode, measured in a real browser at 1280 × 720 (a classroom projector).

Every page, and the main views of the race and of Choosing an Optimizer, opened in
projector mode in English and in Chinese on one server in one browser tab. From the DOM
and from each Vega view's scenegraph (found through the chart element's React state,
``view.scenegraph()``) the test measures:

- body text (markdown paragraphs and list items, captions, widget labels) ≥ 22 px;
- axis and legend labels, axis titles and text marks ≥ 20 px;
- every line and rule mark ≥ 3 px wide;
- no two visible tick labels of one axis overlapping (crowded ticks are thinned);
- no element whose content is wider than its box where the box clips it (``overflow``
  not visible, or an ellipsis): tables, chips, menu entries, select boxes, headers;
  and no chart wider than the column it stands in.

Screenshots of each view, projector and normal, at 1280 and 1920 px wide (the window is
made as tall as the page, because Streamlit scrolls inside its own container), go to
tests/artifacts/screens/projector-*.png.

:data:`KNOWN_CLIPPED` lists what is still clipped (issue 14 unfinished); each entry is
held to failing, so a fix must remove it, and anything new fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import SHOTS, wait_until_ready

PROBE = (Path(__file__).parent / "projector_probe.js").read_text()

VIEWS = {
    "home": "/",
    "differentiation": "/Differentiation",
    "gradient_descent": "/Gradient_Descent",
    "race": "/Optimizer_Race?closer=fair",
    "race_inside": "/Optimizer_Race?closer=inside&look=adam",
    "race_network": "/Optimizer_Race?closer=network",
    **{f"choosing_{v}": f"/Choosing_an_Optimizer?view={v}"
       for v in ("sparse", "ladder", "guide", "matrix", "beyond")},
}
BODY_PX, LABEL_PX, LINE_PX = 22, 20, 3
# Views whose normal mode still has a chart wider than the page at 1280 px.
WIDE_IN_NORMAL: set[str] = set()

# (view, lang) -> data-testids/classes of boxes that still clip their content.
KNOWN_CLIPPED: dict[tuple[str, str], set[str]] = {}


@pytest.fixture(scope="module")
def wall(chromium):
    """One tab for the whole module, at a projector's 1280 × 720."""
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    yield tab
    context.close()


def open_view(tab, url: str) -> None:
    tab.set_viewport_size({"width": 1280, "height": 720})
    tab.goto(url)
    wait_until_ready(tab)
    if "Optimizer_Race" in url:     # a cold race computes its sweeps before it draws
        tab.wait_for_function("""() => document.querySelectorAll(
            '[data-testid="stVegaLiteChart"]').length >= 2""", timeout=60_000)
        wait_until_ready(tab)
    assert tab.locator('[data-testid="stException"]').count() == 0


def clipped(found: dict) -> list[dict]:
    """Boxes that cut off content, leaving out the 1-px boxes of screen-reader text."""
    return [o for o in found["overflow"] if o["client"] > 4]


def shoot_widths(tab, name: str) -> list[dict]:
    """Full-height screenshots at 1280 and 1920 px; returns what clips at 1920."""
    at_1920 = []
    for width in (1280, 1920):
        height = tab.evaluate(
            "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        tab.set_viewport_size({"width": width, "height": min(max(height, 720), 12_000)})
        tab.wait_for_timeout(500)
        if width == 1920:
            at_1920 = clipped(tab.evaluate(PROBE))
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / f"projector-{name}-{width}.png"))
    return at_1920


def url_for(view: str, lang: str, projector: bool) -> str:
    path = VIEWS[view]
    query = ("projector=1&" if projector else "") + f"lang={lang}"
    return path + ("&" if "?" in path else "?") + query


def describe(boxes: list[dict]) -> set[str]:
    """A box by its test id or first class (an <input> by its tag: its classes are hashes)."""
    return {o["tag"] if o["tag"] == "INPUT" else (o["id"].split(" ")[0] or o["tag"])
            for o in boxes}


def check_charts(found: dict) -> list[str]:
    problems = []
    for chart in found["vega"]:
        n = chart["n"]
        if not chart["found"]:
            problems.append(f"chart {n}: no Vega view found")
            continue
        small = sorted({s for s in chart["labels"] + chart["titles"] + chart["marktext"]
                        if s < LABEL_PX})
        if small:
            problems.append(f"chart {n}: text of {small} px (want ≥ {LABEL_PX})")
        thin = sorted({(round(ln["w"], 2), ln["name"]) for ln in chart["lines"]
                       if ln["w"] < LINE_PX})
        if thin:
            problems.append(f"chart {n}: lines under {LINE_PX} px: {thin[:4]}")
        if chart["crowded"]:
            problems.append(f"chart {n}: tick labels overlap: {chart['crowded'][:3]}")
    return problems


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_projector_view_is_big_enough_and_nothing_is_clipped(server, wall, view, lang):
    open_view(wall, server.url + url_for(view, lang, True))
    found = wall.evaluate(PROBE)
    small = [t for t in found["text"] if t["size"] < BODY_PX]
    problems = [f"{len(small)} of {len(found['text'])} texts under {BODY_PX} px, e.g. "
                f"{small[0]['size']} px: {small[0]['text']!r}"] if small else []
    problems += check_charts(found)
    boxes = clipped(found) + shoot_widths(wall, f"{view}-{lang}")
    known = KNOWN_CLIPPED.get((view, lang), set())
    new = [o for o in boxes if describe([o]) - known]
    problems += [f"clipped at 1280 or 1920: {o['tag']} {o['id']!r} {o['scroll']} > "
                 f"{o['client']} px {o['text']!r}" for o in new]
    if known:
        assert known <= describe(boxes), f"fixed, remove from KNOWN_CLIPPED: {known}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_normal_view_screenshots(server, wall, view, lang):
    """The same views in normal mode, for the eye: screenshots at 1280 and 1920 px. Normal
    mode keeps Streamlit's own widgets (a multiselect scrolls its chips sideways), so
    only charts wider than their column count as clipped here."""
    open_view(wall, server.url + url_for(view, lang, False))
    boxes = [o for o in clipped(wall.evaluate(PROBE)) if o["tag"] == "CHART"]
    boxes += [o for o in shoot_widths(wall, f"{view}-{lang}-normal") if o["tag"] == "CHART"]
    if view in WIDE_IN_NORMAL:
        assert boxes, f"fixed, remove {view} from WIDE_IN_NORMAL"
        return
    assert not boxes, [(o["id"], o["scroll"], o["client"]) for o in boxes]
