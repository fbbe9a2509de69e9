"""Site search in a browser: Dutch queries find the pages a visitor means, results say what and when, the dialog
works by keyboard and at phone width, axe finds nothing with it open, and only 127.0.0.1 is asked for anything."""

from __future__ import annotations

import pytest
from chromium import axe_violations
from playwright.sync_api import Page, expect

# Results the dialog shows at first and per "Meer resultaten" (search.js).
PAGE_SIZE = 5
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}


def search(page: Page, words: str, kind: str = "Alles") -> list[str]:
    """The result paths the search dialog lists for what a visitor types, once the status says it is done: the
    first five, then the rest as a visitor pressing "Meer resultaten" until it is gone sees them."""
    dialog = page.get_by_role("dialog", name="Zoeken op de site")
    if not dialog.is_visible():
        page.get_by_role("button", name="Zoeken", exact=True).click()
    dialog.get_by_role("radio", name=kind).check()
    field = dialog.get_by_label("Zoekwoorden")
    field.fill(words)
    status = dialog.get_by_role("status")
    expect(status).to_have_text(
        __import__("re").compile(r"^(\d+ resultaten|1 resultaat|Geen resultaten voor “" + words + "”)$")
    )
    count = status.inner_text()
    expected = 0 if count.startswith("Geen") else int(count.split()[0])
    results = dialog.locator(".cop-search__result h3 a")
    expect(results).to_have_count(min(expected, PAGE_SIZE))
    more = dialog.get_by_role("button", name="Meer resultaten")
    while more.is_visible():
        shown = results.count()
        more.click()
        expect(results).to_have_count(min(expected, shown + PAGE_SIZE))
        expect(results.nth(shown)).to_be_focused()  # the first new result, so a keyboard user reads on
    assert results.count() == expected
    return results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")


def test_a_plural_finds_the_singular_and_the_other_way_round(open_page, site_url):
    page = open_page()
    page.goto(site_url)
    # In tests/sample/, "vaardigheden" and "leerdoelen" occur in one page only: the body of bouwstenen-ibo.md.
    assert search(page, "vaardigheid") == ["/coppyright/bouwstenen-ibo/"]
    assert search(page, "leerdoel") == ["/coppyright/bouwstenen-ibo/"]
    # "klankborden" finds the tables with a sounding board, though only "klankbord" is written there.
    assert "/innovatietafels/tafel-2b/" in search(page, "klankborden")


def test_a_compound_is_found_with_and_without_its_hyphen(open_page, site_url):
    page = open_page()
    page.goto(site_url)
    with_hyphen, without = search(page, "zij-instromers"), search(page, "zijinstromers")
    assert {"/innovatietafels/tafel-2b/", "/coppyright/leerroute-zij-instroom/"} <= set(with_hyphen[:10])
    assert {"/innovatietafels/tafel-2b/", "/coppyright/leerroute-zij-instroom/"} <= set(without[:10])


def test_a_partner_name_finds_its_partner_page_first(open_page, site_url):
    page = open_page()
    page.goto(site_url)
    assert search(page, "Chemelot Academy")[0] == "/partners/chemelot-academy/"
    assert search(page, "Chemelot", kind="Partners")[:2] == ["/partners/chemelot-academy/", "/partners/chill/"]


def test_a_page_only_a_template_renders_is_found(open_page, site_url):
    page = open_page()
    page.goto(site_url)
    assert search(page, "abonneren") == ["/coppig/abonneren/"]


def test_results_show_kind_date_and_mark_the_match_and_past_events(open_page, site_url):
    page = open_page()
    page.goto(site_url)
    assert search(page, "CoPpisch 2024", kind="Evenementen")[0] == "/agenda/coppisch-2024/"
    first = page.locator(".cop-search__result").first
    expect(first.locator(".cop-search__facts")).to_contain_text("evenement")
    expect(first.locator(".cop-search__facts")).to_contain_text("2024")
    expect(first.locator(".cop-search__past")).to_have_text("voorbij")
    expect(first.locator(".cop-search__excerpt mark").first).to_be_visible()
    assert search(page, "abonneren", kind="Producten") == []
    expect(page.get_by_role("status")).to_have_text("Geen resultaten voor “abonneren”")


def test_the_keyboard_opens_searches_follows_and_closes(open_page, site_url):
    page = open_page()
    page.goto(site_url + "over/")
    page.keyboard.press("Control+K")
    dialog = page.get_by_role("dialog", name="Zoeken op de site")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Zoekwoorden")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.keyboard.press("Meta+K")  # ⌘K on a Mac
    expect(dialog).to_be_visible()
    page.keyboard.type("abonneren")
    link = dialog.get_by_role("link", name="CoPPIG volgen")
    expect(link).to_be_visible()
    # Tab through the kinds to the result, then follow it.
    for _ in range(12):
        page.keyboard.press("Tab")
        if link.evaluate("link => link === document.activeElement"):
            break
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "coppig/abonneren/")


@pytest.mark.parametrize("key", ["s", "/", "f", "p", "n", ",", "."])
def test_a_single_key_typed_on_a_page_does_nothing_but_what_it_does_in_a_browser(open_page, site_url, key):
    # WCAG 2.1.4: our "/" and "s" opened the search and the theme's p and n went to the previous or next page
    # (over/ has both), and a visitor could not turn them off.
    page = open_page()
    page.goto(site_url + "over/")
    page.locator("article h1").click()  # focus in the page, on no field
    # The theme listens on window: a key that reaches it may act. Listeners run while the key is pressed.
    page.evaluate("() => window.addEventListener('keydown', (event) => { window.reached = event.key; })")
    page.keyboard.press(key)
    assert page.evaluate("() => window.reached") is None
    expect(page).to_have_url(site_url + "over/")
    expect(page.get_by_role("dialog", name="Zoeken op de site")).to_be_hidden()
    # In a field a key is just a character.
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.keyboard.press(key)
    expect(page.get_by_label("Zoekwoorden")).to_have_value(key)


def test_a_key_typed_while_the_closed_dialog_still_holds_focus_opens_the_search_again(open_page, site_url):
    # Chromium moves focus out of a closed dialog only at its next rendering update: a fast typist's Ctrl+K
    # right after Escape arrives at the closed dialog's field. It must open the search, not vanish.
    page = open_page()
    page.goto(site_url + "over/")
    page.keyboard.press("Control+K")
    dialog = page.get_by_role("dialog", name="Zoeken op de site")
    expect(dialog.get_by_label("Zoekwoorden")).to_be_focused()
    page.evaluate(
        """() => {
            const dialog = document.querySelector("[data-cop-search]");
            const field = dialog.querySelector("[data-cop-search-input]");
            dialog.close();
            const key = {key: "k", ctrlKey: true, bubbles: true, cancelable: true};
            field.dispatchEvent(new KeyboardEvent("keydown", key));
        }"""
    )
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Zoekwoorden")).to_be_focused()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_dialog_with_results_has_no_axe_violations_at_phone_width(open_page, site_url, scheme):
    page = open_page(color_scheme=scheme, **PHONE)
    page.goto(site_url)
    page.get_by_role("button", name="Zoeken", exact=True).click()
    dialog = page.get_by_role("dialog", name="Zoeken op de site")
    assert violations_in(page) == []
    search(page, "lectoraat")
    box = dialog.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert violations_in(page) == []


def violations_in(page: Page) -> list[str]:
    return axe_violations(page)


def test_without_javascript_there_is_no_search_control(open_page, site_url):
    page = open_page(java_script_enabled=False)
    page.goto(site_url)
    expect(page.get_by_role("button", name="Zoeken", exact=True)).to_be_hidden()


def test_on_a_phone_the_dialog_is_laid_out_by_our_stylesheet_with_a_full_width_field(open_page, site_url):
    # A stylesheet error (such as a block left open above these rules) leaves the dialog unstyled.
    page = open_page(**PHONE)
    page.goto(site_url)
    page.get_by_role("button", name="Zoeken", exact=True).click()
    field = page.locator("#cop-search-input")
    expect(field).to_be_focused()
    form = page.locator("[data-cop-search-form]").bounding_box()
    box = field.bounding_box()
    assert form is not None and box is not None
    assert box["width"] >= form["width"] - 1
    assert page.locator(".cop-search__label").evaluate("label => getComputedStyle(label).display") == "block"
    for option in page.locator(".cop-search__kinds label").all():
        assert option.evaluate("label => getComputedStyle(label).whiteSpace") == "nowrap"
