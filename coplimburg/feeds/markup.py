"""Item HTML made safe to travel: every URL absolute, no scripts, forms or frames, every image with alt text.

Feed readers and mailers show the HTML outside the site, where relative links break and active content
is stripped or, worse, run.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import html

# Elements a feed reader or mailer must never receive; their content goes with them.
_DROPPED = ("script", "noscript", "style", "form", "iframe", "frame", "frameset", "object", "embed", "template")
_URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action")
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


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
    return html.tostring(root, encoding="unicode").removeprefix("<div>").removesuffix("</div>")


def _absolutize(element: html.HtmlElement, name: str, base_url: str) -> None:
    url = urljoin(base_url, element.attrib[name].strip())
    if urlsplit(url).scheme in _SAFE_SCHEMES:
        element.set(name, url)
    else:
        # javascript:, data: and the like: keep the text, lose the link.
        del element.attrib[name]
