"""Agenda changes that just work: the pre-commit hook stages the state file it updates and leaves out events git
does not track; state for an event not in content/ is reported; a moved event replaces what subscribers hold."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import icalendar
import yaml
from sitebuild import SAMPLE

from coplimburg.calendar.ics import calendar_files
from coplimburg.calendar.state import AgendaState
from coplimburg.content.loader import load
from coplimburg.editors.cli import main

STATE = "content/site/agenda-state.yml"
MOVED = """---
title: Verplaatste werksessie
summary: De werksessie is een week later.
kind: overig
start: 2027-02-17 13:00
end: 2027-02-17 16:00
location: CHILL, Geleen
tables: [tafel-3]
status: verplaatst
previous_start: 2027-02-10 13:00
published: 2026-11-01
---
Een week later dan gepland.
"""


def git(project: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Redactie", "-c", "user.email=r@example.org", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def state_ids(project: Path) -> dict[str, int]:
    data = yaml.safe_load((project / STATE).read_text(encoding="utf-8"))
    return {event_id: entry["sequence"] for event_id, entry in data["events"].items()}


def test_the_hook_stages_the_state_file_so_the_commit_never_stops_and_skips_untracked_events(
    project, monkeypatch, capsys
):
    git(project, "init", "-q", ".")
    git(project, "add", ".")
    git(project, "commit", "-qm", "start")
    event = project / "content/events/coppisch-2025.md"
    event.write_text(event.read_text(encoding="utf-8").replace("2025-06-12 13:00", "2025-06-12 14:00"), "utf-8")
    git(project, "add", str(event))
    (project / "content/events/nog-niet-toegevoegd.md").write_text(MOVED, encoding="utf-8")
    before = state_ids(project)
    monkeypatch.chdir(project)
    monkeypatch.setenv("COP_BUILD_DATE", "2026-11-28")

    assert main(["agenda", "--stage"]) == 0

    assert git(project, "diff", "--name-only").split() == []  # pre-commit sees nothing modified by its hook
    assert STATE in git(project, "diff", "--cached", "--name-only").split()
    after = state_ids(project)
    assert "nog-niet-toegevoegd" not in after
    assert after["coppisch-2025"] == before["coppisch-2025"] + 1


def test_check_reports_state_for_an_event_that_is_not_in_content(project, capsys):
    state = project / STATE
    data = yaml.safe_load(state.read_text(encoding="utf-8"))
    data["events"]["verdwenen-evenement"] = {"fingerprint": "0123456789ab", "sequence": 0, "modified": "2026-01-01"}
    state.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["check", "--content", str(project / "content")]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Let op")]
    assert "noemt verdwenen-evenement, maar dat evenement staat niet in" in line


def test_a_moved_event_has_a_higher_sequence_in_every_calendar_that_carries_it(content):
    table = (SAMPLE / "content/tables/tafel-3.md").read_text(encoding="utf-8")
    root = content(events={"verplaatste-werksessie.md": MOVED}, tables={"tafel-3.md": table})
    site = load(root)
    files = calendar_files(site, "https://cop.example/", AgendaState(), dt.date(2026, 11, 28))
    carrying = {
        path: [int(event["SEQUENCE"]) for event in icalendar.Calendar.from_ical(data).walk("VEVENT")]
        for path, data in files.items()
        if b"Verplaatste werksessie" in data
    }
    assert set(carrying) == {"agenda.ics", "agenda/verplaatste-werksessie.ics", "innovatietafels/tafel-3.ics"}
    assert all(sequences and min(sequences) >= 1 for sequences in carrying.values())
