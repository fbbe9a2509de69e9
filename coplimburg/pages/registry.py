"""Which view each generated page displays: one registry per build, looked up by the page's front matter.

An item page shows what its collection's display names (coplimburg.pages.display); an overview or year page the
page view its `cop_view` names in `PAGE_VIEWS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any

from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.pages import jsonld, overviews
from coplimburg.pages.display import display_of
from coplimburg.pages.downloads import asset
from coplimburg.pages.generate import OVERVIEW_KEY
from coplimburg.pages.images import Originals
from coplimburg.pages.items import ItemViews
from coplimburg.pages.outputs import Yearly
from coplimburg.urls import absolute, card_path, item_path, section_path


class PageViews:
    def __init__(self, site: Site, today: dt.date, site_url: str, originals: Originals) -> None:
        self.site = site
        self.today = today
        self.site_url = site_url
        self.items = ItemViews(site, today, originals, site_url)
        # A Jinja environment of the theme, set by the hook, for macros that render partials.
        self.env: Any = None
        self._shown: dict[tuple[str, str], Any] = {}

    @cached_property
    def yearly(self) -> Yearly:
        return Yearly(self.site, self.today)

    def page_view(self, meta: Mapping[str, Any]) -> Any:
        """The view of an overview or year page, made once per build."""
        view, about = str(meta["cop_view"]), str(meta.get(OVERVIEW_KEY) or meta.get("cop_year") or "")
        if (view, about) not in self._shown:
            self._shown[(view, about)] = PAGE_VIEWS[view](self, meta)
        return self._shown[(view, about)]

    def context_for(self, meta: Mapping[str, Any], is_homepage: bool = False) -> dict[str, Any]:
        """The template variables of a page: `cop` (its view) and `cop_ld` (its JSON-LD documents, maybe none)."""
        if "cop_view" in meta:
            return {"cop": self.page_view(meta), "cop_ld": []}
        collection, item_id = meta.get("cop_collection"), str(meta.get("cop_id", ""))
        site, site_url = self.site, self.site_url
        if not collection or collection not in site.items:
            return {"cop": None, "cop_ld": [jsonld.home(site, site_url)] if is_homepage else []}
        display = display_of(str(collection))
        item = site.items[collection][item_id]
        trail = [jsonld.breadcrumbs(site_url, self.trail(str(collection), item_id))]
        document = display.json_ld(self.items, item, self.images(str(collection), item_id))
        return {"cop": display.view(self.items, item), "cop_ld": [document, *trail] if document else trail}

    def shared_date(self, meta: Mapping[str, Any]) -> dt.date | None:
        """The date a shared link of the page carries: an item's `published` date when its display calls it an
        article."""
        collection, item_id = str(meta.get("cop_collection", "")), str(meta.get("cop_id", ""))
        item = self.site.items.get(collection, {}).get(item_id)
        if item is None or not display_of(collection).article:
            return None
        published: dt.date = item.published
        return published

    def trail(self, collection: str, item_id: str) -> list[tuple[str, str]]:
        """The breadcrumbs of an item page below Home: its section's overview, then the item."""
        declared = COLLECTIONS[collection]
        section = declared.overview.title if declared.overview else declared.plural.capitalize()
        item = self.site.items[collection][item_id]
        return [(section, section_path(collection)), (item.page_title, item_path(collection, item_id))]

    def images(self, collection: str, item_id: str) -> list[str]:
        """Absolute URLs of an item's pictures: its card, then its own image where it has one."""
        item = self.site.items[collection][item_id]
        found = [absolute(self.site_url, card_path(item_path(collection, item_id)))]
        if getattr(item, "image", None):
            found.append(absolute(self.site_url, asset(self.site.content, item.source, item.image).url))
        return found


# The views of generated pages that are no item page, by their `cop_view`: each collection's overview (the
# declaration's `Overview.view`; `list` is the generic one) and the year pages.
PAGE_VIEWS: dict[str, Callable[[PageViews, Mapping[str, Any]], Any]] = {
    "tables": lambda views, meta: overviews.tables(views.site),
    "agenda": lambda views, meta: overviews.agenda(views.site, views.items, views.today, views.site_url),
    "catalogue": lambda views, meta: overviews.catalogue(views.site),
    "news": lambda views, meta: overviews.news(views.site),
    "list": lambda views, meta: overviews.listing(views.site, str(meta[OVERVIEW_KEY])),
    "years": lambda views, meta: views.yearly.index(),
    "outputs": lambda views, meta: views.yearly.outputs(),
    "year": lambda views, meta: views.yearly.year(int(meta["cop_year"])),
}
