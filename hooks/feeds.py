"""MkDocs adapter for CoPPIG feeds and newsletter editions.

Events: on_config prepares feeds and editions (and resets state: `mkdocs serve` keeps hook modules loaded),
on_files adds the CoPPIG pages, on_page_content captures each item page's HTML, on_page_context hands
templates their feed links and edition data, on_post_build writes the feeds and e-mail editions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.syndication import Syndication, prepare
from coplimburg.output import write_files

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    context = config.extra["cop_context"]
    if context is None:  # serve shows the content problems instead
        return config
    settings = config.extra.get("cop", {})
    feed_settings = FeedSettings(
        title=config.site_name,
        description=config.site_description or "",
        organisation=settings.get("organisation", config.site_name),
        limit=int(settings.get("feed_limit", 20)),
    )
    _state["syndication"] = prepare(context.site, config.site_url or "", feed_settings)
    _state["rendered"] = {}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _state:
        for src_uri, text in _syndication().pages().items():
            files.append(File.generated(config, src_uri, content=text))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    collection, item_id = page.meta.get("cop_collection"), page.meta.get("cop_id")
    if _state and collection and item_id:
        _state["rendered"][(collection, item_id)] = html
    return html


def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    if _state:
        context["cop_feed_links"] = _syndication().head_links(page.url)
        context["cop_coppig"] = _syndication().page_data(page.meta)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if not _state:
        return
    # Items without a captured page are rendered with the site's own Markdown settings.
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    outputs = _syndication().outputs(_state["rendered"], lambda text: converter.reset().convert(text))
    write_files(Path(config.site_dir), outputs)


def _syndication() -> Syndication:
    syndication: Syndication = _state["syndication"]
    return syndication
