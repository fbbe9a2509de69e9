"""A CoPyright product page: its facts, licence, downloads, where it was presented, and its JSON-LD."""

from __future__ import annotations

from conftest import REPO
from pages import content, facts, json_ld, link_labels, links, page, resolve, text, texts

PRODUCT = "coppyright/nulmeting-verwachtingen-cop/"
UPDATED = "coppyright/blokkendoos-ibo/"
MARKDOWN_DOWNLOAD = "coppyright/validatiesysteem-leervormen-skills/"


def downloads(document):
    (found,) = content(document).xpath('.//h2[@id="downloads"]/following-sibling::ul[1]')
    return found.xpath("./li")


def test_the_product_shows_its_title_type_and_summary(built_site):
    article = content(page(built_site, PRODUCT))
    assert texts(article.xpath(".//h1")) == ["Nulmeting verwachtingen CoP"]
    assert texts(article.xpath('.//*[contains(@class, "cop-kicker")]')) == ["CoPyright · Onderzoek"]
    assert texts(article.xpath('.//*[contains(@class, "cop-summary")]')) == [
        "Onderzoek naar de verwachtingen van founding fathers, studenten, docenten, praktijkopleiders en "
        "voorzitters van de innovatietafels bij de start van de CoP."
    ]


def test_the_product_facts_give_type_audiences_levels_domains_and_version_in_words(built_site):
    shown = {term: text(definition) for term, definition in facts(page(built_site, PRODUCT)).items()}
    assert shown["Soort"] == "Onderzoek"
    assert shown["Voor wie"] == "Docenten, Praktijkopleiders, Bedrijven"
    assert shown["Niveau"] == "Mbo niveau 3, Mbo niveau 4, Hbo"
    assert shown["Domein"] == "Onderwijskunde"
    assert shown["Versie"] == "1.0"
    assert shown["Gepubliceerd"] == "donderdag 16 juni 2022"
    assert "Bijgewerkt" not in shown


def test_an_updated_product_shows_the_date_of_its_update(built_site):
    updated = facts(page(built_site, UPDATED))["Bijgewerkt"]
    assert text(updated) == "donderdag 13 juni 2024"
    assert updated.xpath(".//time/@datetime") == ["2024-06-13"]


def test_the_licence_is_named_in_full_and_linked(built_site):
    licence = facts(page(built_site, PRODUCT))["Licentie"]
    (anchor,) = licence.xpath("./a")
    assert text(anchor) == "Creative Commons Naamsvermelding 4.0 Internationaal"
    assert anchor.get("href") == "https://creativecommons.org/licenses/by/4.0/deed.nl"
    assert anchor.get("rel") == "license"


def test_the_partners_and_tables_that_made_it_are_linked(built_site):
    shown = facts(page(built_site, PRODUCT))
    assert links(shown["Gemaakt door"], PRODUCT) == [
        "partners/zuyd-hogeschool/",
        "partners/roc-leijgraaf/",
        "partners/vista-college/",
    ]
    assert links(shown["Innovatietafel"], PRODUCT) == ["innovatietafels/tafel-4/", "innovatietafels/tafel-3/"]


def test_each_download_shows_its_file_type_and_size(built_site):
    items = downloads(page(built_site, PRODUCT))
    assert texts(items) == [
        "Samenvatting van de nulmeting (PDF, 842 bytes)",
        "Respondentgroepen en onderzoeksvorm (CSV (spreadsheet), 256 bytes)",
    ]


def test_each_download_link_serves_the_file_itself(built_site):
    for url_path, folder in [
        (PRODUCT, "nulmeting-verwachtingen-cop"),
        (MARKDOWN_DOWNLOAD, "validatiesysteem-leervormen-skills"),
    ]:
        for item in downloads(page(built_site, url_path)):
            (anchor,) = item.xpath("./a")
            assert anchor.get("download") is not None
            served = built_site / resolve(url_path, anchor.get("href"))
            source = REPO / "content" / "coppyright" / "files" / folder / served.name
            assert served.read_bytes() == source.read_bytes()


def test_a_markdown_download_is_published_as_a_file_not_as_a_page(built_site):
    (item,) = downloads(page(built_site, MARKDOWN_DOWNLOAD))
    assert text(item).startswith("Checklist voor een validatiegesprek (tekst (Markdown),")
    assert not (built_site / "coppyright/files/validatiesysteem-leervormen-skills/checklist-validatie").exists()


def test_the_events_where_it_was_presented_are_linked(built_site):
    (presented,) = content(page(built_site, PRODUCT)).xpath('.//h2[@id="gepresenteerd"]/following-sibling::ul[1]')
    assert link_labels(presented, PRODUCT) == {
        "CoPpisch 2022: Ecosystemisch leren en onderzoeken": "agenda/coppisch-2022-leren-en-onderzoeken/"
    }


def test_the_json_ld_describes_a_learning_resource(built_site):
    (resource,) = json_ld(page(built_site, PRODUCT))
    assert "LearningResource" in resource["@type"]
    assert resource["name"] == "Nulmeting verwachtingen CoP"
    assert resource["description"].startswith("Onderzoek naar de verwachtingen")
    assert resource["learningResourceType"] == "Onderzoek"
    assert resource["license"] == "https://creativecommons.org/licenses/by/4.0/deed.nl"
    assert resource["educationalLevel"] == ["Mbo niveau 3", "Mbo niveau 4", "Hbo"]
    assert [audience["educationalRole"] for audience in resource["audience"]] == [
        "Docenten",
        "Praktijkopleiders",
        "Bedrijven",
    ]
    assert resource["version"] == "1.0"
    assert resource["datePublished"] == "2022-06-16"
    assert resource["url"] == "https://www.communityofpracticelimburg.nl/" + PRODUCT
