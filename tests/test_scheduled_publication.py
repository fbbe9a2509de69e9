"""An item whose `published` date lies after the build date is published nowhere (page, feeds, editions, calendars)
until the build date reaches it; `cop check` names it as scheduled, and the preview can show it marked."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import re
from email.message import EmailMessage
from pathlib import Path

import feedparser
import icalendar
import lxml.html
import pytest
from mailsite import mail_site, post
from sitebuild import BUILD_DATE, build_site

from coplimburg.build import Build
from coplimburg.editors.cli import main
from coplimburg.problems import ContentError
from coplimburg.settings import read_config

RELEASE = "2027-01-15"
POST = f"""---
title: Gepland bericht
summary: Dit bericht verschijnt pas in januari.
published: {RELEASE}
categories: [algemeen]
---
Nog even geduld.
"""
EVENT = f"""---
title: Gepland evenement
summary: Een evenement dat pas in januari wordt aangekondigd.
kind: overig
start: 2027-02-10 13:00
end: 2027-02-10 17:00
location: CHILL, Geleen
published: {RELEASE}
---
Het programma volgt.
"""


@pytest.fixture
def scheduled_project(project: Path) -> Path:
    (project / "content/news/gepland-bericht.md").write_text(POST, encoding="utf-8")
    (project / "content/events/gepland-evenement.md").write_text(EVENT, encoding="utf-8")
    return project


def published_everywhere(site: Path) -> dict[str, bool]:
    """Where the two scheduled items appear in a built site."""
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    links = {entry.link for entry in feed.entries}
    json_feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    calendar = icalendar.Calendar.from_ical((site / "agenda.ics").read_bytes())
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    editions = [lxml.html.parse(str(page)).getroot() for page in site.glob("coppig/20*/index.html")]
    edition_links = {href for page in editions for href in page.xpath("//a/@href")}
    return {
        "post page": (site / "coppig/nieuws/gepland-bericht/index.html").is_file(),
        "event page": (site / "agenda/gepland-evenement/index.html").is_file(),
        "event .ics": (site / "agenda/gepland-evenement.ics").is_file(),
        "rss": any(link.endswith("/coppig/nieuws/gepland-bericht/") for link in links),
        "json feed": any(item["url"].endswith("/gepland-evenement/") for item in json_feed["items"]),
        "agenda.ics": "Gepland evenement" in summaries,
        "edition": any(href.endswith("gepland-bericht/") for href in edition_links),
    }


def test_a_scheduled_item_is_absent_everywhere_until_its_date_and_published_everywhere_from_it(
    scheduled_project, tmp_path
):
    before = tmp_path / "before"
    assert build_site(scheduled_project, before, BUILD_DATE).returncode == 0
    assert published_everywhere(before) == dict.fromkeys(published_everywhere(before), False)

    after = tmp_path / "after"
    result = build_site(scheduled_project, after, RELEASE)
    assert result.returncode == 0, result.stderr
    assert published_everywhere(after) == dict.fromkeys(published_everywhere(after), True)


def test_the_coppig_email_carries_a_scheduled_post_only_from_its_publication_date(content, tmp_path, monkeypatch):
    posts = {
        "verschenen.md": post("Verschenen in juli", "2024-07-05"),
        "gepland.md": post("Gepland in juli", "2024-07-20"),
    }
    config = mail_site(content, **posts)
    monkeypatch.setenv("COP_PREVIEW_SCHEDULED", "1")  # a shell set up for the preview changes nothing
    shown: dict[str, tuple[list[str], str]] = {}
    for day in ("2024-07-19", "2024-07-20"):
        monkeypatch.setenv("COP_BUILD_DATE", day)
        eml = tmp_path / f"{day}.eml"
        assert main(["coppig", "--config", str(config), "--maand", "2024-07", "--eml", str(eml)]) == 0
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        text, page = message.iter_parts()
        headings = lxml.html.document_fromstring(page.get_content()).iter("h2")
        shown[day] = ([heading.text_content() for heading in headings], text.get_content())
    (before, before_text), (after, after_text) = shown["2024-07-19"], shown["2024-07-20"]
    assert before == ["Verschenen in juli"] and "Gepland in juli" not in before_text
    assert after == ["Gepland in juli", "Verschenen in juli"] and "Gepland in juli" in after_text


def test_cop_check_lists_scheduled_items_with_their_dutch_date(scheduled_project, capsys, monkeypatch):
    monkeypatch.setenv("COP_BUILD_DATE", BUILD_DATE)
    assert main(["check", "--content", str(scheduled_project / "content")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("Gepland (nog niet gepubliceerd")
    assert [line.strip() for line in lines[2:4]] == [
        "content/events/gepland-evenement.md: gepland voor 15 januari 2027",
        "content/news/gepland-bericht.md: gepland voor 15 januari 2027",
    ]


def test_the_preview_shows_a_scheduled_item_marked_as_not_yet_published(scheduled_project, tmp_path, monkeypatch):
    monkeypatch.setenv("COP_PREVIEW_SCHEDULED", "1")
    result = build_site(scheduled_project, tmp_path / "site", BUILD_DATE)
    assert result.returncode == 0, result.stderr
    page = lxml.html.parse(str(tmp_path / "site/coppig/nieuws/gepland-bericht/index.html")).getroot()
    [title] = page.xpath("//div[contains(@class, 'admonition')]/p[@class='admonition-title']")
    assert title.text_content() == "Nog niet gepubliceerd"


def appended(file: Path, text: str) -> None:
    file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")


def problems_on(project: Path, day: str) -> list[tuple[str, str]]:
    """(file, message) of every problem `cop check` finds in the project on the build date `day`."""
    from coplimburg.content.loader import load

    try:
        load(project / "content", dt.date.fromisoformat(day))
    except ContentError as error:
        return [(problem.path, problem.message) for problem in error.problems]
    return []


def test_a_link_to_an_item_that_appears_later_is_reported_until_that_day(scheduled_project, monkeypatch):
    monkeypatch.delenv("COP_PREVIEW_SCHEDULED", raising=False)
    appended(
        scheduled_project / "content/news/netwerk-van-start.md",
        "\nZie [het bericht](/coppig/nieuws/gepland-bericht/).\n",
    )
    assert problems_on(scheduled_project, BUILD_DATE) == [
        (
            "content/news/netwerk-van-start.md",
            "'/coppig/nieuws/gepland-bericht/' gaat naar /coppig/nieuws/gepland-bericht/, dat pas op "
            "15 januari 2027 verschijnt (gepland); link ernaar vanaf die dag, of plan dit item op of na die datum",
        )
    ]
    assert problems_on(scheduled_project, RELEASE) == []


def test_a_docs_page_that_links_to_a_scheduled_item_is_reported_until_that_day(scheduled_project, monkeypatch):
    monkeypatch.delenv("COP_PREVIEW_SCHEDULED", raising=False)
    appended(scheduled_project / "docs/over.md", "\nZie [het evenement](/agenda/gepland-evenement/).\n")
    assert problems_on(scheduled_project, BUILD_DATE) == [
        (
            "docs/over.md",
            "'/agenda/gepland-evenement/' gaat naar /agenda/gepland-evenement/, dat pas op 15 januari 2027 "
            "verschijnt (gepland); link ernaar vanaf die dag",
        )
    ]
    assert problems_on(scheduled_project, RELEASE) == []


def test_a_scheduled_item_links_to_the_site_of_its_own_date(scheduled_project, monkeypatch):
    monkeypatch.delenv("COP_PREVIEW_SCHEDULED", raising=False)
    # Published on the same day as the event, in the month whose edition exists only from that day on.
    links = "\n[Evenement](/agenda/gepland-evenement/) [editie](/coppig/2027-01/)\n"
    appended(scheduled_project / "content/news/gepland-bericht.md", links)
    assert problems_on(scheduled_project, BUILD_DATE) == []


FAR_POST = """---
title: Bericht voor later
summary: Dit bericht verschijnt pas in 2098.
published: 2098-06-01
categories: [algemeen]
---
Nog lang geduld.
"""


def _with_build_date(project: Path, day: str) -> dict:
    """Pin `extra.cop.build_date` in the project's mkdocs.yml; its `extra` as the build reads it."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^    build_date: .*$", f"    build_date: {day}", text), encoding="utf-8")
    return read_config(config)["extra"]


@pytest.fixture
def linked_far_post(project: Path, monkeypatch) -> Path:
    """A post scheduled for 2098 and a published post that links to it; no build date in the environment."""
    monkeypatch.delenv("COP_BUILD_DATE", raising=False)
    monkeypatch.delenv("COP_PREVIEW_SCHEDULED", raising=False)
    (project / "content/news/bericht-voor-later.md").write_text(FAR_POST, encoding="utf-8")
    news = project / "content/news/netwerk-van-start.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nZie [later](/coppig/nieuws/bericht-voor-later/).\n")
    return project


def test_the_build_checks_links_against_the_build_date_set_in_mkdocs_yml(linked_far_post):
    extra = _with_build_date(linked_far_post, "2099-01-01")
    build = Build.start(linked_far_post, "https://example.org/", "CoP Limburg", "", extra)
    assert build.today == dt.date(2099, 1, 1)
    assert "bericht-voor-later" in build.site.posts
    extra = _with_build_date(linked_far_post, BUILD_DATE)
    with pytest.raises(ContentError) as caught:
        Build.start(linked_far_post, "https://example.org/", "CoP Limburg", "", extra)
    assert [problem.field for problem in caught.value.problems] == ["link"]


def test_cop_check_uses_the_build_date_set_in_mkdocs_yml(linked_far_post, capsys):
    content = str(linked_far_post / "content")
    _with_build_date(linked_far_post, "2099-01-01")
    assert main(["check", "--content", content]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Inhoud in orde")
    _with_build_date(linked_far_post, BUILD_DATE)
    assert main(["check", "--content", content]) == 1
    assert "pas op 1 juni 2098 verschijnt (gepland)" in capsys.readouterr().err
