"""The agenda: upcoming events soonest first with series showing their next sessions, the last events that took
place, and the year pages for the rest."""

from __future__ import annotations

import datetime as dt

from pages import content, links, page, text, texts

from coplimburg.agenda import archive as agenda_archive
from coplimburg.content.loader import load

AGENDA = "agenda/"
TODAY = dt.date(2026, 11, 28)


def upcoming(built_site):
    (found,) = content(page(built_site, AGENDA)).xpath('.//h2[@id="komend"]/following-sibling::ul[1]')
    return found.xpath("./li")


def recent(built_site):
    (found,) = content(page(built_site, AGENDA)).xpath('.//h2[@id="onlangs"]/following-sibling::ul[1]')
    return found.xpath("./li")


def archive(built_site):
    (found,) = content(page(built_site, AGENDA)).xpath('.//h2[@id="archief"]/following-sibling::ul[1]')
    return found.xpath("./li")


def test_upcoming_events_are_listed_soonest_first_from_the_build_date(built_site):
    starts = [item.xpath("./time/@datetime")[0] for item in upcoming(built_site)]
    assert starts == sorted(starts)
    # tests/sample/content/events: the workshop of 9 December is the first event after the build date.
    assert starts[0] == "2026-12-09T13:00:00+01:00"
    assert all(start >= "2026-11-28" for start in starts)
    assert "2027-03-20" in starts  # the all-day open day, by its date alone


def test_a_series_shows_its_next_sessions_in_the_upcoming_list(built_site):
    targets = [links(item, AGENDA)[0] for item in upcoming(built_site)]
    assert targets.count("agenda/tafelafstemming-netwerk/") >= 2
    assert "agenda/online-kennissessie-validatie/" in targets
    assert "agenda/open-dag-chill/" in targets


def test_a_moved_event_or_session_carries_a_moved_badge(built_site):
    badges = [
        (item.xpath("./time/@datetime")[0], texts(item.xpath('.//*[contains(@class, "cop-badge")]')))
        for item in upcoming(built_site)
        if item.xpath('.//*[contains(@class, "cop-badge")]')
    ]
    # The moved event, and the one moved session of the series (12 → 13 January 2027).
    assert badges == [("2026-12-10T13:30:00+01:00", ["Verplaatst"]), ("2027-01-13T15:30:00+01:00", ["Verplaatst"])]


def test_each_upcoming_line_shows_the_dutch_date_and_the_kind_of_event(built_site):
    first = upcoming(built_site)[0]
    assert texts(first.xpath("./time")) == ["woensdag 9 december 2026, 13:00–16:30"]
    assert texts(first.xpath('./*[contains(@class, "cop-tag")]')) == ["Overig"]


def test_the_recent_past_shows_the_last_five_events_with_their_latest_session_newest_first(built_site):
    # tests/sample: before 28 November 2026 the series met last on 17 November (its earlier sessions are on the year
    # page), the summer school ran in August, the cancelled visit was planned for November 2025, and so on.
    assert [(links(item, AGENDA)[0], item.xpath("./time/@datetime")[0]) for item in recent(built_site)] == [
        ("agenda/tafelafstemming-netwerk/", "2026-11-17T15:30:00+01:00"),
        ("agenda/zomerschool-procestechniek/", "2026-08-24T09:00:00+02:00"),
        ("agenda/werkbezoek-hbo-aansluiting/", "2025-11-13T13:30:00+01:00"),
        ("agenda/coppisch-2025/", "2025-06-12T13:00:00+02:00"),
        ("agenda/coppisch-2024/", "2024-06-13T13:00:00+02:00"),
    ]


EVENT = """---
title: Sessie
summary: Een sessie.
kind: overig
start: {day} 13:00
end: {day} 16:00
location: CHILL, Geleen
published: 2024-01-02
---
"""


def test_the_agenda_lists_no_more_of_the_past_however_much_took_place(content):
    site = load(content(events={f"sessie-{day:02}.md": EVENT.format(day=f"2024-03-{day:02}") for day in range(1, 29)}))
    assert [event.id for event, _ in agenda_archive.recent(site.events.values(), TODAY)] == [
        f"sessie-{day:02}" for day in (28, 27, 26, 25, 24)
    ]


def test_a_multi_day_event_in_the_recent_past_shows_its_first_and_last_day(built_site):
    (item,) = [item for item in recent(built_site) if "agenda/zomerschool-procestechniek/" in links(item, AGENDA)]
    assert texts(item.xpath("./time")) == ["maandag 24 augustus 2026, 09:00 tot woensdag 26 augustus 2026, 16:00"]


def test_a_cancelled_event_in_the_recent_past_is_marked_cancelled(built_site):
    (item,) = [item for item in recent(built_site) if "agenda/werkbezoek-hbo-aansluiting/" in links(item, AGENDA)]
    assert texts(item.xpath('.//*[contains(@class, "cop-badge")]')) == ["Geannuleerd"]


def test_the_archive_links_the_page_of_every_year_newest_first_with_its_programme(built_site):
    assert [(links(item, AGENDA), text(item)) for item in archive(built_site)] == [
        (["jaaroverzicht/2026/"], "Jaaroverzicht 2026"),
        (["jaaroverzicht/2025/"], "Jaaroverzicht 2025: Leerroutes op maat"),
        (["jaaroverzicht/2024/"], "Jaaroverzicht 2024: Alle opbrengsten in beeld; Verduurzamen met het lectoraat"),
    ]
