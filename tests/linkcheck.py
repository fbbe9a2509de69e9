"""Every link a built site makes to itself: relative links and links to its own domain, in pages, feeds and
e-mails, each checked against the files of the build. Shared by the sample-site test and the production test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

SITE_HOST = "www.communityofpracticelimburg.nl"
_LINK_ATTRIBUTES = ("href", "src", "action", "poster")
_NOT_LINKS = ("mailto:", "tel:", "data:", "javascript:", "tag:", "urn:")


def broken_links(site: Path, site_url: str) -> list[str]:
    """'file: link' for every internal link that names no file of the build, sorted."""
    broken = set()
    for file, base, link in links_in(site, site_url):
        path = own_path(link, base, site_url)
        if path is not None and not _exists(site, path):
            broken.add(f"{file.relative_to(site).as_posix()}: {link}")
    return sorted(broken)


def links_in(site: Path, site_url: str) -> Iterator[tuple[Path, str, str]]:
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        base = site_url + file.relative_to(site).as_posix()
        if file.suffix == ".html":
            document = lxml.html.parse(str(file)).getroot()
            if document is not None:
                yield from ((file, base, link) for link in _html_links(document))
        elif file.suffix == ".xml":
            yield from ((file, base, link) for link in _xml_links(lxml.etree.parse(str(file)).getroot()))
        elif file.suffix == ".json":
            yield from ((file, base, link) for link in _json_links(json.loads(file.read_text(encoding="utf-8"))))


def _html_links(element: Any) -> Iterator[str]:
    for attribute in _LINK_ATTRIBUTES:
        yield from element.xpath(f".//@{attribute}")


def _fragment_links(text: str) -> Iterator[str]:
    """Links inside HTML carried as text (feed content, JSON Feed `content_html`)."""
    if "<" in text:
        yield from _html_links(lxml.html.fragment_fromstring(text, create_parent="div"))


def _xml_links(root: Any) -> Iterator[str]:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        yield from (value for name, value in element.attrib.items() if name in (*_LINK_ATTRIBUTES, "url"))
        text = (element.text or "").strip()
        if text.startswith(("http://", "https://", "webcal://")):
            yield text
        elif text:
            yield from _fragment_links(text)


def _json_links(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for one in value.values():
            yield from _json_links(one)
    elif isinstance(value, list):
        for one in value:
            yield from _json_links(one)
    elif isinstance(value, str):
        if value.startswith(("http://", "https://", "webcal://")):
            yield value
        else:
            yield from _fragment_links(value)


def own_path(link: str, base: str, site_url: str) -> str | None:
    """The site path a link points to, or None when it leaves the site (or is no link to a file at all)."""
    link = link.strip()
    if not link or link.startswith("#") or link.lower().startswith(_NOT_LINKS):
        return None
    if link.startswith("webcal://"):
        link = "https://" + link.removeprefix("webcal://")
    parts = urlsplit(urljoin(base, link))
    if parts.scheme not in ("http", "https") or parts.netloc != SITE_HOST:
        return None
    return parts.path.removeprefix(urlsplit(site_url).path)


def _exists(site: Path, path: str) -> bool:
    target = site / path
    if path == "" or path.endswith("/"):
        return (target / "index.html").is_file()
    return target.is_file() or (target / "index.html").is_file()
