"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in the light scheme and in the dark one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chromium import BUILD_MOMENT, Watch, axe_violations
from playwright.sync_api import Browser, Page

PAGES = {
    "home": "",
    "tables overview": "innovatietafels/",
    "agenda": "agenda/",
    "catalogue": "coppyright/",
    "news": "coppig/",
    "table": "innovatietafels/tafel-2b/",
    "event": "agenda/werksessie-leerroutes/",
    "cancelled event": "agenda/werkbezoek-hbo-aansluiting/",
    "moved event": "agenda/kennissessie-lectoraat/",
    "series": "agenda/tafelafstemming-netwerk/",
    "online event": "agenda/online-kennissessie-validatie/",
    "all-day event": "agenda/open-dag-chill/",
    "multi-day event": "agenda/zomerschool-procestechniek/",
    "product": "coppyright/bouwstenen-ibo/",
    "product with image": "coppyright/leerroute-zij-instroom/",
    "news post": "coppig/nieuws/nieuw-in-coppyright-checklist/",
    "news post with image": "coppig/nieuws/lectoraat-gestart/",
    "edition with an image": "coppig/2026-10/",
    "subscribe": "coppig/abonneren/",
    "editions": "coppig/edities/",
    "partner": "partners/chill/",
    "about": "over/",
    "partners": "partners/",
    "contact": "contact/",
    "accessibility statement": "toegankelijkheid/",
    "privacy": "privacy/",
    "year page": "jaaroverzicht/2025/",
    "year index": "jaaroverzicht/",
    "outputs in charts": "opbrengsten/",
    "target groups": "doelgroepen/",
    "coproduction": "coproductie/",
    "not found": "404.html",
}
# Material picks its palette from prefers-color-scheme until a visitor chooses one.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def scheme_pages(browser: Browser) -> Iterator[dict[str, tuple[Page, Watch]]]:
    """One page per colour scheme, reused for every page of the site."""
    contexts = []
    pages = {}
    for scheme in SCHEMES:
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", color_scheme=scheme)
        context.set_default_timeout(10_000)
        contexts.append(context)
        watch = Watch()
        page = watch.attach(context.new_page())
        page.clock.set_fixed_time(BUILD_MOMENT)
        pages[scheme] = (page, watch)
    yield pages
    for context in contexts:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_a_page_has_no_wcag_a_or_aa_violations(scheme_pages, site_url, scheme, name):
    page, watch = scheme_pages[scheme]
    watch.requests.clear()
    watch.errors.clear()
    page.goto(site_url + PAGES[name])
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    assert watch.off_site() == []
    assert watch.errors == []
