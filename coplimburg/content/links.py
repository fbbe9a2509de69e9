"""Links in bodies are content: every internal link of every item body and docs/ page must reach a page, file or
anchor of the site, or `cop check` names it, in Dutch, with the nearest valid target.

The documented way to link to an item is its site path, `[tekst](/agenda/<id>/)`, optionally with `#anker`;
relative `.md` links are resolved the way MkDocs resolves them (from the generated page, `agenda/<id>.md`),
and links to the site's own domain are checked like site paths. So content that passes the check never fails
the strict build on a link, and no English MkDocs warning reaches an editor.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from coplimburg.content.collections import COLLECTIONS, FILE_COLLECTIONS
from coplimburg.content.publication import planned, show_scheduled
from coplimburg.content.source import Document
from coplimburg.dates import build_date
from coplimburg.problems import Problem
from coplimburg.urls import (
    AGENDA_ICS,
    EDITIONS_SOURCE,
    FEED_FILES,
    SUBSCRIBE_SOURCE,
    asset_path,
    edition_source,
    item_source,
)

HOW_TO = "link naar een item met zijn sitepad, zoals [tekst](/agenda/<id>/)"
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_EXPLICIT_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`]*`")
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


def check_links(content: Path, documents: Mapping[str, list[Document]], ids: Mapping[str, Any]) -> list[Problem]:
    """Every internal link of every item body (documents by collection key) and of every docs/ page."""
    site = site_map(content, documents, ids)
    problems: list[Problem] = []
    for key, listed in documents.items():
        for document in listed:
            source = item_source(key, Path(document.path).stem)
            file = f"{FILE_COLLECTIONS[key].folder}/{Path(document.path).name}"
            problems += _check_body(document.path, source, document.body, document.body_line, site, file)
            problems += _scheduled_targets(document, source, site)
    for source, (shown, body, first_line) in _docs_pages(content).items():
        problems += _check_body(shown, source, body, first_line, site, None)
    return problems


def site_map(content: Path, documents: Mapping[str, list[Document]], ids: Mapping[str, Any]) -> SiteMap:
    site = SiteMap(own_hosts=_own_hosts(content.parent / "mkdocs.yml"), content=content)
    today = build_date()
    for collection in COLLECTIONS.values():
        if collection.overview:
            site.pages[collection.overview.source] = None
        if not collection.items_are_files:
            for item_id in ids.get(collection.key, ()):
                site.pages[item_source(collection.key, item_id)] = None
    for key, listed in documents.items():
        for document in listed:
            site.pages[item_source(key, Path(document.path).stem)] = anchors(document.body)
            if (published := _published(document)) and published > today and not show_scheduled():
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
    site.pages[SUBSCRIBE_SOURCE] = None
    site.pages[EDITIONS_SOURCE] = None
    site.files.add(AGENDA_ICS)
    for key, listed in documents.items():
        for document in listed:
            for relative in _named_files(document):
                resolved = _normalise(PurePosixPath(relative))
                if resolved:
                    site.files.add(asset_path(key, resolved))
    for source, (_shown, body, _line) in _docs_pages(content).items():
        site.pages[source] = anchors(body)
    docs = content.parent / "docs"
    for file in docs.rglob("*") if docs.is_dir() else ():
        if file.is_file() and file.suffix != ".md":
            site.files.add(file.relative_to(docs).as_posix())
    return site


def _named_files(document: Document) -> list[str]:
    """The files an item names in `image` and `files[].path`: only these are published (coplimburg.pages)."""
    data = document.data if isinstance(document.data, dict) else {}
    named = [data.get("image")]
    files = data.get("files")
    named += [entry.get("path") for entry in files if isinstance(entry, dict)] if isinstance(files, list) else []
    return [value for value in named if isinstance(value, str) and value]


def _published(document: Document) -> dt.date | None:
    value = document.data.get("published") if isinstance(document.data, dict) else None
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _scheduled_targets(document: Document, source: str, site: SiteMap) -> Iterator[Problem]:
    """Links to items that appear later than this one: on the site they would lead nowhere until then."""
    if not site.scheduled:
        return
    own = _published(document)
    for offset, target in _links(document.body):
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https", "") or (parts.netloc and parts.hostname not in site.own_hosts):
            continue
        path = unquote(parts.path)
        if not path:
            continue
        if path.startswith("/") or parts.netloc:
            page = site.page_for(path)
        else:
            resolved = _normalise(PurePosixPath(source).parent / path) if path.endswith(".md") else None
            page = resolved if resolved in site.pages else None
        day = site.scheduled.get(page or "")
        if day and page != source and (own is None or own < day):
            yield Problem(
                document.path,
                document.body_line + offset,
                "link",
                f"'{target}' gaat naar {url_of(page or '')}, dat pas op {planned(day)} verschijnt (gepland); "
                "link ernaar vanaf die dag, of plan dit item op of na die datum",
            )


def anchors(body: str) -> set[str]:
    """The ids Python-Markdown's toc gives the body's headings (with its `_1` for repeats), and explicit ids."""
    found: set[str] = set()
    for line in _prose_lines(body):
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


def _check_body(
    shown: str, source: str, body: str, first_line: int, site: SiteMap, file: str | None
) -> Iterator[Problem]:
    for offset, target in _links(body):
        message = _problem_with(target, source, site, file)
        if message:
            yield Problem(shown, first_line + offset, "link", message)


def _links(body: str) -> Iterator[tuple[int, str]]:
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or line.startswith("    "):
            continue
        text = _INLINE_CODE.sub("", line)
        for pattern in (_LINK, _HREF):
            for match in pattern.finditer(text):
                yield offset, match.group(1)
        if definition := _DEFINITION.match(text):
            yield offset, definition.group(1)


def _prose_lines(body: str) -> Iterator[str]:
    fenced = False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield line


def _problem_with(target: str, source: str, site: SiteMap, file: str | None) -> str | None:
    """A Dutch message when the link reaches nothing on the site; None for a good or an external link."""
    parts = urlsplit(target)
    external = parts.scheme not in ("http", "https", "") or parts.hostname not in site.own_hosts
    if (parts.scheme or parts.netloc) and external:
        return None
    if "{{" in target or "{%" in target:
        return None  # a macro writes this link
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        return _anchor_problem(target, source, anchor, site)
    if path.startswith("/") or parts.netloc:
        page = site.page_for(path)
        if page is None and (path.strip("/") in site.files or _is_feed(path, site)):
            return None
        where = "op de site"
    else:
        base = PurePosixPath(source).parent if _is_file(path) else PurePosixPath(source.removesuffix(".md"))
        resolved = _normalise(base / path)
        if resolved is None:
            return f"'{target}' wijst buiten de site; {HOW_TO}"
        if resolved in site.files:
            return None
        if _is_file(path) and not path.endswith(".md") and file and (unnamed := _unnamed(path, file, site)):
            return unnamed
        page = resolved if resolved in site.pages else site.page_for(resolved) if not _is_file(path) else None
        where = f"vanaf {url_of(source)} (relatieve links tellen vanaf de pagina, niet vanaf het bestand)"
    if page is None:
        hint = nearest(_as_site_path(path, source), site.site_paths()) or _from_file(path, file, site)
        return f"'{target}' bestaat niet {where}{hint or '; ' + HOW_TO}"
    return _anchor_problem(target, page, anchor, site)


def _anchor_problem(target: str, page: str, anchor: str, site: SiteMap) -> str | None:
    known = site.pages.get(page)
    if not anchor or known is None or anchor in known:
        return None
    hint = nearest(anchor, sorted(known))
    if not hint:
        hint = "; een anker is de kop in kleine letters met koppeltekens, zoals #programma" if known else ""
        hint += "" if known else f"; {url_of(page)} heeft geen koppen"
    return f"'{target}': het anker #{anchor} bestaat niet op {url_of(page)}{hint}"


def _unnamed(path: str, file: str, site: SiteMap) -> str | None:
    """A file that exists beside the item but that no item names, so it is never published."""
    relative = _normalise(PurePosixPath(file).parent / path)
    if relative is None or not (site.content / relative).is_file():
        return None
    return (
        f"'{path}' staat wel in content/, maar komt niet op de site: alleen bestanden die een item noemt in "
        "image of files worden gepubliceerd; noem het daar, of link er niet naar"
    )


def _from_file(path: str, file: str | None, site: SiteMap) -> str:
    """The site path of an item that a relative link names as seen from the item's file (../tables/x.md)."""
    if file is None or path.startswith("/"):
        return ""
    resolved = _normalise(PurePosixPath(file).parent / path)
    if resolved is None:
        return ""
    if resolved in site.by_file:
        return f"; bedoelde je {site.by_file[resolved]}?"
    match = difflib.get_close_matches(resolved, list(site.by_file), n=1, cutoff=0.75)
    return f"; bedoelde je {site.by_file[match[0]]}?" if match else ""


def nearest(found: str, candidates: list[str]) -> str:
    """'; bedoelde je X?' with the one closest candidate, only when it is close."""
    match = difflib.get_close_matches(found, candidates, n=1, cutoff=0.75)
    return f"; bedoelde je {match[0]}?" if match else ""


def slugify(text: str, separator: str) -> str:
    """Python-Markdown's toc slugify (markdown.extensions.toc), which gives headings their ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^\w\s-]", "", ascii_text).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, cleaned)


def _is_feed(path: str, site: SiteMap) -> bool:
    """A feed file beside a page that has feeds: `/feed.xml`, `/agenda/feed.xml`, `/innovatietafels/x/atom.xml`."""
    file = PurePosixPath(path)
    return file.name in _FILE_NAMES and site.page_for(str(file.parent)) is not None


def _is_file(path: str) -> bool:
    return bool(PurePosixPath(path).suffix) and not path.endswith("/")


def _normalise(path: PurePosixPath) -> str | None:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def _as_site_path(path: str, source: str) -> str:
    if path.startswith("/"):
        return "/" + path.strip("/") + "/"
    resolved = _normalise(PurePosixPath(source).parent / path) or path
    return url_of(resolved) if resolved.endswith(".md") else "/" + resolved.strip("/") + "/"


def _docs_pages(content: Path) -> dict[str, tuple[str, str, int]]:
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
