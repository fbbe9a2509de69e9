"""Where the repository and the sample site are, the pinned build date, and building a project the way `make build`
does; shared by the fixtures and the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import markdown
import yaml

from bench.synthetic import copy_parts

REPO = Path(__file__).resolve().parent.parent
# A small site made for the tests: every case once or twice, independent of the production content/.
SAMPLE = REPO / "tests" / "sample"
BUILD_DATE = "2026-11-28"


def copy_sample(root: Path) -> Path:
    """The sample project (content, docs, mkdocs.yml) copied under `root` beside the repository's hooks and
    overrides, laid out as in the repository (tests/sample/ two levels below them) so its relative paths hold;
    returns the project folder, to change and build."""
    copy_parts(REPO, root, ("overrides", "hooks"))
    target = root / "tests" / "sample"
    copy_parts(SAMPLE, target, ("content", "docs", "mkdocs.yml"))
    return target


def build_site(
    project: Path, site_dir: Path, build_date: str = BUILD_DATE, environment: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder, the way `make build` runs it; `environment` adds variables."""
    process = start_build(project, site_dir, build_date, environment)
    stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def start_build(
    project: Path, site_dir: Path, build_date: str = BUILD_DATE, environment: Mapping[str, str] | None = None
) -> subprocess.Popen[str]:
    """The same build started in the background, its output collected for `communicate()`."""
    env = {**os.environ, "COP_BUILD_DATE": build_date, "NO_MKDOCS_2_WARNING": "1", **(environment or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def render_markdown(text: str) -> str:
    """`text` as MkDocs renders a page body: Python-Markdown with mkdocs.yml's extensions and the three MkDocs
    always adds (toc, tables, fenced_code)."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    extensions: list[str] = ["toc", "tables", "fenced_code"]
    settings: dict[str, dict[str, str]] = {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        settings[name] = dict(options)
    return markdown.markdown(text, extensions=list(dict.fromkeys(extensions)), extension_configs=settings)
