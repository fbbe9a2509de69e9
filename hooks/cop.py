"""MkDocs adapter of the CoP Limburg build (coplimburg.build lists what happens in each event).

Events: on_startup, on_config, on_files, on_env, on_page_content, on_page_context, on_post_build, on_shutdown.
One hook file, so no order between hook files can matter. The `Build` lives on the config of the current
build (`extra.cop_build`) and is made anew for every build, so `mkdocs serve` never sees stale content.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from coplimburg.build import FILTERS, GLOBALS, Build
from coplimburg.editors.preview import terminal_report, write_problem_docs
from coplimburg.output import write_files
from coplimburg.pages.escaping import escape_front_matter, html_environment, trust_rendered
from coplimburg.problems import ContentError
from coplimburg.search_index import IndexingFailed, index_site

BUILD_KEY = "cop_build"
# MkDocs names the command only in on_startup; serve keeps this module loaded across its rebuilds.
_preview: dict[str, Path | bool] = {}


class Download(File):
    """A file copied as it is; without this MkDocs would render a Markdown download as a page."""

    def is_documentation_page(self) -> bool:
        return False


def on_startup(command: str, dirty: bool) -> None:
    _preview.clear()
    _preview["serving"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        build = Build.start(root, config.site_url or "", config.site_name, config.site_description or "", config.extra)
    except (ContentError, ValueError) as error:
        if not _preview.get("serving"):
            raise PluginError(str(error)) from None
        return _show_problems(config, error)
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: tie it to the one build date.
    os.environ["SOURCE_DATE_EPOCH"] = str(build.epoch)
    build.views.env = html_environment(config.theme.get_env())  # macros render partials before on_env
    build.views.env.filters.update(FILTERS)
    config.extra[BUILD_KEY] = build
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if build := _build(config):
        for src_uri, text in build.pages().items():
            files.append(File.generated(config, src_uri, content=text))
        for published in build.downloads():
            files.append(Download.generated(config, published.url, abs_src_path=str(published.source)))
        for path, data in build.calendars().items():
            files.append(File.generated(config, path, content=data))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return html_environment(env)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_front_matter(page)
    if build := _build(config):
        build.capture(page.meta, html)
    return html


def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    trust_rendered(page)  # only MkDocs' own rendering is HTML
    if build := _build(config):
        context.update(build.page_context(page.meta, page.url, page.is_homepage))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if build := _build(config):
        write_files(Path(config.site_dir), build.outputs())
        try:
            index_site(Path(config.site_dir))
        except IndexingFailed as error:
            raise PluginError(str(error)) from None


def on_shutdown() -> None:
    folder = _preview.get("problems")
    if isinstance(folder, Path):
        shutil.rmtree(folder, ignore_errors=True)


def _build(config: MkDocsConfig) -> Build | None:
    build: Build | None = config.extra.get(BUILD_KEY)
    return build


def _show_problems(config: MkDocsConfig, error: Exception) -> MkDocsConfig:
    """Under serve: the problem list becomes the site, so the preview keeps running until it is fixed."""
    folder = _preview.get("problems")
    if not isinstance(folder, Path):
        folder = _preview["problems"] = Path(tempfile.mkdtemp(prefix="cop-problemen-"))
    print(terminal_report(error), file=sys.stderr)
    config.watch.append(config.docs_dir)  # serve watches docs_dir as it stands after this build
    config.docs_dir = str(write_problem_docs(folder, error))
    config.nav = None
    config.extra[BUILD_KEY] = None
    return config
