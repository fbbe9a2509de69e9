"""Reading the GitHub Actions workflows in .github/workflows/ as YAML, the way their tests check them (triggers,
steps, the actions they pin, the secrets and programs each step gets), and reading workflow commands such as
`::error file=…,line=…::…` the way the Actions runner does (actions/runner, src/Runner.Common/ActionCommand.cs,
TryParseV2)."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sitebuild import REPO

WORKFLOWS = REPO / ".github" / "workflows"
# `uses: owner/action@<40 hex digits> # vX.Y.Z`: a commit, with the tag it had in the comment.
PIN = re.compile(r"\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+")
SECRET = re.compile(r"secrets\.(\w+)|github\.token")
INSTALLS = ("make", "pip", "npm")


def load(path: Path) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    found: dict[str, Any] = workflow.get("on", workflow.get(True))
    return found


def all_steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def secrets_of(step: dict[str, Any]) -> set[str]:
    return {name or "github.token" for name in SECRET.findall(yaml.safe_dump(step))}


def commands_of(step: dict[str, Any]) -> set[str]:
    """The programs a `run` step starts (first word of each command, `.venv/bin/cop` as written)."""
    lines = [line.strip() for line in step.get("run", "").splitlines()]
    return {shlex.split(line)[0] for line in lines if line and not line.startswith("#")}


def uses_lines(path: Path) -> list[str]:
    """Every `uses:` line of a workflow file as written, comment included."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]


@dataclass
class Annotation:
    """A workflow command as the runner reads it: error, warning or notice, its properties and its message."""

    level: str
    properties: dict[str, str] = field(default_factory=dict)
    message: str = ""


def _unescape(text: str, escapes: list[tuple[str, str]]) -> str:
    for escaped, character in escapes:
        text = text.replace(escaped, character)
    return text


# The runner's order: %25 last, so an escaped percent sign never starts another escape.
DATA = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]
PROPERTY = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]


def parse(line: str) -> Annotation | None:
    """A line as the runner reads it: None unless it is a workflow command."""
    line = line.lstrip()
    if not line.startswith("::") or (end := line.find("::", 2)) < 0:
        return None
    info, data = line[2:end], line[end + 2 :]
    name, _, listed = info.partition(" ")
    annotation = Annotation(name, message=_unescape(data, DATA))
    for pair in filter(None, listed.strip().split(",")):
        key, value = pair.split("=", 1)
        annotation.properties[key] = _unescape(value, PROPERTY)
    return annotation


def annotations(output: str) -> list[Annotation]:
    return [found for line in output.splitlines() if (found := parse(line)) is not None]
