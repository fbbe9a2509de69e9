"""What the CoP did per year, counted once: sessions held (from each event's schedule against the build
date), products published or updated, news, and what each innovation table did.

Year pages, the /opbrengsten/ page and their charts display these figures; nothing is recounted elsewhere.
Counting rules: a session counts as held when it is over before the build date and neither its event is
cancelled nor its date skipped by the series (those count as cancelled); an event is held in a year when
one of its sessions was held in it; a product counts in the year it was published ("nieuw") and, if later,
in the year of its last update ("bijgewerkt"); items dated after the build date do not count yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coplimburg.agenda.archive import ArchiveEntry, by_year
from coplimburg.content.events import Event
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.site import Site
from coplimburg.content.sitedata import Edition
from coplimburg.content.sitemap import site_years
from coplimburg.content.tables import Table
from coplimburg.pages.counts import Count, counts
from coplimburg.pages.overviews import table_order

NEW, UPDATED = "nieuw", "bijgewerkt"


@dataclass(frozen=True)
class TableYear:
    """What one innovation table did in a year."""

    table: Table
    sessions: int
    products_new: list[Product]
    products_updated: list[Product]
    posts: list[Post]

    @property
    def products(self) -> list[Product]:
        return self.products_new + self.products_updated

    @property
    def active(self) -> bool:
        return bool(self.sessions or self.products or self.posts)


@dataclass(frozen=True)
class YearFigures:
    year: int
    editions: list[Edition]
    entries: list[ArchiveEntry[Event]]  # events with their sessions of the year, most recent first
    events_held: int
    sessions_held: int
    cancelled: int
    sessions_by_kind: list[Count]
    sessions_by_table: list[Count]
    products_new: list[Product]
    products_updated: list[Product]
    products_by_type: dict[str, list[Count]]  # NEW / UPDATED → count per type
    products_by_audience: dict[str, list[Count]]
    posts: list[Post]
    tables: list[TableYear]


def figures(site: Site, today: dt.date) -> list[YearFigures]:
    """The figures of every year with a year page (coplimburg.content.sitemap.site_years), oldest first."""
    entries = by_year(site.events.values(), today)
    return [_year(site, year, entries.get(year, []), today) for year in site_years(site, today)]


def tables_in_order(site: Site) -> list[Table]:
    return sorted(site.tables.values(), key=table_order)


def changed_in(product: Product, year: int, today: dt.date) -> str | None:
    """NEW when published in the year, UPDATED when last updated in it (a later year), else None."""
    if product.published > today:
        return None
    if product.published.year == year:
        return NEW
    if product.updated is not None and product.updated <= today and product.updated.year == year:
        return UPDATED
    return None


def _year(site: Site, year: int, entries: list[ArchiveEntry[Event]], today: dt.date) -> YearFigures:
    vocabularies = site.vocabularies
    held = [(entry.event, session) for entry in entries for session in entry.held]
    changed: dict[str, list[Product]] = {NEW: [], UPDATED: []}
    for product in sorted(site.products.values(), key=lambda one: (one.published, one.id)):
        if change := changed_in(product, year, today):
            changed[change].append(product)
    posts = sorted(
        (post for post in site.posts.values() if post.published.year == year and post.published <= today),
        key=lambda post: (post.published, post.id),
    )
    table_labels = {table.id: table.label for table in tables_in_order(site)}
    tables = []
    for table in tables_in_order(site):
        tables.append(
            TableYear(
                table=table,
                sessions=sum(1 for event, _ in held if table.id in event.tables),
                products_new=[one for one in changed[NEW] if table.id in one.tables],
                products_updated=[one for one in changed[UPDATED] if table.id in one.tables],
                posts=[post for post in posts if table.id in post.tables],
            )
        )
    return YearFigures(
        year=year,
        editions=[edition for edition in site.programme if edition.year == year],
        entries=entries,
        events_held=len({event.id for event, _ in held}),
        sessions_held=len(held),
        cancelled=sum(1 for entry in entries for session in entry.sessions if session.cancelled),
        sessions_by_kind=counts(vocabularies.event_kinds, (event.kind for event, _ in held)),
        sessions_by_table=counts(table_labels, (table_id for event, _ in held for table_id in event.tables)),
        products_new=changed[NEW],
        products_updated=changed[UPDATED],
        products_by_type={
            change: counts(vocabularies.types, (one.type for one in changed[change])) for change in (NEW, UPDATED)
        },
        products_by_audience={
            change: counts(vocabularies.audiences, (key for one in changed[change] for key in one.audiences))
            for change in (NEW, UPDATED)
        },
        posts=posts,
        tables=tables,
    )
