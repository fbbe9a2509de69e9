"""The preview in a real browser: a tab on a deep URL follows the content through a mistake and its fix by itself,
through MkDocs' own live reload (the test never reloads the page)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser
from serving import PROBLEMS, Preview
from test_preview import BROKEN_LINE, EVENT

DEEP = "agenda/coppisch-2025/"
WAIT_MS = 90_000


def test_a_tab_on_a_deep_url_shows_the_problem_list_and_comes_back_to_the_same_page_after_the_fix(
    project: Path, browser: Browser
) -> None:
    server = Preview(project)
    try:
        server.wait_for(server.shows_site, "site")
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        page = context.new_page()
        url = f"http://127.0.0.1:{server.port}/{DEEP}"
        page.goto(url)
        title = page.locator("h1").first.inner_text()
        assert page.locator(PROBLEMS).count() == 0

        original = (project / EVENT).read_text(encoding="utf-8")
        (project / EVENT).write_text(original.replace("start: 2025-06-12 13:00", "start: 780"), encoding="utf-8")
        page.wait_for_selector(PROBLEMS, timeout=WAIT_MS)
        assert page.url == url
        shown = page.locator(PROBLEMS + "/li").all_inner_texts()
        assert [line for line in shown if line.startswith(BROKEN_LINE)]

        (project / EVENT).write_text(original, encoding="utf-8")
        page.wait_for_selector(PROBLEMS, state="detached", timeout=WAIT_MS)
        assert page.url == url
        assert page.locator("h1").first.inner_text() == title
        context.close()
    finally:
        server.stop()


def test_a_tab_on_a_page_the_preview_never_built_shows_the_problem_list_and_the_page_once_fixed(
    project: Path, browser: Browser
) -> None:
    original = (project / EVENT).read_text(encoding="utf-8")
    (project / EVENT).write_text(original.replace("start: 2025-06-12 13:00", "start: 780"), encoding="utf-8")
    server = Preview(project)  # started on broken content: no good build has had this URL
    try:
        server.wait_for(server.shows_problems, "problem page")
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        page = context.new_page()
        url = f"http://127.0.0.1:{server.port}/{DEEP}"
        page.goto(url)
        page.wait_for_selector(PROBLEMS, timeout=WAIT_MS)
        shown = page.locator(PROBLEMS + "/li").all_inner_texts()
        assert [line for line in shown if line.startswith(BROKEN_LINE)]

        (project / EVENT).write_text(original, encoding="utf-8")
        page.wait_for_selector("h1:has-text('CoPpisch 2025')", timeout=WAIT_MS)
        assert page.url == url
        assert page.locator(PROBLEMS).count() == 0
        context.close()
    finally:
        server.stop()
