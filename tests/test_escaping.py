"""Escaping at the boundary: every string from content and site data is text until an output writes it.

A hostile site is generated from the content models themselves (every string field, found by walking
`model_fields`, so a new field is covered without touching this file), built with the real hooks and
theme, and read back by a browser and by parsers: HTML, RSS, Atom, JSON Feed, e-mail and iCalendar.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import feedparser
import icalendar
import pytest
import yaml
from browser import BUILD_MOMENT, serve
from conftest import REPO, build_site
from lxml import etree, html
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from bench.synthetic import copy_parts
from coplimburg.content.events import Event
from coplimburg.content.fields import LOADER_FIELDS, Item
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.sitedata import Matrix, PartnerFile, ProgrammeFile, Vocabularies
from coplimburg.content.tables import Table
from coplimburg.feeds.markup import portable_html, sanitise

# What a hostile editor (or a pasted text) may put into any field. The payloads only set a flag, so the
# browser can tell whether anything ran; `R&D <concept>` is what an honest title looks like. Of the control
# characters only tab is injected: XML 1.0 cannot carry the other C0 controls at all, so the loader is to
# refuse them at the edge (no output could show them), and line breaks are added where the field takes them.
PAYLOAD = (
    "<script>window.__pwned='script'</script><img src=x onerror=\"window.__pwned='img'\">"
    "\"' onmouseover=\"window.__pwned='attr'\" R&D <concept> \u202eeulb\u202c \u200fx\tx"
)
LINE_BREAKS = "\r\nna regel\rna CR"
# A link that keeps https:// and breaks out of its attribute with a quote.
HOSTILE_URL = 'https://example.org/a"onmouseover="window.__pwned=\'url\'"&x=<b>'
# Raw HTML in a Markdown body is ours to trust on the site; feeds and e-mail must still lose its scripting.
# (They only run when clicked, and set `__body`, which the page checks leave to the editors.)
HOSTILE_BODY = (
    "Tekst met [link](javascript:window.__body='md').\n\n"
    "<svg><a xlink:href=\"javascript:window.__body='svg'\"><text>svg</text></a></svg>\n\n"
    "<math><mi xlink:href=\"javascript:window.__body='math'\">m</mi></math>\n"
)
# File names are content too: images and downloads with a quote, an angle bracket and an ampersand.
HOSTILE_FILE = "x\"'<b>&y"
MODELS: dict[str, type[BaseModel]] = {
    "tables": Table,
    "events": Event,
    "products": Product,
    "posts": Post,
    "partners.yml": PartnerFile,
    "vocabularies.yml": Vocabularies,
    "programme.yml": ProgrammeFile,
    "matrix.yml": Matrix,
}
OUTPUTS = ("html", "rss", "atom", "json", "email", "ics")


def _accepted(info: FieldInfo, value: str) -> bool:
    """Whether the field takes `value` on its own: the loader may refuse line breaks or control characters
    in one-line fields (then only the rest of the payload is injected there)."""
    try:
        TypeAdapter(typing.Annotated[info.annotation, info]).validate_python(value)  # type: ignore[name-defined]
    except ValidationError:
        return False
    return True


@dataclass
class Hostile:
    """Every hostile string written into the tree, by dotted field name, and what the tree refers to."""

    values: dict[str, str] = field(default_factory=dict)
    count: int = 0

    def text(self, name: str, info: FieldInfo) -> str:
        self.count += 1
        value = f"V{self.count:03d} {PAYLOAD}"
        with_breaks = f"V{self.count:03d}{LINE_BREAKS} {PAYLOAD}"
        if _accepted(info, with_breaks):
            value = with_breaks
        elif not _accepted(info, value):
            value = f"V{self.count:03d} " + "".join(c for c in PAYLOAD if unicodedata.category(c) != "Cc")
        self.values[name] = value
        return value


def _is_str(annotation: Any) -> bool:
    return annotation is str or (typing.get_origin(annotation) is typing.Annotated and _is_str(annotation.__args__[0]))


def _options(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [one for one in typing.get_args(annotation) if one is not type(None)]
    return [annotation]


def fill(model: type[BaseModel], name: str, hostile: Hostile, fixed: dict[str, Any]) -> dict[str, Any]:
    """A front-matter mapping for `model`: every free string field hostile, references and ids from `fixed`."""
    data: dict[str, Any] = {}
    for key, info in model.model_fields.items():
        if issubclass(model, Item) and key in LOADER_FIELDS:
            continue
        dotted = f"{name}.{key}"
        alias = info.alias or key
        if dotted in fixed:
            if fixed[dotted] is not None:
                data[alias] = fixed[dotted]
            continue
        value = _value(info.annotation, info, dotted, hostile, fixed)
        if value is not None:
            data[alias] = value
    return data


def _value(annotation: Any, info: FieldInfo, dotted: str, hostile: Hostile, fixed: dict[str, Any]) -> Any:
    annotation = _options(annotation)[0]
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return fill(annotation, dotted, hostile, fixed)
    if origin is list:
        inner = typing.get_args(annotation)[0]
        return [_value(inner, FieldInfo(annotation=inner), f"{dotted}[]", hostile, fixed)]
    if origin is dict:
        inner = typing.get_args(annotation)[1]
        key = hostile.text(f"{dotted}{{key}}", FieldInfo(annotation=str))
        return {key: _value(inner, FieldInfo(annotation=inner), f"{dotted}{{}}", hostile, fixed)}
    if origin is Literal:
        return typing.get_args(annotation)[0]
    if _is_str(annotation) or annotation is str:
        if info.metadata and any(getattr(one, "pattern", None) for one in info.metadata):
            raise AssertionError(f"{dotted}: an id field needs a value in FIXED")
        return hostile.text(dotted, info)
    raise AssertionError(f"{dotted}: no hostile value for {annotation!r}; add it to FIXED")


# Fields that are not free text: ids and references (the loader holds them to a-z0-9-), dates, numbers,
# table codes, URLs (given HOSTILE_URL) and file paths (given HOSTILE_FILE). Everything else is hostile.
FIXED: dict[str, Any] = {
    "tables.code": "2A",
    "tables.lead.organisation": "partner-a",
    "tables.members": ["partner-a"],
    "tables.sounding_board": ["klankbord-a"],
    "events.start": "2026-12-10 13:00",
    "events.end": "2026-12-10 17:00",
    "events.online": HOSTILE_URL,
    "events.registration": HOSTILE_URL,
    "events.tables": ["tafel-a"],
    "events.partners": ["partner-a"],
    "events.previous_start": None,
    "events.published": "2026-11-01",
    "events.outcomes": ["product-a"],
    "events.repeat": None,
    "events.image": f"files/{HOSTILE_FILE}.png",
    "products.tables": ["tafel-a"],
    "products.partners": ["partner-a"],
    "products.audiences": ["doelgroep-a"],
    "products.levels": ["niveau-a"],
    "products.domains": ["domein-a"],
    "products.published": "2026-11-02",
    "products.updated": None,
    "products.image": f"files/{HOSTILE_FILE}.png",
    "products.files[].path": f"files/{HOSTILE_FILE}.txt",
    "posts.published": "2026-11-03",
    "posts.categories": ["categorie-a"],
    "posts.tables": ["tafel-a"],
    "posts.image": f"files/{HOSTILE_FILE}.png",
    "partners.yml.partners[].id": "partner-a",
    "partners.yml.partners[].url": HOSTILE_URL,
    "vocabularies.yml.licenses{}.url": HOSTILE_URL,
    "programme.yml.programme[].year": 2026,
    "programme.yml.programme[].event": "evenement-a",
    "matrix.yml.columns[].id": "kolom-a",
    "matrix.yml.columns[].partner": "partner-a",
    "matrix.yml.groups[].rows[].who": ["kolom-a"],
}
# Vocabularies whose keys items refer to through a reference field (ids only).
ID_KEYED = {
    "sounding_board": "klankbord-a",
    "audiences": "doelgroep-a",
    "levels": "niveau-a",
    "domains": "domein-a",
    "news_categories": "categorie-a",
}
# One PNG pixel, so the image is a real image.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def write_tree(content: Path) -> Hostile:
    """The hostile content tree; returns every hostile value by field."""
    hostile = Hostile()
    items = {
        "tables": ("tafel-a", fill(Table, "tables", hostile, FIXED)),
        "events": ("evenement-a", fill(Event, "events", hostile, FIXED)),
        "coppyright": ("product-a", fill(Product, "products", hostile, FIXED)),
        "news": ("bericht-a", fill(Post, "posts", hostile, FIXED)),
    }
    site = {name: fill(model, name, hostile, FIXED) for name, model in MODELS.items() if name.endswith(".yml")}
    vocabularies = site["vocabularies.yml"]
    # Items name a vocabulary entry by key: give each hostile key the one the item uses, or an id.
    events, products = items["events"][1], items["coppyright"][1]
    partner = site["partners.yml"]["partners"][0]
    for vocabulary, (item, key, dotted) in {
        "event_kinds": (events, "kind", "events.kind"),
        "types": (products, "type", "products.type"),
        "licenses": (products, "license", "products.license"),
        "partner_kinds": (partner, "kind", "partners.yml.partners[].kind"),
    }.items():
        item[key] = next(iter(vocabularies[vocabulary]))
        hostile.values.pop(dotted)
    for vocabulary, key in ID_KEYED.items():
        vocabularies[vocabulary] = {key: next(iter(vocabularies[vocabulary].values()))}
        hostile.values.pop(f"vocabularies.yml.{vocabulary}{{key}}")
    for name, data in site.items():
        (content / "site").mkdir(parents=True, exist_ok=True)
        (content / "site" / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for folder, (item_id, front) in items.items():
        (content / folder / "files").mkdir(parents=True, exist_ok=True)
        (content / folder / "files" / f"{HOSTILE_FILE}.png").write_bytes(PIXEL)
        (content / folder / "files" / f"{HOSTILE_FILE}.txt").write_text("download\n", encoding="utf-8")
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + HOSTILE_BODY
        (content / folder / f"{item_id}.md").write_text(text, encoding="utf-8")
    return hostile


@dataclass(frozen=True)
class HostileSite:
    root: Path
    values: dict[str, str]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    project = tmp_path_factory.mktemp("hostile")
    copy_parts(REPO, project, ("docs", "overrides", "hooks", "mkdocs.yml"))
    hostile = write_tree(project / "content")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return HostileSite(project / "site", hostile.values)


def plain(text: str) -> str:
    """Text as a reader sees it: line breaks and runs of space as one space, control characters gone."""
    kept = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(kept.split())


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# In a browser


def test_no_hostile_value_runs_script_on_any_page_or_in_search(hostile_site, browser):
    # Not `open_page`: the edition pages show item images by their absolute (published) URL, which a
    # browser must not fetch here; such requests are refused instead of failing this test.
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), lambda route: route.abort())
    with serve(hostile_site.root) as base_url:
        page = context.new_page()
        page.clock.set_fixed_time(BUILD_MOMENT)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages(hostile_site.root):
            if path.name == "email.html":
                continue
            page.goto(base_url + path.relative_to(hostile_site.root).as_posix())
            page.mouse.move(10, 10)
            page.hover("body")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
        # Material's search writes titles into its results as HTML.
        page.goto(base_url)
        field = page.locator("input.md-search__input")
        field.click()
        field.press_sequentially("V00")
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="attached")
        assert "V00" in results.first.inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
    context.close()


# By parsers

_SAFE_SCRIPT_TYPES = {"application/ld+json", None, "text/javascript"}


def active_content(root: Any, trusted: str | None = None) -> list[str]:
    """Everything in parsed HTML that could run: event attributes, javascript: URLs, meta refresh, scripts
    we did not write; `trusted` marks the body's own raw HTML, which is the editors' on the site."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}>")
            if trusted and trusted in value:
                continue
            if "javascript:" in value.replace(" ", "").lower() and name.lower().endswith("href"):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag == "meta" and "http-equiv" in element.attrib:
            found.append("<meta http-equiv>")
        if (
            element.tag == "script"
            and "__pwned" in (element.text or "")
            and element.get("type") != "application/ld+json"
        ):
            found.append("<script>")
    return found


def texts(root: Any) -> str:
    """All text of a parsed document, attribute values included, as one plain string."""
    parts = [root.text_content() if hasattr(root, "text_content") else "".join(root.itertext())]
    parts += [value for element in root.iter() if isinstance(element.tag, str) for value in element.attrib.values()]
    return plain(" ".join(parts))


def test_every_page_carries_hostile_values_as_text_and_nothing_that_runs(hostile_site):
    for path in pages(hostile_site.root):
        root = html.fromstring(path.read_bytes())
        assert active_content(root, trusted="__body") == [], path
        for script in root.iter("script"):
            if script.get("type") == "application/ld+json":
                assert "</" not in (script.text or "") and "<!--" not in (script.text or ""), path
                json.loads(script.text or "")


def test_an_item_page_titles_and_describes_itself_with_the_hostile_text(hostile_site):
    values = hostile_site.values
    root = html.fromstring((hostile_site.root / "agenda/evenement-a/index.html").read_bytes())
    assert plain(root.findtext(".//title") or "") == plain(values["events.title"]) + " - CoP Limburg"
    description = root.xpath("//meta[@name='description']/@content")
    assert [plain(one) for one in description] == [plain(values["events.summary"])]
    assert plain(root.xpath("string(//h1)")) == plain(values["events.title"])
    online = root.xpath("//a[starts-with(@href, 'https://example.org/')]/@href")
    assert online and set(online) == {HOSTILE_URL}


def test_the_search_index_holds_titles_as_escaped_html(hostile_site):
    index = json.loads((hostile_site.root / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    event = [title for title in titles if title.startswith(hostile_site.values["events.title"][:4])]
    assert event
    for title in event:
        fragment = html.fragment_fromstring(title, create_parent="div")
        assert [element.tag for element in fragment.iter()] == ["div"]
        assert plain(fragment.text_content()) == plain(hostile_site.values["events.title"])


def feed_payloads(site: Path) -> Iterator[tuple[Path, str]]:
    """Every HTML payload of every feed: RSS descriptions and content:encoded, Atom content, JSON content_html."""
    for path in sorted(site.rglob("feed.xml")) + sorted(site.rglob("atom.xml")):
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        tree = etree.fromstring(path.read_bytes())
        for element in tree.iter():
            if isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] in ("description", "encoded", "content"):
                yield path, element.text or ""
    for path in sorted(site.rglob("feed.json")):
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            yield path, item["content_html"]


def test_feeds_carry_no_active_content_and_rss_descriptions_are_plain_text(hostile_site):
    payloads = list(feed_payloads(hostile_site.root))
    assert payloads
    for path, payload in payloads:
        fragment = html.fragment_fromstring(payload, create_parent="div")
        assert active_content(fragment) == [], (path, payload)
        lowered = payload.lower()
        assert "<script" not in lowered and "javascript:" not in lowered and "http-equiv" not in lowered
    rss = etree.fromstring((hostile_site.root / "feed.xml").read_bytes())
    for description in rss.iter("description"):
        if description.getparent().tag == "item":
            fragment = html.fragment_fromstring(description.text or "", create_parent="div")
            assert [element.tag for element in fragment.iter()] == ["div"], description.text


def test_feed_readers_see_titles_and_summaries_as_the_hostile_text(hostile_site):
    values = hostile_site.values
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((hostile_site.root / name).read_bytes())
        titles = {plain(entry.title) for entry in feed.entries}
        assert plain(values["posts.title"]) in titles, name
    document = json.loads((hostile_site.root / "feed.json").read_text(encoding="utf-8"))
    assert plain(values["posts.summary"]) in {plain(item["summary"]) for item in document["items"]}


def test_the_e_mail_edition_carries_hostile_values_as_text(hostile_site):
    emails = sorted(hostile_site.root.rglob("email.html"))
    assert emails
    for path in emails:
        root = html.fromstring(path.read_bytes())
        assert active_content(root) == [], path
        assert plain(hostile_site.values["posts.title"]) in texts(root)


def test_calendars_parse_have_no_bare_carriage_return_and_keep_the_text(hostile_site):
    values = hostile_site.values
    calendars = sorted(hostile_site.root.rglob("*.ics"))
    assert calendars
    for path in calendars:
        data = path.read_bytes()
        assert re.search(rb"\r(?!\n)", data) is None, path
        assert re.search(rb"(?<!\r)\n", data) is None, path
        calendar = icalendar.Calendar.from_ical(data)
        for event in calendar.walk("VEVENT"):
            assert plain(str(event["SUMMARY"])) == plain(values["events.title"])
            assert plain(values["events.summary"]) in plain(str(event["DESCRIPTION"]))
            assert plain(str(event["LOCATION"])).startswith(plain(values["events.location"]))
    own = icalendar.Calendar.from_ical((hostile_site.root / "agenda/evenement-a.ics").read_bytes())
    assert plain(str(own["NAME"])) == plain(values["events.title"])
    assert plain(str(own["X-WR-CALNAME"])) == plain(values["events.title"])
    assert plain(str(own["X-WR-CALDESC"])) == plain(values["events.summary"])


def xml_feed_text(path: Path) -> str:
    """The text a reader shows of an RSS or Atom file: HTML payloads parsed as HTML, the rest as text."""
    parts = []
    for element in etree.fromstring(path.read_bytes()).iter():
        if not isinstance(element.tag, str):
            continue
        parts += element.attrib.values()
        if not element.text:
            continue
        name = element.tag.rsplit("}", 1)[-1]
        is_html = name in ("description", "encoded") or element.get("type") == "html"
        parts.append(
            html.fragment_fromstring(element.text, create_parent="div").text_content() if is_html else element.text
        )
    return plain(" ".join(parts))


def strings(value: Any) -> Iterator[str]:
    """Every string of a JSON Feed as a reader shows it; only `content_html` is HTML."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, one in value.items():
            if key == "content_html":
                yield html.fragment_fromstring(one, create_parent="div").text_content()
            else:
                yield from strings(one)
    elif isinstance(value, list):
        for one in value:
            yield from strings(one)


def coverage(site: Path, values: dict[str, str]) -> dict[str, set[str]]:
    """For each hostile field, the outputs that carry it as text."""
    corpus: dict[str, str] = {output: "" for output in OUTPUTS}
    for path in pages(site):
        output = "email" if path.name == "email.html" else "html"
        corpus[output] += " " + texts(html.fromstring(path.read_bytes()))
    for output, name in (("rss", "feed.xml"), ("atom", "atom.xml")):
        for path in site.rglob(name):
            corpus[output] += " " + xml_feed_text(path)
    for path in site.rglob("feed.json"):
        corpus["json"] += " " + plain(" ".join(strings(json.loads(path.read_text(encoding="utf-8")))))
    for path in site.rglob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        parts = [str(value) for component in calendar.walk() for value in component.values()]
        parts += [str(one) for component in calendar.walk("VEVENT") for one in component["CATEGORIES"].cats]
        corpus["ics"] += " " + plain(" ".join(parts))
    return {name: {output for output, text in corpus.items() if plain(value) in text} for name, value in values.items()}


# Keys that pages never show: their labels stand in for them.
NOT_SHOWN = {"vocabularies.yml.event_kinds{key}", "vocabularies.yml.partner_kinds{key}"}


def test_every_hostile_field_reaches_the_html_as_text(hostile_site):
    found = coverage(hostile_site.root, hostile_site.values)
    missing = sorted(name for name, outputs in found.items() if "html" not in outputs and name not in NOT_SHOWN)
    assert missing == []
    pairs = sum(len(outputs) for outputs in found.values())
    print(f"\ncoverage: {len(found)} hostile fields, {pairs} field×output pairs carried as text")
    for name, outputs in sorted(found.items()):
        print(f"  {name}: {', '.join(sorted(outputs)) or '-'}")


# The sanitiser on its own


@pytest.mark.parametrize(
    "fragment",
    [
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        '<math href="javascript:alert(1)"><mi>x</mi></math>',
        '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
        '<p><a href="JaVaScRiPt:alert(1)">x</a><img src=x onerror=alert(1)></p>',
        '<svg><animate onbegin="alert(1)" attributeName="x"/></svg>',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe><object data="javascript:alert(1)"></object>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a><base href="javascript:/">',
    ],
)
def test_the_feed_sanitiser_removes_every_scripting_vector(fragment: str) -> None:
    for cleaned in (sanitise(fragment), portable_html(fragment, "https://example.org/")):
        lowered = cleaned.lower()
        assert "javascript:" not in lowered and "http-equiv" not in lowered and "<script" not in lowered
        assert "<svg" not in lowered and "<math" not in lowered and "data:" not in lowered
        assert active_content(html.fragment_fromstring(cleaned or "<p></p>", create_parent="div")) == []


def test_the_feed_sanitiser_keeps_ordinary_markup() -> None:
    fragment = (
        '<h2 id="a">Kop</h2><p><a href="https://example.org/">link</a> <em>R&amp;D</em></p><img src="b.png" alt="b">'
    )
    assert sanitise(fragment) == fragment


def test_build_date_pins_the_hostile_events_as_upcoming() -> None:
    # The hostile event lies after tests/conftest.py's build date, so it shows on the agenda and in calendars.
    assert dt.date.fromisoformat(FIXED["events.start"][:10]) > dt.date(2026, 11, 28)
