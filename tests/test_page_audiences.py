"""The target-group page and the CoProductie page: lists made from the content, and a plain "none yet"."""

from __future__ import annotations

from pages import content, link_labels, page, text, texts

AUDIENCES = "doelgroepen/"
COPRODUCTION = "coproductie/"


def offer(built_site, heading_id):
    """The macro block under a group's heading: its h3 headings → the element that follows each."""
    article = content(page(built_site, AUDIENCES))
    (block,) = article.xpath(f'.//h2[@id="{heading_id}"]/following-sibling::div[contains(@class, "cop-audience")][1]')
    return {text(heading): heading.getnext() for heading in block.xpath("./h3")}, block


def test_a_group_sees_its_products_tables_meetings_and_contacts(built_site):
    sections, block = offer(built_site, "studenten-bbl")
    assert list(sections) == ["Producten in CoPyright", "Innovatietafels", "Komende bijeenkomsten", "Aanspreekpunten"]
    labels = link_labels(block, AUDIENCES)
    # tests/sample: bouwstenen-ibo names bbl, made by tafel 2B, whose upcoming events and lead follow.
    assert labels["Bouwstenen voor IBO's"] == "coppyright/bouwstenen-ibo/"
    assert labels["Deze producten in de CoPyright-catalogus"] == "coppyright/"
    assert block.xpath('.//a[contains(@href, "?doelgroep=bbl")]')
    assert labels["Tafel 2B: Modulaire leerroutes voor zij-instromers"] == "innovatietafels/tafel-2b/"
    assert labels["Werksessie leerroutes voor praktijkopleiders"] == "agenda/werksessie-leerroutes/"
    assert labels["Onderwijskundig leider, VISTA college"] == "partners/vista-college/"
    assert "trekker van tafel 2B" in texts(block.xpath('.//*[contains(@class, "cop-note")]'))


def test_a_group_without_products_says_so_under_each_heading(built_site):
    sections, block = offer(built_site, "bedrijven")
    assert text(sections["Producten in CoPyright"]) == "Er staan nog geen producten voor deze doelgroep in CoPyright."
    assert text(sections["Innovatietafels"]) == "Nog geen innovatietafel heeft een product voor deze doelgroep."
    assert link_labels(block, AUDIENCES) == {"Contact": "contact/"}


def test_coproduction_lists_the_posts_of_its_category_and_the_research_products(built_site):
    article = content(page(built_site, COPRODUCTION))

    def after(heading_id):
        (block,) = article.xpath(f'.//h2[@id="{heading_id}"]/following-sibling::div[1]')
        return block

    assert list(link_labels(after("berichten-over-coproductie"), COPRODUCTION).values()) == [
        "coppig/nieuws/lectoraat-gestart/"
    ]
    assert list(link_labels(after("onderzoek-in-copyright"), COPRODUCTION).values()) == [
        "coppyright/nulmeting-verwachtingen/"
    ]
    assert text(after("berichten-over-het-klankbord")) == "Er zijn nog geen berichten in de categorie Klankbord."
