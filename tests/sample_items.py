"""Valid items of every collection, built from the ids in a content tree's own site data (no production ids)."""

from __future__ import annotations

from pathlib import Path

import yaml


def _first(mapping: dict[str, object]) -> str:
    return next(iter(mapping))


def sample_items(root: Path) -> dict[str, dict[str, str]]:
    """One valid event, product (with a download), table and news post per collection, as file texts."""
    site = root / "site"
    vocabularies = yaml.safe_load((site / "vocabularies.yml").read_text(encoding="utf-8"))
    partners = yaml.safe_load((site / "partners.yml").read_text(encoding="utf-8"))["partners"]
    partner = partners[0]["id"]
    event = f"""---
title: Kennissessie
summary: Een korte samenvatting.
kind: {_first(vocabularies["event_kinds"])}
start: 2024-06-13 13:00
end: 2024-06-13 17:00
location: Campus, Geleen
partners: [{partner}]
tables: [tafel-een]
published: 2024-04-01
repeat:
  interval: 4
  unit: weken
  until: 2024-12-31
  except: [2024-07-11]
---
Tekst van het evenement.
"""
    product = f"""---
title: Blokkendoos
summary: Een korte samenvatting.
type: {_first(vocabularies["types"])}
license: {_first(vocabularies["licenses"])}
version: "1.0"
published: 2023-10-05
audiences: [{_first(vocabularies["audiences"])}]
files:
  - path: files/blokkendoos/overzicht.pdf
    title: Overzicht
---
Tekst van het product.
"""
    table = f"""---
code: "7A"
title: Een tafel
theme: Waar de tafel aan werkt.
lead:
  role: Projectleider
  organisation: {partner}
members: [{partner}]
sounding_board: [{_first(vocabularies["sounding_board"])}]
cadence: Elke 8 weken
---
Tekst van de tafel.
"""
    post = f"""---
title: Nieuws
summary: Een korte samenvatting.
published: 2024-05-01
categories: [{_first(vocabularies["news_categories"])}]
---
Tekst van het bericht.
"""
    return {
        "events": {"kennissessie.md": event},
        "coppyright": {"blokkendoos.md": product, "files/blokkendoos/overzicht.pdf": "%PDF-1.4\n%%EOF\n"},
        "tables": {"tafel-een.md": table},
        "news": {"nieuws.md": post},
    }


def write_sample_items(root: Path) -> None:
    """Write `sample_items(root)` into the content tree `root`."""
    for folder, files in sample_items(root).items():
        for name, text in files.items():
            target = root / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
