"""Escaping and sanitising in a real browser: no hostile value from content and no hostile text runs script, opens a
dialog, navigates or refreshes, or asks for anything outside 127.0.0.1 on any page of the hostile site, nor in the
site search's results (tests/hostile.py builds the site, with the check of HTML in texts switched off)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from chromium import BUILD_MOMENT, serve
from hostile import BODY_PAGES, EVIL_HOST, pages
from pages import SITE_URL

from coplimburg.cms.admin import FOLDER as ADMIN_FOLDER

# The edition pages show item images by their published address on the site's own domain: the one host besides
# 127.0.0.1 a page may ask for (refused here, like every other request off the machine).
ALLOWED_HOSTS = {"127.0.0.1", urlsplit(SITE_URL).hostname}


def test_no_hostile_value_or_text_runs_script_navigates_or_loads_anything_from_elsewhere(hostile_site, browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), lambda route: route.abort())
    with serve(hostile_site.root) as base_url:
        page = context.new_page()
        page.clock.set_fixed_time(BUILD_MOMENT)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        navigations: list[str] = []
        page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
        body_pages = {base_url + path for path in BODY_PAGES}
        for path in pages(hostile_site.root):
            if path.name == "email.html":
                continue
            url = base_url + path.relative_to(hostile_site.root).as_posix()
            shown = url.removesuffix("index.html")
            navigations.clear()
            # A page with a hostile text waits until the network is quiet: a refresh or a late load would show.
            page.goto(shown, wait_until="networkidle" if shown in body_pages else "load")
            page.mouse.move(10, 10)
            page.hover("body")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            # The editor at /admin/ (hostile names in its config and data) is an app that opens its own start view.
            own_view = [shown + "#/"] if path.relative_to(hostile_site.root).parts[0] == ADMIN_FOLDER else []
            assert navigations in ([shown], [shown, *own_view]), path
        # The hostile texts were there, their code shown as text.
        for path in BODY_PAGES:
            page.goto(base_url + path)
            assert page.locator("code", has_text="window.__pwned='code'").count() == 1, path
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
    hosts = {urlsplit(url).hostname for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts <= ALLOWED_HOSTS
    assert not [url for url in requests if EVIL_HOST in url]
