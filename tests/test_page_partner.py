"""A partner page: kind, description, website, and its tables, meetings and products."""

from __future__ import annotations

import yaml
from pages import content, json_ld, link_labels, links, page, text, texts
from sitebuild import build_site

PARTNER = "partners/chill/"


def section(heading_id):
    return f'.//h2[@id="{heading_id}"]/following-sibling::ul[1]'


def test_the_partner_shows_its_kind_name_description_and_website(built_site):
    article = content(page(built_site, PARTNER))
    assert texts(article.xpath('.//*[contains(@class, "cop-kicker")]')) == ["Partner · Onderzoek"]
    assert texts(article.xpath(".//h1")) == ["CHILL B.V. (Chemelot Innovation and Learning Labs)"]
    assert texts(article.xpath('.//*[contains(@class, "cop-summary")]')) == [
        "Leer- en innovatieomgeving op de Brightlands Chemelot Campus waar studenten en bedrijven samen aan "
        "praktijkvragen werken."
    ]
    assert link_labels(article, PARTNER)["Website van CHILL B.V. (Chemelot Innovation and Learning Labs)"] == (
        "https://www.chillabs.nl"
    )


def test_the_partner_lists_the_tables_it_sits_at(built_site):
    (tables,) = content(page(built_site, PARTNER)).xpath(section("tafels"))
    assert links(tables, PARTNER) == ["innovatietafels/tafel-2b/", "innovatietafels/tafel-3/"]


def test_the_partner_lists_its_upcoming_meetings_soonest_first(built_site):
    (upcoming,) = content(page(built_site, PARTNER)).xpath(section("komend"))
    starts = upcoming.xpath("./li/time/@datetime")
    assert starts == sorted(starts)
    assert links(upcoming, PARTNER) == [
        "agenda/werksessie-leerroutes/",
        "agenda/kennissessie-lectoraat/",
        "agenda/open-dag-chill/",
    ]


def test_the_partner_lists_its_products_and_past_meetings(built_site):
    article = content(page(built_site, PARTNER))
    (products,) = article.xpath(section("coppyright"))
    assert links(products, PARTNER) == ["coppyright/bouwstenen-ibo/"]
    (past,) = article.xpath(section("eerder"))
    assert links(past, PARTNER) == [
        "agenda/zomerschool-procestechniek/",
        "agenda/coppisch-2025/",
        "agenda/coppisch-2024/",
    ]


def test_a_partner_without_meetings_says_so(built_site):
    article = content(page(built_site, "partners/maastricht-university/"))
    assert article.xpath(section("komend")) == []
    assert text(article.xpath(".//h1")[0]) == "Maastricht University"


def test_the_who_does_what_matrix_says_its_marks_are_not_confirmed(built_site):
    article = content(page(built_site, "partners/"))
    (table,) = article.xpath('.//table[contains(@class, "cop-matrix")]')
    (note,) = article.xpath(f'.//*[@id="{table.get("aria-describedby")}"]')
    assert text(note) == "Let op: De plaatsing van de vinkjes is een inschatting en nog niet bevestigd."
    assert text(table.xpath("./caption")[0]) == "Wie doet wat (niet bevestigd)"
    assert [text(cell) for cell in table.xpath("./thead/tr/th")] == ["Activiteit", "VISTA college", "CHILL", "CoP"]


def test_a_partner_without_a_known_website_says_so_and_links_nowhere(project, tmp_path):
    partners_file = project / "content" / "site" / "partners.yml"
    data = yaml.safe_load(partners_file.read_text(encoding="utf-8"))
    (chill,) = [partner for partner in data["partners"] if partner["id"] == "chill"]
    del chill["url"]
    partners_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    article = content(page(site, PARTNER))
    assert not any(label.startswith("Website van") for label in link_labels(article, PARTNER))
    assert "De bronnen van de CoP noemen geen eigen website van CHILL" in text(article)
    organisations = [one for one in json_ld(page(site, "")) if one.get("@type") == "Organization"]
    members = [member for one in organisations for member in one.get("member", [])]
    (member,) = [member for member in members if member["name"].startswith("CHILL")]
    assert "url" not in member
