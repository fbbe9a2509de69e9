"""What the feeds and the newsletter carry: one entry per news post, announced event and published product.

Entries are built from content only (never the build time), so identical content gives identical entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from lxml.html import HtmlElement, tostring
from lxml.html import builder as E

from coplimburg.agenda.schedule import start_of_day
from coplimburg.content.collections import FEED_COLLECTIONS, Feed
from coplimburg.content.documents import DOWNLOAD_KINDS
from coplimburg.content.events import Event
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.site import Site
from coplimburg.dates import dutch_date, dutch_span
from coplimburg.feeds.imagesize import image_size
from coplimburg.feeds.markup import portable_html
from coplimburg.pages.downloads import asset
from coplimburg.pages.images import Originals
from coplimburg.urls import absolute, item_path
from coplimburg.words import EVENT_STATUS, FACTS

# The date in a tag URI is part of the id, fixed once: an item's own dates may change, its id may not.
TAG_PREFIX = "tag:communityofpracticelimburg.nl,2024:"
SCHEMES = {name: f"{TAG_PREFIX}{name}" for name in ("collection", "table", "type")}
_STEP = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class Category:
    term: str
    label: str
    scheme: str


@dataclass(frozen=True)
class Image:
    url: str  # absolute, for feeds and e-mail
    path: str  # root-relative, for pages of the site itself
    alt: str
    length: int
    media_type: str
    # Pixel size from the published file's header (upright); None only for a file we cannot read.
    width: int | None = None
    height: int | None = None

    def height_at(self, width: int) -> int | None:
        """The height at which the image shows `width` pixels wide, keeping its proportions."""
        if not self.width or not self.height:
            return None
        return max(1, round(self.height * width / self.width))


@dataclass(frozen=True)
class Fact:
    """One line above an item's text, such as 'Wanneer: donderdag 13 juni 2024, 13:00–17:00'."""

    label: str
    text: str
    href: str | None = None


@dataclass(frozen=True)
class Entry:
    collection: str
    item_id: str
    title: str
    url: str
    summary: str
    published: dt.datetime
    updated: dt.datetime
    categories: tuple[Category, ...]
    tables: tuple[str, ...]
    facts: tuple[Fact, ...]
    image: Image | None
    # An event's session ("Wanneer" or, in a series, "Volgende sessie"): what dates the entry for a reader.
    when: Fact | None = None

    @property
    def id(self) -> str:
        """Permanent and independent of URLs: a new domain or a new title never re-sends an item."""
        return f"{TAG_PREFIX}{self.collection}/{self.item_id}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.collection, self.item_id)

    @property
    def month(self) -> str:
        return f"{self.published:%Y-%m}"

    @property
    def date_text(self) -> str:
        """What dates the entry for a reader, in Dutch, for pages and e-mail: an event's session ('woensdag 9
        december 2026, 13:00–16:30'), otherwise the publication date ('donderdag 20 juni 2024')."""
        return self.when.text if self.when else dutch_date(self.published)

    @property
    def all_facts(self) -> tuple[Fact, ...]:
        """Every fact, the session first: feeds carry them all, an edition shows the session as its date."""
        return ((self.when,) if self.when else ()) + self.facts

    @property
    def collection_label(self) -> str:
        return _feed(self.collection).title


def collect(site: Site, site_url: str, today: dt.date, originals: Originals) -> list[Entry]:
    """Every entry of the site, newest first; ties in a fixed order so the output never shuffles.

    An entry is dated by its item's `published` date; an event's entry names its next session as of `today`. Its
    image is the file the site publishes (`originals`: re-encoded, upright, no metadata) with that file's size."""
    found = [
        replace(
            _ENTRIES[key](site, site_url, item, today) if key in _ENTRIES else _entry(site, site_url, key, item, []),
            image=_image(site, site_url, item, originals),
        )
        for key in FEED_COLLECTIONS
        for item in site.items[key].values()
    ]
    order = {key: index for index, key in enumerate(FEED_COLLECTIONS)}
    found.sort(key=lambda entry: (order[entry.collection], entry.item_id))
    found.sort(key=lambda entry: entry.published, reverse=True)
    return _distinct_times(found)


def _distinct_times(entries: list[Entry]) -> list[Entry]:
    """Items dated on the same day get distinct times, a minute apart, in their fixed order (the first listed
    the latest): a feed validator rejects two entries with the same `updated`. The order within a day decides,
    so the same content always gives the same times; an entry first published and never updated keeps both
    dates equal."""
    oldest_first = entries[::-1]
    moments = distinct_moments([entry.updated for entry in oldest_first])
    distinct = [
        replace(entry, published=updated if entry.published == entry.updated else entry.published, updated=updated)
        for entry, updated in zip(oldest_first, moments, strict=True)
    ]
    return distinct[::-1]


def distinct_moments(moments: list[dt.datetime]) -> list[dt.datetime]:
    """Each moment, or if an earlier one in the list took it, the first later free moment a minute step on.

    A taken moment points at a later candidate, and every lookup shortens the path it walked, so thousands of
    items on one day cost no more than a few lookups each (probing minute by minute grew with their square)."""
    after: dict[dt.datetime, dt.datetime] = {}  # a taken moment → a later moment to try
    found: list[dt.datetime] = []
    for moment in moments:
        walked = []
        while moment in after:
            walked.append(moment)
            moment = after[moment]
        for taken in walked:
            after[taken] = moment
        after[moment] = moment + _STEP
        found.append(moment)
    return found


def content_html(entry: Entry, body_html: str) -> str:
    """The full HTML of an entry for feeds: its facts, its image and the page body, all links absolute."""
    parts: list[str] = []
    if entry.all_facts:
        parts.append(tostring(E.UL(*(_fact(fact) for fact in entry.all_facts)), encoding="unicode"))
    if entry.image:
        image = E.IMG(src=entry.image.url, alt=entry.image.alt)
        parts.append(tostring(E.P(image), encoding="unicode"))
    parts.append(body_html)
    return portable_html("".join(parts), entry.url)


def _fact(fact: Fact) -> HtmlElement:
    value = E.A(fact.text, href=fact.href) if fact.href else fact.text
    return E.LI(E.STRONG(f"{fact.label}:"), " ", value)


def _entry(
    site: Site,
    site_url: str,
    collection: str,
    item: Any,
    types: list[tuple[str, str]],
    facts: tuple[Fact, ...] = (),
    updated: dt.date | None = None,
    when: Fact | None = None,
) -> Entry:
    """An item of any collection with a feed: it has a title, a summary and a `published` date; tables and
    an image where its model has them."""
    feed = _feed(collection)
    tables: tuple[str, ...] = tuple(getattr(item, "tables", ()))
    categories = (
        Category(feed.term, feed.title, SCHEMES["collection"]),
        *(Category(table, _table_label(site, table), SCHEMES["table"]) for table in tables),
        *(Category(kind, kind_label, SCHEMES["type"]) for kind, kind_label in types),
    )
    return Entry(
        collection=collection,
        item_id=item.id,
        title=item.title,
        url=absolute(site_url, item_path(collection, item.id)),
        summary=item.summary,
        published=start_of_day(item.published),
        updated=start_of_day(max(item.published, updated or item.published)),
        categories=categories,
        tables=tables,
        facts=facts,
        image=None,  # set by collect(), from the published file
        when=when,
    )


def _post(site: Site, site_url: str, post: Post, today: dt.date) -> Entry:
    labels = site.vocabularies.news_categories
    return _entry(site, site_url, "posts", post, [(name, labels.get(name, name)) for name in post.categories])


def _event(site: Site, site_url: str, event: Event, today: dt.date) -> Entry:
    plan = event.schedule
    when = Fact(
        FACTS["next"] if plan.is_series and not plan.is_past(today) else FACTS["when"],
        dutch_span(plan.next_session(today).span),
    )
    facts: list[Fact] = []
    if event.is_series:
        facts.append(Fact(FACTS["series"], f"{len(plan.sessions)} bijeenkomsten"))
    if event.location:
        facts.append(Fact(FACTS["where"], ", ".join(part for part in (event.location, event.address) if part)))
    if event.online:
        facts.append(Fact(FACTS["online"], "deelnemen via internet", event.online))
    if event.status != "gepland":
        facts.append(Fact(FACTS["status"], EVENT_STATUS[event.status]))
    if event.registration:
        facts.append(Fact(FACTS["register"], "aanmeldformulier", event.registration))
    kind = (event.kind, site.vocabularies.event_kinds.get(event.kind, event.kind))
    return _entry(site, site_url, "events", event, [kind], tuple(facts), when=when)


def _product(site: Site, site_url: str, product: Product, today: dt.date) -> Entry:
    vocabularies = site.vocabularies
    kind = (product.type, vocabularies.types.get(product.type, product.type))
    licence = vocabularies.licenses.get(product.license)
    facts = (
        Fact(FACTS["kind"], kind[1]),
        Fact(FACTS["version"], product.version),
        Fact(FACTS["licence"], licence.name if licence else product.license, licence.url if licence else None),
    )
    return _entry(site, site_url, "products", product, [kind], facts, product.updated)


def _table_label(site: Site, table_id: str) -> str:
    table = site.tables.get(table_id)
    return f"Innovatietafel {table.code}" if table else table_id


def _image(site: Site, site_url: str, item: Any, originals: Originals) -> Image | None:
    if not getattr(item, "image", None):
        return None
    # The loader has checked that the file exists beside the item and is a JPEG, PNG or WebP image.
    published = originals.publish(asset(site.content, item.source, item.image))
    width, height = image_size(published.source) or (None, None)
    return Image(
        url=absolute(site_url, published.url),
        path=published.url,
        alt=item.image_alt or "",
        length=published.source.stat().st_size,
        media_type=DOWNLOAD_KINDS[published.source.suffix.lower()].media_type,
        width=width,
        height=height,
    )


def _feed(collection: str) -> Feed:
    feed = FEED_COLLECTIONS[collection].feed
    assert feed is not None
    return feed


# Collections whose entries say more than title, summary and text (facts, kinds); others get the plain entry.
_ENTRIES: dict[str, Callable[[Site, str, Any, dt.date], Entry]] = {
    "posts": _post,
    "events": _event,
    "products": _product,
}
