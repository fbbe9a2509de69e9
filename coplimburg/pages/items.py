"""Views of single items (table, event, product, post, partner): everything a page shows, prepared in Python.

Views hold models, labels and root-relative URLs; templates make URLs relative with MkDocs' `url` filter
and format dates with the Dutch filters, nothing more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coplimburg.agenda.archive import Occurrence, past, past_sessions, upcoming
from coplimburg.agenda.schedule import Span
from coplimburg.calendar.links import CalendarLinks, calendar_links
from coplimburg.content.events import Event
from coplimburg.content.fields import Illustrated, Item
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.site import Site
from coplimburg.content.sitedata import Partner
from coplimburg.content.tables import Table
from coplimburg.dates import dutch_date
from coplimburg.pages.downloads import Asset, asset
from coplimburg.pages.images import Originals, Picture, picture
from coplimburg.pages.statuses import Badge, SessionLine, StatusNote, event_badges, session_lines, status_note
from coplimburg.urls import item_path, table_ics
from coplimburg.words import TABLE_STATUS


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Group:
    label: str
    links: list[Link]


@dataclass(frozen=True)
class Download:
    title: str
    asset: Asset


@dataclass(frozen=True)
class EventLine:
    """An event or one session of a series in a list."""

    occurrence: Occurrence[Event]
    url: str
    kind: str
    badges: tuple[Badge, ...]

    @property
    def event(self) -> Event:
        return self.occurrence.event

    @property
    def span(self) -> Span:
        return self.occurrence.span

    @property
    def ends_at(self) -> str:
        return self.occurrence.span.ends_at


@dataclass(frozen=True)
class EventView:
    event: Event
    kind: str
    status: StatusNote | None
    registration: str | None  # not for a cancelled event
    is_past: bool
    ends_at: str
    when: Span
    tables: list[Link]
    partners: list[Link]
    outcomes: list[Link]
    upcoming: list[EventLine]
    past_sessions: list[SessionLine]  # newest first
    recaps: list[Link]  # news posts that look back on it
    rhythm: str
    calendar: CalendarLinks
    picture: Picture | None = None


@dataclass(frozen=True)
class TableView:
    table: Table
    lead: Link
    members: list[Group]
    sounding_board: list[str]
    status_label: str
    upcoming: list[EventLine]
    past: list[Link]
    products: list[Link]
    posts: list[Link]
    calendar: str


@dataclass(frozen=True)
class ProductView:
    product: Product
    type_label: str
    audiences: list[str]
    levels: list[str]
    domains: list[str]
    license_name: str
    license_url: str
    partners: list[Link]
    tables: list[Link]
    downloads: list[Download]
    presented_at: list[Link]
    picture: Picture | None = None


@dataclass(frozen=True)
class PostView:
    post: Post
    categories: list[str]
    tables: list[Link]
    events: list[Link]
    picture: Picture | None = None


@dataclass(frozen=True)
class PlainView:
    """An item of a collection without a view of its own (coplimburg.pages.display): the item as it is, its picture
    where it has one."""

    item: Item
    picture: Picture | None = None


@dataclass(frozen=True)
class PartnerView:
    partner: Partner
    kind: str
    tables: list[Link]
    upcoming: list[EventLine]
    past: list[Link]
    products: list[Link]


class ItemViews:
    """Builds item views on demand for one build; each view reads only its own back-links."""

    def __init__(self, site: Site, today: dt.date, originals: Originals, site_url: str = "/") -> None:
        self.site = site
        self.today = today
        self.originals = originals
        self.site_url = site_url

    def published(self, item: Item, relative: str) -> Asset:
        """A file the item names as the site publishes it (an image re-encoded, coplimburg.pages.images)."""
        return self.originals.publish(asset(self.site.content, item.source, relative))

    def table_link(self, table_id: str) -> Link:
        table = self.site.tables[table_id]
        return Link(table.page_title, item_path("tables", table_id))

    def partner_link(self, partner_id: str) -> Link:
        return Link(self.site.partners[partner_id].name, item_path("partners", partner_id))

    def product_link(self, product_id: str) -> Link:
        return Link(self.site.products[product_id].title, item_path("products", product_id))

    def event_link(self, event: Event) -> Link:
        return Link(event.title, item_path("events", event.id))

    def post_link(self, post_id: str) -> Link:
        return Link(self.site.posts[post_id].title, item_path("posts", post_id))

    def line(self, occurrence: Occurrence[Event]) -> EventLine:
        event = occurrence.event
        kind = self.site.vocabularies.event_kinds[event.kind]
        return EventLine(occurrence, item_path("events", event.id), kind, event_badges(event, occurrence.session.moved))

    def event(self, event_id: str) -> EventView:
        event = self.site.events[event_id]
        ahead = upcoming([event], self.today, per_series=None)
        plan = event.schedule
        return EventView(
            event=event,
            kind=self.site.vocabularies.event_kinds[event.kind],
            status=status_note(event),
            registration=event.registration if event.status != "geannuleerd" else None,
            is_past=plan.is_past(self.today),
            ends_at=plan.last.span.ends_at,
            when=plan.next_session(self.today).span,
            tables=[self.table_link(table_id) for table_id in event.tables],
            partners=[self.partner_link(partner_id) for partner_id in event.partners],
            outcomes=[self.product_link(product_id) for product_id in event.outcomes],
            upcoming=[self.line(occurrence) for occurrence in ahead] if event.is_series else [],
            past_sessions=session_lines(reversed(past_sessions(event, self.today))),
            recaps=[self.post_link(one) for one in self.posts_about(event_id)],
            rhythm=rhythm(event),
            calendar=calendar_links(event, self.site_url, self.today),
            picture=self.picture(event),
        )

    def table(self, table_id: str) -> TableView:
        site = self.site
        table = site.tables[table_id]
        events = [site.events[event_id] for event_id in site.links.events_by_table.get(table_id, [])]
        groups: dict[str, list[Link]] = {}
        for partner_id in table.members:
            kind = site.partners[partner_id].kind
            groups.setdefault(site.vocabularies.partner_kinds[kind], []).append(self.partner_link(partner_id))
        return TableView(
            table=table,
            lead=self.partner_link(table.lead.organisation),
            members=[Group(label, links) for label, links in sorted(groups.items())],
            sounding_board=[site.vocabularies.sounding_board[one] for one in table.sounding_board],
            status_label=TABLE_STATUS[table.status],
            upcoming=[self.line(occurrence) for occurrence in upcoming(events, self.today)],
            past=[self.event_link(event) for event in past(events, self.today)],
            products=[self.product_link(one) for one in site.links.products_by_table.get(table_id, [])],
            posts=[self.post_link(one) for one in site.links.posts_by_table.get(table_id, [])],
            calendar=table_ics(table_id),
        )

    def product(self, product_id: str) -> ProductView:
        site = self.site
        product = site.products[product_id]
        vocabularies = site.vocabularies
        license_ = vocabularies.licenses[product.license]
        presented = [site.events[event_id] for event_id in site.links.events_by_product.get(product_id, [])]
        return ProductView(
            product=product,
            type_label=vocabularies.types[product.type],
            audiences=[vocabularies.audiences[one] for one in product.audiences],
            levels=[vocabularies.levels[one] for one in product.levels],
            domains=[vocabularies.domains[one] for one in product.domains],
            license_name=license_.name,
            license_url=license_.url,
            partners=[self.partner_link(one) for one in product.partners],
            tables=[self.table_link(one) for one in product.tables],
            downloads=[Download(file.title, self.published(product, file.path)) for file in product.files],
            presented_at=[self.event_link(event) for event in presented],
            picture=self.picture(product),
        )

    def post(self, post_id: str) -> PostView:
        post = self.site.posts[post_id]
        return PostView(
            post=post,
            categories=[self.site.vocabularies.news_categories[one] for one in post.categories],
            tables=[self.table_link(one) for one in post.tables],
            events=[self.event_link(self.site.events[one]) for one in post.events],
            picture=self.picture(post),
        )

    def plain(self, item: Item) -> PlainView:
        return PlainView(item, self.picture(item) if isinstance(item, Illustrated) else None)

    def posts_about(self, event_id: str) -> list[str]:
        """The ids of the news posts that name an event, newest first."""
        posts = self.site.posts
        found = self.site.links.posts_by_event.get(event_id, [])
        return sorted(found, key=lambda one: (posts[one].published, one), reverse=True)

    def picture(self, item: Illustrated) -> Picture | None:
        if not item.image:
            return None
        return picture(self.published(item, item.image), item.image_alt or "")

    def partner(self, partner_id: str) -> PartnerView:
        site = self.site
        events = [site.events[one] for one in site.links.events_by_partner.get(partner_id, [])]
        partner = site.partners[partner_id]
        return PartnerView(
            partner=partner,
            kind=site.vocabularies.partner_kinds[partner.kind],
            tables=[self.table_link(one) for one in site.links.tables_by_partner.get(partner_id, [])],
            upcoming=[self.line(occurrence) for occurrence in upcoming(events, self.today)],
            past=[self.event_link(event) for event in past(events, self.today)],
            products=[self.product_link(one) for one in site.links.products_by_partner.get(partner_id, [])],
        )


def rhythm(event: Event) -> str:
    """'Elke 8 weken, tot en met 31 december 2027' for a series; '' for a single event."""
    if event.repeat is None:
        return ""
    repeat = event.repeat
    unit = {"weken": ("week", "weken"), "maanden": ("maand", "maanden")}[repeat.unit]
    every = f"Elke {unit[0]}" if repeat.interval == 1 else f"Elke {repeat.interval} {unit[1]}"
    return f"{every}, tot en met {dutch_date(repeat.until)}"
