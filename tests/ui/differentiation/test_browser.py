"""The Differentiation page in a real browser: extra URL states, typing, clicking the map.

Screenshots (tests/artifacts/screens/differentiation-*.png) are for a person to look at;
tests/test_browser.py already opens the page at its defaults in both modes.
"""

from urllib.parse import quote

import pytest

from tests.browser import shoot, wait_until_ready
from ui.text import CATALOGUE

EN, ZH = CATALOGUE["en"], CATALOGUE["zh"]
P = "differentiation."
URL = "/Differentiation"
TALL = {"width": 1400, "height": 12_000}      # Streamlit scrolls inside: shoot it all at once
KINK = {"sec.f": "abs", "sec.x0.abs": "0", "sec.h": "1e-06", "sec.left": "1",
        "rule.f": "abs", "rule.x.abs": "0", "line.kind": "vertical", "dir.s": "rosenbrock",
        "dir.p.rosenbrock": "-1,1.5", "dir.a": "120", "typed.f": "abs(x) + log(x)",
        "chain.w": "-2", "chain.x": "1.5", "chain.y": "-1"}


def _query(params: dict) -> str:
    return "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())


def _ready(page) -> None:
    """Wait until the whole page is drawn: its last element is the link to the next page
    (a cold first run imports sympy, longer than the frame's own wait allows for)."""
    wait_until_ready(page)
    page.locator('[data-testid="stPageLink"]').last.wait_for(timeout=60_000)
    page.locator('[data-testid="stMain"] [data-testid="stPageLink"]').last.wait_for(
        timeout=60_000)
    wait_until_ready(page)


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    for i in range(charts.count()):
        assert charts.nth(i).locator("canvas, svg").count() > 0, f"chart {i} not drawn"


@pytest.mark.parametrize("mode", ["normal", "projector"])
def test_kinks_and_edges_by_url(server, page, mode):
    extra = {"projector": "1"} if mode == "projector" else {}
    page.set_viewport_size(TALL)
    page.goto(server.url + URL + _query({**KINK, **extra}))
    _ready(page)
    _no_exception(page)
    body = page.locator("body").inner_text()
    assert "no derivative at this point" in body, "the kink of |x| at 0 is explained"
    assert EN[P + "line_kind.vertical"] in body
    shoot(page, f"differentiation-kink-{mode}")


def test_chinese_page_and_a_hostile_formula(server, page):
    hostile = "__import__('os').system('touch pwned')"
    page.set_viewport_size(TALL)
    page.goto(server.url + URL + _query({"lang": "zh", "typed.f": hostile}))
    _ready(page)
    _no_exception(page)
    body = page.locator("body").inner_text()
    assert ZH[P + "title"] in body
    assert page.locator('[data-testid="stAlertContentError"]').count() == 1
    assert ZH[P + "s7"] in body, "the rest of the page keeps working"
    shoot(page, "differentiation-zh-hostile")


def test_typing_a_formula_updates_the_derivative_and_the_link(server, page):
    page.goto(server.url + URL)
    _ready(page)
    box = page.get_by_role("textbox", name=EN[P + "typed_label"])
    box.fill("x^4 - 3*x^2 + x")
    box.press("Enter")
    _ready(page)
    _no_exception(page)
    assert "typed.f=" in page.url, page.url
    katex = page.locator(".katex").all_inner_texts()
    assert any("4x3" in k.replace(" ", "").replace("\n", "") for k in katex), katex[:6]
    box.fill("9**9**9")
    box.press("Enter")
    _ready(page)
    _no_exception(page)
    errors = page.locator('[data-testid="stAlertContentError"]')
    assert errors.count() == 1 and "exponent" in errors.inner_text()
