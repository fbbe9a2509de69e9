"""The repository's own content/ and docs/ pass `cop check` and a strict build; what they contain is the editors'
business, so nothing here counts or names their items."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from linkcheck import broken_links
from pages import SITE_URL
from sitebuild import REPO, build_site

from coplimburg.editors.cli import main


def test_the_production_content_passes_cop_check(capsys):
    assert main(["check", "--content", str(REPO / "content")]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The production site built once, strictly."""
    site = tmp_path_factory.mktemp("production") / "site"
    return site, build_site(REPO, site)


def test_the_production_site_builds_strictly_without_the_mkdocs_2_banner(production):
    site, result = production
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "MkDocs 2" not in result.stderr + result.stdout
    assert "reaches end of life" not in result.stderr + result.stdout
    assert (site / "index.html").is_file()


def test_no_link_of_the_production_site_goes_nowhere(production):
    site, result = production
    assert result.returncode == 0, result.stderr
    assert broken_links(site, SITE_URL) == []
