"""The loader: reads every content file once, validates it, checks cross-references and returns one `Site`.

All problems of all files are collected in one pass; `load` raises `ContentError` with the whole list,
so editors fix everything in one go and nothing is half-published.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from coplimburg.content.events import Event
from coplimburg.content.fields import ID_PATTERN, Item, Strict, validate
from coplimburg.content.limits import inside
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.references import Known, check_item_references, check_site_data
from coplimburg.content.site import Site
from coplimburg.content.sitedata import Matrix, PartnerFile, ProgrammeFile, Vocabularies
from coplimburg.content.slugs import slugify
from coplimburg.content.source import Document, read_markdown, read_yaml
from coplimburg.content.tables import Table
from coplimburg.problems import ContentError, Problem

ItemT = TypeVar("ItemT", bound=Item)
ModelT = TypeVar("ModelT", bound=Strict)

COLLECTIONS: dict[str, type[Item]] = {"tables": Table, "events": Event, "coppyright": Product, "news": Post}
SITE_FILES: dict[str, type[Any]] = {
    "partners.yml": PartnerFile,
    "vocabularies.yml": Vocabularies,
    "programme.yml": ProgrammeFile,
    "matrix.yml": Matrix,
}
# Folders beside the items that hold their downloads and images, not items.
ASSET_FOLDERS = {"files", "images"}


def load(content: Path) -> Site:
    """Read and check everything under `content/`; raise ContentError listing every problem."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    display = _displayer(content)
    site_data: dict[str, Any] = {
        name: _read_site_file(content / "site" / name, display, model, problems, documents)
        for name, model in SITE_FILES.items()
    }
    raw: dict[str, list[Document]] = {}
    collections = {
        name: _read_collection(content / name, display, model, problems, raw.setdefault(name, []))
        for name, model in COLLECTIONS.items()
    }
    documents.update({document.path: document for listed in raw.values() for document in listed})
    # References can only be checked against site data that was read.
    if all(value is not None for value in site_data.values()):
        known = _known(site_data, raw)
        for name, listed in raw.items():
            for document in listed:
                problems += check_item_references(name, document, known, content)
        programme_events = [edition.event for edition in site_data["programme.yml"].programme]
        problems += check_site_data(known, site_data["matrix.yml"], programme_events, documents)
        if not problems:
            return _assemble(content, site_data, collections)
    raise ContentError(problems)


def _known(site_data: dict[str, Any], raw: dict[str, list[Document]]) -> Known:
    def stems(name: str) -> set[str]:
        return {Path(document.path).stem for document in raw[name]}

    codes: dict[str, str] = {}
    for document in raw["tables"]:
        if isinstance(document.data, dict) and "code" in document.data:
            codes.setdefault(str(document.data["code"]), Path(document.path).stem)
    return Known(
        tables=stems("tables"),
        events=stems("events"),
        products=stems("coppyright"),
        partners={partner.id: partner for partner in site_data["partners.yml"].partners},
        vocabularies=site_data["vocabularies.yml"],
        table_codes=codes,
    )


def _assemble(content: Path, site_data: dict[str, Any], collections: dict[str, dict[str, Any]]) -> Site:
    return Site(
        content=content,
        partners={partner.id: partner for partner in site_data["partners.yml"].partners},
        vocabularies=site_data["vocabularies.yml"],
        programme=list(site_data["programme.yml"].programme),
        matrix=site_data["matrix.yml"],
        tables=collections["tables"],
        events=collections["events"],
        products=collections["coppyright"],
        posts=collections["news"],
    )


def _displayer(content: Path) -> Callable[[Path], str]:
    base = content.parent

    def display(path: Path) -> str:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            return path.as_posix()

    return display


def _read_site_file(
    file: Path,
    display: Callable[[Path], str],
    model: type[ModelT],
    problems: list[Problem],
    documents: dict[str, Document],
) -> ModelT | None:
    if not file.is_file():
        problems.append(Problem(display(file), 0, "", "bestand ontbreekt; de site heeft het nodig"))
        return None
    if not inside(file, file.parent.parent):  # site data is the repository's own: content/site/<name>.yml
        problems.append(Problem(display(file), 0, "", "ligt buiten de map content/; zet het bestand zelf hier neer"))
        return None
    document = read_yaml(file, display(file), problems)
    if document is None:
        return None
    documents[document.path] = document
    result: ModelT | None = validate(model, document, problems)
    return result


def _read_collection(
    folder: Path,
    display: Callable[[Path], str],
    model: type[ItemT],
    problems: list[Problem],
    documents: list[Document],
) -> dict[str, ItemT]:
    items: dict[str, ItemT] = {}
    if not folder.is_dir():
        return items
    # Sorting by name: comparing Path objects costs more than reading the file list (benchmark profile).
    for file in sorted(folder.iterdir(), key=lambda file: file.name):
        if (file.is_dir() and file.name in ASSET_FOLDERS) or file.name.startswith("."):
            continue
        shown = display(file)
        if file.is_dir() or file.suffix != ".md":
            problems.append(
                Problem(
                    shown,
                    0,
                    "",
                    f"wordt niet gelezen: in {display(folder)}/ horen alleen .md-bestanden "
                    f"(en de mappen {' en '.join(sorted(ASSET_FOLDERS))}/)",
                )
            )
            continue
        if file.is_symlink():
            problems.append(Problem(shown, 0, "", "is een snelkoppeling (symlink); zet het bestand zelf hier neer"))
            continue
        if not re.fullmatch(ID_PATTERN.strip("^$"), file.stem):
            problems.append(
                Problem(
                    shown,
                    0,
                    "",
                    f"de bestandsnaam is de id van het item en mag alleen kleine letters, cijfers "
                    f"en koppeltekens bevatten; hernoem het bestand naar {slugify(file.stem)}.md",
                )
            )
            continue
        document = read_markdown(file, shown, problems)
        if document is None:
            continue
        documents.append(document)
        item: ItemT | None = validate(
            model, document, problems, id=file.stem, source=shown, body=document.body, body_line=document.body_line
        )
        if item is not None:
            items[item.id] = item
    return items
