"""The site builds through the real hooks; broken content stops the build with the editors' list, nothing else."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import build_site
from lxml import html

from coplimburg.editors.cli import main


def digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_sample_site_builds_with_a_page_for_every_item(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "agenda" / "coppisch-2024-ecosysteem-leren-en-werken" / "index.html").is_file()
    assert (built_site / "innovatietafels" / "tafel-2a" / "index.html").is_file()
    assert (built_site / "coppyright" / "blokkendoos-ibo" / "index.html").is_file()


def test_broken_content_stops_the_build_with_the_same_list_as_cop_check(project, tmp_path, capsys, monkeypatch):
    event = project / "content" / "events" / "coppisch-2024-ecosysteem-leren-en-werken.md"
    event.write_text(event.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("vorige versie", encoding="utf-8")

    result = build_site(project, site_dir)

    monkeypatch.chdir(project)
    assert main(["check"]) == 1
    check_output = capsys.readouterr().err.strip().splitlines()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line in check_output:
        assert line.strip() in result.stderr
    assert "content/events/coppisch-2024-ecosysteem-leren-en-werken.md:2: titel: onbekend veld" in result.stderr
    # Nothing half-published: the previous site is left as it was.
    assert [path.name for path in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "vorige versie"


def test_two_builds_of_the_same_content_give_identical_bytes(project, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_site(project, first).returncode == 0
    assert build_site(project, second).returncode == 0
    assert digest(first) == digest(second)


def test_a_page_without_macros_keeps_jinja_like_text_as_written(project, tmp_path):
    (project / "docs" / "privacy.md").write_text(
        "# Privacy\n\nSchrijf {{ naam }} en {# opmerking #} zoals het er staat.\n", encoding="utf-8"
    )
    site_dir = tmp_path / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    page = html.parse(str(site_dir / "privacy" / "index.html")).getroot()
    text = page.xpath("//article")[0].text_content()
    assert "Schrijf {{ naam }} en {# opmerking #} zoals het er staat." in text


def test_the_build_prints_no_mkdocs_2_banner(project, tmp_path):
    result = build_site(project, tmp_path / "site")
    assert "MkDocs 2" not in result.stderr + result.stdout
    assert "reaches end of life" not in result.stderr + result.stdout
