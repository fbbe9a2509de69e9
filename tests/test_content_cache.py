"""The cache of loaded content (.cache/content/): a load from it equals a fresh load, an entry serves only the bytes
and code it was made from, and anything else in the folder is ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sitebuild import REPO, SAMPLE

import coplimburg
from bench.synthetic import write_project
from coplimburg.content.cache import LoadCache, cache_folder, code_key
from coplimburg.content.loader import load
from coplimburg.content.site import Site
from coplimburg.editors.cli import main
from coplimburg.problems import ContentError, Problem


def outcome(content: Path, cache: LoadCache | None = None) -> Site | list[Problem]:
    """The loaded site, or every problem of the content."""
    try:
        return load(content, cache=cache)
    except ContentError as error:
        return error.problems


def cached_twice(content: Path, folder: Path) -> tuple[LoadCache, LoadCache]:
    """Two loads through the cache in `folder`: the first fills it, the second reads from it."""
    first, second = LoadCache(folder), LoadCache(folder)
    outcome(content, first)
    outcome(content, second)
    return first, second


@pytest.fixture
def broken(project: Path) -> Path:
    """The sample content with problems of every stage: YAML, a model, a reference, a link, an unreadable file."""
    content = project / "content"
    event = content / "events" / "coppisch-2025.md"
    text = event.read_text(encoding="utf-8")
    # A YAML trap in a reference is reported once, as a trap: the reference check skips what was reported.
    text = text.replace("start: ", "start: 13:00\nold_start: ", 1).replace("tables: [", "tables: [no, ", 1)
    event.write_text(text, encoding="utf-8")
    table = next((content / "tables").glob("*.md"))
    table.write_text(table.read_text(encoding="utf-8") + "\n[kapot](/agenda/bestaat-niet/)\n", encoding="utf-8")
    (content / "news" / "kapot.md").write_bytes(b"---\ntitle: \xff\n---\n")
    (content / "news" / "lijst.md").write_text("---\n- een\n- twee\n---\n", encoding="utf-8")
    return content


def test_a_load_from_the_cache_equals_a_fresh_load_of_the_sample(tmp_path: Path) -> None:
    fresh = load(SAMPLE / "content")
    first, second = LoadCache(tmp_path), LoadCache(tmp_path)
    assert load(SAMPLE / "content", cache=first) == fresh
    assert load(SAMPLE / "content", cache=second) == fresh
    assert first.misses > 0 and first.hits == 0
    assert second.hits == first.misses and second.misses == 0


def test_a_load_from_the_cache_equals_a_fresh_load_of_a_synthetic_site(tmp_path: Path) -> None:
    write_project(tmp_path / "project", REPO, 150)
    content = tmp_path / "project" / "content"
    fresh = load(content)
    _, second = cached_twice(content, tmp_path / "cache")
    assert load(content, cache=LoadCache(tmp_path / "cache")) == fresh
    assert second.misses == 0


def test_content_with_problems_gives_the_same_problems_from_the_cache(broken: Path, tmp_path: Path) -> None:
    fresh = outcome(broken)
    assert isinstance(fresh, list) and len(fresh) >= 5
    first, second = LoadCache(tmp_path), LoadCache(tmp_path)
    assert outcome(broken, first) == fresh
    assert outcome(broken, second) == fresh
    assert second.misses == 0


def test_an_edited_file_is_read_again_and_every_other_file_comes_from_the_cache(project: Path, tmp_path: Path) -> None:
    content = project / "content"
    first, _ = cached_twice(content, tmp_path)
    event = content / "events" / "coppisch-2025.md"
    event.write_text(event.read_text(encoding="utf-8").replace("summary: ", "summary: Nieuw. ", 1), encoding="utf-8")
    again = LoadCache(tmp_path)
    site = load(content, cache=again)
    assert (again.misses, again.hits) == (1, first.misses - 1)
    assert site.events["coppisch-2025"].summary.startswith("Nieuw. ")
    assert site == load(content)


def test_a_reference_to_a_deleted_item_is_reported_although_the_referring_file_comes_from_the_cache(
    project: Path, tmp_path: Path
) -> None:
    content = project / "content"
    cached_twice(content, tmp_path)
    site = load(content)
    table_id, events = next((table, events) for table, events in site.links.events_by_table.items() if events)
    (content / "tables" / f"{table_id}.md").unlink()
    again = LoadCache(tmp_path)
    problems = outcome(content, again)
    assert problems == outcome(content)
    assert again.misses == 0
    assert isinstance(problems, list)
    assert {Path(problem.path).stem for problem in problems if table_id in problem.message} >= set(events)


def test_other_code_makes_every_entry_a_miss(tmp_path: Path) -> None:
    first, _ = cached_twice(SAMPLE / "content", tmp_path)
    other = LoadCache(tmp_path, code="another version of the loader")
    assert load(SAMPLE / "content", cache=other) == load(SAMPLE / "content")
    assert (other.hits, other.misses) == (0, first.misses)


def test_the_code_key_changes_when_a_model_or_the_loader_changes(tmp_path: Path) -> None:
    package = tmp_path / "coplimburg"
    shutil.copytree(Path(coplimburg.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_key(package)
    assert code_key.__wrapped__(package) == before
    for module in ("content/events.py", "content/loader.py", "dates.py"):
        source = package / module
        original = source.read_text(encoding="utf-8")
        source.write_text(original + "\n# changed\n", encoding="utf-8")
        assert code_key.__wrapped__(package) != before, module
        source.write_text(original, encoding="utf-8")


def test_a_corrupt_or_foreign_entry_is_ignored_and_written_anew(tmp_path: Path) -> None:
    cached_twice(SAMPLE / "content", tmp_path)
    entries = sorted(tmp_path.glob("*.json"))
    foreign = json.loads(entries[1].read_text(encoding="utf-8"))
    entries[0].write_text(json.dumps(foreign), encoding="utf-8")  # another file's entry under this file's name
    entries[2].write_text('{"key": "', encoding="utf-8")
    entries[3].write_text(json.dumps({"key": "x", "problems": [[1]]}), encoding="utf-8")
    wrong = json.loads(entries[4].read_text(encoding="utf-8"))
    wrong["document"]["lines"] = "not a list of lines"
    entries[4].write_text(json.dumps(wrong), encoding="utf-8")
    again = LoadCache(tmp_path)
    assert load(SAMPLE / "content", cache=again) == load(SAMPLE / "content")
    assert again.misses == 4


def test_deleting_the_cache_is_safe_and_entries_of_deleted_files_are_removed(project: Path, tmp_path: Path) -> None:
    content = project / "content"
    first, _ = cached_twice(content, tmp_path / "cache")
    shutil.rmtree(tmp_path / "cache")
    assert load(content, cache=LoadCache(tmp_path / "cache")) == load(content)
    post = next((content / "news").glob("*.md"))
    post.unlink()
    outcome(content, LoadCache(tmp_path / "cache"))
    assert len(list((tmp_path / "cache").glob("*.json"))) == first.misses - 1


def test_cop_check_keeps_its_cache_beside_the_content(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "content"
    assert main(["check", "--content", str(content)]) == 0
    assert main(["check", "--content", str(content)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == printed[1] and printed[0].startswith("Inhoud in orde")
    entries = list(cache_folder(project, "content").glob("*.json"))
    third = LoadCache(cache_folder(project, "content"))
    load(content, cache=third)
    assert third.misses == 0 and third.hits == len(entries) > 0
