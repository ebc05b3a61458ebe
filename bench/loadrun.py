"""Waves of visitors against a running server, and what each wave cost the server.

A *wave* opens its links at the same moment, one websocket session each (see
:mod:`serving.client`), keeps every tab open until the whole wave has finished (a class
leaves its tabs open), and reports: sessions with errors (an exception element, a closed
connection, a timeout, a run without ``script_finished``; a page without a chart is
not an error: the guide view has none), the
p50/p95/max seconds from connect to the end of the run (for ``change``: from the moved
control to the end of the rerun), the server's CPU seconds per session and its peak RSS.
"""

from __future__ import annotations

import asyncio
import math
import statistics
import time
from dataclasses import dataclass, field

import websockets

from bench.loadlinks import changed_key, nudge
from bench.loadserver import RssPoller, cpu_seconds
from serving.client import PageError, open_page

SETTLE = 0.5          # seconds after a wave for the server to close its sessions


@dataclass
class Visit:
    """One visitor: the link, the seconds measured, charts drawn, the error if any, and
    the KB the server sent for the first run and for the rerun after a change."""

    link: str
    seconds: float | None = None
    charts: int = 0
    finished: bool = False
    error: str | None = None
    first_kb: float = 0.0
    rerun_kb: float | None = None


@dataclass
class Result:
    """One wave (or the median of several): what the table prints."""

    scenario: str
    sessions: int
    errors: int
    p50: float
    p95: float
    max: float
    cpu_per_session: float
    peak_rss_mb: float
    wall: float
    error_samples: list[str] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list, repr=False)
    waves: int = 1


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def visit(base: str, link: str, timeout: float, change: bool = False,
                hold=None) -> Visit:
    """One visitor opens ``link`` (and, with ``change``, moves the page's control once).
    Never raises: what went wrong is in ``Visit.error``."""
    result = Visit(link)
    moved = (changed_key(link), nudge) if change else None
    try:
        runs = await open_page(base, link, timeout, moved, hold)
    except (PageError, TimeoutError, OSError, websockets.WebSocketException) as err:
        result.error = f"{type(err).__name__}: {err}"
        return result
    result.seconds = runs[-1].seconds
    result.charts = runs[0].charts
    result.first_kb = runs[0].bytes / 1024
    result.rerun_kb = runs[1].bytes / 1024 if len(runs) > 1 else None
    result.finished = all(run.finished for run in runs)
    problems = [e for run in runs for e in run.exceptions]
    if problems:
        result.error = "exception element: " + problems[0]
    return result


async def _held_visit(base, link, timeout, change, barrier: asyncio.Barrier) -> Visit:
    """A visit whose tab stays open until every visitor of the wave is done."""
    waited = False

    async def hold():
        nonlocal waited
        waited = True
        await _wait(barrier, timeout)
    try:
        return await visit(base, link, timeout, change, hold)
    finally:
        if not waited:
            await _wait(barrier, timeout)


async def _wait(barrier: asyncio.Barrier, timeout: float) -> None:
    try:
        await asyncio.wait_for(barrier.wait(), timeout)
    except (TimeoutError, asyncio.BrokenBarrierError):
        await barrier.abort()


async def wave(base: str, links: list[str], timeout: float, pids: list[int],
               poller: RssPoller, scenario: str, change: bool = False) -> Result:
    """All ``links`` opened at once; CPU and peak RSS of ``pids`` measured around it."""
    barrier = asyncio.Barrier(len(links))
    poller.reset()
    cpu0, t0 = cpu_seconds(pids), time.monotonic()
    visits = await asyncio.gather(*(_held_visit(base, link, timeout, change, barrier)
                                    for link in links))
    wall = time.monotonic() - t0
    await asyncio.sleep(SETTLE)
    return summarize(scenario, visits, (cpu_seconds(pids) - cpu0) / len(links),
                     poller.peak, wall)


async def trickle(base: str, links: list[str], timeout: float, pids: list[int],
                  poller: RssPoller, scenario: str, concurrency: int) -> Result:
    """``links`` opened by ``concurrency`` visitors at a time (a day of varied visitors)."""
    gate = asyncio.Semaphore(concurrency)

    async def one(link):
        async with gate:
            return await visit(base, link, timeout)
    poller.reset()
    cpu0, t0 = cpu_seconds(pids), time.monotonic()
    visits = await asyncio.gather(*(one(link) for link in links))
    wall = time.monotonic() - t0
    await asyncio.sleep(SETTLE)
    return summarize(scenario, visits, (cpu_seconds(pids) - cpu0) / len(links),
                     poller.peak, wall)


def summarize(scenario: str, visits: list[Visit], cpu_per_session: float, peak: float,
              wall: float) -> Result:
    """The table row of one wave."""
    seconds = [v.seconds for v in visits if v.seconds is not None]
    failed = [v for v in visits if v.error or not v.finished]
    samples = [f"{v.link}: {v.error or 'no script_finished'}" for v in failed[:3]]
    return Result(scenario, len(visits), len(failed), percentile(seconds, 0.5),
                  percentile(seconds, 0.95), max(seconds, default=math.nan), cpu_per_session,
                  peak, wall, samples, list(visits))


def median_result(results: list[Result]) -> Result:
    """Repeats of one scenario (each of ``sessions`` visitors): medians of the measures,
    the errors summed over all ``waves``."""
    if len(results) == 1:
        return results[0]

    def med(name):
        return statistics.median(getattr(r, name) for r in results)
    return Result(results[0].scenario, results[0].sessions,
                  sum(r.errors for r in results), med("p50"), med("p95"), med("max"),
                  med("cpu_per_session"), max(r.peak_rss_mb for r in results), med("wall"),
                  [s for r in results for s in r.error_samples][:3],
                  [v for r in results for v in r.visits], waves=len(results))


async def warm(base: str, links: list[str], timeout: float, change: bool = False) -> list[Visit]:
    """Open each distinct link once, one after another, so the waves meet full caches."""
    return [await visit(base, link, timeout, change) for link in dict.fromkeys(links)]


async def alone(base: str, link: str, timeout: float, pids: list[int],
                visits: int = 3) -> tuple[float, float]:
    """CPU seconds and wall seconds of one visitor at a time opening a warm page (the
    "per warm visit" cost without contention): medians over ``visits`` visits."""
    await visit(base, link, timeout)
    cpus, times = [], []
    for _ in range(visits):
        cpu0 = cpu_seconds(pids)
        done = await visit(base, link, timeout)
        await asyncio.sleep(SETTLE)
        if done.error:
            raise PageError(f"{link}: {done.error}")
        cpus.append(cpu_seconds(pids) - cpu0)
        times.append(done.seconds)
    return statistics.median(cpus), statistics.median(times)
