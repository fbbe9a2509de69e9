"""MkDocs adapter for the content layer (events: on_startup, on_config, on_shutdown).

Loads and validates everything under `content/` before anything is built; content problems abort the
build through MkDocs' own error path, listing every problem and leaving the previous site/ untouched.
Under `mkdocs serve` the problems become the site instead, so the preview keeps running until they are fixed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from coplimburg.build import BuildContext, prepare
from coplimburg.editors.preview import terminal_report, write_problem_docs
from coplimburg.problems import ContentError

# Hooks are loaded once per process, so these survive serve's rebuilds.
_serving = False
_problem_docs: Path | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = config.extra.get("cop", {})
    root = Path(config.config_file_path).parent
    try:
        context = prepare(root / settings.get("content_dir", "content"), settings.get("build_date"))
    except (ContentError, ValueError) as error:
        if not _serving:
            raise PluginError(str(error)) from None
        global _problem_docs
        _problem_docs = _problem_docs or Path(tempfile.mkdtemp(prefix="cop-problemen-"))
        print(terminal_report(error), file=sys.stderr)
        config.watch.append(config.docs_dir)  # serve watches docs_dir as it stands after this build
        config.docs_dir = str(write_problem_docs(_problem_docs, error))
        config.nav = None
        # The other hooks see no content and add nothing to the problem page.
        config.extra["cop_context"] = None
        return config
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: tie it to the one build date.
    os.environ["SOURCE_DATE_EPOCH"] = str(context.epoch)
    config.extra["cop_context"] = context
    return config


def on_shutdown() -> None:
    if _problem_docs is not None:
        shutil.rmtree(_problem_docs, ignore_errors=True)


__all__ = ["BuildContext", "on_config", "on_shutdown", "on_startup"]
