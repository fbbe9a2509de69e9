"""Work of a build that needs no rendered page, done on another core while MkDocs renders the pages.

MkDocs renders pages in one process on one core. Work that only needs the loaded content (the calendars)
starts in a second process when the build starts and is collected when the pages are written: on a machine
with two or more cores it then costs the build next to nothing. With one core it simply runs at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


def in_background(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Pending[T]:
    """Start `function(*args, **kwargs)` in a worker process; its arguments and result must pickle."""

    def again() -> T:
        return function(*args, **kwargs)

    if (os.cpu_count() or 1) < 2:
        done: Future[T] = Future()
        try:
            done.set_result(again())
        except Exception as error:  # kept for result(), as a worker would
            done.set_exception(error)
        return Pending(done, again)
    # "spawn": MkDocs' preview runs threads, and forking a threaded process can deadlock.
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    future = pool.submit(function, *args, **kwargs)
    pool.shutdown(wait=False)  # the worker finishes its one task, then exits
    return Pending(future, again)
