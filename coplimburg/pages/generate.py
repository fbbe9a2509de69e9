"""The generated pages: the Markdown source of every overview, item and year page the map of the site lists
(coplimburg.content.sitemap), never written into docs/.

Each source carries its template and what it shows (`cop_collection` and `cop_id`, or `cop_view`) in its front
matter; an item's own Markdown body is the page body, rendered by MkDocs like any page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.content.sitemap import ITEM, OUTPUTS, OVERVIEW, YEAR, YEARS, Page, SiteMap

# The front-matter key of an overview page that names its collection (for the generic overview).
OVERVIEW_KEY = "cop_overview"
# libyaml's dumper where it is installed: the pure-Python one was a third of generating the pages.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str


def _page(src_uri: str, meta: dict[str, Any], body: str = "") -> GeneratedPage:
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000)
    return GeneratedPage(src_uri, f"---\n{front}---\n\n{body}")


def pages(site: Site, site_map: SiteMap) -> Iterator[GeneratedPage]:
    """The overviews, item pages and year pages of the map, in its order (the CoPPIG pages are
    coplimburg.feeds.syndication's)."""
    for page in site_map.generated():
        if make := _MAKERS.get(page.shows):
            yield make(site, page)


def _overview(site: Site, page: Page) -> GeneratedPage:
    overview = COLLECTIONS[page.key].overview
    assert overview is not None, f"{page.key}: the map lists an overview the declaration does not have"
    meta = {
        "title": overview.title,
        "template": overview.template,
        "cop_view": overview.view,
        OVERVIEW_KEY: page.key,
        "description": overview.description,
    }
    return _page(page.source, meta)


def _item(site: Site, page: Page) -> GeneratedPage:
    item = site.items[page.key][page.item_id]
    meta = {
        "title": item.page_title,
        "description": item.page_description,
        "template": COLLECTIONS[page.key].template,
        "cop_collection": page.key,
        "cop_id": item.id,
    }
    return _page(page.source, meta, getattr(item, "body", ""))


def _outputs(site: Site, page: Page) -> GeneratedPage:
    meta = {
        "title": "Opbrengsten in beeld",
        "template": "cop/outputs.html",
        "cop_view": "outputs",
        "description": "Wat de CoP Limburg per jaar deed, in cijfers en grafieken: bijeenkomsten, producten, "
        "innovatietafels en doelgroepen.",
    }
    return _page(page.source, meta)


def _years(site: Site, page: Page) -> GeneratedPage:
    meta = {
        "title": "Jaaroverzichten",
        "template": "cop/years.html",
        "cop_view": "years",
        "description": "Per jaar wat de CoP Limburg deed: bijeenkomsten, producten, nieuws en de innovatietafels.",
    }
    return _page(page.source, meta)


def _year(site: Site, page: Page) -> GeneratedPage:
    year = int(page.key)
    meta = {
        "title": f"Jaaroverzicht {year}",
        "template": "cop/year.html",
        "cop_view": "year",
        "cop_year": year,
        "description": f"Wat de CoP Limburg in {year} deed: bijeenkomsten, producten, nieuws en innovatietafels.",
    }
    return _page(page.source, meta)


_MAKERS: dict[str, Callable[[Site, Page], GeneratedPage]] = {
    OVERVIEW: _overview,
    ITEM: _item,
    OUTPUTS: _outputs,
    YEARS: _years,
    YEAR: _year,
}
