"""How long an editor waits in the preview: from saving the fix of a broken event to its page being back at the
same deep URL under a real `mkdocs serve` (median of several runs), for the sample site or a synthetic project.

    .venv/bin/python -m bench.preview_recovery --items 0      # the tests' sample site
    .venv/bin/python -m bench.preview_recovery --items 1000   # bench/synthetic.py, 1,000 items
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

import lxml.html

from bench.preview import FIRST_BUILD_DEADLINE, serving, wait_until
from bench.synthetic import copy_parts, write_project

REPO = Path(__file__).resolve().parent.parent
PROBLEMS = "//ul[@class='cop-problems']"


def project_with_event(root: Path, items: int) -> tuple[Path, Path]:
    """A project folder and an event file in it: the sample site (`items` 0) or a synthetic project."""
    if items == 0:
        copy_parts(REPO, root, ("overrides", "hooks"))
        project = root / "tests" / "sample"
        copy_parts(REPO / "tests" / "sample", project, ("content", "docs", "mkdocs.yml"))
        return project, project / "content/events/coppisch-2025.md"
    project = root / "project"
    write_project(project, REPO, items)
    return project, sorted((project / "content/events").glob("*.md"))[0]


def _problems(page: lxml.html.HtmlElement) -> bool:
    return bool(page.xpath(PROBLEMS))


def _page(page: lxml.html.HtmlElement) -> bool:
    return not _problems(page) and bool(page.xpath("//h1"))


def measure(items: int, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="cop-preview-bench-") as folder:
        project, event = project_with_event(Path(folder), items)
        with serving(project) as served:
            url = f"{served.url}agenda/{event.stem}/"
            wait_until(url, _page, FIRST_BUILD_DEADLINE)
            original = event.read_text(encoding="utf-8")
            broken = re.sub(r"^start: .*$", "start: 780", original, count=1, flags=re.MULTILINE)
            times = []
            for _ in range(runs):
                event.write_text(broken, encoding="utf-8")
                wait_until(url, _problems, 600.0)
                time.sleep(1.0)  # let serve settle after the problem build
                event.write_text(original, encoding="utf-8")
                times.append(wait_until(url, _page, 600.0))
                time.sleep(1.0)
            return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=0, help="0: the sample site; else a synthetic project")
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    times = measure(arguments.items, arguments.runs)
    label = "sample" if arguments.items == 0 else f"{arguments.items} items"
    shown = ", ".join(f"{one:.2f}" for one in times)
    print(f"{label}: fix saved → page back at the same URL: median {statistics.median(times):.2f} s ({shown})")


if __name__ == "__main__":
    main()
