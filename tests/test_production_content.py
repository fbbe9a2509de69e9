"""The repository's own content/ and docs/ pass `cop check` and a strict build; what they contain is the editors'
business, so nothing here counts or names their items."""

from __future__ import annotations

from sitebuild import REPO, build_site

from coplimburg.editors.cli import main


def test_the_production_content_passes_cop_check(capsys):
    assert main(["check", "--content", str(REPO / "content")]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_the_production_site_builds_strictly_without_the_mkdocs_2_banner(tmp_path):
    result = build_site(REPO, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "MkDocs 2" not in result.stderr + result.stdout
    assert "reaches end of life" not in result.stderr + result.stdout
    assert (tmp_path / "site" / "index.html").is_file()
