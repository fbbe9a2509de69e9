"""An editor creates a CoPyright product with a download and an image in the Dutch form at /admin/ and publishes it:
the uploads land where `cop check` wants them (files/<id>/ and images/ beside the item) and the built page offers
the download."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
from cmsrepo import cop_check, git
from editor import Editor, choose, new_item_link, publish, running_editor, save, textbox, type_into, upload
from playwright.sync_api import Browser, expect
from sitebuild import SAMPLE, build_site

from coplimburg.content.source import read_markdown
from coplimburg.problems import Problem

PRODUCT_ID = "werkboek-procestechniek"
PRODUCT_FILE = f"content/coppyright/{PRODUCT_ID}.md"
# What an editor has on disk: names with spaces and capitals, which the editor turns into file names of the site.
DOCUMENT = SAMPLE / "content/coppyright/files/bouwstenen-ibo/overzicht.pdf"
PICTURE = SAMPLE / "content/coppyright/images/leerroute-zij-instroom.png"


@dataclass
class Published:
    editor: Editor
    main_before: str


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Published]:
    root = tmp_path_factory.mktemp("cms-product")
    desk = root / "bureaublad"
    desk.mkdir()
    document, picture = desk / "Handleiding v2.pdf", desk / "Foto werkplaats.png"
    shutil.copyfile(DOCUMENT, document)
    shutil.copyfile(PICTURE, picture)
    with running_editor(root, browser) as editor:
        main_before = git(editor.repo, "rev-parse", "main").strip()
        page = editor.open("CoPyright", "product")
        new_item_link(page, "product").click()
        # The title first: the download goes into files/<the id made from the title>/.
        type_into(textbox(page, "Titel"), "Werkboek procestechniek")
        type_into(textbox(page, "Samenvatting"), "Opdrachten voor de praktijk van de procesoperator.")
        choose(page, "Soort product", "Tool")
        choose(page, "Licentie", "Creative Commons Naamsvermelding 4.0 Internationaal")
        type_into(textbox(page, "Versie"), "1.0")
        type_into(page.get_by_label("Verschenen op", exact=True), "2026-11-02")
        page.get_by_role("button", name="Voeg download toe").click()
        upload(page, "Kies een bestand", document)
        type_into(textbox(page, "Titel van de download"), "Handleiding (versie 2)")
        upload(page, "Kies een afbeelding", picture)
        type_into(textbox(page, "Beschrijving van de afbeelding (optioneel)"), "Studenten aan een procesinstallatie")
        expect(page.frame_locator("iframe").first.locator(".cop-downloads")).to_have_text("Handleiding (versie 2)")
        save(page)
        publish(page)
        yield Published(editor, main_before)


def test_the_download_and_the_image_land_beside_the_product_where_cop_check_wants_them(published: Published):
    repo = published.editor.repo
    added = git(repo, "diff", "--name-status", published.main_before, "main").split()
    assert added == [
        "A",
        f"content/coppyright/files/{PRODUCT_ID}/handleiding-v2.pdf",
        "A",
        "content/coppyright/images/foto-werkplaats.png",
        "A",
        PRODUCT_FILE,
    ]
    assert (repo / f"content/coppyright/files/{PRODUCT_ID}/handleiding-v2.pdf").read_bytes() == DOCUMENT.read_bytes()
    assert (repo / "content/coppyright/images/foto-werkplaats.png").read_bytes() == PICTURE.read_bytes()


def test_the_product_names_its_files_by_paths_relative_to_itself(published: Published):
    problems: list[Problem] = []
    document = read_markdown(published.editor.repo / PRODUCT_FILE, PRODUCT_FILE, problems)
    assert problems == [] and document is not None
    assert document.data["files"] == [
        {"path": f"files/{PRODUCT_ID}/handleiding-v2.pdf", "title": "Handleiding (versie 2)"}
    ]
    assert (document.data["image"], document.data["image_alt"]) == (
        "images/foto-werkplaats.png",
        "Studenten aan een procesinstallatie",
    )
    assert (document.data["type"], document.data["license"], document.data["version"]) == ("tool", "CC-BY-4.0", "1.0")


def test_cop_check_passes_on_the_repository_with_the_product(published: Published):
    result = cop_check(published.editor.repo)
    assert result.returncode == 0, result.stderr


def test_the_built_product_page_offers_the_download(published: Published, tmp_path: Path):
    site = tmp_path / "site"
    result = build_site(published.editor.repo, site)
    assert result.returncode == 0, result.stderr
    page_url = f"coppyright/{PRODUCT_ID}/"
    page = lxml.html.parse(str(site / page_url / "index.html")).getroot()
    (link,) = page.xpath('//ul[@class="cop-downloads"]//a[@download]')
    assert link.text_content() == "Handleiding (versie 2)"
    target = urljoin(f"/{page_url}", link.get("href")).lstrip("/")
    assert (site / target).read_bytes() == DOCUMENT.read_bytes()


def test_uploading_asked_nothing_of_any_host_but_127_0_0_1_and_broke_no_content_security_policy(published: Published):
    watch = published.editor.watch
    assert watch.off_site() == []
    assert [error for error in watch.errors if "Content Security Policy" in error] == []
