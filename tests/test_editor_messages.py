"""Messages that lead to the fix: a time alone, Dutch date and time forms, close suggestions only, apostrophes in
slugs, `cop` itself in Dutch, and the same messages in VS Code through a problem matcher."""

from __future__ import annotations

import json
import re

import pytest
from sitebuild import REPO

from coplimburg.content.loader import load
from coplimburg.content.slugs import slugify
from coplimburg.editors.cli import main
from coplimburg.editors.watch import BEGIN, END, watch
from coplimburg.problems import ContentError

EVENT = """---
title: Bijeenkomst
summary: Een bijeenkomst.
kind: overig
start: {start}
end: {end}
location: CHILL, Geleen
published: 2026-11-01
---
Tekst.
"""


def messages(content, start: str, end: str = "2027-01-28 17:00", **extra: str) -> dict[str, str]:
    root = content(events={"bijeenkomst.md": EVENT.format(start=start, end=end)}, **extra)
    with pytest.raises(ContentError) as caught:
        load(root)
    return {problem.field: problem.message for problem in caught.value.problems}


def test_a_time_alone_is_told_to_add_a_date_with_an_example(content):
    assert messages(content, "2027-01-28 13:00", "16:30") == {
        "end": "een tijd alleen (16:30) is niet genoeg: schrijf de datum erbij, zoals 2024-06-13 16:30"
    }


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("28-01-2027", "2027-01-28"),
        ("28-1-2027", "2027-01-28"),
        ("28-01-2027 14.00", "2027-01-28 14:00"),
        ("2027-01-28 14u", "2027-01-28 14:00"),
        ("2027-01-28 14.00", "2027-01-28 14:00"),
        ("28 januari 2027", "2027-01-28"),
        ("donderdag 28 januari 2027 om 14.00", "2027-01-28 14:00"),
        ("do 28 jan. 2027 14u", "2027-01-28 14:00"),
    ],
)
def test_dutch_date_and_time_forms_get_the_iso_form_as_suggestion(content, written, suggested):
    assert messages(content, written, "2027-01-28")["start"] == (
        f"verwacht een datum zoals 2024-06-13 of 2024-06-13 13:00, gekregen '{written}'; bedoelde je {suggested}?"
    )


@pytest.mark.parametrize("written", ["14.00", "14u"])
def test_a_dutch_time_alone_gets_an_example_with_a_date(content, written):
    assert messages(content, "2027-01-28 13:00", written)["end"].endswith(
        "een tijd alleen is niet genoeg: schrijf de datum erbij, zoals 2024-06-13 14:00"
    )


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("morgen", "'morgen'"),
        ("20270128", "getal 20270128"),
        ("14.30", "kommagetal 14.3"),
        ("[2027-01-28]", "een lijst"),
        ("true", "ja/nee-waarde true"),
    ],
)
def test_a_value_that_is_no_date_gets_the_same_message_whatever_type_yaml_gave_it(content, written, found):
    message = messages(content, written, "2027-01-28")["start"]
    assert message.startswith(f"verwacht een datum zoals 2024-06-13 of 2024-06-13 13:00, gekregen {found}")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("28-01-2027", "verwacht een datum zoals 2024-06-13, gekregen '28-01-2027'; bedoelde je 2027-01-28?"),
        (
            "28-01-2027 14.00",
            "verwacht een datum zoals 2024-06-13, gekregen '28-01-2027 14.00'; bedoelde je 2027-01-28?",
        ),
        ("2026-11-01 14:00", "verwacht alleen een datum zoals 2024-06-13, gekregen ook een tijd: '2026-11-01 14:00'"),
        ("2026-02-30", "2026-02-30 is geen bestaande datum"),
        ("20261101", "verwacht een datum zoals 2024-06-13, gekregen getal 20261101"),
    ],
)
def test_a_date_field_without_time_gets_the_same_messages_and_hints_as_one_with_time(content, written, message):
    event = EVENT.format(start="2027-01-28", end="2027-01-28").replace("published: 2026-11-01", f"published: {written}")
    with pytest.raises(ContentError) as caught:
        load(content(events={"bijeenkomst.md": event}))
    assert {problem.field: problem.message for problem in caught.value.problems} == {"published": message}


def test_a_date_written_out_in_a_date_only_field_gets_the_iso_form_as_suggestion(content):
    event = EVENT.format(start="2027-01-28 13:00", end="2027-01-28 17:00").replace("2026-11-01", "5 december 2026")
    with pytest.raises(ContentError) as caught:
        load(content(events={"bijeenkomst.md": event}))
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == (
        "published",
        "verwacht een datum zoals 2024-06-13, gekregen '5 december 2026'; bedoelde je 2026-12-05?",
    )


def test_a_misspelt_field_suggests_only_the_close_field(content):
    product = """---
title: Tool
summary: Een tool.
type: tool
licence: CC-BY-SA-4.0
published: 2026-11-01
---
Tekst.
"""
    root = content(coppyright={"tool.md": product})
    with pytest.raises(ContentError) as caught:
        load(root)
    assert {problem.field: problem.message for problem in caught.value.problems}["licence"] == (
        "onbekend veld; bedoelde je license?"
    )


def test_a_slug_drops_apostrophes():
    assert slugify("Nieuwe IBO's en de CoP’s") == "nieuwe-ibos-en-de-cops"


def test_cop_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("gebruik: cop")
    assert not re.search(r"\b(usage|options|positional arguments|show this help)\b", text)


def test_cop_errors_are_dutch(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["new", "evenment", "X"])
    assert stopped.value.code == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("cop new: fout: argument SOORT: ongeldige keuze 'evenment' (kies uit 'tafel', ")


@pytest.mark.parametrize(("word", "folder"), [("evenement", "events"), ("tafel", "tables"), ("nieuws", "news")])
def test_cop_new_takes_the_dutch_word_for_a_kind(content, capsys, word, folder):
    root = content()
    assert main(["new", word, "Een dag in Geleen", "--content", str(root)]) == 0
    assert (root / folder / "een-dag-in-geleen.md").is_file()


def vscode_matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    text = (REPO / ".vscode/tasks.json").read_text(encoding="utf-8")
    tasks = json.loads("\n".join(line for line in text.splitlines() if not line.strip().startswith("//")))["tasks"]
    [background] = [task for task in tasks if task.get("isBackground")]
    matcher = background["problemMatcher"]
    assert background["args"] == ["check", "--watch"]
    return re.compile(matcher["pattern"]["regexp"]), matcher["background"]


def test_vscode_reads_every_problem_line_of_cop_check_as_file_line_and_message(content, capsys, monkeypatch):
    root = content(events={"bijeenkomst.md": EVENT.format(start="28-01-2027", end="16:30")})
    monkeypatch.chdir(root.parent)
    watch(lambda: main(["check"]), [root], rounds=1)
    captured = capsys.readouterr()
    pattern, background = vscode_matcher()
    assert re.fullmatch(background["beginsPattern"], BEGIN) and re.fullmatch(background["endsPattern"], END)
    assert captured.out.splitlines() == [BEGIN, END]
    found = [match.groups() for line in captured.err.splitlines() if (match := pattern.match(line))]
    assert found == [
        (
            "content/events/bijeenkomst.md",
            "5",
            "start: verwacht een datum zoals 2024-06-13 of 2024-06-13 13:00, gekregen '28-01-2027'; "
            "bedoelde je 2027-01-28?",
        ),
        (
            "content/events/bijeenkomst.md",
            "6",
            "end: een tijd alleen (16:30) is niet genoeg: schrijf de datum erbij, zoals 2024-06-13 16:30",
        ),
    ]
