"""Helpers the guided-lesson page tests share: open a page at a lesson step, read its
markdown and its verdict boxes, compare a loaded setting."""

from __future__ import annotations

import math

from tests.apputil import open_page
from ui.text import text


def md(at) -> str:
    """Every markdown block of the page, one per line."""
    return "\n".join(m.value for m in at.markdown)


def verdicts(at) -> str:
    """The text of every success, warning and info box (the lesson's verdicts among them)."""
    return "\n".join(b.value for b in [*at.success, *at.warning, *at.info])


def open_step(page: str, code: str, lang: str = "en", extra: dict | None = None,
              timeout: float = 60):
    """``page`` opened at lesson step ``code`` ("1" is the default, left out of the URL),
    in ``lang``, with the ``extra`` query parameters."""
    query = {"lang": lang, **(extra or {})} if lang != "en" else dict(extra or {})
    if code != "1":
        query["lesson"] = code
    return open_page(page, query, timeout=timeout)


def same(got, want) -> bool:
    """A loaded setting equals the step's (floats to 1e-9)."""
    return math.isclose(got, want, rel_tol=1e-9) if isinstance(want, float) else got == want


def predict_and_run(at, code: str, guess: str):
    """Choose ``guess`` at step ``code`` and press "Run the experiment"."""
    at.radio(key=f"_lesson_guess.{code}").set_value(guess).run()
    return at.button(key="_lesson_run").click().run()


def assert_verdict(at, prefix: str, key: str, guess: str, answer: str) -> None:
    """The verdict box says the prediction ``guess`` holds or names the run's ``answer``
    (text ids ``<prefix><key>.choice.*``), and the URL holds the guess and the reveal."""
    shows = text("en", prefix + f"{key}.choice.{answer}")
    if guess == answer:
        want = text("en", "frame.lesson.verdict_right", answer=shows)
    else:
        want = text("en", "frame.lesson.verdict_wrong",
                    guess=text("en", prefix + f"{key}.choice.{guess}"), answer=shows)
    assert want in verdicts(at), (want, verdicts(at))
    assert at.query_params["shown"] == "1" and at.query_params["guess"] == guess
