"""Synthetic content for the benchmark: a valid project folder of any size, byte-identical for the same seed.

Each item is drawn from its own random stream (seed, collection, number), so item 1 has the same
text and the same number of references at every size; only the ids it points at follow the size.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coplimburg.content.collections import FILE_COLLECTIONS
from coplimburg.content.sitedata import Vocabularies

# What a project folder needs besides content/; copied from the repository as they are.
PROJECT_PARTS = ("docs", "overrides", "hooks", "mkdocs.yml")
# Content folder → collection key, from the collection declarations.
FOLDERS = {str(one.folder): key for key, one in FILE_COLLECTIONS.items()}
# The pages whose size is compared across sizes: the first item of each, present at every size.
EVENT_ID = "evenement-00001"
PRODUCT_ID = "product-00001"

_FIRST_DAY = dt.date(2021, 1, 4)
_DAYS = 8 * 365
# No item is published after the benchmark's build date (bench.measure.BUILD_DATE): a later `published`
# would hold it back (coplimburg.content.publication) and the benchmark would build fewer pages than items.
_LAST_PUBLISHED = dt.date(2026, 11, 28)
_PLACES = [
    ("Brightlands Chemelot Campus, Geleen", "Urmonderbaan 22, 6167 RD Geleen"),
    ("VISTA college, Sittard", "Bernhardlaan 21, 6131 CJ Sittard"),
    ("CHILL, Geleen", "Urmonderbaan 20F, 6167 RD Geleen"),
    ("Zuyd Hogeschool, Heerlen", "Nieuw Eyckholt 300, 6419 DJ Heerlen"),
]
_VOCABULARY = (
    "procestechniek maintenance laboratorium praktijkopleider student docent bedrijf zij-instromer "
    "curriculum module beroepsopdracht validatie begeleiding werkplek leerroute klankbord "
    "innovatietafel ecosysteem samenwerking opbrengst onderzoek nulmeting vervolgmeting regio "
    "arbeidsmarkt vakmanschap"
)
_WORDS = _VOCABULARY.split()
_SENTENCES = [
    "De {0} en de {1} werken samen aan een betere aansluiting tussen onderwijs en {2}.",
    "Tijdens de bijeenkomst bespreken we hoe de {0} past bij de vraag van de {1}.",
    "Elke {0} krijgt een vaste plek in de {1}, zodat de {2} beter wordt.",
    "We kijken terug op wat de {0} heeft opgeleverd en wat de {1} nog nodig heeft.",
    "Deelnemers delen hun ervaringen met de {0} in de praktijk van de {1}.",
    "De {0} is ontwikkeld samen met de {1} en getest op de {2}.",
    "Zo ontstaat een {0} die past bij de {1} en bij de {2} in Limburg.",
    "Wie meedoet, krijgt inzicht in de {0} en de rol van de {1}.",
]


@dataclass(frozen=True)
class Mix:
    """How many items of each collection make up a site of a given size, and how many partners it has."""

    tables: int
    events: int
    products: int
    posts: int
    extra_partners: int

    @classmethod
    def of(cls, items: int) -> Mix:
        # A few dozen tables at most; the rest mostly events and products, some posts.
        tables = min(40, max(3, items // 25))
        rest = max(0, items - tables)
        events = rest * 50 // 100
        products = rest * 35 // 100
        return cls(tables, events, products, rest - events - products, min(40, items // 25))


@dataclass(frozen=True)
class Item:
    folder: str
    id: str
    front: dict[str, Any]
    body: str
    files: dict[str, str]

    @property
    def collection(self) -> str:
        return FOLDERS[self.folder]


def copy_parts(repo: Path, target: Path, parts: tuple[str, ...]) -> None:
    """Copy the named files and folders of the repository into `target` (the package runs from the venv)."""
    for name in parts:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def write_project(target: Path, repo: Path, items: int, seed: int = 2026) -> list[Item]:
    """A project folder at `target`: the repository's docs, theme and hooks with synthetic content/."""
    copy_parts(repo, target, PROJECT_PARTS)
    return write_content(target / "content", repo / "content" / "site", items, seed)


def write_content(content: Path, site_data: Path, items: int, seed: int = 2026) -> list[Item]:
    """`content/` with `items` items and the repository's site data, extended with partners and a programme."""
    (content / "site").mkdir(parents=True)
    for name in ("vocabularies.yml", "matrix.yml"):
        shutil.copy2(site_data / name, content / "site" / name)
    vocabularies = Vocabularies.model_validate(yaml.safe_load((site_data / "vocabularies.yml").read_text("utf-8")))
    partners = yaml.safe_load((site_data / "partners.yml").read_text("utf-8"))["partners"]
    mix = Mix.of(items)
    kinds = sorted(vocabularies.partner_kinds)
    for number in range(1, mix.extra_partners + 1):
        partners.append(
            {
                "id": f"partner-{number:03d}",
                "name": f"Partner {number}",
                "kind": kinds[number % len(kinds)],
                "url": f"https://partner-{number:03d}.example.nl",
                "description": f"Organisatie {number} uit de regio die meedoet aan de innovatietafels.",
            }
        )
    generator = _Generator(seed, mix, [partner["id"] for partner in partners], vocabularies)
    generated = generator.items()
    editions = [
        {
            "year": int(item.front["start"][:4]),
            "title": item.front["title"],
            "topics": ["Opbrengsten"],
            "event": item.id,
        }
        for item in generated
        if item.folder == "events" and item.front["kind"] == "coppisch"
    ][:8]
    _dump(content / "site" / "partners.yml", {"partners": partners})
    _dump(content / "site" / "programme.yml", {"programme": editions})
    for folder in FOLDERS:
        (content / folder).mkdir()
    for item in generated:
        front = yaml.safe_dump(item.front, sort_keys=False, allow_unicode=True, width=1000)
        (content / item.folder / f"{item.id}.md").write_text(f"---\n{front}---\n{item.body}", encoding="utf-8")
        for relative, text in item.files.items():
            file = content / item.folder / relative
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
    return generated


def _dump(file: Path, data: Any) -> None:
    file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


class _Generator:
    def __init__(self, seed: int, mix: Mix, partners: list[str], vocabularies: Vocabularies) -> None:
        self.seed = seed
        self.mix = mix
        self.partners = partners
        self.vocabularies = vocabularies
        self.tables = [f"tafel-s{number:02d}" for number in range(1, mix.tables + 1)]
        self.products = [f"product-{number:05d}" for number in range(1, mix.products + 1)]

    def items(self) -> list[Item]:
        return [
            *(self._table(number) for number in range(1, self.mix.tables + 1)),
            *(self._event(number) for number in range(1, self.mix.events + 1)),
            *(self._product(number) for number in range(1, self.mix.products + 1)),
            *(self._post(number) for number in range(1, self.mix.posts + 1)),
        ]

    def _random(self, folder: str, number: int) -> random.Random:
        return random.Random(f"{self.seed}:{folder}:{number}")

    def _table(self, number: int) -> Item:
        rng = self._random("tables", number)
        front = {
            "code": f"{(number - 1) // 10 + 5}{'ABCDEFGHIJ'[(number - 1) % 10]}",
            "title": _title(rng, "Innovatietafel"),
            "theme": _sentence(rng),
            "lead": {"role": "Trekker", "organisation": rng.choice(self.partners)},
            "members": _pick(rng, self.partners, 2, 4),
            "sounding_board": _pick(rng, sorted(self.vocabularies.sounding_board), 2, 3),
            "cadence": f"Elke {rng.choice([4, 6, 8])} weken afstemming",
            "status": "actief" if rng.random() < 0.8 else "afgerond",
        }
        return Item("tables", self.tables[number - 1], front, _body(rng, 400, 1200), {})

    def _event(self, number: int) -> Item:
        rng = self._random("events", number)
        day = _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS))
        hour = rng.randrange(9, 16)
        kind = rng.choices(["tafel", "klankbord", "overig", "coppisch"], weights=[50, 20, 25, 5])[0]
        front: dict[str, Any] = {
            "title": _title(rng, "Bijeenkomst"),
            "summary": _sentence(rng),
            "kind": kind,
            "start": f"{day} {hour:02d}:00",
            "end": f"{day} {hour + rng.randrange(1, 4):02d}:30",
        }
        if rng.random() < 0.2:
            front["online"] = f"https://meet.example.nl/evenement-{number:05d}"
        else:
            front["location"], front["address"] = rng.choice(_PLACES)
        front["tables"] = _pick(rng, self.tables, 1, 2)
        front["partners"] = _pick(rng, self.partners, 1, 3)
        if rng.random() < 0.5:
            front["registration"] = f"https://aanmelden.example.nl/evenement-{number:05d}"
        status = rng.choices(["gepland", "geannuleerd", "verplaatst"], weights=[90, 5, 5])[0]
        front["status"] = status
        if status == "verplaatst":
            front["previous_start"] = f"{day - dt.timedelta(days=7)} {hour:02d}:00"
        front["published"] = str(min(day - dt.timedelta(days=rng.randrange(30, 90)), _LAST_PUBLISHED))
        if self.products and rng.random() < 0.3:
            front["outcomes"] = _pick(rng, self.products, 1, 2)
        if rng.random() < 0.03:
            front["repeat"] = {
                "interval": rng.choice([4, 6, 8]),
                "unit": "weken",
                "until": str(day + dt.timedelta(365)),
            }
        return Item("events", f"evenement-{number:05d}", front, _body(rng, 600, 1500), {})

    def _product(self, number: int) -> Item:
        rng = self._random("coppyright", number)
        item_id = self.products[number - 1]
        published = min(_FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS)), _LAST_PUBLISHED)
        vocabularies = self.vocabularies
        front: dict[str, Any] = {
            "title": _title(rng, "Product"),
            "summary": _sentence(rng),
            "type": rng.choice(sorted(vocabularies.types)),
            "tables": _pick(rng, self.tables, 1, 2),
            "partners": _pick(rng, self.partners, 1, 3),
            "audiences": _pick(rng, sorted(vocabularies.audiences), 1, 3),
            "levels": _pick(rng, sorted(vocabularies.levels), 1, 2),
            "domains": _pick(rng, sorted(vocabularies.domains), 1, 2),
            "license": rng.choice(sorted(vocabularies.licenses)),
            "version": f"{rng.randrange(1, 4)}.{rng.randrange(10)}",
            "published": str(published),
        }
        if rng.random() < 0.5:
            front["updated"] = str(published + dt.timedelta(days=rng.randrange(10, 400)))
        files: dict[str, str] = {}
        if rng.random() < 0.2:
            path = f"files/{item_id}/overzicht.csv"
            files[path] = "onderdeel;niveau;studielast\n" + "".join(
                f"{rng.choice(_WORDS)};mbo-{rng.randrange(2, 5)};{rng.randrange(8, 80)}\n" for _ in range(20)
            )
            front["files"] = [{"path": path, "title": "Overzicht van de onderdelen"}]
        return Item("coppyright", item_id, front, _body(rng, 1000, 3000), files)

    def _post(self, number: int) -> Item:
        rng = self._random("news", number)
        front = {
            "title": _title(rng, "Nieuws"),
            "summary": _sentence(rng),
            "published": str(min(_FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS)), _LAST_PUBLISHED)),
            "categories": _pick(rng, sorted(self.vocabularies.news_categories), 1, 2),
            "tables": _pick(rng, self.tables, 0, 2),
        }
        return Item("news", f"nieuws-{number:05d}", front, _body(rng, 800, 2500), {})


def _pick(rng: random.Random, choices: list[str], least: int, most: int) -> list[str]:
    return sorted(rng.sample(choices, min(len(choices), rng.randint(least, most))))


def _sentence(rng: random.Random) -> str:
    return _capital(rng.choice(_SENTENCES).format(*rng.sample(_WORDS, 3)))


def _title(rng: random.Random, prefix: str) -> str:
    return f"{prefix}: {rng.choice(_WORDS)} en {rng.choice(_WORDS)}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _body(rng: random.Random, shortest: int, longest: int) -> str:
    """Markdown of a realistic length: paragraphs, a heading and sometimes a list."""
    length = rng.randint(shortest, longest)
    blocks: list[str] = []
    size = 0
    while size < length:
        if blocks and not blocks[-1].startswith("#") and rng.random() < 0.2:
            block = f"## {_capital(rng.choice(_WORDS))} in de praktijk"
        elif blocks and rng.random() < 0.15:
            block = "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 4)))
        else:
            block = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        blocks.append(block)
        size += len(block) + 2
    return "\n\n".join(blocks) + "\n"
