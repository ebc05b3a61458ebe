"""ui.controls: values come from the URL, bad values fall back with a notice, URLs update."""

import ast

import pytest
from streamlit.testing.v1 import AppTest


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
    assert len(at.warning) == 1 and f"`{bad}`" in at.warning[0].value
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
