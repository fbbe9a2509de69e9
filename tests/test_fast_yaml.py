"""Front matter is composed by libyaml for speed, and reads exactly as with the pure-Python parser."""

from __future__ import annotations

import pytest
import yaml
from sitebuild import SAMPLE

from coplimburg.content import source
from coplimburg.problems import Problem


def read(text: str, loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader], monkeypatch) -> tuple[object, list[str]]:
    monkeypatch.setattr(source, "_FAST_LOADER", loader)
    problems: list[Problem] = []
    document = source.parse_yaml(text, "content/events/x.md", problems, first_line=2)
    found = (document.data, document.lines) if document else None
    return found, [str(problem) for problem in problems]


@pytest.mark.parametrize(
    "file", sorted([*SAMPLE.glob("content/*/*.md"), *SAMPLE.glob("content/site/*.yml")]), ids=lambda file: file.name
)
def test_libyaml_reads_every_sample_file_with_the_same_values_and_lines(file, monkeypatch):
    text = file.read_text("utf-8")
    if file.suffix == ".md":
        text = text.split("---\n")[1]
    assert read(text, yaml.CSafeLoader, monkeypatch) == read(text, yaml.SafeLoader, monkeypatch)


def test_the_yaml_traps_are_reported_alike_by_both_parsers(monkeypatch):
    text = "start: 13:00\nonline: no\ncode: 010\nversion: '1.10'\nnote: !foo x\n"
    fast = read(text, yaml.CSafeLoader, monkeypatch)
    assert fast == read(text, yaml.SafeLoader, monkeypatch)
    assert len(fast[1]) == 4


def test_a_yaml_error_keeps_the_dutch_hint_of_the_pure_python_parser(monkeypatch):
    _, problems = read("title: Tafel 3: afstemming\n", yaml.CSafeLoader, monkeypatch)
    assert problems == [
        "content/events/x.md:2: YAML-fout (kolom 15): waarschijnlijk een dubbele punt midden in een waarde: zet de "
        "waarde tussen aanhalingstekens; of een veld dat verder is ingesprongen dan het veld erboven"
    ]
