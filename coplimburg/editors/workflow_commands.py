"""GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`): what `cop check --format github` and
`cop coppig` print so that GitHub shows a Dutch message as an annotation, on its file and line where it has one."""

from __future__ import annotations

from typing import Literal

from coplimburg.problems import Problem, visible

Level = Literal["error", "warning", "notice"]
# GitHub shows at most this many annotations of one level per step; the step's log keeps every line
# (actions/toolkit, docs/problem-matchers.md, "Limitations").
SHOWN_PER_STEP = 10


def command(level: Level, message: str, file: str = "", line: int = 0, title: str = "") -> str:
    """One workflow command on one line, escaped as the runner reads it: `%`, CR and LF in the message, and also
    `:` and `,` in the properties, so no value can end the command early or start another one."""
    properties = {"file": file, "line": str(line) if line > 0 else "", "title": title}
    listed = ",".join(f"{key}={_property(value)}" for key, value in properties.items() if value)
    return f"::{level} {listed}::{_data(message)}" if listed else f"::{level}::{_data(message)}"


def problem_command(problem: Problem) -> str:
    """A content problem as an error annotation on its file and line (none for line 0), titled by its field."""
    # The same limits as Problem.__str__: a problem line stays readable in the log as on a terminal.
    return command(
        "error",
        visible(problem.message, 600),
        file=visible(problem.path, 300),
        line=problem.line,
        title=visible(problem.field, 200),
    )


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
