"""Where everything lives on the site: one place derives every URL and output path from item ids."""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urlsplit, urlunsplit

from coplimburg.content.collections import COLLECTIONS

# Collection → folder on the site (declared with the collection). Ids are permanent, so these paths are too.
SECTIONS = {key: collection.section for key, collection in COLLECTIONS.items()}
# Which commit and build date the published site is (coplimburg.build_stamp).
BUILD_FILE = "build.json"
AGENDA_ICS = "agenda.ics"


def item_path(collection: str, item_id: str) -> str:
    """The directory URL of an item, relative to the site root: 'agenda/cop-goes-live-2024/'."""
    return f"{SECTIONS[collection]}/{item_id}/"


def item_source(collection: str, item_id: str) -> str:
    """The generated Markdown source of an item page (never written into docs/)."""
    return f"{SECTIONS[collection]}/{item_id}.md"


def section_path(collection: str) -> str:
    return f"{SECTIONS[collection]}/"


def overview_path(collection: str) -> str:
    """The page that lists a collection: its overview ('coppig/' for the news, whose items live under
    'coppig/nieuws/'), or its section folder when it has none."""
    overview = COLLECTIONS[collection].overview
    return overview.source.removesuffix("index.md") if overview else section_path(collection)


def event_ics(event_id: str) -> str:
    """The download of one event for a calendar app."""
    return f"agenda/{event_id}.ics"


def table_ics(table_id: str) -> str:
    return f"innovatietafels/{table_id}.ics"


def relative_to(page: str, target: str) -> str:
    """A site path as editors write it ('/agenda/x/#programma') as a link from the page at URL path `page`
    ('agenda/y/', '' for the home page): it then reaches its page at any address the site is served from, a
    `…github.io/<repository>/` folder included."""
    parts = urlsplit(target)
    folder = "/" + page if page.endswith("/") or not page else posixpath.dirname("/" + page)
    path = posixpath.relpath("/" + parts.path.lstrip("/"), folder)
    if parts.path.endswith("/") and not path.endswith("/"):
        path = "./" if path == "." else path + "/"
    return urlunsplit(("", "", path, parts.query, parts.fragment))


# What a path segment may hold as it is (RFC 3986 pchar); anything else, such as the space of a file name, is
# percent-encoded. Paths here are never encoded yet: they come from ids and the names of files in content/.
_PATH_SAFE = "/:@!$&'()*+,;=~"


def absolute(site_url: str, path: str) -> str:
    """An absolute URL on the site for a root-relative path (no '..' or scheme: plain joining suffices), the path
    percent-encoded where it holds what a URL may not, such as a space in a file name."""
    return site_url.rstrip("/") + "/" + quote(path.lstrip("/"), safe=_PATH_SAFE)


# What the CoP did per year (coplimburg.pages.outputs): a page per year, their index, and all years in charts.
YEARS_SOURCE = "jaaroverzicht/index.md"
YEARS_PATH = "jaaroverzicht/"
OUTPUTS_SOURCE = "opbrengsten.md"
OUTPUTS_PATH = "opbrengsten/"


def year_source(year: int) -> str:
    return f"jaaroverzicht/{year}.md"


def year_path(year: int) -> str:
    return f"jaaroverzicht/{year}/"


# Feeds: every feed scope (the whole site, a collection, a table) offers the same three files.
FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
FEED_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
LOGO = "assets/images/cop-logo.png"
# Written by MkDocs; named in robots.txt (coplimburg.pages.robots), which the build writes beside it.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
# How a browser shows an RSS or Atom feed (overrides/assets/stylesheets/feed.css, coplimburg.feeds.readable).
FEED_STYLESHEET = "assets/stylesheets/feed.css"

# CoPPIG, the newsletter: how to subscribe, the monthly editions and their e-mail versions.
SUBSCRIBE_SOURCE = "coppig/abonneren.md"
SUBSCRIBE_PATH = "coppig/abonneren/"
EDITIONS_SOURCE = "coppig/edities.md"
EDITIONS_PATH = "coppig/edities/"
# The CoP's own contact page (docs/contact.md): where to ask for what no setting offers yet.
CONTACT_PATH = "contact/"


def main_feed(kind: str) -> str:
    """'feed.xml', 'atom.xml' or 'feed.json' at the site root: everything new on the site."""
    return FEED_FILES[kind]


def collection_feed(collection: str, kind: str) -> str:
    """'coppig/nieuws/feed.xml': beside the collection's pages."""
    return section_path(collection) + FEED_FILES[kind]


def table_feed(table_id: str, kind: str) -> str:
    """'innovatietafels/tafel-2a/feed.xml': inside the table's own folder."""
    return item_path("tables", table_id) + FEED_FILES[kind]


def asset_path(collection: str, relative: str) -> str:
    """An image or download written relative to an item's file: 'coppig/nieuws/images/x.jpg'."""
    return f"{SECTIONS[collection]}/{relative.lstrip('/')}"


def edition_source(month: str) -> str:
    """The generated page of one monthly edition ('2024-06')."""
    return f"coppig/{month}.md"


def edition_path(month: str) -> str:
    return f"coppig/{month}/"


def edition_email(month: str) -> str:
    """The e-mail-ready HTML of one edition, for pasting into a mailer."""
    return f"coppig/{month}/email.html"


# Social cards (coplimburg.pages.cards): one PNG per page that has one, named after the page.
CARDS = "assets/cards"


def card_path(page_path: str) -> str:
    """The card of a page by its URL path: 'agenda/x/' → 'assets/cards/agenda/x.png'; the home page 'index'."""
    return f"{CARDS}/{page_path.strip('/') or 'index'}.png"


def webcal(url: str) -> str:
    """The subscribe link of a calendar: the same address with the webcal scheme."""
    return "webcal://" + url.split("://", 1)[-1]
