"""A feed opened in a browser, as a visitor who taps "RSS" on a phone sees it: a Dutch explanation and the items,
laid out for the phone's width, through the site's own stylesheet."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}


@pytest.mark.parametrize("path", ["feed.xml", "agenda/atom.xml", "innovatietafels/tafel-3/feed.xml"])
def test_a_feed_on_a_phone_explains_itself_in_dutch_above_its_items(open_page, site_url, path):
    page = open_page(**PHONE)
    # Chromium asks for /favicon.ico on its own for a document that names no icon; pages name Material's.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(site_url + path)
    expect(page.get_by_text("Dit is een feed: het nieuwste van CoP Limburg")).to_be_visible()
    expect(page.get_by_text("Kopieer het adres van deze pagina")).to_be_visible()
    # Laid out at the phone's width, not shrunk from a desktop one: the text is readable without zooming.
    assert page.evaluate("window.innerWidth") == 390
    explanation = page.locator(".cop-feed").bounding_box()
    first_item = page.locator("item > title, entry > title").first
    expect(first_item).to_be_visible()
    item_box = first_item.bounding_box()
    assert explanation is not None and item_box is not None and explanation["y"] < item_box["y"]
    # What a feed holds for feed readers (links, dates, the full HTML) is not shown as a heap of text.
    expect(page.locator("item > link, entry > id").first).to_be_hidden()
    assert page.locator("xslt-warning-banner").count() == 0
