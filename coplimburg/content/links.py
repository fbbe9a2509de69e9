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
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from coplimburg.content.addresses import address_problem
from coplimburg.content.collections import FILE_COLLECTIONS
from coplimburg.content.publication import planned
from coplimburg.content.sitemap import (
    FENCE,
    SiteMap,
    docs_pages,
    is_feed,
    normalise,
    published_on,
    site_map,
    url_of,
)
from coplimburg.content.source import Document
from coplimburg.problems import Problem, suggestion
from coplimburg.urls import item_source

HOW_TO = "link naar een item met zijn sitepad, zoals [tekst](/agenda/<id>/)"
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")
_INLINE_CODE = re.compile(r"`[^`]*`")


def check_links(
    content: Path, documents: Mapping[str, list[Document]], ids: Mapping[str, Any], today: dt.date
) -> list[Problem]:
    """Every internal link of every item body (documents by collection key) and of every docs/ page; `today` is
    the build date (what is scheduled after it, and which year pages exist)."""
    site = site_map(content, documents, ids, today)
    problems: list[Problem] = []
    for key, listed in documents.items():
        for document in listed:
            source = item_source(key, Path(document.path).stem)
            file = f"{FILE_COLLECTIONS[key].folder}/{Path(document.path).name}"
            problems += _check_body(document.path, source, document.body, document.body_line, site, file)
            problems += _scheduled_targets(document, source, site)
    for source, (shown, body, first_line) in docs_pages(content).items():
        problems += _check_body(shown, source, body, first_line, site, None)
    return problems


def _scheduled_targets(document: Document, source: str, site: SiteMap) -> Iterator[Problem]:
    """Links to items that appear later than this one: on the site they would lead nowhere until then."""
    if not site.scheduled:
        return
    own = published_on(document)
    for offset, target in _links(document.body):
        if address_problem(target):
            continue  # coplimburg.content.rawhtml reports it
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https", "") or (parts.netloc and parts.hostname not in site.own_hosts):
            continue
        path = unquote(parts.path)
        if not path:
            continue
        if path.startswith("/") or parts.netloc:
            page = site.page_for(path)
        else:
            resolved = normalise(PurePosixPath(source).parent / path) if path.endswith(".md") else None
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


def _problem_with(target: str, source: str, site: SiteMap, file: str | None) -> str | None:
    """A Dutch message when the link reaches nothing on the site; None for a good or an external link, and for an
    address a browser reads otherwise, which coplimburg.content.rawhtml reports."""
    if address_problem(target):
        return None
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
        if page is None and (path.strip("/") in site.files or is_feed(path, site)):
            return None
        where = "op de site"
    else:
        base = PurePosixPath(source).parent if _is_file(path) else PurePosixPath(source.removesuffix(".md"))
        resolved = normalise(base / path)
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
    relative = normalise(PurePosixPath(file).parent / path)
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
    resolved = normalise(PurePosixPath(file).parent / path)
    if resolved is None:
        return ""
    if resolved in site.by_file:
        return f"; bedoelde je {site.by_file[resolved]}?"
    match = difflib.get_close_matches(resolved, list(site.by_file), n=1, cutoff=0.75)
    return f"; bedoelde je {site.by_file[match[0]]}?" if match else ""


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
