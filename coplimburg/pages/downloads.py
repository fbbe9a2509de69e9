"""Downloads and images that items name: where they are published and how a visitor sees their type and size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from babel.numbers import format_decimal

from coplimburg.content.collections import by_folder
from coplimburg.content.documents import DOWNLOAD_KINDS
from coplimburg.dates import LOCALE
from coplimburg.urls import asset_path


@dataclass(frozen=True)
class Asset:
    """A file from content/ published on the site."""

    source: Path
    url: str

    @property
    def kind(self) -> str:
        """What a visitor reads beside the link, such as 'PDF' (every download is of a kind the check allows)."""
        return DOWNLOAD_KINDS[self.source.suffix.lower()].label

    @property
    def size(self) -> str:
        return human_size(self.source.stat().st_size)


def asset(content: Path, item_source: str, relative: str) -> Asset:
    """The published form of a path an item names (relative to the item file; checked by the loader)."""
    item_file = content.parent / item_source
    source = (item_file.parent / relative).resolve()
    folder = PurePosixPath(item_source).parts[1]
    collection = by_folder(folder)
    assert collection is not None, f"{item_source}: not in a collection's folder"
    inside = source.relative_to((content / folder).resolve()).as_posix()
    return Asset(source=source, url=asset_path(collection.key, inside))


def human_size(size: int) -> str:
    """'12,3 kB' in Dutch notation."""
    if size < 1000:
        return f"{size} bytes"
    for unit, factor in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < factor * 1000:
            return f"{format_decimal(size / factor, format='#,##0.#', locale=LOCALE)} {unit}"
    return f"{format_decimal(size / 1e12, format='#,##0.#', locale=LOCALE)} TB"
