"""Site search: Pagefind indexes the built site, so search sees every page exactly as a visitor does.

Runs after MkDocs wrote site/ (hooks/cop.py, on_post_build). Pagefind's indexer ships inside the pinned
`pagefind-bin` wheel, so indexing needs no network. Only pages whose main content carries
`data-pagefind-body` (overrides/main.html) are indexed: 404.html, e-mail editions and feeds are left out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagefind_bin import get_executable

from coplimburg.pages.search_order import ENTRY, sort_filters

# The folder the browser loads the search library and index from, under site/.
FOLDER = "pagefind"
LANGUAGE = "nl"
# Pagefind's ready-made interfaces: our own dialog (overrides/assets/javascripts/search.js) uses pagefind.js.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


@dataclass(frozen=True)
class Indexed:
    pages: int
    folder: Path


class IndexingFailed(RuntimeError):
    pass


class Indexing:
    """Pagefind at work on a written site, while the build does other work; `finish()` waits for it.

    Used as a context manager, so that a build failing meanwhile stops the indexer."""

    def __init__(self, site_dir: Path, output: Path | None = None) -> None:
        self.site_dir = site_dir
        # site/pagefind/, or elsewhere for a preview that swaps the new index in when it is complete.
        self.output = output or site_dir / FOLDER
        shutil.rmtree(self.output, ignore_errors=True)
        # The command line indexer, not the Python API's service: its files are complete when it exits.
        command = [
            str(get_executable()),
            "--site",
            str(site_dir),
            "--output-path",
            str(self.output),
            "--force-language",  # one Dutch index with Dutch stemming, whatever a page's lang says
            LANGUAGE,
            "--exclude-selectors",
            ".headerlink",
            "--silent",
        ]
        # A file, not a pipe: nobody reads the output until the indexer is done, and a full pipe would stall it.
        # Closed in __exit__, after the indexer.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)

    def __enter__(self) -> Indexing:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
        self._log.close()

    def stop(self) -> None:
        """Stop the indexer if it is still at work."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def finish(self) -> Indexed:
        """Wait for the indexer; the index of the site, with the interfaces we do not use removed."""
        if self._process.wait() != 0:
            self._log.seek(0)
            printed = self._log.read().decode("utf-8", errors="replace")
            raise IndexingFailed(f"Pagefind kon de zoekindex niet maken:\n{printed}")
        try:
            pages = sum(language["page_count"] for language in _entry(self.output)["languages"].values())
            for name in UNUSED:
                (self.output / name).unlink(missing_ok=True)
            sort_filters(self.output)
        except (OSError, ValueError, KeyError) as error:
            raise IndexingFailed(f"Pagefind-uitvoer onverwacht van vorm: {error}") from error
        if pages == 0:
            raise IndexingFailed(f"Pagefind vond geen pagina's om te indexeren in {self.site_dir}")
        return Indexed(pages, self.output)


def index_site(site_dir: Path) -> Indexed:
    """Write the Pagefind index and browser library of the site in `site_dir` into `site_dir/pagefind/`."""
    with Indexing(site_dir) as indexing:
        return indexing.finish()


def _entry(output: Path) -> dict[str, Any]:
    entry: dict[str, Any] = json.loads((output / ENTRY).read_text(encoding="utf-8"))
    return entry
