"""The GitHub Pages workflow: a strict build on every push to main and every night, dated by the run, deployed only
when it passes."""

from __future__ import annotations

import datetime as dt
import shlex
import subprocess
from pathlib import Path
from typing import Any

import yaml
from sitebuild import REPO

from coplimburg.dates import AMSTERDAM

WORKFLOW = REPO / ".github/workflows/publish.yml"


def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def triggers() -> dict[str, Any]:
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    loaded = workflow()
    found: dict[str, Any] = loaded.get("on", loaded.get(True))
    return found


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"][job]["steps"]
    return found


def test_the_site_is_published_after_a_push_to_main_every_night_and_by_hand():
    assert triggers()["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers()
    (schedule,) = triggers()["schedule"]
    _minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*")
    assert 0 <= int(hour) <= 3, "after midnight in Amsterdam (UTC+1 or +2), so the new day has begun there"


def _run_dating_step(tmp_path: Path) -> dt.date:
    """Run the step that sets the build date, the way Actions does, and read the date it exported."""
    dating = next(step["run"] for step in steps("build") if "COP_BUILD_DATE" in step.get("run", ""))
    exported = tmp_path / "github_env"
    subprocess.run(["bash", "-e", "-c", dating], env={"GITHUB_ENV": str(exported), "PATH": "/usr/bin:/bin"}, check=True)
    variables = dict(line.split("=", 1) for line in exported.read_text().splitlines())
    return dt.date.fromisoformat(variables["COP_BUILD_DATE"])


def test_the_build_is_strict_and_dated_by_the_run_in_amsterdam(tmp_path):
    today_in_amsterdam = dt.datetime.now(AMSTERDAM).date()
    commands = [shlex.split(step["run"]) for step in steps("build") if "run" in step]
    assert ["make", "build"] in commands
    assert _run_dating_step(tmp_path) in {today_in_amsterdam, dt.datetime.now(AMSTERDAM).date()}
    makefile = (REPO / "Makefile").read_text(encoding="utf-8").split("\nbuild:")[1].split("\n\n")[0]
    assert "--strict" in shlex.split(makefile)


def test_only_a_passing_build_is_deployed():
    uploads = [step for step in steps("build") if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert [step["with"]["path"] for step in uploads] == ["site"]
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["environment"]["name"] == "github-pages"


def test_deployments_do_not_overlap_and_have_just_the_pages_permissions():
    assert workflow()["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert workflow()["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow()["jobs"]["build"]["permissions"] == {"contents": "write"}


def test_the_build_records_agenda_changes_before_building():
    steps = [step.get("run", "") for step in workflow()["jobs"]["build"]["steps"]]
    agenda = next(index for index, run in enumerate(steps) if ".venv/bin/cop agenda" in run)
    build = next(index for index, run in enumerate(steps) if run.strip() == "make build")
    assert agenda < build
