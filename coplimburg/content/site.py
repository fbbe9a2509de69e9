"""The loaded site: every collection, the site data, and the cross-links between them, computed once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.events import Event
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.sitedata import Edition, Matrix, Partner, Vocabularies
from coplimburg.content.tables import Table


@dataclass
class Links:
    """Back-links, so a page never searches all items: table ↔ events ↔ products ↔ partners, event ↔ posts."""

    events_by_table: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    products_by_table: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    posts_by_table: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    posts_by_event: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_product: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_partner: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    products_by_partner: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    tables_by_partner: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class Site:
    """Every item by collection key and id (see coplimburg.content.collections), and the site data."""

    content: Path
    items: dict[str, dict[str, Any]]
    vocabularies: Vocabularies
    programme: list[Edition]
    matrix: Matrix
    links: Links = field(init=False)

    def __post_init__(self) -> None:
        self.links = _link(self)

    @property
    def tables(self) -> dict[str, Table]:
        return self.items["tables"]

    @property
    def events(self) -> dict[str, Event]:
        return self.items["events"]

    @property
    def products(self) -> dict[str, Product]:
        return self.items["products"]

    @property
    def posts(self) -> dict[str, Post]:
        return self.items["posts"]

    @property
    def partners(self) -> dict[str, Partner]:
        return self.items["partners"]

    def counts(self) -> dict[str, int]:
        """How many items each collection has, by the collection's Dutch plural."""
        return {collection.plural: len(self.items[key]) for key, collection in COLLECTIONS.items()}


def _link(site: Site) -> Links:
    links = Links()
    for table in site.tables.values():
        for partner in {table.lead.organisation, *table.members}:
            links.tables_by_partner[partner].append(table.id)
    for event in site.events.values():
        for table_id in event.tables:
            links.events_by_table[table_id].append(event.id)
        for product_id in event.outcomes:
            links.events_by_product[product_id].append(event.id)
        for partner in event.partners:
            links.events_by_partner[partner].append(event.id)
    for product in site.products.values():
        for table_id in product.tables:
            links.products_by_table[table_id].append(product.id)
        for partner in product.partners:
            links.products_by_partner[partner].append(product.id)
    for post in site.posts.values():
        for table_id in post.tables:
            links.posts_by_table[table_id].append(post.id)
        for event_id in post.events:
            links.posts_by_event[event_id].append(post.id)
    return links
