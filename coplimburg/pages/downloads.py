"""Downloads and images that items name: where they are published and how a visitor sees their type and size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from coplimburg.content.documents import DOWNLOAD_KINDS
from coplimburg.content.sitemap import named_file
from coplimburg.dates import LOCALE


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
    found = named_file(content, item_source, relative)
    assert found is not None, f"{item_source}: {relative} leaves the collection's folder"
    url, source = found
    return Asset(source=source, url=url)


def human_size(size: int) -> str:
    """'12,3 kB' in Dutch notation."""
    if size < 1000:
        return f"{size} bytes"
    for unit, factor in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < factor * 1000:
            return f"{format_decimal(size / factor, format='#,##0.#', locale=LOCALE)} {unit}"
    return f"{format_decimal(size / 1e12, format='#,##0.#', locale=LOCALE)} TB"
