"""What an item's image must be for the site to show it well, and the pixels the site publishes of it.

Every image from content/ and docs/ is read here, by the check (`picture_problem`, run by `cop check` and by the
build's loader) and by the build (`upright`), through one guarded opening: only the JPEG, PNG and WebP decoders, the
size read from the header before any pixel is decoded, and every Pillow error or warning turned into a Dutch
message. The build publishes only what `upright` returns: turned by the EXIF orientation, in sRGB, with no
metadata at all.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MAX_BYTES = 5_000_000
MAX_SIDE = 6000
# Pillow's pixel limit, set for the whole process: no image we accept has more (MAX_SIDE × MAX_SIDE), so Pillow
# warns above it and refuses twice as many before decoding; the check turns both into a problem.
MAX_PIXELS = MAX_SIDE * MAX_SIDE
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# Metadata a camera or editor writes is small; more is a damaged or a crafted file. A JPEG carries at most
# 64 kB of EXIF; colour profiles of real devices stay well below a megabyte.
MAX_EXIF_BYTES = 65_536
MAX_PROFILE_BYTES = 1_000_000
# Colour modes we can turn into 8-bit sRGB; others (16-bit grey, floating point) are refused.
_MODES = frozenset({"1", "L", "LA", "P", "PA", "RGB", "RGBA", "CMYK"})
# Modes littlecms converts from directly; others become RGB(A) first.
_PROFILE_MODES = frozenset({"L", "RGB", "RGBA", "CMYK"})
_SRGB = ImageCms.createProfile("sRGB")
_RESAVE = "sla haar opnieuw op als JPEG, PNG of WebP"


class PictureError(ValueError):
    """Why an image cannot go on the site as it is, in Dutch and naming the file."""


def picture_problem(file: Path, relative: str) -> str:
    """Why an image cannot go on the site as it is, in Dutch and naming the file, or '' when it can."""
    suffix = file.suffix.lower()
    if suffix not in FORMATS:
        found = file.suffix or "een bestand zonder extensie"
        return f"'{relative}': gebruik een JPEG-, PNG- of WebP-afbeelding (.jpg, .png, .webp), niet {found}"
    size = file.stat().st_size
    if size > MAX_BYTES:
        return f"'{relative}' is {size / 1e6:.1f} MB; maak de afbeelding kleiner dan {MAX_BYTES / 1e6:.0f} MB"
    try:
        with file.open("rb") as data, _opened(data, suffix, relative):
            pass
    except PictureError as error:
        return str(error)
    return ""


def page_images(docs: Path) -> list[Path]:
    """The images of the CoP's own pages (docs/, where MkDocs publishes every file), which the build re-encodes."""
    files = sorted(docs.rglob("*")) if docs.is_dir() else []
    return [file for file in files if file.suffix.lower() in FORMATS and file.is_file()]


def upright(data: bytes, suffix: str) -> Image.Image:
    """The pixels the site publishes of an image file's bytes (checked by `picture_problem`): turned the way its
    EXIF orientation says, converted from its colour profile to sRGB, as RGB or RGBA, and carrying nothing else:
    no EXIF, XMP, comment, profile or text."""
    with _opened(io.BytesIO(data), suffix.lower(), suffix) as (image, to_srgb):
        pixels = to_srgb(ImageOps.exif_transpose(image))
    # A new image from the pixels alone: Pillow's encoders copy some metadata from `info` when saving.
    return Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())


ToSrgb = Callable[[Image.Image], Image.Image]


@contextmanager
def _opened(data: IO[bytes], suffix: str, relative: str) -> Iterator[tuple[Image.Image, ToSrgb]]:
    """The decoded image and how to bring it to sRGB; every Pillow error and warning becomes a PictureError."""
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        try:
            with Image.open(data, formats=sorted(set(FORMATS.values()))) as image:
                _check_header(image, suffix, relative)
                image.load()  # a broken or truncated file fails here, not halfway through the build
                _check_exif(image, relative)
                to_srgb = _colour(image, relative)
                if warned:
                    raise PictureError(_warning_message(relative, warned[0].message))
                yield image, to_srgb
        except PictureError:
            raise
        except Image.DecompressionBombError:
            raise PictureError(_too_many_pixels(relative)) from None
        except UnidentifiedImageError:
            raise PictureError(f"'{relative}' is geen leesbare afbeelding; {_RESAVE}") from None
        # Pillow's decoders raise OSError, ValueError, SyntaxError, EOFError, struct.error and more on a damaged
        # file; this is the one place where content reaches them, and no content may end the build in a traceback.
        except Exception:
            raise PictureError(f"'{relative}' is beschadigd of onvolledig; {_RESAVE}") from None


def _check_header(image: Image.Image, suffix: str, relative: str) -> None:
    """What the header says, before any pixel is decoded: the format, the size and the colour mode."""
    if image.format != FORMATS[suffix]:
        raise PictureError(
            f"'{relative}' is een {image.format}-afbeelding met de extensie {suffix}; verwacht een "
            f"{FORMATS[suffix]}-afbeelding: geef het bestand de juiste extensie"
        )
    width, height = image.size
    if max(width, height) > MAX_SIDE:
        raise PictureError(
            f"'{relative}' is {width}×{height} pixels; maak de afbeelding hoogstens {MAX_SIDE} pixels breed en hoog"
        )
    if image.mode not in _MODES:
        raise PictureError(
            f"'{relative}' gebruikt de kleurmodus {image.mode} (bijvoorbeeld 16 bits per kanaal); sla de afbeelding "
            "op als gewone RGB-afbeelding met 8 bits per kanaal"
        )


def _check_exif(image: Image.Image, relative: str) -> None:
    exif = image.info.get("exif") or b""
    if len(exif) > MAX_EXIF_BYTES:
        raise PictureError(
            f"'{relative}' draagt {len(exif) // 1024} kB aan EXIF-gegevens, verwacht hoogstens "
            f"{MAX_EXIF_BYTES // 1024} kB; {_RESAVE} zonder metagegevens"
        )
    image.getexif()  # the orientation is read from it; a damaged block warns or fails here


def _colour(image: Image.Image, relative: str) -> ToSrgb:
    """How to turn the image into 8-bit sRGB, with an alpha channel where it has transparency."""
    mode = "RGBA" if image.has_transparency_data else "RGB"
    profile = image.info.get("icc_profile")
    if not profile:
        return lambda pixels: pixels.convert(mode)
    if len(profile) > MAX_PROFILE_BYTES:
        raise PictureError(
            f"'{relative}' draagt een kleurprofiel van {len(profile) // 1000} kB, verwacht hoogstens "
            f"{MAX_PROFILE_BYTES // 1_000_000} MB; {_RESAVE} met het kleurprofiel sRGB"
        )
    source = image.mode if image.mode in _PROFILE_MODES and not (image.mode == "L" and mode == "RGBA") else mode
    try:
        transform = ImageCms.buildTransform(ImageCms.ImageCmsProfile(io.BytesIO(profile)), _SRGB, source, mode)
    except (OSError, ImageCms.PyCMSError):
        raise PictureError(
            f"'{relative}' heeft een kleurprofiel dat niet te lezen is of niet bij de afbeelding past; "
            f"{_RESAVE} met het kleurprofiel sRGB"
        ) from None

    def to_srgb(pixels: Image.Image) -> Image.Image:
        converted = ImageCms.applyTransform(pixels.convert(source), transform)
        assert converted is not None  # None only when transforming in place
        return converted

    return to_srgb


def _too_many_pixels(relative: str) -> str:
    return (
        f"'{relative}' is groter dan {MAX_PIXELS // 1_000_000} miljoen pixels; maak de afbeelding hoogstens "
        f"{MAX_SIDE} pixels breed en hoog"
    )


def _warning_message(relative: str, warning: Warning | str) -> str:
    if isinstance(warning, Image.DecompressionBombWarning):
        return _too_many_pixels(relative)
    # Pillow warns about damaged metadata (EXIF, text chunks) and pixels it had to guess.
    return f"'{relative}' is beschadigd (de metagegevens of pixels kloppen niet); {_RESAVE}"
