"""The loader: reads every content file once, validates it, checks cross-references and returns one `Site`.

All problems of all files are collected in one pass; `load` raises `ContentError` with the whole list,
so editors fix everything in one go and nothing is half-published.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from coplimburg.content.cache import LoadCache
from coplimburg.content.collections import ASSET_FOLDERS, FILE_COLLECTIONS, SITE_DATA, SITE_FOLDER, item_model
from coplimburg.content.documents import page_file_problems
from coplimburg.content.fields import ID_PATTERN, Item, Strict
from coplimburg.content.limits import inside
from coplimburg.content.links import check_links
from coplimburg.content.placeholders import check_placeholders
from coplimburg.content.rawhtml import check_body_html
from coplimburg.content.references import Known, check_item_references, check_site_data
from coplimburg.content.site import Site
from coplimburg.content.sitedata import Partner, PartnerFile, ProgrammeFile, Vocabularies
from coplimburg.content.slugs import slugify
from coplimburg.content.source import Document
from coplimburg.problems import ContentError, Problem
from coplimburg.settings import build_date

ItemT = TypeVar("ItemT", bound=Item)
ModelT = TypeVar("ModelT", bound=Strict)


def load(content: Path, today: dt.date | None = None, cache: LoadCache | None = None) -> Site:
    """Read and check everything under `content/`; raise ContentError listing every problem.

    `today` is the build date, which decides what is still scheduled (links to it are reported); without it,
    coplimburg.settings.build_date() (COP_BUILD_DATE or today). A file `cache` holds unchanged is not parsed and
    validated again (coplimburg.content.cache); the checks across files always run on every file."""
    cache = cache or LoadCache(None)
    try:
        return _load(content, today, cache)
    finally:
        cache.finish()


def _load(content: Path, today: dt.date | None, cache: LoadCache) -> Site:
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    display = _displayer(content)
    site_data: dict[str, Any] = {
        name: _read_site_file(content / SITE_FOLDER / name, display, data.model, problems, documents, cache)
        for name, data in SITE_DATA.items()
    }
    raw: dict[str, list[Document]] = {}
    # Items whose file cannot be read (a YAML error): they exist all the same, so naming them is no mistake.
    unreadable: dict[str, set[str]] = {}
    items: dict[str, dict[str, Any]] = {
        key: _read_collection(
            content / str(one.folder),
            display,
            item_model(one),
            problems,
            raw.setdefault(key, []),
            unreadable.setdefault(key, set()),
            cache,
        )
        for key, one in FILE_COLLECTIONS.items()
    }
    documents.update({document.path: document for listed in raw.values() for document in listed})
    problems += check_placeholders(raw)
    problems += check_body_html(content, raw)
    # A site data file that cannot be read hides only the checks that need it: every other file is still checked.
    partners: PartnerFile | None = site_data["partners.yml"]
    if partners is not None:
        items["partners"] = {partner.id: partner for partner in partners.partners}
    known = _known(site_data, raw, unreadable, items.get("partners"))
    for key, listed in raw.items():
        for document in listed:
            problems += check_item_references(key, document, known, content)
    problems += page_file_problems(content.parent / "docs")
    # Links are checked against the map of the site, which needs every site data file (the programme makes year
    # pages, the vocabularies filters): until one can be read, its problem is the one to fix first.
    if all(value is not None for value in site_data.values()):
        programme: ProgrammeFile = site_data["programme.yml"]
        problems += check_site_data(known, site_data["matrix.yml"], documents)
        # The items that validated make the site whose map the links are checked against, so a broken link is
        # reported in the same run as a bad date (coplimburg.content.links).
        site = Site(
            content=content,
            items=items,
            vocabularies=site_data["vocabularies.yml"],
            programme=list(programme.programme),
            matrix=site_data["matrix.yml"],
        )
        problems += check_links(site, raw, today or build_date(), unreadable)
        if not problems:
            return site
    raise ContentError(problems)


def _known(
    site_data: dict[str, Any],
    raw: dict[str, list[Document]],
    unreadable: dict[str, set[str]],
    partners: dict[str, Partner] | None,
) -> Known:
    """Every id that may be referenced: items by file name (valid or not, readable or not), partners by id, and the
    vocabularies; partners and vocabularies only when their file could be read."""
    ids: dict[str, set[str]] = {
        key: {Path(document.path).stem for document in listed} | unreadable[key] for key, listed in raw.items()
    }
    if partners is not None:
        ids["partners"] = set(partners)
    codes: dict[str, str] = {}
    for document in raw["tables"]:
        if isinstance(document.data, dict) and "code" in document.data:
            codes.setdefault(str(document.data["code"]), Path(document.path).stem)
    vocabularies: Vocabularies | None = site_data["vocabularies.yml"]
    return Known(ids=ids, partners=partners, vocabularies=vocabularies, table_codes=codes)


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
    cache: LoadCache,
) -> ModelT | None:
    if not file.is_file():
        problems.append(Problem(display(file), 0, "", "bestand ontbreekt; de site heeft het nodig"))
        return None
    if not inside(file, file.parent.parent):  # site data is the repository's own: content/site/<name>.yml
        problems.append(Problem(display(file), 0, "", "ligt buiten de map content/; zet het bestand zelf hier neer"))
        return None
    reading = cache.read(file, display(file), model, item=False)
    problems += reading.problems
    if reading.document is not None:
        documents[reading.document.path] = reading.document
    result: ModelT | None = reading.value
    return result


def _read_collection(
    folder: Path,
    display: Callable[[Path], str],
    model: type[ItemT],
    problems: list[Problem],
    documents: list[Document],
    unreadable: set[str],
    cache: LoadCache,
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
        reading = cache.read(file, shown, model, item=True)
        problems += reading.problems
        if reading.document is None:
            unreadable.add(file.stem)
            continue
        documents.append(reading.document)
        item: ItemT | None = reading.value
        if item is not None:
            items[item.id] = item
    return items
