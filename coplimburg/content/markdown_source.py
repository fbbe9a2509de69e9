"""Markdown as editors wrote it, before MkDocs renders it: the docs/ pages without their front matter, the lines
outside fenced code, and the ids Python-Markdown gives headings (what an anchor in a link may name)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_EXPLICIT_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
FENCE = re.compile(r"^\s*(```|~~~)")


def anchors(body: str) -> set[str]:
    """The ids Python-Markdown's toc gives the body's headings (with its `_1` for repeats), and explicit ids."""
    found: set[str] = set()
    for line in prose_lines(body):
        found.update(_EXPLICIT_ID.findall(line))
        heading = _HEADING.match(line)
        if not heading:
            continue
        text = heading.group(1)
        if explicit := _ATTR_ID.search(text):
            found.add(explicit.group(1))
            continue
        slug = slugify(re.sub(r"[*_`\[\]]|\(.*?\)", "", text), "-")
        candidate, number = slug, 0
        while candidate in found:
            number += 1
            candidate = f"{slug}_{number}"
        found.add(candidate)
    return found


def prose_lines(body: str) -> Iterator[str]:
    fenced = False
    for line in body.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield line


def slugify(text: str, separator: str) -> str:
    """Python-Markdown's toc slugify (markdown.extensions.toc), which gives headings their ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^\w\s-]", "", ascii_text).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, cleaned)


def docs_files(docs: Path) -> list[Path]:
    """Every file of docs/ that MkDocs publishes, in order: its default `exclude_docs` leaves out names starting
    with a dot and the folder templates/."""
    found = []
    for file in sorted(docs.rglob("*")) if docs.is_dir() else ():
        parts = file.relative_to(docs).parts
        hidden = any(part.startswith(".") for part in parts) or (len(parts) > 1 and parts[0] == "templates")
        if file.is_file() and not hidden:
            found.append(file)
    return found


def docs_pages(content: Path) -> dict[str, tuple[str, str, int]]:
    """docs/ pages by source: shown path, body without front matter, line of the body's first line."""
    docs = content.parent / "docs"
    found: dict[str, tuple[str, str, int]] = {}
    for file in (file for file in docs_files(docs) if file.suffix == ".md"):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        lines = text.splitlines(keepends=True)
        start = 0
        if lines and lines[0].rstrip() == "---":
            closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), None)
            start = closing + 1 if closing is not None else 0
        found[file.relative_to(docs).as_posix()] = (
            file.relative_to(content.parent).as_posix(),
            "".join(lines[start:]),
            start + 1,
        )
    return found
