"""Dates and times: parsing what editors write, and Dutch formatting through babel (the Dutch messages about a date
that is not one are coplimburg.expected's)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_day_names, get_month_names

# The time zone of every time on the site, by its IANA name (calendars and calendar links name it).
TZID = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(TZID)
LOCALE = "nl_NL"

# What an editor writes: a date (all day) or a date and time (Europe/Amsterdam), naive until the schedule
# (coplimburg.agenda.schedule) normalises it.
Moment = dt.date | dt.datetime
_MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?")
EXAMPLE = "2024-06-13 of 2024-06-13 13:00"
DAY_EXAMPLE = "2024-06-13"
# Why a text is no date (`NotADate.reason`); coplimburg.expected words each in Dutch.
FORMAT, NO_SUCH_DATE, NO_SUCH_TIME, TIME_GIVEN = "format", "no such date", "no such time", "time given"


class NotADate(ValueError):
    """A written date or time that is not one: `reason` says why, `part` which part (the day or the time)."""

    def __init__(self, reason: str, text: str, part: str = "") -> None:
        super().__init__(f"{reason}: {text}")
        self.reason = reason
        self.text = text
        self.part = part or text


def parse_moment(text: str) -> Moment:
    """`2024-06-13` → date, `2024-06-13 13:00` → naive datetime in Europe/Amsterdam; NotADate otherwise."""
    match = _MOMENT.fullmatch(text.strip())
    if not match:
        raise NotADate(FORMAT, text)
    year, month, day, hour, minute = match.groups()
    try:
        day_value = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise NotADate(NO_SUCH_DATE, text, f"{year}-{month}-{day}") from None
    if hour is None:
        return day_value
    if int(hour) > 23 or int(minute) > 59:
        raise NotADate(NO_SUCH_TIME, text, f"{hour}:{minute}")
    return dt.datetime.combine(day_value, dt.time(int(hour), int(minute)))


def parse_day(text: str) -> dt.date:
    """`2024-06-13` → date; a time after it is a mistake here (NotADate)."""
    match = _MOMENT.fullmatch(text.strip())
    if match and match.group(4) is not None:
        raise NotADate(TIME_GIVEN, text)
    moment = parse_moment(text)
    if isinstance(moment, dt.datetime):
        raise NotADate(TIME_GIVEN, text)
    return moment


_DUTCH_DAY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DUTCH_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2})|u(\d{2})?)")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


# A date as people write it out: "5 december 2026", "za 5 dec. 2026", "zaterdag 5 december 2026 om 14.00".
_MONTHS = {
    name.lower(): number
    for width in ("wide", "abbreviated")
    for number, name in get_month_names(width, locale=LOCALE).items()
}
_WEEKDAYS = "|".join(name.lower() for name in get_day_names("wide", locale=LOCALE).values())
_SPELLED = re.compile(
    rf"(?:(?:{_WEEKDAYS}|[a-z]{{2}}),?\s+)?(\d{{1,2}})\s+([a-z]+)\.?\s+(\d{{4}})(?:,?\s+(?:om\s+)?(\S+))?"
)


def dutch_forms(text: str) -> tuple[str | None, str | None]:
    """What a date or time written the Dutch way (28-01-2027, 28-1-2027, 28 januari 2027, za 5 dec. 2026 om 14.00,
    14.00, 14u) means: (the ISO form of a date with or without time, the time of a time written alone); (None, None)
    when the text is no such form."""
    parts = text.strip().split()
    if len(parts) == 1 and (time := _clock(parts[0])):
        return None, time
    return iso_form(text), None


def iso_form(text: str) -> str | None:
    """'2027-01-28' or '2027-01-28 14:00' for a date (and time) written the Dutch way; None for anything else."""
    spelled = _SPELLED.fullmatch(text.strip().lower())
    if spelled and spelled.group(2) in _MONTHS:
        date, month, year, clock = spelled.groups()
        numbers, times = [int(year), _MONTHS[month], int(date)], [clock] if clock else []
    else:
        parts = text.strip().split()
        day = (_DUTCH_DAY.fullmatch(parts[0]) or _ISO_DAY.fullmatch(parts[0])) if 0 < len(parts) <= 2 else None
        if day is None:
            return None
        numbers = [int(number) for number in day.groups()]
        numbers, times = numbers if len(day.group(1)) == 4 else numbers[::-1], parts[1:]
    iso = "{:04d}-{:02d}-{:02d}".format(*numbers)
    if not times:
        return iso
    time = _clock(times[0])
    return f"{iso} {time}" if time else None


def _clock(text: str) -> str | None:
    match = _DUTCH_TIME.fullmatch(text)
    if not match:
        return None
    minutes = match.group(2) or match.group(3) or "00"
    return f"{int(match.group(1)):02d}:{minutes}"


def dutch_date(day: dt.date) -> str:
    """'donderdag 13 juni 2024' (of a datetime, its day)."""
    return _dutch_day(day)


@lru_cache(maxsize=8192)
def _dutch_day(day: dt.date) -> str:
    # A site names the same days on many pages; babel's formatting is slow enough to show in the profile.
    return format_date(day, format="EEEE d MMMM y", locale=LOCALE)


def dutch_time(moment: dt.datetime) -> str:
    return format_time(moment.time(), format="HH:mm", locale=LOCALE)


class Timespan(Protocol):
    """When something takes place, as coplimburg.agenda.schedule.Span answers it."""

    @property
    def start(self) -> dt.datetime: ...

    @property
    def end(self) -> dt.datetime: ...

    @property
    def all_day(self) -> bool: ...

    @property
    def open_end(self) -> bool: ...

    @property
    def first_day(self) -> dt.date: ...

    @property
    def last_day(self) -> dt.date: ...

    @property
    def single_day(self) -> bool: ...


def dutch_span(span: Timespan) -> str:
    """'donderdag 13 juni 2024, 13:00–17:00', or with both days when it spans several."""
    text = dutch_date(span.first_day)
    if span.all_day:
        return text if span.single_day else f"{text} tot en met {dutch_date(span.last_day)}"
    text += f", {dutch_time(span.start)}"
    if span.open_end:
        return text
    if span.single_day:
        return f"{text}–{dutch_time(span.end)}"
    return f"{text} tot {dutch_date(span.last_day)}, {dutch_time(span.end)}"
