"""Responsive images: an item's image in two or three widths, as WebP and in its own format, for <picture>/srcset.

Variants are drawn with Pillow into a cache folder keyed by the original's bytes, the width and the format, so
an unchanged image costs a file copy on the next build. Nothing but pixels is written (no EXIF, no timestamp):
the same original gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import PIL
from PIL import Image

from coplimburg.content.collections import FILE_COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.pages.cache import Expected, cached_file
from coplimburg.pages.downloads import Asset, asset

WIDTHS = (480, 960, 1600)
_FALLBACK = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "JPEG"}
_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# Images fill the content column, at most about 50rem wide.
SIZES = "(min-width: 76.25em) 50rem, 100vw"


@dataclass(frozen=True)
class Variant:
    """One file of a picture: the original at one width in one format."""

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


def picture(image: Asset, alt: str) -> Picture:
    """The picture of an item's image (checked by `cop check`: a JPEG, PNG or WebP of sensible size)."""
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


def site_variants(site: Site) -> dict[str, Variant]:
    """Every variant of every item image by its output path."""
    found: dict[str, Variant] = {}
    for key in FILE_COLLECTIONS:
        for item in site.items[key].values():
            if getattr(item, "image", None):
                for variant in picture(asset(site.content, item.source, item.image), "").variants:
                    found[variant.url] = variant
    return found


def cached(variant: Variant, folder: Path) -> Path:
    """The variant's file in the cache folder, drawn only when the same original, width and format are not there."""
    data = variant.source.read_bytes()
    key = hashlib.sha256(
        f"{PIL.__version__}|{variant.width}|{variant.format}|".encode() + hashlib.sha256(data).digest()
    ).hexdigest()
    expected = Expected(variant.format, (variant.width, variant.height))
    return cached_file(folder / f"{key}{_SUFFIX[variant.format]}", expected, lambda: render(data, variant))


def render(data: bytes, variant: Variant) -> bytes:
    with Image.open(io.BytesIO(data)) as original:
        keep_alpha = variant.format != "JPEG" and original.mode in ("RGBA", "LA", "P")
        pixels = original.convert("RGBA" if keep_alpha else "RGB")
    resized = pixels.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if variant.format == "WEBP":
        resized.save(out, format="WEBP", quality=80, method=4)
    elif variant.format == "JPEG":
        resized.save(out, format="JPEG", quality=82, optimize=True, progressive=True)
    else:
        resized.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()
