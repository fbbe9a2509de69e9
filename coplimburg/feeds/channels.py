"""Which feeds the site offers: the main feed, one per collection and one per innovation table.

The same list drives the feed files, the `<link rel="alternate">` head links and the subscribe page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coplimburg.content.collections import FEED_COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.dates import AMSTERDAM
from coplimburg.feeds.entries import Entry
from coplimburg.urls import (
    FEED_FILES,
    FEED_TYPES,
    absolute,
    collection_feed,
    item_path,
    main_feed,
    overview_path,
    section_path,
    table_feed,
)

FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
# A feed without items still needs a date; a fixed one keeps the bytes identical from build to build.
_EMPTY_DATE = dt.datetime(2021, 1, 1, tzinfo=AMSTERDAM)


@dataclass(frozen=True)
class FeedSettings:
    title: str
    description: str
    organisation: str
    limit: int = 20


@dataclass(frozen=True)
class FeedLink:
    title: str
    type: str
    href: str
    format: str
    path: str
    # Material treats every <link rel="alternate"> as a language version and fetches sitemap.xml next to
    # it; only the main feed, at the site root where sitemap.xml is, keeps the bare "alternate".
    rel: str


@dataclass(frozen=True)
class Channel:
    key: str
    title: str
    description: str
    home: str
    scope: str
    paths: dict[str, str]
    entries: tuple[Entry, ...]
    site_url: str
    updated: dt.datetime

    def links(self) -> list[FeedLink]:
        return [
            FeedLink(
                f"{self.title} ({FORMAT_NAMES[kind]})",
                FEED_TYPES[kind],
                self.url(kind),
                FORMAT_NAMES[kind],
                self.paths[kind],
                "alternate" if self.key == "main" else "alternate feed",
            )
            for kind in FEED_FILES
        ]

    def url(self, kind: str) -> str:
        return absolute(self.site_url, self.paths[kind])


def channels(site: Site, entries: list[Entry], settings: FeedSettings, site_url: str) -> list[Channel]:
    """Every feed of the site, the main feed first; each holds at most `settings.limit` entries."""
    newest = entries[0].updated if entries else _EMPTY_DATE

    def channel(
        key: str,
        title: str,
        description: str,
        scope: str,
        paths: dict[str, str],
        chosen: list[Entry],
        home: str | None = None,
    ) -> Channel:
        limited = tuple(chosen[: settings.limit])
        updated = max((entry.updated for entry in limited), default=newest)
        page = absolute(site_url, scope if home is None else home)
        return Channel(key, title, description, page, scope, paths, limited, site_url, updated)

    found = [
        channel(
            "main",
            settings.title,
            settings.description or settings.title,
            "",
            {k: main_feed(k) for k in FEED_FILES},
            entries,
        ),
    ]
    for collection, declared in FEED_COLLECTIONS.items():
        assert declared.feed is not None
        found.append(
            channel(
                collection,
                f"{settings.title}: {declared.feed.title}",
                declared.feed.description,
                section_path(collection),
                {kind: collection_feed(collection, kind) for kind in FEED_FILES},
                [entry for entry in entries if entry.collection == collection],
                home=overview_path(collection),
            )
        )
    for table in sorted(site.tables.values(), key=lambda table: table.id):
        found.append(
            channel(
                f"tables/{table.id}",
                f"{settings.title}: Innovatietafel {table.code}",
                f"Nieuws, evenementen en producten van innovatietafel {table.code}: {table.title}.",
                item_path("tables", table.id),
                {kind: table_feed(table.id, kind) for kind in FEED_FILES},
                [entry for entry in entries if table.id in entry.tables],
            )
        )
    return found


def head_links(found: list[Channel], page_path: str) -> list[FeedLink]:
    """The feeds a page announces: the main feed everywhere, plus the feed of the section it is in."""
    return [link for channel in found if page_path.startswith(channel.scope) for link in channel.links()]
