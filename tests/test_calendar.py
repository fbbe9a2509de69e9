"""iCalendar feeds: agenda.ics, per table and per event, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml
from dateutil.rrule import rrulestr
from sitebuild import SAMPLE

from coplimburg.calendar.ics import calendar_files, event_uid
from coplimburg.calendar.links import calendar_links
from coplimburg.calendar.state import STATE_FILE, AgendaState, read_state, revise, write_state
from coplimburg.calendar.timezone import _agrees, _eu_rule
from coplimburg.content.loader import load
from coplimburg.editors.agenda_command import update_agenda_state
from coplimburg.editors.cli import main

SITE_URL = "https://www.communityofpracticelimburg.nl/"
TODAY = dt.date(2026, 11, 28)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SERIES_START = {"start": "2026-01-06 19:00", "end": "2026-01-06 20:30"}
# Sample event id → the tables it names (tests/sample/content/events).
SAMPLE_EVENTS = {
    path.stem: set(yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]).get("tables", []))
    for path in (SAMPLE / "content" / "events").glob("*.md")
}


def event_text(**fields: str) -> str:
    values = {
        "title": "Tafelafstemming",
        "summary": "Afstemming van de tafel.",
        "kind": "tafel",
        "start": "2026-03-03 19:00",
        "end": "2026-03-03 20:30",
        "location": "CHILL, Geleen",
        "published": "2026-01-05",
        **fields,
    }
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in values.items()) + "---\nTekst.\n"


def build(content_dir: Path, state: AgendaState | None = None, today: dt.date = TODAY) -> dict[str, icalendar.Calendar]:
    site = load(content_dir)
    files = calendar_files(site, SITE_URL, state or read_state(content_dir), today)
    return {path: icalendar.Calendar.from_ical(data) for path, data in files.items()}


def vevents(calendar: icalendar.Calendar, uid: str | None = None) -> list[icalendar.Event]:
    return [event for event in calendar.walk("VEVENT") if uid is None or str(event["UID"]) == uid]


def tzids_used(calendar: icalendar.Calendar) -> set[str]:
    return {
        str(event[name].params["TZID"])
        for event in vevents(calendar)
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID")
        if name in event and "TZID" in event[name].params
    }


def expand(main_event: icalendar.Event) -> list[dt.datetime]:
    """The starts an RFC 5545 client computes from DTSTART, RRULE and EXDATE."""
    start = main_event.DTSTART
    rule = rrulestr(main_event["RRULE"].to_ical().decode(), dtstart=start)
    exdates = main_event.get("EXDATE")
    skipped = {value.dt for value in (exdates.dts if exdates else [])}
    return [moment for moment in rule if moment not in skipped]


def test_a_date_time_is_written_in_amsterdam_time_with_a_matching_vtimezone(content):
    calendars = build(content(events={"afstemming.md": event_text()}))
    for calendar in calendars.values():
        assert tzids_used(calendar) <= {str(timezone["TZID"]) for timezone in calendar.walk("VTIMEZONE")}
    event = vevents(calendars["agenda.ics"])[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert dt.datetime(2026, 3, 3, 19, tzinfo=AMSTERDAM) == event.DTSTART


def test_the_uid_comes_from_the_event_id_and_survives_a_move(content):
    folder = content(events={"afstemming.md": event_text()})
    before = vevents(build(folder)["agenda.ics"])
    (folder / "events" / "afstemming.md").write_text(event_text(start="2026-03-10 19:00", end="2026-03-10 20:30"))
    after = vevents(build(folder)["agenda.ics"])
    assert [str(event["UID"]) for event in before] == [str(event["UID"]) for event in after]
    assert str(after[0]["UID"]) == "afstemming@communityofpracticelimburg.nl" == event_uid("afstemming")


def test_an_event_with_only_a_date_is_all_day_with_an_exclusive_end(content):
    calendars = build(content(events={"dag.md": event_text(start="2026-05-20", end="2026-05-21")}))
    event = vevents(calendars["agenda/dag.ics"])[0]
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert (dt.date(2026, 5, 20), dt.date(2026, 5, 22)) == (event.DTSTART, event.DTEND)


def test_a_cancelled_event_stays_in_the_feed_with_status_cancelled(content):
    calendars = build(content(events={"weg.md": event_text(status="geannuleerd")}))
    (event,) = vevents(calendars["agenda.ics"])
    assert event["STATUS"] == "CANCELLED"
    assert event["SUMMARY"].startswith("Geannuleerd:")


def test_an_8_weekly_evening_meeting_stays_at_19_00_local_time_across_daylight_saving(content):
    repeat = "\n  interval: 8\n  unit: weken\n  until: 2026-12-31\n  except: [2026-08-18]"
    calendars = build(content(events={"tafel.md": event_text(**SERIES_START, repeat=repeat)}))
    (series,) = vevents(calendars["agenda/tafel.ics"])
    starts = expand(series)
    assert [moment.date() for moment in starts] == [
        dt.date(2026, 1, 6), dt.date(2026, 3, 3), dt.date(2026, 4, 28), dt.date(2026, 6, 23),
        dt.date(2026, 10, 13), dt.date(2026, 12, 8),
    ]  # fmt: skip
    assert {moment.astimezone(AMSTERDAM).time() for moment in starts} == {dt.time(19)}
    assert {moment.utcoffset() for moment in starts} == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_a_moved_session_is_an_override_with_the_same_uid_and_its_original_start(content):
    repeat = "{interval: 8, unit: weken, until: 2026-12-31, moved: [{from: 2026-03-03, to: 2026-03-05 19:00}]}"
    calendars = build(content(events={"tafel.md": event_text(**SERIES_START, repeat=repeat)}))
    series, override = vevents(calendars["agenda.ics"], "tafel@communityofpracticelimburg.nl")
    assert "RRULE" in series and "RECURRENCE-ID" not in series
    assert override["RECURRENCE-ID"].dt == dt.datetime(2026, 3, 3, 19, tzinfo=AMSTERDAM)
    assert (
        dt.datetime(2026, 3, 5, 19, tzinfo=AMSTERDAM),
        dt.datetime(2026, 3, 5, 20, 30, tzinfo=AMSTERDAM),
    ) == (override.DTSTART, override.DTEND)


def test_editing_an_events_time_raises_sequence_and_last_modified_but_not_for_a_new_title(content):
    folder = content(events={"afstemming.md": event_text()})
    recorded = revise(load(folder).events, AgendaState(), TODAY)
    (first,) = vevents(build(folder, recorded)["agenda.ics"])
    assert (first["SEQUENCE"], first["LAST-MODIFIED"].dt) == (0, dt.datetime(2026, 1, 4, 23, tzinfo=dt.UTC))
    (folder / "events" / "afstemming.md").write_text(event_text(title="Nieuwe titel"))
    (renamed,) = vevents(build(folder, recorded)["agenda.ics"])
    assert renamed["SEQUENCE"] == 0
    (folder / "events" / "afstemming.md").write_text(event_text(start="2026-03-03 19:30"))
    (moved,) = vevents(build(folder, recorded, today=dt.date(2026, 2, 1))["agenda.ics"])
    assert moved["SEQUENCE"] == 1
    assert moved["LAST-MODIFIED"].dt == moved["DTSTAMP"].dt == dt.datetime(2026, 1, 31, 23, tzinfo=dt.UTC)


def test_cop_agenda_records_the_state_and_cop_check_only_warns_when_it_is_behind(content, capsys, monkeypatch):
    folder = content(events={"afstemming.md": event_text()})
    assert main(["check", "--content", str(folder)]) == 0
    assert "Geen actie nodig" in capsys.readouterr().out
    monkeypatch.setenv("COP_BUILD_DATE", "2026-02-01")
    assert update_agenda_state(folder) == 0
    assert read_state(folder).events["afstemming"].sequence == 0
    (folder / "events" / "afstemming.md").write_text(event_text(location="Zuyd, Heerlen"))
    assert main(["agenda", "--content", str(folder)]) == 0
    revision = read_state(folder).events["afstemming"]
    assert (revision.sequence, revision.modified) == (1, dt.date(2026, 2, 1))
    capsys.readouterr()
    assert main(["check", "--content", str(folder)]) == 0
    assert "Geen actie nodig" not in capsys.readouterr().out
    assert (folder / STATE_FILE).is_file()


def test_the_agenda_state_is_replaced_whole_or_not_at_all_and_left_alone_when_unchanged(content, monkeypatch):
    folder = content(events={"afstemming.md": event_text()})
    site = load(folder)
    state = revise(site.events, AgendaState(), dt.date(2026, 2, 1))
    assert write_state(folder, state)
    before = (folder / STATE_FILE).read_bytes()
    assert not write_state(folder, state)

    def interrupted(source: object, target: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("coplimburg.content.state_files.os.replace", interrupted)
    later = revise(site.events, AgendaState(), dt.date(2026, 3, 1)).model_copy(update={"events": {}})
    with pytest.raises(KeyboardInterrupt):
        write_state(folder, later)
    assert (folder / STATE_FILE).read_bytes() == before
    assert [path.name for path in (folder / STATE_FILE).parent.iterdir() if "agenda" in path.name] == [
        "agenda-state.yml"
    ]


def test_the_note_that_the_agenda_state_is_behind_says_first_that_the_editor_need_not_act(content, capsys):
    folder = content(events={"afstemming.md": event_text(), "nieuw.md": event_text(title="Nieuw")})
    write_state(folder, revise(load(folder).events, AgendaState(), TODAY))
    (folder / "events" / "afstemming.md").write_text(event_text(location="Zuyd, Heerlen"))
    (folder / "events" / "later.md").write_text(event_text(title="Later"))
    (folder / "events" / "nog-later.md").write_text(event_text(title="Nog later"))
    assert main(["check", "--content", str(folder)]) == 0
    [note] = [line for line in capsys.readouterr().out.splitlines() if "agenda-state.yml" in line]
    assert note == (
        f"Geen actie nodig: {(Path(folder.name) / STATE_FILE).as_posix()} kent de nieuwe evenementen later, "
        "nog-later en de wijziging van afstemming nog niet; bij het publiceren werkt `cop agenda` dit vanzelf bij, "
        "zodat agenda-apps de wijziging overnemen."
    )


def test_dutch_diacritics_and_long_lines_survive_the_round_trip(content):
    summary = "Een middag over het creëren van IBO's met praktijkopleiders, docenten en zij-instromers " * 3
    calendars = build(content(events={"lang.md": event_text(summary=f'"{summary.strip()}"', title='"Één dag: café"')}))
    (event,) = vevents(calendars["agenda.ics"])
    assert event["SUMMARY"] == "Één dag: café"
    assert str(event["DESCRIPTION"]).startswith(summary.strip())
    assert str(event["DESCRIPTION"]).endswith("https://www.communityofpracticelimburg.nl/agenda/lang/")


def test_the_vtimezone_rule_is_checked_against_the_tz_database():
    assert _agrees(_eu_rule(), dt.date(2021, 1, 1), dt.date(2028, 1, 1))
    wrong = _eu_rule()
    wrong.walk("DAYLIGHT")[0]["RRULE"]["BYMONTH"] = [4]
    assert not _agrees(wrong, dt.date(2021, 1, 1), dt.date(2028, 1, 1))


def test_the_links_fill_in_the_next_session_for_google_and_outlook(content):
    repeat = "\n  interval: 8\n  unit: weken\n  until: 2026-12-31"
    site = load(content(events={"tafel.md": event_text(**SERIES_START, repeat=repeat)}))
    links = calendar_links(site.events["tafel"], SITE_URL, dt.date(2026, 6, 1))
    google = parse_qs(urlsplit(links.google).query)
    outlook = parse_qs(urlsplit(links.outlook).query)
    assert (google["dates"], google["ctz"]) == (["20260623T190000/20260623T203000"], ["Europe/Amsterdam"])
    assert (outlook["startdt"], outlook["enddt"]) == (["2026-06-23T19:00:00+02:00"], ["2026-06-23T20:30:00+02:00"])
    assert links.ics == "agenda/tafel.ics"
    assert links.subscribe == "webcal://www.communityofpracticelimburg.nl/agenda.ics"


@pytest.fixture(scope="module")
def built_calendars(built_site: Path) -> dict[str, icalendar.Calendar]:
    return {
        path.relative_to(built_site).as_posix(): icalendar.Calendar.from_ical(path.read_bytes())
        for path in sorted(built_site.rglob("*.ics"))
    }


def test_agenda_ics_holds_every_event_once_with_stable_unique_uids(built_calendars):
    agenda = built_calendars["agenda.ics"]
    masters = [event for event in vevents(agenda) if "RECURRENCE-ID" not in event]
    assert sorted(str(event["UID"]) for event in masters) == sorted(event_uid(event_id) for event_id in SAMPLE_EVENTS)
    for calendar in built_calendars.values():
        assert tzids_used(calendar) <= {str(timezone["TZID"]) for timezone in calendar.walk("VTIMEZONE")}


def test_each_table_has_a_calendar_with_the_events_that_name_it(built_calendars):
    tables = sorted(path.stem for path in (SAMPLE / "content" / "tables").glob("*.md"))
    assert tables
    for table_id in tables:
        calendar = built_calendars[f"innovatietafels/{table_id}.ics"]
        uids = {str(event["UID"]) for event in vevents(calendar)}
        assert uids == {event_uid(event_id) for event_id, tables in SAMPLE_EVENTS.items() if table_id in tables}


def test_a_series_download_holds_the_whole_series_with_its_skips_and_its_moved_session(built_calendars):
    series, moved = vevents(built_calendars["agenda/tafelafstemming-netwerk.ics"])
    skipped = {value.dt.date() for value in series["EXDATE"].dts}
    assert skipped == {dt.date(2026, 7, 28)}
    assert moved["RECURRENCE-ID"].dt == dt.datetime(2027, 1, 12, 15, 30, tzinfo=AMSTERDAM)
    assert dt.datetime(2027, 1, 13, 15, 30, tzinfo=AMSTERDAM) == moved.DTSTART
    starts = expand(series)
    assert {moment.utcoffset() for moment in starts} == {dt.timedelta(hours=1), dt.timedelta(hours=2)}
    assert {moment.astimezone(AMSTERDAM).time() for moment in starts} == {dt.time(15, 30)}


def test_the_built_calendar_marks_the_cancelled_all_day_and_multi_day_events(built_calendars):
    agenda = built_calendars["agenda.ics"]
    (cancelled,) = vevents(agenda, event_uid("werkbezoek-hbo-aansluiting"))
    assert cancelled["STATUS"] == "CANCELLED"
    (all_day,) = vevents(agenda, event_uid("open-dag-chill"))
    assert (dt.date(2027, 3, 20), dt.date(2027, 3, 21)) == (all_day.DTSTART, all_day.DTEND)
    (multi_day,) = vevents(agenda, event_uid("zomerschool-procestechniek"))
    assert (
        dt.datetime(2026, 8, 24, 9, tzinfo=AMSTERDAM),
        dt.datetime(2026, 8, 26, 16, tzinfo=AMSTERDAM),
    ) == (multi_day.DTSTART, multi_day.DTEND)
