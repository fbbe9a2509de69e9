"""A partner page: kind, description, website, and its tables, meetings and products."""

from __future__ import annotations

from pages import content, link_labels, links, page, text, texts

PARTNER = "partners/chill/"


def section(heading_id):
    return f'.//h2[@id="{heading_id}"]/following-sibling::ul[1]'


def test_the_partner_shows_its_kind_name_description_and_website(built_site):
    article = content(page(built_site, PARTNER))
    assert texts(article.xpath('.//*[contains(@class, "cop-kicker")]')) == ["Partner · Onderzoek"]
    assert texts(article.xpath(".//h1")) == ["CHILL B.V. (Chemelot Innovation and Learning Labs)"]
    assert texts(article.xpath('.//*[contains(@class, "cop-summary")]'))[0].startswith("Leer- en innovatieomgeving")
    assert link_labels(article, PARTNER)["Website van CHILL B.V. (Chemelot Innovation and Learning Labs)"] == (
        "https://www.chillabs.nl"
    )


def test_the_partner_lists_the_tables_it_sits_at(built_site):
    (tables,) = content(page(built_site, PARTNER)).xpath(section("tafels"))
    assert links(tables, PARTNER) == [
        "innovatietafels/tafel-2b/",
        "innovatietafels/tafel-2c2/",
        "innovatietafels/tafel-2d/",
        "innovatietafels/tafel-3/",
    ]


def test_the_partner_lists_its_upcoming_meetings_soonest_first(built_site):
    (upcoming,) = content(page(built_site, PARTNER)).xpath(section("komend"))
    starts = upcoming.xpath("./li/time/@datetime")
    assert starts == sorted(starts)
    assert links(upcoming, PARTNER)[0] == "agenda/werksessie-blokkendoos-praktijkopleiders/"


def test_the_partner_lists_its_products_and_past_meetings(built_site):
    article = content(page(built_site, PARTNER))
    (products,) = article.xpath(section("coppyright"))
    assert "coppyright/blokkendoos-ibo/" in links(products, PARTNER)
    (past,) = article.xpath(section("eerder"))
    assert links(past, PARTNER)[0] == "agenda/coppisch-2024-ecosysteem-leren-en-werken/"


def test_a_partner_without_meetings_says_so(built_site):
    article = content(page(built_site, "partners/maastricht-university/"))
    assert article.xpath(section("komend")) == []
    assert text(article.xpath(".//h1")[0]) == "Maastricht University"
