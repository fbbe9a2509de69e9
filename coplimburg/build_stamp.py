"""Which commit and which build date a build is, so an editor can see whether a change is live: `/build.json` and a
`<meta name="cop-build">` tag on every page. The same commit and build date give the same bytes."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# A full commit id (SHA-1 or SHA-256): anything else from git or the environment is not used.
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


@dataclass(frozen=True)
class BuildStamp:
    date: dt.date
    commit: str | None

    def fields(self) -> dict[str, str]:
        """What the build says about itself, in the words /build.json uses; the commit only when it is known."""
        fields = {"builddatum": self.date.isoformat()}
        if self.commit:
            fields["commit"] = self.commit
        return fields

    def json_bytes(self) -> bytes:
        return (json.dumps(self.fields(), indent=2) + "\n").encode("utf-8")

    def meta_content(self) -> str:
        """The content of the page's meta tag, in the `key=value, key=value` form of `<meta name="viewport">`."""
        return ", ".join(f"{key}={value}" for key, value in self.fields().items())


def commit_of(project: Path, environ: Mapping[str, str] = os.environ) -> str | None:
    """The commit a build of `project` shows: the checkout's HEAD when it is a git checkout, else GITHUB_SHA (set by
    GitHub Actions), else None.

    HEAD first: the publish workflow commits the agenda state before it builds, so HEAD, not the commit that started
    the run, is what the site is built from. Uncommitted changes are not shown; a published build has none."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "HEAD"],
            cwd=project,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # no git on this machine
        done = None
    for found in (done.stdout.strip() if done and done.returncode == 0 else "", environ.get("GITHUB_SHA", "")):
        if _COMMIT.fullmatch(found):
            return found
    return None
