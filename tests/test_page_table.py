"""The tables overview and a page per innovation table: theme, lead, members by kind, meetings, products."""

from __future__ import annotations

from pages import content, facts, link_labels, links, page, text, texts
from sitebuild import SAMPLE

TABLE = "innovatietafels/tafel-2b/"
TABLE_3 = "innovatietafels/tafel-3/"
# Every table code in tests/sample/content/tables, in code order.
CODES = ["2B", "3", "4"]


def section(document, heading_id):
    """The list right under a heading of the page."""
    (found,) = content(document).xpath(f'.//h2[@id="{heading_id}"]/following-sibling::ul[1]')
    return found


def test_the_overview_lists_every_table_in_code_order_with_theme_lead_and_status(built_site):
    rows = content(page(built_site, "innovatietafels/")).xpath(".//table/tbody/tr")
    codes = [text(row.xpath("./th")[0]).split(":")[0] for row in rows]
    assert codes == CODES
    assert len(rows) == len(list((SAMPLE / "content" / "tables").glob("*.md")))
    first, last = rows[0], rows[-1]
    assert link_labels(first, "innovatietafels/") == {"2B: Modulaire leerroutes voor zij-instromers": TABLE}
    assert texts(first.xpath("./td")) == [
        "Integrale beroepsopdrachten als bouwstenen voor leerroutes op maat voor zij-instromers en upgraders.",
        "Onderwijskundig leider, VISTA college",
        "Actief",
    ]
    assert texts(last.xpath("./td"))[-1] == "Afgerond"


def test_the_overview_table_has_column_headers(built_site):
    table = content(page(built_site, "innovatietafels/")).xpath(".//table")[0]
    assert texts(table.xpath("./thead/tr/th")) == ["Tafel", "Thema", "Trekker", "Status"]
    assert set(table.xpath("./thead/tr/th/@scope")) == {"col"}


def test_a_table_page_shows_code_status_title_and_theme(built_site):
    article = content(page(built_site, TABLE))
    assert texts(article.xpath('.//*[contains(@class, "cop-kicker")]')) == ["Innovatietafel 2B · Actief"]
    assert texts(article.xpath(".//h1")) == ["Modulaire leerroutes voor zij-instromers"]
    assert texts(article.xpath('.//*[contains(@class, "cop-summary")]'))[0].startswith("Integrale beroepsopdrachten")


def test_a_table_page_shows_its_lead_cadence_and_sounding_board(built_site):
    shown = facts(page(built_site, TABLE))
    assert text(shown["Trekker"]) == "Onderwijskundig leider, VISTA college"
    assert links(shown["Trekker"], TABLE) == ["partners/vista-college/"]
    assert text(shown["Ritme"]) == "Elke 8 weken afstemming, één evenement per jaar"
    assert text(shown["Klankbord"]) == "Studenten, Bedrijven, Praktijkopleiders"


def test_the_members_are_grouped_by_kind_of_partner(built_site):
    article = content(page(built_site, TABLE_3))
    headings = article.xpath('.//h2[@id="aan-tafel"]/following-sibling::h3')
    groups = {text(heading): links(heading.getnext(), TABLE_3) for heading in headings}
    assert groups == {
        "Onderwijs": ["partners/vista-college/", "partners/zuyd-hogeschool/"],
        "Onderzoek": ["partners/chill/"],
        "Overheid": ["partners/provincie-limburg/"],
    }


def test_the_upcoming_meetings_are_listed_soonest_first(built_site):
    items = section(page(built_site, TABLE), "komende-bijeenkomsten").xpath("./li")
    starts = [item.xpath("./time/@datetime")[0] for item in items]
    assert starts == sorted(starts)
    assert links(section(page(built_site, TABLE), "komende-bijeenkomsten"), TABLE) == [
        "agenda/werksessie-leerroutes/",
        "agenda/online-kennissessie-validatie/",
    ]


def test_the_past_meetings_link_to_their_event_pages(built_site):
    assert links(section(page(built_site, TABLE), "eerdere-bijeenkomsten"), TABLE) == [
        "agenda/zomerschool-procestechniek/",
        "agenda/coppisch-2025/",
        "agenda/coppisch-2024/",
    ]


def test_the_products_of_the_table_are_listed(built_site):
    assert sorted(links(section(page(built_site, TABLE), "coppyright"), TABLE)) == [
        "coppyright/bouwstenen-ibo/",
        "coppyright/checklist-validatiegesprek/",
        "coppyright/curriculum-procestechniek-bol/",
        "coppyright/leerroute-zij-instroom/",
    ]


def test_the_table_body_is_rendered_from_markdown(built_site):
    paragraphs = texts(content(page(built_site, TABLE)).xpath("./div[contains(@class, 'cop-item')]/p"))
    assert any(paragraph.startswith("Tafel 2B maakt integrale beroepsopdrachten (IBO's)") for paragraph in paragraphs)
