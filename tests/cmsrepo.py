"""A repository for the browser editor's tests: the sample's content, docs and mkdocs.yml (pointing at this checkout's
hooks and templates) committed on `main`, as an editor's clone of the site is."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from sitebuild import BUILD_DATE, REPO, SAMPLE

AUTHOR = "Redactie Test <redactie@example.org>"


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *arguments], check=True, capture_output=True, text=True).stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_repository(root: Path, port: int) -> Path:
    """root/repo, committed on `main` by the test's editor, with decap-server of `make cms` on `port`."""
    repo = root / "repo"
    for part in ("content", "docs"):
        shutil.copytree(SAMPLE / part, repo / part)
    config = (SAMPLE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../", f"{REPO.as_posix()}/")
    config = config.replace("local_port: 8081", f"local_port: {port}")
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    (repo / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main", str(repo))
    name, email = AUTHOR.removesuffix(">").split(" <")
    for key, value in (("user.name", name), ("user.email", email), ("commit.gpgsign", "false")):
        git(repo, "config", key, value)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Voorbeeldinhoud")
    return repo


def cop_check(repo: Path) -> subprocess.CompletedProcess[str]:
    """`cop check` on the repository, the build date pinned as in every test."""
    return subprocess.run(
        [sys.executable, "-m", "coplimburg.editors.cli", "check", "--content", str(repo / "content")],
        capture_output=True,
        text=True,
        env={**os.environ, "COP_BUILD_DATE": BUILD_DATE},
        check=False,
    )
