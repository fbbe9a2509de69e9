"""The "Zet in je agenda" links of an event page: the .ics download, Google Calendar, Outlook on the web.

The Google and Outlook links are plain https links that open the app's "new event" form filled in;
our page makes no request to either. Those forms hold one date, so for a series they offer the next
session (the .ics download holds the whole series with its skipped and moved sessions), and the links of a
series say so: what each link adds is in its label.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from coplimburg import urls
from coplimburg.agenda.schedule import Span
from coplimburg.content.events import Event
from coplimburg.dates import TZID
from coplimburg.urls import AGENDA_ICS, absolute, event_ics, item_path

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.office.com/calendar/deeplink/compose"


@dataclass(frozen=True)
class CalendarLinks:
    ics: str  # root-relative path of the event's .ics, e.g. "agenda/<id>.ics"
    google: str
    outlook: str
    subscribe: str  # webcal:// URL of agenda.ics
    series: bool = False

    @property
    def ics_label(self) -> str:
        return "Zet de hele reeks in je agenda" if self.series else "Zet in je agenda"

    @property
    def google_label(self) -> str:
        return "Volgende sessie in Google Agenda" if self.series else "Google Agenda"

    @property
    def outlook_label(self) -> str:
        return "Volgende sessie in Outlook op het web" if self.series else "Outlook op het web"


def calendar_links(event: Event, site_url: str, today: dt.date) -> CalendarLinks:
    span = event.schedule.next_session(today).span
    page = absolute(site_url, item_path("events", event.id))
    details = f"{event.summary}\n\n{page}"
    location = ", ".join(part for part in (event.location, event.address) if part) or event.online or ""
    return CalendarLinks(
        ics=event_ics(event.id),
        google=_google(event.title, span, details, location),
        outlook=_outlook(event.title, span, details, location),
        subscribe=webcal(site_url, AGENDA_ICS),
        series=event.is_series,
    )


def webcal(site_url: str, path: str) -> str:
    """The subscribe URL of a calendar on the site: its https URL with the webcal:// scheme."""
    return urls.webcal(absolute(site_url, path))


def _google(title: str, span: Span, details: str, location: str) -> str:
    if span.all_day:
        dates = f"{span.first_day:%Y%m%d}/{span.end:%Y%m%d}"
    else:
        dates = f"{span.start:%Y%m%dT%H%M%S}/{span.end:%Y%m%dT%H%M%S}"
    query = {"action": "TEMPLATE", "text": title, "dates": dates, "ctz": TZID, "details": details}
    return _link(GOOGLE, query, location)


def _outlook(title: str, span: Span, details: str, location: str) -> str:
    if span.all_day:
        times = {"startdt": span.first_day.isoformat(), "enddt": span.end.date().isoformat(), "allday": "true"}
    else:
        times = {"startdt": span.start.isoformat(), "enddt": span.end.isoformat(), "allday": "false"}
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title, **times, "body": details}
    return _link(OUTLOOK, query, location)


def _link(base: str, query: dict[str, str], location: str) -> str:
    if location:
        query["location"] = location
    # %20 rather than '+': Outlook shows a '+' in the form literally.
    return f"{base}?{urlencode(query, quote_via=quote)}"
