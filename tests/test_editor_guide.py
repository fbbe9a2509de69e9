"""The editors' guide in docs-redactie/ documents every field of every model, and links only to pages that exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.html
import markdown
import pytest
from pydantic import BaseModel
from sitebuild import REPO

from coplimburg.content.collections import SITE_DATA
from coplimburg.content.fields import LOADER_FIELDS, Item
from coplimburg.editors.scaffold import KINDS

GUIDE = REPO / "docs-redactie"
PAGES = {"event": "evenement.md", "product": "product.md", "table": "tafel.md", "post": "nieuws.md"}


def field_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field editors can write, nested ones dotted (`repeat.moved.from`), as the guide names them."""
    for name, info in model.model_fields.items():
        if issubclass(model, Item) and name in LOADER_FIELDS:
            continue
        path = prefix + (info.alias or name)
        yield path
        nested = _model_in(info.annotation)
        if nested is not None:
            yield from field_paths(nested, path + ".")


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        if (found := _model_in(argument)) is not None:
            return found
    return None


def page(name: str) -> lxml.html.HtmlElement:
    html = markdown.markdown((GUIDE / name).read_text(encoding="utf-8"), extensions=["tables", "fenced_code"])
    return lxml.html.fromstring(f"<div>{html}</div>")


def documented_fields(name: str) -> list[str]:
    """The first column of every field table (header 'Veld') on a guide page."""
    fields = []
    for table in page(name).xpath("//table[thead/tr/th[1]='Veld']"):
        fields += [cell.text_content() for cell in table.xpath("tbody/tr/td[1]/code")]
    return fields


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_guide_page_of_each_item_type_documents_every_field_of_its_model(kind):
    documented = documented_fields(PAGES[kind])
    assert sorted(documented) == sorted(field_paths(KINDS[kind].model))


def test_the_site_data_page_documents_every_field_of_every_site_file():
    expected = [path for model in (data.model for data in SITE_DATA.values()) for path in field_paths(model)]
    assert sorted(documented_fields("sitegegevens.md")) == sorted(expected)


def test_every_field_row_gives_an_example():
    for name in [*PAGES.values(), "sitegegevens.md"]:
        for row in page(name).xpath("//table[thead/tr/th[1]='Veld']/tbody/tr"):
            assert row.xpath("td[4]")[0].text_content().strip(), f"{name}: {row.xpath('td[1]')[0].text_content()}"


def test_every_link_in_the_guide_points_to_a_page_that_exists():
    for file in GUIDE.glob("*.md"):
        for target in page(file.name).xpath("//a/@href"):
            local = target.split("#")[0]
            if local and "://" not in local:
                assert (GUIDE / local).is_file(), f"{file.name} links to missing {local}"


def test_the_table_of_contents_lists_every_page_of_the_guide():
    listed = {href.split("#")[0] for href in page("README.md").xpath("//a/@href")}
    assert {file.name for file in GUIDE.glob("*.md")} - {"README.md"} <= listed
