"""Past and upcoming events on the agenda: the sessions ahead of the build date, and what took place, by year.

Every answer about time comes from the events' schedules (coplimburg.agenda.schedule); this module only
picks and groups sessions for the lists that pages show and the year figures count.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from coplimburg.agenda.schedule import SESSIONS_PER_SERIES, Schedule, Session, Span, newest_first, upcoming_sessions


class Planned(Protocol):
    """What the agenda needs of an event (coplimburg.content.events.Event): its id, its schedule, and whether it is
    cancelled."""

    @property
    def id(self) -> str: ...

    @property
    def schedule(self) -> Schedule: ...

    @property
    def cancelled(self) -> bool: ...


class Programmed(Protocol):
    """An edition of the yearly programme (coplimburg.content.sitedata.Edition): the year it belongs to."""

    @property
    def year(self) -> int: ...


EventT = TypeVar("EventT", bound=Planned)
EditionT = TypeVar("EditionT", bound=Programmed)


@dataclass(frozen=True)
class Occurrence(Generic[EventT]):
    """One session of one event, as lists show it."""

    event: EventT
    session: Session

    @property
    def span(self) -> Span:
        return self.session.span


@dataclass(frozen=True)
class PastSession:
    """A session before the build date: held, or cancelled (the event, or this date of its series)."""

    span: Span
    cancelled: bool
    moved: bool = False
    planned: Span | None = None  # where a moved session stood in the rule

    @property
    def held(self) -> bool:
        return not self.cancelled


@dataclass(frozen=True)
class ArchiveEntry(Generic[EventT]):
    """An event in one year of the archive with its sessions of that year, oldest first."""

    event: EventT
    sessions: list[PastSession]

    @property
    def held(self) -> list[PastSession]:
        return [session for session in self.sessions if session.held]


@dataclass(frozen=True)
class YearArchive(Generic[EventT, EditionT]):
    year: int
    editions: list[EditionT]
    entries: list[ArchiveEntry[EventT]]


def upcoming(
    events: Iterable[EventT], today: dt.date, per_series: int | None = SESSIONS_PER_SERIES
) -> list[Occurrence[EventT]]:
    """The sessions still to come, soonest first; a series contributes its next `per_series` sessions."""
    by_id = {event.id: event for event in events}
    found = upcoming_sessions(((event.id, event.schedule) for event in by_id.values()), today, per_series)
    return [Occurrence(by_id[event_id], session) for event_id, session in found]


def past(events: Iterable[EventT], today: dt.date) -> list[EventT]:
    """Events whose last session is over, most recent first."""
    over = {event.id: event for event in events if event.schedule.is_past(today)}
    return [over[event_id] for event_id in newest_first([(key, event.schedule) for key, event in over.items()])]


def past_sessions(event: Planned, today: dt.date, skipped: bool = True) -> list[PastSession]:
    """Every session of an event over before the build date, oldest first: moved ones at their new date,
    the dates a series skipped (`except`; not with `skipped=False`) and every session of a cancelled event
    marked cancelled."""
    plan = event.schedule
    cancelled = event.cancelled
    found = [
        PastSession(session.span, cancelled, session.moved, session.planned if session.moved else None)
        for session in plan.sessions
        if session.span.is_past(today)
    ]
    if plan.series is not None and skipped:
        found += [PastSession(dropped, True) for dropped in plan.series.skipped if dropped.is_past(today)]
    return sorted(found, key=lambda session: session.span.start)


# How many events the agenda shows of what took place: the year pages hold every one.
RECENT = 5


def recent(events: Iterable[EventT], today: dt.date, limit: int = RECENT) -> list[tuple[EventT, PastSession]]:
    """The `limit` events whose last session before the build date is the most recent, each with that session,
    newest first (a series once, by its latest session)."""
    latest = [(event, held[-1]) for event in events if (held := past_sessions(event, today, skipped=False))]
    latest.sort(key=lambda pair: (pair[1].span.start, pair[0].id), reverse=True)
    return latest[:limit]


def by_year(events: Iterable[EventT], today: dt.date) -> dict[int, list[ArchiveEntry[EventT]]]:
    """The past sessions of every event grouped by year and event; within a year the event with the most
    recent session comes first (ties by id, reversed)."""
    years: dict[int, list[ArchiveEntry[EventT]]] = defaultdict(list)
    for event in events:
        sessions: dict[int, list[PastSession]] = defaultdict(list)
        for session in past_sessions(event, today):
            sessions[session.span.first_day.year].append(session)
        for year, held in sessions.items():
            years[year].append(ArchiveEntry(event, held))
    for entries in years.values():
        entries.sort(key=lambda entry: (entry.sessions[-1].span.start, entry.event.id), reverse=True)
    return dict(years)


def archive(events: Iterable[EventT], programme: list[EditionT], today: dt.date) -> list[YearArchive[EventT, EditionT]]:
    """What took place by year, newest year first, headed by that year's programme: every past session,
    a series' sessions under the series."""
    entries = by_year(events, today)
    editions: dict[int, list[EditionT]] = defaultdict(list)
    for edition in programme:
        editions[edition.year].append(edition)
    years = sorted(set(entries) | {year for year in editions if year <= today.year}, reverse=True)
    return [YearArchive(year, editions.get(year, []), entries.get(year, [])) for year in years]
