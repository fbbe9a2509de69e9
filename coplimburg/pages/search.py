"""What site search (Pagefind) knows about a page: its kind, its date and, for events, when it ends.

Prepared here for the template to display as `data-pagefind-filter` / `data-pagefind-meta` on the page's
main content; `coplimburg.pages.search_index` runs the indexer over the built site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.pages.display import display_of

# Pages that are not an item of a collection: the CoP's own pages, overviews and CoPPIG pages.
PAGE_KIND = "pagina"


@dataclass(frozen=True)
class Kind:
    value: str  # as indexed (`soort`) and shown with each result
    label: str  # the filter's label in the search dialog


# Every kind a visitor can filter by, in the order the search dialog offers them.
KINDS = (
    *(Kind(one.search_kind, one.plural.capitalize()) for one in COLLECTIONS.values()),
    Kind(PAGE_KIND, "Overige pagina's"),
)


@dataclass(frozen=True)
class SearchEntry:
    """One page as search shows it; `ends` (ISO, events only) lets the browser mark an event as past."""

    kind: str
    date: str = ""
    ends: str = ""

    @property
    def meta(self) -> dict[str, str]:
        """Pagefind metadata: shown with each result, never searched."""
        found = {"soort": self.kind, "datum": self.date, "eindigt": self.ends}
        return {key: value for key, value in found.items() if value}


def search_entry(site: Site, today: dt.date, meta: Mapping[str, Any]) -> SearchEntry:
    """The search entry of a page, chosen by its front matter like its view (coplimburg.pages.registry): an item is
    of its collection's kind, with the date its display gives."""
    key, item_id = meta.get("cop_collection"), str(meta.get("cop_id", ""))
    collection = COLLECTIONS.get(str(key)) if key else None
    if collection is None:
        return SearchEntry(PAGE_KIND)
    date, ends = display_of(collection.key).search(site.items[collection.key][item_id], today)
    return SearchEntry(collection.search_kind, date, ends)
