"""Shared fixtures: the sample site (tests/sample/) built once through the real hooks, and small content trees for
unit tests. Browser fixtures live in tests/browser/conftest.py, so these tests run without Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hostile import HostileSite, build_hostile_site
from serving import Preview
from sitebuild import SAMPLE, build_site, copy_sample


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built once with the real hooks and templates, build date pinned."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(SAMPLE, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def content(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the sample content's site data with chosen items: content(events={"x.md": "..."})."""

    def make(**collections: dict[str, str]) -> Path:
        root = tmp_path / "content"
        shutil.copytree(SAMPLE / "content" / "site", root / "site")
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
    """A copy of the sample project (content, docs, mkdocs.yml) beside the repository's hooks and overrides, laid out
    as in the repository (tests/sample/ two levels below them) so the sample's relative paths hold; to change and
    build."""
    return copy_sample(tmp_path / "repo")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    """A site whose every content string and every text is hostile (tests/hostile.py), built once for parsers and
    browser with the check of HTML in texts switched off, so the sanitisers at the sink alone keep it safe."""
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def preview(project: Path) -> Iterator[Callable[[], Preview]]:
    """Start previews of the project copy (`preview()`), each stopped when the test ends."""
    started: list[Preview] = []

    def start() -> Preview:
        started.append(Preview(project))
        return started[-1]

    yield start
    for one in started:
        one.stop()
