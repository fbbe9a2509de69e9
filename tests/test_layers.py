"""The package's layers, read from its imports (every import statement, those for type checking and inside
functions included): no module imports itself through others, the agenda knows no content model, dates.py knows
nothing of the package, and a check across fields names its field as data, not in its text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pydantic import model_validator
from sitebuild import REPO

from coplimburg.content.fields import Strict, validate
from coplimburg.content.source import Document
from coplimburg.problems import FieldError, Problem

PACKAGE = REPO / "coplimburg"


def module_name(file: Path) -> str:
    return ".".join(file.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")


MODULES = {module_name(file): file for file in PACKAGE.rglob("*.py")}


def imports_of(file: Path) -> set[str]:
    """The package's modules that `file` imports anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name in MODULES and name != module_name(file)}


GRAPH = {name: imports_of(file) for name, file in MODULES.items()}


def cycle_from(start: str) -> list[str]:
    """A path of imports from `start` back to itself, if there is one."""
    paths = [[start]]
    seen = set()
    while paths:
        path = paths.pop()
        for name in sorted(GRAPH[path[-1]]):
            if name == start:
                return [*path, name]
            if name not in seen:
                seen.add(name)
                paths.append([*path, name])
    return []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_itself_through_others(module):
    assert cycle_from(module) == []


def test_the_cycle_check_finds_a_cycle(monkeypatch):
    monkeypatch.setitem(GRAPH, "coplimburg.dates", {"coplimburg.agenda.schedule"})
    assert cycle_from("coplimburg.dates") == ["coplimburg.dates", "coplimburg.agenda.schedule", "coplimburg.dates"]


@pytest.mark.parametrize("module", sorted(name for name in MODULES if name.startswith("coplimburg.agenda")))
def test_the_agenda_imports_only_itself_dates_and_problems(module):
    allowed = {"coplimburg.dates", "coplimburg.problems"}
    assert {name for name in GRAPH[module] if not name.startswith("coplimburg.agenda")} <= allowed


def test_dates_imports_nothing_from_the_package():
    assert GRAPH["coplimburg.dates"] == set()


class Pair(Strict):
    first: int
    second: int

    @model_validator(mode="after")
    def _ordered(self) -> Pair:
        if self.second < self.first:
            raise FieldError("second", "ligt vóór first: zo kan het niet")
        if self.second == self.first:
            raise ValueError("second: gelijk aan first")  # plain text: never taken apart
        return self


def problems_of(data: dict[str, int]) -> list[Problem]:
    problems: list[Problem] = []
    document = Document("paar.yml", data, lines={("first",): 2, ("second",): 3})
    validate(Pair, document, problems)
    return problems


def test_a_check_across_fields_is_reported_at_the_field_it_names():
    assert problems_of({"first": 2, "second": 1}) == [
        Problem("paar.yml", 3, "second", "ligt vóór first: zo kan het niet")
    ]


def test_a_plain_message_that_looks_like_field_and_text_is_not_taken_apart():
    assert problems_of({"first": 2, "second": 2}) == [Problem("paar.yml", 1, "", "second: gelijk aan first")]
