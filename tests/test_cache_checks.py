"""A file in .cache/ is published only when its bytes are what the build would draw there: an image of the expected
format and pixel size. Anything else (a script under a .png name, another image, a cut-off file, a link) is drawn
again over it and never published."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image
from sitebuild import build_site

from coplimburg.pages import cards, images
from coplimburg.pages.cache import Expected, cached_file, holds
from coplimburg.pages.cards import Card, cached_all
from coplimburg.pages.downloads import Asset
from coplimburg.pages.images import Originals, picture

LOGO = Path(__file__).parent / "sample" / "docs" / "assets" / "images" / "cop-logo.png"
SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>'
CARD = Card("assets/cards/index.png", "CoP Limburg", "Community of Practice", "Lerend werken en werkend leren")


def encoded(kind: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=kind)
    return out.getvalue()


def card_target(folder: Path) -> Path:
    return folder / f"{CARD.key(LOGO.read_bytes())}.png"


def assert_a_drawn_card(file: Path) -> None:
    with Image.open(file) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    assert file.read_bytes() == cards.render(CARD, LOGO.read_bytes())


WRONG = {
    "an svg with a script": SCRIPT,
    "an html page": b"<!doctype html><script>alert(1)</script>",
    "a png of another size": encoded("PNG", (1200, 631)),
    "a jpeg": encoded("JPEG", (1200, 630)),
    "a png cut short": encoded("PNG", (1200, 630))[:-20],
    "a png with a script after its end": encoded("PNG", (1200, 630)) + SCRIPT,
    "nothing": b"",
}


@pytest.mark.parametrize("wrong", list(WRONG))
def test_a_cached_card_that_is_not_the_expected_png_is_drawn_again_over_it(tmp_path: Path, wrong: str) -> None:
    target = card_target(tmp_path)
    target.write_bytes(WRONG[wrong])
    found = cached_all([CARD], LOGO.read_bytes(), tmp_path)
    assert found == {CARD.path: target}
    assert_a_drawn_card(target)


def test_a_card_drawn_in_parallel_replaces_a_wrong_cached_file_too(tmp_path: Path, monkeypatch) -> None:
    many = [Card(f"assets/cards/x-{number}.png", f"Kaart {number}") for number in range(3)]
    logo = LOGO.read_bytes()
    for card in many:
        (tmp_path / f"{card.key(logo)}.png").write_bytes(SCRIPT)
    monkeypatch.setattr(cards, "_PARALLEL_FROM", 2)
    for path, file in cached_all(many, logo, tmp_path).items():
        with Image.open(file) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), path


def test_a_link_in_the_cache_is_replaced_by_a_drawn_file(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders.png"
    elsewhere.write_bytes(encoded("PNG", (1200, 630)))
    target = card_target(tmp_path / "cache")
    target.parent.mkdir()
    os.symlink(elsewhere, target)
    cached_all([CARD], LOGO.read_bytes(), tmp_path / "cache")
    assert not target.is_symlink()
    assert_a_drawn_card(target)


def test_a_cached_card_that_is_what_the_build_draws_is_used_without_drawing(tmp_path: Path, monkeypatch) -> None:
    first = cards.cached(CARD, LOGO.read_bytes(), tmp_path)
    monkeypatch.setattr(cards, "render", lambda card, logo: pytest.fail("drawn again"))
    assert cached_all([CARD], LOGO.read_bytes(), tmp_path) == {CARD.path: first}


@pytest.fixture
def photo(tmp_path: Path) -> Asset:
    source = tmp_path / "foto.jpg"
    Image.new("RGB", (2000, 1000), (0, 121, 107)).save(source)
    return Asset(source=source, url="coppig/nieuws/images/foto.jpg")


def test_a_cached_published_image_holding_a_script_is_encoded_again(tmp_path: Path, photo: Asset) -> None:
    cache = tmp_path / "cache"
    first = Originals(cache).publish(photo).source
    drawn = first.read_bytes()
    first.write_bytes(SCRIPT)
    assert Originals(cache).publish(photo).source.read_bytes() == drawn


@pytest.mark.parametrize("wrong", ["webp instead of jpeg", "another width", "script"])
def test_a_cached_variant_of_another_format_or_size_is_drawn_again(tmp_path: Path, photo: Asset, wrong: str) -> None:
    cache = tmp_path / "cache"
    variant = picture(photo, "").fallback.variants[0]
    drawn = images.cached(variant, cache)
    expected = drawn.read_bytes()
    found = {
        "webp instead of jpeg": encoded("WEBP", (variant.width, variant.height)),
        "another width": encoded("JPEG", (variant.width + 1, variant.height)),
        "script": SCRIPT,
    }
    drawn.write_bytes(found[wrong])
    assert images.cached(variant, cache).read_bytes() == expected


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "WEBP"])
def test_a_whole_image_of_the_expected_format_and_size_is_held(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "beeld"
    target.write_bytes(encoded(kind, (30, 20)))
    assert holds(target, Expected(kind, (30, 20)))
    assert not holds(target, Expected(kind, (20, 30)))
    target.write_bytes(encoded(kind, (30, 20))[:-10])
    assert not holds(target, Expected(kind, (30, 20)))


def test_cached_file_draws_when_nothing_is_there_and_writes_whole_files_only(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "beeld.png"
    assert cached_file(target, Expected("PNG", (3, 2)), lambda: encoded("PNG", (3, 2))) == target
    assert holds(target, Expected("PNG", (3, 2)))
    assert [file.name for file in target.parent.iterdir()] == ["beeld.png"]


def test_a_build_over_a_poisoned_cache_publishes_only_drawn_images(project: Path, tmp_path: Path) -> None:
    first = build_site(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    poisoned = [file for kind in ("cards", "images") for file in (project / ".cache" / kind).iterdir()]
    assert len(poisoned) > 20
    for file in poisoned:
        file.write_bytes(SCRIPT)
    second = build_site(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    published = [file for file in (tmp_path / "second").rglob("*") if file.suffix in (".png", ".jpg", ".webp")]
    assert len(published) > 20
    formats = {".png": "PNG", ".jpg": "JPEG", ".webp": "WEBP"}
    for file in published:
        assert b"<script" not in file.read_bytes(), file
        with Image.open(file) as image:
            assert image.format == formats[file.suffix], file
        assert file.read_bytes() == (tmp_path / "first" / file.relative_to(tmp_path / "second")).read_bytes(), file
    assert all(file.read_bytes() != SCRIPT for file in poisoned)
