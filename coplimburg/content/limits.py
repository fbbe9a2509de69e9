"""Bounds on what one content file may ask of the loader, so that no file can crash, hang or exhaust it.

Every bound is far above what an editor writes by hand and far below what costs noticeable time or
memory; each refusal is a Dutch problem naming the file and the line.

- MAX_FILE_BYTES (1 MB): the largest real file is a few kB; 1 MB of YAML is ~25,000 lines, which the
  pure-Python parser reads in about a second. A 20 MB file is refused before a byte is parsed.
- MAX_DEPTH (32): the deepest real value is `groups[0].rows[0].who[0]` in matrix.yml (depth 6).
- MAX_ITEMS (1,000 per list or group): the longest real list is the partners list (a few dozen).
- MAX_NODES (20,000 values per file, counted with every `*alias` unfolded): real files hold a few
  hundred; an alias bomb (nine levels of nine = 387 million values) is refused after 20,000 steps
  instead of being built, and the pure-Python composer reads 20,000 values in about a second.
- libyaml composes only texts of at most FAST_LOADER_CHARACTERS (100,000) that cannot nest
  C_LOADER_DEPTH (5,000) levels deep: its composer recurses on the C stack and crashed the process
  somewhere above 20,000 levels, and it builds the whole tree before any bound is checked. Everything
  else goes to the pure-Python composer, which stops at the bounds while it reads.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import yaml

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_ITEMS = 1_000
MAX_NODES = 20_000
C_LOADER_DEPTH = 5_000
FAST_LOADER_CHARACTERS = 100_000
MAX_NUMBER_DIGITS = 30


class OverLimit(yaml.MarkedYAMLError):
    """Raised by the guarded composer at a bound (at MAX_DEPTH: long before Python's recursion limit)."""


def read_bounded(file: Path) -> bytes | str:
    """The bytes of a regular file (no symlink, no device) of at most MAX_FILE_BYTES, or why not (Dutch)."""
    try:
        info = file.lstat()
        if stat.S_ISLNK(info.st_mode):
            return "is een snelkoppeling (symlink); zet het bestand zelf hier neer"
        if not stat.S_ISREG(info.st_mode):
            return "is geen gewoon bestand; zet hier alleen tekstbestanden neer"
        if info.st_size > MAX_FILE_BYTES:
            return _too_large(info.st_size)
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as opened:
            raw = opened.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            return "de bestandsnaam is te lang; kies een kortere naam"
        return f"kan niet gelezen worden ({error.strerror or 'onbekende fout'})"
    if len(raw) > MAX_FILE_BYTES:
        return _too_large(len(raw))
    return raw


def _too_large(size: int) -> str:
    return (
        f"het bestand is te groot ({size:,} bytes, hoogstens {MAX_FILE_BYTES:,}); ".replace(",", ".")
        + "zet grote bijlagen in files/ en verwijs ernaar"
    )


def inside(file: Path, root: Path) -> bool:
    """Whether a file, with every symlink followed, lies inside root."""
    try:
        return file.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def fast_loader_safe(text: str) -> bool:
    """Whether libyaml may compose this text: small (so the whole tree costs little memory even before the
    bounds are checked) and unable to nest deep enough to crash it. Real content files are a few kB.

    Every flow collection opens with `[` or `{`; block collections nest at least one column deeper every
    two levels, and start at most one level per `-` or `?` on a line plus one mapping, so twice the longest
    line bounds their depth."""
    if len(text) > FAST_LOADER_CHARACTERS:
        return False
    longest = max(map(len, text.splitlines()), default=0)
    return text.count("[") + text.count("{") + 2 * (longest + 1) + 1 < C_LOADER_DEPTH


class GuardedLoader(yaml.SafeLoader):
    """PyYAML's safe loader that stops at the bounds while composing, so deep or long input is refused
    early instead of ending in a RecursionError or a long wait."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self._depth += 1
        self._nodes += 1
        try:
            if self._depth > MAX_DEPTH:
                self._refuse(_DEEP)
            if parent is not None and len(parent.value) >= MAX_ITEMS:
                kind = "groep" if isinstance(parent, yaml.MappingNode) else "lijst"
                self._refuse(_too_long(kind))
            if self._nodes > MAX_NODES:
                self._refuse(_MANY)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _refuse(self, message: str) -> None:
        raise OverLimit(None, None, message, self.peek_event().start_mark)  # type: ignore[no-untyped-call]


def _too_long(kind: str) -> str:
    return f"deze {kind} heeft meer dan {MAX_ITEMS} waarden; splits de inhoud op"


_DEEP = f"de waarden zijn dieper dan {MAX_DEPTH} niveaus genest; zo diep gaat geen veld"
_MANY = (
    f"het bestand bevat meer dan {MAX_NODES:,} waarden ".replace(",", ".")
    + "(verwijzingen met * meegeteld); verwijder de verwijzingen (& en *) en schrijf de waarden uit"
)


def tree_problem(root: yaml.Node) -> tuple[yaml.Node, str] | None:
    """The first node that breaks a bound (depth, list length, unfolded size, self-reference), with why.

    PyYAML's composer reuses the anchored node for every `*alias`, so unfolding happens only when the
    tree is walked: this walk is the one place that unfolds, and it stops at MAX_NODES."""
    budget = MAX_NODES
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, leaving = stack.pop()
        if leaving:
            on_path.discard(id(node))
            continue
        if id(node) in on_path:
            return node, "deze waarde bevat via een verwijzing (*) zichzelf; verwijder de verwijzing"
        if depth > MAX_DEPTH:
            return node, _DEEP
        budget -= 1
        if budget < 0:
            return node, _MANY
        if isinstance(node, yaml.ScalarNode):
            continue
        entries: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                entries += (key, value)
        else:
            entries = list(node.value)
        count = len(node.value)
        if count > MAX_ITEMS:
            kind = "groep" if isinstance(node, yaml.MappingNode) else "lijst"
            return node, _too_long(kind)
        on_path.add(id(node))
        stack.append((node, depth, True))
        stack += [(entry, depth + 1, False) for entry in reversed(entries)]
    return None
