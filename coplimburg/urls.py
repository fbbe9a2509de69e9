"""Where everything lives on the site: one place derives every URL and output path from item ids."""

from __future__ import annotations

from urllib.parse import urljoin

# Collection → folder on the site. Ids are permanent, so these paths are too.
SECTIONS = {
    "tables": "innovatietafels",
    "events": "agenda",
    "products": "coppyright",
    "posts": "coppig/nieuws",
    "partners": "partners",
}
AGENDA_ICS = "agenda.ics"


def item_path(collection: str, item_id: str) -> str:
    """The directory URL of an item, relative to the site root: 'agenda/cop-goes-live-2024/'."""
    return f"{SECTIONS[collection]}/{item_id}/"


def item_source(collection: str, item_id: str) -> str:
    """The generated Markdown source of an item page (never written into docs/)."""
    return f"{SECTIONS[collection]}/{item_id}.md"


def section_path(collection: str) -> str:
    return f"{SECTIONS[collection]}/"


def event_ics(event_id: str) -> str:
    """The download of one event for a calendar app."""
    return f"agenda/{event_id}.ics"


def table_ics(table_id: str) -> str:
    return f"innovatietafels/{table_id}.ics"


def absolute(site_url: str, path: str) -> str:
    """An absolute URL on the site for a root-relative path."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path.lstrip("/"))
