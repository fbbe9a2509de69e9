"""How the items of each collection are displayed, looked up by the collection's key (coplimburg.content.collections):
the view its page template shows, its schema.org JSON-LD, the kind and date on its social card, its date in site
search, and whether a shared link calls it an article.

A collection without an entry here is displayed the generic way, from what every item has (a title, a description,
and a `published` date and an image where its model has them): a new collection needs a model, a declaration and an
item template, nothing in this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coplimburg.content.collections import COLLECTIONS, Collection
from coplimburg.content.fields import Item
from coplimburg.content.site import Site
from coplimburg.dates import dutch_date, dutch_span
from coplimburg.pages import jsonld
from coplimburg.pages.items import ItemViews
from coplimburg.urls import absolute, item_path
from coplimburg.words import KINDS, TABLE_STATUS

JsonLd = dict[str, Any]


@dataclass(frozen=True)
class Display:
    # The view the item template displays as `cop`.
    view: Callable[[ItemViews, Any], Any]
    # Its schema.org document (None: breadcrumbs only); `images` are the absolute URLs of its card and picture.
    json_ld: Callable[[ItemViews, Any, list[str]], JsonLd | None]
    # What its social card shows above and below the title: (kind, date).
    card: Callable[[Site, Any, dt.date], tuple[str, str]]
    # Its date in search results, and for events the ISO moment it is over: (date, ends).
    search: Callable[[Any, dt.date], tuple[str, str]]
    # A shared link calls it an article, dated by its `published` date.
    article: bool = False


def _dated(item: Item) -> str:
    day = item.published_on
    return dutch_date(day) if day else ""


def generic(collection: Collection) -> Display:
    """The display of a collection without one of its own: the item as it is, a CreativeWork, its name on the card."""
    return Display(
        view=lambda views, item: views.plain(item),
        json_ld=lambda views, item, images: jsonld.creative_work(
            item,
            absolute(views.site_url, item_path(collection.key, item.id)),
            views.site_url,
            images,
        ),
        card=lambda site, item, today: (collection.name.capitalize(), _dated(item)),
        search=lambda item, today: (_dated(item), ""),
    )


def _event_card(site: Site, event: Any, today: dt.date) -> tuple[str, str]:
    return site.vocabularies.event_kinds[event.kind], dutch_span(event.schedule.next_session(today).span)


def _event_search(event: Any, today: dt.date) -> tuple[str, str]:
    plan = event.schedule
    return dutch_date(plan.next_session(today).span.first_day), plan.last.span.ends_at


DISPLAYS: dict[str, Display] = {
    "tables": Display(
        view=lambda views, table: views.table(table.id),
        json_ld=lambda views, table, images: None,
        card=lambda site, table, today: (KINDS["table"], TABLE_STATUS[table.status]),
        search=lambda table, today: ("", ""),
    ),
    "events": Display(
        view=lambda views, event: views.event(event.id),
        json_ld=lambda views, event, images: jsonld.event(views.site, event, views.site_url, views.today, images),
        card=_event_card,
        search=_event_search,
    ),
    "products": Display(
        view=lambda views, product: views.product(product.id),
        json_ld=lambda views, product, images: jsonld.product(views.site, product, views.site_url, images),
        card=lambda site, product, today: (
            f"{KINDS['products']} · {site.vocabularies.types[product.type]}",
            dutch_date(product.published),
        ),
        search=lambda product, today: (dutch_date(product.published), ""),
    ),
    "posts": Display(
        view=lambda views, post: views.post(post.id),
        json_ld=lambda views, post, images: jsonld.news_article(post, views.site_url, images),
        card=lambda site, post, today: (KINDS["post"], dutch_date(post.published)),
        search=lambda post, today: (dutch_date(post.published), ""),
        article=True,
    ),
    "partners": Display(
        view=lambda views, partner: views.partner(partner.id),
        json_ld=lambda views, partner, images: jsonld.partner(
            partner, views.site_url, views.site.vocabularies.partner_kinds[partner.kind]
        ),
        card=lambda site, partner, today: (f"{KINDS['partner']} · {site.vocabularies.partner_kinds[partner.kind]}", ""),
        search=lambda partner, today: ("", ""),
    ),
}
assert DISPLAYS.keys() <= COLLECTIONS.keys(), "a display for a collection that is not declared"


def display_of(key: str) -> Display:
    """The display of collection `key`: its own, or the generic one."""
    return DISPLAYS.get(key) or generic(COLLECTIONS[key])
