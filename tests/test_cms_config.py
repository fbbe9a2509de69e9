"""The browser editor's configuration (/admin/config.yml) is generated from the collections and the models: it cannot
drift from them, and every value its widgets can write is one `cop check` accepts."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from sitebuild import BUILD_DATE, SAMPLE

from coplimburg.cms.config import LEFT_OUT, SITE_COLLECTION, cms_config, read_vocabularies, render
from coplimburg.content.collections import FILE_COLLECTIONS, SITE_DATA
from coplimburg.content.loader import load
from coplimburg.content.source import read_markdown, read_yaml
from coplimburg.problems import ContentError
from coplimburg.settings import Cms, read_settings

TODAY = dt.date.fromisoformat(BUILD_DATE)
EVENT = """---
title: {title}
summary: Een korte samenvatting.
kind: coppisch
start: 2027-01-15 13:00
location: VISTA college, Sittard
published: 2026-11-20
---
"""
CONFIG = cms_config(read_vocabularies(SAMPLE / "content"), Cms(), "content", "docs")
COLLECTIONS = {collection["name"]: collection for collection in CONFIG["collections"]}
SITE_FILES = {file["name"]: file for file in COLLECTIONS[SITE_COLLECTION]["files"]}


def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every front-matter field of a model as a dotted path, groups and lists of groups included."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        path = prefix + (info.alias or name)
        found.add(path)
        inner = _model_in(info.annotation)
        if inner is not None:
            found |= model_paths(inner, path + ".")
    return found


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, (_model_in(one) for one in typing.get_args(annotation))), None)


def form_paths(fields: list[dict[str, Any]], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for one in fields:
        path = prefix + one["name"]
        found.add(path)
        found |= form_paths(one.get("fields", []), path + ".")
    return found


def walk(fields: list[dict[str, Any]], depth: int = 0) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every field with how deep inside groups and lists it stands."""
    for one in fields:
        yield depth, one
        yield from walk(one.get("fields", []), depth + 1)
        if "field" in one:
            yield depth + 1, one["field"]


def all_fields() -> Iterator[tuple[int, dict[str, Any]]]:
    for collection in CONFIG["collections"]:
        yield from walk(collection.get("fields", []))
        for file in collection.get("files", []):
            yield from walk(file["fields"])


@pytest.mark.parametrize("key", FILE_COLLECTIONS)
def test_every_field_of_a_collection_is_in_its_form(key: str):
    item_fields = model_paths(FILE_COLLECTIONS[key].model) | {"body"}
    assert form_paths(COLLECTIONS[key]["fields"]) == item_fields


@pytest.mark.parametrize("file", SITE_DATA)
def test_every_field_of_a_site_data_file_is_in_its_form_or_left_out_with_a_reason(file: str):
    if file in LEFT_OUT:
        assert file.removesuffix(".yml") not in SITE_FILES
        assert len(LEFT_OUT[file]) > 40, "say why the form leaves it out"
        return
    assert form_paths(SITE_FILES[file.removesuffix(".yml")]["fields"]) == model_paths(SITE_DATA[file].model)
    assert SITE_FILES[file.removesuffix(".yml")]["file"] == f"content/site/{file}"


def test_every_collection_keeps_ids_as_cop_check_wants_them_and_deletes_nothing():
    for key, collection in FILE_COLLECTIONS.items():
        form = COLLECTIONS[key]
        assert (form["folder"], form["extension"], form["format"]) == (
            f"content/{collection.folder}",
            "md",
            "yaml-frontmatter",
        )
        assert (form["slug"], form["identifier_field"], form["delete"]) == ("{{slug}}", "title", False)
    assert CONFIG["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def test_every_field_has_a_dutch_label_and_the_required_ones_are_those_the_models_require():
    labels = [field["label"] for _, field in all_fields()]
    assert all(label[0].isupper() or label.islower() for label in labels)
    events = {field["name"]: field.get("required", True) for field in COLLECTIONS["events"]["fields"]}
    assert [name for name, required in events.items() if required] == ["title", "summary", "kind", "start", "published"]


def test_no_field_inside_a_group_or_list_has_a_default_and_no_field_of_an_optional_group_is_required():
    # Decap would start every new item with the group, or refuse to save an item that leaves it empty.
    assert [field["name"] for depth, field in all_fields() if depth and "default" in field] == []
    for _, field in all_fields():
        if field.get("widget") == "object" and field.get("required") is False:
            assert all(inner.get("required") is False for inner in field["fields"]), field["name"]


def test_the_editor_works_on_the_published_branch_through_pull_requests():
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["backend"]["branch"] == "main"
    assert CONFIG["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def sample_values(path: str) -> Iterator[tuple[str, Any]]:
    """(file, value) of a dotted path in every sample item of every collection, lists walked."""
    for collection in FILE_COLLECTIONS.values():
        for file in sorted((SAMPLE / "content" / str(collection.folder)).glob("*.md")):
            document = read_markdown(file, file.name, [])
            assert document is not None
            yield from ((file.name, value) for value in _at(document.data, path.split(".")))


def _at(data: Any, parts: list[str]) -> Iterator[Any]:
    if isinstance(data, list):
        for one in data:
            yield from _at(one, parts)
    elif not parts:
        yield data
    elif isinstance(data, dict) and parts[0] in data:
        yield from _at(data[parts[0]], parts[1:])


def patterned() -> Iterator[tuple[str, str, str]]:
    """(collection, dotted field, pattern) of every pattern of the item forms."""
    for key in FILE_COLLECTIONS:
        yield from ((key, path, pattern) for path, pattern in _patterns(COLLECTIONS[key]["fields"], ""))


def _patterns(fields: list[dict[str, Any]], prefix: str) -> Iterator[tuple[str, str]]:
    for one in fields:
        own = one.get("field", one)
        if "pattern" in own:
            yield prefix + one["name"], own["pattern"][0]
        yield from _patterns(one.get("fields", []), prefix + one["name"] + ".")


def test_every_value_the_sample_content_holds_passes_the_pattern_of_its_field():
    # Otherwise an editor could not save an existing item without changing it. Decap tests a pattern with
    # RegExp.test; these patterns read the same in Python.
    refused = [
        (key, path, file, value)
        for key, path, pattern in patterned()
        for file, value in sample_values(path)
        if not re.search(pattern, str(value))
    ]
    assert refused == []


def test_a_text_at_its_limit_passes_the_form_and_cop_check_and_one_character_more_passes_neither(content):
    title = next(field for field in COLLECTIONS["events"]["fields"] if field["name"] == "title")
    pattern = title["pattern"][0]
    tree = content(events={})
    for length, accepted in ((80, True), (81, False)):
        text = "Kennissessie " + "x" * (length - 13)
        assert bool(re.search(pattern, text)) is accepted
        (tree / "events" / "kennissessie.md").write_text(EVENT.format(title=text), encoding="utf-8")
        assert _loads(tree) is accepted


def _loads(content: Path) -> bool:
    try:
        load(content, TODAY)
    except ContentError:
        return False
    return True


def choices() -> Iterator[tuple[str, str, list[str]]]:
    """(collection, field, values) of every select and relation of the item forms' top level: the values each can
    write, a relation's being the ids of what it points to."""
    ids = {
        key: [file.stem for file in (SAMPLE / "content" / str(one.folder)).glob("*.md")]
        for key, one in FILE_COLLECTIONS.items()
    }
    partners = read_yaml(SAMPLE / "content/site/partners.yml", "partners.yml", [])
    assert partners is not None
    for key in FILE_COLLECTIONS:
        for field in COLLECTIONS[key]["fields"]:
            if field["widget"] == "select":
                yield key, field["name"], [option["value"] for option in field["options"]]
            elif field["widget"] == "relation" and field["collection"] == SITE_COLLECTION:
                assert (field["file"], field["value_field"]) == ("partners", "partners.*.id")
                yield key, field["name"], [partner["id"] for partner in partners.data["partners"]]
            elif field["widget"] == "relation":
                assert field["value_field"] == "{{slug}}"  # the file name, which is the id
                yield key, field["name"], sorted(ids[field["collection"]])


def test_every_value_a_select_or_relation_can_write_passes_cop_check(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    shutil.copy2(SAMPLE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    bases = {key: sorted((content / str(one.folder)).glob("*.md"))[0] for key, one in FILE_COLLECTIONS.items()}
    written = 0
    for key, name, values in choices():
        base = bases[key]
        text = base.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        front = yaml.safe_load(head.removeprefix("---\n"))
        multiple = next(one for one in COLLECTIONS[key]["fields"] if one["name"] == name).get("multiple", False)
        for index, value in enumerate(values):
            changed = {**front, name: [value] if multiple else value}
            if "code" in changed:  # a table's code is unique
                changed["code"] = str(10 + written)
            target = base.with_name(f"keuze-{name.replace('_', '-')}-{index}.md")
            target.write_text("---\n" + yaml.safe_dump(changed, allow_unicode=True) + "---\n" + body, "utf-8")
            written += 1
    assert written > 60
    load(content, TODAY)


def test_cop_cms_prints_the_configuration_the_build_writes(built_site: Path):
    result = subprocess.run(
        [sys.executable, "-m", "coplimburg.editors.cli", "cms"], cwd=SAMPLE, capture_output=True, text=True, check=True
    )
    assert result.stdout == (built_site / "admin" / "config.yml").read_text(encoding="utf-8")


def test_a_git_host_becomes_the_backend_and_the_local_server_stays_for_make_cms():
    settings = read_settings({"cop": {"cms": {"host": {"name": "gitlab", "repo": "cop/site", "app_id": "abc123"}}}})
    config = cms_config(read_vocabularies(SAMPLE / "content"), settings.cms, "content", "docs")
    backend = {key: value for key, value in config["backend"].items() if key != "commit_messages"}
    assert backend == {"name": "gitlab", "repo": "cop/site", "auth_type": "pkce", "app_id": "abc123", "branch": "main"}
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


@pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML without libyaml")
def test_libyaml_and_pyyaml_write_the_same_configuration_so_the_golden_copy_holds_on_any_machine():
    hosted = read_settings(
        {"cop": {"cms": {"host": {"name": "github", "repo": "cop/site", "base_url": "https://a.b"}}}}
    )
    for settings in (Cms(), hosted.cms):
        config = cms_config(read_vocabularies(SAMPLE / "content"), settings, "content", "docs")
        assert render(config, yaml.CSafeDumper) == render(config, yaml.SafeDumper)
