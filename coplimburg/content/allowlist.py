"""The HTML a text may hold (the Markdown body of an item or a docs/ page): one table that the sanitisers at the
sink (coplimburg.pages.bodies for pages, coplimburg.feeds.markup for feeds and e-mail) and `cop check`
(coplimburg.content.rawhtml) all read, so what the check lets through is what a page keeps.

Allowed is what Python-Markdown writes with our extensions (mkdocs.yml: abbr, admonition, attr_list, def_list,
md_in_html, tables, toc; MkDocs adds fenced_code) and plain text markup an editor may write as HTML; nothing that
runs, loads from elsewhere, navigates by itself, takes input or restyles the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from coplimburg.content.addresses import LINK_SCHEMES, image_problem, link_problem
from coplimburg.problems import describe

__all__ = ["ATTRIBUTES", "DROPPED", "LINK_SCHEMES", "PAGE_ONLY", "TAGS", "attribute_problem", "tag_problem"]

TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup"),
        *("dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q"),
        *("s", "samp", "small", "span", "strong", "sub", "summary", "sup"),
        *("table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr"),
    }
)
# Elements that go with everything inside them: what they hold is code, a form or another document, not text.
DROPPED = frozenset(
    {
        *("script", "noscript", "template", "style", "title"),
        *("iframe", "frame", "frameset", "object", "embed", "applet", "audio", "video", "canvas"),
        *("form", "button", "select", "textarea", "option", "datalist"),
        *("svg", "math"),
    }
)
# Attributes by element; "*" on every element. Values pass the rules below as well.
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "th": frozenset({"style", "align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"style", "align", "colspan", "rowspan"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}),
}
# Attributes whose meaning is the site's own stylesheet: feeds and e-mail leave them out.
PAGE_ONLY = frozenset({"class", "style"})

# The one style Python-Markdown writes: a table column's alignment (| :--- | :---: | ---: |).
_ALIGNMENT = re.compile(r"text-align: (left|center|right);")
_SCRIPT = "scripts draaien niet op de site; laat het weg"
_STYLE = "de opmaak komt van de site zelf; laat het weg (een tabelkolom lijn je uit met :--- of ---: in de kopregel)"
_EMBED = "een andere pagina of speler kan niet in de tekst; zet er een link naar, zoals [titel](https://…)"
_FORM = "een formulier kan niet in de tekst; link naar het formulier, zoals [Aanmelden](https://…)"
_PICTURE = "zet een afbeelding als bestand in images/ en toon haar met ![beschrijving](images/naam.png)"
_PAGE = "laat het weg: wat in de kop van een pagina hoort, zet de site zelf"
_TAG_HINTS: dict[str, str] = {
    **dict.fromkeys(("script", "noscript", "template"), _SCRIPT),
    "style": "de opmaak komt van de site zelf; gebruik Markdown: **vet**, *cursief*, ## koppen",
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "audio", "video", "portal"), _EMBED),
    **dict.fromkeys(("form", "input", "button", "select", "textarea", "option", "label", "fieldset"), _FORM),
    **dict.fromkeys(("svg", "math", "canvas", "picture", "source"), _PICTURE),
    **dict.fromkeys(("base", "meta", "link", "head", "title", "html", "body"), _PAGE),
}
_OTHER_TAG = "schrijf het in Markdown of gebruik een toegestane tag (docs-redactie/formaat.md, 'HTML in de tekst')"


def _id_problem(value: str) -> str | None:
    if value.startswith("__"):
        return "begint met __, en zulke namen gebruikt de site zelf; kies een andere id"
    return None


def _style_problem(value: str) -> str | None:
    return None if _ALIGNMENT.fullmatch(value.strip()) else _STYLE


# Rules for values, by attribute: a Dutch phrase for what is wrong, or None.
_VALUES: dict[str, tuple[str, Callable[[str], str | None]]] = {
    "href": ("link", link_problem),
    "src": ("afbeelding", image_problem),
    "id": ("id", _id_problem),
}


def tag_problem(tag: str) -> str | None:
    """Why element `tag` may not be in a text, in Dutch, or None when it may."""
    if tag in TAGS:
        return None
    return f"HTML-tag <{tag}> is niet toegestaan in de tekst; {_TAG_HINTS.get(tag, _OTHER_TAG)}"


def attribute_problem(tag: str, name: str, value: str) -> str | None:
    """Why attribute `name="value"` may not be on element `tag` in a text, in Dutch, or None when it may."""
    allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset())
    if name not in allowed or (name == "style" and _style_problem(value)):
        return f"HTML-attribuut {name} is niet toegestaan in de tekst (op <{tag}>); {_attribute_hint(tag, name)}"
    if name in _VALUES:
        what, rule = _VALUES[name]
        if problem := rule(value):
            return f"{what} {describe(value)} {problem}"
    return None


def _attribute_hint(tag: str, name: str) -> str:
    if name.startswith("on"):
        return _SCRIPT
    if name == "style":
        return _STYLE
    return "laat het weg; hier mogen: " + ", ".join(sorted(ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset())))
