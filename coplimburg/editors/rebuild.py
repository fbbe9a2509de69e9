"""What a preview rebuild (`mkdocs serve`) takes over from the build before it, so that a saved item shows in the
browser within a second or two instead of after every page of the site was rendered again.

A generated page is kept (its HTML of the build before is moved back instead of rendering it again) only when
everything its template is given is what it was: its Markdown with its front matter, its page context
(Build.page_context: the view, JSON-LD, sharing tags, feed links and search data, computed anew for every page and
compared with `==` to the one of the build before), and what every page shares (`shared_inputs`: the
configuration file, every file of the theme overrides and of docs/ (the navigation's titles, the macros' pages),
the path of every file the build publishes, the build date and the versions of the engine). Pages in the
navigation are always rendered, and nothing is kept after a build that failed or showed the problem list.

Comparing with `==` is what makes this honest and cheap (0.05 s for 1,000 pages): dataclasses and pydantic models
compare field by field (a model's private values too), and every other object by identity, so a value that is not
plain data is never equal to last build's and its page is rendered again. No dataclass of the package leaves a
field out of the comparison (tests/test_preview_rebuild.py holds that). The one thing `==` does not see is a type:
1 == 1.0 and a text equals the same text as escaped HTML (Markup); the types of what views hold follow from the
code and the models, never from content.

What follows the pages in a build (the calendars, feeds and e-mail editions of the worker, then the search index)
follows the preview's build in the background: the preview shows the pages first, says so in the terminal, and a
next build stops what the previous one left.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coplimburg.build import Build
from coplimburg.output import write_files
from coplimburg.pages.search_index import FOLDER, Indexing, IndexingFailed

# The files MkDocs writes from the list of every page, which is part of the shared inputs.
_FROM_EVERY_PAGE = ("sitemap.xml", "sitemap.xml.gz")
_FRONT_MATTER_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Source:
    """A generated page as the build has it: its Markdown, where MkDocs puts it and the arguments its context
    (Build.page_context) is made from."""

    markdown: str
    url: str
    output: str  # the output file, relative to the site folder
    canonical: str


@dataclass(frozen=True)
class Rendered:
    """What a build gave a page's template, and the page's cleaned body once it was rendered."""

    source: Source
    meta: Mapping[str, Any]
    context: Mapping[str, Any]
    body: str | None = None


def shared_inputs(config_file: Path, folders: Iterable[Path], files: Iterable[tuple[str, str]], *other: str) -> str:
    """A fingerprint of what every page's template may show besides its own context: the bytes of the configuration
    file and of every file in `folders` (theme overrides, docs/), each file of the build (source and output path),
    and `other` (the engine's versions, the build date, the site's URL)."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (*other, *sorted(f"{source}\0{output}" for source, output in files)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(config_file.read_bytes() + b"\0")
    for number, folder in enumerate(folders):
        for file in sorted(one for one in folder.rglob("*") if one.is_file()):
            # By the path inside its folder: MkDocs gives the theme folder as written at first, absolute later.
            name = f"{number}:{file.relative_to(folder).as_posix()}".encode("utf-8", "surrogateescape")
            digest.update(name + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def page_inputs(build: Build, sources: Mapping[str, Source], earlier: Mapping[str, Rendered]) -> dict[str, Rendered]:
    """What each generated page's template is given, by its source (the front matter read again only where the
    Markdown differs from the `earlier` build's)."""
    found = {}
    for src_uri, source in sources.items():
        before = earlier.get(src_uri)
        meta = before.meta if before is not None and before.source.markdown == source.markdown else None
        meta = meta if meta is not None else _front_matter(source.markdown)
        title = str(meta.get("title", ""))
        context = build.page_context(meta, source.url, src_uri == "index.md", title, source.canonical)
        found[src_uri] = Rendered(source, meta, context)
    return found


def _front_matter(markdown: str) -> dict[str, Any]:
    """The front matter of a generated page (which the build itself wrote, so it is well-formed)."""
    loaded = yaml.load(markdown.split("---\n", 2)[1], Loader=_FRONT_MATTER_LOADER)
    return loaded if isinstance(loaded, dict) else {}


class Preview:
    """The preview's memory from one build to the next, in the `mkdocs serve` process: the pages of the last complete
    build, its output moved aside while the next build runs, and the background work it left."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say
        self._pages: dict[str, Rendered] = {}  # of the last complete build
        self._shared = ""
        self._building: dict[str, Rendered] = {}
        self._building_shared = ""
        # Files copied as they are: by output path, the signature of their source file when it was copied.
        self._files: dict[str, Signature] = {}
        self._building_files: dict[str, Signature] = {}
        self._aside: Path | None = None
        self._after: After | None = None
        self.kept = 0

    def stop(self) -> None:
        """A build starts: what the last one left in the background stops and writes nothing more."""
        if self._after is not None:
            self._after.stop()
            self._after = None

    def begin(self, site_dir: Path) -> None:
        """Move the output of the last complete build aside (kept pages come back from there); MkDocs then finds an
        empty site folder."""
        self.stop()
        self._building, self.kept = {}, 0
        if not self._pages or not site_dir.is_dir():
            return
        aside = _beside(site_dir, "vorige")
        site_dir.rename(aside)
        site_dir.mkdir()
        self._aside = aside

    def inputs(self, build: Build, sources: Mapping[str, Source]) -> dict[str, Rendered]:
        """What each generated page's template is given in this build (coplimburg.editors.rebuild.page_inputs)."""
        return page_inputs(build, sources, self._pages)

    def keep(self, shared: str, inputs: Mapping[str, Rendered]) -> dict[str, tuple[Path, Rendered]]:
        """Of the generated pages, those whose inputs are what they were (`shared`: of every page): each with where its
        output lies now and its record of the build before (front matter, body)."""
        self._building, self._building_shared = dict(inputs), shared
        aside = self._aside
        if aside is None or shared != self._shared:
            return {}
        kept = {}
        for src_uri, now in inputs.items():
            before = self._pages.get(src_uri)
            if before is None or before.source != now.source or before.context != now.context:
                continue
            output = aside / now.source.output
            if output.is_file():
                kept[src_uri] = (output, before)
                self._building[src_uri] = Rendered(now.source, now.meta, now.context, before.body)
        self.kept = len(kept)
        return kept

    def keep_files(self, sources: Mapping[str, Path]) -> dict[str, Path]:
        """Of the files copied as they are (by output path, from their source file), those whose source is the same
        file as when the build before copied it, unchanged (size, modification time, inode): where that copy lies
        now. This is how MkDocs itself tells a changed file in a dirty build, done per file and source path."""
        self._building_files = {output: _signature(source) for output, source in sources.items()}
        if self._aside is None:
            return {}
        return {
            output: self._aside / output
            for output, signature in self._building_files.items()
            if signature is not None and self._files.get(output) == signature and (self._aside / output).is_file()
        }

    def rendered(self, src_uri: str, body: str) -> None:
        """A generated page was rendered: its cleaned body (an item's feed entry carries it)."""
        if (record := self._building.get(src_uri)) is not None:
            self._building[src_uri] = Rendered(record.source, record.meta, record.context, body)

    def done(self, site_dir: Path, outputs: Callable[[], dict[str, bytes]], pages: int) -> None:
        """The build wrote its pages: it becomes the one the next build compares with, and what follows its pages
        starts in the background."""
        aside, self._aside = self._aside, None
        if aside is not None and self.kept:
            # Those files list every page, from inputs the kept pages show are unchanged: the build before had them.
            for name in _FROM_EVERY_PAGE:
                if (aside / name).is_file():
                    os.replace(aside / name, site_dir / name)
        previous_index = aside / FOLDER if aside is not None and (aside / FOLDER).is_dir() else None
        if previous_index is not None:
            os.replace(previous_index, site_dir / FOLDER)  # searchable at once, with the index of the build before
        if aside is not None:
            threading.Thread(target=shutil.rmtree, args=(aside,), kwargs={"ignore_errors": True}, daemon=True).start()
        self._pages, self._shared, self._building = self._building, self._building_shared, {}
        self._files, self._building_files = self._building_files, {}
        self._say(
            f"Voorbeeld: {pages - self.kept} van {pages} pagina's opnieuw gemaakt, de andere zijn ongewijzigd; "
            "agenda's, feeds en de zoekindex volgen over enkele seconden."
        )
        self._after = After(site_dir, outputs, self._say)

    def forget(self) -> None:
        """A build failed or shows the problem list: the next build renders every page."""
        self.stop()
        self._pages, self._shared, self._building, self.kept = {}, "", {}, 0
        self._files, self._building_files = {}, {}
        if self._aside is not None:
            shutil.rmtree(self._aside, ignore_errors=True)
            self._aside = None


class After:
    """What follows the pages of a preview build, in a thread: the worker's files (calendars, feeds, e-mail
    editions) are written, then Pagefind indexes the site into a folder beside it, which replaces site/pagefind/
    when complete. `stop()` (a next build starts, or the preview ends) kills the indexer and removes what it
    wrote; nothing is written after it."""

    def __init__(self, site_dir: Path, outputs: Callable[[], dict[str, bytes]], say: Callable[[str], None]) -> None:
        self._site_dir = site_dir
        self._outputs = outputs
        self._say = say
        self._lock = threading.Lock()
        self._stopped = False
        self._indexing: Indexing | None = None
        self._index = _beside(site_dir, "zoekindex")
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._indexing is not None:
                self._indexing.stop()
            shutil.rmtree(self._index, ignore_errors=True)

    def _run(self) -> None:
        try:
            files = self._outputs()
        except Exception as error:  # the build itself fails on it; the preview says it and goes on
            self._say(f"Voorbeeld: agenda's en feeds konden niet gemaakt worden ({type(error).__name__}: {error})")
            return
        index = self._index
        with self._lock:
            if self._stopped:
                return
            write_files(self._site_dir, files)
            indexing = self._indexing = Indexing(self._site_dir, index)
        try:
            with indexing:
                indexing.finish()
        except IndexingFailed as error:
            with self._lock:
                if not self._stopped:
                    self._say(str(error))
            shutil.rmtree(index, ignore_errors=True)
            return
        with self._lock:
            if self._stopped:
                shutil.rmtree(index, ignore_errors=True)
                return
            current, replaced = self._site_dir / FOLDER, _beside(self._site_dir, "oude-zoekindex")
            if current.is_dir():
                current.rename(replaced)
            index.rename(current)
        shutil.rmtree(replaced, ignore_errors=True)
        self._say("Voorbeeld: agenda's, feeds en zoekindex bijgewerkt.")


_names = itertools.count()
Signature = tuple[str, int, int, int] | None


def _signature(source: Path) -> Signature:
    try:
        info = source.stat()
    except OSError:
        return None
    return (str(source), info.st_size, info.st_mtime_ns, info.st_ino)


def _beside(site_dir: Path, what: str) -> Path:
    """A new folder name beside the site folder (on the same disk, so a rename moves it)."""
    return site_dir.with_name(f"{site_dir.name}.{what}-{os.getpid()}-{next(_names)}")
