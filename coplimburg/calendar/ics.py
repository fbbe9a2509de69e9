"""iCalendar files of the agenda: `agenda.ics`, one calendar per innovation table and one per event.

Every file is built with the `icalendar` library from the loaded `Site`, so the bytes depend on content
only: UIDs come from event ids, SEQUENCE, DTSTAMP and LAST-MODIFIED from the revision state
(`calendar_state`), and the Europe/Amsterdam VTIMEZONE covers exactly the years of the file's events.
A series is one VEVENT with RRULE/UNTIL and EXDATE, plus an override (RECURRENCE-ID) per moved session.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import icalendar
from icalendar.enums import STATUS

from coplimburg.agenda.schedule import RRULE_FREQ, Series, Session, Span, start_of_day
from coplimburg.calendar.state import AgendaState, Revision, revise
from coplimburg.calendar.timezone import amsterdam
from coplimburg.content.events import Event
from coplimburg.content.site import Site
from coplimburg.content.tables import Table
from coplimburg.dates import TZID, dutch_date, dutch_span
from coplimburg.urls import AGENDA_ICS, absolute, event_ics, item_path, table_ics
from coplimburg.words import EVENT_STATUS, EVENT_STATUS_NOTE, FACTS

# Fixed on purpose: a UID must never change, not even if the site moves to another domain or URL scheme.
UID_DOMAIN = "communityofpracticelimburg.nl"
PRODID = "-//Community of Practice Limburg//Agenda//NL"
# How often subscribed apps should fetch again; Google ignores it and refreshes every few hours.
REFRESH = dt.timedelta(hours=6)
_STATUS = {"gepland": STATUS.CONFIRMED, "verplaatst": STATUS.CONFIRMED, "geannuleerd": STATUS.CANCELLED}


@dataclass(frozen=True)
class _Feed:
    """What a calendar file says about itself."""

    key: str
    name: str
    description: str
    subscribable: bool


def one_line(text: str) -> str:
    """`text` as one line of iCalendar TEXT: line breaks of any kind become spaces, other control characters go.

    icalendar escapes the standard TEXT properties, but writes NAME, X-WR-CALNAME and X-WR-CALDESC as
    given, so a carriage return there would start a new content line in lenient readers.
    """
    joined = " ".join(text.splitlines())
    return "".join(char for char in joined if char == "\t" or unicodedata.category(char) != "Cc")


def event_uid(event_id: str) -> str:
    return f"{event_id}@{UID_DOMAIN}"


def calendar_files(site: Site, site_url: str, state: AgendaState, today: dt.date) -> dict[str, bytes]:
    """Every calendar of the site by output path: agenda.ics, per table, per event."""
    revisions = revise(site.events, state, today).events
    events = sorted(site.events.values(), key=lambda event: (event.schedule.planned.start, event.id))
    agenda = _Feed(
        "agenda",
        "CoP Limburg – agenda",
        "Alle bijeenkomsten en evenementen van de Community of Practice Limburg.",
        subscribable=True,
    )
    # Each event's VEVENTs are built and serialised once; the bytes appear in agenda.ics, its tables'
    # calendars and its own file (serialising, mostly icalendar's line folding, was the calendars' main cost).
    components = {
        event.id: b"".join(
            component.to_ical() for component in event_components(event, revisions[event.id], site, site_url)
        )
        for event in events
    }
    files = {AGENDA_ICS: _calendar(agenda, events, components, site_url)}
    for table in sorted(site.tables.values(), key=lambda table: table.id):
        table_events = [event for event in events if table.id in event.tables]
        files[table_ics(table.id)] = _calendar(_table_feed(table), table_events, components, site_url)
    for event in events:
        feed = _Feed(f"event-{event.id}", event.title, event.summary, subscribable=False)
        files[event_ics(event.id)] = _calendar(feed, [event], components, site_url)
    return files


def _table_feed(table: Table) -> _Feed:
    return _Feed(
        f"table-{table.id}",
        f"CoP Limburg – innovatietafel {table.code}",
        f"Bijeenkomsten en evenementen van innovatietafel {table.code}: {table.title}.",
        subscribable=True,
    )


def _calendar(feed: _Feed, events: list[Event], components: Mapping[str, bytes], site_url: str) -> bytes:
    """The calendar file: its own properties and time zone, then each event's serialised VEVENTs."""
    calendar = icalendar.Calendar.new(
        prodid=PRODID,
        uid=f"calendar-{feed.key}@{UID_DOMAIN}",
        name=one_line(feed.name),
        description=one_line(feed.description),
        method="PUBLISH",
        calscale="GREGORIAN",
        refresh_interval=REFRESH if feed.subscribable else None,
        source=absolute(site_url, AGENDA_ICS) if feed.key == "agenda" else None,
    )
    # Google reads the default time zone of a subscribed calendar from this extension only.
    calendar.add("X-WR-TIMEZONE", TZID)
    if feed.subscribable:
        calendar.add("X-PUBLISHED-TTL", REFRESH)
    # Whole years around the events: independent of the build date, and small.
    timezone = _timezone_bytes(*_span(events)) if events else b""
    head: bytes = calendar.to_ical()
    # icalendar writes subcomponents after the properties: the time zone, then the events, go right before the
    # closing line, each serialised once for all the files that carry it.
    closing = b"END:VCALENDAR\r\n"
    assert head.endswith(closing)
    return head[: -len(closing)] + timezone + b"".join(components[event.id] for event in events) + closing


@lru_cache(maxsize=64)
def _timezone_bytes(first: int, last: int) -> bytes:
    data: bytes = amsterdam(dt.date(first, 1, 1), dt.date(last + 1, 1, 1)).to_ical()
    return data


def event_components(event: Event, revision: Revision, site: Site, site_url: str) -> list[icalendar.Event]:
    """The VEVENTs of one event: the event or series, then one override per moved session."""
    plan = event.schedule
    main = _vevent(event, revision, site, site_url, plan.planned)
    if plan.series is None:
        return [main]
    main.add("RRULE", _rrule(plan.planned, plan.series))
    if plan.series.skipped:
        main.add("EXDATE", [_value(skipped) for skipped in plan.series.skipped])
    overrides = [
        _vevent(event, revision, site, site_url, session.span, moved=session)
        for session in plan.sessions
        if session.moved
    ]
    return [main, *overrides]


def _vevent(
    event: Event,
    revision: Revision,
    site: Site,
    site_url: str,
    span: Span,
    moved: Session | None = None,
) -> icalendar.Event:
    stamp = _utc(revision.modified)
    page = absolute(site_url, item_path("events", event.id))
    cancelled = event.status == "geannuleerd"
    component = icalendar.Event.new(
        uid=event_uid(event.id),
        stamp=stamp,
        last_modified=stamp,
        created=_utc(event.published),
        sequence=revision.sequence,
        start=_value(span),
        end=_end(span),
        # Not every app shows STATUS:CANCELLED, so the title says it too.
        summary=one_line(f"{EVENT_STATUS['geannuleerd']}: {event.title}" if cancelled else event.title),
        description=_description(event, page, moved_from=moved.planned if moved else None),
        location=_location(event),
        url=page,
        status=_STATUS[event.status],
        categories=[one_line(site.vocabularies.event_kinds.get(event.kind, event.kind))],
        recurrence_id=_value(moved.planned) if moved is not None else None,
    )
    return component


def _description(event: Event, page: str, moved_from: Span | None) -> str:
    lines = []
    if event.status == "geannuleerd":
        lines.append(EVENT_STATUS_NOTE["geannuleerd"])
    if event.status == "verplaatst" and event.previous is not None:
        lines.append(f"{EVENT_STATUS['verplaatst']}; stond eerst op {dutch_span(event.previous)}.")
    if moved_from is not None:
        lines.append(f"Deze sessie is verplaatst; ze stond eerst op {dutch_date(moved_from.first_day)}.")
    if event.online:
        lines.append(f"Online deelnemen: {event.online}")
    if event.registration:
        lines.append(f"{FACTS['register']}: {event.registration}")
    lines.append(f"Meer informatie: {page}")
    # Line breaks as LF only: icalendar writes each as the TEXT escape \\n, never as a bare CR.
    return "\n".join([*event.summary.splitlines(), "", *lines])


def _location(event: Event) -> str | None:
    if event.location:
        return one_line(", ".join(part for part in (event.location, event.address) if part))
    return "Online" if event.online else None


def _rrule(planned: Span, series: Series) -> dict[str, object]:
    # RFC 5545: with a TZID start, UNTIL is in UTC; the whole last day counts, as on the site.
    until: dt.date | dt.datetime = series.until if planned.all_day else series.until_moment.astimezone(dt.UTC)
    return {"FREQ": RRULE_FREQ[series.unit], "INTERVAL": series.interval, "UNTIL": until}


def _value(span: Span) -> dt.date | dt.datetime:
    """A datetime in Europe/Amsterdam (written with TZID), or a date (written as VALUE=DATE)."""
    return span.first_day if span.all_day else span.start


def _end(span: Span) -> dt.date | dt.datetime | None:
    """DTEND: exclusive; an all-day event ends on the day after its last day; no end written, no DTEND."""
    if span.all_day:
        return span.end.date()
    return None if span.open_end else span.end


def _utc(day: dt.date) -> dt.datetime:
    """Midnight in Amsterdam of a content date, in UTC as DTSTAMP and LAST-MODIFIED require."""
    return start_of_day(day).astimezone(dt.UTC)


def _span(events: Iterable[Event]) -> tuple[int, int]:
    years = [event.schedule.years() for event in events]
    return min(first for first, _ in years), max(last for _, last in years)
