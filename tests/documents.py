"""Small but real files of every download kind, and of the kinds and fakes the check must refuse, made in the test."""

from __future__ import annotations

import io
import zipfile

from PIL import Image

OOXML = "application/vnd.openxmlformats-officedocument"
ODF = "application/vnd.oasis.opendocument"
# Office Open XML: the folder of the main part, its name and its content type, per extension.
OFFICE = {
    ".docx": ("word/document.xml", f"{OOXML}.wordprocessingml.document.main+xml"),
    ".xlsx": ("xl/workbook.xml", f"{OOXML}.spreadsheetml.sheet.main+xml"),
    ".pptx": ("ppt/presentation.xml", f"{OOXML}.presentationml.presentation.main+xml"),
}
OPEN_DOCUMENT = {".odt": f"{ODF}.text", ".ods": f"{ODF}.spreadsheet", ".odp": f"{ODF}.presentation"}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def office(suffix: str, main_type: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    part, content_type = OFFICE[suffix]
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type or content_type}"/></Types>'
    )
    return archive(
        {"[Content_Types].xml": types.encode(), "_rels/.rels": b"<Relationships/>", part: b"<x/>", **(extra or {})}
    )


def open_document(media_type: str, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        written.writestr(zipfile.ZipInfo("mimetype"), media_type, compress_type=zipfile.ZIP_STORED)
        for name, data in {"content.xml": b"<x/>", "META-INF/manifest.xml": b"<m/>", **(extra or {})}.items():
            written.writestr(name, data)
    return out.getvalue()


def archive(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for name, data in entries.items():
            written.writestr(name, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A 200 kB archive that unpacks to 200 MB of zeros (a thousand times its size)."""
    return archive({f"nul-{number}.bin": bytes(1_000_000) for number in range(200)})


def image(kind: str, size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 121, 107)).save(out, format=kind)
    return out.getvalue()


def documents() -> dict[str, bytes]:
    """One acceptable file of every download kind, by extension."""
    return {
        ".pdf": PDF,
        **{suffix: office(suffix) for suffix in OFFICE},
        **{suffix: open_document(media_type) for suffix, media_type in OPEN_DOCUMENT.items()},
        ".jpg": image("JPEG"),
        ".jpeg": image("JPEG"),
        ".png": image("PNG"),
        ".webp": image("WEBP"),
        ".csv": b"naam;plaats\nZuyd;Heerlen\n",
        ".txt": "Gewone tekst met één accent.\n".encode(),
        ".md": b"# Kop\n\nTekst.\n",
        # Entries are never unpacked on the site, so a page inside an archive runs nowhere.
        ".zip": archive({"lees-mij.txt": b"tekst", "voorbeeld.html": b"<script>alert(1)</script>"}),
    }
