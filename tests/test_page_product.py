"""A CoPyright product page: its facts, licence, downloads, where it was presented, and its JSON-LD."""

from __future__ import annotations

from pages import content, facts, json_ld, link_labels, links, page, resolve, text, texts
from PIL import Image
from sitebuild import SAMPLE

# tests/sample/content/coppyright: with two downloads, updated, with a Markdown download, with an image.
PRODUCT = "coppyright/nulmeting-verwachtingen/"
UPDATED = "coppyright/bouwstenen-ibo/"
MARKDOWN_DOWNLOAD = "coppyright/checklist-validatiegesprek/"
ILLUSTRATED = "coppyright/leerroute-zij-instroom/"


def downloads(document):
    (found,) = content(document).xpath('.//h2[@id="downloads"]/following-sibling::ul[1]')
    return found.xpath("./li")


def test_the_product_shows_its_title_type_and_summary(built_site):
    article = content(page(built_site, PRODUCT))
    assert texts(article.xpath(".//h1")) == ["Nulmeting verwachtingen"]
    assert texts(article.xpath('.//*[contains(@class, "cop-kicker")]')) == ["CoPyright · Onderzoek"]
    assert texts(article.xpath('.//*[contains(@class, "cop-summary")]')) == [
        "Onderzoek naar wat studenten, docenten en praktijkopleiders bij de start van de CoP van de "
        "samenwerking verwachtten."
    ]


def test_the_product_facts_give_type_audiences_levels_domains_and_version_in_words(built_site):
    shown = {term: text(definition) for term, definition in facts(page(built_site, PRODUCT)).items()}
    assert shown["Soort"] == "Onderzoek"
    assert shown["Voor wie"] == "Docenten, Praktijkopleiders"
    assert shown["Niveau"] == "Mbo niveau 4, Hbo"
    assert shown["Domein"] == "Onderwijskunde"
    assert shown["Versie"] == "1.0"
    assert shown["Gepubliceerd"] == "donderdag 13 juni 2024"
    assert "Bijgewerkt" not in shown


def test_an_updated_product_shows_the_date_of_its_update(built_site):
    updated = facts(page(built_site, UPDATED))["Bijgewerkt"]
    assert text(updated) == "donderdag 12 juni 2025"
    assert updated.xpath(".//time/@datetime") == ["2025-06-12"]


def test_the_licence_is_named_in_full_and_linked(built_site):
    licence = facts(page(built_site, PRODUCT))["Licentie"]
    (anchor,) = licence.xpath("./a")
    assert text(anchor) == "Creative Commons Naamsvermelding 4.0 Internationaal"
    assert anchor.get("href") == "https://creativecommons.org/licenses/by/4.0/deed.nl"
    assert anchor.get("rel") == "license"


def test_the_partners_and_tables_that_made_it_are_linked(built_site):
    shown = facts(page(built_site, PRODUCT))
    assert links(shown["Gemaakt door"], PRODUCT) == ["partners/zuyd-hogeschool/", "partners/vista-college/"]
    assert links(shown["Innovatietafel"], PRODUCT) == ["innovatietafels/tafel-4/", "innovatietafels/tafel-3/"]


def test_each_download_shows_its_file_type_and_size(built_site):
    items = downloads(page(built_site, PRODUCT))
    assert texts(items) == [
        "Samenvatting van de nulmeting (PDF, 842 bytes)",
        "Respondentgroepen en onderzoeksvorm (CSV (spreadsheet), 256 bytes)",
    ]


def test_each_download_link_serves_the_file_itself(built_site):
    for url_path, folder in [
        (PRODUCT, "nulmeting-verwachtingen"),
        (UPDATED, "bouwstenen-ibo"),
        (MARKDOWN_DOWNLOAD, "checklist-validatiegesprek"),
    ]:
        for item in downloads(page(built_site, url_path)):
            (anchor,) = item.xpath("./a")
            assert anchor.get("download") is not None
            served = built_site / resolve(url_path, anchor.get("href"))
            source = SAMPLE / "content" / "coppyright" / "files" / folder / served.name
            assert served.read_bytes() == source.read_bytes()


def test_a_markdown_download_is_published_as_a_file_not_as_a_page(built_site):
    (item,) = downloads(page(built_site, MARKDOWN_DOWNLOAD))
    assert text(item).startswith("Checklist voor een validatiegesprek (tekst (Markdown),")
    assert not (built_site / "coppyright/files/checklist-validatiegesprek/checklist").exists()


def test_the_events_where_it_was_presented_are_linked(built_site):
    (presented,) = content(page(built_site, PRODUCT)).xpath('.//h2[@id="gepresenteerd"]/following-sibling::ul[1]')
    assert link_labels(presented, PRODUCT) == {"CoPpisch 2024: Alle opbrengsten in beeld": "agenda/coppisch-2024/"}


def test_a_product_image_is_shown_with_its_alt_text_and_published_beside_the_page(built_site):
    (image,) = content(page(built_site, ILLUSTRATED)).iter("img")
    assert image.get("alt") == "Schema van de leerroute in vier blokken"
    # The page shows a resized variant (tests/test_images.py); the original is published too, for the feeds,
    # re-encoded with the same pixels and nothing else (tests/test_image_metadata.py).
    assert (built_site / resolve(ILLUSTRATED, image.get("src"))).is_file()
    original = built_site / "coppyright" / "images" / "leerroute-zij-instroom.png"
    source = SAMPLE / "content" / "coppyright" / "images" / "leerroute-zij-instroom.png"
    with Image.open(original) as published, Image.open(source) as drawn:
        assert (published.format, published.size) == ("PNG", drawn.size)
        assert published.tobytes() == drawn.convert("RGB").tobytes()


def test_the_json_ld_describes_a_learning_resource(built_site):
    (resource,) = json_ld(page(built_site, PRODUCT), "LearningResource")
    assert "LearningResource" in resource["@type"]
    assert resource["name"] == "Nulmeting verwachtingen"
    assert resource["description"].startswith("Onderzoek naar wat studenten")
    assert resource["learningResourceType"] == "Onderzoek"
    assert resource["license"] == "https://creativecommons.org/licenses/by/4.0/deed.nl"
    assert resource["educationalLevel"] == ["Mbo niveau 4", "Hbo"]
    assert [audience["educationalRole"] for audience in resource["audience"]] == ["Docenten", "Praktijkopleiders"]
    assert resource["version"] == "1.0"
    assert resource["datePublished"] == "2024-06-13"
    assert resource["url"] == "https://www.communityofpracticelimburg.nl/" + PRODUCT
