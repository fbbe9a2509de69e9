"""One-line text has a length that fits the page, the social card, the feed and the e-mail: every one-line field of
every content and site-data model has a limit, and a value over it is a Dutch problem naming file, line and field.

The fields are found by walking the models (tests/hostile.py's `fill`), so a new field is covered without
touching this file.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from hostile import FIXED, MODELS, Hostile, fill, max_length
from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from coplimburg.content.fields import TITLE_LENGTH
from coplimburg.content.loader import load
from coplimburg.problems import ContentError, Problem

# Item files by content folder, with the model name tests/hostile.py gives them.
ITEMS = {"tables": "tables", "events": "events", "coppyright": "products", "news": "posts"}
# File paths are free text here: a path over its limit is refused before the file is looked for.
PATH_FIELDS = {"events.image", "products.image", "products.files[].path", "posts.image"}
TOO_LONG = re.compile(r"te lang \((\d+) tekens, hoogstens (\d+)\); (?P<advice>.+)")
ONE_LINE_ADVICE = {"kort de titel in", "kort de naam in", "kort de tekst in", "kort het pad in"}


def one_line(info: FieldInfo) -> bool:
    """Whether a text field takes a line of words but no line break (a summary takes both, an id neither)."""

    def takes(value: str) -> bool:
        try:
            TypeAdapter(typing.Annotated[info.annotation, info]).validate_python(value)  # type: ignore[name-defined]
        except ValidationError:
            return False
        return True

    return takes("twee woorden") and not takes("twee\nregels")


@dataclass
class OverLimit(Hostile):
    """Fills every text field with one character more than it takes; a mapping's keys are ids, not text."""

    unlimited: list[str] = field(default_factory=list)
    limits: dict[str, int] = field(default_factory=dict)
    fields: dict[str, FieldInfo] = field(default_factory=dict)

    def text(self, name: str, info: FieldInfo) -> str:
        self.count += 1
        marker = f"V{self.count:03d}"
        limit = max_length(info)
        if name.endswith("{key}"):
            value = f"{marker} sleutel"
        elif limit is None:
            self.unlimited.append(name)
            value = f"{marker} tekst"
        else:
            value = (marker + " " + "lang " * limit)[: limit + 1]
            self.limits[name], self.fields[name] = limit, info
        self.values[name] = value
        return value


def write_over_limit(content: Path) -> OverLimit:
    """Every item and site-data file with all its text fields filled by OverLimit, beside the sample's other files."""
    filler = OverLimit()
    fixed = {name: value for name, value in FIXED.items() if name not in PATH_FIELDS}
    for folder, name in ITEMS.items():
        front = yaml.safe_dump(fill(MODELS[name], name, filler, fixed), allow_unicode=True, width=10**6)
        (content / folder / f"{name}-a.md").write_text(f"---\n{front}---\nTekst.\n", encoding="utf-8")
    for name, model in MODELS.items():
        if name.endswith(".yml"):
            data = yaml.safe_dump(fill(model, name, filler, fixed), allow_unicode=True, width=10**6)
            (content / "site" / name).write_text(data, encoding="utf-8")
    return filler


def test_every_text_field_has_a_length_limit(content):
    filler = write_over_limit(content())
    assert len(filler.limits) > 30, "the walk over the models found too few fields"
    assert filler.unlimited == []


def test_every_text_over_its_limit_is_a_dutch_problem_naming_file_line_and_field(content):
    root = content()
    filler = write_over_limit(root)
    with pytest.raises(ContentError) as raised:
        load(root)
    problems = raised.value.problems
    for name, limit in filler.limits.items():
        value = filler.values[name]
        file, line = where(root, value)
        found = [problem for problem in problems if (problem.path, problem.line) == (file, line)]
        assert len(found) == 1, (name, file, line, found)
        (problem,) = found
        assert field_name(problem, filler) == name.removeprefix(f"{model_name(file)}."), problem
        match = TOO_LONG.fullmatch(problem.message)
        assert match, problem
        assert (int(match[1]), int(match[2])) == (len(value), limit)
        # A one-line text says what to shorten; a summary asks for one or two sentences.
        expected = ONE_LINE_ADVICE if one_line(filler.fields[name]) else {"houd het bij één of twee zinnen"}
        assert match["advice"] in expected, problem


def where(root: Path, value: str) -> tuple[str, int]:
    """The file (as problems name it) and the line that hold a value written by OverLimit."""
    for file in sorted(root.rglob("*")):
        if file.suffix in (".md", ".yml"):
            for number, text in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
                if value[:4] in text and value in text:
                    return file.relative_to(root.parent).as_posix(), number
    raise AssertionError(f"{value[:4]} is in no file")


def model_name(path: str) -> str:
    """The name tests/hostile.py gives the model of a file: 'content/news/posts-a.md' → 'posts'."""
    file = Path(path)
    return file.name if file.suffix == ".yml" else file.stem.removesuffix("-a")


def field_name(problem: Problem, filler: OverLimit) -> str:
    """A problem's field as tests/hostile.py names it: list positions as [], a mapping's keys as {}."""
    name = re.sub(r"\[\d+\]", "[]", problem.field)
    for written, value in filler.values.items():
        if written.endswith("{key}"):
            name = name.replace(f".{value}", "{}")
    return name


def test_a_title_over_the_limit_says_how_long_it_is_and_what_to_do(content):
    title = "Een titel die veel te lang is voor de deelafbeelding, de zoekresultaten en het voorbeeld in de mail"
    event = (
        "---\n"
        "summary: Een korte samenvatting.\n"
        f"title: {title}\n"
        "kind: overig\nstart: 2026-06-01 13:00\nonline: https://example.org/\n"
        "published: 2026-05-01\n---\n"
    )
    with pytest.raises(ContentError) as raised:
        load(content(events={"lange-titel.md": event}))
    assert [str(problem) for problem in raised.value.problems] == [
        f"content/events/lange-titel.md:3: title: te lang ({len(title)} tekens, hoogstens {TITLE_LENGTH}); "
        "kort de titel in"
    ]
