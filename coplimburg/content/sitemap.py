"""The map of the site: every page and file a build publishes, listed once from the loaded site.

The build generates the pages this map lists, publishes the files items name from it and refuses to write an
output it does not list (coplimburg.build); `cop check` checks every link in a body against it
(coplimburg.content.links). Not listed, because no text links to them: the theme's scripts, styles and icons, the
search index (pagefind/), the browser editor (admin/, coplimburg.cms: its page and config and the Decap bundle
copied from node_modules) and the resized variants of item images, whose widths only the drawn image knows
(coplimburg.pages.images).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from coplimburg.content.collections import COLLECTIONS, FEED_COLLECTIONS, FILE_COLLECTIONS, by_folder
from coplimburg.content.markdown_source import docs_files
from coplimburg.content.site import Site
from coplimburg.urls import (
    AGENDA_ICS,
    BUILD_FILE,
    EDITIONS_SOURCE,
    FEED_FILES,
    OUTPUTS_SOURCE,
    ROBOTS,
    SUBSCRIBE_SOURCE,
    YEARS_SOURCE,
    asset_path,
    card_path,
    collection_feed,
    edition_email,
    edition_source,
    event_ics,
    item_source,
    main_feed,
    table_feed,
    table_ics,
    year_source,
)

HOME_SOURCE = "index.md"
# What MkDocs writes beside the pages: the theme's page for a missing address and the sitemap for search engines.
ENGINE_FILES = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz"})
# What a page shows (`Page.shows`): a docs/ page, or one the build generates from the content.
DOCS, OVERVIEW, ITEM = "docs", "overview", "item"
OUTPUTS, YEARS, YEAR = "outputs", "years", "year"
SUBSCRIBE, EDITIONS, EDITION = "subscribe", "editions", "edition"


@dataclass(frozen=True)
class Page:
    """A page of the site by its Markdown source (`agenda/x.md`): a docs/ page, or one the build generates.

    `shows` says what a generated page displays (coplimburg.pages.generate and the CoPPIG pages look it up);
    `key` is the collection, year or month it is about, `item_id` the item of an item page."""

    source: str
    shows: str
    key: str = ""
    item_id: str = ""
    card: bool = False  # it has a social card of its own (coplimburg.pages.cards)

    @property
    def url(self) -> str:
        return url_of(self.source)

    @property
    def output(self) -> str:
        """The file MkDocs writes it to: `agenda/x/index.html`, `index.html`."""
        return f"{self.url.strip('/')}/index.html".lstrip("/")

    @property
    def generated(self) -> bool:
        return self.shows != DOCS


@dataclass(frozen=True)
class SiteMap:
    """What a build publishes: pages by source, the files items and docs/ name, and the files the build makes."""

    pages: dict[str, Page]
    # Downloads and images items name, by site path → their file under content/ (images are re-encoded).
    named: dict[str, Path]
    # Files of docs/ that are not pages, by site path → their file.
    docs_files: dict[str, Path]
    # Files the build makes from the content: feeds, calendars, e-mail editions, /build.json and robots.txt.
    made: frozenset[str]
    # The social cards: one per page that has one, and the home page's, which every other page shares.
    cards: frozenset[str]

    def generated(self) -> Iterator[Page]:
        return (page for page in self.pages.values() if page.generated)

    @cached_property
    def files(self) -> frozenset[str]:
        """Every file that is not a page, by site path."""
        return frozenset({*self.named, *self.docs_files, *self.made, *self.cards, *ENGINE_FILES})

    def paths(self) -> set[str]:
        """Every output path: pages as the files MkDocs writes, and every other file."""
        return {page.output for page in self.pages.values()} | self.files

    def page_for(self, path: str) -> str | None:
        """The page source a site path (`agenda/x/`, `agenda/x`, `agenda/x/index.html`, ``) is served from."""
        path = path.strip("/").removesuffix("index.html").removesuffix(".html").strip("/")
        for source in (f"{path}.md", f"{path}/index.md") if path else (HOME_SOURCE,):
            if source in self.pages:
                return source
        return None

    def site_paths(self) -> list[str]:
        return sorted({url_of(source) for source in self.pages})


def url_of(source: str) -> str:
    """`agenda/x.md` → `/agenda/x/`, `agenda/index.md` → `/agenda/`, `index.md` → `/`."""
    stem = source.removesuffix(".md").removesuffix("index").strip("/")
    return f"/{stem}/" if stem else "/"


def site_map(site: Site, today: dt.date) -> SiteMap:
    """The map of `site` as a build on `today` publishes it (scheduled items already left out by the caller:
    coplimburg.content.publication); docs/ lies beside the content folder."""
    docs = site.content.parent / "docs"
    listed = docs_files(docs)
    pages = [Page(file.relative_to(docs).as_posix(), DOCS) for file in listed if file.suffix == ".md"]
    for collection in COLLECTIONS.values():
        if collection.overview:
            pages.append(Page(collection.overview.source, OVERVIEW, collection.key, card=True))
    for key in COLLECTIONS:
        pages += [Page(item_source(key, item_id), ITEM, key, item_id, card=True) for item_id in site.items[key]]
    pages.append(Page(OUTPUTS_SOURCE, OUTPUTS))
    pages.append(Page(YEARS_SOURCE, YEARS))
    pages += [Page(year_source(year), YEAR, str(year)) for year in site_years(site, today)]
    months = edition_months(site)
    pages += [Page(SUBSCRIBE_SOURCE, SUBSCRIBE), Page(EDITIONS_SOURCE, EDITIONS)]
    pages += [Page(edition_source(month), EDITION, month) for month in months]
    by_source = {page.source: page for page in pages}
    return SiteMap(
        pages=by_source,
        named=dict(_named(site)),
        docs_files={file.relative_to(docs).as_posix(): file for file in listed if file.suffix != ".md"},
        made=frozenset(
            {*_feeds(site), *_calendars(site), *(edition_email(month) for month in months), BUILD_FILE, ROBOTS}
        ),
        cards=frozenset({card_path(""), *(card_path(page.url) for page in by_source.values() if page.card)}),
    )


def site_years(site: Site, today: dt.date) -> list[int]:
    """The years with a year page: from the first year anything took place, was published or was programmed, to
    the build year."""
    years = {today.year}
    years |= {session.span.first_day.year for event in site.events.values() for session in event.schedule.sessions}
    years |= {product.published.year for product in site.products.values()}
    years |= {post.published.year for post in site.posts.values()}
    years |= {edition.year for edition in site.programme}
    return list(range(min(years), today.year + 1))


def edition_months(site: Site) -> list[str]:
    """The months with a CoPPIG edition ('2024-06'), newest first: every month in which an item of a collection
    with a feed was published."""
    return sorted(
        {f"{item.published:%Y-%m}" for key in FEED_COLLECTIONS for item in site.items[key].values()}, reverse=True
    )


def _feeds(site: Site) -> Iterator[str]:
    """The three formats of the main feed, of each collection's feed and of each table's feed
    (coplimburg.feeds.channels)."""
    for kind in FEED_FILES:
        yield main_feed(kind)
        yield from (collection_feed(key, kind) for key in FEED_COLLECTIONS)
        yield from (table_feed(table_id, kind) for table_id in site.tables)


def _calendars(site: Site) -> Iterable[str]:
    """agenda.ics, one calendar per table and one per event (coplimburg.calendar.ics)."""
    return [AGENDA_ICS, *(table_ics(one) for one in site.tables), *(event_ics(one) for one in site.events)]


def _named(site: Site) -> Iterator[tuple[str, Path]]:
    for key in FILE_COLLECTIONS:
        for item in site.items[key].values():
            for relative in item.named_files:
                if found := named_file(site.content, item.source, relative):
                    yield found


def named_file(content: Path, item_source: str, relative: str) -> tuple[str, Path] | None:
    """Where a file an item names (relative to the item's file) is published, and the file itself; None for a path
    that leaves the collection's folder (the loader reports it)."""
    item_file = content.parent / item_source
    source = (item_file.parent / relative).resolve()
    folder = PurePosixPath(item_source).parts[1]
    collection = by_folder(folder)
    if collection is None or not source.is_relative_to((content / folder).resolve()):
        return None
    return asset_path(collection.key, source.relative_to((content / folder).resolve()).as_posix()), source
