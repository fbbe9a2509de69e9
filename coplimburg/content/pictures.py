"""What an item's image must be for the site to show it well: a photo format browsers share, of a sensible size."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MAX_BYTES = 5_000_000
MAX_SIDE = 6000


def picture_problem(file: Path, relative: str) -> str:
    """Why an image cannot go on the site as it is, in Dutch and naming the file, or '' when it can."""
    if file.suffix.lower() not in FORMATS:
        found = file.suffix or "een bestand zonder extensie"
        return f"'{relative}': gebruik een JPEG-, PNG- of WebP-afbeelding (.jpg, .png, .webp), niet {found}"
    size = file.stat().st_size
    if size > MAX_BYTES:
        return f"'{relative}' is {size / 1e6:.1f} MB; maak de afbeelding kleiner dan {MAX_BYTES / 1e6:.0f} MB"
    try:
        with Image.open(file) as image:
            width, height, kind = image.width, image.height, image.format
            if max(width, height) <= MAX_SIDE:
                image.load()  # a broken file fails here, not halfway through the build
    except (UnidentifiedImageError, OSError):
        return f"'{relative}' is geen leesbare afbeelding; sla haar opnieuw op als JPEG, PNG of WebP"
    if kind != FORMATS[file.suffix.lower()]:
        return (
            f"'{relative}' is een {kind}-afbeelding met de extensie {file.suffix}; geef het bestand de juiste extensie"
        )
    if max(width, height) > MAX_SIDE:
        return f"'{relative}' is {width}×{height} pixels; maak de afbeelding hoogstens {MAX_SIDE} pixels breed en hoog"
    return ""
