"""Everything CoPPIG publishes, prepared once per build: entries, feeds, editions and their pages.

`prepare` runs before any page is rendered (the pages need editions and feed lists); `outputs` runs after
the item pages were rendered, because feed items carry their page's HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import yaml

from coplimburg.content.site import Site
from coplimburg.content.sitemap import EDITION, EDITIONS, SUBSCRIBE, Page, SiteMap
from coplimburg.feeds import formats
from coplimburg.feeds.channels import Channel, FeedLink, FeedSettings, channels, head_links
from coplimburg.feeds.editions import Edition, editions, email_html
from coplimburg.feeds.entries import Entry, collect, content_html
from coplimburg.pages.images import Originals
from coplimburg.settings import Newsletter
from coplimburg.urls import (
    AGENDA_ICS,
    CONTACT_PATH,
    EDITIONS_PATH,
    absolute,
    webcal,
)

# Page meta key and values that tell the page context which prepared object a generated page shows.
PAGE_KEY = "cop_coppig"
_SERIALISERS = {"rss": formats.rss, "atom": formats.atom, "json": formats.json_feed}


@dataclass(frozen=True)
class EmailSignup:
    """How a visitor gets the CoPPIG by e-mail: the list's sign-up page, else a message to an address,
    else a request through the contact page (`url` is None and `address` is None)."""

    url: str | None
    address: str | None
    mailto: str | None
    contact: str


@dataclass(frozen=True)
class Subscriptions:
    """What the subscribe page lists: e-mail, every feed, the calendar and the editions."""

    main: Channel
    collections: list[Channel]
    tables: list[Channel]
    calendar: str
    calendar_webcal: str
    editions: str
    email: EmailSignup


@dataclass(frozen=True)
class Syndication:
    site: Site
    site_url: str
    settings: FeedSettings
    entries: list[Entry]
    channels: list[Channel]
    editions: list[Edition]
    newsletter: Newsletter = field(default_factory=Newsletter)

    def head_links(self, page_path: str) -> list[FeedLink]:
        return head_links(self.channels, page_path)

    def pages(self, site_map: SiteMap) -> dict[str, str]:
        """The generated Markdown of the CoPPIG pages the map lists: the subscribe page, the editions index and
        every edition."""
        return {page.source: _PAGES[page.shows](self, page) for page in site_map.generated() if page.shows in _PAGES}

    def _subscribe_page(self, page: Page) -> str:
        return _page(
            "coppig-subscribe.html",
            "CoPPIG volgen",
            "Volg het nieuws, agenda en CoPyright van de CoP Limburg in een feedlezer, per e-mail of in je agenda.",
            "subscribe",
        )

    def _editions_page(self, page: Page) -> str:
        return _page(
            "coppig-editions.html",
            "CoPPIG: alle edities",
            "Alle maandelijkse edities van de CoPPIG, de nieuwsbrief van de CoP Limburg, de nieuwste eerst.",
            "editions",
        )

    def _edition_page(self, page: Page) -> str:
        edition = next(edition for edition in self.editions if edition.month == page.key)
        description = f"Het nieuws, de agenda en CoPyright van de CoP Limburg in {edition.period}."
        return _page("coppig-edition.html", edition.title, description, "edition", cop_month=edition.month)

    def page_data(self, meta: Mapping[str, Any]) -> Subscriptions | list[Edition] | Edition | None:
        """The prepared object a generated CoPPIG page displays, chosen by its front matter."""
        kind = meta.get(PAGE_KEY)
        if kind == "subscribe":
            calendar = absolute(self.site_url, AGENDA_ICS)
            return Subscriptions(
                main=self.channels[0],
                collections=[channel for channel in self.channels[1:] if not channel.key.startswith("tables/")],
                tables=[channel for channel in self.channels if channel.key.startswith("tables/")],
                calendar=calendar,
                calendar_webcal=webcal(calendar),
                editions=absolute(self.site_url, EDITIONS_PATH),
                email=self.email_signup(),
            )
        if kind == "editions":
            return self.editions
        if kind == "edition":
            return next((edition for edition in self.editions if edition.month == meta.get("cop_month")), None)
        return None

    def email_signup(self) -> EmailSignup:
        address = self.newsletter.subscribe_address
        return EmailSignup(
            url=self.newsletter.subscribe_url,
            address=address,
            mailto=f"mailto:{address}?subject={quote('Aanmelden CoPPIG')}" if address else None,
            contact=absolute(self.site_url, CONTACT_PATH),
        )

    def outputs(self, rendered: Mapping[tuple[str, str], str]) -> dict[str, bytes]:
        """Every feed file and e-mail edition by output path; `rendered` holds each item page's HTML."""
        return {**self.feed_files(rendered), **self.edition_files()}

    def feed_files(self, rendered: Mapping[tuple[str, str], str]) -> dict[str, bytes]:
        """RSS, Atom and JSON Feed of every channel by output path."""
        contents = {entry.key: content_html(entry, rendered[entry.key]) for entry in self.entries}
        return {
            channel.paths[kind]: serialise(channel, self.settings, contents)
            for channel in self.channels
            for kind, serialise in _SERIALISERS.items()
        }

    def edition_files(self) -> dict[str, bytes]:
        """Every e-mail edition's HTML by output path."""
        return {
            edition.email_path: email_html(edition, self.settings, self.site_url, self.newsletter)
            for edition in self.editions
        }


def prepare(
    site: Site,
    site_url: str,
    settings: FeedSettings,
    today: dt.date,
    originals: Originals,
    newsletter: Newsletter | None = None,
) -> Syndication:
    """Entries, feeds and editions of the site; images are the files `originals` publishes."""
    entries = collect(site, site_url, today, originals)
    return Syndication(
        site=site,
        site_url=site_url,
        settings=settings,
        entries=entries,
        channels=channels(site, entries, settings, site_url),
        editions=editions(entries, site_url),
        newsletter=newsletter or Newsletter(),
    )


# The CoPPIG pages of the map (coplimburg.content.sitemap) and how each is written.
_PAGES: dict[str, Callable[[Syndication, Page], str]] = {
    SUBSCRIBE: Syndication._subscribe_page,
    EDITIONS: Syndication._editions_page,
    EDITION: Syndication._edition_page,
}


def _page(template: str, title: str, description: str, kind: str, **meta: str) -> str:
    front = {"template": template, "title": title, "description": description, PAGE_KEY: kind, **meta}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n"
