"""Site search: Pagefind indexes every public page by its main content, with kind, date and end as filter and
metadata; Material's lunr index is gone, the header partial we copied still matches Material's, and two builds
give byte-identical search files."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import material
import pytest
from pages import page, pagefind_fragments
from sitebuild import SAMPLE, build_site

from coplimburg.cms.admin import FOLDER as ADMIN_FOLDER
from coplimburg.pages.search_index import Indexing, IndexingFailed, index_site
from coplimburg.pages.search_order import SIGNATURE, _encode, sort_filters

UPSTREAM = Path(material.__file__).parent / "templates"


def indexed(site: Path) -> dict[str, dict[str, object]]:
    return {fragment["url"]: fragment for fragment in pagefind_fragments(site)}


def test_every_public_page_is_indexed_and_404_email_feeds_and_the_editor_are_not(built_site):
    urls = set(indexed(built_site))
    pages_on_disk = {
        "/" + path.relative_to(built_site).parent.as_posix().removeprefix(".") + "/"
        for path in built_site.rglob("index.html")
        if "pagefind" not in path.parts and ADMIN_FOLDER not in path.parts
    }
    assert urls == {url.replace("//", "/") for url in pages_on_disk}
    assert not any(url.endswith((".html", ".xml", ".json")) for url in urls)
    # Overviews and pages only a template renders are found too.
    assert {"/agenda/", "/coppyright/", "/coppig/", "/coppig/abonneren/", "/innovatietafels/"} <= urls
    assert {url for url in urls if url.startswith("/partners/") and url != "/partners/"}
    assert list(built_site.rglob("email.html")) and list(built_site.rglob("404.html"))


def test_only_the_main_content_is_indexed(built_site):
    document = page(built_site, "agenda/")
    assert document.xpath("//article[@data-pagefind-body]")
    assert not document.xpath("//header[@data-pagefind-body] | //nav[@data-pagefind-body]")
    assert not page(built_site, "404.html").xpath("//*[@data-pagefind-body]")
    footer_only = "Community of Practice Limburg"  # the copyright line of every footer
    assert footer_only not in indexed(built_site)["/toegankelijkheid/"]["content"].split(".")[-1]


def test_results_carry_kind_date_and_an_events_end_and_filter_by_kind(built_site):
    found = indexed(built_site)
    event = found["/agenda/werksessie-leerroutes/"]
    assert event["filters"] == {"soort": ["evenement"]}
    assert event["meta"]["soort"] == "evenement" and event["meta"]["datum"] and event["meta"]["eindigt"]
    product = found["/coppyright/bouwstenen-ibo/"]
    assert product["meta"]["soort"] == "product" and product["meta"]["datum"]
    assert found["/coppig/nieuws/lectoraat-gestart/"]["meta"]["soort"] == "nieuws"
    assert found["/innovatietafels/tafel-2b/"]["meta"]["soort"] == "tafel"
    assert found["/partners/chill/"]["meta"]["soort"] == "partner"
    assert found["/over/"]["filters"] == {"soort": ["pagina"]}
    assert "datum" not in found["/innovatietafels/tafel-2b/"]["meta"]


def test_material_search_and_its_index_are_gone(built_site):
    assert not (built_site / "search").exists()
    assert not page(built_site, "").xpath("//*[@data-md-component='search']")
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert not (built_site / "pagefind" / "pagefind-ui.js").exists()


def test_the_copied_header_partial_differs_from_materials_only_in_the_search(built_site):
    ours = (SAMPLE.parent.parent / "overrides/partials/header.html").read_text(encoding="utf-8")
    upstream = (UPSTREAM / "partials/header.html").read_text(encoding="utf-8")
    search_start = upstream.index('    {% if "material/search" in config.plugins %}')
    search_end = upstream.index("    {% if config.repo_url %}")
    assert upstream[:search_start].split("-#}", 1)[1] == ours[: ours.index("    {#- CoP Limburg")].split("-#}", 1)[1]
    assert upstream[search_end:] == ours[ours.index("    {% if config.repo_url %}") :]


def test_two_builds_give_identical_search_files(built_site, tmp_path):
    result = build_site(SAMPLE, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first, second = built_site / "pagefind", tmp_path / "again" / "pagefind"
    names = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert names == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in names)


def test_filter_values_are_rewritten_in_sorted_order_and_the_references_follow(tmp_path):
    folder = tmp_path / "pagefind"
    (folder / "filter").mkdir(parents=True)
    unsorted = SIGNATURE + _encode(["soort", [["tafel", [3]], ["evenement", [0, 1, 300]]]])
    (folder / "filter" / "nl_aaaaaaa.pf_filter").write_bytes(gzip.compress(unsorted))
    meta = SIGNATURE + _encode(["1.5.2", [["nl_aaaaaaa", 24]]])
    (folder / "pagefind.nl_bbbbbbbbbb.pf_meta").write_bytes(gzip.compress(meta))
    (folder / "pagefind-entry.json").write_text('{"languages":{"nl":{"hash":"nl_bbbbbbbbbb"}}}', encoding="utf-8")
    sort_filters(folder)
    (written,) = (folder / "filter").iterdir()
    expected = SIGNATURE + _encode(["soort", [["evenement", [0, 1, 300]], ["tafel", [3]]]])
    assert gzip.decompress(written.read_bytes()) == expected
    (meta_file,) = folder.glob("*.pf_meta")
    assert written.stem.encode() in gzip.decompress(meta_file.read_bytes())
    assert meta_file.name.removeprefix("pagefind.").removesuffix(".pf_meta") in (
        folder / "pagefind-entry.json"
    ).read_text(encoding="utf-8")


def test_a_site_pagefind_cannot_index_fails_the_build_with_pagefinds_own_words(tmp_path):
    with pytest.raises(IndexingFailed) as failure:
        index_site(tmp_path)
    lead, *printed = str(failure.value).splitlines()
    assert lead == "Pagefind kon de zoekindex niet maken:"
    assert any("did not contain any html files" in line for line in printed)


def test_a_build_that_fails_while_pagefind_works_stops_the_indexer(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    with pytest.raises(RuntimeError, match="feed kapot"), Indexing(site) as indexing:
        raise RuntimeError("feed kapot")
    assert indexing._process.returncode is not None  # ended, not left running after the build
