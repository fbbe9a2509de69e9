"""Past and upcoming events on the agenda: the sessions ahead of the build date, and the archive by year.

Every answer about time comes from the events' schedules (coplimburg.agenda.schedule); this module only
picks and groups events for the lists that pages show.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from coplimburg.agenda.schedule import SESSIONS_PER_SERIES, Session, Span, newest_first, upcoming_sessions
from coplimburg.content.events import Event
from coplimburg.content.sitedata import Edition


@dataclass(frozen=True)
class Occurrence:
    """One session of one event, as lists show it."""

    event: Event
    session: Session

    @property
    def span(self) -> Span:
        return self.session.span


@dataclass(frozen=True)
class YearArchive:
    year: int
    editions: list[Edition]
    events: list[Event]


def upcoming(events: Iterable[Event], today: dt.date, per_series: int | None = SESSIONS_PER_SERIES) -> list[Occurrence]:
    """The sessions still to come, soonest first; a series contributes its next `per_series` sessions."""
    by_id = {event.id: event for event in events}
    found = upcoming_sessions(((event.id, event.schedule) for event in by_id.values()), today, per_series)
    return [Occurrence(by_id[event_id], session) for event_id, session in found]


def past(events: Iterable[Event], today: dt.date) -> list[Event]:
    """Events whose last session is over, most recent first."""
    over = {event.id: event for event in events if event.schedule.is_past(today)}
    return [over[event_id] for event_id in newest_first([(key, event.schedule) for key, event in over.items()])]


def archive(events: Iterable[Event], programme: list[Edition], today: dt.date) -> list[YearArchive]:
    """Past events by year of their first session, newest year first, headed by that year's programme."""
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in past(events, today):
        by_year[event.schedule.first.span.first_day.year].append(event)
    editions: dict[int, list[Edition]] = defaultdict(list)
    for edition in programme:
        editions[edition.year].append(edition)
    years = sorted(set(by_year) | {year for year in editions if year <= today.year}, reverse=True)
    return [YearArchive(year, editions.get(year, []), by_year.get(year, [])) for year in years]
