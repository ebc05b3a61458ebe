"""The path through the lessons: every teaching page has a guided lesson of 3–5 steps in
both languages, the home page lists each page's steps in teaching order with links that
open that step (keeping the language), and every page but the last ends with a link to the
next page's lesson."""

from urllib.parse import parse_qs

import pytest

from tests.apputil import open_page
from ui.frame import existing_pages
from ui.lesson import step_titles

TEACHING = [p for p in existing_pages() if p[0] != "home"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_teaching_page_has_a_lesson_of_three_to_five_steps(lang):
    for page_id, _, _ in TEACHING:
        steps = step_titles(lang, page_id)
        assert 3 <= len(steps) <= 5, (page_id, steps)
        assert [k for k, _ in steps] == [k for k, _ in step_titles("en", page_id)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_lists_every_step_in_teaching_order(lang):
    at = open_page(None, {"lang": lang})
    assert not at.exception
    links = [(link.proto.page, link.proto.label, parse_qs(link.proto.query_string))
             for link in at.main.get("page_link")]
    want = []
    for page_id, path, _ in TEACHING:
        page = path.split("/")[-1].removesuffix(".py").split("_", 1)[1]
        want += [(page, f"{k} · {title}", k) for k, (_, title) in
                 enumerate(step_titles(lang, page_id), start=1)]
    got = [(page, label, int(q.get("lesson", ["1"])[0])) for page, label, q in links
           if " · " in label]
    assert got == want
    assert all(q.get("lang") == [lang] for _, label, q in links if " · " in label and lang != "en")


def test_each_page_ends_with_a_link_to_the_next_lesson():
    for (page_id, path, _), (_, next_path, _x) in zip(TEACHING, TEACHING[1:],
                                                            strict=False):
        at = open_page(path, {"lang": "zh"})
        assert not at.exception, page_id
        last = list(at.main.get("page_link"))[-1].proto
        assert next_path.endswith(last.page + ".py"), (page_id, last.page)
        assert parse_qs(last.query_string) == {"lang": ["zh"]}
