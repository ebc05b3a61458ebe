"""Widgets whose values live in the page address, so a link reopens the same view.

Each helper keeps one control in sync with one query parameter:

1. the first time a page runs in a session, the value comes from the URL, checked;
   a malformed or out-of-range value falls back to the default with a visible notice
   (never an exception);
2. the widget is drawn with that value (Streamlit keeps it in ``st.session_state``);
3. the URL is rewritten: the parameter holds the value, or is absent at the default.

URL values are stable codes (``surface=rosenbrock``, ``lr=0.01``, ``opts=sgd,adam``),
never translated labels, so a link works in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from math import isfinite

import numpy as np
import streamlit as st

from ui import numbers, share

_NOTICES = "_url_notices"
PREVIEW_CHARS = 40
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class BadValue(ValueError):
    """A URL value that cannot be used; the message says why (already translated)."""


def as_code(raw: str, limit: int = PREVIEW_CHARS) -> str:
    """``raw`` (text from a link or a text box) as a markdown code span that shows
    exactly its characters: whitespace and control characters become single spaces,
    anything past ``limit`` characters becomes "…", and the span is fenced by one
    backtick more than the longest run inside it, so no backtick in ``raw`` can close
    it. Inside a code span nothing is markdown: no link, image, heading, autolink, LaTeX
    or Streamlit directive can start there."""
    text = " ".join(_CONTROL.sub(" ", str(raw)).split())
    if len(text) > limit:
        text = text[:limit] + "…"
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    if not text:
        return "` `"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _codes(options: Sequence[str]) -> str:
    """The URL codes a parameter accepts, each as a code span: "`sgd`, `adam`"."""
    return ", ".join(as_code(o) for o in options)


def _sync(F, key: str, label: str, default, parse: Callable[[str], object],
          encode: Callable[[object], str]):
    """Steps 1 and 3 around a widget: read the URL once, then write the value back."""
    notices = st.session_state.setdefault(_NOTICES, {})
    if key not in st.session_state:
        raw = st.query_params.get(key)
        value = default
        if raw is not None:
            try:
                value = parse(raw)
            except BadValue as bad:
                notices[key] = (label, raw, str(bad), encode(default))
        st.session_state[key] = value
    if key in notices:
        if st.session_state[key] == default:
            name, raw, reason, shown = notices[key]
            st.warning(F.t("frame.bad_url", name=name, value=as_code(raw), reason=reason,
                           default=as_code(shown)),
                       icon=":material/link_off:")
        else:
            del notices[key]

    def write_back():
        value = st.session_state[key]
        if value == default:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = encode(value)
        share.refresh()              # the share link follows at once
    return write_back


def _float(F, lo: float, hi: float) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        try:
            v = float(raw)
        except ValueError:
            raise BadValue(F.t("frame.reason_number")) from None
        if not (isfinite(v) and lo <= v <= hi):
            raise BadValue(F.t("frame.reason_range", lo=numbers.fmt(lo), hi=numbers.fmt(hi)))
        return v
    return parse


def slider(F, key: str, label: str, lo: float, hi: float, default: float, step: float,
           *, fmt: str | None = None, help: str | None = None, where=st) -> float:
    """A URL-bound slider; ints stay ints when lo, hi, default and step are ints."""
    is_int = all(isinstance(v, int) for v in (lo, hi, default, step))
    parse = _float(F, lo, hi)
    if is_int:
        def parse(raw, _p=parse):
            v = _p(raw)
            if v != int(v):
                raise BadValue(F.t("frame.reason_number"))
            return int(v)
    write = _sync(F, key, label, default, parse, lambda v: f"{v:g}" if not is_int else str(v))
    value = where.slider(label, lo, hi, step=step, key=key, format=fmt, help=help)
    write()
    return value


def log_slider(F, key: str, label: str, lo: float, hi: float, default: float,
               per_decade: int = 4, *, help: str | None = None, where=st,
               stops: Sequence[float] | None = None) -> float:
    """A slider over log-spaced values lo ... hi (``per_decade`` stops per factor 10).

    ``stops`` (increasing, from lo to hi) replaces the even log spacing, e.g. to make
    round values such as 0.05 and every library default selectable.
    A URL value inside the range snaps to the nearest stop.
    """
    if stops is None:
        n = int(round(np.log10(hi / lo) * per_decade)) + 1
        stops = np.logspace(np.log10(lo), np.log10(hi), n)
    stops = [float(f"{v:.3g}") for v in stops]
    default = min(stops, key=lambda s: abs(np.log(s / default)))
    in_range = _float(F, lo * 0.999, hi * 1.001)

    def parse(raw):
        v = in_range(raw)
        if v <= 0:
            raise BadValue(F.t("frame.reason_range", lo=numbers.fmt(lo), hi=numbers.fmt(hi)))
        return min(stops, key=lambda s: abs(np.log(s / v)))
    write = _sync(F, key, label, default, parse, lambda v: f"{v:g}")
    value = where.select_slider(label, options=stops, key=key, help=help,
                                format_func=numbers.fmt)   # the label: "10⁻⁸", never "1e-08"
    write()
    return value


def select(F, key: str, label: str, options: Sequence[str], default: str,
           format_func: Callable[[str], str] = str, *, help: str | None = None,
           where=st, horizontal: bool = False) -> str:
    """A URL-bound choice among stable codes ``options``, shown via ``format_func``."""
    options = list(options)

    def parse(raw):
        if raw not in options:
            raise BadValue(F.t("frame.reason_choice", choices=_codes(options)))
        return raw
    write = _sync(F, key, label, default, parse, str)
    if horizontal:
        value = where.radio(label, options, key=key, format_func=format_func, help=help,
                            horizontal=True)
    else:
        value = where.selectbox(label, options, key=key, format_func=format_func, help=help)
    write()
    return value


def multiselect(F, key: str, label: str, options: Sequence[str], default: Sequence[str],
                format_func: Callable[[str], str] = str, *, help: str | None = None,
                where=st) -> list[str]:
    """A URL-bound subset of ``options`` (comma-separated codes in the URL; may be empty)."""
    options, default = list(options), list(default)

    def parse(raw):
        chosen = [c for c in raw.split(",") if c]
        unknown = [c for c in chosen if c not in options]
        if unknown:
            raise BadValue(F.t("frame.reason_choice", choices=_codes(options)))
        return list(dict.fromkeys(chosen))
    write = _sync(F, key, label, default, parse, lambda v: ",".join(v) or ",")
    value = where.multiselect(label, options, key=key, format_func=format_func, help=help)
    write()
    return value


def text(F, key: str, label: str, default: str, *, help: str | None = None,
         max_chars: int | None = None, where=st) -> str:
    """A URL-bound text box. Any text is taken from the link; the caller judges it."""
    write = _sync(F, key, label, default, str, str)
    value = where.text_input(label, key=key, help=help, max_chars=max_chars)
    write()
    return value


def toggle(F, key: str, label: str, default: bool = False, *, help: str | None = None,
           where=st) -> bool:
    """A URL-bound on/off switch (``1``/``0`` in the URL)."""
    def parse(raw):
        if raw.lower() in ("1", "true", "on", "yes"):
            return True
        if raw.lower() in ("0", "false", "off", "no"):
            return False
        raise BadValue(F.t("frame.reason_choice", choices=_codes(("1", "0"))))
    write = _sync(F, key, label, default, parse, lambda v: "1" if v else "0")
    value = where.toggle(label, key=key, help=help)
    write()
    return value


def integer(F, key: str, label: str, lo: int, hi: int, default: int, *,
            help: str | None = None, where=st) -> int:
    """A URL-bound whole number (seeds, counts) typed into a number box."""
    def parse(raw):
        v = _float(F, lo, hi)(raw)
        if v != int(v):
            raise BadValue(F.t("frame.reason_number"))
        return int(v)
    write = _sync(F, key, label, default, parse, str)
    value = where.number_input(label, min_value=lo, max_value=hi, step=1, key=key, help=help)
    write()
    return value


def point(F, key: str, label: str, default: tuple[float, float],
          box: tuple[tuple[float, float], tuple[float, float]]) -> tuple[float, float]:
    """A URL-bound 2-D point ``x,y`` inside ``box`` (set by clicking a map, not a widget).

    Returns the current point; change it with :func:`set_point`.
    """
    (x0, x1), (y0, y1) = box

    def parse(raw):
        try:
            x, y = (float(v) for v in raw.split(","))
        except ValueError:
            raise BadValue(F.t("frame.reason_number")) from None
        if not (isfinite(x) and isfinite(y) and x0 <= x <= x1 and y0 <= y <= y1):
            raise BadValue(F.t("frame.reason_range", lo=f"({numbers.fmt(x0)}, {numbers.fmt(y0)})",
                               hi=f"({numbers.fmt(x1)}, {numbers.fmt(y1)})"))
        return (x, y)
    default = (float(default[0]), float(default[1]))
    write = _sync(F, key, label, default, parse, lambda p: f"{p[0]:.4g},{p[1]:.4g}")
    write()
    return st.session_state[key]


def set_point(key: str, value: tuple[float, float], default: tuple[float, float]) -> None:
    """Move a :func:`point` (e.g. after a click) and rewrite the URL."""
    value = (float(f"{value[0]:.4g}"), float(f"{value[1]:.4g}"))
    st.session_state[key] = value
    if value == tuple(default):
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = f"{value[0]:.4g},{value[1]:.4g}"


def picked(chart_key: str, param: str = "pick") -> tuple[float, float] | None:
    """The (x, y) the user clicked on a selectable chart in the last interaction, if new.

    ``st.altair_chart(..., key=chart_key, on_select="rerun")`` stores the selection in
    session state; each click is reported once.
    """
    xy = _selection(chart_key, param)
    seen = f"_picked_{chart_key}"
    if xy is None or st.session_state.get(seen) == xy:
        return None
    st.session_state[seen] = xy
    return (float(xy[0]), float(xy[1]))


def pick_pending(chart_key: str, param: str = "pick") -> bool:
    """True when a click on the chart has not been handled by :func:`picked` yet."""
    xy = _selection(chart_key, param)
    return xy is not None and st.session_state.get(f"_picked_{chart_key}") != xy


def _selection(chart_key: str, param: str):
    sel = st.session_state.get(chart_key)
    try:
        pts = sel["selection"][param] or []
    except (KeyError, TypeError):
        return None
    if not pts:
        return None
    p = pts[0]
    xy = (p.get("cx", p.get("x")), p.get("cy", p.get("y")))
    return None if xy[0] is None or xy[1] is None else xy
