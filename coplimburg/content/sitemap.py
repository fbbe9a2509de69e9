"""What a link in a body may reach, as the content describes the site before it is built: the page sources
(`agenda/x.md`) with the anchors of their headings, the files that are published, and the site's own hosts."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from coplimburg.content.collections import COLLECTIONS, FILE_COLLECTIONS
from coplimburg.content.publication import show_scheduled
from coplimburg.content.source import Document
from coplimburg.urls import (
    AGENDA_ICS,
    EDITIONS_SOURCE,
    FEED_FILES,
    OUTPUTS_SOURCE,
    SUBSCRIBE_SOURCE,
    YEARS_SOURCE,
    asset_path,
    edition_source,
    item_source,
    year_source,
)

_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_EXPLICIT_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
FENCE = re.compile(r"^\s*(```|~~~)")
_FILE_NAMES = {*FEED_FILES.values()}


@dataclass
class SiteMap:
    """What a link may reach: page sources (`agenda/x.md`) with their anchors, and published files."""

    pages: dict[str, set[str] | None] = field(default_factory=dict)  # None: anchors unknown (generated page)
    files: set[str] = field(default_factory=set)
    own_hosts: set[str] = field(default_factory=set)
    content: Path = Path("content")
    # Item files as editors see them ("tables/tafel-3.md") → their site path, for links written from the file.
    by_file: dict[str, str] = field(default_factory=dict)
    # Pages of items held back until a later date (coplimburg.content.publication): not on the site yet.
    scheduled: dict[str, dt.date] = field(default_factory=dict)

    def page_for(self, path: str) -> str | None:
        """The page source a site path (`agenda/x/`, `agenda/x`, `agenda/x/index.html`, ``) is served from."""
        path = path.strip("/").removesuffix("index.html").removesuffix(".html").strip("/")
        for source in (f"{path}.md", f"{path}/index.md") if path else ("index.md",):
            if source in self.pages:
                return source
        return None

    def site_paths(self) -> list[str]:
        return sorted({url_of(source) for source in self.pages})


def url_of(source: str) -> str:
    """`agenda/x.md` → `/agenda/x/`, `agenda/index.md` → `/agenda/`, `index.md` → `/`."""
    stem = source.removesuffix(".md").removesuffix("index").strip("/")
    return f"/{stem}/" if stem else "/"


def site_map(content: Path, documents: Mapping[str, list[Document]], ids: Mapping[str, Any], today: dt.date) -> SiteMap:
    site = SiteMap(own_hosts=_own_hosts(content.parent / "mkdocs.yml"), content=content)
    for collection in COLLECTIONS.values():
        if collection.overview:
            site.pages[collection.overview.source] = None
        if not collection.items_are_files:
            for item_id in ids.get(collection.key, ()):
                site.pages[item_source(collection.key, item_id)] = None
    for key, listed in documents.items():
        for document in listed:
            site.pages[item_source(key, Path(document.path).stem)] = anchors(document.body)
            if (published := published_on(document)) and published > today and not show_scheduled():
                site.scheduled[item_source(key, Path(document.path).stem)] = published
            site.by_file[f"{FILE_COLLECTIONS[key].folder}/{Path(document.path).name}"] = url_of(
                item_source(key, Path(document.path).stem)
            )
            if key == "events":
                site.files.add(f"agenda/{Path(document.path).stem}.ics")
            if key == "tables":
                site.files.add(f"innovatietafels/{Path(document.path).stem}.ics")
            if key == "posts" and isinstance(document.data, dict) and document.data.get("published"):
                site.pages[edition_source(str(document.data["published"])[:7])] = None
    # An item whose file could not be read is a page all the same (its headings unknown until it can be read).
    for key in FILE_COLLECTIONS:
        for item_id in ids.get(key, ()):
            site.pages.setdefault(item_source(key, item_id), None)
    site.pages[SUBSCRIBE_SOURCE] = None
    site.pages[EDITIONS_SOURCE] = None
    # The year pages run from the first year with content to the build year (coplimburg.pages.years).
    site.pages[OUTPUTS_SOURCE] = None
    site.pages[YEARS_SOURCE] = None
    years = [day.year for listed in documents.values() for document in listed if (day := published_on(document))]
    for year in range(min(years, default=today.year), today.year + 1):
        site.pages[year_source(year)] = None
    site.files.add(AGENDA_ICS)
    for key, listed in documents.items():
        for document in listed:
            for relative in named_files(document):
                resolved = normalise(PurePosixPath(relative))
                if resolved:
                    site.files.add(asset_path(key, resolved))
    for source, (_shown, body, _line) in docs_pages(content).items():
        site.pages[source] = anchors(body)
    docs = content.parent / "docs"
    for file in docs.rglob("*") if docs.is_dir() else ():
        if file.is_file() and file.suffix != ".md":
            site.files.add(file.relative_to(docs).as_posix())
    return site


def named_files(document: Document) -> list[str]:
    """The files an item names in `image` and `files[].path`: only these are published (coplimburg.pages)."""
    data = document.data if isinstance(document.data, dict) else {}
    named = [data.get("image")]
    files = data.get("files")
    named += [entry.get("path") for entry in files if isinstance(entry, dict)] if isinstance(files, list) else []
    return [value for value in named if isinstance(value, str) and value]


def published_on(document: Document) -> dt.date | None:
    value = document.data.get("published") if isinstance(document.data, dict) else None
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


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


def is_feed(path: str, site: SiteMap) -> bool:
    """A feed file beside a page that has feeds: `/feed.xml`, `/agenda/feed.xml`, `/innovatietafels/x/atom.xml`."""
    file = PurePosixPath(path)
    return file.name in _FILE_NAMES and site.page_for(str(file.parent)) is not None


def normalise(path: PurePosixPath) -> str | None:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def docs_pages(content: Path) -> dict[str, tuple[str, str, int]]:
    """docs/ pages by source: shown path, body without front matter, line of the body's first line."""
    docs = content.parent / "docs"
    found: dict[str, tuple[str, str, int]] = {}
    for file in sorted(docs.rglob("*.md")) if docs.is_dir() else ():
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


def _own_hosts(mkdocs_yml: Path) -> set[str]:
    """The host of `site_url` in mkdocs.yml (with and without www.): links there are internal links."""
    try:
        text = mkdocs_yml.read_text(encoding="utf-8")
    except OSError:
        return set()
    match = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", text, re.MULTILINE)
    host = urlsplit(match.group(1)).hostname if match else None
    if not host:
        return set()
    bare = host.removeprefix("www.")
    return {bare, f"www.{bare}"}
