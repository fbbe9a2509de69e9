"""What an item may offer for download: documents, never pages. One table of allowed kinds, each checked by content.

The site publishes a download on its own address, so a file a browser would run (HTML, SVG, JavaScript, XML)
would run there as part of the site. Only the kinds below are published, each recognised by what it holds, not
by its name: a PDF by its header, Office and OpenDocument files as ZIP archives of the right parts, images by
Pillow (coplimburg.content.pictures), text as UTF-8 without binary characters. Pages show the kind's label
beside each download (coplimburg.pages.downloads).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from coplimburg.content.pictures import FORMATS, picture_problem
from coplimburg.problems import Problem

# Git hosting refuses larger files; it also bounds what the check reads.
MAX_DOWNLOAD_BYTES = 100_000_000
# ZIP archives (and Office and OpenDocument files, which are ZIP archives) are read only this far: a zip bomb
# unpacks to many times its size, real archives to a few times theirs.
MAX_ENTRIES = 10_000
MAX_UNPACKED = 1_000_000_000
SMALL_UNPACKED = 10_000_000
MAX_RATIO = 100
# [Content_Types].xml of a real Office file is a few kB.
_MAX_PART_BYTES = 1_000_000


class DownloadError(ValueError):
    """Why a file cannot be a download, in Dutch and naming the file."""


@dataclass(frozen=True)
class DownloadKind:
    """One kind of file an item may offer: what visitors read beside the link, its media type, and how its
    content is recognised (raises DownloadError)."""

    label: str
    media_type: str
    check: Callable[[Path, str], None]


def page_file_problems(docs: Path) -> list[Problem]:
    """Every file of the CoP's own pages (docs/) that the site cannot publish, naming the file (it has no line).
    MkDocs publishes every file there as it is, so the same rule holds as for downloads: images (re-encoded by the
    build) and documents; never a page, a drawing or a script. Markdown is the pages themselves; MkDocs leaves out
    files whose name starts with a dot."""
    found = []
    for file in sorted(docs.rglob("*")) if docs.is_dir() else []:
        relative = file.relative_to(docs)
        if file.suffix.lower() == ".md" or any(part.startswith(".") for part in relative.parts):
            continue
        if file.is_dir() and not file.is_symlink():
            continue
        shown = f"{docs.name}/{relative.as_posix()}"
        if file.is_symlink() or not file.is_file():
            found.append(
                Problem(shown, 0, "", "is een snelkoppeling of geen gewoon bestand; zet het bestand zelf hier neer")
            )
            continue
        check = picture_problem if file.suffix.lower() in FORMATS else download_problem
        if message := check(file, shown):
            found.append(Problem(shown, 0, "", message))
    return found


def download_problem(file: Path, relative: str) -> str:
    """Why a file (checked to exist inside content/) cannot be published as a download, in Dutch, or ''."""
    suffix = file.suffix.lower()
    kind = DOWNLOAD_KINDS.get(suffix)
    if kind is None:
        found = f"een {suffix}-bestand" if suffix else "een bestand zonder extensie"
        reason, instead = _REFUSED.get(suffix, ("dit soort bestand staat niet op de lijst", ""))
        advice = f"; {instead}" if instead else ""
        return f"'{relative}' is {found}: {reason}{advice}; een download is een van {_ALLOWED}"
    size = file.stat().st_size
    if size > MAX_DOWNLOAD_BYTES:
        return (
            f"'{relative}' is {size / 1e6:.0f} MB; een download is hoogstens {MAX_DOWNLOAD_BYTES / 1e6:.0f} MB: "
            "maak het bestand kleiner of verdeel het"
        )
    try:
        kind.check(file, relative)
    except DownloadError as error:
        return str(error)
    return ""


def _pdf(file: Path, relative: str) -> None:
    with file.open("rb") as data:
        head = data.read(5)
        data.seek(max(0, file.stat().st_size - 1024))
        tail = data.read()
    if head != b"%PDF-":
        raise DownloadError(_not_what_it_says(relative, "een PDF (die begint met %PDF-)", _what_starts(file)))
    if b"%%EOF" not in tail:
        raise DownloadError(f"'{relative}' is een onvolledige PDF (het einde, %%EOF, ontbreekt); sla de PDF opnieuw op")


def _image(file: Path, relative: str) -> None:
    if message := picture_problem(file, relative):
        raise DownloadError(message)


_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _text(file: Path, relative: str) -> None:
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DownloadError(
            f"'{relative}' is geen UTF-8-tekst (onleesbare byte op positie {error.start}); sla het bestand op als "
            "UTF-8 (in Excel: CSV UTF-8)"
        ) from None
    if found := _BINARY.search(text):
        line = text.count("\n", 0, found.start()) + 1
        raise DownloadError(
            f"'{relative}' bevat op regel {line} het binaire teken U+{ord(found.group()):04X}; verwacht gewone tekst"
        )


def _zip(file: Path, relative: str) -> None:
    with _archive(file, relative):
        pass


def _office(folder: str, main_type: str) -> Callable[[Path, str], None]:
    """An Office Open XML file: a ZIP archive with [Content_Types].xml naming the main part of its kind, its parts
    in `folder`, and no macros."""

    def check(file: Path, relative: str) -> None:
        with _archive(file, relative) as archive:
            names = archive.namelist()
            expected = f"een Office-bestand met [Content_Types].xml en de map {folder}"
            if "[Content_Types].xml" not in names:
                raise DownloadError(_not_what_it_says(relative, expected, "een ZIP-archief zonder [Content_Types].xml"))
            if not any(name.startswith(folder) for name in names):
                folders = sorted({name.split("/")[0] + "/" for name in names if "/" in name})
                raise DownloadError(_not_what_it_says(relative, expected, f"de mappen {', '.join(folders) or 'geen'}"))
            types = _content_types(archive, relative)
        if any("macroEnabled" in one for one in types) or any(name.endswith("vbaProject.bin") for name in names):
            raise DownloadError(_macros(relative))
        if main_type not in types:
            found = ", ".join(sorted(one for one in types if one.endswith(".main+xml"))) or "geen hoofddeel"
            raise DownloadError(_not_what_it_says(relative, f"een Office-bestand van het type {main_type}", found))

    return check


def _open_document(media_type: str) -> Callable[[Path, str], None]:
    """An OpenDocument file: a ZIP archive whose first entry `mimetype`, stored as it is, names its kind, with
    content.xml, and no macros (Basic/, Scripts/)."""

    def check(file: Path, relative: str) -> None:
        with _archive(file, relative) as archive:
            entries = archive.infolist()
            first = entries[0] if entries else None
            found = archive.read(first)[:200] if first and first.filename == "mimetype" else b""
            if found != media_type.encode("ascii") or "content.xml" not in archive.namelist():
                shown = f"het type {found.decode('ascii', 'replace')}" if found else "een ZIP-archief zonder mimetype"
                expected = f"een OpenDocument-bestand van het type {media_type}"
                raise DownloadError(_not_what_it_says(relative, expected, shown))
            if any(entry.filename.startswith(("Basic/", "Scripts/")) for entry in entries):
                raise DownloadError(_macros(relative))

    return check


@contextmanager
def _archive(file: Path, relative: str) -> Iterator[zipfile.ZipFile]:
    """The ZIP archive, once its directory is within bounds and every entry unpacks with the right checksum."""
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            _check_entries(entries, file.stat().st_size, relative)
            if archive.testzip() is not None:
                raise zipfile.BadZipFile
            yield archive
    except DownloadError:
        raise
    except RuntimeError:  # zipfile's word for an entry it needs a password for
        raise DownloadError(
            f"'{relative}' is versleuteld; een download moet zonder wachtwoord te openen zijn"
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise DownloadError(
            f"'{relative}' is geen leesbaar ZIP-archief (beschadigd, onvolledig of een ander formaat); "
            "maak het bestand opnieuw"
        ) from None


def _check_entries(entries: list[zipfile.ZipInfo], size: int, relative: str) -> None:
    if len(entries) > MAX_ENTRIES:
        raise DownloadError(
            f"'{relative}' bevat {len(entries)} bestanden; een archief bevat er hoogstens {MAX_ENTRIES}"
        )
    unpacked = sum(entry.file_size for entry in entries)
    allowed = min(MAX_UNPACKED, max(SMALL_UNPACKED, MAX_RATIO * size))
    if unpacked > allowed:
        raise DownloadError(
            f"'{relative}' pakt uit tot {unpacked / 1e6:.0f} MB, verwacht hoogstens {allowed / 1e6:.0f} MB "
            f"({MAX_RATIO} keer het archief, nooit meer dan {MAX_UNPACKED / 1e9:.0f} GB); dit lijkt een zip-bom"
        )
    for entry in entries:
        name = PurePosixPath(entry.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in entry.filename:
            raise DownloadError(
                f"'{relative}' bevat '{entry.filename[:120]}', dat bij uitpakken buiten de map zou komen; "
                "maak het archief opnieuw met gewone namen"
            )


def _content_types(archive: zipfile.ZipFile, relative: str) -> set[str]:
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > _MAX_PART_BYTES:
        raise DownloadError(_not_what_it_says(relative, _TYPES_PART, f"een van {info.file_size // 1000} kB"))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(archive.read(info), parser)
    except etree.XMLSyntaxError:
        raise DownloadError(_not_what_it_says(relative, _TYPES_PART, "onleesbare XML")) from None
    return {str(element.get("ContentType")) for element in root.iter() if element.get("ContentType")}


def _not_what_it_says(relative: str, expected: str, found: str) -> str:
    return (
        f"'{relative}' is niet wat de extensie zegt: verwacht {expected}, gevonden {found}; "
        "geef het bestand de juiste extensie of sla het opnieuw op"
    )


_TYPES_PART = "een kleine [Content_Types].xml"
# What a file that is not what its name says holds, told by its first bytes: only for the message.
_STARTS = (
    (b"%PDF-", "een PDF"),
    (b"PK\x03\x04", "een ZIP-archief"),
    (b"\x89PNG", "een PNG-afbeelding"),
    (b"\xff\xd8\xff", "een JPEG-afbeelding"),
    (b"GIF8", "een GIF-afbeelding"),
    (b"\xd0\xcf\x11\xe0", "een oud Office-bestand (.doc, .xls of .ppt)"),
    (b"MZ", "een Windows-programma"),
    (b"\x7fELF", "een programma"),
)


def _what_starts(file: Path) -> str:
    with file.open("rb") as data:
        head = data.read(512)
    for signature, kind in _STARTS:
        if head.startswith(signature):
            return kind
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return "HTML of XML (begint met '<')"
    return "tekst" if not _BINARY.search(head.decode("utf-8", "replace")) else "onbekende inhoud"


def _macros(relative: str) -> str:
    return (
        f"'{relative}' bevat macro's (programmacode die op de computer van de lezer draait); "
        "sla het op zonder macro's of als PDF"
    )


_OOXML = "application/vnd.openxmlformats-officedocument"
_ODF = "application/vnd.oasis.opendocument"
DOWNLOAD_KINDS: dict[str, DownloadKind] = {
    ".pdf": DownloadKind("PDF", "application/pdf", _pdf),
    ".docx": DownloadKind(
        "Word", f"{_OOXML}.wordprocessingml.document", _office("word/", f"{_OOXML}.wordprocessingml.document.main+xml")
    ),
    ".xlsx": DownloadKind(
        "Excel", f"{_OOXML}.spreadsheetml.sheet", _office("xl/", f"{_OOXML}.spreadsheetml.sheet.main+xml")
    ),
    ".pptx": DownloadKind(
        "PowerPoint",
        f"{_OOXML}.presentationml.presentation",
        _office("ppt/", f"{_OOXML}.presentationml.presentation.main+xml"),
    ),
    ".odt": DownloadKind("OpenDocument-tekst", f"{_ODF}.text", _open_document(f"{_ODF}.text")),
    ".ods": DownloadKind("OpenDocument-rekenblad", f"{_ODF}.spreadsheet", _open_document(f"{_ODF}.spreadsheet")),
    ".odp": DownloadKind("OpenDocument-presentatie", f"{_ODF}.presentation", _open_document(f"{_ODF}.presentation")),
    ".jpg": DownloadKind("JPEG-afbeelding", "image/jpeg", _image),
    ".jpeg": DownloadKind("JPEG-afbeelding", "image/jpeg", _image),
    ".png": DownloadKind("PNG-afbeelding", "image/png", _image),
    ".webp": DownloadKind("WebP-afbeelding", "image/webp", _image),
    ".csv": DownloadKind("CSV (spreadsheet)", "text/csv", _text),
    ".txt": DownloadKind("tekst", "text/plain", _text),
    ".md": DownloadKind("tekst (Markdown)", "text/markdown", _text),
    ".zip": DownloadKind("ZIP-archief", "application/zip", _zip),
}
_ALLOWED = ", ".join(DOWNLOAD_KINDS)
_RUNS = "een browser voert wat erin staat uit als deel van de site"
_OFFICE_INSTEAD = "sla het op als {} of als PDF"
_MACROS = "dit formaat bevat macro's (programmacode die op de computer van de lezer draait)"
_OLD_OFFICE = "het oude Office-formaat kan macro's bevatten en is niet te controleren"
# Why a kind is refused and what to use instead, for kinds an editor may try.
_REFUSED: dict[str, tuple[str, str]] = {
    **dict.fromkeys((".html", ".htm", ".xhtml", ".shtml"), (_RUNS, "sla de pagina op als PDF")),
    **dict.fromkeys((".svg", ".svgz"), (_RUNS, "sla de afbeelding op als PNG")),
    **dict.fromkeys((".js", ".mjs", ".xml", ".xsl", ".xslt"), (_RUNS, "zet de inhoud in een .txt-bestand")),
    ".doc": (_OLD_OFFICE, _OFFICE_INSTEAD.format(".docx")),
    ".xls": (_OLD_OFFICE, _OFFICE_INSTEAD.format(".xlsx")),
    ".ppt": (_OLD_OFFICE, _OFFICE_INSTEAD.format(".pptx")),
    **dict.fromkeys((".docm", ".dotm"), (_MACROS, _OFFICE_INSTEAD.format(".docx"))),
    **dict.fromkeys((".xlsm", ".xltm", ".xlsb"), (_MACROS, _OFFICE_INSTEAD.format(".xlsx"))),
    **dict.fromkeys((".pptm", ".potm", ".ppsm"), (_MACROS, _OFFICE_INSTEAD.format(".pptx"))),
    **dict.fromkeys(
        (".exe", ".msi", ".bat", ".cmd", ".com", ".scr", ".ps1", ".sh", ".vbs", ".jar", ".apk", ".dmg", ".app"),
        ("een programma of script verspreidt de CoP niet", ""),
    ),
    **dict.fromkeys(
        (".gif", ".heic", ".tif", ".tiff", ".bmp"),
        ("de site toont dit afbeeldingsformaat niet", "sla de afbeelding op als PNG of JPEG"),
    ),
}
