"""The one model of event time: normalised at load, and one answer for every place that shows a series."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from coplimburg.agenda.archive import upcoming
from coplimburg.calendar.links import calendar_links
from coplimburg.content.loader import load
from coplimburg.dates import dutch_span
from coplimburg.editors.cli import main
from coplimburg.feeds.entries import collect
from coplimburg.pages import jsonld
from coplimburg.pages.cache import cache_folder
from coplimburg.pages.images import Originals
from coplimburg.problems import ContentError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SITE_URL = "https://www.communityofpracticelimburg.nl/"
TODAY = dt.date(2026, 11, 28)
# An 8-weekly series from September 2026: the first session (1 Sep) is skipped, the one of 27 Oct is past,
# the one of 22 Dec (after the build date) is moved to the 23rd.
SERIES = {
    "start": "2026-09-01 19:00",
    "end": "2026-09-01 20:30",
    "repeat": "\n  interval: 8\n  unit: weken\n  until: 2027-06-30\n  except: [2026-09-01]\n"
    "  moved:\n    - from: 2026-12-22\n      to: 2026-12-23 19:00",
}


@pytest.fixture
def events(content):
    def make(**files: str) -> Path:
        return content(events=files)  # its programme names no sample event

    return make


def event_text(**fields: str) -> str:
    values = {
        "title": "Tafelafstemming",
        "summary": "Afstemming van de tafel.",
        "kind": "tafel",
        "start": "2026-12-01 19:00",
        "location": "CHILL, Geleen",
        "published": "2026-08-01",
        **fields,
    }
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in values.items()) + "---\nTekst.\n"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load(folder)
    return [str(problem) for problem in raised.value.problems]


def test_an_event_with_a_time_is_an_aware_span_in_amsterdam(events):
    event = load(events(**{"x.md": event_text(end="2026-12-01 21:00")})).events["x"]
    span = event.schedule.first.span
    assert (span.start, span.end, span.all_day) == (
        dt.datetime(2026, 12, 1, 19, tzinfo=AMSTERDAM),
        dt.datetime(2026, 12, 1, 21, tzinfo=AMSTERDAM),
        False,
    )


def test_an_all_day_event_ends_at_midnight_after_its_last_day(events):
    event = load(events(**{"x.md": event_text(start="2026-12-01", end="2026-12-02")})).events["x"]
    span = event.schedule.first.span
    assert span.all_day
    assert span.end == dt.datetime(2026, 12, 3, tzinfo=AMSTERDAM)
    assert (span.first_day, span.last_day) == (dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    assert dutch_span(span) == "dinsdag 1 december 2026 tot en met woensdag 2 december 2026"


def test_an_event_is_upcoming_during_the_whole_day_it_ends_on(events):
    event = load(events(**{"x.md": event_text(start="2026-11-28 09:00", end="2026-11-28 10:00")})).events["x"]
    assert not event.schedule.is_past(TODAY)
    assert event.schedule.is_past(TODAY + dt.timedelta(days=1))


def test_a_series_skips_excepted_sessions_and_shows_moved_ones_at_their_new_date(events):
    event = load(events(**{"x.md": event_text(**SERIES)})).events["x"]
    starts = [session.span.start.date() for session in event.schedule.sessions]
    assert dt.date(2026, 9, 1) not in starts
    assert starts[:3] == [dt.date(2026, 10, 27), dt.date(2026, 12, 23), dt.date(2027, 2, 16)]
    moved = event.schedule.sessions[1]
    assert moved.moved and moved.planned.start.date() == dt.date(2026, 12, 22)


def test_a_series_keeps_its_local_time_across_daylight_saving_changes(events):
    event = load(events(**{"x.md": event_text(**SERIES)})).events["x"]
    assert {session.span.start.strftime("%H:%M") for session in event.schedule.sessions} == {"19:00"}
    offsets = {session.span.start.utcoffset() for session in event.schedule.sessions}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_every_place_that_names_one_session_of_a_series_names_the_same_next_session(events):
    site = load(events(**{"x.md": event_text(**SERIES)}))
    event = site.events["x"]
    expected = dt.datetime(2026, 12, 23, 19, tzinfo=AMSTERDAM)
    # Page lists and the event page.
    assert upcoming([event], TODAY)[0].span.start == expected
    # JSON-LD: the first of the next three.
    documents = jsonld.event(site, event, SITE_URL, TODAY)["@graph"]
    assert len(documents) == 3
    assert documents[0]["startDate"] == expected.isoformat()
    # "Zet in je agenda" links.
    links = calendar_links(event, SITE_URL, TODAY)
    assert parse_qs(urlsplit(links.outlook).query)["startdt"] == [expected.isoformat()]
    # Feed item and CoPPIG edition: dated by the announcement, naming the next session.
    (entry,) = collect(site, SITE_URL, TODAY, Originals(cache_folder(site.content.parent, "images")))
    assert entry.published == dt.datetime(2026, 8, 1, tzinfo=AMSTERDAM)
    facts = {fact.label: fact.text for fact in entry.all_facts}
    assert facts["Volgende sessie"] == dutch_span(event.schedule.next_session(TODAY).span)
    assert facts["Volgende sessie"].startswith("woensdag 23 december 2026")


def test_a_series_whose_sessions_are_all_over_names_its_last_session(events):
    site = load(events(**{"x.md": event_text(**SERIES)}))
    event = site.events["x"]
    later = dt.date(2028, 1, 1)
    assert event.schedule.next_session(later) == event.schedule.last
    (entry,) = collect(site, SITE_URL, later, Originals(cache_folder(site.content.parent, "images")))
    assert {fact.label for fact in entry.all_facts} >= {"Wanneer", "Reeks"}


def test_a_series_with_every_session_excepted_is_a_dutch_content_error_not_a_crash(events, capsys):
    repeat = "\n  interval: 4\n  unit: weken\n  until: 2026-12-29\n  except: [2026-12-01, 2026-12-29]"
    folder = events(**{"leeg.md": event_text(repeat=repeat)})
    problems = problems_of(folder)
    assert len(problems) == 1
    assert problems[0].startswith("content/events/leeg.md:")
    assert ": repeat: elke sessie van deze reeks staat in except" in problems[0]
    assert main(["check", "--content", str(folder)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_a_rule_that_gives_hundreds_of_sessions_is_refused_before_it_is_expanded(events):
    repeat = "\n  interval: 1\n  unit: weken\n  until: 2099-12-31"
    (problem,) = problems_of(events(**{"x.md": event_text(repeat=repeat)}))
    assert ": repeat: deze reeks geeft meer dan 500 sessies" in problem


def test_a_time_that_does_not_exist_on_the_spring_dst_night_is_refused(events):
    (problem,) = problems_of(events(**{"x.md": event_text(start="2027-03-28 02:30")}))
    assert problem.startswith("content/events/x.md:")
    assert ": start: 2027-03-28 02:30 bestaat niet" in problem


def test_a_time_that_exists_twice_on_the_autumn_dst_night_is_refused(events):
    (problem,) = problems_of(events(**{"x.md": event_text(start="2026-10-25 01:00", end="2026-10-25 02:30")}))
    assert ": end: 2026-10-25 02:30 bestaat twee keer" in problem


def test_an_end_before_the_start_names_the_end(events):
    (problem,) = problems_of(events(**{"x.md": event_text(end="2026-12-01 18:00")}))
    assert ": end: ligt vóór start (2026-12-01 19:00)" in problem
