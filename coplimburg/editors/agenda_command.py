"""The calendar parts of the `cop` command: `cop agenda` records event revisions, `cop check` warns when behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coplimburg.calendar.state import STATE_FILE, behind, read_state, revise, unknown, write_state
from coplimburg.content.cache import LoadCache, cache_folder
from coplimburg.content.loader import load
from coplimburg.content.site import Site
from coplimburg.problems import ContentError
from coplimburg.settings import CONFIG_FILE, project_today


def update_agenda_state(content: Path, stage: bool = False) -> int:
    """Write the revisions of this build into the state file, so later builds give the same calendars.

    With `stage` (the pre-commit hook): events whose files git does not track yet are left out, so the state
    never names an event the commit lacks, and the state file is staged, so the commit carries it at once."""
    try:
        today = project_today(content.parent / CONFIG_FILE)
        site = load(content, today, LoadCache(cache_folder(content.parent, "content")))
        state = read_state(content)
    except (ContentError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    events = site.events
    if stage:
        untracked = _untracked(content / "events")
        events = {event_id: event for event_id, event in events.items() if event_id not in untracked}
    changed = behind(events, state)
    shown = (content / STATE_FILE).as_posix()
    if write_state(content, revise(events, state, today)):
        print(f"{shown} bijgewerkt voor {len(changed)} evenement(en): {', '.join(changed) or 'geen'}.")
    else:
        print(f"{shown} was al bij.")
    if stage:
        _git("add", "--", str(content / STATE_FILE))
    return 0


def agenda_state_warning(site: Site) -> int:
    """Print a Dutch warning (not an error) when the state file is behind the events; 1 when unreadable."""
    try:
        state = read_state(site.content)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    shown = (site.content / STATE_FILE).as_posix()
    changed = behind(site.events, state)
    if changed:
        print(
            f"Waarschuwing: {shown} loopt achter voor {_listed(changed)}; "
            "bij het publiceren werkt `cop agenda` dit vanzelf bij (je kunt het ook zelf draaien)."
        )
    if missing := unknown(site.events, state):
        print(
            f"Let op: {shown} noemt {_listed(missing)}, maar dat evenement staat niet in "
            f"{(site.content / 'events').as_posix()}/. Verwijderd? Dan is dit goed: het volgnummer loopt door als "
            "het terugkomt. Nieuw? Voeg het bestand dan toe aan git (git add)."
        )
    return 0


def _listed(ids: list[str], shown: int = 5) -> str:
    """'a, b' or, for many, the first few and how many more: a warning stays one readable line."""
    if len(ids) <= shown:
        return ", ".join(ids)
    return f"{', '.join(ids[:shown])} en {len(ids) - shown} andere"


def _untracked(folder: Path) -> set[str]:
    """Ids of event files git does not track (none outside a git work tree)."""
    listed = _git("ls-files", "--others", "--exclude-standard", "--", str(folder))
    return {Path(line).stem for line in listed.splitlines() if line.endswith(".md")}


def _git(*arguments: str) -> str:
    try:
        result = subprocess.run(["git", *arguments], capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return result.stdout if result.returncode == 0 else ""
