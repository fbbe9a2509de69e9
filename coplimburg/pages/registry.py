"""Which view each generated page displays: one registry per build, looked up by the page's front matter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from coplimburg.calendar.links import calendar_links
from coplimburg.content.site import Site
from coplimburg.pages import jsonld, overviews
from coplimburg.pages.items import ItemViews
from coplimburg.pages.outputs import Yearly


class PageViews:
    def __init__(self, site: Site, today: dt.date, site_url: str) -> None:
        self.site = site
        self.today = today
        self.site_url = site_url
        self.items = ItemViews(site, today)
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
        """The template variables of a page: `cop` (its view) and `cop_ld` (its JSON-LD), or nothing.

        A collection without a view of its own here shows its item as it is (`cop` is the model)."""
        if meta.get("cop_view") == "year":
            return {"cop": self.yearly.year(int(meta["cop_year"])), "cop_ld": None}
        if "cop_view" in meta:
            return {"cop": self.overviews.get(meta["cop_view"]), "cop_ld": None}
        collection, item_id = meta.get("cop_collection"), str(meta.get("cop_id", ""))
        if collection == "events":
            event = self.site.events[item_id]
            links = calendar_links(event, self.site_url, self.today)
            return {
                "cop": self.items.event(item_id, links),
                "cop_ld": jsonld.event(self.site, event, self.site_url, self.today),
            }
        if collection == "products":
            product = self.site.products[item_id]
            return {"cop": self.items.product(item_id), "cop_ld": jsonld.product(self.site, product, self.site_url)}
        if collection == "tables":
            return {"cop": self.items.table(item_id), "cop_ld": None}
        if collection == "posts":
            return {"cop": self.items.post(item_id), "cop_ld": None}
        if collection == "partners":
            return {"cop": self.items.partner(item_id), "cop_ld": None}
        if collection in self.site.items:
            return {"cop": self.site.items[collection][item_id], "cop_ld": None}
        return {"cop": None, "cop_ld": jsonld.home(self.site, self.site_url) if is_homepage else None}
