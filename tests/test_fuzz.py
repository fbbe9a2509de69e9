"""Mutated content never crashes or hangs the loader: every outcome is a valid site or Dutch problems with a place.

Property-based (hypothesis): a valid sample tree, one of its files mutated by byte flips, deleted or
repeated lines and YAML-meaningful insertions. `make test` runs the short profile (200 cases);
`make fuzz` runs the long one (HYPOTHESIS_PROFILE=long, 10,000 cases).
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_items import write_sample_items

from coplimburg.content.loader import load
from coplimburg.problems import ContentError, Problem

settings.register_profile(
    "short", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "short")
# A case may take this long at most (the slowest normal case takes well under a second); past it, a hang.
CASE_SECONDS = 10

FUZZED = [
    "events/kennissessie.md",
    "coppyright/blokkendoos.md",
    "tables/tafel-een.md",
    "news/nieuws.md",
    "site/partners.yml",
    "site/vocabularies.yml",
    "site/programme.yml",
    "site/matrix.yml",
]
SNIPPETS = [
    "&a ",
    "*a",
    "&a [*a]",
    "*onbekend",
    "<<: *a\n",
    "!!python/object/apply:os.system ['true'] ",
    "!!int ",
    "!!float ",
    "!!binary ",
    "!!set ",
    "!!timestamp ",
    "!onbekend ",
    "\t",
    '"',
    "'",
    ": ",
    "- ",
    "? ",
    "#",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "[" * 40,
    "{" * 40,
    "[" * 6_000,
    "- " * 3_000,
    "9" * 4_301,
    "1e999",
    "-.inf",
    ".nan",
    "0o17",
    "013",
    "13:00",
    "no",
    "~",
    "null",
    "\x00",
    "\x1b[2J",
    "\u202e",
    "\r",
    "\ufeff",
    "\u2028",
    "\\",
    "9999-12-31",
    "0001-01-01",
    "2024-02-30",
    "index",
    "../",
    "../site/partners.yml",
    "../events/kennissessie.md",
    "blokkendoos.md",
    "/etc/passwd",
    "https://",
    "a" * 300,
    "\n  - ",
    "\n    ",
]
# Problems about a file as a whole (its name, size, kind or absence) have no line; every other has one.
WHOLE_FILE = (
    "te groot",
    "bestandsnaam",
    "bestand ontbreekt",
    "snelkoppeling",
    "gewoon bestand",
    "gereserveerd",
    "buiten de map content/",
    "wordt niet gelezen",
    "kan niet gelezen worden",
)
ENGLISH = (
    "Input should",
    "Field required",
    "Extra inputs",
    "Value error",
    "String should",
    "validation error",
    "Error:",
)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class Originals(dict[str, bytes]):
    """The original bytes of the fuzzed files (shown briefly when hypothesis reports a failing case)."""

    def __repr__(self) -> str:
        return f"<{len(self)} sample files>"


@pytest.fixture
def tree(content: Callable[..., Path]) -> Iterator[tuple[Path, Originals]]:
    """A valid sample tree and the original bytes of the files the fuzzer mutates."""
    root = content()
    write_sample_items(root)
    load(root)  # the base is valid: every problem comes from a mutation
    yield root, Originals({relative: (root / relative).read_bytes() for relative in FUZZED})


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        lines = bytes(data).split(b"\n")
        line = draw(st.integers(0, len(lines) - 1))
        snippet = draw(st.sampled_from(SNIPPETS)).encode("utf-8")
        kind = draw(st.sampled_from(["flip", "delete", "repeat", "insert-line", "insert-anywhere", "value"]))
        if kind == "flip" and data:
            position = draw(st.integers(0, len(data) - 1))
            data[position] ^= draw(st.integers(1, 255))
        elif kind == "delete":
            data = bytearray(b"\n".join(lines[:line] + lines[line + 1 :]))
        elif kind == "repeat":
            data = bytearray(b"\n".join([*lines[: line + 1], lines[line], *lines[line + 1 :]]))
        elif kind == "insert-line":
            lines[line] = snippet + lines[line]
            data = bytearray(b"\n".join(lines))
        elif kind == "insert-anywhere":
            position = draw(st.integers(0, len(data)))
            data[position:position] = snippet
        elif b": " in lines[line]:
            lines[line] = lines[line].split(b": ", 1)[0] + b": " + snippet
            data = bytearray(b"\n".join(lines))
    return bytes(data)


class Hang(Exception):
    pass


def _hang(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"a case took more than {CASE_SECONDS} s")


def check_outcome(root: Path) -> list[Problem]:
    """Load the tree: a site or ContentError only (anything else fails the test, with its traceback)."""
    previous = signal.signal(signal.SIGALRM, _hang)
    signal.setitimer(signal.ITIMER_REAL, CASE_SECONDS)
    try:
        load(root)
        return []
    except ContentError as error:
        return error.problems
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@settings(settings.get_profile(PROFILE))
@given(data=st.data())
def test_mutated_content_gives_a_site_or_dutch_problems_with_a_place(
    tree: tuple[Path, Originals], data: st.DataObject
) -> None:
    root, originals = tree
    relative = data.draw(st.sampled_from(FUZZED), label="file")
    text = data.draw(mutated(originals[relative]), label="content")
    (root / relative).write_bytes(text)
    try:
        start = time.monotonic()
        problems = check_outcome(root)
        assert time.monotonic() - start < CASE_SECONDS
        printed = str(ContentError(problems)).splitlines() if problems else []
        assert len(printed) == len(problems) + (1 if problems else 0), printed
        for problem, line in zip(problems, printed[1:], strict=True):
            assert problem.path.startswith("content/"), problem
            assert problem.line > 0 or any(phrase in problem.message for phrase in WHOLE_FILE), problem
            assert not any(phrase in problem.message for phrase in ENGLISH), problem
            assert not _CONTROL.search(line), line
            assert line.startswith(f"  {problem.path}:{problem.line}: " if problem.line else f"  {problem.path}: ")
    finally:
        (root / relative).write_bytes(originals[relative])
