"""The one model of event time: what editors wrote, normalised once when content is loaded, and every
question about it ("which sessions", "the next session", "past or upcoming", "when does it end") answered here.

A moment an editor writes is a date (`2024-06-13`: all day) or a date and time (`2024-06-13 13:00`,
Europe/Amsterdam). Loading turns each event into a `Schedule` of `Span`s: aware datetimes in Amsterdam
with an all-day flag and an exclusive end, so no other module needs to know which form was written.

What a series shows in each place (one decision, tested in tests/test_schedule.py):

| place                              | what it shows of a series                                         |
|------------------------------------|-------------------------------------------------------------------|
| event page "Wanneer"               | the rhythm, and the next session (none when all are over)         |
| lists (agenda, table, partner)     | the next `SESSIONS_PER_SERIES` sessions, each on its own line     |
| agenda archive, year pages         | every past session by year, under its series; skipped ones marked |
| event page "Eerdere sessies"       | every past session, moved ones at their new date                  |
| feed item, CoPPIG edition          | dated by `published` (the announcement); names the next session   |
| "Zet in je agenda" links           | the next session (the last one when all are over)                 |
| JSON-LD                            | the next three sessions (the last one when all are over)          |
| .ics                               | the whole rule: RRULE from the planned first start, EXDATE, moves |
| cop.js (`data-cop-ends`)           | the exclusive end of each listed session, from this module        |

"Past" is decided against the build date: a session is upcoming during the whole day it ends on; the
page script then moves sessions that ended since the build, using the ends this module wrote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Literal, Protocol

from dateutil.rrule import MONTHLY, WEEKLY, rrule

from coplimburg.dates import AMSTERDAM, Moment
from coplimburg.problems import FieldError

# A series shows this many of its next sessions in lists; its page shows them all.
SESSIONS_PER_SERIES = 3
# JSON-LD describes this many of the next sessions of a series.
SESSIONS_IN_STRUCTURED_DATA = 3
# A rule that gives more sessions than this is a mistake (an `until` years too late), not a plan.
MAX_SESSIONS = 500

FREQUENCIES: dict[str, Literal[1, 2]] = {"weken": WEEKLY, "maanden": MONTHLY}
RRULE_FREQ = {"weken": "WEEKLY", "maanden": "MONTHLY"}
_DAY = dt.timedelta(days=1)


class Move(Protocol):
    """One session of a series moved to another moment (as coplimburg.content.events reads `repeat.moved`)."""

    @property
    def from_(self) -> dt.date: ...

    @property
    def to(self) -> Moment: ...


class Rule(Protocol):
    """A series as editors write it (`repeat`): every `interval` weeks or months until `until`, without the days in
    `except_`, with the sessions in `moved` at another moment."""

    @property
    def interval(self) -> int: ...

    @property
    def unit(self) -> str: ...

    @property
    def until(self) -> dt.date: ...

    @property
    def except_(self) -> Sequence[dt.date]: ...

    @property
    def moved(self) -> Sequence[Move]: ...


@dataclass(frozen=True)
class Span:
    """When something takes place: aware start and exclusive end in Amsterdam.

    All day: `start` is midnight of the first day and `end` midnight after the last day. With a time but
    no written end, the span ends when it starts. `open_end`: no end was written (structured data then
    names none)."""

    start: dt.datetime
    end: dt.datetime
    all_day: bool
    open_end: bool = False

    @property
    def first_day(self) -> dt.date:
        return self.start.date()

    @property
    def last_day(self) -> dt.date:
        """The last day it takes place on (inclusive)."""
        return (self.end - _DAY).date() if self.all_day else self.end.date()

    @property
    def single_day(self) -> bool:
        return self.first_day == self.last_day

    @property
    def iso_start(self) -> str:
        """The start as ISO 8601 for `<time datetime>` and JSON-LD: a date when all day, else with offset."""
        return self.first_day.isoformat() if self.all_day else self.start.isoformat()

    @property
    def iso_end(self) -> str | None:
        """The end as written (the last day when all day); None when no end was written."""
        if self.open_end:
            return None
        return self.last_day.isoformat() if self.all_day else self.end.isoformat()

    @property
    def ends_at(self) -> str:
        """The moment after which it is over, for the page script: ISO 8601 with offset."""
        return self.end.isoformat()

    def is_past(self, today: dt.date) -> bool:
        """Over before the build date: upcoming during the whole day it ends on."""
        return self.last_day < today


@dataclass(frozen=True)
class Session:
    """One session: as the rule planned it and as it takes place (moved or not)."""

    planned: Span
    span: Span
    moved: bool = False


@dataclass(frozen=True)
class Series:
    """The rule of a series, as calendar apps need it."""

    unit: str
    interval: int
    until: dt.date
    skipped: tuple[Span, ...]

    @property
    def until_moment(self) -> dt.datetime:
        """The end of the last day the rule may give a session on, aware in Amsterdam."""
        return dt.datetime.combine(self.until, dt.time(23, 59, 59), AMSTERDAM)


@dataclass(frozen=True)
class Schedule:
    """Every session of an event in order (one for a single event), and for a series its rule."""

    planned: Span  # the event's own start and end as written: the first planned session
    sessions: tuple[Session, ...]
    series: Series | None = None

    @property
    def is_series(self) -> bool:
        return self.series is not None

    @property
    def first(self) -> Session:
        return self.sessions[0]

    @property
    def last(self) -> Session:
        return self.sessions[-1]

    def is_past(self, today: dt.date) -> bool:
        """Every session is over."""
        return self.last.span.is_past(today)

    def ahead(self, today: dt.date) -> list[Session]:
        """The sessions not over before the build date, soonest first."""
        return [session for session in self.sessions if not session.span.is_past(today)]

    def next_session(self, today: dt.date) -> Session:
        """The first session not over before today, or the last one when all are over."""
        return next(iter(self.ahead(today)), self.last)

    def shown(self, today: dt.date, count: int) -> list[Session]:
        """The next `count` sessions of a series, or its last one when all are over; a single event's one."""
        return (self.ahead(today) or [self.last])[:count]

    def years(self) -> tuple[int, int]:
        """The first and last year a calendar file must describe for this event (time zone rules)."""
        days = [self.planned.first_day, *(session.span.last_day for session in self.sessions)]
        if self.series is not None:
            days.append(self.series.until)
        return min(days).year, max(days).year


def span(start: Moment, end: Moment | None, field: str = "start") -> Span:
    """The span from what an editor wrote; FieldError in Dutch, naming the field, when it cannot be."""
    if isinstance(start, dt.datetime):
        if end is not None and not isinstance(end, dt.datetime):
            raise FieldError("end", "schrijf end net als start: allebei met tijd, of allebei alleen een datum")
        begin = local(start, field)
        finish = local(end, "end") if end is not None else begin
        if finish < begin:
            raise FieldError(
                "end", f"ligt vóór start ({start:%Y-%m-%d %H:%M}); het einde mag niet vóór het begin liggen"
            )
        return Span(begin, finish, all_day=False, open_end=end is None)
    if isinstance(end, dt.datetime):
        raise FieldError("end", "schrijf end net als start: allebei met tijd, of allebei alleen een datum")
    last = end if end is not None else start
    if last < start:
        raise FieldError("end", f"ligt vóór start ({start.isoformat()}); het einde mag niet vóór het begin liggen")
    return Span(start_of_day(start), start_of_day(last + _DAY), all_day=True, open_end=end is None)


def moment_span(moment: Moment, field: str) -> Span:
    """A single moment (such as `previous_start`) as a span without a written end."""
    if isinstance(moment, dt.datetime):
        begin = local(moment, field)
        return Span(begin, begin, all_day=False, open_end=True)
    return Span(start_of_day(moment), start_of_day(moment + _DAY), all_day=True, open_end=True)


def local(moment: dt.datetime, field: str) -> dt.datetime:
    """A wall-clock time in Amsterdam as an aware datetime; a time that does not exist (the hour skipped
    in spring) or exists twice (the hour repeated in autumn) is a mistake, never guessed."""
    first = moment.replace(tzinfo=AMSTERDAM, fold=0)
    second = moment.replace(tzinfo=AMSTERDAM, fold=1)
    shown = f"{moment:%Y-%m-%d %H:%M}"
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(dt.UTC).astimezone(AMSTERDAM).replace(tzinfo=None)
        if round_trip != moment:
            raise FieldError(
                field,
                f"{shown} bestaat niet: die nacht gaat de klok van 02:00 naar 03:00 (zomertijd); "
                "kies een tijd vóór 02:00 of vanaf 03:00",
            )
        raise FieldError(
            field,
            f"{shown} bestaat twee keer: die nacht gaat de klok van 03:00 terug naar 02:00 "
            "(wintertijd); kies een tijd vóór 02:00 of vanaf 03:00",
        )
    return first


def schedule(start: Moment, end: Moment | None, repeat: Rule | None) -> Schedule:
    """The normalised schedule of an event; FieldError in Dutch, naming the field, on a mistake."""
    planned = span(start, end)
    if repeat is None:
        return Schedule(planned, (Session(planned, planned),))
    if repeat.until < planned.first_day:
        raise FieldError("repeat", "until ligt vóór start; de reeks moet na de eerste sessie eindigen")
    duration = planned.end - planned.start
    rule_starts = _planned_starts(start, repeat)
    by_day = {moment.date() if isinstance(moment, dt.datetime) else moment: moment for moment in rule_starts}
    for day in [*repeat.except_, *(move.from_ for move in repeat.moved)]:
        if day not in by_day:
            nearest = min(by_day, key=lambda candidate: abs(candidate - day))
            raise FieldError("repeat", f"{day} is geen sessie van deze reeks; de dichtstbijzijnde sessie is {nearest}")
    skipped = set(repeat.except_)
    moves = {move.from_: move.to for move in repeat.moved}
    sessions: list[Session] = []
    skipped_spans: list[Span] = []
    for day, moment in by_day.items():
        planned_span = _session_span(moment, duration, planned, "repeat")
        if day in skipped:
            skipped_spans.append(planned_span)
        elif day in moves:
            sessions.append(Session(planned_span, _session_span(moves[day], duration, planned, "repeat"), True))
        else:
            sessions.append(Session(planned_span, planned_span))
    if not sessions:
        raise FieldError(
            "repeat",
            "elke sessie van deze reeks staat in except, er blijft er geen over; "
            "haal een datum uit except, of zet status: geannuleerd",
        )
    sessions.sort(key=lambda session: session.span.start)
    series = Series(repeat.unit, repeat.interval, repeat.until, tuple(skipped_spans))
    return Schedule(planned, tuple(sessions), series)


def upcoming_sessions(
    schedules: Iterable[tuple[str, Schedule]], today: dt.date, per_series: int | None = SESSIONS_PER_SERIES
) -> list[tuple[str, Session]]:
    """The sessions still to come of several events, soonest first (ties by id); a series contributes its
    next `per_series` sessions."""
    found: list[tuple[str, Session]] = []
    for key, plan in schedules:
        ahead = plan.ahead(today)
        if per_series is not None and plan.is_series:
            ahead = ahead[:per_series]
        found += [(key, session) for session in ahead]
    return sorted(found, key=lambda pair: (pair[1].span.start, pair[0]))


def newest_first(schedules: Sequence[tuple[str, Schedule]]) -> list[str]:
    """Keys ordered by their first session, most recent first (ties by key, reversed)."""
    ordered = sorted(schedules, key=lambda pair: (pair[1].first.span.start, pair[0]), reverse=True)
    return [key for key, _ in ordered]


def _planned_starts(start: Moment, repeat: Rule) -> list[Moment]:
    """Every start the rule gives (RFC 5545 meaning, as calendar apps expand it), before skips and moves."""
    timed = isinstance(start, dt.datetime)
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    until = dt.datetime.combine(repeat.until, dt.time(23, 59, 59))
    # Bounded: a rule that would give more than MAX_SESSIONS is refused before it is expanded further.
    rule = rrule(FREQUENCIES[repeat.unit], interval=repeat.interval, dtstart=first, until=until)
    starts = list(islice(rule, MAX_SESSIONS + 1))
    if len(starts) > MAX_SESSIONS:
        raise FieldError(
            "repeat", f"deze reeks geeft meer dan {MAX_SESSIONS} sessies; controleer until ({repeat.until}) en interval"
        )
    return [moment if timed else moment.date() for moment in starts]


def _session_span(moment: Moment, duration: dt.timedelta, planned: Span, field: str) -> Span:
    """A session at `moment` lasting as long as the planned first one (all day: as many days)."""
    if isinstance(moment, dt.datetime):
        if planned.all_day:
            raise FieldError(field, "schrijf een datum zonder tijd, net als start")
        begin = local(moment, field)
        # Wall-clock duration: a 15:30–17:00 session stays 15:30–17:00 across a DST change.
        finish = local(moment + duration, field) if not planned.open_end else begin
        return Span(begin, finish, all_day=False, open_end=planned.open_end)
    if not planned.all_day:
        raise FieldError(field, "schrijf een datum met tijd, net als start")
    after = moment + dt.timedelta(days=(planned.last_day - planned.first_day).days + 1)
    return Span(start_of_day(moment), start_of_day(after), all_day=True, open_end=planned.open_end)


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight in Amsterdam at the start of a day, aware: how a date-only value (`published`) is dated."""
    return dt.datetime.combine(day, dt.time(), AMSTERDAM)
