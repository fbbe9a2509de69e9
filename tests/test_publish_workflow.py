"""The GitHub Pages workflow: a strict build on every push to main and every night, dated by the run, deployed only
when it passes."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

from sitebuild import REPO
from workflows import INSTALLS, PIN, WORKFLOWS, commands_of, load, secrets_of, uses_lines
from workflows import all_steps as steps_of
from workflows import triggers as triggers_of

from coplimburg.dates import AMSTERDAM

WORKFLOW = WORKFLOWS / "publish.yml"


def workflow() -> dict[Any, Any]:
    return load(WORKFLOW)


def triggers() -> dict[str, Any]:
    return triggers_of(workflow())


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


# Hardening: pinned actions, no token left in .git/config, secrets only where they are needed.
def all_steps() -> list[dict[str, Any]]:
    return steps_of(workflow())


def test_every_action_is_pinned_to_a_full_commit_with_its_tag_in_a_comment():
    lines = uses_lines(WORKFLOW)
    assert len(lines) == len([step for step in all_steps() if "uses" in step]) > 0
    assert [line for line in lines if not PIN.fullmatch(line)] == []


def test_no_checkout_leaves_the_token_in_git_config():
    checkouts = [step for step in all_steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == len(workflow()["jobs"]) - 1  # every job but the deploy
    assert [step.get("with", {}).get("persist-credentials") for step in checkouts] == [False] * len(checkouts)


def test_no_step_that_installs_or_runs_our_code_sees_a_secret_and_the_token_goes_only_to_pushing_steps():
    assert "env" not in workflow() and all("env" not in job for job in workflow()["jobs"].values())
    installing = [step for step in all_steps() if any(word in commands_of(step) for word in INSTALLS)]
    assert installing and [step["name"] for step in installing if secrets_of(step)] == []
    for step in all_steps():
        found = secrets_of(step)
        if "GITHUB_TOKEN" in found or "github.token" in found:
            assert found == {"GITHUB_TOKEN", "PUBLISH_DEPLOY_KEY"}, step["name"]
            ours = [command for command in commands_of(step) if command in INSTALLS or command.startswith(".venv/")]
            assert ours == [], step["name"]
            assert "git push" in step["run"], step["name"]
        elif found:
            assert commands_of(step) == {".venv/bin/cop"}, step["name"]  # the SMTP secrets: only to send
            assert all(name.startswith("COP_SMTP_") for name in found), step["name"]


def _git(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(["git", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _checked_out(tmp_path: Path, path: str) -> tuple[Path, Path, dict[str, str]]:
    """A bare repository standing for GitHub, a checkout as actions/checkout leaves it without credentials, and
    the environment a step runs in: the URL with the token leads to the bare repository and nowhere else."""
    remote = tmp_path / "github.git"
    _git("init", "--quiet", "--bare", "--initial-branch=main", remote, cwd=tmp_path)
    config = tmp_path / "gitconfig"
    token_url = "https://x-access-token:geheim-token@github.com/cop/site.git"
    config.write_text(
        f'[url "{remote}"]\n\tinsteadOf = {token_url}\n[user]\n\tname = Test\n\temail = test@example.org\n',
        encoding="utf-8",
    )
    bin_dir = tmp_path / "bin"  # `sleep` between push attempts returns at once
    bin_dir.mkdir()
    (bin_dir / "sleep").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (bin_dir / "sleep").chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GIT_CONFIG_GLOBAL": str(config),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GITHUB_REPOSITORY": "cop/site",
        "GITHUB_REF": "refs/heads/main",
    }
    checkout = tmp_path / "checkout"
    _git("clone", "--quiet", remote, checkout, cwd=tmp_path, env=env)
    (checkout / path).parent.mkdir(parents=True)
    (checkout / path).write_text("{}\n", encoding="utf-8")
    _git("add", path, cwd=checkout, env=env)
    _git("commit", "--quiet", "-m", "Start", cwd=checkout, env=env)
    _git("push", "--quiet", "origin", "HEAD:main", cwd=checkout, env=env)
    _git("remote", "set-url", "origin", "https://github.com/cop/site.git", cwd=checkout, env=env)  # no token
    return remote, checkout, env


def _run_step(step: dict[str, Any], checkout: Path, env: dict[str, str], deploy_key: str = "") -> None:
    """Run a pushing step as the runner would, with the repository's .ci/ beside the checkout; without a deploy key
    (the secret is not set) unless `deploy_key` is given."""
    shutil.copytree(REPO / ".ci", checkout / ".ci", dirs_exist_ok=True)
    step_env = {**env, **{name: "geheim-token" for name in step.get("env", {})}, "PUBLISH_DEPLOY_KEY": deploy_key}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=checkout, env=step_env, check=True, capture_output=True)


def _fake_ssh(tmp_path: Path, remote: Path) -> Path:
    """An `ssh` on PATH that records how it was called and serves git's request from the bare repository, as
    GitHub would for git@github.com:cop/site.git."""
    calls = tmp_path / "ssh-calls"
    script = tmp_path / "bin" / "ssh"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$*" >> {calls}\n'
        "for last; do :; done\n"
        "verb=${last%% *}\n"
        f'exec git "${{verb#git-}}" {remote}\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return calls


def test_the_agenda_state_is_pushed_with_the_token_of_its_own_step_to_the_branch_being_built(tmp_path):
    path = "content/site/agenda-state.yml"
    remote, checkout, env = _checked_out(tmp_path, path)
    (step,) = [step for step in steps("build") if "Update agenda state" in step.get("run", "")]
    (checkout / path).write_text("events: {}\n", encoding="utf-8")

    _run_step(step, checkout, env)

    assert _git("log", "--format=%s", "main", cwd=remote).split("\n")[:2] == ["Update agenda state", "Start"]
    assert "geheim-token" not in (checkout / ".git" / "config").read_text(encoding="utf-8")


def test_the_coppig_record_is_pushed_onto_a_main_that_moved_and_tried_again_when_a_push_is_refused(tmp_path):
    path = "content/site/coppig-sent.yml"
    remote, checkout, env = _checked_out(tmp_path, path)
    (step,) = [step for step in steps("newsletter") if "Record CoPPIG sending" in step.get("run", "")]
    other = tmp_path / "other"  # someone pushed to main while the newsletter job ran
    _git("clone", "--quiet", remote, other, cwd=tmp_path, env=env)
    (other / "elders.md").write_text("tekst\n", encoding="utf-8")
    _git("add", "elders.md", cwd=other, env=env)
    _git("commit", "--quiet", "-m", "Elsewhere", cwd=other, env=env)
    _git("push", "--quiet", "origin", "HEAD:main", cwd=other, env=env)
    refused = remote / "hooks" / "pre-receive"  # GitHub refuses the first push once
    refused.write_text(f"#!/bin/sh\n[ -e {tmp_path}/refused ] && exit 0\ntouch {tmp_path}/refused\nexit 1\n")
    refused.chmod(0o755)
    (checkout / path).write_text("2026-10: verzonden\n", encoding="utf-8")

    _run_step(step, checkout, env)

    assert (tmp_path / "refused").exists()
    log = _git("log", "--format=%s", "main", cwd=remote).split("\n")
    assert log[:3] == ["Record CoPPIG sending", "Elsewhere", "Start"]
    assert "geheim-token" not in (checkout / ".git" / "config").read_text(encoding="utf-8")


def test_with_a_deploy_key_the_run_pushes_over_ssh_with_that_key_and_githubs_own_host_key(tmp_path):
    # A ruleset that requires the pull-request check on main lets only a deploy key on its bypass list push.
    path = "content/site/agenda-state.yml"
    remote, checkout, env = _checked_out(tmp_path, path)
    calls = _fake_ssh(tmp_path, remote)
    (step,) = [step for step in steps("build") if "Update agenda state" in step.get("run", "")]
    (checkout / path).write_text("events: {}\n", encoding="utf-8")

    _run_step(step, checkout, {**env, "RUNNER_TEMP": str(tmp_path)}, deploy_key="-----PRIVATE KEY-----")

    assert _git("log", "--format=%s", "main", cwd=remote).split("\n")[:2] == ["Update agenda state", "Start"]
    (call,) = calls.read_text(encoding="utf-8").splitlines()
    assert f"-i {tmp_path}/cop-deploy-key" in call and "StrictHostKeyChecking=yes" in call
    assert (tmp_path / "cop-deploy-key").read_text(encoding="utf-8") == "-----PRIVATE KEY-----\n"
    assert (tmp_path / "cop-deploy-key").stat().st_mode & 0o077 == 0
    assert (tmp_path / "cop-known-hosts").read_text(encoding="utf-8").startswith("github.com ssh-ed25519 ")
    assert "PRIVATE" not in (checkout / ".git" / "config").read_text(encoding="utf-8")


def test_the_build_keeps_the_drawn_cards_and_images_between_runs_and_draws_again_when_the_drawing_changes():
    build = steps("build")
    names = [step.get("uses", "").split("@")[0] or shlex.join(shlex.split(step.get("run", ""))) for step in build]
    (cache,) = [step for step in build if step.get("uses", "").startswith("actions/cache@")]
    assert names.index("actions/cache") < names.index("make build")
    assert cache["with"]["path"].split() == [".cache/cards", ".cache/images"]
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"]
    drawing = re.search(r"hashFiles\(([^)]*)\)", key)
    assert drawing is not None and restore == key[: key.index("}}", drawing.end()) + 2] + "-"
    hashed = [name.strip(" '") for name in drawing[1].split(",")]
    assert {"coplimburg/pages/**", "requirements/site.txt"} <= set(hashed)
    # The fonts and every drawing module are under coplimburg/pages/; the content decides only what is saved new.
    assert all(Path(REPO, "coplimburg/pages", name).is_file() for name in ("cards.py", "card_text.py", "images.py"))
    assert (REPO / "coplimburg/pages/fonts").is_dir() and "hashFiles('content/**', 'docs/**')" in key


def test_the_content_cache_is_never_restored_from_another_run():
    # Its entries are data the loader takes as read for the bytes they name; only drawn files, checked by their
    # bytes when used, come back from the cache.
    paths = [step["with"]["path"] for step in all_steps() if step.get("uses", "").startswith("actions/cache@")]
    assert paths and not any("content" in path or path.strip() == ".cache" for path in paths)
