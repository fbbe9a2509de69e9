"""Writing the built site: the files that are not pages (feeds, e-mail editions), and publishing a build
into site/ in one step.

MkDocs empties site/ before it renders a single page, so a bug that fails a build half-way would leave a
half-published site. A build therefore goes into a staging folder beside site/, which replaces site/
only when the whole build succeeded."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path


def write_files(site_dir: Path, files: Mapping[str, bytes]) -> None:
    """Write each root-relative path under `site_dir`, creating folders; paths never leave the site."""
    root = site_dir.resolve()
    for path, data in sorted(files.items()):
        target = (root / path).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"{path}: valt buiten de site-map")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def staging_folder(site_dir: Path) -> Path:
    """The empty folder a build writes into, beside `site_dir` (so the swap is a rename on one disk)."""
    staging = site_dir.with_name(f".{site_dir.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Put the finished build in place of `site_dir`; the previous site is removed only after the swap."""
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove a failed build; `site_dir` was never touched."""
    shutil.rmtree(staging, ignore_errors=True)
