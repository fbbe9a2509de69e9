"""One build of the site: everything prepared once when MkDocs has read its configuration, handed out per event.

The MkDocs adapter (hooks/cop.py) creates a `Build` in on_config and passes it along; the package never
imports MkDocs. The events, in the order MkDocs fires them:

- on_startup: (adapter only) remembers whether this is `mkdocs serve`.
- on_config: `Build.start` reads our settings (`extra.cop`, typed), fixes the build date and the commit the build
  shows (coplimburg.build_stamp), loads and validates all content, holds back scheduled items and prepares CoPPIG
  (entries, feeds, editions), all in coplimburg.published, which `cop coppig` uses too; then it lists every page
  and file the build publishes (coplimburg.content.sitemap), reads the agenda state and prepares the page views.
  A content problem raises ContentError here: `mkdocs build` fails with the list; `mkdocs serve` shows
  the list as the site instead. `mkdocs build` first takes the lock of its site folder (coplimburg.site_lock:
  one build at a time, a second one waits) and then writes into a staging folder beside site/.
- on_pre_build: (adapter only, `mkdocs serve`) the preview's last build is moved aside (coplimburg.editors.rebuild).
- on_files: `pages()` (overviews, items, year pages, CoPPIG pages, as the map lists them), `downloads()` (the
  files items name, as the map lists them: documents as they are, images re-encoded without metadata, as
  `page_images()` does for the images in docs/), `card_files()` (social cards) and `image_files()` (responsive
  image variants), drawn only when .cache/ does not hold them as expected (coplimburg.pages.cache), join MkDocs'
  files, and so does the browser editor at /admin/ (`admin()`, coplimburg.cms: its page, the generated config, the
  preview and the Decap bundle from node_modules). `start_calendars()` starts the calendars in a worker process on
  another core (coplimburg.background): they need no page. Under `mkdocs serve` the adapter then takes over every
  generated page whose inputs (`page_context()` among them) are what they were in the preview's last build, and
  every file copied from an unchanged source (coplimburg.editors.rebuild).
- on_env: every page's Markdown is rendered, so `start_feeds()` gives the feeds and e-mail editions to the
  same worker while MkDocs renders the page templates. `FILTERS` (Dutch dates, checked links), `GLOBALS`
  (the search dialog's kinds) and `template_globals()` (the build's commit and date for every page's meta tag)
  are registered in the theme's Jinja environment, and autoescape is turned on (coplimburg.pages.escaping): every
  value is text unless MkDocs rendered it. Compiled templates are kept in memory for the next environment of the
  process (never on disk).
- on_config and on_env, under `mkdocs build` only: the adapter leaves what exists by then (content, pages) out
  of Python's cyclic garbage collector for the rest of the build (coplimburg.heap).
- on_page_markdown (mkdocs-macros, docs/ pages with `render_macros: true`): `macro()` renders an editor macro and
  holds its HTML behind a placeholder (coplimburg.pages.bodies).
- on_page_content: front-matter text is escaped; `body()` passes the rendered body through the allow-list, writes
  its site-path links relative to the page and puts the macros' HTML back; `capture()` keeps each item page's
  cleaned HTML, which feed items carry.
- on_page_context: the cleaned page body is marked as HTML; `page_context()` gives a page's template its
  view, JSON-LD, sharing meta tags, feed links and search entry (coplimburg.pages.search).
- on_post_build: Pagefind indexes the written pages for search (coplimburg.pages.search_index) while
  `outputs()` collects the calendars, feeds and e-mail editions from the worker, with /build.json and robots.txt;
  when the index is complete the adapter writes the outputs, and the staging folder the build went into replaces
  site/ in one step (coplimburg.output.replace_site); then the lock is released. Under `mkdocs serve` the pages
  are shown at once and `outputs_after_pages()`, then Pagefind, follow in the background (the worker starts only
  then).
- on_build_error: the staging folder is discarded and the lock released; site/ keeps the previous build, whole.
- on_serve: (adapter only) the preview answers only requests addressed to 127.0.0.1 or localhost
  (coplimburg.editors.local_only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coplimburg.background import Pending, Worker
from coplimburg.build_stamp import BuildStamp, commit_of
from coplimburg.calendar.state import AgendaState, read_state
from coplimburg.cms.admin import AdminFiles, admin_files
from coplimburg.content.pictures import page_images
from coplimburg.content.site import Site
from coplimburg.content.sitemap import SiteMap, site_map
from coplimburg.dates import AMSTERDAM
from coplimburg.feeds.syndication import Syndication
from coplimburg.pages import images, macros, social
from coplimburg.pages.bodies import Held, clean_body
from coplimburg.pages.cache import cache_folder
from coplimburg.pages.cards import Card, cached_all, site_cards
from coplimburg.pages.downloads import Asset
from coplimburg.pages.escaping import as_text
from coplimburg.pages.filters import FILTERS
from coplimburg.pages.generate import pages
from coplimburg.pages.registry import PageViews
from coplimburg.pages.robots import robots_txt
from coplimburg.pages.search import KINDS, search_entry
from coplimburg.published import published
from coplimburg.settings import Settings
from coplimburg.urls import BUILD_FILE, LOGO, ROBOTS, absolute
from coplimburg.words import TEMPLATE_WORDS

__all__ = ["FILTERS", "GLOBALS", "LOGO", "Build"]
# Template globals every page may use, the 404 page included: the search dialog's kinds and the Dutch words.
GLOBALS = {"cop_search_kinds": KINDS, "cop_words": TEMPLATE_WORDS}


@dataclass(repr=False)
class Build:
    settings: Settings
    today: dt.date
    site: Site
    # Every page and file this build publishes (coplimburg.content.sitemap): pages are generated from it, and an
    # output it does not list is a bug that stops the build.
    site_map: SiteMap
    agenda_state: AgendaState
    site_url: str
    views: PageViews
    syndication: Syndication
    site_name: str
    site_description: str
    # Social cards by the URL path of their page; drawn into `card_cache` and copied from there.
    cards: dict[str, Card]
    card_cache: Path
    # Which commit and build date this is: /build.json and the cop-build meta tag of every page.
    stamp: BuildStamp
    # The items' images as published (re-encoded, no metadata), drawn into .cache/images/ with their variants.
    originals: images.Originals
    # Item page HTML by (collection, id), captured as MkDocs renders each page.
    rendered: dict[tuple[str, str], str] = field(default_factory=dict)
    # Where the finished build goes; MkDocs writes into a staging folder until then (None under serve).
    site_dir: Path | None = None
    # The worker process that makes the calendars and the feeds while MkDocs renders the pages.
    worker: Worker | None = None
    pending_calendars: Pending[dict[str, bytes]] | None = None
    pending_feeds: Pending[dict[str, bytes]] | None = None
    # The editor macros' HTML while the page bodies around it are sanitised.
    held: Held = field(default_factory=Held)

    @classmethod
    def start(
        cls,
        root: Path,
        site_url: str,
        site_name: str,
        site_description: str,
        extra: Mapping[str, Any],
        shows_commit: bool = True,
    ) -> Build:
        """Read settings and content; raises ContentError (or ValueError for the build date) in Dutch.

        The preview passes `shows_commit=False`: it shows uncommitted content, so no commit is its own (and the
        browser editor's commit per save then changes no page the preview keeps)."""
        ready = published(root / "mkdocs.yml", site_url, site_name, site_description, extra)
        listed = site_map(ready.site, ready.today)
        cards = site_cards(ready.site, ready.today, site_name)
        _same_as_listed("social cards", {card.path for card in cards.values()}, listed.cards)
        return cls(
            settings=ready.settings,
            today=ready.today,
            site=ready.site,
            site_map=listed,
            agenda_state=read_state(ready.content),
            site_url=site_url,
            views=PageViews(ready.site, ready.today, site_url or "/", ready.originals),
            syndication=ready.syndication,
            site_name=site_name,
            site_description=site_description,
            cards=cards,
            card_cache=cache_folder(root, "cards"),
            stamp=BuildStamp(ready.today, commit_of(root) if shows_commit else None),
            originals=ready.originals,
        )

    def __repr__(self) -> str:
        # Short: plugins print the config they are given (mkdocs-macros turns every value of it into text for its
        # debug log, in every build, logged or not), and the Build lives in the config.
        return f"<Build of {sum(len(items) for items in self.site.items.values())} items on {self.today}>"

    @property
    def epoch(self) -> int:
        """The build date as Unix time, for tools that read SOURCE_DATE_EPOCH (MkDocs' sitemap).

        Noon in Amsterdam: the same calendar day in UTC, where MkDocs formats the date."""
        return int(dt.datetime.combine(self.today, dt.time(12), AMSTERDAM).timestamp())

    def pages(self) -> dict[str, str]:
        """The Markdown source of every page the map generates, by its path: overviews, items, year pages, CoPPIG
        pages."""
        found = {page.src_uri: page.markdown for page in pages(self.site, self.site_map)}
        found.update(self.syndication.pages(self.site_map))
        _same_as_listed("generated pages", set(found), {page.source for page in self.site_map.generated()})
        return found

    def downloads(self) -> list[Asset]:
        """The files items name (downloads, images): documents as they are, images re-encoded without metadata."""
        return [self.originals.publish(Asset(file, url)) for url, file in self.site_map.named.items()]

    def page_images(self, docs: Path) -> dict[str, Path]:
        """The images of docs/ by their path there, each as the re-encoded file the site publishes instead."""
        return {
            file.relative_to(docs).as_posix(): self.originals.publish(Asset(file, "")).source
            for file in page_images(docs)
        }

    def admin(self, docs_dir: str, site_files: Iterable[str], extra_css: Iterable[str], favicon: str) -> AdminFiles:
        """The browser editor at /admin/ (coplimburg.cms.admin); raises BundleMissing without Decap CMS."""
        return admin_files(self.site, self.settings, self.site_name, docs_dir, site_files, extra_css, favicon)

    def _calendar_inputs(self) -> tuple[Site, str, AgendaState, dt.date]:
        """What every calendar (agenda.ics, one per table, one per event) is made from."""
        return (self.site, self.site_url or "/", self.agenda_state, self.today)

    def calendars(self) -> dict[str, bytes]:
        """Every calendar by output path, made in this process (the worker makes them in a build)."""
        return _calendar_files(*self._calendar_inputs())

    def start_calendars(self) -> None:
        """Start making the calendars in a worker process; `outputs()` collects them."""
        self.worker = self.worker or Worker()
        self.pending_calendars = self.worker.run(_calendar_files, *self._calendar_inputs())

    def start_feeds(self) -> None:
        """Start making the feeds and e-mail editions in the worker, once every item page's HTML is captured."""
        worker = self.worker or Worker()
        self.pending_feeds = worker.run(self.syndication.outputs, dict(self.rendered))
        worker.close()  # its last task: the process exits when it is done
        self.worker = None

    def card_files(self, logo: Path) -> dict[str, Path]:
        """Every social card by its output path, as a file in the cache folder (drawn there when missing)."""
        return cached_all(list(self.cards.values()), logo.read_bytes(), self.card_cache)

    def image_files(self) -> dict[str, Path]:
        """Every responsive variant of the items' images by output path, as a file in the cache folder."""
        variants = images.site_variants(self.site, self.originals)
        return {path: images.cached(variant, self.originals.folder) for path, variant in variants.items()}

    def macro(self, page: Any, name: str, *arguments: Any) -> str:
        """Editor macro `name` on `page` (a docs/ page): a placeholder for its HTML, which `body()` puts back."""
        return self.held.hold(macros.render(self.views, page, name, *arguments))

    def body(self, html: str, page: str) -> str:
        """A page body as MkDocs rendered it from Markdown, through the allow-list, its site paths relative to the
        page at URL path `page`, with our macros' HTML back."""
        return self.held.restore(clean_body(html, page))

    def capture(self, meta: Mapping[str, Any], html: str) -> None:
        """Keep an item page's rendered HTML for its feed entry."""
        collection, item_id = meta.get("cop_collection"), meta.get("cop_id")
        if collection and item_id:
            self.rendered[(str(collection), str(item_id))] = html

    def page_context(
        self, meta: Mapping[str, Any], url: str, is_homepage: bool, title: str = "", canonical: str = ""
    ) -> dict[str, Any]:
        """The template variables of a page: its view, JSON-LD, sharing meta tags, feed links and CoPPIG data."""
        return {
            **self.views.context_for(meta, is_homepage),
            "cop_social": social.meta_tags(self.shared(meta, url, title, canonical), self.site_name, self.site_url),
            "cop_search": search_entry(self.site, self.today, meta),
            "cop_feed_links": self.syndication.head_links(url),
            "cop_coppig": self.syndication.page_data(meta),
        }

    def shared(self, meta: Mapping[str, Any], url: str, title: str, canonical: str) -> social.Shared:
        """A page as a shared link shows it: its own card, or the home page's for pages without one."""
        card = self.cards.get(url) or self.cards[""]
        return social.Shared(
            title=as_text(title) if title and url else self.site_name,
            description=as_text(meta.get("description") or self.site_description),
            url=canonical or absolute(self.site_url, url),
            card=card,
            published=self.views.shared_date(meta),
        )

    def template_globals(self) -> dict[str, Any]:
        """Template variables of this build that every page has, the 404 page included."""
        return {"cop_build": self.stamp.meta_content()}

    def outputs_after_pages(self) -> dict[str, bytes]:
        """Every file that is not a page, with the worker started only now: the preview starts it once its pages are
        shown, so that handing the work over costs its rebuild nothing."""
        self.start_calendars()
        self.start_feeds()
        return self.outputs()

    def outputs(self) -> dict[str, bytes]:
        """Every file that is not a page by output path: feeds, e-mail editions, calendars, /build.json and
        robots.txt; run after every item page was rendered."""
        # Without a started worker (a Build used outside MkDocs) the work is done here.
        calendars, feeds = self.pending_calendars, self.pending_feeds
        found = {
            **(feeds.result() if feeds else self.syndication.outputs(self.rendered)),
            **(calendars.result() if calendars else self.calendars()),
            BUILD_FILE: self.stamp.json_bytes(),
            ROBOTS: robots_txt(self.site_url),
        }
        _same_as_listed("feeds, calendars and e-mail editions", set(found), self.site_map.made)
        return found


class Unlisted(RuntimeError):
    """A builder made other files than the map of the site lists: a bug in our code, never a content problem."""


def _same_as_listed(what: str, made: set[str], listed: frozenset[str] | set[str]) -> None:
    if made != listed:
        raise Unlisted(
            f"{what} differ from the map of the site (coplimburg.content.sitemap): "
            f"not listed {sorted(made - listed)[:10]}, not made {sorted(listed - made)[:10]}"
        )


def _calendar_files(site: Site, site_url: str, state: AgendaState, today: dt.date) -> dict[str, bytes]:
    # Imported here: only the worker process needs icalendar, which takes a tenth of a second to import.
    from coplimburg.calendar.ics import calendar_files

    return calendar_files(site, site_url, state, today)
