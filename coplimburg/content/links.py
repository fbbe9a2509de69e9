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
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from coplimburg.content.addresses import address_problem
from coplimburg.content.collections import FILE_COLLECTIONS
from coplimburg.content.markdown_source import FENCE, anchors, docs_pages
from coplimburg.content.publication import as_published_on, planned, scheduled, show_scheduled
from coplimburg.content.site import Site
from coplimburg.content.sitemap import ITEM, Page, SiteMap, named_file, site_map, url_of
from coplimburg.content.source import Document
from coplimburg.problems import Problem, suggestion
from coplimburg.urls import item_source

HOW_TO = "link naar een item met zijn sitepad, zoals [tekst](/agenda/<id>/)"
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")
_INLINE_CODE = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class Reach:
    """What a link may reach: the site as the build publishes it on its date (`now`), and as it will be once every
    scheduled item is out (`later`), both from coplimburg.content.sitemap.

    The map is made from the items that validated; an item that did not is still a page here, with the files it
    names, so a link to it is not reported as a second problem."""

    now: SiteMap
    later: SiteMap
    # Pages of items held back until a later date (coplimburg.content.publication): not on the site yet.
    scheduled: dict[str, dt.date]
    # Headings' ids by page source, for pages whose Markdown editors write (items, docs/); others accept any.
    bodies: dict[str, str]
    own_hosts: set[str]
    content: Path
    # Item files as editors see them ("tables/tafel-3.md") → their site path, for links written from the file.
    by_file: dict[str, str]

    def anchors(self, source: str) -> set[str] | None:
        return self._anchors.get(source)

    @cached_property
    def _anchors(self) -> dict[str, set[str]]:
        return {source: anchors(body) for source, body in self.bodies.items()}

    def seen_from(self, source: str) -> SiteMap:
        """The site a link in `source` must reach: a scheduled item's page links to the site of its own date."""
        return self.later if source in self.scheduled else self.now


def check_links(
    site: Site,
    documents: Mapping[str, list[Document]],
    today: dt.date,
    unreadable: Mapping[str, Collection[str]] | None = None,
) -> list[Problem]:
    """Every internal link of every item body (documents by collection key) and of every docs/ page. `site` holds
    the items that validated, scheduled ones included; `unreadable` the ids of item files that could not be read
    (a YAML error: a page all the same once fixed); `today` is the build date (what is scheduled after it, and which
    year pages exist)."""
    docs = docs_pages(site.content)
    reach = _reach(site, documents, docs, today, unreadable or {})
    problems: list[Problem] = []
    for key, listed in documents.items():
        for document in listed:
            source = item_source(key, Path(document.path).stem)
            file = f"{FILE_COLLECTIONS[key].folder}/{Path(document.path).name}"
            problems += _check_body(document.path, source, document.body, document.body_line, reach, file)
    for source, (shown, body, first_line) in docs.items():
        problems += _check_body(shown, source, body, first_line, reach, None)
    return problems


def _reach(
    site: Site,
    documents: Mapping[str, list[Document]],
    docs: Mapping[str, tuple[str, str, int]],
    today: dt.date,
    unreadable: Mapping[str, Collection[str]],
) -> Reach:
    held = {} if show_scheduled() else {item_source(one.collection, one.id): one.date for one in scheduled(site, today)}
    pending: dict[str, Page] = {}
    pending_files: dict[str, Path] = {}
    bodies = {source: body for source, (_shown, body, _line) in docs.items()}
    by_file: dict[str, str] = {}
    for key, listed in documents.items():
        for document in listed:
            item_id = Path(document.path).stem
            source = item_source(key, item_id)
            bodies[source] = document.body
            by_file[f"{FILE_COLLECTIONS[key].folder}/{Path(document.path).name}"] = url_of(source)
            if item_id not in site.items[key]:
                pending[source] = Page(source, ITEM, key, item_id)
                named = (_named(site, document, relative) for relative in _named_in(document))
                pending_files.update(found for found in named if found)
    for key, ids in unreadable.items():
        for item_id in ids:
            pending.setdefault(item_source(key, item_id), Page(item_source(key, item_id), ITEM, key, item_id))
    later = site_map(site, today)
    now = site_map(as_published_on(site, today, show=False), today) if held else later
    return Reach(
        now=replace(now, pages={**now.pages, **pending}, named={**now.named, **pending_files}),
        later=replace(later, pages={**later.pages, **pending}, named={**later.named, **pending_files}),
        scheduled=held,
        bodies=bodies,
        own_hosts=_own_hosts(site.content.parent / "mkdocs.yml"),
        content=site.content,
        by_file=by_file,
    )


def _named_in(document: Document) -> list[str]:
    """The files an item that did not validate names in `image` and `files[].path`: published once it does."""
    data = document.data if isinstance(document.data, dict) else {}
    named = [data.get("image")]
    files = data.get("files")
    named += [entry.get("path") for entry in files if isinstance(entry, dict)] if isinstance(files, list) else []
    return [value for value in named if isinstance(value, str) and value]


def _named(site: Site, document: Document, relative: str) -> tuple[str, Path] | None:
    try:
        return named_file(site.content, document.path, relative)
    except (OSError, ValueError):
        return None


def _check_body(
    shown: str, source: str, body: str, first_line: int, reach: Reach, file: str | None
) -> Iterator[Problem]:
    for offset, target in _links(body):
        message = _problem_with(target, source, reach, file)
        if message:
            yield Problem(shown, first_line + offset, "link", message)


def _links(body: str) -> Iterator[tuple[int, str]]:
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if FENCE.match(line):
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


def _problem_with(target: str, source: str, reach: Reach, file: str | None) -> str | None:
    """A Dutch message when the link reaches nothing on the site; None for a good or an external link, and for an
    address a browser reads otherwise, which coplimburg.content.rawhtml reports."""
    if address_problem(target):
        return None
    parts = urlsplit(target)
    external = parts.scheme not in ("http", "https", "") or parts.hostname not in reach.own_hosts
    if (parts.scheme or parts.netloc) and external:
        return None
    if "{{" in target or "{%" in target:
        return None  # a macro writes this link
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        return _anchor_problem(target, source, anchor, reach)
    site = reach.seen_from(source)
    absolute = path.startswith("/") or bool(parts.netloc)
    if message := _scheduled(target, _page_of(path, absolute, source, reach.later), source, reach, file):
        return message
    if absolute:
        if path.strip("/") in site.files:
            return None
        where = "op de site"
    else:
        base = PurePosixPath(source).parent if _is_file(path) else PurePosixPath(source.removesuffix(".md"))
        resolved = normalise(base / path)
        if resolved is None:
            return f"'{target}' wijst buiten de site; {HOW_TO}"
        if resolved in site.files:
            return None
        if _is_file(path) and not path.endswith(".md") and file and (unnamed := _unnamed(path, file, reach)):
            return unnamed
        where = f"vanaf {url_of(source)} (relatieve links tellen vanaf de pagina, niet vanaf het bestand)"
    page = _page_of(path, absolute, source, site)
    if page is None:
        hint = nearest(_as_site_path(path, source), site.site_paths()) or _from_file(path, file, reach)
        return f"'{target}' bestaat niet {where}{hint or '; ' + HOW_TO}"
    return _anchor_problem(target, page, anchor, reach)


def _page_of(path: str, absolute: bool, source: str, site: SiteMap) -> str | None:
    """The page source a link's path reaches from the page `source`, if any."""
    if absolute:
        return site.page_for(path)
    base = PurePosixPath(source).parent if _is_file(path) else PurePosixPath(source.removesuffix(".md"))
    resolved = normalise(base / path)
    if resolved is None:
        return None
    return resolved if resolved in site.pages else site.page_for(resolved) if not _is_file(path) else None


def _scheduled(target: str, page: str | None, source: str, reach: Reach, file: str | None) -> str | None:
    """A link to an item that appears later than the page it stands on: on the site it would lead nowhere until
    then."""
    day = reach.scheduled.get(page or "")
    own = reach.scheduled.get(source)
    if day is None or page == source or (own is not None and own >= day):
        return None
    instead = ", of plan dit item op of na die datum" if file else ""
    return (
        f"'{target}' gaat naar {url_of(page or '')}, dat pas op {planned(day)} verschijnt (gepland); "
        f"link ernaar vanaf die dag{instead}"
    )


def _anchor_problem(target: str, page: str, anchor: str, reach: Reach) -> str | None:
    known = reach.anchors(page)
    if not anchor or known is None or anchor in known:
        return None
    hint = nearest(anchor, sorted(known))
    if not hint:
        hint = "; een anker is de kop in kleine letters met koppeltekens, zoals #programma" if known else ""
        hint += "" if known else f"; {url_of(page)} heeft geen koppen"
    return f"'{target}': het anker #{anchor} bestaat niet op {url_of(page)}{hint}"


def _unnamed(path: str, file: str, reach: Reach) -> str | None:
    """A file that exists beside the item but that no item names, so it is never published."""
    relative = normalise(PurePosixPath(file).parent / path)
    if relative is None or not (reach.content / relative).is_file():
        return None
    return (
        f"'{path}' staat wel in content/, maar komt niet op de site: alleen bestanden die een item noemt in "
        "image of files worden gepubliceerd; noem het daar, of link er niet naar"
    )


def _from_file(path: str, file: str | None, reach: Reach) -> str:
    """The site path of an item that a relative link names as seen from the item's file (../tables/x.md)."""
    if file is None or path.startswith("/"):
        return ""
    resolved = normalise(PurePosixPath(file).parent / path)
    if resolved is None:
        return ""
    if resolved in reach.by_file:
        return f"; bedoelde je {reach.by_file[resolved]}?"
    match = difflib.get_close_matches(resolved, list(reach.by_file), n=1, cutoff=0.75)
    return f"; bedoelde je {reach.by_file[match[0]]}?" if match else ""


def nearest(found: str, candidates: list[str]) -> str:
    """'; bedoelde je X?' with the one closest candidate, only when it is close (coplimburg.problems.suggestion)."""
    return suggestion(found, candidates, limit=1)


def _is_file(path: str) -> bool:
    return bool(PurePosixPath(path).suffix) and not path.endswith("/")


def _as_site_path(path: str, source: str) -> str:
    if path.startswith("/"):
        return "/" + path.strip("/") + "/"
    resolved = normalise(PurePosixPath(source).parent / path) or path
    return url_of(resolved) if resolved.endswith(".md") else "/" + resolved.strip("/") + "/"


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
