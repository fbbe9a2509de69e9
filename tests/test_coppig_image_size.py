"""Images in the e-mail carry width and height from their file's header, so mail apps reserve their space."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from coplimburg.feeds.entries import Image
from coplimburg.feeds.imagesize import image_size

LOGO = Path(__file__).resolve().parent.parent / "docs/assets/images/cop-logo.png"


def test_a_png_gives_its_size_from_its_header():
    assert image_size(LOGO) == (144, 144)


@pytest.mark.parametrize(
    ("name", "data", "size"),
    [
        ("gif", b"GIF89a" + struct.pack("<HH", 640, 480) + b"\x00" * 10, (640, 480)),
        (
            "jpeg",
            b"\xff\xd8"
            + b"\xff\xe0"
            + struct.pack(">H", 4)
            + b"JF"
            + b"\xff\xc0"
            + struct.pack(">HBHH", 17, 8, 300, 800)
            + b"\x00" * 12,
            (800, 300),
        ),
        (
            "webp",
            b"RIFF"
            + b"\x00" * 4
            + b"WEBPVP8X"
            + b"\x00" * 8
            + (799).to_bytes(3, "little")
            + (599).to_bytes(3, "little"),
            (800, 600),
        ),
        ("svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
        ("broken png", b"\x89PNG\r\n\x1a\n", None),
    ],
)
def test_gif_jpeg_and_webp_give_their_size_and_other_files_none(tmp_path: Path, name: str, data: bytes, size):
    file = tmp_path / "image"
    file.write_bytes(data)
    assert image_size(file) == size


def test_an_image_shown_at_column_width_keeps_its_proportions():
    image = Image("https://example.nl/a.jpg", "a.jpg", "alt", 1, "image/jpeg", width=1200, height=800)
    assert image.height_at(560) == 373
    assert Image("https://example.nl/a.svg", "a.svg", "alt", 1, "image/svg+xml").height_at(560) is None
