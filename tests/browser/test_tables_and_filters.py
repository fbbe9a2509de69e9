"""Tables on a phone (no sideways scrolling, no word broken in two) and catalogue filter counts that follow the
other filters."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
TABLE_PAGES = {"innovation tables": "innovatietafels/", "who does what": "partners/"}

# Every word of every table cell as a DOM range: a word broken across two lines has two client rectangles.
BROKEN_WORDS = """() => {
  const broken = [];
  document.querySelectorAll("table.cop-table").forEach((table) => {
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.parentElement.getClientRects().length) continue;
      // A line may end after a hyphen ("zij-/instromers"); never inside a run of letters ("Wer/ving").
      const pattern = /[^\\s-]+/g;
      let match;
      while ((match = pattern.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  });
  return broken;
}"""


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_a_table_fits_a_390_pixel_phone_without_scrolling_sideways_or_breaking_a_word(open_page, site_url, name):
    page = open_page(**PHONE)
    page.goto(site_url + TABLE_PAGES[name])
    table = page.locator("table.cop-table")
    expect(table).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    box = table.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    # Content cut off inside a cell is no better than a page that scrolls; the hidden column names are 1 px on purpose.
    overflowing = page.evaluate(
        """() => Array.from(document.querySelectorAll("table.cop-table, table.cop-table *"))
             .filter((element) => !element.closest("thead, .md-visually-hidden"))
             .filter((element) => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
             .map((element) => element.tagName)"""
    )
    assert overflowing == []
    assert page.evaluate(BROKEN_WORDS) == []


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_a_table_keeps_its_table_semantics_on_a_phone(open_page, site_url, name):
    page = open_page(**PHONE)
    page.goto(site_url + TABLE_PAGES[name])
    expect(page.get_by_role("table")).to_have_count(1)
    assert page.get_by_role("columnheader").count() >= 3
    assert page.get_by_role("rowheader").count() >= 2


def option_count(page: Page, legend: str, label: str) -> str:
    fieldset = page.locator("form[data-cop-filters] fieldset", has=page.locator("legend", has_text=legend))
    return fieldset.locator("label", has_text=label).locator("[data-cop-option-count]").inner_text()


def test_each_filter_option_counts_what_it_would_give_with_the_other_filters(open_page, site_url):
    page = open_page()
    page.goto(site_url + "coppyright/")
    assert option_count(page, "Soort", "Curriculum") == "(2)"
    assert option_count(page, "Doelgroep", "Upgraders") == "(1)"

    page.locator("form[data-cop-filters]").get_by_label("Tafel 4").check()
    expect(page.locator("[data-cop-count]")).to_have_text("1 product")
    # tests/sample: only the baseline measurement (type onderzoek) sits at tafel 4.
    assert option_count(page, "Soort", "Curriculum") == "(0)"
    assert option_count(page, "Soort", "Onderzoek") == "(1)"
    assert option_count(page, "Doelgroep", "Upgraders") == "(0)"
    # Options of the same filter add up, so their counts ignore what is ticked there.
    assert option_count(page, "Innovatietafel", "Tafel 2B") == "(4)"

    page.get_by_role("button", name="Alle filters wissen").click()
    expect(page.locator("[data-cop-count]")).to_have_text("5 producten")
    assert option_count(page, "Soort", "Curriculum") == "(2)"


def in_view(page: Page, selector: str) -> bool:
    """Whether the element's box lies wholly within the visible part of the page."""
    return page.locator(selector).evaluate(
        "element => { const box = element.getBoundingClientRect();"
        " return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0; }"
    )


def test_on_a_phone_the_filters_are_closed_groups_and_the_first_product_follows_on_the_first_screens(
    open_page, site_url
):
    page = open_page(**PHONE)
    page.goto(site_url + "coppyright/")
    groups = page.locator("form[data-cop-filters] details")
    expect(groups).to_have_count(5)
    assert groups.evaluate_all("groups => groups.filter(group => group.open).length") == 0
    expect(page.get_by_role("checkbox", name="Curriculum")).to_be_hidden()
    first = page.locator("[data-cop-catalogue] li").first.bounding_box()
    # Five open groups put the first product about 1,500 px down; closed, it follows within one more screen.
    assert first is not None and first["y"] < 844 * 1.5


def test_ticking_a_filter_on_a_phone_shows_and_says_the_new_count_on_screen(open_page, site_url):
    page = open_page(**PHONE)
    page.goto(site_url + "coppyright/")
    page.locator("form[data-cop-filters] summary", has_text="Doelgroep").click()
    page.get_by_role("checkbox", name="Docenten").check()
    count = page.get_by_role("status").filter(has_text="product")
    expect(count).to_have_text("1 product")
    assert count.get_attribute("aria-live") == "polite"
    assert in_view(page, "[data-cop-count]")
    expect(page.locator("form[data-cop-filters] summary", has_text="Doelgroep")).to_have_text("Doelgroep (1 gekozen)")


def test_a_link_with_filters_opens_their_groups_on_a_phone(open_page, site_url):
    page = open_page(**PHONE)
    page.goto(site_url + "coppyright/?niveau=hbo")
    expect(page.get_by_role("checkbox", name="Hbo")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Curriculum")).to_be_hidden()


def test_on_a_wide_screen_every_filter_group_shows_its_options(open_page, site_url):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "coppyright/")
    for name in ("Curriculum", "Docenten", "Hbo", "Procestechniek", "Tafel 3"):
        expect(page.get_by_role("checkbox", name=name)).to_be_visible()
    expect(page.locator("form[data-cop-filters] summary").first).to_be_hidden()
    expect(page.get_by_role("group", name="Soort")).to_be_visible()
