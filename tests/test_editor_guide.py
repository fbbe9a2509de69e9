"""The editors' guide in docs-redactie/ documents every field of every model, and links only to pages that exist."""

from __future__ import annotations

import itertools
import shlex
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


# Recipe lines of the Makefile that have no Windows step: make's own bookkeeping, compiling ahead (speed only) and
# the Debian packages (met-git.md says what Windows lacks instead).
MAKE_ONLY = {"touch $@", "$(BYTECODE)", "bash requirements/ensure-debian"}
# The Makefile targets an editor uses, in the order met-git.md gives their Windows form.
EDITOR_TARGETS = ["$(VENV)/.site", "check", "serve", "build"]
# pip flags that only make it quiet or refuse to run outside .venv (the Windows commands name .venv's Python).
PIP_GUARDS = {"--quiet", "--require-virtualenv"}


def recipe(target: str) -> list[str]:
    """The commands of one Makefile target, as written."""
    lines = (REPO / "Makefile").read_text(encoding="utf-8").split(f"\n{target}:", 1)[1].splitlines()[1:]
    return [line.strip() for line in itertools.takewhile(lambda line: line.startswith("\t"), lines)]


def in_powershell(command: str) -> list[str]:
    """A Makefile command as met-git.md must give it for Windows: variables set with `$env:`, the programs of
    .venv as `.venv\\Scripts\\<name>.exe`, pip through Python, paths with backslashes."""
    if command in MAKE_ONLY:
        return []
    words = shlex.split(command.replace("test -x $(BIN)/python || $(PYTHON)", "py"))
    settings = []
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        settings.append(f'$env:{name} = "{value}"')
    if words[0] == "$(BIN)/pip":
        words[:1] = ["$(BIN)/python", "-m", "pip"]
    windows = []
    for word in words:
        if word in PIP_GUARDS:
            continue
        if word.startswith("$(BIN)/"):
            word = ".venv/Scripts/" + word.removeprefix("$(BIN)/") + ".exe"
        windows.append(word.replace("$(VENV)", ".venv").replace("/", "\\"))
    return [*settings, " ".join(windows)]


def code_lines(name: str) -> set[str]:
    """Every line of code on a guide page, in blocks and inline."""
    return {line.strip() for code in page(name).xpath("//code") for line in code.text_content().splitlines()}


def test_the_windows_commands_in_the_guide_are_the_makefile_steps_an_editor_uses():
    expected = [line for target in EDITOR_TARGETS for command in recipe(target) for line in in_powershell(command)]
    assert "py -m venv .venv" in expected and ".venv\\Scripts\\mkdocs.exe build --strict" in expected
    assert [line for line in expected if line not in code_lines("met-git.md")] == []
