"""What a text may hold, checked before publishing: every HTML tag, attribute and address in an item body or a docs/
page that the allow-list (coplimburg.content.allowlist) refuses is a Dutch problem with file and line, so the
editor learns what the page would lose and what to write instead.

Markdown decides what is HTML: code blocks and inline code are text, so they are blanked first (keeping every line
and column). What is left is read as a browser reads HTML, plus what Markdown itself turns into links, images and
attributes: `[tekst](adres)`, `![tekst](adres)`, `[naam]: adres`, `<https://…>` and attribute lists `{: … }`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path

from coplimburg.content.addresses import image_problem, link_problem
from coplimburg.content.allowlist import attribute_problem, tag_problem
from coplimburg.content.macrocalls import macro_call_problems
from coplimburg.content.markdown_source import docs_pages, slugify
from coplimburg.content.source import Document, parse_yaml
from coplimburg.problems import Problem, describe

# Python-Markdown's fenced_code: a fence at the start of a line, closed by the same fence.
_FENCED = re.compile(r"^(?P<fence>~{3,}|`{3,})[^\n]*\n.*?(?<=\n)(?P=fence)[ ]*$", re.MULTILINE | re.DOTALL)
_INDENT = re.compile(r"^(?: {4}|\t)")
_ANY_INDENT = re.compile(r"^(?: {4}|\t)", re.MULTILINE)
_DEEP_INDENT = re.compile(r"^(?: {8}|\t\t| {4}\t)")
# Blocks whose content continues indented by four spaces: list items, admonitions, definitions.
_CONTAINER = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]|^!!!|^\?\?\?|^:[ \t]")
_TICKS = re.compile(r"(?<!\\)`+")
# Paragraphs end at a blank line (kept, so lines stay where they were).
_PARAGRAPHS = re.compile(r"(\n[ \t]*\n)")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>|<([^<> !]+@[^@<> ]+)>")
_INLINE = re.compile(
    r"(?P<image>!?)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<url>[^\s)]*))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
_REFERENCE_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:[ ]?\[([^\]\n]*)\])?(?![(\[])")
# Attribute lists, where Python-Markdown's attr_list reads them: at the end of a heading, term or table cell,
# on a line of their own at the end of a block, and right after an inline element.
_ATTRIBUTES_AT_END = re.compile(r"[ ]+\{:?[ ]*([^}\n ][^}\n]*)\}[ ]*(?:\|[ ]*)?$")
_ATTRIBUTES_IN_CELL = re.compile(r"[ ]+\{:?[ ]*([^}\n ][^}\n]*)\}[ ]*(?=\|)")
_ATTRIBUTES_ALONE = re.compile(r"^[ ]*\{:?[ ]*([^}\n ][^}\n]*)\}[ ]*$")
_ATTRIBUTES_INLINE = re.compile(r"(?<=[)*_`\]])\{:?[ ]*([^}\n ][^}\n]*)\}")
# The element an attribute list right after an inline element belongs to, by the character before it.
_AFTER = {")": "a", "]": "a", "*": "em", "_": "em", "`": "code"}
_TABLE_RULE = re.compile(r"^[ ]*\|?[ ]*:?-+:?[ ]*(\|[ ]*:?-+:?[ ]*)*\|?[ ]*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"^(?:=+|-+)[ \t]*$")
_TERM = re.compile(r"^:[ \t]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
# Elements without content or end tag, and those whose content is no HTML.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_FOREIGN = frozenset({"svg", "math"})
# Where a text may hold nothing to check (most bodies: plain prose).
_NOTHING = re.compile(r"[<{\]_]")


def check_body_html(content: Path, documents: Mapping[str, list[Document]]) -> list[Problem]:
    """Every refused construct in every item body (documents by collection) and every docs/ page."""
    problems: list[Problem] = []
    for listed in documents.values():
        for document in listed:
            problems += body_problems(document.path, document.body, document.body_line)
    for shown, body, first_line in docs_pages(content).values():
        macros = _renders_macros(content.parent / shown, first_line)
        problems += body_problems(shown, body, first_line, macros=macros)
        if macros:
            problems += macro_call_problems(shown, body, first_line)
    return problems


def body_problems(path: str, body: str, first_line: int = 1, macros: bool = False) -> list[Problem]:
    """The problems of one Markdown text that starts at line `first_line` of `path`; with `macros`, its Jinja (the
    macro calls of a docs/ page with `render_macros: true`) is left out."""
    if not _NOTHING.search(body):
        return []
    text = prose(body, macros)
    return [Problem(path, first_line + line - 1, "", message) for line, message in sorted(set(_findings(text)))]


def prose(body: str, macros: bool = False) -> str:
    """`body` as Markdown reads text and HTML in it: fenced and indented code blocks and the inside of inline code
    blanked to spaces (and with `macros` the Jinja), every line and column where it was."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    if macros:
        text = _JINJA.sub(_blank, text)
    if "```" in text or "~~~" in text:
        text = _FENCED.sub(_blank, text)
    if _ANY_INDENT.search(text):
        text = "\n".join(_without_indented_code(text.split("\n")))
    return _without_code_spans(text) if "`" in text else text


def _blank(found: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", found.group())


def _without_indented_code(lines: list[str]) -> list[str]:
    """Lines of indented code blocks blanked: indented after a blank line, outside a list, admonition or definition
    (where indented text continues the block, and code needs eight spaces)."""
    kept: list[str] = []
    container = in_code = False
    previous_blank = True
    for line in lines:
        blank = not line.strip()
        indented = bool(_INDENT.match(line))
        if not blank and not indented:
            container = bool(_CONTAINER.match(line)) or (container and not previous_blank)
        if not blank and (in_code or previous_blank) and indented:
            in_code = bool(_DEEP_INDENT.match(line)) if container else True
        elif not blank:
            in_code = False
        kept.append(" " * len(line) if in_code and not blank else line)
        previous_blank = blank
    return kept


def _without_code_spans(text: str) -> str:
    """Inside inline code (a run of backticks up to the next run of as many, within one paragraph) blanked."""
    return "".join(_blank_spans(part) if "`" in part else part for part in _PARAGRAPHS.split(text))


def _blank_spans(text: str) -> str:
    parts: list[str] = []
    position = 0
    runs = list(_TICKS.finditer(text))
    index = 0
    while index < len(runs):
        opening = runs[index]
        closing = next(
            (later for later in runs[index + 1 :] if len(later.group()) == len(opening.group())),
            None,
        )
        if closing is None:
            index += 1
            continue
        parts.append(text[position : opening.end()])
        parts.append(re.sub(r"[^\n]", " ", text[opening.end() : closing.start()]))
        position = closing.start()
        index = runs.index(closing) + 1
    parts.append(text[position:])
    return "".join(parts)


def _findings(text: str) -> Iterator[tuple[int, str]]:
    """(line, message) for everything refused in `text` (code already blanked)."""
    yield from _markdown_addresses(text)
    if "<" in text:
        scanner = _TagScanner()
        scanner.feed(_AUTOLINK.sub(_blank, text))
        scanner.close()
        yield from scanner.found
    if "{" in text:
        yield from _attribute_lists(text)
    if "_" in text:
        yield from _heading_anchors(text)


def _markdown_addresses(text: str) -> Iterator[tuple[int, str]]:
    """Links and images written in Markdown: inline, by reference, and `<https://…>`."""
    for found in _INLINE.finditer(text):
        url = found["angled"] if found["angled"] is not None else found["url"] or ""
        yield from _address(_line(text, found), url, image=bool(found["image"]))
    for found in _AUTOLINK.finditer(text):
        yield from _address(_line(text, found), found[1] or "", image=False)
    definitions: dict[str, str] = {}
    for found in _DEFINITION.finditer(text):
        definitions[_reference(found[1])] = found[2]
        yield from _address(_line(text, found), found[2], image=False)
    for found in _REFERENCE_IMAGE.finditer(text) if definitions else ():
        url = definitions.get(_reference(found[2] or found[1]))
        if url is not None:
            yield from _address(_line(text, found), url, image=True)


def _line(text: str, found: re.Match[str]) -> int:
    return text.count("\n", 0, found.start()) + 1


def _reference(name: str) -> str:
    return " ".join(name.lower().split())


def _address(number: int, url: str, image: bool) -> Iterator[tuple[int, str]]:
    problem = image_problem(url) if image else link_problem(url)
    if problem:
        yield number, f"{'afbeelding' if image else 'link'} {describe(url)} {problem}"


class _TagScanner(HTMLParser):
    """Every start tag as a browser reads it, with its attributes, checked against the allow-list; of an svg or
    a math formula only the element itself is reported (what it holds is no HTML and goes with it). The `markdown`
    attribute is md_in_html's, which removes it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._foreign: list[str] = []  # the open svg or math element, once per level of nesting

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs, opens=tag not in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs, opens=False)

    def handle_endtag(self, tag: str) -> None:
        if self._foreign and tag == self._foreign[0]:
            self._foreign.pop()

    def _check(self, tag: str, attrs: list[tuple[str, str | None]], opens: bool) -> None:
        if self._foreign:
            if opens and tag == self._foreign[0]:
                self._foreign.append(tag)
            return
        line = self.getpos()[0]
        if problem := tag_problem(tag):
            self.found.append((line, problem))
            if opens and tag in _FOREIGN:
                self._foreign.append(tag)
            return
        for name, value in attrs:
            if name != "markdown" and (problem := attribute_problem(tag, name, value or "")):
                self.found.append((line, problem))


def _attribute_lists(text: str) -> Iterator[tuple[int, str]]:
    """Attribute lists `{: … }`, each checked on the element Python-Markdown gives it."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "{" not in line:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        previous = lines[index - 1] if index else ""
        ends = {found.end(): "img" if found["image"] else "a" for found in _INLINE.finditer(line)}
        lists = [
            (ends.get(found.start()) or _AFTER[line[found.start() - 1]], found[1])
            for found in _ATTRIBUTES_INLINE.finditer(line)
        ]
        if element := _block_element(line, previous, following):
            patterns = (_ATTRIBUTES_AT_END, _ATTRIBUTES_IN_CELL) if element in ("th", "td") else (_ATTRIBUTES_AT_END,)
            lists += [(element, found[1]) for pattern in patterns for found in pattern.finditer(line)]
        elif previous.strip() and not _HEADING.match(previous) and (alone := _ATTRIBUTES_ALONE.match(line)):
            lists.append(("p", alone[1]))
        for element, written in lists:
            yield from ((index + 1, problem) for problem in _attribute_list_problems(element, written))


def _block_element(line: str, previous: str, following: str) -> str | None:
    """The element whose attribute list stands at the end of `line`: a heading, a term or a table cell."""
    if heading := _HEADING.match(line):
        return f"h{len(heading[1])}"
    if not previous.strip() and (underline := _UNDERLINE.match(following)):
        return "h1" if underline.group().startswith("=") else "h2"
    if _TERM.match(following):
        return "dt"
    if "|" in line:
        return "th" if _TABLE_RULE.match(following) else "td"
    return None


def _attribute_list_problems(element: str, written: str) -> Iterator[str]:
    # Python-Markdown's own reading of an attribute list (imported here: most texts have none).
    from markdown.extensions.attr_list import get_attrs_and_remainder  # type: ignore[import-untyped]  # no stubs

    attributes, _ = get_attrs_and_remainder(written)
    for name, value in attributes:
        if name != "." and (problem := attribute_problem(element, name, value or "")):
            yield problem


def _heading_anchors(text: str) -> Iterator[tuple[int, str]]:
    """Headings whose anchor (the id the table of contents gives them) would begin with __."""
    for number, line in enumerate(text.split("\n"), 1):
        heading = _HEADING.match(line)
        if not heading or "_" not in heading[2] or "{" in heading[2]:
            continue
        anchor = slugify(_EMPHASIS.sub(r"\2", heading[2]), "-")
        if anchor.startswith("__"):
            yield (
                number,
                (
                    f"de kop {describe(heading[2])} krijgt het anker #{anchor}, en ankers die met __ beginnen "
                    "gebruikt de site zelf; begin de kop met een letter of cijfer"
                ),
            )


def _renders_macros(file: Path, first_line: int) -> bool:
    """Whether a docs/ page's front matter (the lines before `first_line`) may turn its macros on. mkdocs-macros
    renders when YAML reads `render_macros` as true (`yes`, `on`, `1`, `!!bool` … too), so anything but a missing or
    false value counts, and so does front matter this project's reader refuses: better a check too many than a page of
    Jinja that runs unchecked."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    if first_line <= 1:
        return False
    problems: list[Problem] = []
    document = parse_yaml("\n".join(lines[1 : first_line - 2]), file.name, problems, first_line=2)
    if problems:
        return True
    data = document.data if document is not None else None
    return isinstance(data, dict) and data.get("render_macros", False) not in (False, None)
