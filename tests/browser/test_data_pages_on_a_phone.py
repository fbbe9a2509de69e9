"""The pages of numbers on a 390 px phone: each table scrolls sideways inside its own region with its caption
fully on-screen, also while the numbers scroll; and Material's script leaves the tables where the page put them
(re-parenting them made the browser style and lay out every table twice)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
DATA_PAGES = {"outputs in charts": "opbrengsten/", "year page": "jaaroverzicht/2025/", "year index": "jaaroverzicht/"}

# Where the text of each data table's caption is drawn (the caption box itself is as wide as the table), and
# whether the page scrolls its tables sideways inside their region.
CAPTIONS = """() => Array.from(document.querySelectorAll("article table caption"), (caption) => {
  const text = document.createRange();
  text.selectNodeContents(caption);
  const box = text.getBoundingClientRect();
  return {caption: caption.textContent.trim(), left: box.left, right: box.right};
})"""


def data_page(open_page, site_url: str, path: str) -> Page:
    page = open_page(**PHONE)
    page.goto(site_url + path)
    # Material's script has run: it mounts its components when the document is ready.
    page.wait_for_function("() => window.component$ !== undefined")
    return page


def off_screen(captions: list[dict[str, float | str]]) -> list[str]:
    return [str(one["caption"]) for one in captions if float(one["left"]) < 0 or float(one["right"]) > 390]


@pytest.mark.parametrize("name", DATA_PAGES)
def test_every_table_caption_is_fully_on_screen_and_the_page_does_not_scroll_sideways(open_page, site_url, name):
    page = data_page(open_page, site_url, DATA_PAGES[name])
    captions = page.evaluate(CAPTIONS)
    assert captions, "a data page without tables"
    assert off_screen(captions) == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_caption_stays_on_screen_while_its_table_scrolls_sideways(open_page, site_url):
    page = data_page(open_page, site_url, DATA_PAGES["outputs in charts"])
    regions = page.locator("article .cop-scroll")
    wide = [
        index for index in range(regions.count()) if regions.nth(index).evaluate("e => e.scrollWidth > e.clientWidth")
    ]
    assert wide, "at 390 px at least the table of all years is wider than the screen"
    for index in wide:
        regions.nth(index).evaluate("e => { e.scrollLeft = e.scrollWidth; }")
        assert regions.nth(index).evaluate("e => e.scrollLeft") > 0
    assert off_screen(page.evaluate(CAPTIONS)) == []


@pytest.mark.parametrize("name", DATA_PAGES)
def test_each_table_stays_in_its_focusable_region_without_material_s_wrappers(open_page, site_url, name):
    page = data_page(open_page, site_url, DATA_PAGES[name])
    tables = page.locator("article table")
    expect(page.locator("article .md-typeset__scrollwrap, article .md-typeset__table")).to_have_count(0)
    for index in range(tables.count()):
        region = tables.nth(index).locator("xpath=..")
        assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
