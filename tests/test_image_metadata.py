"""Published images carry nothing but pixels: a site built from a phone photo (GPS, orientation, XMP, comment, colour
profile) and a PNG with text chunks, EXIF and a foreign colour profile publishes no metadata in any image file, and
every image stands upright on the page, in the feeds and in the e-mail, with its upright size."""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path

import feedparser
import lxml.html
import pytest
from documents import documents
from pages import content, page, resolve, text
from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo
from sitebuild import REPO, SAMPLE, build_site

from bench.synthetic import copy_parts
from coplimburg.content.documents import DOWNLOAD_KINDS

PHOTO_PAGE = "coppig/nieuws/telefoonfoto/"
PHOTO = "coppig/nieuws/images/telefoonfoto.jpg"
SCHEMA_PAGE = "coppyright/kleurenschema/"
SCHEMA = "coppyright/images/kleurenschema.png"
DOWNLOAD_PHOTO = "coppyright/files/kleurenschema/foto-download.jpg"
PAGE_PHOTO = "assets/images/kantoor.jpg"
# Words that are in the metadata only: no published file may carry them.
SECRETS = (b"Kerkstraat 1, Sittard", b"Telefoonmerk", b"Geheime beschrijving", b"xmpmeta")
RED, BLUE, GREEN = (255, 0, 0), (0, 0, 255), (0, 255, 0)
# A displayed (upright) photo: 600×900, its top third red, the rest blue.
SIDE, LENGTH = 600, 900

POST = """---
title: Foto van de telefoon
summary: Een staande foto, liggend opgeslagen, met plaats en toestel erin.
published: 2026-11-20
categories: [onderzoek]
image: images/telefoonfoto.jpg
image_alt: Een rode strook boven een blauw vlak
---
Tekst bij de foto.
"""
PRODUCT = """---
title: Kleurenschema
summary: Een schema met een eigen kleurprofiel en downloads van elke soort.
type: curriculum
license: CC-BY-SA-4.0
version: "1.0"
published: 2025-06-12
image: images/kleurenschema.png
image_alt: Een strook boven een groen vlak
files:
{files}
---
Tekst bij het schema.
"""


def upright_picture(top: tuple[int, int, int], rest: tuple[int, int, int]) -> Image.Image:
    picture = Image.new("RGB", (SIDE, LENGTH), rest)
    picture.paste(top, (0, 0, SIDE, LENGTH // 3))
    return picture


def camera_exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Telefoonmerk"
    exif[ExifTags.Base.ImageDescription] = "Geheime beschrijving"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 59.0, 49.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (5.0, 52.0, 10.0)
    return exif


def xmp() -> bytes:
    return (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="50,59.8N"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )


def srgb_profile() -> bytes:
    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def swapped_profile() -> bytes:
    """An RGB profile whose red primary is sRGB's blue and the other way round: a foreign colour space."""
    data = bytearray(srgb_profile())
    (count,) = struct.unpack(">I", data[128:132])
    tags = {bytes(data[132 + 12 * index : 136 + 12 * index]): 132 + 12 * index for index in range(count)}
    red, blue = tags[b"rXYZ"], tags[b"bXYZ"]
    data[red + 4 : red + 12], data[blue + 4 : blue + 12] = data[blue + 4 : blue + 12], data[red + 4 : red + 12]
    data[84:100] = bytes(16)  # no profile id, which would no longer match
    return bytes(data)


def phone_photo() -> bytes:
    """Upright 600×900, stored lying (900×600) with orientation 6, as phones do, with every kind of metadata."""
    stored = upright_picture(RED, BLUE).transpose(Image.Transpose.ROTATE_90)
    out = io.BytesIO()
    stored.save(
        out,
        format="JPEG",
        quality=95,
        exif=camera_exif(6),
        xmp=xmp(),
        comment=b"Kerkstraat 1, Sittard",
        icc_profile=srgb_profile(),
    )
    return out.getvalue()


def schema_png() -> bytes:
    """Upright 600×900, stored turned (orientation 8), with text chunks, eXIf and a red/blue-swapping profile."""
    stored = upright_picture(RED, GREEN).transpose(Image.Transpose.ROTATE_270)
    chunks = PngInfo()
    chunks.add_text("Comment", "Kerkstraat 1, Sittard")
    chunks.add_itxt("Description", "Geheime beschrijving")
    out = io.BytesIO()
    stored.save(out, format="PNG", pnginfo=chunks, exif=camera_exif(8), icc_profile=swapped_profile())
    return out.getvalue()


def download_photo() -> bytes:
    out = io.BytesIO()
    upright_picture(RED, BLUE).save(out, format="JPEG", exif=camera_exif(1), comment=b"Kerkstraat 1, Sittard")
    return out.getvalue()


DOWNLOADS = {**{f"download{suffix}": data for suffix, data in documents().items()}, "foto-download.jpg": b""}


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with the phone photo in a news post and in docs/, and the PNG in a product that offers every
    download kind."""
    root = tmp_path_factory.mktemp("photo") / "repo"
    copy_parts(REPO, root, ("overrides", "hooks"))
    project = root / "tests" / "sample"
    copy_parts(SAMPLE, project, ("content", "docs", "mkdocs.yml"))
    news, products = project / "content" / "news", project / "content" / "coppyright"
    (news / "telefoonfoto.md").write_text(POST, encoding="utf-8")
    (news / "images" / "telefoonfoto.jpg").write_bytes(phone_photo())
    listed = "".join(f"  - path: files/kleurenschema/{name}\n    title: {name}\n" for name in DOWNLOADS)
    (products / "kleurenschema.md").write_text(PRODUCT.format(files=listed.rstrip("\n")), encoding="utf-8")
    (products / "images" / "kleurenschema.png").write_bytes(schema_png())
    (project / "docs" / "assets" / "images" / "kantoor.jpg").write_bytes(phone_photo())  # a photo of our own pages
    files = products / "files" / "kleurenschema"
    files.mkdir(parents=True)
    for name, data in DOWNLOADS.items():
        (files / name).write_bytes(data or download_photo())
    site = project / "site-built"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site


def chunk_kinds(data: bytes, container: str) -> list[str]:
    """The chunk types of a PNG file (length, type, data, CRC) or a WebP file (RIFF: type, length, padded data)."""
    found, position = [], 8 if container == "PNG" else 12
    while position < len(data):
        if container == "PNG":
            length, kind = struct.unpack(">I4s", data[position : position + 8])
            position += 12 + length
        else:
            kind, length = struct.unpack("<4sI", data[position : position + 8])
            position += 8 + length + (length & 1)
        found.append(kind.decode("ascii"))
    return found


def metadata(file: Path) -> list[str]:
    """Every kind of metadata a published image file carries, as Pillow and the file's own structure show it."""
    data = file.read_bytes()
    with Image.open(file) as image:
        image.load()
        found = [key for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment") if key in image.info]
        found += [f"EXIF tag {tag}" for tag in image.getexif()]
        found += [f"GPS {tag}" for tag in image.getexif().get_ifd(ExifTags.IFD.GPSInfo)]
        if image.format == "JPEG":
            found += [marker for marker, _ in image.applist if marker != "APP0"]
        if image.format == "PNG":
            found += [f"text {key}" for key in image.text]
            found += [kind for kind in chunk_kinds(data, "PNG") if kind not in ("IHDR", "PLTE", "tRNS", "IDAT", "IEND")]
        if image.format == "WEBP":
            found += [kind for kind in chunk_kinds(data, "WEBP") if kind not in ("VP8 ", "VP8L", "ALPH")]
    return found


def published_images(site: Path) -> list[Path]:
    return [file for file in site.rglob("*") if file.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif")]


def colour_at(file: Path, height_share: float) -> tuple[int, int, int]:
    with Image.open(file) as image:
        rgb = image.convert("RGB")
        return rgb.getpixel((rgb.width // 2, int(rgb.height * height_share)))  # type: ignore[return-value]


def near(found: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(one - other) <= 40 for one, other in zip(found, expected, strict=True))


def picture_files(site: Path, url_path: str) -> dict[Path, tuple[int, tuple[int, int]]]:
    """Each file a page's <picture> names (every srcset candidate): its `w` descriptor and its real size."""
    (picture,) = content(page(site, url_path)).iter("picture")
    found = {}
    for element in picture.xpath(".//source | .//img"):
        for candidate in element.get("srcset").split(", "):
            url, width = candidate.split(" ")
            file = site / resolve(url_path, url)
            with Image.open(file) as image:
                found[file] = (int(width.removesuffix("w")), image.size)
    return found


def test_no_image_in_the_built_site_carries_exif_gps_xmp_a_profile_a_comment_or_text(photo_site: Path) -> None:
    images = published_images(photo_site)
    assert {photo_site / PHOTO, photo_site / SCHEMA, photo_site / DOWNLOAD_PHOTO, photo_site / PAGE_PHOTO} <= set(
        images
    )
    assert len(images) > 20  # the photos, their variants, the social cards, the theme's images
    assert {str(file.relative_to(photo_site)): metadata(file) for file in images if metadata(file)} == {}


def test_no_published_file_of_any_kind_carries_the_words_of_the_metadata(photo_site: Path) -> None:
    for file in photo_site.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert not [secret for secret in SECRETS if secret in data], file


def test_the_photo_stands_upright_in_the_original_and_in_every_variant(photo_site: Path) -> None:
    files = [photo_site / PHOTO, *picture_files(photo_site, PHOTO_PAGE), photo_site / PAGE_PHOTO]
    assert len(files) == 6  # the original, 480 and 600 pixels wide as WebP and JPEG, and the same photo in docs/
    for file in files:
        with Image.open(file) as image:
            assert image.height > image.width, file
        assert near(colour_at(file, 0.1), RED), file
        assert near(colour_at(file, 0.9), BLUE), file


def test_a_foreign_colour_profile_is_converted_to_srgb_and_the_png_turned_upright(photo_site: Path) -> None:
    for file in [photo_site / SCHEMA, *picture_files(photo_site, SCHEMA_PAGE)]:
        with Image.open(file) as image:
            assert image.height > image.width, file
        # The file said "red" in a colour space whose red is sRGB's blue.
        assert near(colour_at(file, 0.1), BLUE), file
        assert near(colour_at(file, 0.9), GREEN), file


def test_the_page_writes_the_upright_size_of_the_picture_and_of_each_candidate(photo_site: Path) -> None:
    (image,) = content(page(photo_site, PHOTO_PAGE)).iter("img")
    assert (int(image.get("width")), int(image.get("height"))) == (SIDE, LENGTH)
    for file, (described, size) in picture_files(photo_site, PHOTO_PAGE).items():
        assert described == size[0], file
        assert size[0] * LENGTH == size[1] * SIDE, file


def test_the_feeds_carry_the_published_file_with_its_real_length(photo_site: Path) -> None:
    published = photo_site / PHOTO
    assert metadata(published) == []
    url = "https://www.communityofpracticelimburg.nl/" + PHOTO
    items = json.loads((photo_site / "feed.json").read_text(encoding="utf-8"))["items"]
    (item,) = [one for one in items if one["url"].endswith(PHOTO_PAGE)]
    assert item["image"] == url
    assert item["attachments"] == [{"url": url, "mime_type": "image/jpeg", "size_in_bytes": published.stat().st_size}]
    for feed in ("feed.xml", "atom.xml"):
        (entry,) = [one for one in feedparser.parse(photo_site / feed).entries if one.link.endswith(PHOTO_PAGE)]
        assert [(link.href, int(link.length)) for link in entry.enclosures] == [(url, published.stat().st_size)]


def test_the_email_shows_the_photo_upright_at_its_real_proportions(photo_site: Path) -> None:
    document = lxml.html.parse(str(photo_site / "coppig" / "2026-11" / "email.html")).getroot()
    (image,) = [one for one in document.iter("img") if one.get("src", "").endswith(PHOTO)]
    width, height = int(image.get("width")), int(image.get("height"))
    assert height > width
    assert height == round(width * LENGTH / SIDE)


def test_documents_are_published_as_they_are_and_images_re_encoded_each_labelled_from_the_table(
    photo_site: Path,
) -> None:
    listed = content(page(photo_site, SCHEMA_PAGE)).xpath('.//h2[@id="downloads"]/following-sibling::ul[1]/li')
    assert len(listed) == len(DOWNLOADS)
    source = photo_site.parent / "content" / "coppyright" / "files" / "kleurenschema"
    for name, item in zip(DOWNLOADS, listed, strict=True):
        kind = DOWNLOAD_KINDS[Path(name).suffix].label
        assert text(item).startswith(f"{name} ({kind}, "), text(item)
        (anchor,) = item.xpath("./a")
        served = photo_site / resolve(SCHEMA_PAGE, anchor.get("href"))
        if Path(name).suffix in (".jpg", ".jpeg", ".png", ".webp"):
            assert metadata(served) == [], name
        else:
            assert served.read_bytes() == (source / name).read_bytes(), name
