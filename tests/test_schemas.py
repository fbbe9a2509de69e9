"""The committed JSON Schemas in schemas/ are what the models export: editors' tools check what the loader checks."""

from __future__ import annotations

import json

from sitebuild import REPO

from coplimburg.editors.schemas import render, schemas


def test_every_committed_schema_matches_the_models():
    committed = {path.name: path.read_text(encoding="utf-8") for path in (REPO / "schemas").glob("*.schema.json")}
    exported = {name: render(schema) for name, schema in schemas().items()}
    assert sorted(committed) == sorted(exported), "run `cop schemas --out schemas` and commit the result"
    stale = [name for name in exported if json.loads(committed[name]) != json.loads(exported[name])]
    assert stale == [], f"{stale} differ from the models: run `cop schemas --out schemas` and commit the result"


def test_the_event_schema_rejects_unknown_fields_and_requires_the_essentials():
    event = schemas()["events.schema.json"]
    assert event["additionalProperties"] is False
    assert {"title", "summary", "kind", "start", "published"} <= set(event["required"])
