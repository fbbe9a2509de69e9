"""Every Pillow error and warning on a content image is a Dutch problem naming the file, the line and the field, found
before any pixel of a too large image is decoded; neither `cop check` nor `mkdocs build` ever shows a traceback."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageFile
from sitebuild import build_site

from coplimburg.content.loader import load
from coplimburg.content.pictures import MAX_PIXELS
from coplimburg.editors.cli import main
from coplimburg.problems import ContentError, Problem

POST = """---
title: Bericht met foto
summary: Een korte samenvatting.
published: 2026-05-01
categories: [onderzoek]
image: images/{name}
image_alt: Een foto
---
Tekst.
"""


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb() -> bytes:
    """A PNG of a few hundred bytes whose header claims 20000×20000 pixels (400 million, 1.2 GB decoded)."""
    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes(20001 * 3 * 10))
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", pixels) + png_chunk(b"IEND", b"")


def encoded(kind: str, mode: str = "RGB", **options: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, (300, 200)).save(out, format=kind, **options)
    return out.getvalue()


def corrupt_exif() -> bytes:
    # One IFD entry (ImageDescription, 256 characters) pointing past the end of the block: Pillow warns.
    return (
        b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x0e\x00\x02\x00\x00\x01\x00\x00\x00\x00\x1a\x00\x00\x00\x00"
    )


def huge_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = "x" * 100_000
    return exif


CASES = {
    "bom.png": (bomb(), f"'images/bom.png' is groter dan {MAX_PIXELS // 1_000_000} miljoen pixels; maak de afbeelding"),
    "half.jpg": (encoded("JPEG")[:-400], "'images/half.jpg' is beschadigd of onvolledig; sla haar opnieuw op"),
    "eigenlijk-png.jpg": (
        encoded("PNG"),
        "'images/eigenlijk-png.jpg' is een PNG-afbeelding met de extensie .jpg; verwacht een JPEG-afbeelding",
    ),
    "profiel.jpg": (
        encoded("JPEG", icc_profile=b"geen profiel" * 50),
        "'images/profiel.jpg' heeft een kleurprofiel dat niet te lezen is",
    ),
    "veel-exif.png": (encoded("PNG", exif=huge_exif()), "'images/veel-exif.png' draagt 97 kB aan EXIF-gegevens"),
    "kapotte-exif.jpg": (encoded("JPEG", exif=corrupt_exif()), "'images/kapotte-exif.jpg' is beschadigd"),
    "zestien-bits.png": (encoded("PNG", mode="I;16"), "'images/zestien-bits.png' gebruikt de kleurmodus I;16"),
    "leeg.webp": (b"", "'images/leeg.webp' is geen leesbare afbeelding"),
}


def problem_of(content, name: str, data: bytes) -> Problem:
    root = content(news={"bericht.md": POST.format(name=name)})
    (root / "news" / "images").mkdir()
    (root / "news" / "images" / name).write_bytes(data)
    with pytest.raises(ContentError) as raised:
        load(root)
    (problem,) = raised.value.problems
    return problem


@pytest.mark.parametrize("name", list(CASES))
def test_an_image_pillow_cannot_read_well_is_a_dutch_problem_with_file_line_and_field(content, name: str) -> None:
    data, expected = CASES[name]
    problem = problem_of(content, name, data)
    assert (problem.path, problem.line, problem.field) == ("content/news/bericht.md", 6, "image")
    assert problem.message.startswith(expected), problem.message


def test_a_decompression_bomb_is_refused_from_its_header_without_decoding_a_pixel(content, monkeypatch) -> None:
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: pytest.fail("decoded"))
    assert "groter dan" in problem_of(content, "bom.png", bomb()).message


def test_the_pixel_limit_is_set_to_what_the_site_accepts() -> None:
    assert Image.MAX_IMAGE_PIXELS == MAX_PIXELS == 6000 * 6000


def test_cop_check_lists_every_broken_image_in_dutch_without_a_traceback(project: Path, capsys, monkeypatch) -> None:
    images = project / "content" / "news" / "images"
    for number, (name, (data, _)) in enumerate(CASES.items()):
        (project / "content" / "news" / f"foto-{number}.md").write_text(POST.format(name=name), encoding="utf-8")
        (images / name).write_bytes(data)
    monkeypatch.chdir(project)
    monkeypatch.setenv("COP_BUILD_DATE", "2026-11-28")
    assert main(["check"]) == 1
    printed = capsys.readouterr().err.splitlines()[1:]
    assert len(printed) == len(CASES)
    for number, (_, expected) in enumerate(CASES.values()):
        assert f"content/news/foto-{number}.md:6: image: {expected}" in "\n".join(printed)


def test_mkdocs_build_stops_with_the_dutch_problems_and_no_traceback(project: Path, tmp_path: Path) -> None:
    (project / "content" / "news" / "bom.md").write_text(POST.format(name="bom.png"), encoding="utf-8")
    (project / "content" / "news" / "images" / "bom.png").write_bytes(bomb())
    (project / "content" / "news" / "half.md").write_text(POST.format(name="half.jpg"), encoding="utf-8")
    (project / "content" / "news" / "images" / "half.jpg").write_bytes(encoded("JPEG")[:-400])
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "content/news/bom.md:6: image: 'images/bom.png' is groter dan" in result.stderr
    assert "content/news/half.md:6: image: 'images/half.jpg' is beschadigd" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_broken_image_among_the_cop_s_own_pages_is_a_problem_naming_its_file(project: Path) -> None:
    (project / "docs" / "assets" / "images" / "bom.png").write_bytes(bomb())
    with pytest.raises(ContentError) as raised:
        load(project / "content")
    (problem,) = raised.value.problems
    assert (problem.path, problem.line, problem.field) == ("docs/assets/images/bom.png", 0, "")
    assert problem.message.startswith("'docs/assets/images/bom.png' is groter dan 36 miljoen pixels")
