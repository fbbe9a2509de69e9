"""Compiled page templates kept between builds (.cache/templates/): loaded only by an environment that escapes,
and compiled again when their source changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from coplimburg.pages.escaping import html_environment

HOSTILE = '<script>alert("x")</script>'


def _environment(templates: Path, cache: Path) -> Environment:
    return html_environment(Environment(loader=FileSystemLoader(str(templates))), cache)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    return folder


def test_a_template_loaded_from_the_cache_escapes_as_when_it_was_compiled(templates, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = _environment(templates, cache).get_template("page.html").render(title=HOSTILE)
    assert [path.name.endswith(".autoescape.jinja") for path in cache.iterdir()] == [True]
    second = _environment(templates, cache)
    monkeypatch.setattr(second, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    assert second.get_template("page.html").render(title=HOSTILE) == first
    assert first == "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</h1>"


def test_a_changed_template_is_compiled_again(templates, tmp_path):
    cache = tmp_path / "cache"
    _environment(templates, cache).get_template("page.html").render(title="Oud")
    (templates / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert _environment(templates, cache).get_template("page.html").render(title="Nieuw") == "<h2>Nieuw</h2>"


def test_an_environment_without_a_cache_folder_writes_none(templates, tmp_path):
    env = html_environment(Environment(loader=FileSystemLoader(str(templates))))
    assert env.bytecode_cache is None
    assert env.get_template("page.html").render(title="<b>") == "<h1>&lt;b&gt;</h1>"
