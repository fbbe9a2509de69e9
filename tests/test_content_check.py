"""The sample content passes `cop check`, which prints a one-line summary."""

from __future__ import annotations

from conftest import REPO

from coplimburg.editors.cli import main


def test_the_sample_content_passes_the_check_with_a_summary_of_counts(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["check"]) == 0
    summary = capsys.readouterr().out.strip()
    assert summary.startswith("Inhoud in orde: 8 tafels,")


def test_a_summary_over_the_limit_is_reported_in_dutch_with_its_length(project, capsys):
    event = project / "content/events/groot-klankbord.md"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("summary: ", "summary: " + "Heel lang. " * 30, 1), encoding="utf-8")
    assert main(["check", "--content", str(project / "content")]) == 1
    problems = capsys.readouterr().err.splitlines()[1:]
    assert [line.split(": ", 2)[1:] for line in problems] == [
        ["summary", "te lang (489 tekens, hoogstens 300); houd het bij één of twee zinnen"]
    ]
