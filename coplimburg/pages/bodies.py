"""Page bodies through the allow-list at the sink: what MkDocs rendered from an editor's Markdown keeps only what
coplimburg.content.allowlist names, and the HTML of the editor macros, which we render, comes back unchanged.

Macros run before Markdown (mkdocs-macros, in docs/ pages with `render_macros: true`). Their HTML waits behind a
placeholder, a word no editor can guess, while the body is sanitised, and replaces it afterwards. So our partials
may use classes, ARIA and data attributes, while an editor's raw HTML on the same page is cleaned like any other.

Site paths, the documented way to link (`[de agenda](/agenda/)`), are written relative to the page on the way
through, so they reach their page wherever the site is served, a `…github.io/<repository>/` folder included.
"""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar

import nh3

from coplimburg.content.allowlist import ATTRIBUTES, DROPPED, LINK_SCHEMES, TAGS, attribute_problem
from coplimburg.urls import relative_to

# The URL path of the page whose body is being cleaned, for its site-path links; None: leave them as they are.
_PAGE: ContextVar[str | None] = ContextVar("page", default=None)


def _attribute(tag: str, name: str, value: str) -> str | None:
    if attribute_problem(tag, name, value) is not None:
        return None
    page = _PAGE.get()
    if page is not None and name in ("href", "src") and value.startswith("/") and not value.startswith("//"):
        return relative_to(page, value)
    return value


# Made once: a prepared cleaner is faster than nh3.clean with the same options at every page.
_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
# An <img> as nh3 writes it (every value in double quotes, a quote inside as &quot;), to find one left without src.
_IMAGE = re.compile(r'<img((?: [^\s="]+="[^"]*")*)>')


def clean_body(html: str, page: str | None = None) -> str:
    """A body's HTML with only the allowed elements, attributes and addresses, its site paths relative to the page
    at URL path `page` when given; an image whose address was refused goes entirely (nh3 would keep it without
    `src`)."""
    token = _PAGE.set(page)
    try:
        cleaned = _CLEANER.clean(html)
    finally:
        _PAGE.reset(token)
    return _IMAGE.sub(_without_source, cleaned) if "<img" in cleaned else cleaned


def _without_source(image: re.Match[str]) -> str:
    return image.group() if ' src="' in image.group(1) else ""


class Held:
    """Our own HTML inside a Markdown body (the editor macros' output), held behind placeholders while the body
    is sanitised. One per build: its placeholders name a secret made for that build."""

    def __init__(self) -> None:
        self._secret = secrets.token_hex(12)
        self._html: dict[str, str] = {}
        # A placeholder alone in a paragraph stood for a block of HTML; elsewhere for inline HTML.
        self._placeholder = re.compile(rf"<p>(cop{self._secret}n\d+)</p>|(cop{self._secret}n\d+)")

    def hold(self, html: str) -> str:
        """A placeholder for `html`: a word Markdown and the sanitiser leave as it is."""
        placeholder = f"cop{self._secret}n{len(self._html)}"
        self._html[placeholder] = html
        return placeholder

    def restore(self, html: str) -> str:
        """`html` with every placeholder of this build replaced by what it holds: as Python-Markdown puts back a raw
        HTML block (a line of its own after it, but not at the end) or inline HTML."""
        if self._secret not in html:
            return html
        restored = self._placeholder.sub(self._held, html)
        return restored if html.endswith("\n") else restored.removesuffix("\n")

    def _held(self, found: re.Match[str]) -> str:
        block, inline = found.groups()
        return self._html.get(block, "") + "\n" if block else self._html.get(inline, "")
