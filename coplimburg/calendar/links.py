"""The "Zet in je agenda" links of an event page: the .ics download, Google Calendar, Outlook on the web.

The Google and Outlook links are plain https links that open the app's "new event" form filled in;
our page makes no request to either. Those forms hold one date, so for a series they offer the next
session (the .ics download holds the whole series with its skipped and moved sessions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from coplimburg import urls
from coplimburg.agenda.archive import is_past
from coplimburg.agenda.recurrence import Session
from coplimburg.calendar.timezone import TZID
from coplimburg.content.events import Event
from coplimburg.dates import Moment, aware, day_of
from coplimburg.urls import AGENDA_ICS, absolute, event_ics, item_path

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.office.com/calendar/deeplink/compose"


@dataclass(frozen=True)
class CalendarLinks:
    ics: str  # root-relative path of the event's .ics, e.g. "agenda/<id>.ics"
    google: str
    outlook: str
    subscribe: str  # webcal:// URL of agenda.ics


def calendar_links(event: Event, site_url: str, today: dt.date) -> CalendarLinks:
    session = next_session(event, today)
    page = absolute(site_url, item_path("events", event.id))
    details = f"{event.summary}\n\n{page}"
    location = ", ".join(part for part in (event.location, event.address) if part) or event.online or ""
    return CalendarLinks(
        ics=event_ics(event.id),
        google=_google(event.title, session, details, location),
        outlook=_outlook(event.title, session, details, location),
        subscribe=webcal(site_url, AGENDA_ICS),
    )


def next_session(event: Event, today: dt.date) -> Session:
    """The first session that has not ended before today, or the last one when all are over."""
    sessions = event.sessions
    return next((session for session in sessions if not is_past(session.end or session.start, today)), sessions[-1])


def webcal(site_url: str, path: str) -> str:
    """The subscribe URL of a calendar on the site: its https URL with the webcal:// scheme."""
    return urls.webcal(absolute(site_url, path))


def _google(title: str, session: Session, details: str, location: str) -> str:
    if isinstance(session.start, dt.datetime):
        end = session.end if isinstance(session.end, dt.datetime) else session.start
        dates = f"{session.start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"
    else:
        dates = f"{session.start:%Y%m%d}/{_day_after(session.end or session.start):%Y%m%d}"
    query = {"action": "TEMPLATE", "text": title, "dates": dates, "ctz": TZID, "details": details}
    return _link(GOOGLE, query, location)


def _outlook(title: str, session: Session, details: str, location: str) -> str:
    if isinstance(session.start, dt.datetime):
        end = session.end if isinstance(session.end, dt.datetime) else session.start
        times = {"startdt": aware(session.start).isoformat(), "enddt": aware(end).isoformat(), "allday": "false"}
    else:
        last = _day_after(session.end or session.start)
        times = {"startdt": session.start.isoformat(), "enddt": last.isoformat(), "allday": "true"}
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title, **times, "body": details}
    return _link(OUTLOOK, query, location)


def _link(base: str, query: dict[str, str], location: str) -> str:
    if location:
        query["location"] = location
    # %20 rather than '+': Outlook shows a '+' in the form literally.
    return f"{base}?{urlencode(query, quote_via=quote)}"


def _day_after(moment: Moment) -> dt.date:
    return day_of(moment) + dt.timedelta(days=1)
