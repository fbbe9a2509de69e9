"""Shared fixtures: the sample site built once through the real hooks, and small content trees for unit tests."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import BUILD_MOMENT, Watch, launch, serve
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bench.synthetic import copy_parts

REPO = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-28"


def build_site(project: Path, site_dir: Path, build_date: str = BUILD_DATE) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder, the way `make build` runs it."""
    env = {**os.environ, "COP_BUILD_DATE": build_date, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own content built once with the real hooks and templates, build date pinned."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(REPO, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def content(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the sample content's site data with chosen items: content(events={"x.md": "..."})."""

    def make(**collections: dict[str, str]) -> Path:
        root = tmp_path / "content"
        shutil.copytree(REPO / "content" / "site", root / "site")
        # The programme links to sample events that a small tree does not have.
        programme = yaml.safe_load((root / "site" / "programme.yml").read_text(encoding="utf-8"))
        for edition in programme["programme"]:
            edition.pop("event", None)
        (root / "site" / "programme.yml").write_text(yaml.safe_dump(programme, allow_unicode=True), encoding="utf-8")
        for folder in ("tables", "events", "coppyright", "news"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        for folder, files in collections.items():
            for name, text in files.items():
                target = root / folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A full copy of the project (content, docs, overrides, hooks, mkdocs.yml) to change and build."""
    target = tmp_path / "project"
    copy_parts(REPO, target, ("content", "docs", "overrides", "hooks", "mkdocs.yml"))
    return target


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built sample site served on 127.0.0.1 for the browser tests."""
    with serve(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian chromium for the whole session; each test opens its own context."""
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """open_page(now=..., **context options) → a fresh page whose clock says `now` (the build date unless
    given); afterwards no request may have left 127.0.0.1 and no script may have reported an error."""
    watches: list[Watch] = []
    contexts: list[BrowserContext] = []

    def make(now: dt.datetime = BUILD_MOMENT, **options: Any) -> Page:
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        watch = Watch()
        watches.append(watch)
        page = watch.attach(context.new_page())
        # The page's idea of "now" decides which events have passed; pinned so results never depend on the day.
        page.clock.set_fixed_time(now)
        return page

    yield make
    for context in contexts:
        context.close()
    assert [url for watch in watches for url in watch.off_site()] == []
    assert [error for watch in watches for error in watch.errors] == []
