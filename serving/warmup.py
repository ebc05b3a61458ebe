"""Warm-up: a server that has just started opens every page's default view itself, in the
background, so the first students of a class do not wait for cold caches.

``streamlit run`` has no start-up hook: a process learns it is serving when its first
script run begins (whoever opens a page first, or ``python -m serving.warmup URL``, which
``deploy/serve.sh`` calls once a replica is healthy). That run starts one thread per
process (:func:`serving.startup.on_first_run`). The thread opens each link of
:func:`links`, one at a time, through the server's own websocket (:mod:`serving.client`),
exactly as a browser tab would, and logs one line when it is done::

    warm-up: 132 views in 34.4 s, 0 errors

The first pass (English, normal mode) computes every default experiment; the other three
(Chinese, projector, both) only build the charts' specs in their language and style. What
it fills are this process's own bounded ``st.cache_data`` caches, so replicas behind a
balancer each warm themselves and share nothing. ``SLOPE_WARMUP=0`` switches it off (the
browser tests do, so that no background work runs beside them).
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from dataclasses import dataclass, field

from streamlit.logger import get_logger

from core.experiments.beyond_parts import PARTS
from core.findings.guide import KEYS, VIEWS
from serving.client import PageError, open_page

# Every page, then the views of sections that a control switches to (their default
# settings): the race's closer looks, the Choosing page's views and the parts of its
# "beyond Adam" view; then every revealed lesson step (LESSON_PAGES).
PAGES = ("/", "/Differentiation", "/Gradient_Descent", "/Optimizer_Race",
         "/Choosing_an_Optimizer")
SECTION_VIEWS = ("/Optimizer_Race?closer=inside", "/Optimizer_Race?closer=network",
                 *(f"/Choosing_an_Optimizer?{KEYS['view']}={v}" for v in VIEWS[1:]),
                 *(f"/Choosing_an_Optimizer?{KEYS['view']}=beyond&{KEYS['part']}={p}"
                   for p in PARTS[1:]))
# Each step of each page's guided lesson, revealed (a teacher sends a class one of these).
LESSON_PAGES = (("differentiation", "/Differentiation"), ("gradient_descent", "/Gradient_Descent"),
                ("optimizer_race", "/Optimizer_Race"), ("choosing", "/Choosing_an_Optimizer"))
FRAMES = ("", "lang=zh", "projector=1", "lang=zh&projector=1")
VIEW_TIMEOUT = 180.0

log = get_logger(__name__)


@dataclass
class Report:
    """What a warm-up did: views opened, the errors met, and how long it took."""

    views: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (f"warm-up: {self.views} views in {self.seconds:.1f} s, "
                f"{len(self.errors)} errors")


def links() -> list[str]:
    """Every default view in every language and mode, English and normal mode first."""
    views = [*PAGES, *SECTION_VIEWS, *lesson_views()]
    return [_with(view, frame) for frame in FRAMES for view in views]


def lesson_views() -> list[str]:
    """Every lesson step revealed: ``/Page?shown=1``, ``/Page?lesson=2&shown=1`` …"""
    from ui.lesson import URL_SHOWN, URL_STEP, step_titles  # ui.frame imports serving

    return [path + "?" + (f"{URL_STEP}={k}&" if k > 1 else "") + f"{URL_SHOWN}=1"
            for page, path in LESSON_PAGES
            for k in range(1, len(step_titles("en", page)) + 1)]


def _with(link: str, query: str) -> str:
    if not query:
        return link
    return link + ("&" if "?" in link else "?") + query


async def warm(base: str, to_open: list[str], timeout: float = VIEW_TIMEOUT) -> Report:
    """Open each link of ``to_open`` on the server at ``base``, one after another."""
    report, t0 = Report(), time.monotonic()
    for link in to_open:
        try:
            runs = await open_page(base, link, timeout)
            report.errors += [f"{link}: {e}" for e in runs[0].exceptions]
        except (PageError, TimeoutError, OSError) as err:
            report.errors.append(f"{link}: {type(err).__name__}: {err}")
        report.views += 1
    report.seconds = time.monotonic() - t0
    return report


def start_thread(base: str) -> threading.Thread:
    """Warm the server at ``base`` in a background thread; it logs one line when done."""
    thread = threading.Thread(target=_warm_and_log, args=(base,), name="warm-up",
                              daemon=True)
    thread.start()
    return thread


def _warm_and_log(base: str) -> None:
    report = asyncio.run(warm(base, links()))
    log.info(report.line())
    for error in report.errors:
        log.warning("warm-up error: %s", error)


def main(argv: list[str]) -> int:
    """``python -m serving.warmup URL``: open the home page of the server at URL once,
    which starts that server's own warm-up."""
    if len(argv) != 1:
        print("usage: python -m serving.warmup http://HOST:PORT", file=sys.stderr)
        return 2
    report = asyncio.run(warm(argv[0].rstrip("/"), ["/"], timeout=VIEW_TIMEOUT))
    if report.errors:
        print(f"the home page did not open: {report.errors[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
