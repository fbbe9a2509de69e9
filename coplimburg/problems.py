"""Content problems: one record per mistake an editor made, formatted as `path:line: field: message` in Dutch;
and notes, which `cop check` gives beside them: worth knowing, but no mistake."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # Escaped here as well as in describe(): a file name or field name can carry control characters too,
        # and a raw line feed or escape sequence would forge problem lines or clear the editor's terminal.
        path, field, message = visible(self.path, 300), visible(self.field, 200), visible(self.message, 600)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"


@dataclass(frozen=True)
class Note:
    """Not a problem but worth knowing, as `cop check` reports it beside the summary: `level` is "warning" or
    "notice" (GitHub's words for the two, coplimburg.editors.workflow_commands)."""

    level: Literal["warning", "notice"]
    path: str
    message: str
    # How the note starts, and its annotation's title; by default the level's (NOTE_LABELS).
    label: str = ""

    @property
    def title(self) -> str:
        return self.label or NOTE_LABELS[self.level]

    def __str__(self) -> str:
        return f"{self.title}: {visible(self.path, 300)} {visible(self.message, 600)}"


# How a note starts on an editor's terminal, and the title of its annotation on GitHub.
NOTE_LABELS = {"warning": "Waarschuwing", "notice": "Let op"}


class FieldError(ValueError):
    """A mistake that a check of a whole model (or of the schedule) finds in one of its fields: the loader reports
    it at `field`, beside the model's location, instead of at the model."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FieldErrors(ValueError):
    """Every FieldError one check of a whole model found: each is reported at its own field, so an editor sees them
    all in one run."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


def raise_found(errors: list[FieldError]) -> None:
    """Raise what a check across fields found: one FieldError as it is, several together."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise FieldErrors(errors)


class ContentError(Exception):
    """Raised with every problem found in one pass; its text is the list editors read."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    lines = [f"De inhoud bevat {counted(len(problems))}; er is niets gepubliceerd:"]
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines)


def counted(count: int) -> str:
    """'1 probleem', '2 problemen'."""
    return "1 probleem" if count == 1 else f"{count} problemen"


def suggestion(found: object, candidates: Iterable[str], limit: int = 3) -> str:
    """A Dutch 'did you mean' hint, or '' when nothing is close: the same name written otherwise (capitals, spaces
    for hyphens: 'Tafel 3' → tafel-3, 'Foto 1.JPG' → foto-1.jpg), else the close ones, else those that begin with
    what was written ('groot-klankbord' → groot-klankbord-2026)."""
    if not isinstance(found, str):
        return ""
    listed = list(candidates)
    matches = (
        [candidate for candidate in listed if _plain(candidate) == _plain(found)]
        or close_matches(found, listed)
        or sorted(candidate for candidate in listed if _plain(candidate).startswith(_plain(found).rstrip("/-") + "-"))
    )
    if not matches or not found.strip("/-"):
        return ""
    return "; bedoelde je " + " of ".join(matches[:limit]) + "?"


_SEPARATORS = re.compile(r"[\s_-]+")


def _plain(name: str) -> str:
    """A name without what editors vary when they mean the same: capitals, and spaces, underscores or hyphens."""
    return _SEPARATORS.sub("-", name.strip().lower())


# Control characters, line and paragraph separators, bidi overrides and isolates, lone surrogates (from
# undecodable file names): everything that moves the cursor, reorders text or cannot be printed.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
SHOWN_LENGTH = 80


def visible(text: str, limit: int | None = None) -> str:
    """Text safe to print on one terminal line: invisible characters as escapes (`\\n`, `\\x1b`), long
    text cut off after `limit` characters with '…'."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return _INVISIBLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _ESCAPES:
        return _ESCAPES[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def close_matches(found: str, candidates: list[str]) -> list[str]:
    """The candidates close to `found` (at most three), only those about as close as the closest: 'licence'
    suggests license, not also audiences."""
    scored = []
    for candidate in candidates:
        matcher = difflib.SequenceMatcher(None, found, candidate)
        if matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75 and matcher.ratio() >= 0.75:
            scored.append((matcher.ratio(), candidate))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [candidate for ratio, candidate in scored[:3] if ratio >= scored[0][0] - 0.05]


def describe(value: object) -> str:
    """How a found value reads to an editor: its kind in Dutch, then the value."""
    if value is None:
        return "niets (leeg veld)"
    if isinstance(value, bool):
        return f"ja/nee-waarde {str(value).lower()}"
    if isinstance(value, int):
        digits = str(value) if -(10**30) < value < 10**30 else "van meer dan 30 cijfers"
        return f"getal {digits}"
    if isinstance(value, float):
        return f"kommagetal {value}"
    if isinstance(value, str):
        return f"'{visible(value, SHOWN_LENGTH)}'" if value else "lege tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return repr(value)
