"""Reading the built site the way a browser or search engine would: parsed pages, their main content, JSON-LD."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from coplimburg.cms.admin import FOLDER as ADMIN_FOLDER

SITE_URL = "https://www.communityofpracticelimburg.nl/"


def page(site: Path, url_path: str) -> HtmlElement:
    """The parsed page at a site URL path such as 'agenda/groot-klankbord/' ('' is the home page)."""
    target = site / url_path
    if url_path == "" or url_path.endswith("/"):
        target = target / "index.html"
    return lxml.html.parse(str(target)).getroot()


def content(document: HtmlElement) -> HtmlElement:
    """The page's own content, without header, navigation and footer."""
    (inner,) = document.xpath('//article[contains(@class, "md-content__inner")]')
    return inner


def text(element: HtmlElement) -> str:
    """The visible text of an element with runs of white space collapsed."""
    return " ".join(element.text_content().split())


def lines(element: HtmlElement) -> list[str]:
    """The text of an element split where it has line breaks (`<br>`)."""
    return [" ".join(part.split()) for part in element.xpath("text()") if part.strip()]


def texts(elements: list[HtmlElement]) -> list[str]:
    return [text(element) for element in elements]


def facts(document: HtmlElement) -> dict[str, HtmlElement]:
    """The facts list of an item page (`dl.cop-facts`): term → its definition element."""
    (facts_list,) = content(document).xpath('.//dl[contains(@class, "cop-facts")]')
    terms = facts_list.xpath("./dt")
    return {text(term): term.getnext() for term in terms}


def resolve(url_path: str, href: str) -> str:
    """A relative link on the page at url_path as a site URL path ('agenda/groot-klankbord/')."""
    if urlsplit(href).scheme:
        return href
    return urlsplit(urljoin(SITE_URL + url_path, href)).path.lstrip("/")


def links(element: HtmlElement, url_path: str) -> list[str]:
    """Every link in an element as site URL paths (absolute links stay as they are)."""
    return [resolve(url_path, href) for href in element.xpath(".//a/@href")]


def link_labels(element: HtmlElement, url_path: str) -> dict[str, str]:
    """Link text → site URL path of every link in an element."""
    return {text(anchor): resolve(url_path, anchor.get("href")) for anchor in element.xpath(".//a[@href]")}


def json_ld(document: HtmlElement, of_type: str | None = None) -> list[dict[str, Any]]:
    """Every schema.org document on the page, a @graph flattened into its members; only those of one type if
    `of_type` names it (breadcrumbs sit beside every item's own document)."""
    found: list[dict[str, Any]] = []
    for script in document.xpath('//script[@type="application/ld+json"]'):
        data = json.loads(script.text)
        found += data.get("@graph", [data])
    if of_type is None:
        return found
    return [one for one in found if of_type in ([one["@type"]] if isinstance(one["@type"], str) else one["@type"])]


def html_files(site: Path) -> list[Path]:
    """The site's pages; the e-mail editions beside them are documents for mailers, tested with the feeds, and the
    browser editor at /admin/ is no page of the site (tests/test_cms_admin.py, tests/browser/test_cms_*.py)."""
    return sorted(
        path
        for path in site.rglob("*.html")
        if path.name in ("index.html", "404.html") and path.relative_to(site).parts[0] != ADMIN_FOLDER
    )


def url_path_of(site: Path, file: Path) -> str:
    """The URL path a built HTML file is served at."""
    relative = file.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def pagefind_fragments(site: Path) -> list[dict[str, Any]]:
    """Every page Pagefind indexed, as stored: url, content, meta (title, soort, datum, eindigt) and filters."""
    found = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        found.append(json.loads(data.removeprefix(b"pagefind_dcd")))
    return found
