"""The Europe/Amsterdam VTIMEZONE of our calendar files, in the form Outlook understands.

icalendar's `Timezone.from_tzinfo` lists every transition as an RDATE; Outlook for Windows ignores
RDATEs and then shows a series an hour off after a daylight-saving change. So we write the EU rule
(last Sunday of March and of October) as two yearly RRULEs, built with icalendar components, and use it
only after checking it against the tz database for the years the file covers; if the rules ever
change (the EU has debated ending daylight saving time), the generated RDATE form is used instead.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from functools import lru_cache

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from coplimburg.dates import AMSTERDAM, TZID

CET = dt.timedelta(hours=1)
CEST = dt.timedelta(hours=2)


@lru_cache(maxsize=32)
def amsterdam(first: dt.date, last: dt.date) -> Timezone:
    """A VTIMEZONE valid for every moment from `first` up to `last`; the same dates give the same component."""
    rule = _eu_rule()
    if _agrees(rule, first, last):
        return rule
    return Timezone.from_tzinfo(AMSTERDAM, TZID, first_date=first, last_date=last)


def _eu_rule() -> Timezone:
    timezone = Timezone()
    timezone.add("TZID", TZID)
    # Onsets in local time before the change: 02:00 CET in March (since 1981), 03:00 CEST in October (since 1996).
    timezone.add_component(_observance(TimezoneDaylight(), "CEST", CET, CEST, dt.datetime(1981, 3, 29, 2)))
    timezone.add_component(_observance(TimezoneStandard(), "CET", CEST, CET, dt.datetime(1996, 10, 27, 3)))
    return timezone


def _observance(
    component: TimezoneDaylight | TimezoneStandard,
    name: str,
    before: dt.timedelta,
    after: dt.timedelta,
    onset: dt.datetime,
) -> TimezoneDaylight | TimezoneStandard:
    """A yearly change on the last Sunday of the onset's month."""
    component.add("TZNAME", name)
    component.TZOFFSETFROM = before
    component.TZOFFSETTO = after
    component.DTSTART = onset
    component.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": onset.month, "BYDAY": "-1SU"})
    return component


def _agrees(rule: Timezone, first: dt.date, last: dt.date) -> bool:
    """Whether the rule gives the tz database's UTC offset every day and around each of its transitions."""
    # Computed from the rule's own transitions: `to_tz()` would look the TZID up and return tzdata itself.
    times, infos = rule.get_transitions()
    changes = [time.replace(tzinfo=dt.UTC) for time in times]
    start = dt.datetime.combine(first, dt.time(12), dt.UTC)
    days = [start + dt.timedelta(days=n) for n in range((last - first).days)]
    edges = [change + shift for change in changes for shift in (-dt.timedelta(seconds=1), dt.timedelta())]
    moments = days + [edge for edge in edges if days and days[0] <= edge <= days[-1]]

    def offset(moment: dt.datetime) -> dt.timedelta:
        index = bisect_right(changes, moment) - 1
        return infos[index][0] if index >= 0 else CET

    return all(offset(moment) == moment.astimezone(AMSTERDAM).utcoffset() for moment in moments)
