"""Files drawn at build time (social cards, image variants, re-encoded images) kept in a cache folder between builds.

The cache is a folder anyone with access to the checkout can write, so a file found there is used only when its
bytes are what the build would have drawn: an image of the expected format (by signature, end marker and
Pillow's reading of its header) and the expected pixel size. Anything else is drawn again, over it. The check
reads the header and the last bytes only: about 0.1 ms a file, against a few ms to decode a card.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from coplimburg.content.cache import cache_folder

__all__ = ["Expected", "cache_folder", "cached_file", "holds"]


@dataclass(frozen=True)
class Expected:
    """What a cached image must be: its format as Pillow names it (PNG, JPEG, WEBP) and its size in pixels."""

    format: str
    size: tuple[int, int]


def cached_file(target: Path, expected: Expected, draw: Callable[[], bytes]) -> Path:
    """`target`, drawn when the cache does not hold it as expected; written beside and renamed, so a build stopped
    halfway never leaves half a file under its final name."""
    if not holds(target, expected):
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(draw())
        partial.replace(target)
    return target


def holds(target: Path, expected: Expected) -> bool:
    """Whether `target` is a regular file holding a whole image of the expected format and size."""
    if target.is_symlink() or not target.is_file():
        return False
    try:
        with target.open("rb") as data:
            head = data.read(16)
            data.seek(-16, os.SEEK_END)
            tail = data.read()
            size = data.tell()
            if not _SIGNATURES[expected.format](head, tail, size):
                return False
            data.seek(0)
            with Image.open(data, formats=[expected.format]) as image:
                return image.size == expected.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return False


def _png(head: bytes, tail: bytes, size: int) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n") and tail.endswith(b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _jpeg(head: bytes, tail: bytes, size: int) -> bool:
    return head.startswith(b"\xff\xd8\xff") and tail.endswith(b"\xff\xd9")


def _webp(head: bytes, tail: bytes, size: int) -> bool:
    # The RIFF header names the length of everything after its first 8 bytes: a cut file is shorter.
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP" and int.from_bytes(head[4:8], "little") + 8 == size


# A whole file of each format, told by its first and last bytes and its length.
_SIGNATURES: dict[str, Callable[[bytes, bytes, int], bool]] = {"PNG": _png, "JPEG": _jpeg, "WEBP": _webp}
