"""HTML output of the theme escapes every value, and only what MkDocs rendered from Markdown is HTML.

The theme's templates print content fields (titles, summaries, partner names, …) and Material prints
`page.meta` in `<title>`, meta tags and the search index. With autoescape on, all of it is text unless
marked otherwise: here we mark what MkDocs itself rendered as HTML (the page body, after the allow-list of
coplimburg.pages.bodies; the table of contents and a title taken from the first heading, which Python-Markdown
gives as text without tags) and turn front-matter text that Material copies into HTML outside Jinja (the search
index) into escaped HTML once. `as_text` gives such a value back as text, for a sink that escapes it itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import CodeType
from typing import Any
from urllib.parse import urlsplit

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

# Front-matter fields Material prints or indexes; the search plugin puts `title` into its index as HTML.
_META_TEXT = ("title", "description", "author")
_LINK_SCHEMES = {"http", "https", "mailto"}


def html_environment(env: Environment, keep_compiled: bool = False) -> Environment:
    """The theme's Jinja environment with autoescape on: every printed value is text unless marked safe.

    With `keep_compiled`, compiled templates are kept in this process's memory (`COMPILED`) for the next
    environment: the other environment of the same build and every rebuild of `mkdocs serve`. Only this function
    fills it, always for an environment that escapes. They are never written to disk: Jinja's file cache loads
    pickled and marshalled code, so whoever could write that folder could run code in the build. Templates do
    not change during one build: Jinja need not check their files at every include (a new build, also under
    serve, gets a new environment, and the cache compares each template's source with what it compiled).
    """
    env.autoescape = True
    if keep_compiled:
        env.bytecode_cache = COMPILED
        env.auto_reload = False
    return env


class CompiledTemplates(BytecodeCache):
    """Compiled templates by name and source checksum, in memory only."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self.code.get(bucket.key, ("", None))
        if code is not None and checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.code[bucket.key] = (bucket.checksum, bucket.code)


COMPILED = CompiledTemplates()


def escape_front_matter(page: Any) -> None:
    """Turn `page`'s front-matter text into escaped HTML and mark what Markdown rendered as HTML.

    Call after rendering and before the search plugin indexes the page (it copies `title` into its index
    as HTML): `title`, `description` and `author` from front matter are text; a title from the first
    heading and the table of contents come from Python-Markdown with their entities already escaped.
    """
    from_heading = "title" not in page.meta and page.title == getattr(page, "_title_from_render", None)
    for key in _META_TEXT:
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)
    if from_heading and isinstance(page.title, str):
        page.title = Markup(page.title)
    _trust_toc(page.toc or [])


def trust_rendered(page: Any) -> None:
    """Mark `page`'s body, rendered by MkDocs and cleaned by the allow-list, as HTML: the last step before the
    template."""
    if isinstance(page.content, str):
        page.content = Markup(page.content)


def as_text(value: object) -> str:
    """The text of a value that may be escaped already (front matter after `escape_front_matter`, a title from the
    first heading), for a sink that escapes it itself: so it is escaped exactly once."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def _trust_toc(items: Iterable[Any]) -> None:
    # Python-Markdown gives each heading's text with its entities still escaped.
    for item in items:
        item.title = Markup(item.title)
        _trust_toc(item.children)


def href(url: str) -> str:
    """`url` for an `href` from content: only http(s) and mailto links leave the site (a bug guard;
    the loader already refuses anything else). Quoting is the autoescaper's job."""
    if urlsplit(url.strip()).scheme.lower() not in _LINK_SCHEMES:
        raise ValueError(f"geen http(s)- of mailto-adres: {url!r}")
    return url
