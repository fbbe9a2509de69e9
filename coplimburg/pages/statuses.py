"""How an event's status shows on pages: the badges beside it and its sessions in lists and the archive, and the
note at the top of its page. Decided here, worded in coplimburg.words; templates only display them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coplimburg.agenda.archive import ArchiveEntry, PastSession
from coplimburg.agenda.schedule import Span
from coplimburg.content.events import Event
from coplimburg.content.site import Site
from coplimburg.urls import item_path
from coplimburg.words import EVENT_STATUS, EVENT_STATUS_NOTE, SESSION_SKIPPED

# The admonition an event page shows its status in (Material's admonition types).
_ADMONITION = {"geannuleerd": "danger", "verplaatst": "warning"}


@dataclass(frozen=True)
class Badge:
    """A status beside an event or a session: its words, and the status its CSS class names."""

    label: str
    status: str


CANCELLED = Badge(EVENT_STATUS["geannuleerd"], "geannuleerd")
MOVED = Badge(EVENT_STATUS["verplaatst"], "verplaatst")
SKIPPED = Badge(SESSION_SKIPPED, "geannuleerd")


@dataclass(frozen=True)
class StatusNote:
    """The note at the top of an event page that is not simply planned."""

    label: str
    note: str
    admonition: str


@dataclass(frozen=True)
class SessionLine:
    """A past session with its badges: skipped or cancelled, moved."""

    span: Span
    badges: tuple[Badge, ...]


@dataclass(frozen=True)
class ArchiveLine:
    """An event in one year of the archive: a series with its sessions of that year, or a single event."""

    event: Event
    url: str
    kind: str
    badges: tuple[Badge, ...]
    sessions: tuple[SessionLine, ...]


@dataclass(frozen=True)
class RecentLine:
    """An event in the agenda's recent past: its latest session before the build date, with its badges."""

    event: Event
    span: Span
    url: str
    kind: str
    badges: tuple[Badge, ...]


def event_badges(event: Event, moved: bool = False) -> tuple[Badge, ...]:
    """An event in a list: cancelled, or moved (the event, or the one session of its series shown)."""
    return (
        *((CANCELLED,) if event.status == "geannuleerd" else ()),
        *((MOVED,) if event.status == "verplaatst" or moved else ()),
    )


def status_note(event: Event) -> StatusNote | None:
    if event.status not in EVENT_STATUS_NOTE:
        return None
    return StatusNote(EVENT_STATUS[event.status], EVENT_STATUS_NOTE[event.status], _ADMONITION[event.status])


def session_lines(sessions: Iterable[PastSession]) -> list[SessionLine]:
    return [
        SessionLine(
            session.span,
            (*((SKIPPED,) if session.cancelled else ()), *((MOVED,) if session.moved else ())),
        )
        for session in sessions
    ]


def archive_lines(site: Site, entries: Iterable[ArchiveEntry[Event]]) -> list[ArchiveLine]:
    """The archive of a year as lists show it (the agenda, a year page)."""
    return [
        ArchiveLine(
            event=entry.event,
            url=item_path("events", entry.event.id),
            kind=site.vocabularies.event_kinds[entry.event.kind],
            badges=event_badges(entry.event),
            sessions=tuple(session_lines(entry.sessions)),
        )
        for entry in entries
    ]


def recent_lines(site: Site, pairs: Iterable[tuple[Event, PastSession]]) -> list[RecentLine]:
    """The events that took place last, each with its latest session (coplimburg.agenda.archive.recent)."""
    return [
        RecentLine(
            event=event,
            span=session.span,
            url=item_path("events", event.id),
            kind=site.vocabularies.event_kinds[event.kind],
            badges=(*((CANCELLED,) if session.cancelled else ()), *((MOVED,) if session.moved else ())),
        )
        for event, session in pairs
    ]
