"""The CoPPIG e-mail in a real browser: it fits 320, 375 and 600 px screens without scrolling sideways."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chromium import serve
from mailsite import NEWSLETTER, POSTS, SITE_URL, mail_site, post
from playwright.sync_api import expect

from coplimburg.content.loader import load
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.editions import EMAIL_WIDTH, email_html
from coplimburg.feeds.syndication import Syndication, prepare
from coplimburg.pages.cache import cache_folder
from coplimburg.pages.images import Originals
from coplimburg.settings import Newsletter

SETTINGS = FeedSettings("CoP Limburg", "", "Community of Practice Limburg")
SEND_DATE = dt.date(2024, 7, 2)


def syndication(config: Path, newsletter: Newsletter, site_url: str = SITE_URL) -> Syndication:
    originals = Originals(cache_folder(config.parent, "images"))
    return prepare(load(config.parent / "content"), site_url, SETTINGS, SEND_DATE, originals, newsletter)


@pytest.mark.parametrize("width", [320, 375, 600])
def test_the_email_fits_the_screen_without_scrolling_sideways(content, tmp_path: Path, open_page, width: int) -> None:
    config = mail_site(content, **POSTS, **{"lang.md": post("Een heel lang woord: " + "x" * 59, "2024-06-30")})
    folder = tmp_path / "served"
    with serve(folder) as base_url:
        newsletter = Newsletter(**NEWSLETTER)
        found = next(e for e in syndication(config, newsletter, base_url).editions if e.month == "2024-06")
        for entry in found.entries:
            if entry.image:
                target = folder / entry.image.url.removeprefix(base_url)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes((config.parent / "content/news/images/zaal.png").read_bytes())
        logo = folder / "assets/images/cop-logo.png"
        logo.parent.mkdir(parents=True, exist_ok=True)
        logo.write_bytes((config.parent / "content/news/images/zaal.png").read_bytes())
        (folder / "favicon.ico").write_bytes(logo.read_bytes())  # chromium asks for it on its own
        (folder / "email.html").write_bytes(email_html(found, SETTINGS, base_url, newsletter))
        page = open_page(viewport={"width": width, "height": 800})
        page.goto(base_url + "email.html")
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
        column = page.locator("table.column").bounding_box()
        assert column is not None and column["width"] <= min(width, EMAIL_WIDTH)
        photo = page.locator("img.image").bounding_box()
        assert photo is not None and photo["x"] + photo["width"] <= width


# Each word of an element's text as a DOM range: a word broken across two lines has two client rectangles.
BROKEN_WORDS = """element => {
  const broken = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const pattern = /\\S+/g;
    let match;
    while ((match = pattern.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [320, 375, 600])
def test_with_images_blocked_the_header_names_the_organisation_in_whole_words(
    content, tmp_path: Path, open_page, width: int
) -> None:
    # Most mail apps block images until the reader allows them: the logo's place must not hold a squeezed name.
    config = mail_site(content, **POSTS)
    folder = tmp_path / "served"
    folder.mkdir()
    with serve(folder) as base_url:
        newsletter = Newsletter(**NEWSLETTER)
        found = next(e for e in syndication(config, newsletter, base_url).editions if e.month == "2024-06")
        (folder / "email.html").write_bytes(email_html(found, SETTINGS, base_url, newsletter))
        page = open_page(viewport={"width": width, "height": 800})
        # What a blocked image is to the page: no picture, only its place and its alt text.
        page.route("**/*.png", lambda route: route.fulfill(status=200, content_type="image/png", body=b""))
        page.goto(base_url + "email.html")
        header = page.locator("td.header")
        assert header.locator("img").get_attribute("alt") == ""
        expect(header.get_by_role("link", name="Community of Practice Limburg")).to_be_visible()
        assert header.evaluate(BROKEN_WORDS) == []
