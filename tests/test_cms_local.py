"""`make cms` (`cop cms --start`): the editor on an editor's own computer. It refuses to start where decap-server
would commit more than the editor wrote, its commits hold only content/ and docs/, and Ctrl-C stops both servers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import lxml.html
import pytest
from cmsrepo import free_port, git, make_repository

from coplimburg.cms.local import SHIM, Project, refusal


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample site as a repository of its own, committed on main, decap-server on a free port."""
    return make_repository(tmp_path, free_port())


def test_a_clean_repository_on_main_may_be_edited(repo: Path):
    assert refusal(Project.read(repo)) is None


def test_uncommitted_changes_in_content_or_docs_keep_the_editor_from_starting(repo: Path):
    event = repo / "content/events/open-dag-chill.md"
    event.write_text(event.read_text(encoding="utf-8") + "\nNog een regel.\n", encoding="utf-8")
    (repo / "docs/notities.md").write_text("Half af.\n", encoding="utf-8")
    reason = refusal(Project.read(repo))
    assert reason is not None
    assert reason.startswith("content/ en docs/ bevatten wijzigingen die nog niet in git staan")
    assert reason.splitlines()[1:] == ["   M content/events/open-dag-chill.md", "  ?? docs/notities.md"]


def test_changes_outside_content_and_docs_do_not_keep_the_editor_from_starting(repo: Path):
    (repo / "notities.txt").write_text("Mijn aantekeningen.\n", encoding="utf-8")
    assert refusal(Project.read(repo)) is None


def test_the_editor_starts_only_on_the_branch_the_site_is_published_from(repo: Path):
    git(repo, "switch", "-q", "-c", "proef")
    assert refusal(Project.read(repo)) == (
        "make cms werkt op de tak main, en deze map staat op proef: ga eerst terug (git switch main)"
    )


def test_a_folder_that_is_no_repository_is_refused(tmp_path: Path, repo: Path):
    plain = tmp_path / "los"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    reason = refusal(Project.read(plain))
    assert reason is not None and reason.endswith(
        "is geen git-repository; make cms bewaart elke wijziging als commit in git"
    )


def test_the_git_shim_stages_only_content_and_docs_when_decap_server_adds_everything(repo: Path):
    (repo / "notities.txt").write_text("Mijn aantekeningen.\n", encoding="utf-8")
    (repo / "content/events/nieuw.md").write_text("---\ntitle: Nieuw\n---\n", encoding="utf-8")
    (repo / "docs/contact.md").write_text("Nieuw adres.\n", encoding="utf-8")
    env = {**os.environ, "PATH": f"{SHIM}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)
    staged = git(repo, "diff", "--cached", "--name-only").split()
    assert staged == ["content/events/nieuw.md", "docs/contact.md"]
    assert git(repo, "status", "--porcelain", "--", "notities.txt") == "?? notities.txt\n"


def answers(url: str, data: bytes | None = None) -> bytes | None:
    try:
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return bytes(response.read())
    except OSError:
        return None


def wait_for(check, what: str, seconds: float = 120.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while (found := check()) is None:
        assert time.monotonic() < deadline, f"{what} not there within {seconds:.0f} s"
        time.sleep(0.3)
    return found


def test_make_cms_serves_the_editor_and_decap_server_on_127_0_0_1_and_ctrl_c_stops_both(repo: Path):
    settings = Project.read(repo).settings
    api = f"http://127.0.0.1:{settings.cms.local_port}/api/v1"
    preview = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "coplimburg.editors.cli", "cms", "--start", "--adres", preview]
    process = subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        info = wait_for(lambda: answers(api, json.dumps({"action": "info"}).encode()), "decap-server")
        assert json.loads(info)["publish_modes"] == ["simple", "editorial_workflow"]
        page = wait_for(lambda: answers(f"http://{preview}/admin/"), "/admin/ of the preview")
        assert lxml.html.fromstring(page).xpath("//script[@src]/@src") == ["cop-cms.js", "decap/decap-cms.js"]
    finally:
        process.send_signal(signal.SIGINT)  # what Ctrl-C in the terminal sends
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "open http://" + preview + "/admin/" in out and out.rstrip().endswith("De redactie is gestopt.")
    assert answers(api, b"{}") is None and answers(f"http://{preview}/admin/") is None
