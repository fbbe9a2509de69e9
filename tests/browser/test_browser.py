"""The site in a browser: a visitor's journey on desktop and phone, the catalogue filters and events that pass after
the build (search has test_search_in_browser.py). Every page is opened through `open_page`, which fails the test on
any request off 127.0.0.1 or any script error."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect
from sitebuild import SAMPLE

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
DUTCH = dt.timezone(dt.timedelta(hours=1))
PRODUCTS = len(list((SAMPLE / "content" / "coppyright").glob("*.md")))
# tests/sample/content/events/werksessie-leerroutes.md: upcoming on the build date, with registration.
WORKSHOP = "Werksessie leerroutes voor praktijkopleiders"


def heading(page: Page) -> str:
    return page.locator("article.md-content__inner h1").first.inner_text().strip()


def journey(page: Page, site_url: str) -> None:
    """Home → an upcoming event → one of its tables → one of that table's products, by following links."""
    page.goto(site_url)
    page.get_by_role("link", name=WORKSHOP).first.click()
    expect(page).to_have_url(site_url + "agenda/werksessie-leerroutes/")
    assert heading(page) == WORKSHOP
    expect(page.get_by_role("link", name=f"Aanmelden voor {WORKSHOP}")).to_be_visible()

    page.get_by_role("link", name="Tafel 2B: Modulaire leerroutes voor zij-instromers").click()
    expect(page).to_have_url(site_url + "innovatietafels/tafel-2b/")
    assert heading(page) == "Modulaire leerroutes voor zij-instromers"

    page.get_by_role("link", name="Bouwstenen voor IBO's", exact=True).click()
    expect(page).to_have_url(site_url + "coppyright/bouwstenen-ibo/")
    assert heading(page) == "Bouwstenen voor IBO's"
    expect(page.get_by_role("link", name="Overzicht van de bouwstenen")).to_be_visible()


def test_a_visitor_goes_from_home_to_an_event_to_its_table_to_a_product(open_page, site_url):
    journey(open_page(), site_url)


def test_the_same_journey_works_at_a_phone_viewport(open_page, site_url):
    page = open_page(**PHONE)
    journey(page, site_url)
    # On a phone the sections sit in the drawer: open it and go back to the agenda from there.
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator("nav.md-nav--primary")
    drawer.get_by_role("link", name="Agenda", exact=True).click()
    expect(page).to_have_url(site_url + "agenda/")
    assert heading(page) == "Agenda"


def catalogue_titles(page: Page) -> list[str]:
    return page.locator("[data-cop-catalogue] > li:visible h2").all_inner_texts()


def test_the_catalogue_filters_narrow_the_list_show_the_count_and_update_the_url(open_page, site_url):
    page = open_page()
    page.goto(site_url + "coppyright/")
    form = page.locator("form[data-cop-filters]")
    expect(form).to_be_visible()
    assert len(catalogue_titles(page)) == PRODUCTS

    form.get_by_label("Curriculum").check()
    expect(page.locator("[data-cop-count]")).to_have_text("2 producten")
    assert sorted(catalogue_titles(page)) == ["Curriculum procestechniek bol", "Leerroute zij-instroom"]
    assert parse_qs(urlsplit(page.url).query) == {"type": ["curriculum"]}

    form.get_by_label("Upgraders (zittend personeel)").check()
    expect(page.locator("[data-cop-count]")).to_have_text("1 product")
    assert catalogue_titles(page) == ["Leerroute zij-instroom"]
    assert parse_qs(urlsplit(page.url).query) == {"type": ["curriculum"], "doelgroep": ["upgraders"]}

    form.get_by_role("button", name="Alle filters wissen").click()
    expect(page.locator("[data-cop-count]")).to_have_text(f"{PRODUCTS} producten")
    assert urlsplit(page.url).query == ""


def test_a_catalogue_url_with_filters_applies_them_on_load(open_page, site_url):
    page = open_page()
    page.goto(site_url + "coppyright/?niveau=hbo")
    expect(page.locator("[data-cop-count]")).to_have_text("1 product")
    assert catalogue_titles(page) == ["Nulmeting verwachtingen"]
    expect(page.locator("form[data-cop-filters]").get_by_label("Hbo")).to_be_checked()


def test_filters_that_match_nothing_say_so(open_page, site_url):
    page = open_page()
    page.goto(site_url + "coppyright/?niveau=hbo&type=curriculum")
    expect(page.locator("[data-cop-count]")).to_have_text("0 producten")
    expect(page.locator("[data-cop-none]")).to_be_visible()


def test_without_javascript_the_catalogue_lists_every_product_and_hides_the_filters(open_page, site_url):
    page = open_page(java_script_enabled=False)
    page.goto(site_url + "coppyright/?type=curriculum")
    assert len(catalogue_titles(page)) == PRODUCTS
    expect(page.locator("form[data-cop-filters]")).to_be_hidden()
    expect(page.locator("[data-cop-count]")).to_have_text(f"{PRODUCTS} producten")


def test_an_event_that_passed_after_the_build_moves_out_of_the_upcoming_list(open_page, site_url):
    # The workshop of 9 December 2026 ended at 16:30; the site was built on 28 November.
    page = open_page(now=dt.datetime(2026, 12, 9, 17, 0, tzinfo=DUTCH))
    page.goto(site_url + "agenda/")
    upcoming = page.locator("[data-cop-upcoming]").first
    recent = page.locator("[data-cop-recent]").first
    expect(recent).to_be_visible()
    expect(recent.get_by_role("link")).to_have_text([WORKSHOP])
    expect(upcoming.get_by_role("link", name=WORKSHOP)).to_have_count(0)
    first_upcoming = upcoming.locator("li time").first.get_attribute("datetime")
    assert first_upcoming == "2026-12-10T13:30:00+01:00"


def test_before_it_ends_an_event_stays_upcoming(open_page, site_url):
    page = open_page(now=dt.datetime(2026, 12, 9, 16, 0, tzinfo=DUTCH))
    page.goto(site_url + "agenda/")
    expect(page.locator("[data-cop-recent]").first).to_be_hidden()
    expect(page.locator("[data-cop-upcoming] li").first.get_by_role("link")).to_have_text(WORKSHOP)


def test_an_event_page_that_passed_after_the_build_says_so_and_hides_registration(open_page, site_url):
    url = site_url + "agenda/werksessie-leerroutes/"
    before = open_page()
    before.goto(url)
    expect(before.locator("[data-cop-passed]")).to_be_hidden()
    expect(before.get_by_role("link", name=f"Aanmelden voor {WORKSHOP}")).to_be_visible()

    after = open_page(now=dt.datetime(2026, 12, 10, 9, 0, tzinfo=DUTCH))
    after.goto(url)
    expect(after.locator("[data-cop-passed]")).to_have_text("Dit evenement is voorbij.")
    expect(after.get_by_role("link", name=f"Aanmelden voor {WORKSHOP}")).to_be_hidden()


def test_text_meant_for_screen_readers_only_is_not_shown(open_page, site_url):
    page = open_page()
    page.goto(site_url + "agenda/werksessie-leerroutes/")
    button = page.get_by_role("link", name=f"Aanmelden voor {WORKSHOP}")
    expect(button).to_be_visible()
    hidden_part = button.locator(".md-visually-hidden").bounding_box()
    assert hidden_part is not None
    assert hidden_part["width"] <= 1
    assert hidden_part["height"] <= 1
