"""The guide keeps working: every example front matter of an item page passes `cop check`, and the error example
"Alles tegelijk" in fouten.md is what `cop check` really prints for its file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import REPO

from coplimburg.content.loader import load
from coplimburg.editors.cli import main
from coplimburg.problems import ContentError

GUIDE = REPO / "docs-redactie"
FOLDERS = {"evenement.md": "events", "nieuws.md": "news", "product.md": "coppyright", "tafel.md": "tables"}
# Examples name ids and files of the production site, which the tests' sample does not have (nor should it).
PRODUCTION_ONLY = re.compile(r"onbekende? (partner|product|tafel) '|niet gevonden \(gezocht")


def examples() -> list[tuple[str, int, str, str]]:
    """(page, number, folder, front matter) of every YAML example that is a whole front matter."""
    found = []
    for page in [*FOLDERS, "formaat.md"]:
        text = (GUIDE / page).read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"```yaml\n(---\n.*?---\n)", text, re.DOTALL)):
            found.append((page, number, FOLDERS.get(page) or _folder(block), block))
    return found


def _folder(front: str) -> str:
    for field, folder in (("code", "tables"), ("start", "events"), ("type", "coppyright")):
        if re.search(rf"^{field}:", front, re.MULTILINE):
            return folder
    return "news"


@pytest.mark.parametrize(("page", "number", "folder", "front"), examples(), ids=lambda value: str(value)[:20])
def test_every_example_front_matter_in_the_guide_passes_the_check(project, page, number, folder, front):
    (project / "content" / folder / "gids-voorbeeld.md").write_text(front + "Tekst.\n", encoding="utf-8")
    try:
        load(project / "content")
    except ContentError as error:
        left = [str(problem) for problem in error.problems if not PRODUCTION_ONLY.search(problem.message)]
        assert left == [], f"{page} example {number}"


def test_the_all_at_once_example_in_fouten_md_is_the_real_output(project, capsys, monkeypatch):
    text = (GUIDE / "fouten.md").read_text(encoding="utf-8")
    section = text.split("## Alles tegelijk", 1)[1]
    source = re.search(r"```markdown\n(.*?)```", section, re.DOTALL)
    shown = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert source and shown
    (project / "content/events/alles-fout.md").write_text(source.group(1), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("COP_BUILD_DATE", "2026-11-28")
    assert main(["check"]) == 1
    printed = [line.strip() for line in capsys.readouterr().err.splitlines()[1:]]
    assert printed == shown.group(1).strip().splitlines()


def test_the_scheduled_example_in_fouten_md_is_the_real_output(project, capsys, monkeypatch):
    text = (GUIDE / "fouten.md").read_text(encoding="utf-8")
    section = text.split("## Gepland publiceren", 1)[1]
    shown = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert shown
    event = """---
title: Werksessie leerroutes
summary: Partners werken aan leerroutes.
kind: overig
start: 2027-01-28 14:00
end: 2027-01-28 16:30
location: CHILL, Geleen
published: 2027-01-15
---
Het programma volgt.
"""
    (project / "content/events/alles-fout.md").write_text(event, encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("COP_BUILD_DATE", "2026-11-28")
    assert main(["check"]) == 0
    expected = shown.group(1).rstrip("\n").splitlines()
    assert capsys.readouterr().out.splitlines()[1 : 1 + len(expected)] == expected


def test_the_guide_tells_one_way_to_move_an_event(tmp_path: Path):
    agenda = (GUIDE / "agenda.md").read_text(encoding="utf-8")
    event = (GUIDE / "evenement.md").read_text(encoding="utf-8")
    for page in (agenda, event):
        assert "previous_start" in page and "status: verplaatst" in page


def test_the_html_examples_in_fouten_md_are_the_real_output(project, capsys, monkeypatch):
    section = (GUIDE / "fouten.md").read_text(encoding="utf-8").split("## HTML in de tekst", 1)[1].split("\n## ")[0]
    source = re.search(r"```markdown\n(.*?)```", section, re.DOTALL)
    shown, others, _field = re.findall(r"```text\n(.*?)```", section, re.DOTALL)
    assert source
    post = project / "content/news/html-in-tekst.md"
    post.write_text(source.group(1), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("COP_BUILD_DATE", "2026-11-28")
    assert main(["check"]) == 1
    assert [line.strip() for line in capsys.readouterr().err.splitlines()[1:]] == shown.strip().splitlines()
    # The other messages, from one line holding each of their constructs.
    line_9 = (
        "<script>x</script><form></form><div id='__config'></div>"
        "<a href='https://www.leijgraaf.nl\\@evil.example/'>x</a>"
    )
    post.write_text("\n".join([*source.group(1).splitlines()[:8], line_9]) + "\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert [line.strip() for line in capsys.readouterr().err.splitlines()[1:]] == others.strip().splitlines()
