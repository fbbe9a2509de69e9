"""Loading is bounded: no content file can crash, hang or exhaust the loader, and every refusal is a Dutch
`path:line: field: message` that shows values with invisible characters escaped and long values cut off."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sample_items import write_sample_items

from coplimburg.content.limits import MAX_FILE_BYTES
from coplimburg.content.loader import load
from coplimburg.editors.scaffold import ScaffoldError, new_item
from coplimburg.problems import ContentError, Problem

EVENT = "events/kennissessie.md"
PRODUCT = "coppyright/blokkendoos.md"


@pytest.fixture
def sample(content: Callable[..., Path]) -> Path:
    """A small valid content tree: the fixture's site data and one item per collection."""
    root = content()
    write_sample_items(root)
    return root


def edit(root: Path, relative: str, old: str, new: str) -> None:
    file = root / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(root: Path) -> list[Problem]:
    with pytest.raises(ContentError) as raised:
        load(root)
    return raised.value.problems


def cop_check(root: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """`cop check` in a fresh process: its result, wall time in seconds and peak memory in MB."""
    script = (
        "import resource, sys, time\n"
        "from coplimburg.editors.cli import main\n"
        "start = time.monotonic()\n"
        "code = main(['check', '--content', sys.argv[1]])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "print(f'MEASURED {time.monotonic() - start:.3f} {peak}', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=120, check=False
    )
    measured = [line for line in result.stderr.splitlines() if line.startswith("MEASURED")]
    assert measured, result.stderr[-2000:]
    _, seconds, megabytes = measured[0].split()
    return result, float(seconds), int(megabytes)


def test_an_alias_bomb_is_refused_in_bounded_time_and_memory(sample: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    edit(sample, EVENT, "title: Kennissessie", "\n".join(levels) + "\ntitle: Kennissessie")
    result, seconds, megabytes = cop_check(sample)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/events/kennissessie.md:" in result.stderr
    assert "verwijzingen" in result.stderr
    # Unbounded, this took over 60 s and 5 GB; the bounds leave a wide margin for slow machines.
    assert seconds < 10, seconds
    assert megabytes < 400, megabytes


def test_a_self_referencing_alias_is_reported_instead_of_recursing(sample: Path) -> None:
    edit(sample, EVENT, "partners: [", "extra: &zelf [*zelf]\npartners: [")
    [problem] = problems_of(sample)
    assert (problem.path, problem.line) == ("content/events/kennissessie.md", 8)
    assert "zichzelf" in problem.message


@pytest.mark.parametrize("depth", [1_000, 100_000], ids=["libyaml", "pure-python"])
def test_deep_flow_nesting_is_reported_by_both_loaders(sample: Path, depth: int) -> None:
    edit(sample, EVENT, "tables: [tafel-een]", "tables: " + "[" * depth + "]" * depth)
    # In a fresh process: a crash of the C loader must show as a failed test, not a vanished run.
    result, _, _ = cop_check(sample)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "content/events/kennissessie.md:" in result.stderr
    assert "genest" in result.stderr


def test_deep_block_nesting_is_reported(sample: Path) -> None:
    nested = "".join("  " * level + f"n{level}:\n" for level in range(200))
    edit(sample, EVENT, "title: Kennissessie", nested + "title: Kennissessie")
    [problem] = problems_of(sample)
    assert problem.path == "content/events/kennissessie.md"
    assert problem.line > 30
    assert "genest" in problem.message


@pytest.mark.parametrize("label", ["!!int", "!!float"])
def test_a_number_label_on_text_is_reported(sample: Path, label: str) -> None:
    edit(sample, EVENT, "location: Campus, Geleen", f"location: {label} Campus")
    [problem] = problems_of(sample)
    assert (problem.line, problem.field) == (7, "location")
    assert f"het label {label} past niet bij 'Campus'" in problem.message


def test_an_integer_of_4301_digits_is_reported(sample: Path) -> None:
    edit(sample, PRODUCT, 'version: "1.0"', "version: " + "9" * 4301)
    [problem] = problems_of(sample)
    assert (problem.line, problem.field) == (6, "version")
    assert "te lang" in problem.message
    assert len(str(problem)) < 300


def test_a_path_of_256_characters_is_reported(sample: Path) -> None:
    edit(sample, PRODUCT, "files/blokkendoos/overzicht.pdf", "files/" + "a" * 256 + ".pdf")
    [problem] = problems_of(sample)
    assert (problem.line, problem.field) == (10, "files[0].path")
    assert problem.message == "te lang (266 tekens, hoogstens 200); kort het pad in"


def test_a_20_mb_file_is_refused_quickly_without_reading_it(sample: Path) -> None:
    unknown = "".join(f"veld{n}: onbekend-{n}\n" for n in range(20_000_000 // 24))
    edit(sample, EVENT, "title: Kennissessie", unknown + "title: Kennissessie")
    assert (sample / EVENT).stat().st_size > 20_000_000
    start = time.monotonic()
    [problem] = problems_of(sample)
    assert time.monotonic() - start < 5
    assert problem.path == "content/events/kennissessie.md"
    assert f"hoogstens {MAX_FILE_BYTES:,}".replace(",", ".") in problem.message


def test_a_list_of_more_than_a_thousand_items_is_refused(sample: Path) -> None:
    many = ", ".join(["onbekend"] * 5_000)
    edit(sample, EVENT, "partners: [", f"partners: [{many}, ")
    [problem] = problems_of(sample)
    assert problem.line == 8
    assert "meer dan 1000 waarden" in problem.message


def test_site_data_symlinked_outside_the_repository_is_refused_unread(sample: Path, tmp_path: Path) -> None:
    secret = tmp_path / "geheim.yml"
    secret.write_text("wachtwoord: hunter2\n", encoding="utf-8")
    (sample / "site" / "partners.yml").unlink()
    os.symlink(secret, sample / "site" / "partners.yml")
    problems = problems_of(sample)
    assert [problem.path for problem in problems] == ["content/site/partners.yml"]
    assert "buiten de map content/" in problems[0].message
    assert "hunter2" not in str(ContentError(problems))


def test_a_site_data_folder_symlinked_outside_content_is_refused(
    sample: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elders")
    (sample / "site").rename(elsewhere / "site")
    os.symlink(elsewhere / "site", sample / "site")
    problems = problems_of(sample)
    assert {problem.path for problem in problems} >= {"content/site/partners.yml"}
    assert all("buiten de map content/" in problem.message for problem in problems if "site/" in problem.path)


def test_a_terminal_escape_in_a_value_is_printed_visibly(sample: Path) -> None:
    edit(sample, EVENT, "title: Kennissessie", 'title: "\\e[2J\\e[1;1HKennissessie"')
    [problem] = problems_of(sample)
    assert (problem.line, problem.field) == (2, "title")
    printed = str(ContentError([problem]))
    assert "\x1b" not in printed
    assert "\\x1b[2J" in printed


def test_a_line_feed_in_a_value_cannot_forge_a_problem_line(sample: Path) -> None:
    forged = "x\\ncontent/events/vals.md:1: title: vals probleem"
    edit(sample, EVENT, "location: Campus, Geleen", f'location: "{forged}"')
    problems = problems_of(sample)
    (problem,) = [one for one in problems if "één regel" in one.message]
    assert (problem.line, problem.field) == (7, "location")
    # One printed line per problem, under the heading: the line feed forged none.
    assert len(str(ContentError(problems)).splitlines()) == 1 + len(problems)
    assert all(not str(one).startswith("content/events/vals.md") for one in problems)


def test_a_summary_may_have_several_lines(sample: Path) -> None:
    edit(sample, EVENT, "summary: Een korte samenvatting.", "summary: |\n  Eerste regel.\n  Tweede regel.")
    assert load(sample).events["kennissessie"].summary == "Eerste regel.\nTweede regel."


def test_a_long_value_is_cut_off_in_the_message(sample: Path) -> None:
    edit(sample, EVENT, "start: 2024-06-13 13:00", "start: " + "x" * 5_000)
    [problem] = problems_of(sample)
    assert problem.field == "start"
    assert len(str(problem)) < 400


def test_a_nul_byte_gives_one_dutch_problem_on_its_own_line(sample: Path) -> None:
    edit(sample, EVENT, "location: Campus, Geleen", "location: Campus\x00 Geleen")
    [problem] = problems_of(sample)
    assert problem.line == 7
    printed = str(problem)
    assert "\n" not in printed
    assert "\x00" not in printed
    assert "mag niet in een YAML-bestand staan" in printed


def test_a_value_above_a_maximum_is_reported_in_dutch(sample: Path) -> None:
    edit(sample, EVENT, "interval: 4", "interval: 60")
    [problem] = problems_of(sample)
    assert (problem.line, problem.field) == (12, "repeat.interval")
    assert problem.message == "verwacht hoogstens 52, gekregen getal 60"


@pytest.mark.parametrize("folder", ["events", "coppyright", "tables"])
def test_an_item_named_index_is_refused_because_it_would_replace_the_overview(sample: Path, folder: str) -> None:
    [original] = [file for file in (sample / folder).glob("*.md")]
    original.rename(original.with_name("index.md"))
    if folder == "tables":  # the sample event names the table by its id
        edit(sample, EVENT, "tables: [tafel-een]", "tables: [index]")
    [problem] = problems_of(sample)
    assert problem.path == f"content/{folder}/index.md"
    assert "gereserveerd" in problem.message


def test_a_partner_named_index_is_refused(sample: Path) -> None:
    text = (sample / "site" / "partners.yml").read_text(encoding="utf-8")
    first = text.split("- id: ", 1)[1].split("\n", 1)[0]
    (sample / "site" / "partners.yml").write_text(text.replace(f"- id: {first}\n", "- id: index\n", 1))
    problems = [problem for problem in problems_of(sample) if problem.path == "content/site/partners.yml"]
    assert any("gereserveerd" in problem.message and problem.line > 0 for problem in problems), problems


def test_a_product_listing_its_own_file_is_refused(sample: Path) -> None:
    edit(sample, PRODUCT, "files/blokkendoos/overzicht.pdf", "blokkendoos.md")
    [problem] = problems_of(sample)
    assert (problem.line, problem.field) == (10, "files[0].path")
    assert "dit bestand zelf" in problem.message


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        (PRODUCT, "files/blokkendoos/overzicht.pdf", "../events/kennissessie.md", "files[0].path"),
        (PRODUCT, "files/blokkendoos/overzicht.pdf", "../site/partners.yml", "files[0].path"),
        (EVENT, "title: Kennissessie", "title: Kennissessie\nimage: ../news/nieuws.md\nimage_alt: Iets", "image"),
    ],
    ids=["download-into-events", "download-into-site-data", "image-into-news"],
)
def test_a_path_into_another_content_folder_is_refused(sample: Path, file: str, old: str, new: str, field: str) -> None:
    edit(sample, file, old, new)
    [problem] = problems_of(sample)
    assert problem.field == field
    assert "ligt niet in de map files of images/" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("start: 2024-06-13 13:00", "start: 0001-01-01 13:00", "start"),
        ("end: 2024-06-13 17:00", "end: 9999-12-31 17:00", "end"),
        ("until: 2024-12-31", "until: 9999-12-31", "repeat.until"),
        ("published: 2024-04-01", "published: 1899-12-31", "published"),
    ],
)
def test_a_date_outside_the_years_calendars_accept_is_reported(sample: Path, old: str, new: str, field: str) -> None:
    edit(sample, EVENT, old, new)
    [problem] = problems_of(sample)
    assert problem.field == field
    assert "ligt buiten 2000–2100" in problem.message


def test_the_edges_of_the_accepted_years_load(sample: Path) -> None:
    edit(sample, EVENT, "published: 2024-04-01", "published: 2000-01-01")
    edit(sample, EVENT, "until: 2024-12-31", "until: 2100-12-31")
    edit(sample, EVENT, "  except: [2024-07-11]\n", "")
    # Yearly (every 52 weeks): a series may run to the last accepted year within its 500 sessions.
    edit(sample, EVENT, "interval: 4", "interval: 52")
    assert load(sample).events["kennissessie"].schedule.last.span.first_day.year == 2100


def test_a_control_character_in_the_text_is_reported_on_its_line(sample: Path) -> None:
    edit(sample, EVENT, "Tekst van het evenement.", "Eerste regel.\nTweede\x1b[2J regel.")
    [problem] = problems_of(sample)
    assert problem.line == 18
    assert "\\x1b" in str(problem)


def test_a_bidi_override_in_a_value_is_reported(sample: Path) -> None:
    edit(sample, EVENT, "title: Kennissessie", "title: Kennis\u202esessie")
    [problem] = problems_of(sample)
    assert (problem.line, problem.field) == (2, "title")
    assert "\\u202e" in str(problem)
    assert "\u202e" not in str(problem)


def test_a_very_long_title_gives_a_new_item_a_file_name_the_disk_accepts(sample: Path) -> None:
    path = new_item("event", "Lange titel " * 40, sample)
    assert len(path.name) <= 90
    assert path.stem.rsplit("-", 1)[-1] in {"lange", "titel"}  # cut between words


def test_a_new_item_cannot_be_named_index(sample: Path) -> None:
    with pytest.raises(ScaffoldError, match="gereserveerd"):
        new_item("product", "Index", sample)
