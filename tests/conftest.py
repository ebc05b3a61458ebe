"""Shared fixtures: a fresh Streamlit server and a headless chromium (browser tests)."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests import browser

# CI replays the same examples on every run (HYPOTHESIS_PROFILE=ci, set by .ci/run), so a
# landing never depends on a lucky draw; a developer's run keeps drawing new examples.
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _browser_available() -> str | None:
    if not os.path.exists(browser.CHROMIUM):
        return f"{browser.CHROMIUM} is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def server():
    """A ``streamlit run app.py`` started for this test session and stopped after it."""
    reason = _browser_available()
    if reason:
        pytest.skip(reason)
    (browser.ROOT / "tests" / "artifacts").mkdir(parents=True, exist_ok=True)
    srv = browser.Server()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def chromium(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=browser.CHROMIUM, args=browser.CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(chromium):
    """A fresh browser tab (1400 × 1000) per test."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    yield tab
    context.close()
