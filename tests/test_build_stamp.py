"""Is it live? Every build says which commit and build date it is, in /build.json and in a meta tag on every page:
the checkout's HEAD, else GITHUB_SHA from the workflow, else no commit; the build date, never the clock."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import lxml.html
from pages import html_files
from sitebuild import BUILD_DATE, SAMPLE, build_site

from coplimburg.build_stamp import BuildStamp, commit_of

WORKFLOW_COMMIT = "0123456789abcdef0123456789abcdef01234567"


def git(*arguments: str, cwd: Path) -> str:
    identity = ["-c", "user.name=Redactie", "-c", "user.email=redactie@example.org"]
    done = subprocess.run(["git", *identity, *arguments], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def head_of(folder: Path) -> str | None:
    """HEAD of the git checkout `folder` lies in, as git itself answers; None outside one."""
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else None


def stamp_in_meta(page: Path) -> dict[str, str]:
    (content,) = lxml.html.parse(str(page)).getroot().xpath("//head/meta[@name='cop-build']/@content")
    return dict(part.split("=", 1) for part in content.split(", "))


def test_build_json_names_the_build_date_and_the_commit_the_sample_was_built_from(built_site):
    expected = {"builddatum": BUILD_DATE}
    if (head := head_of(SAMPLE)) is not None:
        expected["commit"] = head
    assert json.loads((built_site / "build.json").read_bytes()) == expected


def test_every_page_the_404_page_included_carries_the_same_stamp_as_build_json(built_site):
    stamp = json.loads((built_site / "build.json").read_bytes())
    pages = html_files(built_site)
    assert built_site / "404.html" in pages and len(pages) > 20
    assert [page for page in pages if stamp_in_meta(page) != stamp] == []


def test_a_build_outside_git_shows_the_commit_the_workflow_names_in_github_sha(project, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no checkout above the copy counts
    monkeypatch.setenv("GITHUB_SHA", WORKFLOW_COMMIT)
    assert head_of(project) is None

    result = build_site(project, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    stamp = {"builddatum": BUILD_DATE, "commit": WORKFLOW_COMMIT}
    assert json.loads((tmp_path / "site" / "build.json").read_bytes()) == stamp
    assert stamp_in_meta(tmp_path / "site" / "index.html") == stamp


def test_a_checkout_shows_its_head_also_when_the_workflow_started_from_an_earlier_commit(tmp_path):
    # The publish workflow commits the agenda state before it builds: GITHUB_SHA is then the commit before HEAD.
    git("init", "--quiet", cwd=tmp_path)
    git("commit", "--quiet", "--allow-empty", "-m", "Inhoud", cwd=tmp_path)
    started = git("rev-parse", "HEAD", cwd=tmp_path)
    git("commit", "--quiet", "--allow-empty", "-m", "Update agenda state", cwd=tmp_path)
    assert commit_of(tmp_path, {"GITHUB_SHA": started}) == git("rev-parse", "HEAD", cwd=tmp_path) != started


def test_without_git_or_with_a_github_sha_that_is_no_commit_id_the_build_names_no_commit(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert commit_of(tmp_path, {}) is None
    assert commit_of(tmp_path, {"GITHUB_SHA": "main; echo"}) is None
    assert commit_of(tmp_path, {"GITHUB_SHA": WORKFLOW_COMMIT.upper()}) is None
    git("init", "--quiet", cwd=tmp_path)  # a checkout without any commit yet
    assert commit_of(tmp_path, {}) is None
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    assert commit_of(tmp_path, {"GITHUB_SHA": WORKFLOW_COMMIT}) == WORKFLOW_COMMIT


def test_without_a_commit_the_stamp_is_the_build_date_alone():
    stamp = BuildStamp(dt.date(2026, 11, 28), None)
    assert json.loads(stamp.json_bytes()) == {"builddatum": "2026-11-28"}
    assert stamp.meta_content() == "builddatum=2026-11-28"
