"""The browser check of the load benchmark: K headless Chromium pages open one link at the
same moment and each waits until its charts are drawn (a ``canvas`` or ``svg`` inside
every ``[data-testid="stVegaLiteChart"]``, the running indicator gone) and no
``[data-testid="stException"]`` is shown. Reports the seconds from ``goto`` to drawn.

Uses Debian's ``/usr/bin/chromium`` through playwright (never ``playwright install``).
K browsers on a 2-core machine measure the browsers as much as the server: keep K small.
"""

from __future__ import annotations

import asyncio
import time

from bench.loadrun import Result, Visit, summarize
from bench.loadserver import RssPoller, cpu_seconds

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DRAWN = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  return charts.length > 0 && charts.every(c => c.querySelector('canvas, svg'))
    && !document.querySelector('[data-testid="stStatusWidget"]');
}"""


async def _open(browser, url: str, timeout: float) -> Visit:
    result = Visit(url)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = await context.new_page()
        t0 = time.monotonic()
        await page.goto(url, timeout=timeout * 1e3)
        await page.wait_for_selector('[data-testid="stSidebar"] [data-testid="stPageLink"]',
                                     timeout=timeout * 1e3)
        await page.wait_for_function(DRAWN, timeout=timeout * 1e3)
        result.seconds = time.monotonic() - t0
        result.charts = await page.locator('[data-testid="stVegaLiteChart"]').count()
        result.finished = True
        shown = await page.locator('[data-testid="stException"]').count()
        if shown:
            result.error = f"{shown} exception(s) on the page"
    except Exception as err:            # playwright timeouts and page errors alike
        result.error = f"{type(err).__name__}: {str(err).splitlines()[0]}"
    finally:
        await context.close()
    return result


async def browser_wave(base: str, link: str, pages: int, timeout: float, pids: list[int],
                       poller: RssPoller) -> Result:
    """``pages`` Chromium pages open ``link`` at once; one browser, one context each."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await _open(browser, base + link, timeout)                # warm the page
            poller.reset()
            cpu0, t0 = cpu_seconds(pids), time.monotonic()
            visits = await asyncio.gather(*(_open(browser, base + link, timeout)
                                            for _ in range(pages)))
            wall = time.monotonic() - t0
        finally:
            await browser.close()
    return summarize(f"browser {link}", visits, (cpu_seconds(pids) - cpu0) / pages,
                     poller.peak, wall)
