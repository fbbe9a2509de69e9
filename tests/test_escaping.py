"""Escaping at the boundary, read back by parsers: every string from content and site data is text in HTML,
RSS, Atom, JSON Feed, e-mail and iCalendar, and the feed sanitiser removes every scripting vector.
The hostile site is built once per session (tests/hostile.py, fixture in tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest
from hostile import BODY_PAGES, EVIL_HOST, FIXED, HOSTILE_BODY, HOSTILE_CODE, HOSTILE_URL, OUTPUTS, pages, plain
from lxml import etree, html
from pages import SITE_URL, pagefind_fragments
from sitebuild import REPO, render_markdown

from coplimburg.content.collections import COLLECTIONS
from coplimburg.feeds.markup import portable_html, sanitise

# By parsers

_SAFE_SCRIPT_TYPES = {"application/ld+json", None, "text/javascript"}


# Scripts that hold data, which browsers never run: JSON-LD, and the editor's data at /admin/.
DATA_SCRIPTS = ("application/ld+json", "application/json")


def active_content(root: Any) -> list[str]:
    """Everything in parsed HTML that could run, load from elsewhere, navigate by itself or ask for a password:
    event attributes, javascript:, data: and vbscript: addresses, styles with url(), anything naming the hostile
    host, meta refresh, base, frames and plugins, password fields, and scripts we did not write."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            squeezed = value.replace(" ", "").lower()
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}>")
            if squeezed.startswith(("javascript:", "data:", "vbscript:")) and name.lower() in ("href", "src"):
                found.append(f"<{element.tag} {name}={value!r}>")
            if "javascript:" in squeezed and name.lower().endswith("href"):
                found.append(f"<{element.tag} {name}={value!r}>")
            if EVIL_HOST in value or (name == "style" and "url(" in squeezed):
                found.append(f"<{element.tag} {name}={value!r}>")
        # A Content-Security-Policy only takes away (the editor at /admin/ has one); refresh and the rest act.
        if element.tag == "meta" and element.get("http-equiv", "content-security-policy").lower() != (
            "content-security-policy"
        ):
            found.append("<meta http-equiv>")
        if element.tag in ("base", "iframe", "frame", "object", "embed") or element.get("type") == "password":
            found.append(f"<{element.tag}>")
        if element.tag == "script" and "__pwned" in (element.text or "") and element.get("type") not in DATA_SCRIPTS:
            found.append("<script>")
    return found


def test_the_hostile_text_as_markdown_renders_it_is_all_active_content():
    # Without the sanitiser, every construct of the hostile text would reach the page; the checks below see it.
    found = active_content(html.fragment_fromstring(render_markdown(HOSTILE_BODY), create_parent="div"))
    assert {"<script>", "<meta http-equiv>", "<base>", "<iframe>", "<object>", "<embed>", "<input>"} <= set(found)
    assert {"<img onerror>", "<details ontoggle>", "<p onclick>", "<h2 onmouseover>"} <= set(found)
    assert len([one for one in found if EVIL_HOST in one or "javascript:" in one or "data:" in one]) >= 10


def texts(root: Any) -> str:
    """All text of a parsed document, attribute values included, as one plain string."""
    parts = [root.text_content() if hasattr(root, "text_content") else "".join(root.itertext())]
    parts += [value for element in root.iter() if isinstance(element.tag, str) for value in element.attrib.values()]
    return plain(" ".join(parts))


def test_every_page_carries_hostile_values_as_text_and_nothing_that_runs(hostile_site):
    for path in pages(hostile_site.root):
        root = html.fromstring(path.read_bytes())
        assert active_content(root) == [], path
        for script in root.iter("script"):
            if script.get("type") in DATA_SCRIPTS:
                assert "</" not in (script.text or "") and "<!--" not in (script.text or ""), path
                json.loads(script.text or "")


def test_an_item_page_titles_and_describes_itself_with_the_hostile_text(hostile_site):
    values = hostile_site.values
    root = html.fromstring((hostile_site.root / "agenda/evenement-a/index.html").read_bytes())
    assert plain(root.findtext(".//title") or "") == plain(values["events.title"]) + " - CoP Limburg"
    description = root.xpath("//meta[@name='description']/@content")
    assert [plain(one) for one in description] == [plain(values["events.summary"])]
    # Shared links: `&`, `<` and quotes escaped once, so a parser reads the text back.
    for key in ("og:description", "twitter:description"):
        shared = root.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")
        assert [plain(one) for one in shared] == [plain(values["events.summary"])], key
    for key in ("og:title", "twitter:title"):
        shared = root.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")
        assert [plain(one) for one in shared] == [plain(values["events.title"])], key
    assert plain(root.xpath("string(//h1)")) == plain(values["events.title"])
    online = root.xpath("//a[starts-with(@href, 'https://example.org/')]/@href")
    assert online and set(online) == {HOSTILE_URL}


def test_the_search_index_holds_titles_as_plain_text(hostile_site):
    titles = [fragment["meta"]["title"] for fragment in pagefind_fragments(hostile_site.root)]
    event = [title for title in titles if title.startswith(hostile_site.values["events.title"][:4])]
    assert event
    # Plain text, which the search dialog only ever sets as textContent.
    assert all(plain(title) == plain(hostile_site.values["events.title"]) for title in event)


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


def test_feed_readers_get_the_hostile_texts_without_anything_active_and_images_of_the_site_only(hostile_site):
    # feedparser unsanitised: what a reader that trusts the feed would show.
    for path in sorted(hostile_site.root.rglob("feed.xml")) + sorted(hostile_site.root.rglob("atom.xml")):
        feed = feedparser.parse(path.read_bytes(), sanitize_html=False)
        for entry in feed.entries:
            details = [*entry.get("content", []), entry.get("summary_detail", {})]
            for payload in [detail.get("value") for detail in details if detail.get("type") == "text/html"]:
                fragment = html.fragment_fromstring(payload or "<p></p>", create_parent="div")
                assert active_content(fragment) == [], (path, entry.title)
                assert all(src.startswith(SITE_URL) for src in fragment.xpath("//img/@src")), (path, entry.title)
    post = feedparser.parse((hostile_site.root / "coppig/nieuws/feed.xml").read_bytes(), sanitize_html=False)
    codes = html.fragment_fromstring(post.entries[0].content[0].value, create_parent="div").xpath("//code")
    assert [code.text_content() for code in codes] == list(HOSTILE_CODE)


def test_the_e_mail_edition_shows_images_of_the_site_only(hostile_site):
    for path in sorted(hostile_site.root.rglob("email.html")):
        root = html.fromstring(path.read_bytes())
        sources = root.xpath("//img/@src")
        assert sources and all(src.startswith(SITE_URL) for src in sources), path


def test_a_hostile_texts_code_stays_on_the_page_as_text(hostile_site):
    for path in BODY_PAGES:
        root = html.fromstring((hostile_site.root / path / "index.html").read_bytes())
        codes = [code.text_content() for code in root.xpath("//article//code")]
        assert all(code in codes for code in HOSTILE_CODE), path


def test_the_feed_sanitiser_leaves_out_images_from_elsewhere_and_keeps_those_of_the_site() -> None:
    fragment = (
        '<p><img src="https://evil.example/p.png" alt="p"><img src="//evil.example/q.png" alt="q">'
        '<img src="images/a.png" alt="a"><img src="https://site.example/b.png"></p>'
    )
    cleaned = html.fragment_fromstring(portable_html(fragment, "https://site.example/x/"), create_parent="div")
    assert [dict(image.attrib) for image in cleaned.iter("img")] == [
        {"src": "https://site.example/x/images/a.png", "alt": "a"},
        {"src": "https://site.example/b.png", "alt": ""},
    ]


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


def test_every_declared_reference_field_gets_a_valid_id_in_the_hostile_site() -> None:
    # References hold ids, not text: a new reference field in coplimburg/content/collections.py needs its id here.
    declared = {
        f"{key}.{name}"
        for key, collection in COLLECTIONS.items()
        if collection.items_are_files
        for name in collection.references
    }
    assert declared - {"events.kind", "products.type", "products.license"} <= set(FIXED)


def test_templates_leave_escaping_to_autoescape():
    # One convention (README, "Escaping"): no template escapes by hand, except the partial copied from Material as it
    # is (tests/test_search.py holds it to upstream).
    templates = [path for path in (REPO / "overrides").rglob("*.html") if path.name != "header.html"]
    templates += list((REPO / "coplimburg").rglob("*.html"))
    escaping = re.compile(r"\|\s*(e|escape)\b|map\(\s*[\"'](e|escape)[\"']")
    assert [path.name for path in templates if escaping.search(path.read_text(encoding="utf-8"))] == []
