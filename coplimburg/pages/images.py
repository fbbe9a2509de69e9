"""Published images: every image an item names, re-encoded without metadata, and its responsive variants.

The site never publishes an image file as an editor made it. `Originals.publish` re-encodes it, at its own URL
and in its own format, from the pixels coplimburg.content.pictures gives (turned upright by the EXIF
orientation, in sRGB, nothing but pixels): no GPS position, camera data, XMP, comment, colour profile or
timestamp goes out. Pages, feeds and the e-mail use that file and read its size from it. The variants, two or
three widths as WebP and in the image's own format for <picture>/srcset, are drawn from it, so they stand the
same way up.

Both are drawn with Pillow into a cache folder keyed by the input's bytes, the width and the format, so an
unchanged image costs a file copy on the next build; the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import PIL
from PIL import Image

from coplimburg.content.collections import FILE_COLLECTIONS
from coplimburg.content.pictures import FORMATS, upright
from coplimburg.content.site import Site
from coplimburg.pages.cache import Expected, cached_file
from coplimburg.pages.downloads import Asset, asset

# Bump when the encoding changes, so cached files are drawn anew.
ENCODING_VERSION = "1"
WIDTHS = (480, 960, 1600)
_FALLBACK = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "JPEG"}
_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# Images fill the content column, at most about 50rem wide.
SIZES = "(min-width: 76.25em) 50rem, 100vw"
# The published original is what feeds and e-mail show and what a visitor downloads: kept at high quality.
_ORIGINAL_QUALITY = 90
_VARIANT_QUALITY = {"WEBP": 80, "JPEG": 82}


@dataclass(frozen=True)
class Variant:
    """One file of a picture: the published original at one width in one format."""

    source: Path
    url: str
    width: int
    height: int
    format: str


@dataclass(frozen=True)
class Source:
    media_type: str
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class Picture:
    """What a template writes out: a WebP <source>, the fallback <img> with its srcset, the size of the largest."""

    alt: str
    width: int
    height: int
    webp: Source
    fallback: Source
    sizes: str = SIZES

    @property
    def src(self) -> str:
        return self.fallback.variants[-1].url

    @property
    def variants(self) -> tuple[Variant, ...]:
        return self.webp.variants + self.fallback.variants


class Originals:
    """The images of one build as the site publishes them, re-encoded into `folder` once and then reused."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._published: dict[Path, Path] = {}

    def publish(self, named: Asset) -> Asset:
        """The file the site publishes at `named.url`: for an image (checked by `cop check`) its re-encoded copy,
        for any other download the file itself."""
        suffix = named.source.suffix.lower()
        if suffix not in FORMATS:
            return named
        if named.source not in self._published:
            self._published[named.source] = self._encoded(named.source, suffix)
        return Asset(self._published[named.source], named.url)

    def _encoded(self, source: Path, suffix: str) -> Path:
        data = source.read_bytes()
        kind = FORMATS[suffix]
        key = _key(data, "original", kind)
        with Image.open(io.BytesIO(data)) as header:
            size = _upright_size(header)
        return cached_file(
            self.folder / f"{key}{suffix}", Expected(kind, size), lambda: encode(upright(data, suffix), kind)
        )


def picture(image: Asset, alt: str) -> Picture:
    """The picture of an item's published image (`Originals.publish`): upright, so its size is the one shown."""
    with Image.open(image.source) as original:
        width, height = original.size
    widths = sorted({*(one for one in WIDTHS if one < width), min(width, WIDTHS[-1])})
    fallback = _FALLBACK[image.source.suffix.lower()]
    return Picture(
        alt=alt,
        width=widths[-1],
        height=round(height * widths[-1] / width),
        webp=Source(MEDIA_TYPES["WEBP"], tuple(_variant(image, one, width, height, "WEBP") for one in widths)),
        fallback=Source(MEDIA_TYPES[fallback], tuple(_variant(image, one, width, height, fallback) for one in widths)),
    )


def _variant(image: Asset, width: int, original_width: int, original_height: int, kind: str) -> Variant:
    stem = PurePosixPath(image.url)
    url = str(stem.with_name(f"{stem.stem}-{width}{_SUFFIX[kind]}"))
    return Variant(image.source, url, width, round(original_height * width / original_width), kind)


def site_variants(site: Site, originals: Originals) -> dict[str, Variant]:
    """Every variant of every item image by its output path."""
    found: dict[str, Variant] = {}
    for key in FILE_COLLECTIONS:
        for item in site.items[key].values():
            if getattr(item, "image", None):
                published = originals.publish(asset(site.content, item.source, item.image))
                for variant in picture(published, "").variants:
                    found[variant.url] = variant
    return found


def cached(variant: Variant, folder: Path) -> Path:
    """The variant's file in the cache folder, drawn only when the same original, width and format are not there."""
    data = variant.source.read_bytes()
    target = folder / f"{_key(data, str(variant.width), variant.format)}{_SUFFIX[variant.format]}"
    return cached_file(target, Expected(variant.format, (variant.width, variant.height)), lambda: render(data, variant))


def render(data: bytes, variant: Variant) -> bytes:
    """The variant drawn from the published original's bytes (already upright, sRGB and bare)."""
    with Image.open(io.BytesIO(data)) as original:
        pixels = original.convert("RGBA" if original.has_transparency_data else "RGB")
    resized = pixels.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
    return encode(resized, variant.format, _VARIANT_QUALITY.get(variant.format, _ORIGINAL_QUALITY))


def encode(pixels: Image.Image, kind: str, quality: int = _ORIGINAL_QUALITY) -> bytes:
    """The pixels in one format with nothing but the pixels: every setting given here, none taken from the image."""
    bare = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    if kind == "WEBP":
        bare.save(out, format="WEBP", quality=quality, method=4)
    elif kind == "JPEG":
        rgb = bare.convert("RGB") if bare.mode != "RGB" else bare
        rgb.save(out, format="JPEG", quality=quality, optimize=True, progressive=True)
    else:
        bare.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """The size after turning by the EXIF orientation, the way Pillow's exif_transpose reads it."""
    width, height = image.size
    return (height, width) if image.getexif().get(0x0112, 1) in (5, 6, 7, 8) else (width, height)


def _key(data: bytes, *shape: str) -> str:
    shown = "|".join((ENCODING_VERSION, PIL.__version__, *shape)).encode()
    return hashlib.sha256(shown + b"|" + hashlib.sha256(data).digest()).hexdigest()
