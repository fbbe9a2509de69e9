"""Responsive item images: <picture> with WebP and the original format in up to three widths, sized and lazy."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from PIL import Image

from coplimburg.pages import images
from coplimburg.pages.downloads import Asset
from coplimburg.pages.images import Originals, cached, picture, render

POST = "coppig/nieuws/lectoraat-gestart/"


def photo(tmp_path: Path, size: tuple[int, int] = (2000, 1000), name: str = "foto.jpg") -> Asset:
    source = tmp_path / name
    Image.new("RGB", size, (0, 121, 107)).save(source)
    return Asset(source=source, url=f"coppig/nieuws/images/{name}")


def test_a_large_photo_gets_three_widths_in_webp_and_jpeg(tmp_path):
    found = picture(photo(tmp_path), "Een foto")
    assert [variant.width for variant in found.webp.variants] == [480, 960, 1600]
    assert [variant.url for variant in found.fallback.variants] == [
        "coppig/nieuws/images/foto-480.jpg",
        "coppig/nieuws/images/foto-960.jpg",
        "coppig/nieuws/images/foto-1600.jpg",
    ]
    assert (found.width, found.height) == (1600, 800)
    assert found.webp.media_type == "image/webp"


def test_a_small_image_is_never_enlarged(tmp_path):
    found = picture(photo(tmp_path, (600, 300), "klein.png"), "Klein")
    assert [variant.width for variant in found.fallback.variants] == [480, 600]
    assert found.fallback.media_type == "image/png"


def test_a_variant_has_the_same_bytes_every_time_and_is_drawn_once(tmp_path, monkeypatch):
    variant = picture(photo(tmp_path), "Een foto").webp.variants[0]
    data = variant.source.read_bytes()
    assert render(data, variant) == render(data, variant)
    first = cached(variant, tmp_path / "cache")
    with Image.open(first) as image:
        assert (image.format, image.size) == ("WEBP", (480, 240))
        assert "exif" not in image.info
    monkeypatch.setattr(images, "render", lambda data, variant: b"")
    assert cached(variant, tmp_path / "cache").read_bytes() == first.read_bytes()


def test_an_item_page_shows_its_image_as_a_sized_lazy_picture(built_site):
    document = lxml.html.parse(str(built_site / POST / "index.html")).getroot()
    (element,) = document.xpath("//article//picture")
    (source,) = element.xpath("./source")
    (image,) = element.xpath(".//img")
    assert source.get("type") == "image/webp"
    assert image.get("width") and image.get("height")
    assert image.get("loading") == "lazy"
    assert image.get("alt") == "Docenten en onderzoekers rond een tafel in het lab"
    for srcset in (source.get("srcset"), image.get("srcset")):
        for candidate in srcset.split(", "):
            url, width = candidate.split(" ")
            assert width.endswith("w")
            assert (built_site / POST / url).resolve().is_file(), url


def test_an_image_is_published_with_the_same_bytes_in_any_cache_and_never_as_the_editor_saved_it(tmp_path):
    source = tmp_path / "foto.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn a quarter to the right
    Image.new("RGB", (300, 200), (0, 121, 107)).save(source, exif=exif, comment=b"Kerkstraat 1")
    named = Asset(source=source, url="coppig/nieuws/images/foto.jpg")
    first, second = (Originals(tmp_path / folder).publish(named) for folder in ("a", "b"))
    assert (first.url, second.url) == (named.url, named.url)
    assert first.source.read_bytes() == second.source.read_bytes() != source.read_bytes()
    with Image.open(first.source) as published:
        assert (published.format, published.size, published.getexif()) == ("JPEG", (200, 300), {})
