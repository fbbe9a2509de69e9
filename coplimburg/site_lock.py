"""One build at a time per site folder: a build holds a lock on a file beside site/ while it uses the staging
folder, so a second build waits for the first instead of writing into the same folder.

The lock is the operating system's (`flock` on Linux and macOS, `msvcrt.locking` on Windows): it belongs to the
open file, so it is released when the build ends, fails or is killed, and never stays behind. The lock file
itself stays (ignored by git); removing it while a build runs would let a second build in.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# A build of the production site takes well under a minute and 10,000 items a few; a build still holding the
# lock after this long is stuck or paused, and waiting for it unseen helps nobody.
PATIENCE = 600.0
_POLL = 0.2


class BuildBusy(Exception):
    """Another build held the lock for longer than the patience given; the message is Dutch, for the terminal."""


def lock_path(site_dir: Path) -> Path:
    """The lock file of a site folder: `.site.build-lock` beside `site/`."""
    return site_dir.with_name(f".{site_dir.name}.build-lock")


class SiteLock:
    """The held lock of one site folder; `release()` when the build has published or failed."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file

    @classmethod
    def acquire(cls, site_dir: Path, patience: float = PATIENCE, waiting: Callable[[str], None] = print) -> SiteLock:
        """Take the lock, waiting for another build at most `patience` seconds; `waiting` is told once, in Dutch,
        when this build has to wait."""
        path = lock_path(site_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        file = path.open("a+b")
        deadline = time.monotonic() + patience
        told = False
        while not _try_lock(file):
            if not told:
                waiting(
                    f"Er loopt al een andere build van {site_dir}; deze build wacht tot die klaar is "
                    f"(hooguit {_minutes(patience)})."
                )
                told = True
            if time.monotonic() >= deadline:
                file.close()
                raise BuildBusy(
                    f"Gestopt: na {_minutes(patience)} wachten loopt er nog steeds een andere build van {site_dir} "
                    f"(vergrendeling {path}). {site_dir.name}/ is niet veranderd. Wacht tot die build klaar is, "
                    "of stop hem, en bouw dan opnieuw."
                )
            time.sleep(_POLL)
        return cls(file)

    def release(self) -> None:
        if not self._file.closed:
            _unlock(self._file)
            self._file.close()


def _minutes(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:g} seconden"
    minutes = round(seconds / 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


if sys.platform == "win32":
    import msvcrt

    # Windows locks byte ranges of a handle; the first byte stands for the whole site folder.
    def _try_lock(file: BinaryIO) -> bool:
        file.seek(0)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except PermissionError:  # EACCES: another handle holds the byte
            return False
        return True

    def _unlock(file: BinaryIO) -> None:
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(file: BinaryIO) -> bool:
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(file: BinaryIO) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)
