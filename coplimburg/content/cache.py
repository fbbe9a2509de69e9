"""What reading and validating each content file gave, kept between runs in .cache/content/ as JSON, so content that
did not change is not parsed and checked again (`cop check`, every build, every preview rebuild).

An entry is used only for the very bytes it was made from, read by the very code that made it: its key is a hash
of the file's bytes, its path and model, and of every source file of the package with the versions of Python,
pydantic and PyYAML (`code_key`). An entry holds data only (the front matter as read, the lines of its values,
the problems found), never code: the item is made again by its model from that data, and any entry that does
not read back whole (corrupt, foreign, from other bytes or other code) is ignored and written anew. Deleting the
folder is always safe. The entries are as trustworthy as the checkout they sit in, so the publish workflow keeps
only the drawn files of .cache/ between runs (.github/workflows/publish.yml), never these.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core
import yaml

import coplimburg
from coplimburg.content.fields import Strict, validate
from coplimburg.content.limits import read_bounded
from coplimburg.content.source import Document, decode, parse_markdown, parse_yaml_file
from coplimburg.problems import Problem

# The folder beside mkdocs.yml where builds keep what they can reuse; deleting it is always safe.
FOLDER = ".cache"
# An entry is a few times its content file, which is at most limits.MAX_FILE_BYTES.
_MAX_ENTRY_BYTES = 20_000_000
# What a damaged or foreign entry can raise while it is read back; each makes it a miss.
_UNREADABLE = (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)


def cache_folder(root: Path, kind: str) -> Path:
    """Where the build beside `root`'s mkdocs.yml keeps one kind of file ('content', 'cards', 'images')."""
    return root / FOLDER / kind


@cache
def code_key(package: Path = Path(coplimburg.__file__).parent) -> str:
    """A hash of every source file of the package and of the versions that read content: a changed model,
    loader or check makes every entry a miss."""
    digest = hashlib.sha256()
    for file in sorted(package.rglob("*.py")):
        digest.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    versions = (
        sys.version,
        pydantic.VERSION,
        pydantic_core.__version__,
        yaml.__version__,
        hasattr(yaml, "CSafeLoader"),
    )
    digest.update(repr(versions).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Reading:
    """One content file as read and validated: its document (None when unreadable), its model (None when it has
    a problem) and the problems of this file alone."""

    document: Document | None
    value: Any
    problems: list[Problem]


class LoadCache:
    """The entries in `folder` (None: nothing is kept, every file is read). `read` gives a file's reading and
    `finish` removes the entries of files that were not read."""

    def __init__(self, folder: Path | None, code: str | None = None) -> None:
        self.folder = folder
        self.code = code if code is not None else code_key()
        self.used: set[str] = set()
        # How many files were read from their entry and how many were read anew, for tests and the benchmark.
        self.hits = 0
        self.misses = 0

    @classmethod
    def of_project(cls, root: Path) -> LoadCache:
        """The cache of the project whose mkdocs.yml is in `root`, as every build and `cop` command there uses it."""
        return cls(cache_folder(root, "content"))

    def read(self, file: Path, shown: str, model: type[Strict], item: bool) -> Reading:
        """`file` (shown to editors as `shown`) read and validated as `model`: an item (front matter and body,
        with its id and source) when `item`, else a site data file (YAML)."""
        raw = read_bounded(file)
        if isinstance(raw, str):
            return Reading(None, None, [Problem(shown, 0, "", raw)])
        if self.folder is None:
            return _fresh(raw, shown, model, item)
        name = hashlib.sha256(shown.encode("utf-8", "surrogateescape")).hexdigest()[:40] + ".json"
        self.used.add(name)
        key = self._key(raw, shown, model, item)
        found = self._recall(self.folder / name, key, raw, shown, model, item)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        reading = _fresh(raw, shown, model, item)
        self._keep(self.folder / name, key, reading)
        return reading

    def finish(self) -> None:
        """Remove the entries no file of this run used (files deleted or renamed since)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.suffix == ".json" and entry.name not in self.used:
                entry.unlink(missing_ok=True)

    def _key(self, raw: bytes, shown: str, model: type[Strict], item: bool) -> str:
        digest = hashlib.sha256(self.code.encode())
        kind = f"{model.__module__}.{model.__qualname__}:{'item' if item else 'data'}"
        for part in (kind.encode(), shown.encode("utf-8", "surrogateescape"), raw):
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest.hexdigest()

    def _recall(self, entry: Path, key: str, raw: bytes, shown: str, model: type[Strict], item: bool) -> Reading | None:
        """The reading an entry holds, made again from its data; None when it is missing, from other bytes or
        code, or does not read back whole."""
        try:
            if entry.is_symlink() or entry.stat().st_size > _MAX_ENTRY_BYTES:
                return None
            stored = json.loads(entry.read_bytes())
            if not isinstance(stored, dict) or stored.get("key") != key:
                return None
            problems = [
                Problem(str(path), int(line), str(name), str(text)) for path, line, name, text in stored["problems"]
            ]
            if stored["document"] is None:
                return Reading(None, None, problems)
            document = _document(stored["document"], raw, shown, item)
            value = (
                model.model_validate({**document.data, **_known(document, shown, item)}) if stored["valid"] else None
            )
            return Reading(document, value, problems)
        except _UNREADABLE:
            return None

    def _keep(self, entry: Path, key: str, reading: Reading) -> None:
        document = reading.document
        stored = {
            "key": key,
            "problems": [[one.path, one.line, one.field, one.message] for one in reading.problems],
            "valid": reading.value is not None,
            "document": None
            if document is None
            else {
                "data": document.data,
                "body_line": document.body_line,
                "body_length": len(document.body),
                "lines": [[list(location), line] for location, line in document.lines.items()],
                "reported": [list(location) for location in document.reported],
            },
        }
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            # A new file under a random name, renamed over the entry: a reader never sees half an entry, and a
            # name planted in the folder is never written through.
            with tempfile.NamedTemporaryFile("w", dir=entry.parent, suffix=".tmp", delete=False) as partial:
                json.dump(stored, partial, separators=(",", ":"))
            os.replace(partial.name, entry)
        except (OSError, ValueError):  # a read-only checkout, a full disk: the next run reads the file again
            return


def _document(stored: dict[str, Any], raw: bytes, shown: str, item: bool) -> Document:
    """The document of an entry; the body is the end of the file's own text, as parse_markdown takes it."""
    text, length = raw.decode("utf-8").removeprefix("\ufeff"), int(stored["body_length"])
    return Document(
        path=shown,
        data=stored["data"],
        body=text[len(text) - length :] if item and length else "",
        body_line=int(stored["body_line"]),
        lines={tuple(location): int(line) for location, line in stored["lines"]},
        reported={tuple(location) for location in stored["reported"]},
    )


def _fresh(raw: bytes, shown: str, model: type[Strict], item: bool) -> Reading:
    problems: list[Problem] = []
    text = decode(raw, shown, problems)
    if text is None:
        return Reading(None, None, problems)
    document = parse_markdown(text, shown, problems) if item else parse_yaml_file(text, shown, problems)
    if document is None:
        return Reading(None, None, problems)
    value = validate(model, document, problems, **_known(document, shown, item))
    return Reading(document, value, problems)


def _known(document: Document, shown: str, item: bool) -> dict[str, Any]:
    """What the loader tells an item's model besides its front matter: its id (the file name), source and body."""
    if not item:
        return {}
    return {
        "id": shown.rsplit("/", 1)[-1].removesuffix(".md"),
        "source": shown,
        "body": document.body,
        "body_line": document.body_line,
    }
