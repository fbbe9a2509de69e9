"""MkDocs adapter for the generated pages (events: on_config, on_files, on_env, on_page_content, on_page_context).

Adds a page per item and per overview plus the items' downloads to the files, registers the Dutch
date filters, turns on autoescape in the theme (coplimburg.pages.escaping), and hands each page the
view it displays.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from coplimburg.pages.escaping import escape_front_matter, html_environment, trust_rendered
from coplimburg.pages.filters import FILTERS
from coplimburg.pages.generate import assets, pages
from coplimburg.pages.registry import PageViews


class Download(File):
    """A file copied as it is; without this MkDocs would render a Markdown download as a page."""

    def is_documentation_page(self) -> bool:
        return False


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = config.extra["cop_context"]
    if context is None:  # serve shows the content problems instead
        config.extra["cop_views"] = None
        return config
    views = PageViews(context.site, context.today, config.site_url or "/")
    # Macros render while pages are read, before on_env: they get a theme environment of their own.
    views.env = html_environment(config.theme.get_env())
    views.env.filters.update(FILTERS)
    config.extra["cop_views"] = views
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if config.extra["cop_context"] is None:
        return files
    site = config.extra["cop_context"].site
    for page in pages(site):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for published in assets(site):
        files.append(Download.generated(config, published.url, abs_src_path=str(published.source)))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters.update(FILTERS)
    return html_environment(env)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_front_matter(page)  # before the search plugin indexes the page
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    trust_rendered(page)
    if config.extra["cop_views"] is not None:
        context.update(config.extra["cop_views"].context_for(page.meta, page.is_homepage))
    return context
