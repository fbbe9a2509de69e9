"""The calendar parts of the `cop` command: `cop agenda` records event revisions, `cop check` warns when behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coplimburg.calendar.state import STATE_FILE, behind, read_state, revise, unknown, write_state
from coplimburg.content.cache import LoadCache
from coplimburg.content.loader import load
from coplimburg.content.site import Site
from coplimburg.problems import ContentError, Note
from coplimburg.settings import CONFIG_FILE, project_today


def update_agenda_state(content: Path, stage: bool = False) -> int:
    """Write the revisions of this build into the state file, so later builds give the same calendars.

    With `stage` (the pre-commit hook): events whose files git does not track yet are left out, so the state
    never names an event the commit lacks, and the state file is staged, so the commit carries it at once."""
    try:
        today = project_today(content.parent / CONFIG_FILE)
        site = load(content, today, LoadCache.of_project(content.parent))
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


def agenda_state_notes(site: Site) -> list[Note]:
    """What `cop check` says about the state file: a note when it is behind the events (which asks nothing of the
    editor, and says so first), another when it names an event that is gone. Raises ContentError when the file
    cannot be read."""
    state = read_state(site.content)
    # Named from the project folder, as problems are, so an annotation lands on the file in the repository.
    folder = Path(site.content.name)
    shown = (folder / STATE_FILE).as_posix()
    notes = []
    if behind_ids := behind(site.events, state):
        new = [event_id for event_id in behind_ids if event_id not in state.events]
        changed = [event_id for event_id in behind_ids if event_id in state.events]
        noun = "het nieuwe evenement" if len(new) == 1 else "de nieuwe evenementen"
        parts = [f"{noun} {_listed(new)}"] if new else []
        parts += [f"de wijziging van {_listed(changed)}"] if changed else []
        notes.append(
            Note(
                "notice",
                shown,
                f"kent {' en '.join(parts)} nog niet; bij het publiceren werkt `cop agenda` dit vanzelf bij, "
                "zodat agenda-apps de wijziging overnemen.",
                label="Geen actie nodig",
            )
        )
    if missing := unknown(site.events, state):
        notes.append(
            Note(
                "notice",
                shown,
                f"noemt {_listed(missing)}, maar dat evenement staat niet in {(folder / 'events').as_posix()}/. "
                "Verwijderd? Dan is dit goed: het volgnummer loopt door als het terugkomt. Nieuw? Voeg het bestand "
                "dan toe aan git (git add).",
            )
        )
    return notes


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
