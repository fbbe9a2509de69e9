"""Recurring series: the dates an event's `repeat` rule produces, with the RFC 5545 meaning of RRULE.

dateutil's rrule implements RFC 5545, so the site lists the same sessions a calendar app expands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dateutil.rrule import MONTHLY, WEEKLY, rrule

from coplimburg.dates import Moment, day_of

if TYPE_CHECKING:
    from coplimburg.content.events import Repeat

FREQUENCIES: dict[str, Literal[1, 2]] = {"weken": WEEKLY, "maanden": MONTHLY}
RRULE_FREQ = {"weken": "WEEKLY", "maanden": "MONTHLY"}


@dataclass(frozen=True)
class Session:
    """One session of a series: when it was planned, when it takes place, and whether it was moved."""

    original: Moment
    start: Moment
    end: Moment | None
    moved: bool = False


def planned_starts(start: Moment, repeat: Repeat) -> list[Moment]:
    """Every start the rule gives, before skips and moves; for dates only the dates."""
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    until = dt.datetime.combine(repeat.until, dt.time(23, 59, 59))
    starts = rrule(FREQUENCIES[repeat.unit], interval=repeat.interval, dtstart=first, until=until)
    return [moment if isinstance(start, dt.datetime) else moment.date() for moment in starts]


def sessions(start: Moment, end: Moment | None, repeat: Repeat | None) -> Iterator[Session]:
    """The sessions of an event in order: one for a single event, each held session for a series."""
    if repeat is None:
        yield Session(start, start, end)
        return
    duration = (end - start) if end is not None else None
    skipped = set(repeat.except_)
    moves = {move.from_: move.to for move in repeat.moved}
    held: list[Session] = []
    for planned in planned_starts(start, repeat):
        day = day_of(planned)
        if day in skipped:
            continue
        if day in moves:
            new_start = moves[day]
            held.append(Session(planned, new_start, _shifted(new_start, duration), moved=True))
        else:
            held.append(Session(planned, planned, _shifted(planned, duration)))
    yield from sorted(held, key=lambda session: _sort_key(session.start))


def _shifted(start: Moment, duration: dt.timedelta | None) -> Moment | None:
    return None if duration is None else start + duration


def _sort_key(moment: Moment) -> dt.datetime:
    return moment if isinstance(moment, dt.datetime) else dt.datetime.combine(moment, dt.time())
