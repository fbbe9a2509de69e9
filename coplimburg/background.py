"""Work of a build that needs no page template, done on another core while MkDocs renders the pages.

MkDocs renders pages in one process on one core. Work that only needs the loaded content (the calendars)
or the pages' rendered Markdown (the feeds and e-mail editions) goes to one worker process, task after
task, and is collected when the pages are written: on a machine with two or more cores it then costs the
build next to nothing. With one core each task simply runs at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Generic, ParamSpec, TypeVar

T = TypeVar("T")
P = ParamSpec("P")


class Pending(Generic[T]):
    """A result that is being made elsewhere; `result()` waits for it and raises what the work raised."""

    def __init__(self, future: Future[T], again: Callable[[], T]) -> None:
        self._future = future
        self._again = again

    def result(self) -> T:
        try:
            return self._future.result()
        except BrokenProcessPool:
            # The worker could not run: a script without an `if __name__ == "__main__":` guard started the
            # build, or the worker was killed. The work is done here instead, with the same result.
            return self._again()


class Worker:
    """One worker process for a build's background tasks, which run one after another in the order given.

    `close()` when the last task is given: the process finishes its tasks, then exits."""

    def __init__(self) -> None:
        # "spawn": MkDocs' preview runs threads, and forking a threaded process can deadlock.
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(1, mp_context=context) if (os.cpu_count() or 1) >= 2 else None

    def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Pending[T]:
        """Start `function(*args, **kwargs)`; its arguments and result must pickle."""
        again = partial(function, *args, **kwargs)
        if self._pool is None:
            return Pending(_done(again), again)
        try:
            future = self._pool.submit(function, *args, **kwargs)
        except BrokenProcessPool as error:  # an earlier task already found the worker broken
            future = Future()
            future.set_exception(error)
        return Pending(future, again)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)


def in_background(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Pending[T]:
    """Start `function(*args, **kwargs)` in a worker process of its own; its arguments and result must pickle."""
    worker = Worker()
    pending = worker.run(function, *args, **kwargs)
    worker.close()
    return pending


def _done(work: Callable[[], T]) -> Future[T]:
    done: Future[T] = Future()
    try:
        done.set_result(work())
    except Exception as error:  # kept for result(), as a worker would
        done.set_exception(error)
    return done
