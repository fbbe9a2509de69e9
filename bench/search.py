"""Search figures of one built site: how long Pagefind takes to index it, its size on disk, and the bytes a
browser downloads for a first query (from opening the dialog) and a later one (Playwright with Debian chromium,
the site served with gzip on 127.0.0.1).

The browser part needs the test requirements (Playwright) and chromium; without them it reports None and why.
"""

from __future__ import annotations

import re
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.measure import tree_bytes
from bench.serve import serve
from coplimburg.pages.search_index import FOLDER, index_site

# Words of the synthetic vocabulary (bench/synthetic.py): each is on thousands of pages at 10,000 items.
FIRST_QUERY = "nulmeting"
LATER_QUERY = "praktijkopleider"
DONE = re.compile(r"^(\d+ resultaten|1 resultaat|Geen resultaten)")


@dataclass(frozen=True)
class SearchFigures:
    index_seconds: float
    index_bytes: int
    first_query_bytes: int | None
    later_query_bytes: int | None
    note: str = ""


def measure_search(site: Path) -> SearchFigures:
    """Index `site` again on its own (timed), then query it in a browser."""
    start = time.perf_counter()
    index_site(site)
    seconds = time.perf_counter() - start
    size = tree_bytes(site / FOLDER)
    try:
        # In a thread of its own: Playwright's sync API refuses to run where an asyncio loop is running.
        with ThreadPoolExecutor(1) as pool:
            first, later = pool.submit(_browser_bytes, site).result()
    except ImportError as error:
        return SearchFigures(seconds, size, None, None, f"no browser figures: {error}")
    return SearchFigures(seconds, size, first, later)


def _browser_bytes(site: Path) -> tuple[int, int]:
    """Bytes of pagefind/ responses for the first query typed after opening the dialog, then for a later one."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise ImportError("chromium is not installed")
    downloaded: list[int] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"], headless=True)
        page = browser.new_page()
        # Bytes on the wire (gzip where the server compresses), as the browser received them.
        page.on(
            "requestfinished",
            lambda request: (
                downloaded.append(request.sizes()["responseBodySize"]) if f"/{FOLDER}/" in request.url else None
            ),
        )
        page.goto(base)
        page.wait_for_load_state("networkidle")
        figures: list[int] = []
        for words in (FIRST_QUERY, LATER_QUERY):
            downloaded.clear()
            if not figures:  # the first query counts what opening the dialog loads, too
                page.click("[data-cop-search-open]")
            page.fill("[data-cop-search-input]", words)
            page.wait_for_function(
                "pattern => new RegExp(pattern).test(document.querySelector('[data-cop-search-status]').textContent)",
                arg=DONE.pattern,
                timeout=60_000,
            )
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            figures.append(sum(downloaded))
        browser.close()
    return figures[0], figures[1]
