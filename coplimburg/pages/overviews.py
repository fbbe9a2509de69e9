"""Views of the overview pages: the tables, the agenda with its archive, the CoPyright catalogue, the news, and the
generic list of any other collection's items."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from coplimburg.agenda.archive import archive, recent, upcoming
from coplimburg.calendar.links import webcal
from coplimburg.content.collections import PRODUCTS
from coplimburg.content.products import Product
from coplimburg.content.site import Site
from coplimburg.content.sitedata import Edition
from coplimburg.content.tables import Table
from coplimburg.pages.counts import Count
from coplimburg.pages.items import EventLine, ItemViews, Link
from coplimburg.pages.statuses import RecentLine, recent_lines
from coplimburg.urls import AGENDA_ICS, item_path, year_path
from coplimburg.words import TABLE_STATUS


@dataclass(frozen=True)
class TableRow:
    table: Table
    url: str
    lead_role: str
    lead_organisation: str
    status_label: str


@dataclass(frozen=True)
class ArchiveYear:
    """One year of the agenda's archive: its programme editions and the year's own page, which lists what took
    place."""

    year: int
    editions: list[Edition]
    page: str


@dataclass(frozen=True)
class AgendaView:
    upcoming: list[EventLine]
    # What took place lately; the archive links the year pages, which list the rest.
    recent: list[RecentLine]
    archive: list[ArchiveYear]
    ics: str
    subscribe: str


@dataclass(frozen=True)
class Facet:
    """One filter of the catalogue: `name` is the URL parameter, `legend` what visitors read."""

    name: str
    legend: str
    options: list[Count]


@dataclass(frozen=True)
class CatalogueEntry:
    product: Product
    url: str
    type_label: str
    values: dict[str, str]


@dataclass(frozen=True)
class CatalogueView:
    facets: list[Facet]
    entries: list[CatalogueEntry]
    # How the count names one entry and more (the collection's own words); cop.js counts with them too.
    one: str
    many: str

    @property
    def count(self) -> str:
        """'1 product', '5 producten'."""
        return f"{len(self.entries)} {self.one if len(self.entries) == 1 else self.many}"


@dataclass(frozen=True)
class PostLine:
    title: str
    url: str
    published: dt.date
    summary: str


def table_order(table: Table) -> tuple[int, str]:
    """2A, 2B, 2C1, 2C2, 2D, 2E, 3, 4: by number first, then the rest of the code."""
    match = re.match(r"(\d+)(.*)", table.code)
    return (int(match.group(1)), match.group(2)) if match else (0, table.code)


def tables(site: Site) -> list[TableRow]:
    rows = []
    for table in sorted(site.tables.values(), key=table_order):
        rows.append(
            TableRow(
                table=table,
                url=item_path("tables", table.id),
                lead_role=table.lead.role,
                lead_organisation=site.partners[table.lead.organisation].name,
                status_label=TABLE_STATUS[table.status],
            )
        )
    return rows


def agenda(site: Site, items: ItemViews, today: dt.date, site_url: str) -> AgendaView:
    events = site.events.values()
    archive_years = [
        ArchiveYear(year.year, year.editions, year_path(year.year)) for year in archive(events, site.programme, today)
    ]
    return AgendaView(
        upcoming=[items.line(occurrence) for occurrence in upcoming(events, today)],
        recent=recent_lines(site, recent(events, today)),
        archive=archive_years,
        ics=AGENDA_ICS,
        subscribe=webcal(site_url, AGENDA_ICS),
    )


def catalogue(site: Site) -> CatalogueView:
    vocabularies = site.vocabularies
    table_labels = {table.id: table.label for table in site.tables.values()}
    facet_specs: list[tuple[str, str, Mapping[str, str], Callable[[Product], list[str]]]] = [
        ("type", "Soort", vocabularies.types, lambda product: [product.type]),
        ("doelgroep", "Doelgroep", vocabularies.audiences, lambda product: product.audiences),
        ("niveau", "Niveau", vocabularies.levels, lambda product: product.levels),
        ("domein", "Domein", vocabularies.domains, lambda product: product.domains),
        ("tafel", "Innovatietafel", table_labels, lambda product: product.tables),
    ]
    products = sorted(site.products.values(), key=lambda product: (-product.published.toordinal(), product.title))
    facets = []
    for name, legend, labels, values_of in facet_specs:
        counts = Counter(value for product in products for value in values_of(product))
        options = [Count(value, label, counts[value]) for value, label in labels.items() if counts[value]]
        facets.append(Facet(name, legend, options))
    entries = [
        CatalogueEntry(
            product=product,
            url=item_path("products", product.id),
            type_label=vocabularies.types[product.type],
            values={name: " ".join(values_of(product)) for name, _, _, values_of in facet_specs},
        )
        for product in products
    ]
    return CatalogueView(facets=facets, entries=entries, one=PRODUCTS.name, many=PRODUCTS.plural)


def news(site: Site, limit: int | None = None) -> list[PostLine]:
    posts = sorted(site.posts.values(), key=lambda post: (post.published, post.id), reverse=True)
    return [PostLine(post.title, item_path("posts", post.id), post.published, post.summary) for post in posts[:limit]]


@dataclass(frozen=True)
class ItemLine:
    """An item in the generic overview of a collection."""

    title: str
    url: str
    summary: str
    published: dt.date | None


def listing(site: Site, collection: str) -> list[ItemLine]:
    """The generic overview of a collection: every item, newest first where items have a `published` date, else by
    title."""
    lines = [
        ItemLine(
            item.page_title, item_path(collection, item.id), item.page_description, getattr(item, "published", None)
        )
        for item in site.items[collection].values()
    ]
    return sorted(lines, key=lambda line: (-(line.published or dt.date.min).toordinal(), line.title))


def newest_products(site: Site, limit: int) -> list[Link]:
    products = sorted(site.products.values(), key=lambda product: (product.published, product.id), reverse=True)
    return [Link(product.title, item_path("products", product.id), product.summary) for product in products[:limit]]
