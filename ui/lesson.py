"""Guided lessons: a few predict-then-reveal steps at the top of a teaching page, and the
link to the next page's lesson at its end.

A step asks a question about an experiment the page can run, offers two or three
answers, and has a button that loads the experiment into the page's own URL-bound
controls (so the section below shows it). The reveal then quotes what that run measured,
and names the answer the run bears out: the answer is computed from the run
(:class:`Reveal`), never typed.

The lesson is in the URL, so a teacher can link to any step:

* ``lesson=<n>``  the step, 1 … len(steps) (absent at step 1);
* ``guess=<code>`` the answer the student chose (absent before a choice);
* ``shown=1``     the experiment is loaded and revealed.

A link with ``shown=1`` loads the step's experiment on the session's first run, before
the page draws its controls, so it wins over the link's other settings (they agree
anyway: loading wrote them there). The reveal shows only while the controls still hold
the step's experiment; moving any of them hides it (with a note) and ``shown`` leaves
the URL.

Text ids: ``<page>.lesson.<step key>.title`` / ``.question`` / ``.choice.<code>``, in
step order (the home page lists the lessons from these titles), and ``frame.lesson.*``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import streamlit as st

from ui import share
from ui.controls import as_code
from ui.frame import carried, existing_pages
from ui.text import CATALOGUE, DEFAULT_LANGUAGE

URL_STEP, URL_GUESS, URL_SHOWN = "lesson", "guess", "shown"
STEP = "_lesson_step"          # the step bar's widget key: "1" … "n"
_SHOWN = "_lesson_shown"       # session: the step code whose experiment is revealed
_READ = "_lesson_link_read"    # set once the session's first run has read the link
_BAD = "_lesson_bad_link"      # (parameter, value, reason) notices from the link
_LEFT = "_lesson_left"         # the step whose reveal was just hidden by a moved control


@dataclass(frozen=True)
class Reveal:
    """What the step's run showed: the choice code it bears out, and the measured
    sentences in the page's language."""

    answer: str
    text: str


@dataclass(frozen=True)
class Step:
    """One predict-then-reveal step.

    ``settings`` maps session keys of the page's controls to the experiment's values;
    the button writes them (and then calls ``load``, for settings that need more than a
    key, such as a start point). The reveal shows while every setting still holds (and
    ``holds()`` is true, when given). ``reveal(F)`` runs the experiment through the same
    cached calls the section uses and returns a :class:`Reveal`.
    """

    key: str
    choices: tuple[str, ...]
    settings: Mapping[str, object]
    reveal: Callable[..., Reveal]
    load: Callable[[], None] | None = None
    holds: Callable[[], bool] | None = None
    extra: Mapping[str, object] = field(default_factory=dict)   # free for the page


def said(F, key: str, answer: str, **numbers) -> Reveal:
    """The usual reveal of step ``key``: its ``measured`` sentence and the ``why.<answer>``
    sentence (text ids ``<page>.lesson.<key>.``), both filled with the run's ``numbers``."""
    t = F.texts(f"{F.page}.lesson.{key}.")
    return Reveal(answer, F.join([t("measured", **numbers), t(f"why.{answer}", **numbers)]))


def step_titles(lang: str, page: str) -> list[tuple[str, str]]:
    """(step key, title) of ``page``'s lesson in step order, read from the catalogue
    (the home page lists lessons without importing the pages)."""
    pattern = re.compile(rf"^{re.escape(page)}\.lesson\.([^.]+)\.title$")
    table = CATALOGUE.get(lang, CATALOGUE[DEFAULT_LANGUAGE])
    return [(m.group(1), value) for key, value in table.items() if (m := pattern.match(key))]


def _same(got, want) -> bool:
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(want, (list, tuple)) and isinstance(got, (list, tuple)):
        return len(got) == len(want) and all(_same(g, w) for g, w in zip(got, want, strict=True))
    return got == want


def holds(step: Step) -> bool:
    """True while the page's controls still hold the step's experiment."""
    ss = st.session_state
    return all(k in ss and _same(ss[k], v) for k, v in step.settings.items()) and (
        step.holds is None or step.holds())


def load(step: Step) -> None:
    """Write the step's experiment into the controls' session values (call it in a
    callback or before the controls are drawn; their URL keys follow when drawn)."""
    ss = st.session_state
    for k, v in step.settings.items():
        ss[k] = list(v) if isinstance(v, (tuple, list)) else v     # a fresh list each time
    if step.load is not None:
        step.load()


def guess_key(code: str) -> str:
    """The widget key of step ``code``'s answers (one per step: their options differ)."""
    return f"_lesson_guess.{code}"


def _codes(steps: Sequence[Step]) -> tuple[str, ...]:
    return tuple(str(i) for i in range(1, len(steps) + 1))


def _from_link(F, steps: Sequence[Step]) -> None:
    """On the session's first run: take step, guess and reveal from the link (a bad
    value is dropped with a notice), and load a revealed step's experiment."""
    ss = st.session_state
    if _READ in ss:
        return
    ss[_READ] = True
    codes, q, bad = _codes(steps), st.query_params, []
    raw = q.get(URL_STEP, "1")
    if raw not in codes:
        bad.append((URL_STEP, raw, F.t("frame.reason_choice", choices=", ".join(codes)), "1"))
        raw = "1"
    ss[STEP] = raw
    step = steps[int(raw) - 1]
    guess = q.get(URL_GUESS)
    if guess is not None and guess not in step.choices:
        bad.append((URL_GUESS, guess, F.t("frame.reason_choice",
                                          choices=", ".join(step.choices)), ""))
        guess = None
    ss[guess_key(raw)] = guess
    shown = q.get(URL_SHOWN)
    if shown == "1":
        load(step)
        ss[_SHOWN] = raw
    elif shown is not None:
        bad.append((URL_SHOWN, shown, F.t("frame.reason_choice", choices="1"), ""))
    ss[_BAD] = bad


def _stepped() -> None:
    """A new step (or the same one clicked off): a fresh prediction, nothing revealed."""
    ss = st.session_state
    if ss.get(STEP) is None:
        ss[STEP] = ss.get("_lesson_last", "1")
    ss.pop(guess_key(ss[STEP]), None)
    ss.pop(_SHOWN, None)


def _guessed() -> None:
    st.session_state.pop(_SHOWN, None)        # a changed prediction is revealed again


def _run(step: Step, code: str) -> None:
    load(step)
    st.session_state[_SHOWN] = code
    st.session_state.pop(_LEFT, None)


def _next(code: str) -> None:
    ss = st.session_state
    ss[STEP] = code
    ss.pop(guess_key(code), None)
    ss.pop(_SHOWN, None)


def _write_url(step_code: str, guess: str | None, shown: bool) -> None:
    q = st.query_params
    for key, value in ((URL_STEP, None if step_code == "1" else step_code),
                       (URL_GUESS, guess), (URL_SHOWN, "1" if shown else None)):
        if value is None:
            q.pop(key, None)
        else:
            q[key] = value
    share.refresh()


def lesson_box(F, steps: Sequence[Step]) -> Step | None:
    """The page's guided lesson, drawn where it is called (above the sections, before
    any control of theirs is drawn). Returns the revealed step, or None."""
    ss, t, page = st.session_state, F.t, F.page
    _from_link(F, steps)
    codes = _codes(steps)
    with st.container(border=True):
        st.markdown(f"#### :material/school: {t('frame.lesson.heading')}")
        for name, raw, reason, default in ss.get(_BAD, []):
            st.warning(t("frame.bad_url", name=name, value=as_code(raw), reason=reason,
                         default=as_code(default or t("frame.lesson.none"))),
                       icon=":material/link_off:")
        ss["_lesson_last"] = ss.get(STEP) or "1"
        st.segmented_control(
            t("frame.lesson.steps"), codes, key=STEP, on_change=_stepped,
            format_func=lambda c: f"{c} · {t(f'{page}.lesson.{steps[int(c) - 1].key}.title')}")
        code = ss.get(STEP) or "1"
        step = steps[int(code) - 1]
        p = f"{page}.lesson.{step.key}"
        st.markdown(f"**{t(p + '.question')}**")
        st.radio(t("frame.lesson.predict"), step.choices, key=guess_key(code), index=None,
                 on_change=_guessed, format_func=lambda c: t(f"{p}.choice.{c}"))
        shown = ss.get(_SHOWN) == code
        if shown and not holds(step):
            ss.pop(_SHOWN, None)
            ss[_LEFT] = code
            shown = False
        st.button(t("frame.lesson.run"), key="_lesson_run", on_click=_run,
                  args=(step, code), type="primary", icon=":material/play_arrow:")
        if ss.get(_LEFT) == code and not shown:
            st.caption(t("frame.lesson.left"))
        if shown:
            _reveal(F, step, p, code, codes)
        _write_url(code, ss.get(guess_key(code)), shown)
    return step if shown else None


def _reveal(F, step: Step, p: str, code: str, codes: tuple[str, ...]) -> None:
    t, guess = F.t, st.session_state.get(guess_key(code))
    r = step.reveal(F)
    shows = t(f"{p}.choice.{r.answer}")
    st.markdown(t("frame.lesson.measured"))
    st.markdown(r.text)
    if guess is None:
        st.info(t("frame.lesson.verdict_none", answer=shows), icon=":material/science:")
    elif guess == r.answer:
        st.success(t("frame.lesson.verdict_right", answer=shows), icon=":material/check:")
    else:
        st.warning(t("frame.lesson.verdict_wrong", guess=t(f"{p}.choice.{guess}"),
                     answer=shows), icon=":material/lightbulb:")
    st.caption(t("frame.lesson.below"))
    later = codes.index(code) + 1
    if later < len(codes):
        st.button(t("frame.lesson.next", n=codes[later]), key="_lesson_next", on_click=_next,
                  args=(codes[later],), icon=":material/arrow_forward:")


def next_lesson_link(F) -> None:
    """The link to the next page's lesson at the end of a page; after the last lesson, a
    link back to the home page's list of lessons."""
    pages = [p for p in existing_pages() if p[0] != "home"]
    ids = [p[0] for p in pages]
    if F.page not in ids:
        return
    st.divider()
    if ids.index(F.page) + 1 == len(ids):            # the last lesson: back to the list
        st.page_link("app.py", label=F.t("frame.lesson.home"), icon=":material/school:",
                     query_params=carried())
        return
    page_id, path, icon = pages[ids.index(F.page) + 1]
    st.page_link(path, label=F.t("frame.lesson.next_page", page=F.t(f"nav.{page_id}")),
                 icon=icon, query_params=carried())
