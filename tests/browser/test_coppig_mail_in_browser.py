"""The CoPPIG e-mail in a real browser: it fits 320, 375 and 600 px screens without scrolling sideways."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chromium import serve
from mailsite import NEWSLETTER, POSTS, SITE_URL, mail_site, post

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
