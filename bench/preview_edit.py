"""How long an editor waits for an edit in the preview, under a real `mkdocs serve`: from saving a new sentence in an
event's text to its page showing it, and from saving a new title to both its page and its year page showing it (a
title is shown on other pages too, which must not keep the old one; the year page lists every event of its year,
where /agenda/ lists only what is coming and the five most recent).

    .venv/bin/python -m bench.preview_edit --items 1000

With `--phases`, bench.phase_hook times the phases of the last rebuild (a title edit).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from bench.floor import phase_config
from bench.preview import FIRST_BUILD_DEADLINE, serving, wait_until
from bench.preview_recovery import project_with_event

# Long enough for a rebuild that renders every page of 10,000 items on a loaded machine.
EDIT_DEADLINE = 600.0
_FRONT_MATTER_END = re.compile(r"^---$", re.MULTILINE)
_START_YEAR = re.compile(r"^start: (\d{4})-", re.MULTILINE)


@dataclass(frozen=True)
class EditFigures:
    body_seconds: list[float]
    title_seconds: list[float]
    # CPU time the serve process used from saving to the page showing the change: what the wait would be on an
    # idle machine, whatever else this one runs meanwhile (the worker and Pagefind are other processes).
    body_cpu_seconds: list[float] = field(default_factory=list)
    title_cpu_seconds: list[float] = field(default_factory=list)
    # Seconds per build phase of the last rebuild; empty without --phases.
    phases: dict[str, float] = field(default_factory=dict)


def showing(words: str, where: str = "//article") -> Callable[[lxml.html.HtmlElement], bool]:
    """Whether a page shows `words` in its element `where` (by default its text, the article)."""

    def shows(page: lxml.html.HtmlElement) -> bool:
        return words in " ".join(page.xpath(f"{where}//text()"))

    return shows


def with_sentence(text: str, sentence: str) -> str:
    """The item's text with `sentence` as the first paragraph of its body."""
    end = list(_FRONT_MATTER_END.finditer(text))[1].end()
    return f"{text[:end]}\n\n{sentence}\n{text[end:]}"


def with_title(text: str, title: str) -> str:
    return re.sub(r"^title: .*$", f'title: "{title}"', text, count=1, flags=re.MULTILINE)


def measure_edits(project: Path, event: Path, runs: int, phases: bool = False) -> EditFigures:
    """Edit `event` of `project` `runs` times each way under a running preview; the file is restored at the end."""
    config, timed, env = "mkdocs.yml", project / "preview-phases.json", {}
    if phases:
        config = phase_config(project, Path(__file__).with_name("phase_hook.py")).name
        env = {"COP_BENCH_PHASES": str(timed)}
    original = event.read_text(encoding="utf-8")
    body: list[float] = []
    titles: list[float] = []
    body_cpu: list[float] = []
    titles_cpu: list[float] = []
    try:
        with serving(project, config, env) as served:
            year = _START_YEAR.search(original)
            assert year is not None, f"{event} has no start date"
            url, overview = f"{served.url}agenda/{event.stem}/", f"{served.url}jaaroverzicht/{year[1]}/"
            wait_until(url, lambda page: bool(page.xpath("//h1")), FIRST_BUILD_DEADLINE)
            for run in range(runs):
                time.sleep(2.0)  # the watcher settles and the last build's background work ends
                sentence = f"Gewijzigd in ronde {run} om {time.monotonic_ns()}."
                used = served.cpu_seconds()
                event.write_text(with_sentence(original, sentence), encoding="utf-8")
                body.append(wait_until(url, showing(sentence), EDIT_DEADLINE))
                _add_cpu(body_cpu, used, served.cpu_seconds())
            for run in range(runs):
                time.sleep(2.0)
                title = f"Nieuwe titel {run} {time.monotonic_ns() % 100000}"
                used, start = served.cpu_seconds(), time.monotonic()
                event.write_text(with_title(original, title), encoding="utf-8")
                wait_until(url, showing(title, "//h1"), EDIT_DEADLINE)
                wait_until(overview, showing(title), EDIT_DEADLINE)
                titles.append(time.monotonic() - start)
                _add_cpu(titles_cpu, used, served.cpu_seconds())
    finally:
        event.write_text(original, encoding="utf-8")
        if phases:
            (project / config).unlink(missing_ok=True)
    found: dict[str, float] = json.loads(timed.read_text(encoding="utf-8")) if timed.is_file() else {}
    timed.unlink(missing_ok=True)
    return EditFigures(body, titles, body_cpu, titles_cpu, found)


def _add_cpu(figures: list[float], before: float | None, after: float | None) -> None:
    if before is not None and after is not None:
        figures.append(after - before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000, help="0: the sample site; else a synthetic project")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--phases", action="store_true", help="time the phases of the last rebuild")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cop-preview-edit-") as folder:
        project, event = project_with_event(Path(folder), arguments.items)
        figures = measure_edits(project, event, arguments.runs, arguments.phases)
    label = "sample" if arguments.items == 0 else f"{arguments.items} items"
    measured = (
        ("new sentence → its page", figures.body_seconds),
        ("new title → page and year page", figures.title_seconds),
    )
    for what, times in measured:
        shown = ", ".join(f"{one:.2f}" for one in times)
        print(f"{label}: {what}: median {statistics.median(times):.2f} s ({shown})")
    for what, times in (("sentence", figures.body_cpu_seconds), ("title", figures.title_cpu_seconds)):
        if times:
            print(f"{label}: CPU of the serve process per {what} edit: median {statistics.median(times):.2f} s")
    for phase, seconds in figures.phases.items():
        print(f"  {phase:28}{seconds:8.2f} s")


if __name__ == "__main__":
    main()
