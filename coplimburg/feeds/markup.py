"""Item HTML made safe to travel: every URL absolute, no image from elsewhere, every image with alt text, and
nothing the allow-list of coplimburg.content.allowlist does not name, without the site's own presentation.

Feed readers and mailers show the HTML outside the site, where relative links break and active content
is stripped or, worse, run. The page body arrives cleaned already (coplimburg.pages.bodies); this is the stricter
last step: the same table without classes and styles, and images only from the item's own site, so a feed or
an e-mail never carries a tracking pixel.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import nh3
from lxml import html

from coplimburg.content.allowlist import ATTRIBUTES, DROPPED, LINK_SCHEMES, PAGE_ONLY, TAGS, attribute_problem

_URL_ATTRIBUTES = ("href", "src")


def portable_html(fragment: str, base_url: str) -> str:
    """`fragment` (a page body) cleaned for feeds and e-mail, relative links resolved against `base_url`; images
    from any other host than `base_url`'s are left out."""
    if not fragment.strip():
        return ""
    root = html.fragment_fromstring(fragment, create_parent="div")
    for element in list(root.iter(*DROPPED)):
        element.drop_tree()
    # The "¶" permalinks beside headings only make sense on the page itself.
    for anchor in root.find_class("headerlink"):
        anchor.drop_tree()
    host = urlsplit(base_url).netloc
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            if name.startswith("on") or name == "srcset":
                del element.attrib[name]
        for name in _URL_ATTRIBUTES:
            if name in element.attrib:
                _absolutize(element, name, base_url)
        if element.tag == "img" and urlsplit(element.get("src", "")).netloc != host:
            element.drop_tree()
        elif element.tag == "img" and "alt" not in element.attrib:
            element.set("alt", "")
    # Serialise the wrapper and peel it off, so text before the first element survives.
    cleaned = html.tostring(root, encoding="unicode").removeprefix("<div>").removesuffix("</div>")
    return sanitise(cleaned)


def sanitise(fragment: str) -> str:
    """`fragment` through the allow-list without the page-only attributes: every element, attribute and URL scheme
    not named there goes."""
    return _CLEANER.clean(fragment)


def _keep(tag: str, name: str, value: str) -> str | None:
    # Image addresses are absolute here, on the item's own site (portable_html checked the host).
    if name == "src":
        return value
    return value if attribute_problem(tag, name, value) is None else None


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED),
    attributes={tag: set(names - PAGE_ONLY) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_keep,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def _absolutize(element: html.HtmlElement, name: str, base_url: str) -> None:
    url = urljoin(base_url, element.attrib[name].strip())
    if urlsplit(url).scheme in LINK_SCHEMES:
        element.set(name, url)
    else:
        # javascript:, data: and the like: keep the text, lose the link.
        del element.attrib[name]
