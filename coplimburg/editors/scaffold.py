"""`cop new`: a new item with every field of its model, required ones filled in, optional ones as commented examples.

The field list comes from the model, so a new field shows up here; the example values live in `EXAMPLES`
(a test keeps both in step). Dates default to the build date, so tests can pin "today".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from coplimburg.content.events import Event
from coplimburg.content.fields import LOADER_FIELDS, RESERVED_IDS, Item
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.slugs import slugify
from coplimburg.content.source import read_markdown, read_yaml
from coplimburg.content.tables import Table
from coplimburg.dates import build_date
from coplimburg.problems import Problem


@dataclass(frozen=True)
class Kind:
    folder: str
    model: type[Item]
    name: str  # what editors call one item
    guide: str
    body: str


KINDS: dict[str, Kind] = {
    "event": Kind(
        "events",
        Event,
        "evenement",
        "docs-redactie/evenement.md",
        "Beschrijf hier het evenement: het programma, voor wie het is en wat deelnemers kunnen verwachten.",
    ),
    "product": Kind(
        "coppyright",
        Product,
        "product",
        "docs-redactie/product.md",
        "Beschrijf hier het product: wat het is, voor wie, en hoe je het gebruikt.",
    ),
    "table": Kind(
        "tables",
        Table,
        "innovatietafel",
        "docs-redactie/tafel.md",
        "Beschrijf hier de tafel: de vraag waar ze aan werkt, wie er aan tafel zit en wat ze wil opleveren.",
    ),
    "post": Kind(
        "news",
        Post,
        "nieuwsbericht",
        "docs-redactie/nieuws.md",
        "Schrijf hier het bericht. Begin met de kern: wat er gebeurd is of gaat gebeuren.",
    ),
}


@dataclass(frozen=True)
class Example:
    """A field's example: YAML after `name:` ({today}, {id} filled in), a Dutch note, and a vocabulary to list."""

    value: str
    note: str
    vocabulary: str | None = None
    filled: bool = False  # shown filled in although optional (a check across fields needs it)


SUMMARY_NOTE = "vervang deze tekst; hoogstens 300 tekens"
# Values of fields that refer to site data must exist in content/site/ (the scaffold test checks them).
EXAMPLES: dict[str, dict[str, Example]] = {
    "event": {
        "title": Example("", "de naam van het evenement"),
        "summary": Example(
            "Vat het evenement samen in één of twee zinnen.", "vervang deze tekst; hoogstens 300 tekens"
        ),
        "kind": Example("overig", "soort evenement", vocabulary="event_kinds"),
        "start": Example("{today} 13:00", "datum, of datum en tijd"),
        "end": Example("{today} 17:00", "einde; niet vóór start, net als start met of zonder tijd"),
        "location": Example("Naam van de locatie, plaats", "verplicht, tenzij online is ingevuld", filled=True),
        "address": Example("Straat 1, 1234 AB Plaats", "adres voor de routebeschrijving"),
        "online": Example("https://example.org/deelnemen", "link voor online deelname"),
        "tables": Example("[tafel-3]", "tafel-id's (bestandsnamen in content/tables/)"),
        "partners": Example("[vista-college]", "organisatoren en gastheren: partner-id's (content/site/partners.yml)"),
        "registration": Example("https://example.org/aanmelden", "aanmeldlink"),
        "status": Example("gepland", "gepland, geannuleerd of verplaatst"),
        "previous_start": Example("{today} 10:00", "bij verplaatst: de oude start"),
        "published": Example("{today}", "datum van aankondiging"),
        "outcomes": Example("[blokkendoos-ibo]", "product-id's die hier gepresenteerd zijn"),
        "image": Example("images/{id}.jpg", "afbeelding, relatief aan dit bestand"),
        "image_alt": Example("Beschrijving van de afbeelding", "verplicht bij image"),
        "repeat": Example(
            "\n  interval: 8\n  unit: weken\n  until: {today}\n  except: []\n  moved: []",
            "een reeks: elke interval weken of maanden tot en met until",
        ),
    },
    "product": {
        "title": Example("", "de naam van het product"),
        "summary": Example("Vat het product samen in één of twee zinnen.", SUMMARY_NOTE),
        "type": Example("tool", "soort product", vocabulary="types"),
        "tables": Example("[tafel-2b]", "tafel-id's"),
        "partners": Example("[vista-college]", "partner-id's uit content/site/partners.yml"),
        "audiences": Example("[docenten]", "doelgroepen", vocabulary="audiences"),
        "levels": Example("[mbo-4]", "niveaus", vocabulary="levels"),
        "domains": Example("[procestechniek]", "domeinen", vocabulary="domains"),
        "license": Example("CC-BY-SA-4.0", "licentie", vocabulary="licenses"),
        "version": Example('"1.0"', "versie, tussen aanhalingstekens"),
        "published": Example("{today}", "datum van verschijnen"),
        "updated": Example("{today}", "datum van de laatste bijwerking; niet vóór published"),
        "files": Example(
            "\n  - path: files/{id}/document.pdf\n    title: Titel van de download",
            "downloads: paden relatief aan dit bestand, binnen content/",
        ),
        "image": Example("images/{id}.jpg", "afbeelding, relatief aan dit bestand"),
        "image_alt": Example("Beschrijving van de afbeelding", "verplicht bij image"),
    },
    "table": {
        "code": Example("", "unieke code van de tafel, zoals 2A of 5"),
        "title": Example("", "de naam van de tafel"),
        "theme": Example("Het thema van de tafel in één zin.", SUMMARY_NOTE),
        "lead": Example(
            "\n  role: Projectleider\n  organisation: vista-college\n  # name: Voornaam Achternaam",
            "trekker: rol, partner-id en (alleen met toestemming) naam",
        ),
        "members": Example("[vista-college]", "partner-id's van de leden"),
        "sounding_board": Example("[studenten]", "klankbord", vocabulary="sounding_board"),
        "cadence": Example("Elke 8 weken afstemming", "hoe vaak de tafel samenkomt"),
        "status": Example("actief", "actief of afgerond"),
    },
    "post": {
        "title": Example("", "de kop van het bericht"),
        "summary": Example("Vat het bericht samen in één of twee zinnen.", SUMMARY_NOTE),
        "published": Example("{today}", "publicatiedatum"),
        "categories": Example("[coppisch]", "categorieën", vocabulary="news_categories"),
        "tables": Example("[tafel-3]", "tafel-id's"),
        "image": Example("images/{id}.jpg", "afbeelding, relatief aan dit bestand"),
        "image_alt": Example("Beschrijving van de afbeelding", "verplicht bij image"),
    },
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
    if not title.strip():
        raise ScaffoldError('geef een titel, zoals: cop new event "CoPpisch 2027"')
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
    examples = EXAMPLES[kind]
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
            value = json.dumps(_free_table_code(content / spec.folder))
        note = example.note
        if example.vocabulary and vocabularies.get(example.vocabulary):
            note += "; kies uit: " + ", ".join(vocabularies[example.vocabulary])
        if info.is_required():
            required.append(_field(name, value, f"verplicht: {note}"))
        elif example.filled:
            required.append(_field(name, value, note))
        else:
            optional.append(_commented(_field(name, value, note)))
    lines = ["---", *required, OPTIONAL_HEADING, *optional, "---", spec.body, ""]
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
