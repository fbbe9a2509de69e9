"""CoPPIG editions: a page per month with that month's items, an e-mail-ready version beside it, and an index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html
from sitebuild import SAMPLE

from coplimburg.content.loader import load
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.entries import collect
from coplimburg.feeds.message import edition_text
from coplimburg.feeds.syndication import prepare
from coplimburg.pages.cache import cache_folder
from coplimburg.pages.images import Originals
from coplimburg.settings import Newsletter

SITE_URL = "https://www.communityofpracticelimburg.nl/"
BUILD_DAY = dt.date(2026, 11, 28)
# Where the sample's builds keep its published images.
ORIGINALS = Originals(cache_folder(SAMPLE, "images"))


def sample_months() -> dict[str, set[str]]:
    """Month → the item URLs published in it, straight from tests/sample/content."""
    months: dict[str, set[str]] = {}
    for entry in collect(load(SAMPLE / "content"), SITE_URL, BUILD_DAY, ORIGINALS):
        months.setdefault(entry.month, set()).add(entry.url)
    return months


def test_each_month_with_items_gets_an_edition_page_listing_exactly_its_items(built_site: Path) -> None:
    months = sample_months()
    assert len(months) > 1
    for month, urls in months.items():
        page = html.parse(built_site / "coppig" / month / "index.html").getroot()
        items = page.find_class("cop-edition-item")
        assert {item.find("h2/a").get("href") for item in items} == urls, month
        assert len(items) == len(urls), month


def test_the_editions_index_lists_every_edition_newest_first(built_site: Path) -> None:
    page = html.parse(built_site / "coppig/edities/index.html").getroot()
    edition_links = [
        link.get("href")
        for link in page.iter("a")
        if (link.get("href") or "").startswith(SITE_URL + "coppig/") and link.get("href", "").endswith("/")
    ]
    months = sorted(sample_months(), reverse=True)
    assert edition_links == [f"{SITE_URL}coppig/{month}/" for month in months]


def test_every_email_edition_is_one_column_with_inline_styles_absolute_links_and_no_scripts(built_site: Path) -> None:
    for month in sample_months():
        path = built_site / "coppig" / month / "email.html"
        assert path.stat().st_size < 100_000
        document = html.parse(path).getroot()
        assert not list(document.iter("script", "style", "link", "form", "iframe"))
        column = document.find_class("column")[0]
        assert column.tag == "table" and column.get("width") == "600"
        assert "width: 600px" in column.get("style", "")
        for anchor in document.iter("a"):
            assert urlsplit(anchor.get("href")).scheme == "https", anchor.get("href")
        for image in document.iter("img"):
            assert urlsplit(image.get("src")).scheme == "https"
            assert image.get("width") and image.get("alt") is not None


def test_an_email_edition_carries_each_items_title_link_and_summary(built_site: Path) -> None:
    settings = FeedSettings("CoP Limburg", "", "Community of Practice Limburg")
    syndication = prepare(load(SAMPLE / "content"), SITE_URL, settings, BUILD_DAY, ORIGINALS)
    edition = syndication.editions[0]
    document = html.parse(built_site / edition.email_path).getroot()
    headings = [(heading.text_content(), heading.find("a").get("href")) for heading in document.iter("h2")]
    assert headings == [(entry.title, entry.url) for entry in edition.entries]
    summaries = [paragraph.text_content() for paragraph in document.find_class("summary")]
    assert summaries == [entry.summary for entry in edition.entries]


WORKSHOP = "Werksessie leerroutes voor praktijkopleiders"  # announced in October 2026, held on 9 December


def test_an_event_in_an_edition_is_headed_by_its_own_date_not_by_its_announcement(built_site: Path) -> None:
    email_item = next(
        item
        for item in html.parse(built_site / "coppig/2026-10/email.html").getroot().find_class("item")
        if item.find("h2").text_content() == WORKSHOP
    )
    assert email_item.find_class("label")[0].text_content() == "Agenda · woensdag 9 december 2026, 13:00–16:30"
    assert not [fact for fact in email_item.iter("li") if fact.text_content().startswith("Wanneer")]
    page_item = next(
        item
        for item in html.parse(built_site / "coppig/2026-10/index.html").getroot().find_class("cop-edition-item")
        if item.find("h2").text_content() == WORKSHOP
    )
    assert page_item.find("p").text_content() == "Agenda · woensdag 9 december 2026, 13:00–16:30"
    settings = FeedSettings("CoP Limburg", "", "Community of Practice Limburg")
    edition = next(
        one
        for one in prepare(load(SAMPLE / "content"), SITE_URL, settings, BUILD_DAY, ORIGINALS).editions
        if one.month == "2026-10"
    )
    text = edition_text(edition, settings, Newsletter(), SITE_URL)
    assert f"AGENDA · WOENSDAG 9 DECEMBER 2026, 13:00–16:30\n{WORKSHOP}\n" in text
