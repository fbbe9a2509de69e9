"""The calendar parts of the `cop` command: `cop agenda` records event revisions, `cop check` warns when behind."""

from __future__ import annotations

import sys
from pathlib import Path

from coplimburg.calendar.state import STATE_FILE, behind, read_state, revise, write_state
from coplimburg.content.loader import load
from coplimburg.content.site import Site
from coplimburg.dates import build_date
from coplimburg.problems import ContentError


def update_agenda_state(content: Path) -> int:
    """Write the revisions of this build into the state file, so later builds give the same calendars."""
    try:
        site = load(content)
        state = read_state(content)
        today = build_date()
    except (ContentError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    changed = behind(site.events, state)
    shown = (content / STATE_FILE).as_posix()
    if write_state(content, revise(site.events, state, today)):
        print(f"{shown} bijgewerkt voor {len(changed)} evenement(en): {', '.join(changed) or 'geen'}.")
    else:
        print(f"{shown} was al bij.")
    return 0


def agenda_state_warning(site: Site) -> int:
    """Print a Dutch warning (not an error) when the state file is behind the events; 1 when unreadable."""
    try:
        state = read_state(site.content)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    changed = behind(site.events, state)
    if changed:
        print(
            f"Waarschuwing: {(site.content / STATE_FILE).as_posix()} loopt achter voor {', '.join(changed)}; "
            "bij het publiceren werkt `cop agenda` dit vanzelf bij (je kunt het ook zelf draaien)."
        )
    return 0
