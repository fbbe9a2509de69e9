"""The one place that writes files into the built site that are not pages (feeds, e-mail editions)."""

from __future__ import annotations

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
