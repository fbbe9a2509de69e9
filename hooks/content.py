"""MkDocs adapter for the content layer (event: on_config).

Loads and validates everything under `content/` before anything is built; content problems abort the
build through MkDocs' own error path, listing every problem and leaving the previous site/ untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from coplimburg.build import BuildContext, prepare
from coplimburg.problems import ContentError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = config.extra.get("cop", {})
    root = Path(config.config_file_path).parent
    try:
        context = prepare(root / settings.get("content_dir", "content"), settings.get("build_date"))
    except (ContentError, ValueError) as error:
        raise PluginError(str(error)) from None
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: tie it to the one build date.
    os.environ["SOURCE_DATE_EPOCH"] = str(context.epoch)
    config.extra["cop_context"] = context
    return config


__all__ = ["BuildContext", "on_config"]
