"""One map of the site: the pages and files `cop check` lets a link reach are exactly those the build publishes,
because both come from coplimburg.content.sitemap."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath

import material
import pytest
from sitebuild import BUILD_DATE, REPO, SAMPLE

from coplimburg.content.loader import load
from coplimburg.content.publication import as_published_on
from coplimburg.content.sitemap import SiteMap, site_map
from coplimburg.problems import ContentError

TODAY = dt.date.fromisoformat(BUILD_DATE)
THEMES = (Path(material.__file__).parent / "templates", REPO / "overrides")
# Addresses the sample site does not publish, each close to one it does.
UNPUBLISHED = (
    "/coppig/2019-01/",  # a month without items has no edition
    "/coppig/2024-04/email.html",
    "/jaaroverzicht/2022/",  # before the first year with content
    "/jaaroverzicht/2027/",  # after the build year
    "/agenda/coppisch-2024/feed.xml",  # events have no feed of their own
    "/coppig/feed.xml",  # the news feed is /coppig/nieuws/feed.xml
    "/innovatietafels/feed.xml",  # tables have feeds one by one, not as a collection
    "/agenda/bestaat-niet.ics",
    "/coppyright/files/bouwstenen-ibo/geen.pdf",
    "/assets/cards/agenda/bestaat-niet.png",
    "/partners/onbekend/",
)


def published_map() -> SiteMap:
    """The map of the sample site as the build makes it on the pinned build date."""
    return site_map(as_published_on(load(SAMPLE / "content", TODAY), TODAY, show=False), TODAY)


def built_files(site: Path) -> set[str]:
    return {file.relative_to(site).as_posix() for file in site.rglob("*") if file.is_file()}


def not_ours(path: str, listed: SiteMap) -> bool:
    """What the map leaves out on purpose: the theme's assets, the search index, the browser editor and the variants
    of item images."""
    theme_asset = path.startswith("assets/") and any((theme / path).is_file() for theme in THEMES)
    if path.startswith(("pagefind/", "admin/")) or theme_asset:
        return True
    variant = re.fullmatch(r"(.*)-\d+\.(webp|jpg|png)", path)
    return bool(variant) and any(
        str(PurePosixPath(named).with_suffix("")) == variant.group(1) for named in listed.named
    )


def test_the_map_lists_exactly_the_pages_and_files_the_build_publishes(built_site):
    listed = published_map()
    built = {path for path in built_files(built_site) if not not_ours(path, listed)}
    assert listed.paths() - built == set(), "listed but not built"
    assert built - listed.paths() == set(), "built but not listed"


def test_what_the_map_leaves_out_is_only_theme_assets_the_search_index_the_editor_and_image_variants(built_site):
    listed = published_map()
    left_out = {path for path in built_files(built_site) if not_ours(path, listed)}
    variants = {path for path in left_out if not path.startswith(("pagefind/", "assets/", "admin/"))}
    assert variants == {
        "coppig/nieuws/images/lectoraat-64.png",
        "coppig/nieuws/images/lectoraat-64.webp",
        "coppyright/images/leerroute-zij-instroom-64.png",
        "coppyright/images/leerroute-zij-instroom-64.webp",
    }
    assert any(path.startswith("pagefind/") for path in left_out)
    assert "admin/index.html" in left_out


def links_to(paths: list[str]) -> str:
    return "\n".join(f"[{number}]({path})" for number, path in enumerate(paths)) + "\n"


def site_path(built: str) -> str:
    """The address a visitor links to: a page by its folder, any other file by its name."""
    return "/" + built.removesuffix("index.html") if built.endswith("index.html") else "/" + built


def test_cop_check_accepts_a_link_to_every_page_and_file_the_build_publishes(built_site, project):
    listed = published_map()
    paths = sorted(site_path(path) for path in built_files(built_site) if not not_ours(path, listed))
    assert "/coppig/2024-05/" in paths  # an edition whose month has an event and no news post
    page = project / "docs/over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + links_to(paths), encoding="utf-8")
    load(project / "content", TODAY)


def test_cop_check_refuses_a_link_to_any_path_the_build_does_not_publish(built_site, project):
    built = {site_path(path) for path in built_files(built_site)}
    assert not built & set(UNPUBLISHED)
    page = project / "docs/over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + links_to(list(UNPUBLISHED)), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(project / "content", TODAY)
    refused = {re.match(r"'([^']+)'", problem.message)[1] for problem in caught.value.problems}  # type: ignore[index]
    assert refused == set(UNPUBLISHED)
    assert {problem.field for problem in caught.value.problems} == {"link"}
