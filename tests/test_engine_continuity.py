"""The way off the end-of-life engine: ProperDocs builds the same site, byte for byte but for the generator tag.

`make test` sets up `.venv-properdocs` (requirements/properdocs.txt plus the site pins without mkdocs).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from sitebuild import BUILD_DATE, REPO, SAMPLE

from coplimburg.build_stamp import commit_of

PROPERDOCS = REPO / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def build_with_properdocs(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    assert PROPERDOCS.is_file(), "ProperDocs is not installed: run `make test`, which sets up .venv-properdocs"
    env = {**os.environ, "COP_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    # The sample is built inside the repository's checkout, this copy outside it: both name the same commit.
    if (commit := commit_of(SAMPLE)) is not None:
        env["GITHUB_SHA"] = commit
    command = [str(PROPERDOCS), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_properdocs_builds_the_sample_site_identical_to_mkdocs_but_for_the_generator_tag(
    built_site: Path, project: Path, tmp_path: Path
):
    result = build_with_properdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    ours, theirs = files(built_site), files(tmp_path / "site")
    assert sorted(ours) == sorted(theirs)
    generators: set[bytes] = set()
    differing = []
    for path, data in ours.items():
        generators.update(GENERATOR.findall(theirs[path]))
        if GENERATOR.sub(b"", data) != GENERATOR.sub(b"", theirs[path]):
            differing.append(path)
    assert differing == []
    assert generators == {b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2"}
