"""The benchmark's floor: a bare MkDocs + Material project with one plain Markdown page per synthetic item.

It keeps our theme settings, Markdown extensions, navigation and docs/ pages, drops what needs our
content (hooks, theme overrides, our settings), and puts each item at the path our page would have,
out of the nav, with the facts our page shows written as plain Markdown and links.
"""

from __future__ import annotations

import importlib.util
import posixpath
import shutil
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from bench.synthetic import Item
from coplimburg.content.collections import COLLECTIONS
from coplimburg.urls import item_source

_MATERIAL = importlib.util.find_spec("material")
assert _MATERIAL is not None and _MATERIAL.origin, "the floor is Material for MkDocs"
_MATERIAL_LANGUAGES = Path(_MATERIAL.origin).parent / "templates" / "partials" / "languages"
# Plugins that read our content; every other plugin is part of the floor.
CONTENT_PLUGINS = frozenset({"macros"})
# Front matter fields that name other items, and the collection they point into.
# Reference fields whose ids are items with pages, from the collection declarations.
_LINKS = {
    name: reference.target
    for one in COLLECTIONS.values()
    for name, reference in one.references.items()
    if reference.target in COLLECTIONS and reference.target != "partners"
}


class _Tagged:
    """A value with a YAML tag such as !!python/name or !ENV, kept as written so the config can be written back."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag = tag
        self.node = node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


# Every tag SafeLoader does not know (the empty prefix matches all of them, and the suffix is the whole tag).
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: _Tagged(suffix, node))
_ConfigDumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged) -> yaml.Node:
    node = value.node
    node.tag = value.tag
    return node


def floor_config(config: dict[str, Any]) -> dict[str, Any]:
    """Our mkdocs.yml without the parts that need our content."""
    floor = {key: value for key, value in config.items() if key not in ("hooks", "watch")}
    theme = {key: value for key, value in config.get("theme", {}).items() if key != "custom_dir"}
    # A language of our overrides ("nl-cop", Material's nl with Dutch where Material has English) is Material's own.
    language = str(theme.get("language", "en"))
    if not (_MATERIAL_LANGUAGES / f"{language}.html").is_file():
        theme["language"] = language.split("-")[0]
    floor["theme"] = theme
    plugins = [plugin for plugin in config.get("plugins", []) if _plugin_name(plugin) not in CONTENT_PLUGINS]
    # Material by itself searches with lunr: its search_index.json is what Pagefind replaced.
    floor["plugins"] = [{"search": {"lang": "nl"}}, *plugins]
    extra = {key: value for key, value in config.get("extra", {}).items() if key != "cop"}
    if extra:
        floor["extra"] = extra
    else:
        floor.pop("extra", None)
    return floor


def phase_config(project: Path, hook: Path) -> Path:
    """A copy of `project`'s mkdocs.yml with `hook` (bench.phase_hook) first among its hooks; its path."""
    config = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)
    config["hooks"] = [str(hook), *config.get("hooks", [])]
    timed = project / "mkdocs-phases.yml"
    timed.write_text(yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return timed


def _plugin_name(plugin: str | dict[str, Any]) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def write_floor(target: Path, repo: Path, items: list[Item]) -> None:
    """The floor project for `items` at `target`: mkdocs.yml, the repository's docs/ and one page per item."""
    config = yaml.load((repo / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)
    docs = target / config.get("docs_dir", "docs")
    shutil.copytree(repo / config.get("docs_dir", "docs"), docs)
    text = yaml.dump(floor_config(config), Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    for item in items:
        page = docs / item_source(item.collection, item.id)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(plain_page(item), encoding="utf-8")
    # The nav names our generated overview pages; the floor lists the same items as plain links.
    for source in _nav_sources(config.get("nav", [])):
        page = docs / source
        if not page.exists():
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(overview_page(source, items), encoding="utf-8")


def _nav_sources(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [source for value in nav.values() for source in _nav_sources(value)]
    if isinstance(nav, list):
        return [source for value in nav for source in _nav_sources(value)]
    return []


def overview_page(source: str, items: list[Item]) -> str:
    """A section's overview as plain Markdown: a link to every item of its collection, or just a title."""
    folder = PurePosixPath(source).parent.as_posix()
    collection = next((key for key, one in COLLECTIONS.items() if one.section.split("/")[0] == folder), None)
    listed = [item for item in items if item.collection == collection] if source.endswith("index.md") else []
    links = [
        f"- [{item.front['title']}]({posixpath.relpath(item_source(item.collection, item.id), folder)})"
        for item in listed
    ]
    return f"# {PurePosixPath(source).stem.capitalize()}\n\n" + "\n".join(links) + "\n"


def plain_page(item: Item) -> str:
    """The item as plain Markdown: title, summary, its facts (references as links) and its body."""
    here = PurePosixPath(item_source(item.collection, item.id)).parent
    facts: list[str] = []
    for field, value in item.front.items():
        if field in ("title", "summary"):
            continue
        if field in _LINKS and isinstance(value, list):
            targets = (PurePosixPath(item_source(_LINKS[field], one)) for one in value)
            shown = ", ".join(f"[{target.stem}]({posixpath.relpath(target, here)})" for target in targets)
        elif isinstance(value, list):
            shown = ", ".join(str(one) for one in value)
        else:
            shown = str(value)
        facts.append(f"- **{field}**: {shown}")
    return f"# {item.front['title']}\n\n{item.front.get('summary', '')}\n\n" + "\n".join(facts) + f"\n\n{item.body}"
