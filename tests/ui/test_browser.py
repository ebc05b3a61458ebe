"""Every page opened by its URL on a freshly started server, in a real browser.

Shared links are opened cold (Community Cloud restarts sleeping apps), so each page is
visited directly, never by clicking from Home. Screenshots: tests/artifacts/screens/.
"""

import re

import pytest

from tests.browser import shoot, wait_until_ready
from ui.frame import existing_pages
from ui.text import CATALOGUE

EN = CATALOGUE["en"]


def url_path(file: str) -> str:
    """pages/2_Gradient_Descent.py -> /Gradient_Descent; app.py -> /"""
    if file == "app.py":
        return "/"
    return "/" + re.sub(r"^\d+_", "", file.split("/")[-1].removesuffix(".py"))


PAGES = existing_pages()


@pytest.mark.parametrize("mode", ["normal", "projector"])
@pytest.mark.parametrize("page_id,file", [(p[0], p[1]) for p in PAGES], ids=[p[0] for p in PAGES])
def test_page_opens_cold_by_url(server, page, page_id, file, mode):
    query = "?projector=1" if mode == "projector" else ""
    page.goto(server.url + url_path(file) + query)
    wait_until_ready(page)
    assert EN[f"nav.{page_id}"] in page.title() or page_id == "home"
    assert EN["frame.app_title"] in page.title()
    menu = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]')
    assert menu.count() == len(PAGES), "the full menu is drawn on every page"
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    for i in range(charts.count()):
        assert charts.nth(i).locator("canvas, svg").count() > 0, f"chart {i} not drawn"
    shoot(page, f"{page_id}-{mode}")


def test_link_with_query_parameters_reopens_language_and_projector(server, page):
    page.goto(server.url + "/?lang=zh&projector=1")
    wait_until_ready(page)
    assert page.locator("h1").first.inner_text().strip() == CATALOGUE["zh"]["home.title"]
    hrefs = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"] a')
    for i in range(hrefs.count()):
        href = hrefs.nth(i).get_attribute("href") or ""
        assert "projector=1" in href and "lang=zh" in href, f"menu link {href} drops settings"
    shoot(page, "home-zh-projector")


def test_a_bad_link_value_shows_a_notice_not_an_error(server, page):
    page.goto(server.url + "/?projector=banana&lang=xx")
    wait_until_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentWarning"]').count() >= 2


def test_a_crafted_link_cannot_put_words_or_images_into_the_page(server, page):
    """Markdown in a link value: an image, a fake login link, a heading, a 5,000-char value."""
    from urllib.parse import quote

    requested = []
    page.on("request", lambda r: requested.append(r.url))
    payloads = {
        "lang": "x`![p](http://127.0.0.1:9/pixel.png)`",
        "projector": "`[Your session expired - log in again](http://127.0.0.1:9/login)`\n\n# BIG",
    }
    query = "&".join(f"{k}={quote(v)}" for k, v in payloads.items())
    page.goto(server.url + "/Gradient_Descent?" + query + "&surface=" + "9" * 5000)
    wait_until_ready(page)
    notices = page.locator('[data-testid="stAlertContentWarning"]')
    assert notices.count() >= 2
    for i in range(notices.count()):
        notice = notices.nth(i)
        assert notice.locator("img, a, h1, h2, h3").count() == 0, notice.inner_html()
        box = notice.bounding_box()
        assert box and box["height"] < 200, f"notice {i} is {box and box['height']} px tall"
    assert not [u for u in requested if ":9/" in u], requested
    assert page.locator("h1").count() == 1
    shoot(page, "crafted-link")
