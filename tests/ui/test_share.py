"""The "share this view" link in every page's sidebar: the page's path and its whole query."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.apputil import assert_clean, open_page
from ui.frame import PAGES
from ui.text import CATALOGUE

PATHS = {"home": "/", "differentiation": "/Differentiation",
         "gradient_descent": "/Gradient_Descent", "optimizer_race": "/Optimizer_Race",
         "choosing": "/Choosing_an_Optimizer"}


def _link(at) -> str:
    codes = [c.value for c in at.sidebar.get("code")]
    assert len(codes) == 1, f"expected one share link in the sidebar, found {codes}"
    return codes[0]


def _open(path: str, query: dict):
    return open_page(None if path == "app.py" else path, query=query)


def _assert_link_is_the_address(at, page_id: str) -> None:
    link = urlsplit(_link(at))
    assert link.path == PATHS[page_id], link
    assert dict(parse_qsl(link.query)) == dict(at.query_params), (link.query, at.query_params)


@pytest.mark.parametrize(("page_id", "path"), [p[:2] for p in PAGES], ids=[p[0] for p in PAGES])
def test_every_page_shows_its_link_with_the_current_query(page_id, path):
    at = _open(path, {"lang": "zh", "projector": "1"})
    assert_clean(at)
    _assert_link_is_the_address(at, page_id)
    query = dict(parse_qsl(urlsplit(_link(at)).query))
    assert {"lang": "zh", "projector": "1"}.items() <= query.items(), query
    captions = [c.value for c in at.sidebar.get("caption")]
    assert any(CATALOGUE["zh"]["frame.share_view"] in c for c in captions), captions


@pytest.mark.parametrize(("page_id", "path"), [p[:2] for p in PAGES if p[0] != "home"],
                         ids=[p[0] for p in PAGES if p[0] != "home"])
def test_the_link_follows_a_control_moved_in_this_run(page_id, path):
    """Controls write the URL after their widget: the link must not lag one change behind."""
    at = _open(path, {})
    slider = (list(at.main.get("slider")) + list(at.main.get("select_slider")))[0]
    before = dict(at.query_params)
    slider.set_value(slider.options[-1] if slider.type == "select_slider" else slider.max)
    at.run()
    assert_clean(at)
    assert dict(at.query_params) != before, "moving the slider should change the address"
    _assert_link_is_the_address(at, page_id)


def test_url_text_is_shown_as_plain_text_only():
    hostile = "`![x](http://127.0.0.1:9/img.png)` **bold** <b>html</b>"
    at = open_page("pages/1_Differentiation.py", query={"note": hostile})
    link = _link(at)
    assert "%60%21%5Bx%5D" in link and "<b>" not in link, link
    shown = " ".join(str(m.value) for m in at.get("markdown"))
    assert "img.png" not in shown and "<b>html" not in shown


def test_the_link_is_exact_when_the_page_stops_after_its_controls():
    """The race stops right after its controls when no optimizer is chosen: no chart is
    drawn after them, so the controls themselves must bring the link up to date."""
    at = _open("pages/3_Optimizer_Race.py", {})
    box = at.sidebar.multiselect[0]
    box.set_value([])
    at.run()
    assert_clean(at)
    assert "opts" in at.query_params
    _assert_link_is_the_address(at, "optimizer_race")
