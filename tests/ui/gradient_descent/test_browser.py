"""The Gradient Descent page in a real browser, each state opened cold by its URL, in
normal and projector mode, including a diverged run. Screenshots:
tests/artifacts/screens/gradient_descent-*.png."""

import pytest

from tests.browser import SHOTS, shoot, wait_until_ready
from ui.text import CATALOGUE

CHARTS = 9        # the ball on the curve, the contour map, the regression, schedules'
                  # four (η(t) and loss, parts a and b), conditioning's two


def open_cold(server, page, query: str) -> None:
    """Open the page by URL in a viewport tall enough to show every section at once,
    and wait for all its charts (a cold first run takes a few seconds)."""
    page.set_viewport_size({"width": 1400, "height": 6400})
    page.goto(f"{server.url}/Gradient_Descent?{query.lstrip('&')}")
    page.wait_for_function(
        f"() => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]').length"
        f" >= {CHARTS}", timeout=60_000)
    wait_until_ready(page)

STATES = {
    "defaults": "",
    "diverged": "lr.quadratic=2.2&steps=40&lr2.bowl=0.3&surf=bowl&lr3=1.5",
    "crawl_wells": ("curve=double_well&lr.double_well=0.002&steps=200&surf=two_wells"
                    "&lr2.two_wells=0.05&batch=1"),
    "zh": ("lang=zh&curve=abs&lr.abs=0.3&surf=rosenbrock&lr2.rosenbrock=0.001"
           "&steps2.rosenbrock=1000&batch=200"),
    "stiff_bowl": "cond.kappa=1000&cond.angle=30",
    "schedules": "sched.lr=1&sched.steps=300&sched.share=1.4&sched.show=constant,step_lr",
}


@pytest.mark.parametrize("mode", ["normal", "projector"])
@pytest.mark.parametrize("state", list(STATES))
def test_gradient_descent_states_render_without_errors(server, page, state, mode):
    query = STATES[state] + ("&projector=1" if mode == "projector" else "")
    open_cold(server, page, query)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentWarning"]').filter(
        has_text="The link set").count() == 0, "a valid link must not raise a notice"
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() == CHARTS
    for i in range(charts.count()):
        assert charts.nth(i).locator("canvas, svg").count() > 0, f"chart {i} not drawn"
    if state == "diverged":
        assert page.get_by_text("Diverged at step").count() >= 2
    shoot(page, f"gradient_descent-{state}-{mode}")


def test_clicking_the_map_moves_the_start(server, page):
    open_cold(server, page, "")
    canvas = page.locator('[data-testid="stVegaLiteChart"]').nth(1).locator("canvas, svg").first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.15, box["y"] + box["height"] * 0.25)
    page.wait_for_function("() => location.search.includes('start.bowl=')", timeout=20_000)
    wait_until_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Start point: (-4.5, 2)" not in page.inner_text("body"), "the start moved"


@pytest.mark.parametrize("mode", ["normal", "projector"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_conditioning_section_screens(server, page, lang, mode):
    """The conditioning section alone, at its defaults: gradient-descent-conditioning-*.png."""
    open_cold(server, page, f"lang={lang}" + ("&projector=1" if mode == "projector" else ""))
    page.set_viewport_size({"width": 1400, "height": 16000})     # the whole page, unscrolled
    wait_until_ready(page)
    head = page.get_by_role("heading", name=CATALOGUE[lang]["gradient_descent.cond.header"])
    top = head.bounding_box()["y"]
    end = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()
    height = end["y"] + end["height"] - top
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"gradient_descent-conditioning-{lang}-{mode}.png"),
                    full_page=True, clip={"x": 0, "y": top, "width": 1400, "height": height})
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("mode", ["normal", "projector"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_schedules_section_screens(server, page, lang, mode):
    """The schedules section alone, at its defaults: gradient-descent-schedules-*.png."""
    open_cold(server, page, f"lang={lang}" + ("&projector=1" if mode == "projector" else ""))
    page.set_viewport_size({"width": 1400, "height": 16000})     # the whole page, unscrolled
    wait_until_ready(page)
    top = page.get_by_role("heading", name=CATALOGUE[lang]["gradient_descent.sched.header"]
                           ).bounding_box()["y"]
    end = page.get_by_role("heading", name=CATALOGUE[lang]["gradient_descent.cond.header"]
                           ).bounding_box()["y"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"gradient_descent-schedules-{lang}-{mode}.png"),
                    full_page=True, clip={"x": 0, "y": top, "width": 1400, "height": end - top})
    assert page.locator('[data-testid="stException"]').count() == 0
