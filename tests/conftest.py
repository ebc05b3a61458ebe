"""Shared fixtures: a fresh Streamlit server and a headless chromium (browser tests)."""

from __future__ import annotations

import os

import pytest

from tests import browser


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
