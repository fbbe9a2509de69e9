"""JSON Schemas of the content models, for editors' YAML tools (autocomplete and checks while typing)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coplimburg.content.collections import FILE_COLLECTIONS, SITE_DATA

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict[str, Any]]:
    """File name → schema, one per collection and per site-data file."""
    result: dict[str, dict[str, Any]] = {}
    models = {str(one.folder): one.model for one in FILE_COLLECTIONS.values()}
    models.update({Path(data.file).stem: data.model for data in SITE_DATA.values()})
    for name, model in models.items():
        schema = model.model_json_schema(by_alias=True)
        schema = {"$schema": SCHEMA_DIALECT, "$id": f"{name}.schema.json", **schema}
        result[f"{name}.schema.json"] = schema
    return result


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        target = folder / name
        target.write_text(render(schema), encoding="utf-8")
        written.append(target)
    return written
