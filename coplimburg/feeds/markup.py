"""Item HTML made safe to travel: every URL absolute, no scripts, forms or frames, every image with alt text.

Feed readers and mailers show the HTML outside the site, where relative links break and active content
is stripped or, worse, run. The last step is an allow-list sanitiser (nh3, Rust's ammonia): only plain
text markup survives it, so SVG and MathML links, `<meta http-equiv>` and event attributes cannot.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import nh3
from lxml import html

# Elements a feed reader or mailer must never receive; their content goes with them.
_DROPPED = ("script", "noscript", "style", "form", "iframe", "frame", "frameset", "object", "embed", "template")
_URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action")
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# What Python-Markdown with our extensions writes, and nothing that runs, loads or navigates by itself.
_TAGS = set(nh3.ALLOWED_TAGS)
_ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"title", "lang", "dir"},
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}


def portable_html(fragment: str, base_url: str) -> str:
    """`fragment` (a page body) cleaned for feeds and e-mail, relative links resolved against `base_url`."""
    if not fragment.strip():
        return ""
    root = html.fragment_fromstring(fragment, create_parent="div")
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    # The "¶" permalinks beside headings only make sense on the page itself.
    for anchor in root.find_class("headerlink"):
        anchor.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            if name.startswith("on") or name == "srcset":
                del element.attrib[name]
        for name in _URL_ATTRIBUTES:
            if name in element.attrib:
                _absolutize(element, name, base_url)
        if element.tag == "img" and "alt" not in element.attrib:
            element.set("alt", "")
    # Serialise the wrapper and peel it off, so text before the first element survives.
    cleaned = html.tostring(root, encoding="unicode").removeprefix("<div>").removesuffix("</div>")
    return sanitise(cleaned)


def sanitise(fragment: str) -> str:
    """`fragment` through the allow-list: every element, attribute and URL scheme not named above goes."""
    return nh3.clean(
        fragment,
        tags=_TAGS,
        clean_content_tags=set(_DROPPED) - _TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SAFE_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _absolutize(element: html.HtmlElement, name: str, base_url: str) -> None:
    url = urljoin(base_url, element.attrib[name].strip())
    if urlsplit(url).scheme in _SAFE_SCHEMES:
        element.set(name, url)
    else:
        # javascript:, data: and the like: keep the text, lose the link.
        del element.attrib[name]
