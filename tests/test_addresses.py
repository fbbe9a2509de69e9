"""One rule for every web address content gives (coplimburg.content.addresses): a URL field, a setting in mkdocs.yml,
`site_url` and a link or image in a text are refused when a browser could read them otherwise than Python does
(a backslash, a user name before @, white space, control characters, `<`, `>`, `"`), in Dutch, naming what was found
and what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sitebuild import build_site

from coplimburg.content.addresses import address_problem, image_problem, link_problem
from coplimburg.content.loader import load
from coplimburg.editors.cli import main
from coplimburg.problems import ContentError
from coplimburg.settings import read_settings

EVENT = """---
title: Kennissessie
summary: Een korte samenvatting.
kind: overig
start: 2026-06-13 13:00
location: CHILL, Geleen
registration: {url}
published: 2026-04-01
---
Tekst.
"""

REFUSED = [
    (
        "https://www.leijgraaf.nl\\@evil.example/",
        "bevat een backslash (\\); schrijf gewone schuine strepen (/)",
    ),
    (
        "https://www.leijgraaf.nl@evil.example/",
        "bevat een gebruikersnaam vóór @ ('www.leijgraaf.nl@'): een browser gaat dan naar evil.example; schrijf het "
        "adres zonder het deel tot en met @",
    ),
    (
        "https://gast:geheim@example.org/",
        "bevat een gebruikersnaam vóór @ ('gast:geheim@'): een browser gaat dan naar example.org; schrijf het adres "
        "zonder het deel tot en met @",
    ),
    ("https://example.org/aan melden", "bevat een spatie of regeleinde; schrijf een spatie in een adres als %20"),
    ("https://example.org/a\u200bb", "bevat het onzichtbare teken \\u200b; verwijder het"),
    ("https://example.org/a\x7fb", "bevat het onzichtbare teken \\u007f; verwijder het"),
    ("https://example.org/?a=<b>", "bevat het teken <; laat het weg of schrijf %3C"),
    ("https://example.org/>,<mailto:x@evil.example>", "bevat het teken <; laat het weg of schrijf %3C"),
    ('https://example.org/"x', 'bevat een aanhalingsteken ("); laat het weg of schrijf %22'),
    (
        "https://evil%2eexample/",
        "bevat een %-teken in de naam van de website; schrijf de naam zoals hij is",
    ),
]
ACCEPTED = [
    "https://www.leijgraaf.nl/",
    "https://example.org/@cop/berichten?a=1&b=2#kop",
    "http://localhost:8000/",
    "https://bücher.example/straße",
    "https://example.org/pad%20met%20spatie",
]


@pytest.mark.parametrize(("url", "problem"), REFUSED, ids=[url for url, _ in REFUSED])
def test_an_address_a_browser_reads_otherwise_is_refused_with_what_was_found(url, problem):
    assert address_problem(url) == problem


@pytest.mark.parametrize("url", ACCEPTED)
def test_ordinary_addresses_pass(url):
    assert address_problem(url) is None
    assert link_problem(url) is None


def test_a_text_links_to_the_site_and_to_http_mailto_and_tel_and_shows_only_images_of_the_site():
    for url in ("/agenda/", "../coppyright/x.md", "#kop", "mailto:a@b.nl", "tel:+31431234567"):
        assert link_problem(url) is None, url
    assert link_problem("ftp://example.org/a.pdf") is not None
    for url in ("images/a.png", "../assets/images/cop-logo.png", "/assets/images/cop-logo.png"):
        assert image_problem(url) is None, url
    for url in ("https://example.org/a.png", "//example.org/a.png", "data:image/png;base64,AA", "\\\\host\\a.png"):
        assert image_problem(url) is not None, url


@pytest.mark.parametrize(("url", "problem"), REFUSED[:4], ids=[url for url, _ in REFUSED[:4]])
def test_a_url_field_of_an_item_refuses_it_in_dutch_on_its_line(content, url, problem):
    text = EVENT.format(url=yaml.safe_dump(url, default_style="'").strip())
    with pytest.raises(ContentError) as raised:
        load(content(events={"kennissessie.md": text}))
    assert [str(one) for one in raised.value.problems] == [
        f"content/events/kennissessie.md:7: registration: het webadres '{url}' {problem}"
    ]


def test_a_partner_url_in_site_data_is_refused_too(content):
    root = content()
    partners = root / "site" / "partners.yml"
    data = yaml.safe_load(partners.read_text(encoding="utf-8"))
    data["partners"][0]["url"] = "https://www.leijgraaf.nl\\@evil.example/"
    partners.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load(root)
    (problem,) = raised.value.problems
    assert (problem.path, problem.field) == ("content/site/partners.yml", "partners[0].url")
    assert problem.message.startswith("het webadres 'https://www.leijgraaf.nl\\@evil.example/' bevat een backslash")


def test_a_newsletter_address_in_mkdocs_yml_is_refused_too():
    unsubscribe = "https://lijst.example.nl/af>,<mailto:alles@evil.example>"
    with pytest.raises(ContentError) as raised:
        read_settings({"cop": {"newsletter": {"unsubscribe_url": unsubscribe}}})
    assert [str(problem) for problem in raised.value.problems] == [
        f"mkdocs.yml: extra.cop.newsletter.unsubscribe_url: het webadres '{unsubscribe}' bevat het teken <; laat het "
        "weg of schrijf %3C"
    ]


SITE_URL_PROBLEM = (
    "mkdocs.yml:3: site_url: het webadres 'https://www.communityofpracticelimburg.nl\\@evil.example/' bevat een "
    "backslash (\\); schrijf gewone schuine strepen (/); schrijf het adres van de site, zoals https://www.voorbeeld.nl/"
)


def with_site_url(project: Path, site_url: str) -> None:
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].startswith("site_url:")
    lines[2] = f"site_url: '{site_url}'\n"
    config.write_text("".join(lines), encoding="utf-8")


def test_a_site_url_a_browser_reads_otherwise_stops_cop_check_and_the_build(project, tmp_path, capsys, monkeypatch):
    with_site_url(project, "https://www.communityofpracticelimburg.nl\\@evil.example/")
    monkeypatch.chdir(project)
    assert main(["check"]) == 1
    assert SITE_URL_PROBLEM in capsys.readouterr().err.splitlines()[1:][0]
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert SITE_URL_PROBLEM in result.stderr
    assert "Traceback" not in result.stderr
