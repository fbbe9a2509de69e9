"""Escaping in a real browser: no hostile value from content runs script on any page of the hostile site, nor
in the site search's results (tests/hostile.py builds the site)."""

from __future__ import annotations

import re

from chromium import BUILD_MOMENT, serve
from hostile import pages


def test_no_hostile_value_runs_script_on_any_page_or_in_search(hostile_site, browser):
    # Not `open_page`: the edition pages show item images by their absolute (published) URL, which a
    # browser must not fetch here; such requests are refused instead of failing this test.
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), lambda route: route.abort())
    with serve(hostile_site.root) as base_url:
        page = context.new_page()
        page.clock.set_fixed_time(BUILD_MOMENT)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages(hostile_site.root):
            if path.name == "email.html":
                continue
            page.goto(base_url + path.relative_to(hostile_site.root).as_posix())
            page.mouse.move(10, 10)
            page.hover("body")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
        # Search results show titles, kinds, dates and excerpts that came from content.
        page.goto(base_url)
        page.get_by_role("button", name="Zoeken", exact=True).click()
        page.get_by_label("Zoekwoorden").fill("V00")
        results = page.locator(".cop-search__result")
        results.first.wait_for(state="attached")
        assert "V00" in results.first.inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
    context.close()
