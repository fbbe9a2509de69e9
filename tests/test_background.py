"""Work done on another core while MkDocs renders: the same result as doing it at once, and the same errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coplimburg import background
from coplimburg.background import Worker, in_background
from coplimburg.build import Build
from tests.sitebuild import BUILD_DATE, SAMPLE


def _worker_pid_and_sum(numbers: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(numbers)


def _log_and_pid(log: Path, name: str) -> int:
    with log.open("a", encoding="utf-8") as file:
        file.write(name + "\n")
    return os.getpid()


def _fails(message: str) -> None:
    raise ValueError(message)


def test_with_two_cores_the_work_runs_in_another_process_and_returns_its_result(monkeypatch):
    monkeypatch.setattr(background.os, "cpu_count", lambda: 2)
    pid, total = in_background(_worker_pid_and_sum, [1, 2, 3]).result()
    assert total == 6
    assert pid != os.getpid()


def test_with_one_core_the_work_runs_at_once_in_this_process(monkeypatch):
    monkeypatch.setattr(background.os, "cpu_count", lambda: 1)
    pid, total = in_background(_worker_pid_and_sum, [4, 5]).result()
    assert (pid, total) == (os.getpid(), 9)


def test_the_tasks_of_one_worker_run_in_one_other_process_in_the_order_given(monkeypatch, tmp_path):
    monkeypatch.setattr(background.os, "cpu_count", lambda: 2)
    log = tmp_path / "order"
    worker = Worker()
    first = worker.run(_log_and_pid, log, "kalenders")
    second = worker.run(_log_and_pid, log, "feeds")
    worker.close()
    assert first.result() == second.result() != os.getpid()
    assert log.read_text(encoding="utf-8").split() == ["kalenders", "feeds"]


def test_the_feeds_and_calendars_from_the_worker_are_the_ones_made_at_once(monkeypatch):
    monkeypatch.setenv("COP_BUILD_DATE", BUILD_DATE)
    extra = {"cop": {"build_date": BUILD_DATE}}
    at_once = Build.start(SAMPLE, "https://example.org/", "CoP Limburg", "Samen leren", extra)
    in_worker = Build.start(SAMPLE, "https://example.org/", "CoP Limburg", "Samen leren", extra)
    for build in (at_once, in_worker):
        for entry in build.syndication.entries:
            build.capture({"cop_collection": entry.key[0], "cop_id": entry.key[1]}, f"<p>Tekst van {entry.key[1]}</p>")
    in_worker.start_calendars()
    in_worker.start_feeds()
    made = in_worker.outputs()
    assert in_worker.pending_feeds is not None and in_worker.pending_calendars is not None
    assert made == at_once.outputs()
    assert any(path.endswith(".ics") for path in made) and any(path.endswith("feed.xml") for path in made)


@pytest.mark.parametrize("cores", [1, 2])
def test_an_error_in_the_work_is_raised_where_the_result_is_collected(monkeypatch, cores):
    monkeypatch.setattr(background.os, "cpu_count", lambda: cores)
    pending = in_background(_fails, "kapot")
    with pytest.raises(ValueError, match="kapot"):
        pending.result()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="with one core no worker is started")
def test_a_worker_that_cannot_run_leaves_the_work_to_this_process(tmp_path):
    # A build started by a script without `if __name__ == "__main__":` breaks a spawned worker.
    script = tmp_path / "bouw.py"
    script.write_text(
        "from coplimburg.background import Worker\n"
        "worker = Worker()\n"
        "first, second = worker.run(sum, [1, 2, 3]), worker.run(max, [4, 5])\n"
        "worker.close()\n"
        "print(first.result(), second.result())\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "6 5"
