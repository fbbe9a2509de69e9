"""One build of the site: everything prepared once when MkDocs has read its configuration, handed out per event.

The MkDocs adapter (hooks/cop.py) creates a `Build` in on_config and passes it along; the package never
imports MkDocs. The events, in the order MkDocs fires them:

- on_startup: (adapter only) remembers whether this is `mkdocs serve`.
- on_config: `Build.start` reads our settings (`extra.cop`, typed), fixes the build date, loads and validates
  all content, reads the agenda state, and prepares the page views and CoPPIG (entries, feeds, editions).
  A content problem raises ContentError here, before MkDocs cleans site/: `mkdocs build` fails with the
  list and the previous site stays; `mkdocs serve` shows the list as the site instead.
- on_files: `pages()` (overviews, items, CoPPIG pages), `downloads()` and `calendars()` join MkDocs' files.
- on_env: `FILTERS` (Dutch dates, checked links) and `GLOBALS` (the search dialog's kinds) are registered in
  the theme's Jinja environment, and autoescape is turned on (coplimburg.pages.escaping): every value is text
  unless MkDocs rendered it.
- on_page_content: front-matter text is escaped; `capture()` keeps each item page's rendered HTML, which feed
  items carry.
- on_page_context: the page body is marked as trusted HTML; `page_context()` gives a page's template its
  view, JSON-LD, feed links and search entry (coplimburg.pages.search).
- on_post_build: `outputs()` are the feeds and e-mail editions, written by the adapter into site/; then
  Pagefind indexes the written site for search (coplimburg.search_index).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coplimburg.calendar.ics import calendar_files
from coplimburg.calendar.state import AgendaState, read_state
from coplimburg.content.loader import load
from coplimburg.content.site import Site
from coplimburg.dates import AMSTERDAM
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.syndication import Syndication, prepare
from coplimburg.pages.downloads import Asset
from coplimburg.pages.filters import FILTERS
from coplimburg.pages.generate import assets, pages
from coplimburg.pages.registry import PageViews
from coplimburg.pages.search import KINDS, search_entry
from coplimburg.settings import Settings, read_settings

__all__ = ["FILTERS", "GLOBALS", "Build"]
# Template globals every page may use, the 404 page included.
GLOBALS = {"cop_search_kinds": KINDS}


@dataclass
class Build:
    settings: Settings
    today: dt.date
    site: Site
    agenda_state: AgendaState
    site_url: str
    views: PageViews
    syndication: Syndication
    # Item page HTML by (collection, id), captured as MkDocs renders each page.
    rendered: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def start(cls, root: Path, site_url: str, site_name: str, site_description: str, extra: Mapping[str, Any]) -> Build:
        """Read settings and content; raises ContentError (or ValueError for the build date) in Dutch."""
        settings = read_settings(dict(extra), root / "mkdocs.yml")
        today = settings.today()
        content = root / settings.content_dir
        site = load(content)
        feed_settings = FeedSettings(
            title=site_name,
            description=site_description,
            organisation=settings.organisation,
            limit=settings.feed_limit,
        )
        return cls(
            settings=settings,
            today=today,
            site=site,
            agenda_state=read_state(content),
            site_url=site_url,
            views=PageViews(site, today, site_url or "/"),
            syndication=prepare(site, site_url, feed_settings, today),
        )

    @property
    def epoch(self) -> int:
        """The build date as Unix time, for tools that read SOURCE_DATE_EPOCH (MkDocs' sitemap).

        Noon in Amsterdam: the same calendar day in UTC, where MkDocs formats the date."""
        return int(dt.datetime.combine(self.today, dt.time(12), AMSTERDAM).timestamp())

    def pages(self) -> dict[str, str]:
        """Every generated page's Markdown source by its path: overviews, items, CoPPIG pages."""
        found = {page.src_uri: page.markdown for page in pages(self.site)}
        found.update(self.syndication.pages())
        return found

    def downloads(self) -> list[Asset]:
        """The files items name (downloads, images), published as they are."""
        return list(assets(self.site))

    def calendars(self) -> dict[str, bytes]:
        return calendar_files(self.site, self.site_url or "/", self.agenda_state, self.today)

    def capture(self, meta: Mapping[str, Any], html: str) -> None:
        """Keep an item page's rendered HTML for its feed entry."""
        collection, item_id = meta.get("cop_collection"), meta.get("cop_id")
        if collection and item_id:
            self.rendered[(str(collection), str(item_id))] = html

    def page_context(self, meta: Mapping[str, Any], url: str, is_homepage: bool) -> dict[str, Any]:
        """The template variables of a page: its view, JSON-LD, feed links, CoPPIG data and search entry."""
        return {
            **self.views.context_for(meta, is_homepage),
            "cop_search": search_entry(self.site, self.today, meta),
            "cop_feed_links": self.syndication.head_links(url),
            "cop_coppig": self.syndication.page_data(meta),
        }

    def outputs(self) -> dict[str, bytes]:
        """Feeds and e-mail editions by output path; run after every item page was rendered."""
        return self.syndication.outputs(self.rendered)
