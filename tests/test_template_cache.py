"""Compiled page templates are kept in the build's own memory only: reused by the next environment of the process
(the preview's rebuilds), compiled again when their source changes, and never read from or written to disk, where
anyone with access to the checkout could leave code for the build to run."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader
from mkdocs.config import load_config
from sitebuild import build_site

from coplimburg.pages.escaping import html_environment

HOSTILE = '<script>alert("x")</script>'
POISON = "vergiftigd"


def _environment(templates: Path) -> Environment:
    return html_environment(Environment(loader=FileSystemLoader(str(templates))), keep_compiled=True)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    return folder


def test_a_template_compiled_once_is_reused_by_the_next_environment_and_escapes_the_same(templates, monkeypatch):
    first = _environment(templates).get_template("page.html").render(title=HOSTILE)
    second = _environment(templates)
    monkeypatch.setattr(second, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    assert second.get_template("page.html").render(title=HOSTILE) == first
    assert first == "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</h1>"


def test_a_changed_template_is_compiled_again(templates):
    _environment(templates).get_template("page.html").render(title="Oud")
    (templates / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert _environment(templates).get_template("page.html").render(title="Nieuw") == "<h2>Nieuw</h2>"


def test_an_environment_that_keeps_nothing_has_no_cache(templates):
    env = html_environment(Environment(loader=FileSystemLoader(str(templates))))
    assert env.bytecode_cache is None
    assert env.get_template("page.html").render(title="<b>") == "<h1>&lt;b&gt;</h1>"


def test_compiled_templates_left_in_the_cache_folder_are_never_loaded(project: Path, tmp_path: Path) -> None:
    # Jinja's file cache as the build once used it (.cache/templates/, names ending .autoescape.jinja), filled with
    # valid entries for every theme template whose code prints only POISON: loading any of them would show it.
    theme = load_config(str(project / "mkdocs.yml")).theme.get_env()
    folder = project / ".cache" / "templates"
    folder.mkdir(parents=True)
    files = FileSystemBytecodeCache(str(folder), "%s.autoescape.jinja")
    for name in theme.list_templates(filter_func=lambda name: name.endswith(".html")):
        source, filename, _ = theme.loader.get_source(theme, name)
        bucket = files.get_bucket(theme, name, filename, source)
        bucket.code = theme.compile(POISON, name, filename)
        files.set_bucket(bucket)
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    for page in site.rglob("*.html"):
        assert POISON not in lxml.html.parse(str(page)).getroot().text_content(), page
    assert len(list(folder.iterdir())) > 20  # left as they were: read by nothing
