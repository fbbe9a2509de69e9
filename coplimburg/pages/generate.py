"""The generated pages: one Markdown source per item and per overview, never written into docs/.

Each source carries its template and which item it shows (`cop_collection`, `cop_id`) in its front
matter; the item's own Markdown body is the page body, rendered by MkDocs like any page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from coplimburg.content.collections import COLLECTIONS, FILE_COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.pages.downloads import Asset, asset
from coplimburg.urls import OUTPUTS_SOURCE, YEARS_SOURCE, item_source, year_source

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
    """The overview pages, then one page per item of every collection, as the declarations say."""
    for collection in COLLECTIONS.values():
        if overview := collection.overview:
            meta = {
                "title": overview.title,
                "template": overview.template,
                "cop_view": overview.view,
                "description": overview.description,
            }
            yield _page(overview.source, meta)
    for key, collection in COLLECTIONS.items():
        for item in site.items[key].values():
            meta = {
                "title": item.page_title,
                "description": item.page_description,
                "template": collection.template,
                "cop_collection": key,
                "cop_id": item.id,
            }
            yield _page(item_source(key, item.id), meta, getattr(item, "body", ""))


def yearly_pages(years: list[int]) -> Iterator[GeneratedPage]:
    """The year pages, their index and the page of all outputs in numbers and charts."""
    yield _page(
        OUTPUTS_SOURCE,
        {
            "title": "Opbrengsten in beeld",
            "template": "cop/outputs.html",
            "cop_view": "outputs",
            "description": "Wat de CoP Limburg per jaar deed, in cijfers en grafieken: bijeenkomsten, producten, "
            "innovatietafels en doelgroepen.",
        },
    )
    yield _page(
        YEARS_SOURCE,
        {
            "title": "Jaaroverzichten",
            "template": "cop/years.html",
            "cop_view": "years",
            "description": "Per jaar wat de CoP Limburg deed: bijeenkomsten, producten, nieuws en de innovatietafels.",
        },
    )
    for year in years:
        meta = {
            "title": f"Jaaroverzicht {year}",
            "template": "cop/year.html",
            "cop_view": "year",
            "cop_year": year,
            "description": f"Wat de CoP Limburg in {year} deed: bijeenkomsten, producten, nieuws en innovatietafels.",
        }
        yield _page(year_source(year), meta)


def assets(site: Site) -> Iterator[Asset]:
    """Every download and image the items name, once each."""
    seen: set[str] = set()
    for key in FILE_COLLECTIONS:
        for item in site.items[key].values():
            for relative in item.named_files:
                published = asset(site.content, item.source, relative)
                if published.url not in seen:
                    seen.add(published.url)
                    yield published
