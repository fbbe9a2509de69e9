"""Scheduled publication: an item whose `published` date lies after the build date is held back everywhere (page,
feeds, editions, calendars) until the nightly publish run on or after that date. Under `make serve` with
COP_PREVIEW_SCHEDULED=1 such items are shown instead, marked "nog niet gepubliceerd" on their page."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.dates import LOCALE

SHOW_VARIABLE = "COP_PREVIEW_SCHEDULED"


@dataclass(frozen=True)
class Scheduled:
    collection: str
    id: str
    source: str
    date: dt.date

    @property
    def message(self) -> str:
        return f"gepland voor {planned(self.date)}"

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def planned(day: dt.date) -> str:
    """'15 januari 2027'."""
    return format_date(day, format="d MMMM y", locale=LOCALE)


def scheduled(site: Site, today: dt.date) -> list[Scheduled]:
    """Items whose `published` date lies after `today`, by date."""
    found = [
        Scheduled(key, item.id, item.source, item.published)
        for key, items in site.items.items()
        for item in items.values()
        if isinstance(getattr(item, "published", None), dt.date) and item.published > today
    ]
    return sorted(found, key=lambda one: (one.date, one.source))


def show_scheduled() -> bool:
    return os.environ.get(SHOW_VARIABLE, "") not in ("", "0")


def as_published_on(site: Site, today: dt.date, show: bool | None = None) -> Site:
    """The site as published on `today`: scheduled items left out (and references to them dropped), or, when
    previewing them, kept with a mark at the top of their page."""
    held = scheduled(site, today)
    if not held:
        return site
    items: dict[str, dict[str, Any]] = {key: dict(listed) for key, listed in site.items.items()}
    if show if show is not None else show_scheduled():
        for one in held:
            item = items[one.collection][one.id]
            items[one.collection][one.id] = item.model_copy(update={"body": _mark(one.date) + item.body})
        return Site(site.content, items, site.vocabularies, site.programme, site.matrix)
    gone = {(one.collection, one.id) for one in held}
    for key, item_id in gone:
        del items[key][item_id]
    for key, listed in items.items():
        lists = [name for name, reference in COLLECTIONS[key].references.items() if not reference.single]
        for item_id, item in listed.items():
            update = {
                name: [
                    ref for ref in getattr(item, name) if (COLLECTIONS[key].references[name].target, ref) not in gone
                ]
                for name in lists
                if "." not in name
                and any((COLLECTIONS[key].references[name].target, ref) in gone for ref in getattr(item, name))
            }
            if update:
                listed[item_id] = item.model_copy(update=update)
    programme = [
        edition.model_copy(update={"event": None}) if ("events", edition.event) in gone else edition
        for edition in site.programme
    ]
    return Site(site.content, items, site.vocabularies, programme, site.matrix)


def _mark(day: dt.date) -> str:
    return (
        '!!! warning "Nog niet gepubliceerd"\n'
        f"    Gepland voor {planned(day)}. Alleen het voorbeeld (make serve) toont deze pagina nu.\n\n"
    )
