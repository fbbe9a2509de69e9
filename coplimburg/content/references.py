"""Cross-reference checks: every id an item names must exist, and every file it names must lie inside content/.

The checks read the raw front matter of every item file, valid or not, so an editor sees a wrong
reference in the same run as a wrong date in the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from coplimburg.content.collections import ASSET_FOLDERS, COLLECTIONS, SITE_DATA, SITE_FOLDER, Reference
from coplimburg.content.documents import download_problem
from coplimburg.content.fields import PATH_LENGTH
from coplimburg.content.pictures import picture_problem
from coplimburg.content.places import town_of, venue_address
from coplimburg.content.sitedata import Matrix, Partner, Vocabularies
from coplimburg.content.source import Document, Location, dotted
from coplimburg.problems import Problem, describe, suggestion, visible


@dataclass(frozen=True)
class Known:
    """Every id that may be referenced: items by collection key and file name (valid or not), partners by
    id, and the vocabularies. Partners and vocabularies are None when their file could not be read."""

    ids: Mapping[str, Collection[str]]
    partners: Mapping[str, Partner] | None
    vocabularies: Vocabularies | None
    table_codes: Mapping[str, str]

    def of(self, target: str) -> Collection[str] | None:
        """The ids a reference to `target` may name: a collection's items or a vocabulary's keys; None when the
        file that names them could not be read, so such a reference cannot be checked now."""
        if target in self.ids:
            return self.ids[target]
        if target == "partners" or self.vocabularies is None:
            return None
        vocabulary: Collection[str] = getattr(self.vocabularies, target)
        return vocabulary


def check_item_references(collection: str, document: Document, known: Known, content: Path) -> list[Problem]:
    """The references the collection's declaration names, the table code, and the files an item names."""
    data = document.data if isinstance(document.data, dict) else {}
    problems: list[Problem] = []

    def report(location: Location, message: str) -> None:
        problems.append(Problem(document.path, document.line_of(location), dotted(location), message))

    def check(location: Location, value: Any, reference: Reference) -> None:
        ids = known.of(reference.target)
        if ids is not None and isinstance(value, str) and value not in ids and location not in document.reported:
            report(location, f"{reference.unknown} {describe(value)}" + _nearest(value, ids))

    for name, reference in COLLECTIONS[collection].references.items():
        *parents, last = name.split(".")
        holder: Any = data
        for parent in parents:
            holder = holder.get(parent) if isinstance(holder, dict) else None
        if not isinstance(holder, dict):
            continue
        value = holder.get(last)
        location: Location = (*parents, last)
        if reference.single:
            check(location, value, reference)
        elif isinstance(value, list):
            for index, one in enumerate(value):
                check((*location, index), one, reference)
    code = data.get("code")
    owner = known.table_codes.get(str(code))
    if collection == "tables" and owner and owner != Path(document.path).stem:
        report(("code",), f"code {code} hoort al bij tafel {owner}; elke code is uniek")
    if collection == "events" and ("location",) not in document.reported and known.partners is not None:
        _check_address(data, known.partners, report)
    if isinstance(data.get("image"), str):
        _check_file(content, document, ("image",), data["image"], picture_problem, report)
    files = data.get("files")
    if isinstance(files, list):
        for index, file in enumerate(files):
            if isinstance(file, dict) and isinstance(file.get("path"), str):
                _check_file(content, document, ("files", index, "path"), file["path"], download_problem, report)
    return problems


def check_site_data(known: Known, matrix: Matrix, documents: Mapping[str, Document]) -> list[Problem]:
    """The references each site-data file declares (coplimburg.content.collections.SITE_DATA), the partners' kinds
    and the matrix's columns."""
    problems: list[Problem] = []
    partners = known.partners
    if partners is None or known.vocabularies is None:
        return problems

    def report(source: str, location: Location, message: str) -> None:
        document = documents.get(source)
        problems.append(Problem(source, document.line_of(location) if document else 0, dotted(location), message))

    for data in SITE_DATA.values():
        source = next((path for path in documents if path.endswith(f"/{SITE_FOLDER}/{data.file}")), None)
        if source is None:
            continue
        for name, reference in data.references.items():
            allowed = known.of(reference.target) or ()
            for location, value in _values_at(documents[source].data, name.split("."), ()):
                if isinstance(value, str) and value not in allowed:
                    report(source, location, f"{reference.unknown} {describe(value)}" + _nearest(value, allowed))

    for name, reference in COLLECTIONS["partners"].references.items():
        allowed = known.of(reference.target) or ()
        for index, partner in enumerate(partners.values()):
            value = getattr(partner, name)
            if value not in allowed:
                report(
                    "content/site/partners.yml",
                    ("partners", index, name),
                    f"{reference.unknown} {describe(value)}" + _nearest(value, allowed),
                )
    columns = {column.id for column in matrix.columns}
    for group_index, group in enumerate(matrix.groups):
        for row_index, row in enumerate(group.rows):
            for who_index, who in enumerate(row.who):
                if who not in columns:
                    report(
                        "content/site/matrix.yml",
                        ("groups", group_index, "rows", row_index, "who", who_index),
                        f"onbekende kolom {describe(who)}" + _nearest(who, columns),
                    )
    return problems


def _values_at(data: Any, path: list[str], location: Location) -> Iterator[tuple[Location, Any]]:
    """The values at a dotted path through lists (`programme.event`: the event of each edition), with where."""
    if isinstance(data, list):
        for index, one in enumerate(data):
            yield from _values_at(one, path, (*location, index))
    elif not path:
        yield location, data
    elif isinstance(data, dict) and path[0] in data:
        yield from _values_at(data[path[0]], path[1:], (*location, path[0]))


def _nearest(value: str, known: Collection[str]) -> str:
    hint = suggestion(value, known)
    if hint:
        return hint
    if 0 < len(known) <= 12:
        return "; kies uit: " + ", ".join(sorted(known))
    return ""


def _check_address(data: dict[str, Any], partners: Mapping[str, Partner], report: Any) -> None:
    """A place needs an address for search engines: its own, a partner's whose venue it names, or a town."""
    location, address, named = data.get("location"), data.get("address"), data.get("partners")
    if not isinstance(location, str) or not location.strip() or address:
        return
    ids = [one for one in named if isinstance(one, str)] if isinstance(named, list) else []
    if venue_address(location, None, ids, partners) or town_of(location):
        return
    report(
        ("location",),
        f"'{location}' heeft geen adres: vul address in (zoals Straat 1, 1234 AB Plaats), zet de plaats achter de "
        "locatie ('Naam, Plaats') of geef de partner van deze locatie een address in content/site/partners.yml",
    )


def _check_file(
    content: Path,
    document: Document,
    location: Location,
    relative: str,
    kind_problem: Callable[[Path, str], str],
    report: Any,
) -> None:
    """Reports a path that is not a usable file, or a file that is not what the field takes (an image, a download).
    A path over the length limit is the model's to report: one problem per value."""
    if len(relative.strip()) > PATH_LENGTH:
        return
    message = path_problem(content, Path(document.path), relative)
    if not message:
        message = kind_problem(content.parent / Path(document.path).parent / relative, relative)
    if message:
        report(location, message)


# Where an item's downloads and images live, beside the items of its own collection.


def path_problem(content: Path, source: Path, relative: str) -> str:
    """Why a path an item names is not a usable file inside content/, or '' when it is."""
    shown = visible(relative, 120)
    if "://" in relative or relative.startswith("mailto:"):
        return f"verwacht een bestand in content/, gekregen een webadres '{shown}'"
    pure = PurePosixPath(relative.replace("\\", "/"))
    if pure.is_absolute() or (len(relative) > 1 and relative[1] == ":"):
        return f"verwacht een pad relatief aan dit bestand, gekregen het absolute pad '{shown}'"
    if "\\" in relative:
        suggested = visible(pure.as_posix(), 120)
        return f"verwacht / tussen mappen, gekregen \\ in '{shown}'; schrijf '{suggested}'"
    try:
        return _file_problem(content, source, pure, shown)
    except (OSError, ValueError, RuntimeError):  # a name too long for the file system, a NUL byte, a loop
        return f"'{shown}' is geen bruikbaar pad naar een bestand; kies een kortere naam van gewone tekens"


def _file_problem(content: Path, source: Path, pure: PurePosixPath, shown: str) -> str:
    root = content.parent
    target = root / source.parent / pure
    if ".." in pure.parts and not target.resolve().is_relative_to(content.resolve()):
        return f"'{shown}' wijst naar een plek buiten content/; zet het bestand in content/"
    walk = root / source.parent
    for part in pure.parts:
        walk = walk / part
        if walk.is_symlink():
            return f"'{shown}' is een snelkoppeling (symlink); zet het bestand zelf in content/"
    folder = (root / source.parent).resolve()
    if target.resolve() == (root / source).resolve():
        return f"'{shown}' is dit bestand zelf; verwijs naar een bijlage in {' of '.join(ASSET_FOLDERS)}/"
    within = target.resolve().relative_to(folder).parts if target.resolve().is_relative_to(folder) else ()
    if not within or within[0] not in ASSET_FOLDERS:
        return (
            f"'{shown}' ligt niet in de map {' of '.join(ASSET_FOLDERS)}/ naast dit bestand "
            f"({source.parent.as_posix()}/); zet bijlagen en afbeeldingen daar neer"
        )
    if not target.is_file():
        siblings = [p.name for p in target.parent.iterdir()] if target.parent.is_dir() else []
        hint = suggestion(target.name, siblings[:1000])
        return f"bestand '{shown}' niet gevonden (gezocht: {visible((source.parent / pure).as_posix(), 160)}){hint}"
    return ""
