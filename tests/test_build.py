"""The site builds through the real hooks; broken content stops the build with the editors' list, nothing else."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml
from lxml import html
from sitebuild import REPO, SAMPLE, build_site

from coplimburg.build import Build
from coplimburg.editors.cli import main

# Item folder under tests/sample/content → the site section its pages are built in.
SECTIONS = {"tables": "innovatietafels", "events": "agenda", "coppyright": "coppyright", "news": "coppig/nieuws"}
# What the sample's mkdocs.yml may say differently from the repository's: where things are, and a shorter nav.
SAMPLE_ONLY = {"nav", "watch", "hooks"}


def digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_the_sample_site_builds_with_a_page_for_every_item(built_site):
    items = [(folder, path.stem) for folder in SECTIONS for path in (SAMPLE / "content" / folder).glob("*.md")]
    assert len(items) > len(SECTIONS)
    for folder, item_id in items:
        assert (built_site / SECTIONS[folder] / item_id / "index.html").is_file(), (folder, item_id)
    assert (built_site / "index.html").is_file()


def test_the_sample_config_is_the_repository_config_apart_from_paths_and_nav():
    ours, sample = config(REPO / "mkdocs.yml"), config(SAMPLE / "mkdocs.yml")
    assert set(ours) == set(sample)
    assert {key: value for key, value in ours.items() if key not in SAMPLE_ONLY | {"theme", "plugins"}} == {
        key: value for key, value in sample.items() if key not in SAMPLE_ONLY | {"theme", "plugins"}
    }
    assert {**sample["theme"], "custom_dir": "overrides"} == ours["theme"]
    assert sample["theme"]["custom_dir"] == "../../overrides"
    assert sample["hooks"] == ["../../" + hook for hook in ours["hooks"]]
    assert sample["watch"] == [part if part == "content" else "../../" + part for part in ours["watch"]]
    # Only the macros plugin: search is Pagefind's, run by our hook (tests/test_search.py).
    macros = sample["plugins"][0]["macros"]
    assert macros["module_name"] == "../../" + ours["plugins"][0]["macros"]["module_name"]
    assert [{"macros": {**macros, "module_name": "hooks/macros"}}] == ours["plugins"]
    sample_pages = {path.relative_to(SAMPLE / "docs").as_posix() for path in (SAMPLE / "docs").rglob("*.md")}
    assert sample_pages <= {path.relative_to(REPO / "docs").as_posix() for path in (REPO / "docs").rglob("*.md")}


def test_broken_content_stops_the_build_with_the_same_list_as_cop_check(project, tmp_path, capsys, monkeypatch):
    event = project / "content" / "events" / "coppisch-2024.md"
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
    assert "content/events/coppisch-2024.md:2: titel: onbekend veld" in result.stderr
    # Nothing half-published: the previous site is left as it was.
    assert [path.name for path in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "vorige versie"


def test_building_the_same_content_again_gives_identical_bytes_in_every_file(built_site, tmp_path):
    """Pages, feeds, calendars, e-mail editions, sitemap and downloads alike."""
    again = tmp_path / "again"
    result = build_site(SAMPLE, again)
    assert result.returncode == 0, result.stderr
    first, second = digest(built_site), digest(again)
    assert [path for path in first if path.endswith((".ics", ".xml", ".json", "email.html"))]
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


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


def test_a_build_that_fails_after_rendering_started_leaves_the_previous_site_whole(project, tmp_path):
    # A bug in a template (not a content problem) fails the build after MkDocs would have emptied site/.
    template = project.parent.parent / "overrides" / "cop" / "event.html"
    text = template.read_text(encoding="utf-8").replace("{% endblock %}", "{{ no_such_function() }}{% endblock %}")
    template.write_text(text, encoding="utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("vorige versie", encoding="utf-8")

    result = build_site(project, site_dir)

    assert result.returncode != 0
    assert [path.name for path in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.build-lock", "repo", "site"]


def test_a_strict_build_with_a_warning_publishes_nothing(project, tmp_path):
    # MkDocs fails a strict build on warnings only after the last event: the complete build must not replace site/.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("nav:\n", "nav:\n  - Bestaat niet: ontbreekt.md\n", 1)
    config.write_text(text, encoding="utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("vorige versie", encoding="utf-8")

    result = build_site(project, site_dir)

    assert result.returncode == 1
    assert "ontbreekt.md" in result.stderr and "strict mode" in result.stdout + result.stderr
    assert [path.name for path in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.build-lock", "repo", "site"]


def test_a_successful_build_replaces_the_previous_site_and_leaves_no_staging_folder(project, tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "oud.html").write_text("vorige versie", encoding="utf-8")

    assert build_site(project, site_dir).returncode == 0

    assert not (site_dir / "oud.html").exists()
    assert (site_dir / "index.html").is_file()
    # The lock file stays (coplimburg.site_lock); no staging or previous folder does.
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.build-lock", "repo", "site"]


def test_a_build_prints_no_info_lines_of_the_macros_plugin(project, tmp_path):
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    printed = (result.stdout + result.stderr).splitlines()
    assert "Documentation built in" in printed[-1]
    assert [line for line in printed if "[macros]" in line] == []


def test_the_build_in_the_config_reads_as_one_short_line_when_a_plugin_prints_the_config():
    # mkdocs-macros writes every config value as text for its debug log in every build, logged or not: the Build
    # lives in the config, and its text must not be the whole site.
    config = yaml.safe_load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    build = Build.start(SAMPLE, config["site_url"], config["site_name"], config["site_description"], config["extra"])
    body = next(iter(build.site.events.values())).body
    assert len(repr(build)) < 100 and body not in str(build)
