"""The sample content passes `cop check`, which prints a one-line summary; a problem is reported in Dutch."""

from __future__ import annotations

import yaml
from sitebuild import SAMPLE

from coplimburg.editors.cli import main


def test_the_sample_content_passes_the_check_with_a_summary_of_counts(capsys, monkeypatch):
    monkeypatch.chdir(SAMPLE)
    assert main(["check"]) == 0
    summary = capsys.readouterr().out.strip()
    count = {folder: len(list((SAMPLE / "content" / folder).glob("*.md"))) for folder in ("tables", "events", "news")}
    count["coppyright"] = len(list((SAMPLE / "content" / "coppyright").glob("*.md")))
    partners = yaml.safe_load((SAMPLE / "content" / "site" / "partners.yml").read_text(encoding="utf-8"))["partners"]
    assert summary == (
        f"Inhoud in orde: {count['tables']} tafels, {count['events']} evenementen, {count['coppyright']} producten, "
        f"{count['news']} nieuwsberichten, {len(partners)} partners."
    )


def test_a_summary_over_the_limit_is_reported_in_dutch_with_its_length(project, capsys):
    event = project / "content/events/coppisch-2025.md"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("summary: ", "summary: " + "Heel lang. " * 30, 1), encoding="utf-8")
    assert main(["check", "--content", str(project / "content")]) == 1
    problems = capsys.readouterr().err.splitlines()[1:]
    assert [line.split(": ", 2)[1:] for line in problems] == [
        ["summary", "te lang (406 tekens, hoogstens 300); houd het bij één of twee zinnen"]
    ]
