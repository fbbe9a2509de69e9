"""Work done on another core while MkDocs renders: the same result as doing it at once, and the same errors."""

from __future__ import annotations

import os

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
