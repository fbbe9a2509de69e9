"""`cop check --watch`: the check again after every save, between marker lines an editor's problem matcher waits
for (.vscode/tasks.json), so the Dutch messages appear in the editor at the line they name."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

BEGIN = "Controle gestart"
END = "Controle klaar"


def snapshot(folders: list[Path]) -> dict[str, float]:
    """Every file's modification time under the folders: a save changes it."""
    return {
        str(file): file.stat().st_mtime
        for folder in folders
        if folder.is_dir()
        for file in folder.rglob("*")
        if file.is_file()
    }


def watch(check: Callable[[], int], folders: list[Path], rounds: int | None = None, pause: float = 0.5) -> int:
    """Run `check` now and after each change under `folders`; `rounds` limits the runs (for tests)."""
    seen: dict[str, float] | None = None
    done = 0
    while rounds is None or done < rounds:
        current = snapshot(folders)
        if current != seen:
            seen = current
            print(BEGIN, flush=True)
            check()
            print(END, flush=True)
            done += 1
        else:
            time.sleep(pause)
    return 0
