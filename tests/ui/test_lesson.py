"""The guided-lesson frame (ui.lesson) on a one-slider page: the button loads the
experiment into the control, the reveal names the answer the run bears out, the URL holds
step, guess and reveal and reopens them, a moved control hides the reveal, and bad link
values give notices."""

from streamlit.testing.v1 import AppTest


def page():
    import streamlit as st

    from ui import controls
    from ui.lesson import Reveal, Step, lesson_box
    from ui.text import text

    class F:                                  # a page id with no catalogue: keys show raw
        page, lang = "demo", "en"

        @staticmethod
        def t(key, **kw):
            try:
                return text("en", key, **kw)
            except KeyError:
                return key + ("" if not kw else repr(sorted(kw.items())))

    def reveal(F):
        x = st.session_state["x"]
        return Reveal("big" if x * x > 10 else "small", f"measured x² = {x * x}")

    steps = [Step("one", ("small", "big"), {"x": 4}, reveal),
             Step("two", ("small", "big"), {"x": 1}, reveal)]
    lesson_box(F, steps)
    controls.slider(F, "x", "x", 0, 10, 2, 1)


def open_demo(query=None):
    at = AppTest.from_function(page, default_timeout=30)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def md(at):
    return " ".join(m.value for m in at.markdown)


def test_predict_run_reveal_and_url():
    at = open_demo()
    assert not at.exception
    assert at.slider(key="x").value == 2 and "measured" not in md(at)
    at.radio(key="_lesson_guess.1").set_value("small").run()
    assert at.query_params["guess"] == "small"
    at.button(key="_lesson_run").click().run()
    assert at.slider(key="x").value == 4
    assert "measured x² = 16" in md(at)
    assert at.query_params["shown"] == "1" and at.query_params["x"] == "4"
    assert "verdict_wrong" in " ".join(w.value for w in at.warning) or any(
        "but the run shows" in w.value for w in at.warning)
    # a link with the whole state reopens it
    again = open_demo({k: at.query_params[k] for k in at.query_params})
    assert again.slider(key="x").value == 4 and "measured x² = 16" in md(again)
    assert again.radio(key="_lesson_guess.1").value == "small"
    # a moved control hides the reveal and drops shown from the URL
    at.slider(key="x").set_value(7).run()
    assert "measured" not in md(at) and "shown" not in at.query_params


def test_next_step_and_link_to_step_two():
    at = open_demo()
    at.button(key="_lesson_run").click().run()
    at.button(key="_lesson_next").click().run()
    assert at.query_params["lesson"] == "2" and "shown" not in at.query_params
    at.radio(key="_lesson_guess.2").set_value("small").run()
    at.button(key="_lesson_run").click().run()
    assert at.slider(key="x").value == 1 and "measured x² = 1" in md(at)
    assert any("prediction holds" in s.value for s in at.success)
    linked = open_demo({"lesson": "2"})
    assert linked.button_group(key="_lesson_step").value == "2"


def test_bad_link_values_give_notices():
    at = open_demo({"lesson": "9", "guess": "<b>x</b>", "shown": "yes"})
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "`9`" in warned and "`<b>x</b>`" in warned and "`yes`" in warned
    assert at.button_group(key="_lesson_step").value == "1"
    assert "lesson" not in at.query_params and "guess" not in at.query_params
