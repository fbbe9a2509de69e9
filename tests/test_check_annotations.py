"""`cop check --format github` prints every problem as a GitHub workflow command, which the pull-request check shows
as an annotation on the file and line: read back here the way the Actions runner reads it (tests/workflows.py),
escapes included. The Dutch text format stays the default."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from workflows import Annotation, annotations, parse

from coplimburg.editors.cli import main
from coplimburg.editors.workflow_commands import SHOWN_PER_STEP, command, problem_command
from coplimburg.problems import Problem

# What the CMS form accepts (two moments of the right form) and `cop check` refuses: the end before the start.
END_BEFORE_START = """---
title: Kennissessie lectoraat 2027
summary: Een middag over onderzoek in de beroepspraktijk.
kind: coppisch
published: 2026-11-01
start: 2027-01-15 16:00
end: 2027-01-15 13:00
location: VISTA college, Sittard
---
Het programma volgt.
"""
END_LINE = 7


def listed(text_output: str) -> list[tuple[str, str, str, str]]:
    """The problems of the Dutch text format as (file, line, field, message)."""
    found = []
    for entry in text_output.splitlines()[1:]:
        where, field_name, message = entry.strip().split(": ", 2)
        path, line = where.rsplit(":", 1)
        found.append((path, line, field_name, message))
    return found


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str, str]]:
    """`cop check` on a content folder: its exit code, stdout and stderr."""
    monkeypatch.setenv("COP_BUILD_DATE", "2026-11-28")

    def checked(content: Path, *options: str) -> tuple[int, str, str]:
        code = main(["check", "--content", str(content), *options])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return checked


def test_an_end_before_the_start_is_an_error_on_the_line_of_end_in_its_file(content, run):
    folder = content(events={"kennissessie-lectoraat-2027.md": END_BEFORE_START})

    code, out, err = run(folder, "--format", "github")

    assert code == 1
    (annotation,) = annotations(out + err)
    assert annotation.level == "error"
    assert annotation.properties == {
        "file": "content/events/kennissessie-lectoraat-2027.md",
        "line": str(END_LINE),
        "title": "end",
    }
    assert annotation.message == "ligt vóór start (2027-01-15 16:00); het einde mag niet vóór het begin liggen"
    named = folder.parent / annotation.properties["file"]
    assert named.read_text(encoding="utf-8").splitlines()[END_LINE - 1] == "end: 2027-01-15 13:00"


def test_the_log_keeps_the_dutch_list_and_every_problem_in_it_is_one_annotation(content, run):
    sloppy = END_BEFORE_START.replace("kind: coppisch", "kind: lezing").replace("location:", "lokatie:")
    folder = content(events={"omgekeerd.md": END_BEFORE_START, "slordig.md": sloppy})

    code, out, err = run(folder, "--format", "github")
    text_code, _, text = run(folder)

    assert code == text_code == 1
    assert [line for line in (out + err).splitlines() if parse(line) is None] == text.splitlines()
    problems = listed(text)
    assert len(problems) == 3
    assert [
        (one.level, one.properties["file"], one.properties["line"], one.properties["title"], one.message)
        for one in annotations(out)
    ] == [("error", *problem) for problem in problems]


def test_a_problem_of_a_whole_file_is_an_annotation_without_a_line(content, run):
    folder = content()
    (folder / "site" / "partners.yml").unlink()

    code, out, _err = run(folder, "--format", "github")

    assert code == 1
    missing = [one for one in annotations(out) if one.properties.get("file") == "content/site/partners.yml"]
    assert [(one.level, one.properties, one.message) for one in missing] == [
        ("error", {"file": "content/site/partners.yml"}, "bestand ontbreekt; de site heeft het nodig")
    ]


def test_the_dutch_text_is_the_default_and_prints_no_workflow_command(content, run):
    folder = content(events={"omgekeerd.md": END_BEFORE_START})

    code, out, err = run(folder)

    assert code == 1
    assert annotations(out + err) == []
    assert err.splitlines() == [
        "De inhoud bevat 1 probleem; er is niets gepubliceerd:",
        "  content/events/omgekeerd.md:7: end: ligt vóór start (2027-01-15 16:00); het einde mag niet vóór het begin "
        "liggen",
    ]


def test_characters_that_would_end_a_command_or_start_another_are_escaped_and_read_back_as_written():
    message = "eerste regel\r\n::warning::nep, 100% %0A echt: ja"
    line = command("error", message, file="content/events/a,b:c%2C.md", line=3, title="x:y,z")
    assert len(line.splitlines()) == 1
    assert parse(line) == Annotation(
        "error", {"file": "content/events/a,b:c%2C.md", "line": "3", "title": "x:y,z"}, message
    )


def test_a_problem_reads_in_its_annotation_as_on_the_terminal_with_line_breaks_shown_not_made():
    problem = Problem("content/events/a,b.md", 3, "title", "tekst met\neen regeleinde en 50%")
    assert parse(problem_command(problem)) == Annotation(
        "error", {"file": "content/events/a,b.md", "line": "3", "title": "title"}, "tekst met\\neen regeleinde en 50%"
    )
    assert str(problem).endswith(": title: tekst met\\neen regeleinde en 50%")


def test_more_problems_than_github_shows_end_with_a_notice_that_the_log_has_them_all(content, run):
    events = {f"omgekeerd-{number:02}.md": END_BEFORE_START for number in range(SHOWN_PER_STEP + 2)}
    code, out, _err = run(content(events=events), "--format", "github")

    assert code == 1
    found = annotations(out)
    assert [one.level for one in found] == ["error"] * (SHOWN_PER_STEP + 2) + ["notice"]
    assert found[-1].properties == {"title": "Meer problemen"}
    assert found[-1].message == (
        f"Er zijn {SHOWN_PER_STEP + 2} problemen; GitHub zet er {SHOWN_PER_STEP} bij de bestanden. "
        "Alle problemen staan in het log van deze stap."
    )


def test_scheduled_items_are_notices_and_agenda_state_notes_are_annotations_on_the_state_file(content, run):
    scheduled = END_BEFORE_START.replace("published: 2026-11-01", "published: 2027-01-05").replace(
        "end: 2027-01-15 13:00", "end: 2027-01-15 18:00"
    )
    folder = content(events={"kennissessie-lectoraat-2027.md": scheduled})

    code, out, _err = run(folder, "--format", "github")
    _, text, _ = run(folder)

    assert code == 0
    assert [line for line in out.splitlines() if parse(line) is None] == text.splitlines()
    assert [(one.level, one.properties, one.message) for one in annotations(out)] == [
        (
            "notice",
            {"file": "content/events/kennissessie-lectoraat-2027.md", "title": "Gepland"},
            "gepland voor 5 januari 2027; de nachtelijke publicatie zet het op die dag op de site",
        ),
        (
            "notice",
            {"file": "content/site/agenda-state.yml", "title": "Geen actie nodig"},
            "kent het nieuwe evenement kennissessie-lectoraat-2027 nog niet; bij het publiceren werkt `cop agenda` dit "
            "vanzelf bij, zodat agenda-apps de wijziging overnemen.",
        ),
        (
            "notice",
            {"file": "content/site/agenda-state.yml", "title": "Let op"},
            next(line for line in text.splitlines() if line.startswith("Let op: ")).split(".yml ", 1)[1],
        ),
    ]


def test_a_missing_content_folder_is_an_annotation_too(tmp_path, run):
    code, out, err = run(tmp_path / "content", "--format", "github")

    assert code == 2
    (annotation,) = annotations(out)
    assert annotation.level == "error" and annotation.message == err.strip()
