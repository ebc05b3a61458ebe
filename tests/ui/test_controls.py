"""ui.controls: values come from the URL, bad values fall back with a notice, URLs update."""

import ast
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st_
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from ui.controls import PREVIEW_CHARS, as_code

# Links that try to put words, links or images into the page through the bad-value notice.
HOSTILE = [
    "x`![pixel](http://127.0.0.1:9/p.png)`",
    "`[Your session expired - log in again](http://127.0.0.1:9/login)`",
    "1\n\n# BIG FAKE HEADING",
    "<img src=http://127.0.0.1:9/p.png>",
    "$\\frac{a}{b}$ :red[alarm] :material/warning:",
    "**bold** _it_ ~~gone~~ | a | b |",
    "http://127.0.0.1:9/auto www.example.org",
    "9" * 5000,
]


def control_page():
    import streamlit as st

    from ui import controls
    from ui.frame import Frame

    F = Frame("home", "en", False)
    a = controls.slider(F, "a", "A", 0.0, 5.0, 1.0, 0.5)
    n = controls.slider(F, "n", "N", 1, 500, 100, 1)
    lr = controls.log_slider(F, "lr", "LR", 1e-4, 1.0, 0.01)
    s = controls.select(F, "s", "S", ["bowl", "rosenbrock"], "bowl", str.title)
    m = controls.multiselect(F, "m", "M", ["sgd", "adam", "rmsprop"], ["sgd", "adam"])
    t = controls.toggle(F, "t", "T", False)
    k = controls.integer(F, "k", "K", 0, 999, 7)
    p = controls.point(F, "p", "P", (1.0, 2.0), ((-5.0, 5.0), (-5.0, 5.0)))
    st.text(repr((a, n, lr, s, m, t, k, p)))


def run(query):
    at = AppTest.from_function(control_page, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def values(at):
    return ast.literal_eval(at.text[0].value)


def test_defaults_and_no_notice():
    at = run({})
    assert not at.exception and not at.warning
    assert values(at) == (1.0, 100, 0.01, "bowl", ["sgd", "adam"], False, 7, (1.0, 2.0))


def test_good_url_values_are_used():
    at = run({"a": "2.5", "n": "40", "lr": "0.1", "s": "rosenbrock", "m": "rmsprop,sgd",
              "t": "1", "k": "42", "p": "-1.5,0.25"})
    assert not at.warning
    assert values(at) == (2.5, 40, 0.1, "rosenbrock", ["rmsprop", "sgd"], True, 42, (-1.5, 0.25))


def test_log_slider_snaps_to_its_stops():
    assert values(run({"lr": "0.0105"}))[2] == 0.01


def test_empty_multiselect_survives_the_url():
    assert values(run({"m": ","}))[4] == []


@pytest.mark.parametrize("key,bad", [("a", "banana"), ("a", "nan"), ("a", "9"), ("n", "2.5"),
                                      ("n", "-3"), ("lr", "5"), ("lr", "-1"), ("s", "beale"),
                                      ("m", "sgd,lbfgs"), ("t", "maybe"), ("k", "1e9"),
                                      ("p", "1"), ("p", "x,y"), ("p", "9,9"), ("p", "inf,0")])
def test_bad_url_values_fall_back_with_a_notice(key, bad):
    at = run({key: bad})
    assert not at.exception
    assert len(at.warning) == 1 and as_code(bad) in at.warning[0].value
    assert values(at) == values(run({}))


def test_changes_are_written_back_and_defaults_removed():
    at = run({"a": "2.5"})
    at.slider(key="a").set_value(1.0).run()
    assert "a" not in at.query_params
    at.slider(key="n").set_value(250).run()
    assert at.query_params["n"] in (["250"], "250")
    at.multiselect(key="m").set_value([]).run()
    assert values(at)[4] == []
    assert at.query_params["m"] in ([","], ",")


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("strikethrough").enable("table").render(markdown)


def shown_code(markdown: str) -> tuple[set, list[str]]:
    """The tags CommonMark renders ``markdown`` into, and the text of its code spans."""
    out = rendered(markdown)
    codes = [html.unescape(c) for c in re.findall(r"<code>(.*?)</code>", out, flags=re.S)]
    return set(re.findall(r"<(\w+)", out)), codes


def preview(raw: str) -> str:
    text = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", raw).split())
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_hostile_link_value_shows_as_plain_short_text(payload):
    at = run({"s": payload})
    assert not at.exception and len(at.warning) == 1
    tags, codes = shown_code(at.warning[0].value)
    assert tags <= {"p", "strong", "code"}, tags
    assert codes[0] == (preview(payload) or " "), codes
    assert len(at.warning[0].value) < 300, len(at.warning[0].value)


@given(st_.text(max_size=120))
def test_as_code_shows_exactly_its_characters(raw):
    tags, codes = shown_code("Set to " + as_code(raw) + ", so.")
    assert tags <= {"p", "code"} and len(codes) == 1, (tags, codes)
    assert codes[0] == (preview(raw) or " "), (raw, codes)
