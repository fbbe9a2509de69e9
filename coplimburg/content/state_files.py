"""State files: YAML under content/site/ that a command keeps and the publish workflow commits (the agenda's
revisions, the CoPPIG's sendings). Read and validated like content, with Dutch problems; written in one step, so an
interrupted write (or a crash right after it) never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from coplimburg.content.fields import Strict, validate
from coplimburg.content.source import read_yaml
from coplimburg.problems import ContentError, Problem

StateT = TypeVar("StateT", bound=Strict)


@dataclass(frozen=True)
class StateFile(Generic[StateT]):
    """One state file: where it lives under content/, its model, the Dutch comment above it (each line starting
    with '#') and how a state becomes the data written below that."""

    path: Path
    model: type[StateT]
    header: str
    data: Callable[[StateT], dict[str, Any]]

    def read(self, content: Path) -> StateT:
        """The recorded state; an empty one when the file does not exist yet. ContentError when unreadable."""
        file = content / self.path
        if not file.is_file():
            return self.model()
        problems: list[Problem] = []
        shown = (Path(content.name) / self.path).as_posix()
        document = read_yaml(file, shown, problems)
        state: StateT | None = validate(self.model, document, problems) if document is not None else None
        if state is None:
            raise ContentError(problems)
        return state

    def text(self, state: StateT) -> str:
        return self.header + yaml.safe_dump(
            self.data(state), allow_unicode=True, sort_keys=False, default_flow_style=False
        )

    def write(self, content: Path, state: StateT) -> bool:
        """Replace the file in one step: a temporary file of its own beside it, flushed to disk, then renamed over
        it. False, with nothing written, when the file already says exactly this."""
        file = content / self.path
        text = self.text(state)
        if file.is_file() and file.read_text(encoding="utf-8") == text:
            return False
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
        try:
            os.fchmod(handle, 0o644)  # as a file written the ordinary way, not mkstemp's owner-only
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as partial:
                partial.write(text)
                partial.flush()
                os.fsync(partial.fileno())
            os.replace(name, file)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        return True
