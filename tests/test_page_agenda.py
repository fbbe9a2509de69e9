"""The agenda: upcoming events soonest first with series showing their next sessions, and the archive by year."""

from __future__ import annotations

from pages import content, links, page, text, texts

AGENDA = "agenda/"


def upcoming(built_site):
    (found,) = content(page(built_site, AGENDA)).xpath('.//h2[@id="komend"]/following-sibling::ul[1]')
    return found.xpath("./li")


def archive_years(built_site):
    article = content(page(built_site, AGENDA))
    return {text(heading): heading for heading in article.xpath('.//h2[@id="archief"]/following-sibling::h3')}


def year_part(heading):
    """The elements under an archive year heading, up to the next year."""
    part = []
    for sibling in heading.itersiblings():
        if sibling.tag in ("h2", "h3"):
            break
        part.append(sibling)
    return part


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


def test_the_archive_has_a_heading_per_year_newest_first(built_site):
    assert list(archive_years(built_site)) == ["2026", "2025", "2024"]


def test_an_archive_year_is_headed_by_its_programme_title_and_topics(built_site):
    (edition,) = [
        element for element in year_part(archive_years(built_site)["2025"]) if element.get("class") == "cop-edition"
    ]
    assert texts(edition.xpath("./strong")) == ["Leerroutes op maat"]
    assert text(edition).endswith("Zij-instroom, Validatie van skills, Samenwerken met de provincie")


def test_a_year_with_two_editions_shows_both_programmes(built_site):
    editions = [
        element for element in year_part(archive_years(built_site)["2024"]) if element.get("class") == "cop-edition"
    ]
    assert [texts(edition.xpath("./strong"))[0] for edition in editions] == [
        "Alle opbrengsten in beeld",
        "Verduurzamen met het lectoraat",
    ]


def test_the_archive_links_the_past_events_of_the_year(built_site):
    lists = [element for element in year_part(archive_years(built_site)["2025"]) if element.tag == "ul"]
    assert [link for found in lists for link in links(found, AGENDA)] == [
        "agenda/werkbezoek-hbo-aansluiting/",
        "agenda/coppisch-2025/",
    ]


def test_a_multi_day_event_in_the_archive_shows_its_first_and_last_day(built_site):
    (events,) = [element for element in year_part(archive_years(built_site)["2026"]) if element.tag == "ul"]
    (item,) = [item for item in events.xpath("./li") if "agenda/zomerschool-procestechniek/" in links(item, AGENDA)]
    assert texts(item.xpath("./time")) == ["maandag 24 augustus 2026, 09:00 tot woensdag 26 augustus 2026, 16:00"]


def test_a_cancelled_event_in_the_archive_is_marked_cancelled(built_site):
    (events,) = [element for element in year_part(archive_years(built_site)["2025"]) if element.tag == "ul"]
    item = events.xpath("./li")[0]
    assert links(item, AGENDA) == ["agenda/werkbezoek-hbo-aansluiting/"]
    assert texts(item.xpath('.//*[contains(@class, "cop-badge")]')) == ["Geannuleerd"]


def test_the_archive_keeps_the_past_sessions_of_series_under_their_series(built_site):
    (events,) = [element for element in year_part(archive_years(built_site)["2026"]) if element.tag == "ul"]
    series = {links(item, AGENDA)[0]: item for item in events.xpath("./li")}
    # tests/sample/content/events/tafelafstemming-netwerk.md: every 8 weeks from 10 February 2026, the session
    # of 28 July skipped; before the build date of 28 November: 10 Feb, 7 Apr, 2 Jun, (28 Jul), 22 Sep, 17 Nov.
    sessions = series["agenda/tafelafstemming-netwerk/"].xpath('.//ul[contains(@class, "cop-sessions")]/li')
    skipped = [text(session) for session in sessions if "Vervallen" in text(session)]
    assert (len(sessions) - len(skipped), skipped) == (5, ["dinsdag 28 juli 2026, 15:30–17:00 Vervallen"])
