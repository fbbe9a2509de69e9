"""`cop new`: a new item with every field of its model, required ones filled in, optional ones as commented examples.

The field list comes from the model, so a new field shows up here; the example values are declared with
the collection (coplimburg.content.collections; a test keeps both in step). Dates default to the build
date, so tests can pin "today".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from coplimburg.content.collections import SCAFFOLDS, Collection
from coplimburg.content.fields import LOADER_FIELDS, RESERVED_IDS, Item
from coplimburg.content.slugs import slugify
from coplimburg.content.source import read_markdown, read_yaml
from coplimburg.problems import Problem
from coplimburg.settings import build_date

# `cop new KIND`: the kinds and their examples are declared with the collections.
KINDS: dict[str, Collection] = SCAFFOLDS
# Every word `cop new` takes for a kind: the kind itself and its Dutch words (`cop new evenement`).
WORDS: dict[str, str] = {
    word: kind for kind, spec in KINDS.items() for word in (*(spec.scaffold.words if spec.scaffold else ()), kind)
}


OPTIONAL_HEADING = "# Optionele velden (haal '# ' aan het begin van een regel weg om er een te gebruiken):"


class ScaffoldError(Exception):
    """A new item cannot be written; the text says why in Dutch."""


def field_names(model: type[Item]) -> list[str]:
    """The front matter fields of a model, as editors write them (aliases), in model order."""
    return [info.alias or name for name, info in model.model_fields.items() if name not in LOADER_FIELDS]


def new_item(kind: str, title: str, content: Path) -> Path:
    """Write a new item file for `title` and return its path; never overwrite an existing item."""
    spec = KINDS[kind]
    assert spec.folder is not None
    if not title.strip():
        raise ScaffoldError('geef een titel, zoals: cop new evenement "CoPpisch 2027"')
    item_id = _short(slugify(title))
    if item_id in RESERVED_IDS:
        raise ScaffoldError(f"de id {item_id} is gereserveerd voor de overzichtspagina; kies een andere titel")
    target = content / spec.folder / f"{item_id}.md"
    if target.exists():
        raise ScaffoldError(
            f"{target.as_posix()} bestaat al; een bestaand item wordt nooit overschreven. "
            "Kies een andere titel of pas het bestaande bestand aan."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(kind, title.strip(), item_id, content), encoding="utf-8")
    return target


# Ids become file names, URLs and calendar UIDs: long enough for any real title, far below the file system's
# 255 bytes per name.
MAX_ID_LENGTH = 80


def _short(item_id: str) -> str:
    """The id cut at a word boundary when a long title would make a file name too long for the disk."""
    if len(item_id) <= MAX_ID_LENGTH:
        return item_id
    cut = item_id[: MAX_ID_LENGTH + 1]
    return cut[: cut.rfind("-")] if "-" in cut else cut[:MAX_ID_LENGTH]


def render(kind: str, title: str, item_id: str, content: Path) -> str:
    spec = KINDS[kind]
    assert spec.scaffold is not None
    examples = spec.scaffold.examples
    vocabularies = _vocabularies(content)
    values = {"today": build_date().isoformat(), "id": item_id}
    required: list[str] = []
    optional: list[str] = []
    for name, info in ((info.alias or name, info) for name, info in spec.model.model_fields.items()):
        if name in LOADER_FIELDS:
            continue
        example = examples[name]
        value = example.value.format(**values)
        if name == "title":
            value = json.dumps(title, ensure_ascii=False)
        elif name == "code":
            value = json.dumps(_free_table_code(content / str(spec.folder)))
        note = example.note
        if example.vocabulary and vocabularies.get(example.vocabulary):
            note += "; kies uit: " + ", ".join(vocabularies[example.vocabulary])
        if info.is_required():
            required.append(_field(name, value, f"verplicht: {note}"))
        elif example.filled:
            required.append(_field(name, value, note))
        else:
            optional.append(_commented(_field(name, value, note)))
    lines = ["---", *required, OPTIONAL_HEADING, *optional, "---", spec.scaffold.body, ""]
    return "\n".join(lines)


def _field(name: str, value: str, note: str) -> str:
    first, *rest = value.split("\n")
    head = f"{name}: {first}".rstrip()
    return "\n".join([f"{head}  # {note}", *rest])


def _commented(text: str) -> str:
    return "\n".join(f"# {line}" for line in text.split("\n"))


def _vocabularies(content: Path) -> dict[str, list[str]]:
    """The ids of each vocabulary, to list the choices beside a field; empty when the file is unreadable."""
    problems: list[Problem] = []
    file = content / "site" / "vocabularies.yml"
    document = read_yaml(file, file.as_posix(), problems) if file.is_file() else None
    if document is None or not isinstance(document.data, dict):
        return {}
    return {name: list(ids) for name, ids in document.data.items() if isinstance(ids, dict)}


def _free_table_code(folder: Path) -> str:
    """One more than the highest table number in use ("5" after 2A…4), so the new code is unique."""
    numbers = [0]
    for file in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        document = read_markdown(file, file.as_posix(), [])
        code = document.data.get("code") if document and isinstance(document.data, dict) else None
        if match := re.match(r"\d+", str(code or "")):
            numbers.append(int(match.group()))
    return str(max(numbers) + 1)
