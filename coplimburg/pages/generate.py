"""The generated pages: one Markdown source per item and per overview, never written into docs/.

Each source carries its template and which item it shows (`cop_collection`, `cop_id`) in its front
matter; the item's own Markdown body is the page body, rendered by MkDocs like any page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from coplimburg.content.events import Event
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.site import Site
from coplimburg.pages.downloads import Asset, asset
from coplimburg.urls import SECTIONS, item_source

ITEM_TEMPLATES = {
    "tables": "cop/table.html",
    "events": "cop/event.html",
    "products": "cop/product.html",
    "posts": "cop/post.html",
    "partners": "cop/partner.html",
}
# Overview source → (title, template, view name, meta description)
OVERVIEWS = {
    f"{SECTIONS['tables']}/index.md": (
        "Innovatietafels",
        "cop/tables.html",
        "tables",
        "De innovatietafels van de CoP Limburg: elk een eigen thema, met onderwijs, bedrijven en experts aan tafel.",
    ),
    f"{SECTIONS['events']}/index.md": (
        "Agenda",
        "cop/agenda.html",
        "agenda",
        "De komende bijeenkomsten van de CoP Limburg en het archief van CoPpisch, klankborden en tafelafstemmingen.",
    ),
    f"{SECTIONS['products']}/index.md": (
        "CoPyright",
        "cop/catalogue.html",
        "catalogue",
        "CoPyright: curricula, modules, IBO's, methodieken, tools en onderzoek van de CoP Limburg, vrij te gebruiken.",
    ),
    "coppig/index.md": (
        "CoPPIG",
        "cop/news.html",
        "news",
        "CoPPIG, de nieuwsbrief van de CoP Limburg: nieuws van de innovatietafels, CoPpisch en CoPyright.",
    ),
}


# libyaml's dumper where it is installed: the pure-Python one was a third of generating the pages.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str


def _page(src_uri: str, meta: dict[str, Any], body: str = "") -> GeneratedPage:
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000)
    return GeneratedPage(src_uri, f"---\n{front}---\n\n{body}")


def pages(site: Site) -> Iterator[GeneratedPage]:
    for src_uri, (title, template, view, description) in OVERVIEWS.items():
        yield _page(src_uri, {"title": title, "template": template, "cop_view": view, "description": description})
    collections: dict[str, dict[str, Any]] = {
        "tables": site.tables,
        "events": site.events,
        "products": site.products,
        "posts": site.posts,
    }
    for collection, items in collections.items():
        for item in items.values():
            title = f"Tafel {item.code}: {item.title}" if collection == "tables" else item.title
            description = item.theme if collection == "tables" else item.summary
            meta = {
                "title": title,
                "description": description,
                "template": ITEM_TEMPLATES[collection],
                "cop_collection": collection,
                "cop_id": item.id,
            }
            yield _page(item_source(collection, item.id), meta, item.body)
    for partner in site.partners.values():
        meta = {
            "title": partner.name,
            "description": partner.description or f"{partner.name}, partner van de CoP Limburg.",
            "template": ITEM_TEMPLATES["partners"],
            "cop_collection": "partners",
            "cop_id": partner.id,
        }
        yield _page(item_source("partners", partner.id), meta)


def assets(site: Site) -> Iterator[Asset]:
    """Every download and image the items name, once each."""
    seen: set[str] = set()
    named: list[tuple[str, str]] = []
    for product in site.products.values():
        named += [(product.source, file.path) for file in product.files]
    illustrated: list[Product | Event | Post] = [*site.products.values(), *site.events.values(), *site.posts.values()]
    named += [(item.source, item.image) for item in illustrated if item.image]
    for source, relative in named:
        published = asset(site.content, source, relative)
        if published.url not in seen:
            seen.add(published.url)
            yield published
