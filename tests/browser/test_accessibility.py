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


# What a screen reader announces for the header, the tabs (wide screens), the page's own navigation and its
# sections ("Over de CoP", named as the site's nav names it), the table of contents and the footer links. On a
# phone Material leaves the section of a page with its own index (CoPPIG) unnamed: no name, but no English one.
DUTCH_NAVIGATION = {"Koptekst", "Hoofdmenu", "Navigatie", "Over de CoP", "Inhoudsopgave", "Voettekst", ""}


@pytest.mark.parametrize("width", [390, 1280])
def test_the_landmarks_a_screen_reader_names_are_dutch_and_the_footer_holds_no_english(open_page, site_url, width):
    page = open_page(viewport={"width": width, "height": 844})
    page.goto(site_url + "over/")
    tree = page.locator("body").aria_snapshot().splitlines()
    named = [line.split("navigation", 1)[1].strip(' ":') for line in tree if line.strip().startswith("- navigation")]
    assert set(named) <= DUTCH_NAVIGATION and {"Koptekst", "Voettekst"} <= set(named)
    assert ("Hoofdmenu" in named) == (width > 390)
    footer = page.get_by_role("contentinfo")
    assert footer.inner_text().split() == ["Community", "of", "Practice", "Limburg"]
    assert footer.get_by_role("link").count() == 0
