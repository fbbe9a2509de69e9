"""Past and upcoming: which sessions lie ahead of the build date, and the archive by year.

Everything is decided against the one build date; the page script only moves what passed since.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from coplimburg.agenda.recurrence import Session
from coplimburg.content.events import Event
from coplimburg.content.sitedata import Edition
from coplimburg.dates import Moment, aware, day_of

# A series shows this many of its next sessions in lists; its page shows them all.
SESSIONS_PER_SERIES = 3


@dataclass(frozen=True)
class Occurrence:
    """One session of one event, as lists show it."""

    event: Event
    session: Session

    @property
    def start(self) -> Moment:
        return self.session.start

    @property
    def end(self) -> Moment | None:
        return self.session.end

    @property
    def ends_at(self) -> dt.datetime:
        """The moment after which this session is over (an all-day session: the end of that day)."""
        last = self.session.end or self.session.start
        if isinstance(last, dt.datetime):
            return aware(last)
        return aware(day_of(last) + dt.timedelta(days=1))


@dataclass(frozen=True)
class YearArchive:
    year: int
    editions: list[Edition]
    events: list[Event]


def is_past(last: Moment, today: dt.date) -> bool:
    """Over before the build date: an event is upcoming during the whole day it ends on."""
    return day_of(last) < today


def upcoming(events: Iterable[Event], today: dt.date, per_series: int | None = SESSIONS_PER_SERIES) -> list[Occurrence]:
    """The sessions still to come, soonest first; a series contributes its next `per_series` sessions."""
    found: list[Occurrence] = []
    for event in events:
        ahead = [session for session in event.sessions if not is_past(session.end or session.start, today)]
        if per_series is not None and event.is_series:
            ahead = ahead[:per_series]
        found += [Occurrence(event, session) for session in ahead]
    return sorted(found, key=lambda occurrence: (aware(occurrence.start), occurrence.event.id))


def past(events: Iterable[Event], today: dt.date) -> list[Event]:
    """Events whose last session is over, most recent first."""
    over = [event for event in events if is_past(event.last_moment, today)]
    return sorted(over, key=lambda event: (aware(event.first_moment), event.id), reverse=True)


def archive(events: Iterable[Event], programme: list[Edition], today: dt.date) -> list[YearArchive]:
    """Past events by year of their first session, newest year first, headed by that year's programme."""
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in past(events, today):
        by_year[day_of(event.first_moment).year].append(event)
    editions: dict[int, list[Edition]] = defaultdict(list)
    for edition in programme:
        editions[edition.year].append(edition)
    years = sorted(set(by_year) | {year for year in editions if year <= today.year}, reverse=True)
    return [YearArchive(year, editions.get(year, []), by_year.get(year, [])) for year in years]
