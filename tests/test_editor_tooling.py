"""Editor support: the schemas are wired into VS Code for every content file, and pre-commit runs `cop check`."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import PurePosixPath

import yaml
from sitebuild import REPO

from coplimburg.content.collections import FILE_COLLECTIONS, SITE_DATA


def schema_file(reference: str) -> str:
    path = REPO / reference
    assert path.is_file(), f"{reference} does not exist"
    return PurePosixPath(reference).name


def test_vscode_checks_every_site_data_file_against_its_schema():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = {pattern: schema_file(schema) for schema, pattern in settings["yaml.schemas"].items()}
    assert mapped == {f"content/site/{name}": f"{PurePosixPath(name).stem}.schema.json" for name in SITE_DATA}


def test_the_front_matter_of_every_collection_is_checked_against_its_schema_by_remark():
    config = json.loads((REPO / ".remarkrc.json").read_text(encoding="utf-8"))
    plugins = dict(plugin if isinstance(plugin, list) else (plugin, None) for plugin in config["plugins"])
    assert "remark-frontmatter" in plugins
    schemas = plugins["remark-lint-frontmatter-schema"]["schemas"]
    mapped = {pattern: schema_file(schema) for schema, patterns in schemas.items() for pattern in patterns}
    folders = [one.folder for one in FILE_COLLECTIONS.values()]
    assert mapped == {f"./content/{folder}/*.md": f"{folder}.schema.json" for folder in folders}


def test_vscode_recommends_the_extensions_the_settings_are_for():
    recommended = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert set(recommended) == {"redhat.vscode-yaml", "unifiedjs.vscode-remark"}
    tools = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert {"remark-cli", "remark-frontmatter", "remark-lint-frontmatter-schema"} <= set(tools)
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in tools.values()), "pin exact versions"


def hooks() -> dict[str, dict[str, object]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_runs_cop_check_on_the_whole_content_when_a_content_file_changes():
    check = hooks()["cop-check"]
    program, *arguments = shlex.split(str(check["entry"]))
    assert (PurePosixPath(program).name, arguments) == ("cop", ["check"])
    assert check["pass_filenames"] is False
    files = re.compile(str(check["files"]))
    assert files.search("content/events/groot-klankbord.md")
    assert files.search("content/site/partners.yml")
    assert not files.search("coplimburg/loader.py")


def test_pre_commit_formats_python_with_ruff():
    formatter = hooks()["ruff-format"]
    assert shlex.split(str(formatter["entry"]))[-2:] == [".venv/bin/ruff", "format"]
    assert formatter["types"] == ["python"]
