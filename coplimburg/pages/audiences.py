"""What the CoP offers each target group, derived from the content: no list is copied by hand.

A group's products are the products that name it (`audiences`); its tables are the innovation tables of those
products; its meetings are the upcoming events of those tables or that present those products; its contacts
are the leads of those tables (role and organisation, the way the site names people).
"""

from __future__ import annotations

from dataclasses import dataclass

from coplimburg.agenda.archive import upcoming
from coplimburg.content.site import Site
from coplimburg.pages.items import EventLine, ItemViews, Link
from coplimburg.pages.overviews import table_order
from coplimburg.urls import item_path, section_path

# The catalogue's URL parameter of the audience filter (coplimburg.pages.overviews.catalogue).
CATALOGUE_FILTER = "doelgroep"


@dataclass(frozen=True)
class AudienceView:
    id: str
    label: str
    products: list[Link]
    tables: list[Link]
    events: list[EventLine]
    contacts: list[Link]
    catalogue: str  # the catalogue filtered on this group


def audience(site: Site, items: ItemViews, audience_id: str) -> AudienceView:
    products = sorted(
        (product for product in site.products.values() if audience_id in product.audiences),
        key=lambda product: (-product.published.toordinal(), product.title),
    )
    product_ids = {product.id for product in products}
    table_ids = {table for product in products for table in product.tables}
    tables = sorted((site.tables[one] for one in table_ids), key=table_order)
    events = [
        occurrence
        for occurrence in upcoming(site.events.values(), items.today)
        if table_ids & set(occurrence.event.tables) or product_ids & set(occurrence.event.outcomes)
    ]
    leads: dict[tuple[str, str], list[str]] = {}
    for table in tables:
        leads.setdefault((table.lead.role, table.lead.organisation), []).append(table.code)
    contacts = [
        Link(f"{role}, {site.partners[partner].name}", item_path("partners", partner), _lead_of(codes))
        for (role, partner), codes in leads.items()
    ]
    return AudienceView(
        id=audience_id,
        label=site.vocabularies.audiences[audience_id],
        products=[Link(product.title, item_path("products", product.id), product.summary) for product in products],
        tables=[Link(table.page_title, item_path("tables", table.id)) for table in tables],
        events=[items.line(occurrence) for occurrence in events],
        contacts=contacts,
        catalogue=f"{section_path('products')}?{CATALOGUE_FILTER}={audience_id}",
    )


def _lead_of(codes: list[str]) -> str:
    if len(codes) == 1:
        return f"trekker van tafel {codes[0]}"
    return f"trekker van de tafels {', '.join(codes[:-1])} en {codes[-1]}"
