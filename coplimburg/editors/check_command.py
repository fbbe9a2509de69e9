"""`cop check`: all content validated without a build, reported as Dutch text for an editor's terminal or, with
`--format github`, also as annotations for the pull-request check (.github/workflows/controleren.yml)."""

from __future__ import annotations

import sys
from pathlib import Path

from coplimburg.content.cache import LoadCache
from coplimburg.content.loader import load
from coplimburg.content.publication import Scheduled, scheduled
from coplimburg.editors.agenda_command import agenda_state_notes
from coplimburg.editors.workflow_commands import SHOWN_PER_STEP, command, problem_command
from coplimburg.problems import ContentError, Note, counted
from coplimburg.settings import CONFIG_FILE, project_today
from coplimburg.words import SCHEDULED_ITEM

SCHEDULED_HEADING = f"{SCHEDULED_ITEM} (nog niet gepubliceerd; de nachtelijke publicatie zet ze op de site)"


class TextReport:
    """The check as an editor reads it: the problem list on stderr, the summary, scheduled items and notes on
    stdout."""

    def failed(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def problems(self, error: ContentError) -> None:
        print(error, file=sys.stderr, flush=True)

    def passed(self, summary: str, held: list[Scheduled], notes: list[Note]) -> None:
        print(summary)
        if held:
            print(f"{SCHEDULED_HEADING}: {len(held)}")
            for one in held:
                print(f"  {one}")
        for note in notes:
            print(note)
        sys.stdout.flush()


class GithubReport(TextReport):
    """The text report for the step's log (where GitHub shows an annotation's message without its file), then each
    problem and note again as a workflow command, which GitHub shows on the file and line it names."""

    def failed(self, message: str) -> None:
        super().failed(message)
        print(command("error", message), flush=True)

    def problems(self, error: ContentError) -> None:
        super().problems(error)
        for problem in error.problems:
            print(problem_command(problem))
        if len(error.problems) > SHOWN_PER_STEP:
            print(
                command(
                    "notice",
                    f"Er zijn {counted(len(error.problems))}; GitHub zet er {SHOWN_PER_STEP} bij de bestanden. "
                    "Alle problemen staan in het log van deze stap.",
                    title="Meer problemen",
                )
            )
        sys.stdout.flush()

    def passed(self, summary: str, held: list[Scheduled], notes: list[Note]) -> None:
        super().passed(summary, held, notes)
        for one in held:
            message = f"{one.message}; de nachtelijke publicatie zet het op die dag op de site"
            print(command("notice", message, file=one.source, title=SCHEDULED_ITEM))
        for note in notes:
            print(command(note.level, note.message, file=note.path, title=note.title))
        sys.stdout.flush()


# `cop check --format NAME`; the first is the default.
FORMATS: dict[str, type[TextReport]] = {"tekst": TextReport, "github": GithubReport}


def check(content: Path, form: str = "tekst") -> int:
    """0 when the content is in order, 1 with problems, 2 when `content` is no folder."""
    report = FORMATS[form]()
    if not content.is_dir():
        report.failed(f"{content.as_posix()}: map niet gevonden; start cop check in de map van de site")
        return 2
    try:
        today = project_today(content.parent / CONFIG_FILE)
        site = load(content, today, LoadCache.of_project(content.parent))
        notes = agenda_state_notes(site)
    except ContentError as error:
        report.problems(error)
        return 1
    except ValueError as error:
        report.failed(str(error))
        return 1
    counts = ", ".join(f"{count} {name}" for name, count in site.counts().items())
    report.passed(f"Inhoud in orde: {counts}.", scheduled(site, today), notes)
    return 0
