"""An event page: the Dutch date, where, registration, status, tables and partners, outcomes, body and its JSON-LD."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from pages import content, facts, json_ld, lines, link_labels, links, page, text, texts

# One event per case, from tests/sample/content/events.
COPPISCH_2024 = "agenda/coppisch-2024/"
WORKSHOP = "agenda/werksessie-leerroutes/"
ONLINE = "agenda/online-kennissessie-validatie/"
CANCELLED = "agenda/werkbezoek-hbo-aansluiting/"
MOVED = "agenda/kennissessie-lectoraat/"
SERIES = "agenda/tafelafstemming-netwerk/"
ALL_DAY = "agenda/open-dag-chill/"
MULTI_DAY = "agenda/zomerschool-procestechniek/"


def registration_buttons(document):
    return [a for a in content(document).xpath('.//a[contains(@class, "md-button")]') if "Aanmelden" in text(a)]


def test_the_date_is_written_in_dutch_with_weekday_and_time_span(built_site):
    when = facts(page(built_site, COPPISCH_2024))["Wanneer"]
    assert text(when) == "donderdag 13 juni 2024, 13:00–17:00"
    assert when.xpath(".//time/@datetime") == ["2024-06-13T13:00:00+02:00"]


def test_the_location_and_address_are_shown(built_site):
    where = facts(page(built_site, COPPISCH_2024))["Waar"]
    assert lines(where) == ["Center Court, Brightlands Chemelot Campus, Geleen", "Urmonderbaan 22, 6167 RD Geleen"]


def test_an_online_event_links_to_where_it_takes_place_and_has_no_location(built_site):
    shown = facts(page(built_site, ONLINE))
    assert "Waar" not in shown
    assert links(shown["Online"], ONLINE) == ["https://meet.example.org/cop/kennissessie-validatie"]


def test_an_upcoming_event_with_registration_has_a_registration_button(built_site):
    (button,) = registration_buttons(page(built_site, WORKSHOP))
    assert button.get("href") == "https://forms.example.org/cop/werksessie-leerroutes"
    assert button.xpath("ancestor::*[@data-cop-actions]/@hidden") == []


@pytest.mark.parametrize("url_path", [COPPISCH_2024, ONLINE, CANCELLED, MOVED, SERIES, ALL_DAY, MULTI_DAY])
def test_an_event_without_registration_has_no_registration_button(built_site, url_path):
    assert registration_buttons(page(built_site, url_path)) == []


def test_a_past_event_says_so_and_hides_its_actions(built_site):
    article = content(page(built_site, COPPISCH_2024)).xpath(".//div[@data-cop-ends]")[0]
    assert article.xpath(".//*[@data-cop-passed]/@hidden") == []
    assert article.xpath(".//*[@data-cop-actions]/@hidden") == [""]


def test_an_upcoming_event_hides_the_passed_note(built_site):
    assert content(page(built_site, WORKSHOP)).xpath(".//*[@data-cop-passed]/@hidden") == [""]


def test_a_cancelled_event_is_marked_cancelled_in_words(built_site):
    status = content(page(built_site, CANCELLED)).xpath('.//*[contains(@class, "cop-status")]')[0]
    assert texts(status.xpath("./p")) == ["Geannuleerd", "Dit evenement gaat niet door."]


def test_a_moved_event_is_marked_moved_and_shows_the_original_date_struck_through(built_site):
    status = content(page(built_site, MOVED)).xpath('.//*[contains(@class, "cop-status")]')[0]
    assert text(status.xpath("./p")[0]) == "Verplaatst"
    assert texts(status.xpath(".//del")) == ["donderdag 26 november 2026, 13:30"]
    assert text(facts(page(built_site, MOVED))["Wanneer"]) == "donderdag 10 december 2026, 13:30–16:30"


def test_an_all_day_event_shows_its_date_without_a_time(built_site):
    when = facts(page(built_site, ALL_DAY))["Wanneer"]
    assert text(when) == "zaterdag 20 maart 2027"
    assert when.xpath(".//time/@datetime") == ["2027-03-20"]
    (event,) = json_ld(page(built_site, ALL_DAY), "Event")
    assert (event["startDate"], event["endDate"]) == ("2027-03-20", "2027-03-20")


def test_a_multi_day_event_shows_its_first_and_last_day_with_times(built_site):
    when = facts(page(built_site, MULTI_DAY))["Wanneer"]
    assert text(when) == "maandag 24 augustus 2026, 09:00 tot woensdag 26 augustus 2026, 16:00"
    (event,) = json_ld(page(built_site, MULTI_DAY), "Event")
    assert (event["startDate"], event["endDate"]) == ("2026-08-24T09:00:00+02:00", "2026-08-26T16:00:00+02:00")


def test_a_planned_event_has_no_status_notice(built_site):
    assert content(page(built_site, WORKSHOP)).xpath('.//*[contains(@class, "cop-status")]') == []


def test_the_event_links_its_tables_and_partners(built_site):
    shown = facts(page(built_site, WORKSHOP))
    table = "Tafel 2B: Modulaire leerroutes voor zij-instromers"
    assert link_labels(shown["Innovatietafels"], WORKSHOP) == {table: "innovatietafels/tafel-2b/"}
    assert links(shown["Organisatie"], WORKSHOP) == [
        "partners/vista-college/",
        "partners/chill/",
        "partners/chemelot-academy/",
    ]


def test_the_outcomes_link_to_their_products(built_site):
    (outcomes,) = content(page(built_site, COPPISCH_2024)).xpath('.//h2[@id="opbrengsten"]/following-sibling::ul[1]')
    assert links(outcomes, COPPISCH_2024) == ["coppyright/nulmeting-verwachtingen/", "coppyright/bouwstenen-ibo/"]


def test_the_body_is_rendered_from_markdown(built_site):
    body = content(page(built_site, COPPISCH_2024))
    assert texts(body.xpath('.//h2[@id="onderwerpen"]')) == ["Onderwerpen¶"]
    assert "Hoe nu verder?" in texts(body.xpath('.//h2[@id="onderwerpen"]/following-sibling::ul[1]/li'))


def test_a_series_shows_its_rhythm_next_session_and_upcoming_sessions(built_site):
    document = page(built_site, SERIES)
    when = facts(document)["Wanneer"]
    assert lines(when) == ["Elke 8 weken, tot en met woensdag 30 juni 2027", "Volgende sessie:"]
    assert texts(when.xpath("./time")) == ["woensdag 13 januari 2027, 15:30–17:00"]
    sessions = content(document).xpath('.//h2[@id="sessies"]/following-sibling::ul[1]/li')
    starts = [item.xpath("./time/@datetime")[0] for item in sessions]
    assert starts[:3] == ["2027-01-13T15:30:00+01:00", "2027-03-09T15:30:00+01:00", "2027-05-04T15:30:00+02:00"]
    assert starts == sorted(starts)
    assert texts(sessions[0].xpath('.//*[contains(@class, "cop-badge")]')) == ["Verplaatst"]


def test_the_upcoming_sessions_of_a_series_do_not_link_to_the_series_page_itself(built_site):
    sessions = content(page(built_site, SERIES)).xpath('.//h2[@id="sessies"]/following-sibling::ul[1]')[0]
    assert len(sessions.xpath("./li")) >= 3
    assert links(sessions, SERIES) == []


def calendar_actions(document):
    (actions,) = content(document).xpath(".//*[@data-cop-actions]")
    return {text(link): link.get("href") for link in actions.xpath(".//a")}


def test_the_calendar_links_of_a_series_say_the_file_holds_the_series_and_the_apps_get_the_next_session(built_site):
    actions = calendar_actions(page(built_site, SERIES))
    assert list(actions) == [
        "Zet de hele reeks in je agenda (Tafelafstemming netwerk en kennisdeling, iCalendar-bestand)",
        "Volgende sessie in Google Agenda",
        "Volgende sessie in Outlook op het web",
    ]
    # The next session (13 January 2027, moved a day from the 12th), the one the links' forms fill in.
    google = parse_qs(urlsplit(actions["Volgende sessie in Google Agenda"]).query)
    assert google["dates"] == ["20270113T153000/20270113T170000"]


def test_the_calendar_links_of_a_single_event_name_only_the_app(built_site):
    assert list(calendar_actions(page(built_site, WORKSHOP)))[1:] == [
        "Zet in je agenda (Werksessie leerroutes voor praktijkopleiders, iCalendar-bestand)",
        "Google Agenda",
        "Outlook op het web",
    ]


def test_the_json_ld_describes_a_scheduled_event_at_a_place(built_site):
    (event,) = json_ld(page(built_site, WORKSHOP), "Event")
    assert event["@type"] == "Event"
    assert event["name"] == "Werksessie leerroutes voor praktijkopleiders"
    assert dt.datetime.fromisoformat(event["startDate"]) == dt.datetime(
        2026, 12, 9, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert event["endDate"] == "2026-12-09T16:30:00+01:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"] == {
        "@type": "Place",
        "name": "CHILL, Brightlands Chemelot Campus, Geleen",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Urmonderbaan 22",
            "postalCode": "6167 RD",
            "addressLocality": "Geleen",
            "addressCountry": "NL",
        },
    }
    assert [organizer["name"] for organizer in event["organizer"]] == [
        "Community of Practice Limburg",
        "VISTA college",
        "CHILL B.V. (Chemelot Innovation and Learning Labs)",
        "Chemelot Academy B.V.",
    ]
    assert event["description"].startswith("Een praktische middag voor praktijkopleiders")
    assert event["url"] == "https://www.communityofpracticelimburg.nl/" + WORKSHOP


def test_the_json_ld_of_an_online_event_has_a_virtual_location(built_site):
    (event,) = json_ld(page(built_site, ONLINE), "Event")
    assert event["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/cop/kennissessie-validatie",
    }
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_the_json_ld_of_a_cancelled_event_says_cancelled(built_site):
    (event,) = json_ld(page(built_site, CANCELLED), "Event")
    assert event["eventStatus"] == "https://schema.org/EventCancelled"


def test_the_json_ld_of_a_moved_event_says_rescheduled_with_the_previous_start(built_site):
    (event,) = json_ld(page(built_site, MOVED), "Event")
    assert event["eventStatus"] == "https://schema.org/EventRescheduled"
    assert event["previousStartDate"] == "2026-11-26T13:30:00+01:00"
    assert event["startDate"] == "2026-12-10T13:30:00+01:00"


def test_the_json_ld_of_a_series_lists_its_next_sessions(built_site):
    sessions = json_ld(page(built_site, SERIES), "Event")
    assert [session["@type"] for session in sessions] == ["Event"] * 3
    assert [session["startDate"] for session in sessions] == [
        "2027-01-13T15:30:00+01:00",
        "2027-03-09T15:30:00+01:00",
        "2027-05-04T15:30:00+02:00",
    ]
