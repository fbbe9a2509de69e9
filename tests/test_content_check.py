"""The sample content passes `cop check`, which prints a one-line summary."""

from __future__ import annotations

from conftest import REPO

from coplimburg.cli import main


def test_the_sample_content_passes_the_check_with_a_summary_of_counts(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["check"]) == 0
    summary = capsys.readouterr().out.strip()
    assert summary.startswith("Inhoud in orde: 8 tafels,")
