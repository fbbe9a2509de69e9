"""Downloads are documents: only the kinds of one table (PDF, Office, OpenDocument, images, text, ZIP), each
recognised by its content; a page, script, program or a file that is not what its name says is a Dutch problem
naming the file, the line and the field, and is never published."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents import OFFICE, OPEN_DOCUMENT, PDF, archive, documents, image, office, open_document, zip_bomb
from sample_items import sample_items

from coplimburg.content.documents import DOWNLOAD_KINDS
from coplimburg.content.loader import load
from coplimburg.pages.downloads import Asset
from coplimburg.problems import ContentError, Problem

GUIDE = Path(__file__).resolve().parent.parent / "docs-redactie" / "afbeeldingen-en-downloads.md"


def with_download(root: Path, name: str) -> str:
    """The sample product of a content tree (tests/sample_items.py) offering one more download, `name`."""
    product = sample_items(root)["coppyright"]["blokkendoos.md"]
    extra = f"  - path: files/blokkendoos/{name}\n    title: De download\n"
    return product.replace("    title: Overzicht\n", "    title: Overzicht\n" + extra)


def problems_for(content, name: str, data: bytes) -> list[Problem]:
    root = content()
    (root / "coppyright" / "blokkendoos.md").write_text(with_download(root, name), encoding="utf-8")
    folder = root / "coppyright" / "files" / "blokkendoos"
    folder.mkdir(parents=True)
    (folder / "overzicht.pdf").write_bytes(PDF)
    (folder / name).write_bytes(data)
    try:
        load(root)
    except ContentError as error:
        return error.problems
    return []


def only_problem(content, name: str, data: bytes) -> Problem:
    (problem,) = problems_for(content, name, data)
    assert (problem.path, problem.line, problem.field) == ("content/coppyright/blokkendoos.md", 12, "files[1].path")
    assert problem.message.startswith(f"'files/blokkendoos/{name}'")
    return problem


@pytest.mark.parametrize(("suffix", "data"), documents().items())
def test_every_allowed_kind_of_download_passes_the_check(content, suffix: str, data: bytes) -> None:
    assert problems_for(content, f"download{suffix}", data) == []


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("page.html", b"<script>alert(document.cookie)</script>", "een browser voert wat erin staat uit"),
        ("page.htm", b"<p>hoi</p>", "een browser voert wat erin staat uit"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "sla de afbeelding"),
        ("app.js", b"alert(1)", "een browser voert wat erin staat uit"),
        ("data.xml", b"<?xml version='1.0'?><a/>", "een browser voert wat erin staat uit"),
        ("setup.exe", b"MZ\x90\x00", "een programma of script"),
        ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "het oude Office-formaat"),
        ("macro.docm", b"PK", "macro's"),
        ("zonder-extensie", b"%PDF-1.4\n%%EOF\n", "dit soort bestand staat niet op de lijst"),
    ],
)
def test_a_page_script_program_or_legacy_office_file_is_refused_by_its_kind(content, name, data, reason) -> None:
    problem = only_problem(content, name, data)
    assert reason in problem.message
    assert "een download is een van .pdf, .docx" in problem.message


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "verslag.pdf",
            b"<html><script>alert(1)</script></html>",
            "verwacht een PDF (die begint met %PDF-), gevonden HTML",
        ),
        ("tabel.pdf", b"naam;plaats\n", "verwacht een PDF (die begint met %PDF-), gevonden tekst"),
        (
            "verslag.docx",
            archive({"word/document.xml": b"<x/>"}),
            "gevonden een ZIP-archief zonder [Content_Types].xml",
        ),
        (
            "rekenblad.xlsx",
            office(".docx"),
            "verwacht een Office-bestand met [Content_Types].xml en de map xl/, gevonden de mappen _rels/, word/",
        ),
        (
            "tekst.odt",
            open_document(OPEN_DOCUMENT[".ods"]),
            f"verwacht een OpenDocument-bestand van het type {OPEN_DOCUMENT['.odt']}, gevonden het type "
            f"{OPEN_DOCUMENT['.ods']}",
        ),
        ("foto.jpg", image("PNG"), "is een PNG-afbeelding met de extensie .jpg; verwacht een JPEG-afbeelding"),
        ("tabel.csv", "naam;plaats\nCafé;Maastricht\n".encode("cp1252"), "is geen UTF-8-tekst"),
        ("notities.txt", b"regel een\nregel\x00twee\n", "bevat op regel 2 het binaire teken U+0000"),
        ("archief.zip", b"PK\x03\x04 kapot", "geen leesbaar ZIP-archief"),
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(content, name, data, expected) -> None:
    assert expected in only_problem(content, name, data).message


@pytest.mark.parametrize("suffix", list(OFFICE))
@pytest.mark.parametrize("macros", ["project", "content type"])
def test_an_office_file_with_macros_is_refused(content, suffix: str, macros: str) -> None:
    folder = OFFICE[suffix][0].split("/")[0]
    if macros == "project":
        data = office(suffix, extra={f"{folder}/vbaProject.bin": b"code"})
    else:
        data = office(suffix, main_type="application/vnd.ms-word.document.macroEnabled.main+xml")
    assert "bevat macro's" in only_problem(content, f"bestand{suffix}", data).message


def test_an_open_document_file_with_macros_is_refused(content) -> None:
    data = open_document(OPEN_DOCUMENT[".odt"], extra={"Basic/Standard/Module1.xml": b"<script/>"})
    assert "bevat macro's" in only_problem(content, "tekst.odt", data).message


def test_a_zip_bomb_is_refused_by_its_declared_size_without_unpacking_it(content) -> None:
    assert "dit lijkt een zip-bom" in only_problem(content, "bom.zip", zip_bomb()).message


def test_an_archive_entry_that_would_land_outside_its_folder_is_refused(content) -> None:
    data = archive({"../../.bashrc": b"echo"})
    assert "buiten de map" in only_problem(content, "slim.zip", data).message


def test_a_truncated_pdf_is_refused(content) -> None:
    assert "onvolledige PDF" in only_problem(content, "half.pdf", PDF[:-8]).message


def test_every_problem_of_one_item_is_reported_in_one_run(content) -> None:
    root = content()
    product = with_download(root, "page.html").replace("overzicht.pdf", "overzicht.svg")
    (root / "coppyright" / "blokkendoos.md").write_text(product, encoding="utf-8")
    folder = root / "coppyright" / "files" / "blokkendoos"
    folder.mkdir(parents=True)
    (folder / "overzicht.svg").write_bytes(b"<svg/>")
    (folder / "page.html").write_bytes(b"<p/>")
    with pytest.raises(ContentError) as raised:
        load(root)
    assert [problem.field for problem in raised.value.problems] == ["files[0].path", "files[1].path"]


def test_the_label_beside_a_download_comes_from_the_same_table_as_the_check() -> None:
    for suffix, kind in DOWNLOAD_KINDS.items():
        assert Asset(Path(f"bestand{suffix.upper()}"), "").kind == kind.label


def test_the_editors_guide_lists_every_allowed_kind_and_the_refused_ones() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for suffix in DOWNLOAD_KINDS:
        assert f"`{suffix}`" in guide, suffix
    for refused in (".html", ".svg", ".js", ".xml", ".exe", ".doc", ".docm", ".xlsm"):
        assert f"`{refused}`" in guide, refused


@pytest.mark.parametrize(
    ("name", "data", "found"),
    [
        ("assets/logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", ".svg"),
        ("pagina.html", b"<script>alert(1)</script>", ".html"),
        ("assets/javascripts/extra.js", b"alert(1)", ".js"),
        ("assets/folder.pdf", b"<html><script>alert(1)</script></html>", "PDF"),
    ],
)
def test_a_file_in_docs_is_published_only_when_it_is_an_image_or_a_document(project, name, data, found):
    # MkDocs publishes every file of docs/ as it is, on the site's own address: the download rule holds there too.
    (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / name).write_bytes(data)
    with pytest.raises(ContentError) as caught:
        load(project / "content")
    assert [(problem.path, problem.line) for problem in caught.value.problems] == [(f"docs/{name}", 0)]
    assert found in caught.value.problems[0].message


def test_the_documents_and_images_in_docs_pass(project):
    (project / "docs" / "assets" / "verslag.pdf").write_bytes(PDF)
    (project / "docs" / ".notities.txt").write_bytes(b"\x00 ignored by MkDocs")
    load(project / "content")
