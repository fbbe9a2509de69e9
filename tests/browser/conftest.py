"""Browser fixtures: the built sample site served on 127.0.0.1 and one headless Debian chromium. Only the tests in
this folder load Playwright."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import BUILD_MOMENT, Watch, launch, serve
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built sample site served on 127.0.0.1 for the browser tests."""
    with serve(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian chromium for the whole session; each test opens its own context."""
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """open_page(now=..., **context options) → a fresh page whose clock says `now` (the build date unless
    given); afterwards no request may have left 127.0.0.1 and no script may have reported an error."""
    watches: list[Watch] = []
    contexts: list[BrowserContext] = []

    def make(now: dt.datetime = BUILD_MOMENT, **options: Any) -> Page:
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        watch = Watch()
        watches.append(watch)
        page = watch.attach(context.new_page())
        # The page's idea of "now" decides which events have passed; pinned so results never depend on the day.
        page.clock.set_fixed_time(now)
        return page

    yield make
    for context in contexts:
        context.close()
    assert [url for watch in watches for url in watch.off_site()] == []
    assert [error for watch in watches for error in watch.errors] == []
