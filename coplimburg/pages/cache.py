"""Files drawn at build time (social cards, image variants) kept in a cache folder between builds."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def cached_file(target: Path, draw: Callable[[], bytes]) -> Path:
    """`target`, drawn only when it is not in the cache yet; written beside and renamed, so a build stopped
    halfway never leaves half a file under its final name."""
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(draw())
        partial.replace(target)
    return target
