"""MkDocs adapter of the CoP Limburg build (coplimburg.build lists what happens in each event).

Events: on_startup, on_config, on_pre_build, on_files, on_env, on_page_content, on_page_context, on_post_build,
on_build_error, on_serve, on_shutdown.
One hook file, so no order between hook files can matter. The `Build` lives on the config of the current
build (`extra.cop_build`) and is made anew for every build, so `mkdocs serve` never sees stale content; what
`mkdocs serve` keeps from one build to the next is the preview's record of its pages (coplimburg.editors.rebuild).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import mkdocs
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from coplimburg import heap
from coplimburg.build import FILTERS, GLOBALS, LOGO, Build
from coplimburg.cms.admin import AdminFiles
from coplimburg.cms.bundle import BundleMissing
from coplimburg.editors.local_only import local_only
from coplimburg.editors.preview import HEADING, recover_from_not_found, terminal_report, write_problem_docs
from coplimburg.editors.rebuild import Preview, Source, shared_inputs
from coplimburg.output import discard, replace_site, staging_folder, write_files
from coplimburg.pages.bodies import clean_body
from coplimburg.pages.escaping import escape_front_matter, html_environment, trust_rendered
from coplimburg.pages.search_index import Indexing, IndexingFailed
from coplimburg.problems import ContentError
from coplimburg.site_lock import BuildBusy, SiteLock

BUILD_KEY = "cop_build"
# What MkDocs tells only some events: the command (on_startup; serve keeps this module loaded across its
# rebuilds, and with it the preview's record of its last build), the staging folder of a build and its lock (for
# on_build_error, which gets no config), and /admin/ of the last good build (the preview keeps the editor while
# content is broken, so that it can be mended there).
_process: dict[str, Path | bool | SiteLock | AdminFiles | Preview] = {}
log = logging.getLogger("mkdocs.plugins.cop")
# mkdocs-macros reports at INFO, on every build, which module and macros it found: lines that bury the ones that
# matter to an editor. Its warnings and errors still show.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
# The page sources of the last good build: the problem list is shown at each of them (coplimburg.editors.preview).
_last_pages: list[str] = []
# The engine renders every page: a preview keeps no page across another version of it.
_ENGINE = (mkdocs.__version__, version("mkdocs-material"))


class Download(File):
    """A file copied as it is; without this MkDocs would render a Markdown download as a page."""

    def is_documentation_page(self) -> bool:
        return False


class Kept(Download):
    """A generated page whose inputs did not change since the preview's build before, or a file copied as it is
    from an unchanged source: its output from then is moved back into the site instead of making it again
    (coplimburg.editors.rebuild). Links to a kept page resolve as to the page, by its source path."""

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        os.replace(self.abs_src_path, self.abs_dest_path)


def on_startup(command: str, dirty: bool) -> None:
    _process.clear()
    _last_pages.clear()
    _process["serving"] = command == "serve"
    if command == "serve":
        _process["preview"] = Preview(log.info)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    if preview := _preview():
        preview.stop()  # what the last build left in the background writes nothing more
    if not _process.get("serving"):
        # One build at a time uses the staging folder, until it has published or failed (coplimburg.site_lock).
        try:
            _process["lock"] = SiteLock.acquire(Path(config.site_dir), waiting=log.info)
        except BuildBusy as error:
            raise PluginError(str(error)) from None
    try:
        build = Build.start(
            root,
            config.site_url or "",
            config.site_name,
            config.site_description or "",
            config.extra,
            shows_commit=not _process.get("serving"),
        )
    except (ContentError, ValueError) as error:
        if not _process.get("serving"):
            raise PluginError(str(error)) from None
        if preview:
            preview.forget()  # the problem list replaces every page
        return _show_problems(config, error)
    # Site-path links in bodies are the documented way to link; build.body() writes them relative to their page,
    # so MkDocs' English advice to write `.md` paths instead (which `cop check` refuses) is wrong here.
    config.validation.links.absolute_links = logging.DEBUG
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: tie it to the one build date.
    os.environ["SOURCE_DATE_EPOCH"] = str(build.epoch)
    build.views.env = html_environment(config.theme.get_env(), keep_compiled=True)  # macros: before on_env
    build.views.env.filters.update(FILTERS)
    if not _process.get("serving"):
        # Build into a staging folder: site/ is replaced only when the whole build succeeded.
        build.site_dir = Path(config.site_dir)
        config.site_dir = str(staging_folder(build.site_dir))
        _process["staging"] = Path(config.site_dir)  # on_build_error gets no config
    config.extra[BUILD_KEY] = build
    if not _process.get("serving"):
        heap.settle()  # the loaded content lives until the build ends
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if (preview := _preview()) and _build(config):
        preview.begin(Path(config.site_dir))  # the last build's output, for the pages that do not change


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if build := _build(config):
        generated = build.pages()
        for src_uri, text in generated.items():
            files.append(File.generated(config, src_uri, content=text))
        for published in build.downloads():
            files.append(Download.generated(config, published.url, abs_src_path=str(published.source)))
        for src_uri, cleaned in build.page_images(Path(config.docs_dir)).items():
            files.remove(files.src_uris[src_uri])
            files.append(Download.generated(config, src_uri, abs_src_path=str(cleaned)))
        if not _preview():  # the preview starts the worker once its pages are shown
            build.start_calendars()  # on another core while MkDocs renders; written in on_post_build
        drawn = {**build.card_files(Path(config.docs_dir) / LOGO), **build.image_files()}
        for path, source in drawn.items():
            files.append(Download.generated(config, path, abs_src_path=str(source)))
        _last_pages[:] = [file.src_uri for file in files.documentation_pages()]
        try:
            docs = Path(os.path.relpath(config.docs_dir, Path(config.config_file_path).resolve().parent)).as_posix()
            site_files = [file.src_uri for file in files]
            _process["admin"] = build.admin(docs, site_files, config.extra_css, config.theme["favicon"])
        except BundleMissing as error:
            raise PluginError(str(error)) from None
    admin = _process.get("admin")
    if isinstance(admin, AdminFiles):
        for path, text in admin.generated.items():
            files.append(Download.generated(config, path, content=text))
        for path, source in admin.copied.items():
            files.append(Download.generated(config, path, abs_src_path=str(source)))
    if build and (preview := _preview()):
        _keep_unchanged(files, config, build, preview, generated)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    build = _build(config)
    if build is None:  # the preview's problem list
        return html_environment(env)
    env.globals.update(build.template_globals())
    if not _preview():
        build.start_feeds()  # every page's Markdown is rendered: the worker makes the feeds while MkDocs renders
    if not _process.get("serving"):
        heap.settle()  # and so does every page
    return html_environment(env, keep_compiled=True)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_front_matter(page)
    build = _build(config)
    if build is None:  # the preview's problem list
        return clean_body(html)
    html = build.body(html, page.url)
    build.capture(page.meta, html)
    if preview := _preview():
        preview.rendered(page.file.src_uri, html)
    return html


def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    trust_rendered(page)  # the body passed the allow-list in on_page_content
    if build := _build(config):
        context.update(
            build.page_context(page.meta, page.url, page.is_homepage, page.title or "", page.canonical_url or "")
        )
    return context


def on_post_build(config: MkDocsConfig) -> None:
    build, preview = _build(config), _preview()
    if build is not None and preview is not None:
        # The preview shows the pages now; calendars, feeds, editions and the search index follow in the background.
        preview.done(Path(config.site_dir), build.outputs_after_pages, len(_last_pages))
    elif build is not None:
        site = Path(config.site_dir)
        try:
            # Pagefind indexes the written pages while the worker's calendars, feeds and editions are collected;
            # those are written when the index is complete, so what Pagefind sees never depends on timing.
            with Indexing(site) as indexing:
                outputs = build.outputs()
                indexing.finish()
        except IndexingFailed as error:
            raise PluginError(str(error)) from None
        write_files(site, outputs)
        if build.site_dir is not None and _strict_warnings(config):
            # MkDocs counts strict-mode warnings after this event and then fails the build: publish nothing, so
            # on_build_error discards the staging folder and site/ keeps the previous build.
            return
        if build.site_dir is not None:
            replace_site(site, build.site_dir)
            config.site_dir = str(build.site_dir)
            # Published: an error after this (strict mode counts warnings last) must not remove what the next build,
            # let in by the release, stages there.
            _process.pop("staging", None)
            _release()
    if _process.get("serving"):
        recover_from_not_found(Path(config.site_dir), config.site_url or "", broken=build is None)


def on_build_error(error: Exception) -> None:
    if preview := _preview():
        preview.forget()
    staging = _process.pop("staging", None)
    if isinstance(staging, Path):
        discard(staging)
    _release()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    # Only requests addressed to 127.0.0.1, localhost or [::1] are answered (coplimburg.editors.local_only).
    if (app := server.get_app()) is not None:
        server.set_app(local_only(app))
    return server


def on_shutdown() -> None:
    if preview := _preview():
        preview.forget()
    folder = _process.get("problems")
    if isinstance(folder, Path):
        shutil.rmtree(folder, ignore_errors=True)


def _strict_warnings(config: MkDocsConfig) -> bool:
    """Whether `mkdocs build --strict` has counted a warning so far (its CountHandler on the "mkdocs" logger)."""
    if not config.strict:
        return False
    counters = [handler for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler)]
    return any(count for counter in counters for _, count in counter.get_counts())


def _release() -> None:
    lock = _process.pop("lock", None)
    if isinstance(lock, SiteLock):
        lock.release()


def _build(config: MkDocsConfig) -> Build | None:
    build: Build | None = config.extra.get(BUILD_KEY)
    return build


def _preview() -> Preview | None:
    preview = _process.get("preview")
    return preview if isinstance(preview, Preview) else None


def _keep_unchanged(
    files: Files, config: MkDocsConfig, build: Build, preview: Preview, generated: dict[str, str]
) -> None:
    """Under serve: each generated page outside the navigation whose inputs did not change is taken over from the
    build before instead of being rendered (coplimburg.editors.rebuild); its body still goes into the feeds."""
    in_nav = set(generated) if config.nav is None else _nav_sources(config.nav)  # no nav of its own: every page
    sources = {
        src_uri: Source(markdown, file.url, file.dest_uri, urljoin(config.site_url or "", file.url))
        for src_uri, markdown in generated.items()
        if src_uri not in in_nav and (file := files.src_uris[src_uri]).is_documentation_page()
    }
    folders = [Path(config.docs_dir), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
    versions = (*_ENGINE, build.today.isoformat(), config.site_url or "")
    everything = [(file.src_uri, file.dest_uri) for file in files]
    shared = shared_inputs(Path(config.config_file_path), folders, everything, *versions)
    copied = {
        file.dest_uri: Path(file.abs_src_path)
        for file in files
        if file.abs_src_path is not None and not file.is_documentation_page()
    }
    for src_uri, (output, before) in preview.keep(shared, preview.inputs(build, sources)).items():
        _take_back(files, config, files.src_uris[src_uri], output)
        if before.body is not None:
            build.capture(before.meta, before.body)
    by_output = {file.dest_uri: file for file in files}
    for dest_uri, output in preview.keep_files(copied).items():
        _take_back(files, config, by_output[dest_uri], output)


def _take_back(files: Files, config: MkDocsConfig, file: File, output: Path) -> None:
    """`file` is not made again: its output of the build before, at `output`, is moved back into the site."""
    files.remove(file)
    kept = Kept(file.src_uri, None, config.site_dir, config.use_directory_urls, dest_uri=file.dest_uri)
    kept.inclusion = file.inclusion
    kept.abs_src_path = str(output)
    files.append(kept)


def _nav_sources(nav: Any) -> set[str]:
    """The page sources the navigation of mkdocs.yml names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {source for value in nav.values() for source in _nav_sources(value)}
    if isinstance(nav, list):
        return {source for value in nav for source in _nav_sources(value)}
    return set()


def _show_problems(config: MkDocsConfig, error: Exception) -> MkDocsConfig:
    """Under serve: the problem list becomes the site, so the preview keeps running until it is fixed."""
    folder = _process.get("problems")
    if not isinstance(folder, Path):
        folder = _process["problems"] = Path(tempfile.mkdtemp(prefix="cop-problemen-"))
    print(terminal_report(error), file=sys.stderr)
    config.watch.append(config.docs_dir)  # serve watches docs_dir as it stands after this build
    config.docs_dir = str(write_problem_docs(folder, error, _last_pages))
    config.nav = [{HEADING: "index.md"}]  # one entry, not one per page the list is shown at
    config.validation.nav.omitted_files = logging.DEBUG
    config.extra[BUILD_KEY] = None
    return config
