"""The Choosing an Optimizer page in a real browser: each view opened cold by its URL,
in normal and projector mode. Screenshots: tests/artifacts/screens/choosing-*.png."""

import pytest

from tests.browser import shoot, wait_until_ready

DRAWN = {"guide": "[data-testid=\"stAlertContentSuccess\"]",
         "zh_guide": "[data-testid=\"stAlertContentSuccess\"]"}
CHART = '[data-testid="stVegaLiteChart"]'


def open_view(page, url: str, state: str) -> None:
    """Open ``url`` and wait until the view's content is there (a cold server spends a
    moment importing before the script's status widget even appears). The window is
    tall so that one screenshot holds the whole view (Streamlit scrolls inside it)."""
    page.set_viewport_size({"width": 1400, "height": 4200})
    page.goto(url)
    wait_until_ready(page)
    page.wait_for_selector(DRAWN.get(state, CHART), timeout=60_000)
    wait_until_ready(page)

STATES = {
    "sparse": "",
    "dense": "a=0&batch=8",
    "shared": "lrmode=shared&lr=0.5&step=40",
    "ladder": "view=ladder&b2=0.999",
    "zh_matrix": "lang=zh&view=matrix",
    "zh_guide": "lang=zh&view=guide&q_sparse=1&q_safe=1&q_noisy=1&q_tune=1",
    "guide": "view=guide&q_sparse=1&q_safe=1&q_noisy=1&q_tune=1",
    "matrix": "view=matrix",
    "zh": "lang=zh&a=2",
    "beyond_adamw": "view=beyond",
    "beyond_adafactor": "view=beyond&part=adafactor",
    "beyond_lion": "view=beyond&part=lion",
    "beyond_muon": "view=beyond&part=muon",
    "beyond_sf": "view=beyond&part=schedule_free",
    "zh_beyond_lion": "lang=zh&view=beyond&part=lion",
    "zh_beyond_sf": "lang=zh&view=beyond&part=schedule_free",
}
MIN_CHARTS = {"sparse": 4, "dense": 4, "shared": 4, "ladder": 2, "guide": 0, "matrix": 1,
              "zh_matrix": 1, "zh_guide": 0,
              "zh": 4, "beyond_adamw": 1, "beyond_adafactor": 1, "beyond_lion": 2,
              "beyond_muon": 2, "beyond_sf": 1, "zh_beyond_lion": 2, "zh_beyond_sf": 1}


@pytest.mark.parametrize("mode", ["normal", "projector"])
@pytest.mark.parametrize("state", list(STATES))
def test_choosing_views_render_without_errors(server, page, state, mode):
    query = STATES[state] + ("&projector=1" if mode == "projector" else "")
    open_view(page, f"{server.url}/Choosing_an_Optimizer?{query.lstrip('&')}", state)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentWarning"]').count() == 0, (
        "a valid link must not raise a notice")
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() >= MIN_CHARTS[state]
    for i in range(charts.count()):
        assert charts.nth(i).locator("canvas, svg").count() > 0, f"chart {i} not drawn"
    shoot(page, f"choosing-{state}-{mode}")


def test_a_guide_link_opens_its_experiment(server, page):
    open_view(page, f"{server.url}/Choosing_an_Optimizer?view=guide&q_sparse=1", "guide")
    link = page.locator('a[href*="view=ladder"]').first
    href = link.get_attribute("href")
    assert href and "b2=" in href
    open_view(page, f"{server.url}/Choosing_an_Optimizer{href}", "ladder")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentWarning"]').count() == 0
    assert "view=ladder" in page.url
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 2
