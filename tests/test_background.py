"""Work done on another core while MkDocs renders: the same result as doing it at once, and the same errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from coplimburg import background
from coplimburg.background import in_background


def _worker_pid_and_sum(numbers: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(numbers)


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
        "from coplimburg.background import in_background\nprint(in_background(sum, [1, 2, 3]).result())\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "6"
