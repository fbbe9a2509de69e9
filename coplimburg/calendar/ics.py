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

import icalendar
from icalendar.enums import STATUS

from coplimburg.agenda.recurrence import RRULE_FREQ, Session, planned_starts
from coplimburg.calendar.state import AgendaState, Revision, revise
from coplimburg.calendar.timezone import TZID, amsterdam
from coplimburg.content.events import Event
from coplimburg.content.site import Site
from coplimburg.content.tables import Table
from coplimburg.dates import AMSTERDAM, Moment, aware, day_of, dutch_date, dutch_span
from coplimburg.urls import AGENDA_ICS, absolute, event_ics, item_path, table_ics

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
    events = sorted(site.events.values(), key=lambda event: (aware(event.start), event.id))
    agenda = _Feed(
        "agenda",
        "CoP Limburg – agenda",
        "Alle bijeenkomsten en evenementen van de Community of Practice Limburg.",
        subscribable=True,
    )
    # Each event's VEVENTs are built once and appear in agenda.ics, its tables' calendars and its own file.
    components = {event.id: event_components(event, revisions[event.id], site, site_url) for event in events}
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


def _calendar(
    feed: _Feed, events: list[Event], components: Mapping[str, list[icalendar.Event]], site_url: str
) -> bytes:
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
    if events:
        first, last = _span(events)
        # Whole years around the events: independent of the build date, and small.
        calendar.add_component(amsterdam(dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)))
    for event in events:
        for component in components[event.id]:
            calendar.add_component(component)
    data: bytes = calendar.to_ical()
    return data


def event_components(event: Event, revision: Revision, site: Site, site_url: str) -> list[icalendar.Event]:
    """The VEVENTs of one event: the event or series, then one override per moved session."""
    main = _vevent(event, revision, site, site_url, Session(event.start, event.start, event.end))
    if event.repeat is None:
        return [main]
    main.add("RRULE", _rrule(event))
    skipped = [moment for moment in planned_starts(event.start, event.repeat) if day_of(moment) in event.repeat.except_]
    if skipped:
        main.add("EXDATE", [_value(moment) for moment in skipped])
    overrides = [
        _vevent(event, revision, site, site_url, session, recurrence_id=session.original)
        for session in event.sessions
        if session.moved
    ]
    return [main, *overrides]


def _vevent(
    event: Event,
    revision: Revision,
    site: Site,
    site_url: str,
    session: Session,
    recurrence_id: Moment | None = None,
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
        start=_value(session.start),
        end=_end(session.start, session.end),
        # Not every app shows STATUS:CANCELLED, so the title says it too.
        summary=one_line(f"Geannuleerd: {event.title}" if cancelled else event.title),
        description=_description(event, page, moved_from=recurrence_id),
        location=_location(event),
        url=page,
        status=_STATUS[event.status],
        categories=[one_line(site.vocabularies.event_kinds.get(event.kind, event.kind))],
        recurrence_id=_value(recurrence_id) if recurrence_id is not None else None,
    )
    return component


def _description(event: Event, page: str, moved_from: Moment | None) -> str:
    lines = []
    if event.status == "geannuleerd":
        lines.append("Dit evenement gaat niet door.")
    if event.status == "verplaatst" and event.previous_start is not None:
        lines.append(f"Verplaatst; stond eerst op {dutch_span(event.previous_start, None)}.")
    if moved_from is not None:
        lines.append(f"Deze sessie is verplaatst; ze stond eerst op {dutch_date(moved_from)}.")
    if event.online:
        lines.append(f"Online deelnemen: {event.online}")
    if event.registration:
        lines.append(f"Aanmelden: {event.registration}")
    lines.append(f"Meer informatie: {page}")
    # Line breaks as LF only: icalendar writes each as the TEXT escape \\n, never as a bare CR.
    return "\n".join([*event.summary.splitlines(), "", *lines])


def _location(event: Event) -> str | None:
    if event.location:
        return one_line(", ".join(part for part in (event.location, event.address) if part))
    return "Online" if event.online else None


def _rrule(event: Event) -> dict[str, object]:
    assert event.repeat is not None
    until: Moment = event.repeat.until
    if isinstance(event.start, dt.datetime):
        # RFC 5545: with a TZID start, UNTIL is in UTC; the whole last day counts, as on the site.
        until = aware(dt.datetime.combine(event.repeat.until, dt.time(23, 59, 59))).astimezone(dt.UTC)
    return {"FREQ": RRULE_FREQ[event.repeat.unit], "INTERVAL": event.repeat.interval, "UNTIL": until}


def _value(moment: Moment) -> dt.date | dt.datetime:
    """A datetime in Europe/Amsterdam (written with TZID), or a date (written as VALUE=DATE)."""
    return aware(moment) if isinstance(moment, dt.datetime) else moment


def _end(start: Moment, end: Moment | None) -> dt.date | dt.datetime | None:
    if isinstance(start, dt.datetime):
        return aware(end) if isinstance(end, dt.datetime) else None
    # All-day events end on the day after their last day (DTEND is exclusive).
    return day_of(end or start) + dt.timedelta(days=1)


def _utc(day: dt.date) -> dt.datetime:
    """Midnight in Amsterdam of a content date, in UTC as DTSTAMP and LAST-MODIFIED require."""
    return dt.datetime.combine(day, dt.time(), AMSTERDAM).astimezone(dt.UTC)


def _span(events: Iterable[Event]) -> tuple[dt.date, dt.date]:
    days: list[dt.date] = []
    for event in events:
        days.append(day_of(event.start))
        days += [day_of(session.end or session.start) for session in event.sessions]
        if event.repeat is not None:
            days.append(event.repeat.until)
    return min(days), max(days)
