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
