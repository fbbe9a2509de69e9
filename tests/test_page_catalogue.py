"""The CoPyright catalogue as built: every product listed without JavaScript, the filters ready for cop.js."""

from __future__ import annotations

from pages import content, links, page, text, texts
from sitebuild import SAMPLE

from coplimburg.content.loader import load
from coplimburg.pages.overviews import catalogue

CATALOGUE = "coppyright/"
PRODUCTS = sorted(path.stem for path in (SAMPLE / "content" / "coppyright").glob("*.md"))


def cards(built_site):
    return content(page(built_site, CATALOGUE)).xpath(".//ul[@data-cop-catalogue]/li")


def filters(built_site):
    (form,) = content(page(built_site, CATALOGUE)).xpath(".//form[@data-cop-filters]")
    return form


def test_every_product_is_listed_and_visible_without_javascript(built_site):
    listed = [links(card, CATALOGUE)[0] for card in cards(built_site)]
    assert sorted(listed) == [f"coppyright/{product}/" for product in PRODUCTS]
    assert [card.get("hidden") for card in cards(built_site)] == [None] * len(PRODUCTS)


def test_the_newest_products_come_first(built_site):
    published = [card.xpath(".//time/@datetime")[0] for card in cards(built_site)]
    assert published == sorted(published, reverse=True)


def test_the_count_says_how_many_products_there_are(built_site):
    (count,) = content(page(built_site, CATALOGUE)).xpath(".//*[@data-cop-count]")
    assert text(count) == f"{len(PRODUCTS)} producten"
    assert count.get("role") == "status"


def test_each_filter_is_a_group_a_phone_shows_closed_named_by_its_legend(built_site):
    groups = filters(built_site).xpath("./details")
    assert [text(group.find("summary")) for group in groups] == [
        "Soort",
        "Doelgroep",
        "Niveau",
        "Domein",
        "Innovatietafel",
    ]
    assert [group.get("open") for group in groups] == [None] * 5


def test_the_count_of_a_single_product_is_singular(content):
    product = "---\ntitle: Eén\nsummary: Het enige.\ntype: tool\nlicense: CC-BY-SA-4.0\nversion: '1'\n"
    product += "published: 2024-01-01\n---\n"
    assert catalogue(load(content(coppyright={"een.md": product}))).count == "1 product"


def test_the_filter_form_is_in_place_from_the_first_paint_and_left_out_without_javascript(built_site):
    # Shown by the script after load, the form pushed the list down (CLS 0.498 on a phone); now only a
    # <noscript> style hides it, for browsers that will never run the filters.
    assert filters(built_site).get("hidden") is None
    styles = page(built_site, CATALOGUE).xpath("//head/noscript")
    assert any(".cop-filters{display:none}" in (style.text_content() or "") for style in styles)


def test_the_filters_are_grouped_by_facet_with_a_count_per_option(built_site):
    form = filters(built_site)
    assert texts(form.xpath(".//fieldset/legend")) == ["Soort", "Doelgroep", "Niveau", "Domein", "Innovatietafel"]
    labels = texts(form.xpath('.//fieldset[legend="Soort"]/label'))
    assert labels == [
        "Curriculum (2)",
        "IBO (integrale beroepsopdracht) (1)",
        "Methodiek (1)",
        "Onderzoek (1)",
    ]


def test_each_card_carries_the_values_the_filters_match_on(built_site):
    (card,) = [card for card in cards(built_site) if links(card, CATALOGUE) == ["coppyright/nulmeting-verwachtingen/"]]
    assert card.get("data-type") == "onderzoek"
    assert card.get("data-niveau").split() == ["mbo-4", "hbo"]
    assert card.get("data-tafel").split() == ["tafel-4", "tafel-3"]
    names = filters(built_site).xpath(".//fieldset/label/input/@name")
    assert {f"data-{name}" for name in names} <= set(card.keys())
