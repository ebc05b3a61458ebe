"""The picture frame every page sits in: page config, menu, projector and language switches,
and the "share this view" link.

Every page (and ``app.py``) starts with ``F = setup("<page id>")``. The classic
``pages/`` layout is used because a first visit to ``/Some_Page`` on a freshly started
server runs that page file directly: the shared setup has to live in each page, not
in ``app.py`` (see STREAMLIT.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from serving.startup import on_first_run
from ui import controls, share
from ui.style import ChartStyle, style_for
from ui.text import DEFAULT_LANGUAGE, LANGUAGES, text

ROOT = Path(__file__).resolve().parents[1]

# (page id, file relative to the app root, Material icon), in teaching order.
PAGES = (
    ("home", "app.py", ":material/home:"),
    ("differentiation", "pages/1_Differentiation.py", ":material/show_chart:"),
    ("gradient_descent", "pages/2_Gradient_Descent.py", ":material/trending_down:"),
    ("optimizer_race", "pages/3_Optimizer_Race.py", ":material/sports_score:"),
    ("choosing", "pages/4_Choosing_an_Optimizer.py", ":material/fact_check:"),
)
FRAME_PARAMS = ("projector", "lang")

_PROJECTOR_CSS = """
<style>
html { font-size: 21px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; }
/* Body text at least 22 px on the wall (Streamlit sets it at 0.875rem). */
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {
  font-size: 24px; line-height: 1.5; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 22px; }
[data-testid="stWidgetLabel"] p { font-size: 22px; font-weight: 600; }
/* Nothing cut off: chips, menu entries and option labels wrap instead of ending in "…". */
/* Narrower sidebar margins, so the select boxes there show their whole value. */
[data-testid="stSidebarContent"] { padding-left: 0.75rem; padding-right: 0.75rem; }
[data-testid="stMultiSelectTagsContainer"] { flex-wrap: wrap !important; min-width: 0;
  mask-image: none !important; }
/* a chip's margin (0.25rem) inside its box */
[data-tag] { max-width: calc(100% - 0.3rem) !important; min-width: 0 !important;
  height: auto !important; }
[data-tag] > span[title] { max-width: none !important; white-space: normal !important;
  overflow-wrap: anywhere; min-width: 0;
  overflow: visible !important; text-overflow: clip !important; }
[data-testid="stPageLink"] span:not([data-testid="stIconMaterial"]) {
  white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; }
label [data-testid="stMarkdownContainer"], label [data-testid="stMarkdownContainer"] p {
  white-space: normal !important; overflow-wrap: anywhere; }
/* Tables (st.table in projector mode, Frame.table) as large as body text. */
[data-testid="stTable"] :is(th, td),
[data-testid="stTable"] [data-testid="stMarkdownContainer"] p { font-size: 22px !important; }
</style>
"""
_PROJECTOR_STYLE = re.sub(r"/\*.*?\*/\n?", "", _PROJECTOR_CSS, flags=re.S)  # comments stay here


@dataclass(frozen=True)
class Frame:
    """What a page needs from the frame: its language, projector flag and chart style."""

    page: str
    lang: str
    projector: bool

    def t(self, key: str, **fmt) -> str:
        """The text ``key`` in this session's language."""
        return text(self.lang, key, **fmt)

    def texts(self, prefix: str):
        """A lookup for one page's keys: ``t = F.texts("choosing."); t("title")``."""
        def t(key: str, /, **fmt) -> str:
            return text(self.lang, prefix + key, **fmt)
        return t

    def join(self, sentences: list[str]) -> str:
        """Sentences in a row: a space between them in English, none after a Chinese 。."""
        return ("" if self.lang == "zh" else " ").join(sentences)

    def table(self, frame, style=None, **dataframe_args) -> None:
        """Draw the DataFrame ``frame``: normally as ``st.dataframe`` (sortable; a wide one
        scrolls sideways), in projector mode as ``st.table``, whose cells wrap so nothing
        is cut off or hidden off the wall's edge. ``st.table`` reads cells and headers as
        Markdown, so their text is escaped first. ``style`` turns the (escaped) frame's
        Styler into a styled one (``lambda s: s.apply(...)``)."""
        if not self.projector:
            st.dataframe(style(frame.style) if style else frame, **dataframe_args)
            return
        safe = frame.map(_plain).rename(columns=_plain)
        st.table(style(safe.style) if style else safe,
                 hide_index=dataframe_args.get("hide_index"))

    def busy(self):
        """A spinner for a slow view (``with F.busy(): ...``). Streamlit shows it only
        after half a second, so a cached view never flashes it."""
        return st.spinner(self.t("frame.busy"))

    @property
    def style(self) -> ChartStyle:
        return style_for(self.projector)


def _plain(cell):
    """A table cell shown as itself in Markdown: ASCII punctuation backslash-escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~<>$&=^:])", r"\\\1", cell) \
        if isinstance(cell, str) else cell


def existing_pages() -> list[tuple[str, str, str]]:
    """The pages of PAGES whose file exists, in teaching order."""
    return [p for p in PAGES if (ROOT / p[1]).exists()]


def setup(page: str) -> Frame:
    """Configure the page, draw the sidebar menu and switches, and return the Frame.
    The first run in a server process also applies its process settings and starts its
    warm-up (``serving.startup``)."""
    on_first_run()
    share.reset()                      # last run's placeholder must not be written to
    lang = _language_from_url()
    title = text(lang, f"nav.{page}")
    app = text(lang, "frame.app_title")
    st.set_page_config(page_title=app if page == "home" else f"{title} · {app}",
                       page_icon=":material/trending_down:", layout="wide")
    F = Frame(page, lang, False)
    with st.sidebar:
        st.markdown(f"### {app}")
        menu = st.container()          # filled last, so its links carry the new settings
        st.divider()
        st.caption(F.t("frame.settings"))
        lang = controls.select(F, "lang", F.t("frame.language"), list(LANGUAGES),
                               DEFAULT_LANGUAGE, LANGUAGES.get)
        projector = controls.toggle(F, "projector", F.t("frame.projector"),
                                    help=F.t("frame.projector_help"))
        st.caption(":material/link: " + F.t("frame.share_view"))
        share.start(st.empty(), _url_path(page), page == "home")
        st.caption(F.t("frame.share"))
    F = Frame(page, lang, projector)
    with menu:
        _menu(F)
    if projector:
        st.html(_PROJECTOR_STYLE)        # a style-only st.html takes no room on the page
    return F


def carried() -> dict[str, str]:
    """The frame settings of this page's address (projector, language), for links that
    keep them."""
    return {k: v for k in FRAME_PARAMS if (v := st.query_params.get(k)) is not None}


def page_file(page_id: str) -> str | None:
    """The file of page ``page_id`` if it exists (for a link to the next lesson)."""
    return next((path for pid, path, _ in existing_pages() if pid == page_id), None)


def _url_path(page: str) -> str:
    """The page's address below the app root: its file name without the number prefix
    (``pages/1_Differentiation.py`` -> ``Differentiation``), empty for home."""
    path = next((f for pid, f, _ in PAGES if pid == page), "app.py")
    return "" if path == "app.py" else re.sub(r"^\d+_", "", Path(path).stem)


def _language_from_url() -> str:
    lang = st.session_state.get("lang") or st.query_params.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _menu(F: Frame) -> None:
    """Page links that keep this session's projector and language settings."""
    carry = carried()
    st.caption(F.t("frame.menu"))
    for page_id, path, icon in existing_pages():
        st.page_link(path, label=F.t(f"nav.{page_id}"), icon=icon, query_params=carry)
