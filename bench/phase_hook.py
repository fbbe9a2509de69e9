"""An MkDocs hook the benchmark adds to a copy of a project's config: when each build phase ends, by wall clock.

Each phase starts where its event starts, before every other plugin's handler of that event; the pages end with
the last page written, and the build with the last handler of on_post_build. The phases of each build are
written as JSON to the file named by COP_BENCH_PHASES when it ends (under `mkdocs serve`: of the last rebuild).
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from mkdocs.plugins import event_priority

# The event that starts each phase, in the order MkDocs fires them.
PHASES = {
    "on_config": "settings and content",  # on_config: our content is loaded and checked here
    "on_files": "files and navigation",  # on_files (our generated pages, cards) and the nav
    "on_nav": "Markdown",  # every page read and rendered
    "on_env": "page templates",  # static files copied, every page's template rendered and written
    "after_pages": "after the pages",  # on_post_build: Pagefind, writing the worker's files
}
_starts: dict[str, float] = {}
FIRST = event_priority(100)
LAST = event_priority(-100)


@FIRST
def on_config(config: Any) -> Any:
    _starts.clear()
    _starts["on_config"] = time.perf_counter()
    return config


@FIRST
def on_files(files: Any, config: Any) -> Any:
    _starts["on_files"] = time.perf_counter()
    return files


@FIRST
def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _starts["on_nav"] = time.perf_counter()
    return nav


@FIRST
def on_env(env: Any, config: Any, files: Any) -> Any:
    _starts["on_env"] = time.perf_counter()
    return env


@LAST
def on_post_page(output: str, page: Any, config: Any) -> str:
    _starts.pop("after_pages", None)
    _starts["after_pages"] = time.perf_counter()  # the last page's end is where the pages end
    return output


@LAST
def on_post_build(config: Any) -> None:
    ends = [*list(_starts.values())[1:], time.perf_counter()]
    seconds = {PHASES[event]: end - start for (event, start), end in zip(_starts.items(), ends, strict=True)}
    with open(os.environ["COP_BENCH_PHASES"], "w", encoding="utf-8") as file:
        json.dump(seconds, file)
