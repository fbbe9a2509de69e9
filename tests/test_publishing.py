"""Publishing a build into site/: one build at a time uses the staging folder, and site/ is a complete site at
every instant, even when builds run at the same moment or one is killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sitebuild import start_build

from coplimburg.output import exchange, replace_site, staging_folder
from coplimburg.site_lock import BuildBusy, SiteLock, lock_path

TRIALS = 3
SWAPS = 400
DEADLINE = 120.0
WAITING = "Er loopt al een andere build van"


def files_of(site_dir: Path) -> list[str]:
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())


def wait_until(condition: Callable[[], bool], what: str) -> None:
    end = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < end, f"no {what} within {DEADLINE} s"
        time.sleep(0.02)


def test_two_builds_started_at_the_same_moment_both_succeed_and_leave_a_complete_site(project, built_site, tmp_path):
    complete = files_of(built_site)
    assert "index.html" in complete
    for trial in range(TRIALS):
        site_dir = tmp_path / f"trial-{trial}" / "site"
        builds = [start_build(project, site_dir), start_build(project, site_dir)]
        for build in builds:
            _stdout, stderr = build.communicate()
            assert build.returncode == 0, stderr
        assert files_of(site_dir) == complete, f"trial {trial}"
        assert sorted(path.name for path in site_dir.parent.iterdir()) == [".site.build-lock", "site"]


def _collect(process: subprocess.Popen[str], lines: list[str]) -> None:
    assert process.stderr is not None
    for line in process.stderr:
        lines.append(line.rstrip("\n"))


def test_a_build_waits_in_dutch_while_another_holds_the_site_and_publishes_once_it_is_released(
    project, built_site, tmp_path
):
    site_dir = tmp_path / "site"
    lock = SiteLock.acquire(site_dir)
    build = start_build(project, site_dir)
    output: list[str] = []
    threading.Thread(target=_collect, args=(build, output), daemon=True).start()
    try:
        wait_until(lambda: any(WAITING in line for line in output), "waiting line")
        assert build.poll() is None
        assert not site_dir.exists()
        assert not site_dir.with_name(".site.staging").exists()
    finally:
        lock.release()
    assert build.wait(timeout=DEADLINE) == 0, "\n".join(output)
    assert files_of(site_dir) == files_of(built_site)


def test_a_build_that_would_wait_longer_than_its_patience_stops_with_a_dutch_message(tmp_path):
    site_dir = tmp_path / "site"
    held = SiteLock.acquire(site_dir)
    told: list[str] = []
    try:
        with pytest.raises(BuildBusy) as stopped:
            SiteLock.acquire(site_dir, patience=0.5, waiting=told.append)
    finally:
        held.release()
    assert len(told) == 1 and told[0].startswith(WAITING)
    assert str(stopped.value).startswith("Gestopt: na 0.5 seconden wachten loopt er nog steeds een andere build")
    assert str(lock_path(site_dir)) in str(stopped.value)
    SiteLock.acquire(site_dir, patience=0).release()  # released means free again


def test_a_build_killed_half_way_leaves_the_previous_site_whole_and_the_next_build_needs_no_wait(project, tmp_path):
    site_dir = tmp_path / "site"
    first = start_build(project, site_dir)
    assert first.wait(timeout=DEADLINE) == 0
    before = files_of(site_dir)
    index = (site_dir / "index.html").read_bytes()

    staging = site_dir.with_name(".site.staging")
    killed = start_build(project, site_dir)
    wait_until(lambda: killed.poll() is not None or len(list(staging.rglob("*.html"))) >= 10, "half-written staging")
    assert killed.poll() is None, "the build ended before it could be killed half-way"
    killed.send_signal(signal.SIGKILL)
    killed.wait()

    assert files_of(site_dir) == before
    assert (site_dir / "index.html").read_bytes() == index
    after = start_build(project, site_dir)
    _stdout, stderr = after.communicate(timeout=DEADLINE)
    assert after.returncode == 0, stderr
    assert WAITING not in stderr
    assert files_of(site_dir) == before
    assert not staging.exists()


# Another process looks for site/index.html as fast as it can until told to stop, and reports how often it looked
# and how often the file was missing.
_WATCHER = """
import os, sys
index, ready, stop = sys.argv[1:]
looks = missing = 0
while not os.path.exists(stop):
    try:
        os.stat(index)
    except FileNotFoundError:
        missing += 1
    looks += 1
    if looks == 1:
        open(ready, "w").close()
print(looks, missing)
"""


def _stage(site_dir: Path, generation: int) -> Path:
    staging = staging_folder(site_dir)
    for page in ("index.html", "agenda/index.html", "nieuws/index.html", "404.html"):
        (staging / page).parent.mkdir(parents=True, exist_ok=True)
        (staging / page).write_text(f"<h1>Versie {generation}</h1>", encoding="utf-8")
    return staging


def test_site_index_html_never_goes_missing_while_builds_are_published_one_after_another(tmp_path):
    site_dir = tmp_path / "site"
    replace_site(_stage(site_dir, 0), site_dir)
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    watcher = subprocess.Popen(
        [sys.executable, "-c", _WATCHER, str(site_dir / "index.html"), str(ready), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(ready.exists, "watcher")
        for generation in range(1, SWAPS + 1):
            replace_site(_stage(site_dir, generation), site_dir)
    finally:
        stop.touch()
        report, _ = watcher.communicate(timeout=DEADLINE)
    looks, missing = map(int, report.split())
    assert looks > 0
    assert missing == 0, f"site/index.html was missing {missing} of {looks} times"
    assert (site_dir / "index.html").read_text(encoding="utf-8") == f"<h1>Versie {SWAPS}</h1>"
    assert sorted(os.listdir(tmp_path)) == ["ready", "site", "stop"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_on_linux_two_folders_are_exchanged_in_one_step(tmp_path):
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "index.html").write_text("nieuw", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("oud", encoding="utf-8")
    assert exchange(tmp_path / "new", tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "nieuw"
    assert (tmp_path / "new" / "index.html").read_text(encoding="utf-8") == "oud"


def test_without_an_exchange_publishing_falls_back_to_two_renames_and_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setattr("coplimburg.output.exchange", lambda first, second: False)
    site_dir = tmp_path / "site"
    replace_site(_stage(site_dir, 1), site_dir)
    replace_site(_stage(site_dir, 2), site_dir)
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "<h1>Versie 2</h1>"
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_the_staging_folder_the_previous_site_and_the_lock_are_ignored_by_git(tmp_path):
    names = ["site/index.html"]
    for site_dir in ("site", "public"):  # the default site_dir and any other
        names += [f".{site_dir}.staging/index.html", f".{site_dir}.previous/index.html", f".{site_dir}.build-lock"]
    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *names], cwd=repo, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == names
