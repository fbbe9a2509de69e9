"""The loaded site: every collection, the site data, and the cross-links between them, computed once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from coplimburg.content.events import Event
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.sitedata import Edition, Matrix, Partner, Vocabularies
from coplimburg.content.tables import Table


@dataclass
class Links:
    """Back-links, so a page never searches all items: table ↔ events ↔ products ↔ partners."""

    events_by_table: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    products_by_table: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    posts_by_table: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_product: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_partner: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    products_by_partner: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    tables_by_partner: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class Site:
    content: Path
    partners: dict[str, Partner]
    vocabularies: Vocabularies
    programme: list[Edition]
    matrix: Matrix
    tables: dict[str, Table]
    events: dict[str, Event]
    products: dict[str, Product]
    posts: dict[str, Post]
    links: Links = field(init=False)

    def __post_init__(self) -> None:
        self.links = _link(self)

    def counts(self) -> dict[str, int]:
        return {
            "tafels": len(self.tables),
            "evenementen": len(self.events),
            "producten": len(self.products),
            "nieuwsberichten": len(self.posts),
            "partners": len(self.partners),
        }


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
    return links
