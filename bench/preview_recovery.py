"""How long an editor waits in the preview: from saving the fix of a broken event to its page being back at the
same deep URL under a real `mkdocs serve` (median of several runs), for the sample site or a synthetic project.

    .venv/bin/python -m bench.preview_recovery --items 0      # the tests' sample site
    .venv/bin/python -m bench.preview_recovery --items 1000   # bench/synthetic.py, 1,000 items
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html

from bench.synthetic import copy_parts, write_project

REPO = Path(__file__).resolve().parent.parent
PROBLEMS = "//ul[@class='cop-problems']"


def _project(root: Path, items: int) -> tuple[Path, Path]:
    """A project folder and the event file to break in it."""
    if items == 0:
        copy_parts(REPO, root, ("overrides", "hooks"))
        project = root / "tests" / "sample"
        copy_parts(REPO / "tests" / "sample", project, ("content", "docs", "mkdocs.yml"))
        return project, project / "content/events/coppisch-2025.md"
    project = root / "project"
    write_project(project, REPO, items)
    return project, sorted((project / "content/events").glob("*.md"))[0]


def _state(url: str) -> str:
    """'problems', 'page' or 'down' for the page at `url`."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            page = lxml.html.fromstring(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return "down"
    if page.xpath(PROBLEMS):
        return "problems"
    return "page" if page.xpath("//h1") else "down"


def _wait(url: str, wanted: str, deadline: float = 600.0) -> float:
    start = time.monotonic()
    while _state(url) != wanted:
        if time.monotonic() - start > deadline:
            raise SystemExit(f"no {wanted} at {url} within {deadline} s")
        time.sleep(0.02)
    return time.monotonic() - start


def measure(items: int, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="cop-preview-bench-") as folder:
        project, event = _project(Path(folder), items)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {**os.environ, "COP_BUILD_DATE": "2026-11-28", "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        try:
            url = f"http://127.0.0.1:{port}/agenda/{event.stem}/"
            _wait(url, "page")
            original = event.read_text(encoding="utf-8")
            broken = re.sub(r"^start: .*$", "start: 780", original, count=1, flags=re.MULTILINE)
            times = []
            for _ in range(runs):
                event.write_text(broken, encoding="utf-8")
                _wait(url, "problems")
                time.sleep(1.0)  # let serve settle after the problem build
                event.write_text(original, encoding="utf-8")
                times.append(_wait(url, "page"))
                time.sleep(1.0)
            return times
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=120)


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
