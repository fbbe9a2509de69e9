"""Revisions of events for calendar apps: SEQUENCE and LAST-MODIFIED kept in a committed state file.

Calendar apps only replace a copy of an event when its SEQUENCE rises, and they show LAST-MODIFIED;
neither may come from the clock, or two builds of the same content would differ. So the state file
`content/site/agenda-state.yml` records, per event id, a fingerprint of the fields that decide when
and where the event happens (start, end, location, address, online, status, repeat), the sequence
number and the date of the last such change.

The build compares each event's fingerprint with the file. An unknown event starts at sequence 0,
modified on its `published` date; an event whose fingerprint differs gets sequence + 1, modified on
the build date. `cop agenda` writes exactly that result back (the publish workflow runs it, so editors
never do), after which the output depends on content only. Entries of removed events are kept, so an
id that comes back continues its sequence instead of starting again at 0 below what subscribers hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import Field

from coplimburg.content.events import Event
from coplimburg.content.fields import DayField, Strict
from coplimburg.content.state_files import StateFile

STATE_FILE = Path("site") / "agenda-state.yml"
# The fields that change when and where an event takes place; a change raises SEQUENCE.
SCHEDULE_FIELDS = frozenset({"start", "end", "location", "address", "online", "status", "repeat"})
_HEADER = (
    "# Bijgehouden door `cop agenda` (dat gebeurt vanzelf bij het publiceren); niet met de hand wijzigen.\n"
    "# Per evenement: vingerafdruk van datum, tijd, plaats en status, het volgnummer (SEQUENCE) voor\n"
    "# agenda-apps en de datum van de laatste wijziging. Zie docs-redactie/agenda.md.\n"
)


class Revision(Strict):
    fingerprint: str = Field(pattern=r"^[0-9a-f]{12}$")
    sequence: int = Field(ge=0)
    modified: DayField


class AgendaState(Strict):
    events: dict[str, Revision] = {}


def fingerprint(event: Event) -> str:
    """A short hash of the schedule fields; equal schedules give equal fingerprints."""
    fields = event.model_dump(mode="json", by_alias=True, include=set(SCHEDULE_FIELDS))
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def revision(event: Event, recorded: Revision | None, today: dt.date) -> Revision:
    """The revision an event has now, given what the state file recorded for it."""
    current = fingerprint(event)
    # A moved event was announced before: even one new to the state file must replace what subscribers hold.
    least = 1 if event.status == "verplaatst" else 0
    if recorded is None:
        return Revision(fingerprint=current, sequence=least, modified=event.published)
    if recorded.fingerprint == current:
        return recorded if recorded.sequence >= least else recorded.model_copy(update={"sequence": least})
    return Revision(fingerprint=current, sequence=recorded.sequence + 1, modified=today)


def revise(events: Mapping[str, Event], state: AgendaState, today: dt.date) -> AgendaState:
    """The state after this build: every current event revised, removed events kept as they were."""
    revised = dict(state.events)
    for event_id, event in events.items():
        revised[event_id] = revision(event, state.events.get(event_id), today)
    return AgendaState(events=dict(sorted(revised.items())))


def unknown(events: Mapping[str, Event], state: AgendaState) -> list[str]:
    """Ids the state file names that are no event in content/ (removed, or never added to the repository)."""
    return sorted(set(state.events) - set(events))


def behind(events: Mapping[str, Event], state: AgendaState) -> list[str]:
    """Ids of events the state file does not describe yet (new, or changed since it was written)."""
    return sorted(
        event_id
        for event_id, event in events.items()
        if (recorded := state.events.get(event_id)) is None or recorded.fingerprint != fingerprint(event)
    )


def _data(state: AgendaState) -> dict[str, Any]:
    return {
        "events": {
            event_id: {
                "fingerprint": entry.fingerprint,
                "sequence": entry.sequence,
                "modified": entry.modified,
            }
            for event_id, entry in state.events.items()
        }
    }


AGENDA_STATE = StateFile(STATE_FILE, AgendaState, _HEADER, _data)


def read_state(content: Path) -> AgendaState:
    """The recorded state; an empty one when the file does not exist yet. ContentError when unreadable."""
    return AGENDA_STATE.read(content)


def write_state(content: Path, state: AgendaState) -> bool:
    """Write the state file in one step; False when it already said exactly this."""
    return AGENDA_STATE.write(content, state)
