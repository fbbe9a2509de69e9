"""Which view each generated page displays: one registry per build, looked up by the page's front matter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from coplimburg.calendar.links import calendar_links
from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.pages import jsonld, overviews
from coplimburg.pages.downloads import asset
from coplimburg.pages.images import Originals
from coplimburg.pages.items import ItemViews
from coplimburg.pages.outputs import Yearly
from coplimburg.urls import absolute, card_path, item_path, section_path


class PageViews:
    def __init__(self, site: Site, today: dt.date, site_url: str, originals: Originals) -> None:
        self.site = site
        self.today = today
        self.site_url = site_url
        self.items = ItemViews(site, today, originals)
        # A Jinja environment of the theme, set by the hook, for macros that render partials.
        self.env: Any = None

    @cached_property
    def yearly(self) -> Yearly:
        return Yearly(self.site, self.today)

    @cached_property
    def overviews(self) -> dict[str, Any]:
        site = self.site
        return {
            "tables": overviews.tables(site),
            "agenda": overviews.agenda(site, self.items, self.today, self.site_url),
            "catalogue": overviews.catalogue(site),
            "news": overviews.news(site),
            "years": self.yearly.index(),
            "outputs": self.yearly.outputs(),
        }

    def context_for(self, meta: Mapping[str, Any], is_homepage: bool = False) -> dict[str, Any]:
        """The template variables of a page: `cop` (its view) and `cop_ld` (its JSON-LD documents, maybe none).

        A collection without a view of its own here shows its item as it is (`cop` is the model)."""
        if meta.get("cop_view") == "year":
            return {"cop": self.yearly.year(int(meta["cop_year"])), "cop_ld": None}
        if "cop_view" in meta:
            return {"cop": self.overviews.get(meta["cop_view"]), "cop_ld": []}
        collection, item_id = meta.get("cop_collection"), str(meta.get("cop_id", ""))
        site, site_url = self.site, self.site_url
        if not collection or collection not in site.items:
            return {"cop": None, "cop_ld": [jsonld.home(site, site_url)] if is_homepage else []}
        trail = [jsonld.breadcrumbs(site_url, self.trail(str(collection), item_id))]
        images = self.images(str(collection), item_id)
        if collection == "events":
            event = site.events[item_id]
            links = calendar_links(event, site_url, self.today)
            return {
                "cop": self.items.event(item_id, links),
                "cop_ld": [jsonld.event(site, event, site_url, self.today, images), *trail],
            }
        if collection == "products":
            product = site.products[item_id]
            return {
                "cop": self.items.product(item_id),
                "cop_ld": [jsonld.product(site, product, site_url, images), *trail],
            }
        if collection == "tables":
            return {"cop": self.items.table(item_id), "cop_ld": trail}
        if collection == "posts":
            post = site.posts[item_id]
            return {"cop": self.items.post(item_id), "cop_ld": [jsonld.news_article(post, site_url, images), *trail]}
        if collection == "partners":
            view = self.items.partner(item_id)
            return {"cop": view, "cop_ld": [jsonld.partner(view.partner, site_url, view.kind), *trail]}
        return {"cop": site.items[collection][item_id], "cop_ld": trail}

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
