"""The check of every proposed change (.github/workflows/controleren.yml): on each pull request into main, with a
read-only token and no secrets, `cop check` in the machine format (annotations on file and line), the strict build,
and the built site attached for review; a problem fails it."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from sitebuild import REPO
from workflows import (
    INSTALLS,
    PIN,
    WORKFLOWS,
    all_steps,
    annotations,
    commands_of,
    load,
    secrets_of,
    triggers,
    uses_lines,
)

WORKFLOW = WORKFLOWS / "controleren.yml"
PUBLISH = WORKFLOWS / "publish.yml"


def steps() -> list[dict[str, Any]]:
    return all_steps(load(WORKFLOW))


def run_step(named: str) -> dict[str, Any]:
    (found,) = [step for step in steps() if named in step.get("run", "")]
    return found


def position(named: str) -> int:
    return steps().index(run_step(named))


def test_every_pull_request_into_main_is_checked_with_the_rights_of_the_pull_request_itself():
    assert triggers(load(WORKFLOW)) == {"pull_request": {"branches": ["main"]}}
    # The target branch's rights (and secrets) for the code of a pull request: no workflow may ask for them.
    assert [path.name for path in WORKFLOWS.glob("*.yml") if "pull_request_target" in triggers(load(path))] == []
    assert load(WORKFLOW)["name"] == "Controleren"


def test_the_token_can_only_read_and_no_step_gets_a_secret():
    workflow = load(WORKFLOW)
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    assert [step.get("name", step.get("uses")) for step in steps() if secrets_of(step)] == []
    assert "env" not in workflow and all("env" not in job for job in workflow["jobs"].values())


def test_every_action_is_pinned_to_the_commit_the_publish_workflow_pins_or_to_a_commit_with_its_tag():
    ours, published = uses_lines(WORKFLOW), uses_lines(PUBLISH)
    assert len(ours) == len([step for step in steps() if "uses" in step]) > 0
    assert [line for line in ours if not PIN.fullmatch(line)] == []
    by_action = {line.split("uses: ")[1].split("@")[0]: line.strip() for line in published}
    shared = [line.strip() for line in ours if line.split("uses: ")[1].split("@")[0] in by_action]
    assert shared and all(line == by_action[line.split("uses: ")[1].split("@")[0]] for line in shared)


def test_the_checkout_leaves_no_token_in_git_config():
    checkouts = [step for step in steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert [step["with"]["persist-credentials"] for step in checkouts] == [False]


def test_it_installs_with_make_then_checks_in_the_machine_format_then_builds_strictly_dated_as_the_publication():
    commands = [shlex.split(step["run"]) for step in steps() if "run" in step]
    assert ["make", ".venv/.site"] in commands
    assert [".venv/bin/cop", "check", "--format", "github"] in commands
    assert ["make", "build"] in commands
    assert position("make .venv/.site") < position("cop check") < position("make build")
    dating = [step["run"] for step in all_steps(load(PUBLISH)) if "COP_BUILD_DATE" in step.get("run", "")]
    assert run_step("COP_BUILD_DATE")["run"] in dating
    assert position("COP_BUILD_DATE") < position("cop check")
    installing = [step for step in steps() if any(word in commands_of(step) for word in INSTALLS)]
    assert len(installing) == 2


def test_the_built_site_is_attached_to_the_run_after_the_build():
    uploads = [step for step in steps() if step.get("uses", "").startswith("actions/upload-artifact@")]
    (upload,) = uploads
    assert upload["with"]["path"] == "site" and upload["with"]["if-no-files-found"] == "error"
    assert steps().index(upload) > position("make build")
    assert all("if" not in step for step in steps()), "a failed check or build attaches nothing and fails the job"


def test_a_problem_fails_the_check_step_with_an_annotation_on_its_file_and_line(project, tmp_path):
    event = project / "content" / "events" / "coppisch-2024.md"
    lines = event.read_text(encoding="utf-8").splitlines()
    end = lines.index("end: 2024-06-13 17:00") + 1
    lines[end - 1] = "end: 2024-06-13 09:00"  # before the start, 13:00
    event.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "cop").symlink_to(Path(sys.executable).parent / "cop")
    exported = tmp_path / "github_env"
    env = {"PATH": os.environ["PATH"], "GITHUB_ENV": str(exported), "HOME": str(tmp_path)}
    subprocess.run(["bash", "-e", "-c", run_step("COP_BUILD_DATE")["run"]], cwd=project, env=env, check=True)
    env |= dict(line.split("=", 1) for line in exported.read_text(encoding="utf-8").splitlines())

    step = subprocess.run(
        ["bash", "-e", "-c", run_step("cop check")["run"]], cwd=project, env=env, capture_output=True, text=True
    )

    assert step.returncode == 1
    found = [(one.level, one.properties.get("file"), one.properties.get("line")) for one in annotations(step.stdout)]
    assert found == [("error", "content/events/coppisch-2024.md", str(end))]


def test_the_guide_names_the_check_its_steps_and_the_artifact_as_the_workflow_does():
    guide = (REPO / "docs-redactie" / "nakijken.md").read_text(encoding="utf-8")
    workflow = load(WORKFLOW)
    (job,) = workflow["jobs"].values()
    assert f"*{workflow['name']} / {job['name']}*" in guide
    for command in ("make .venv/.site", "cop check", "make build"):
        assert f'"{run_step(command)["name"]}"' in guide, command
    (upload,) = [step for step in steps() if "with" in step and "retention-days" in step["with"]]
    assert f"**{upload['with']['name']}**" in guide
    assert f"{upload['with']['retention-days']} dagen" in guide
