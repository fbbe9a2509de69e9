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


def test_the_newsletter_is_sent_only_when_switched_on_and_only_after_the_site_is_deployed():
    newsletter = workflow()["jobs"]["newsletter"]
    assert newsletter["needs"] == "deploy"
    assert "vars.COPPIG_VERZENDEN == 'aan'" in newsletter["if"]
    assert "github.event_name != 'push'" in newsletter["if"]
    assert newsletter["permissions"] == {"contents": "write"}


def test_the_newsletter_step_sends_the_previous_month_from_the_first_working_day_with_secrets_from_the_repository():
    runs = [step.get("run", "") for step in steps("newsletter")]
    assert any("COP_BUILD_DATE=$(TZ=Europe/Amsterdam date +%F)" in run for run in runs)
    (send,) = [step for step in steps("newsletter") if "cop coppig" in step.get("run", "")]
    assert ".venv/bin/cop coppig --verzenden --vanaf-eerste-werkdag" in send["run"].splitlines()
    assert send["env"] == {name: "${{ secrets." + name + " }}" for name in send["env"]}
    assert set(send["env"]) >= {"COP_SMTP_HOST", "COP_SMTP_USER", "COP_SMTP_PASSWORD"}
    guide = (REPO / "docs-redactie/nieuwsbrief.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in guide for name in [*send["env"], "COPPIG_VERZENDEN"])


def test_a_send_is_recorded_in_git_after_it_succeeded():
    runs = [step.get("run", "") for step in steps("newsletter")]
    send = next(index for index, run in enumerate(runs) if "cop coppig" in run)
    record = next(index for index, run in enumerate(runs) if "git commit" in run)
    assert send < record
    assert "content/site/coppig-sent.yml" in runs[record] and "git push" in runs[record]
