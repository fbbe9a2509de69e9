"""The sample site's calendars, feeds, one e-mail edition, the browser editor's configuration and one page of every
item template and every overview are compared byte for byte with tests/golden/, so any change in what subscribers
and visitors receive, or in the editors' form, is a reviewed diff. Pages are compared with the hashes in Material's
asset names replaced, so a theme update shows only where it changes the markup. `make golden` rewrites them all from
the current build."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest
from sitebuild import REPO

GOLDEN = REPO / "tests" / "golden"
# Site path → golden file name; the e-mail is the edition of October 2026 (tests/sample/content: two items).
FILES = {
    "agenda.ics": "agenda.ics",
    "innovatietafels/tafel-2b.ics": "tafel-2b.ics",
    "feed.xml": "feed.xml",
    "atom.xml": "atom.xml",
    "feed.json": "feed.json",
    "coppig/2026-10/email.html": "email-2026-10.html",
    # The browser editor's configuration (coplimburg/cms/config.py), generated from the collections and models.
    "admin/config.yml": "cms-config.yml",
}
# Site path → golden file under pages/: one page per item template, per overview and per generated page of its own.
PAGES = {
    "agenda/tafelafstemming-netwerk/": "event.html",
    "innovatietafels/tafel-3/": "table.html",
    "coppyright/bouwstenen-ibo/": "product.html",
    "coppig/nieuws/lectoraat-gestart/": "post.html",
    "partners/vista-college/": "partner.html",
    "agenda/": "agenda.html",
    "innovatietafels/": "tables.html",
    "coppyright/": "catalogue.html",
    "coppig/": "news.html",
    "jaaroverzicht/": "years.html",
    "jaaroverzicht/2025/": "year.html",
    "opbrengsten/": "outputs.html",
    "coppig/abonneren/": "coppig-subscribe.html",
    "coppig/edities/": "coppig-editions.html",
    "coppig/2026-10/": "coppig-edition.html",
}
# Material names its scripts and styles with a hash of their content: main.57a0d79d.min.css.
_COMMIT = re.compile(rb'(<meta name="cop-build" content="[^"]*commit=)[0-9a-f]{40,64}')
_ASSET_HASH = re.compile(rb"(assets/(?:stylesheets|javascripts)/[\w/-]+)\.[0-9a-f]{8}(\.min\.(?:css|js))")
UPDATE = os.environ.get("COP_UPDATE_GOLDEN") == "1"
MAX_DIFF_LINES = 60


def readable_diff(expected: bytes, built: bytes, name: str) -> str:
    """A unified diff of the two texts, cut to a length a terminal can show."""
    diff = list(
        difflib.unified_diff(
            expected.decode("utf-8").splitlines(),
            built.decode("utf-8").splitlines(),
            f"tests/golden/{name}",
            f"built {name}",
            lineterm="",
        )
    )
    if len(diff) > MAX_DIFF_LINES:
        diff = [*diff[:MAX_DIFF_LINES], f"… {len(diff) - MAX_DIFF_LINES} more diff lines"]
    return "\n".join(diff) or "the files differ only in line endings or bytes that are not lines"


def normalised(page: bytes) -> bytes:
    """A page with the hashes of Material's asset names replaced by HASH, and the commit it was built from (the
    sample is built inside this repository's checkout: coplimburg.build_stamp) by COMMIT."""
    return _COMMIT.sub(rb"\1COMMIT", _ASSET_HASH.sub(rb"\1.HASH\2", page))


def compare(built: bytes, name: str) -> None:
    """`built` equals tests/golden/<name>, or under `make golden` becomes it."""
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(built)
    assert golden.is_file(), f"{golden} is missing: run `make golden`"
    expected = golden.read_bytes()
    assert built == expected, "\n" + readable_diff(expected, built, name) + "\n(if intended: `make golden`)"


@pytest.mark.parametrize(("site_path", "name"), FILES.items(), ids=list(FILES))
def test_the_built_file_equals_its_golden_copy(built_site: Path, site_path: str, name: str) -> None:
    compare((built_site / site_path).read_bytes(), name)


@pytest.mark.parametrize(("site_path", "name"), PAGES.items(), ids=list(PAGES))
def test_the_built_page_equals_its_golden_copy_but_for_asset_hashes(
    built_site: Path, site_path: str, name: str
) -> None:
    compare(normalised((built_site / site_path / "index.html").read_bytes()), f"pages/{name}")


def test_every_item_template_and_overview_has_a_golden_page() -> None:
    from coplimburg.content.collections import COLLECTIONS

    templates = {one.template.removeprefix("cop/") for one in COLLECTIONS.values()}
    templates |= {one.overview.template.removeprefix("cop/") for one in COLLECTIONS.values() if one.overview}
    assert templates <= set(PAGES.values())


def test_only_the_hashes_of_materials_assets_are_normalised() -> None:
    page = b'<link href="../assets/stylesheets/main.57a0d79d.min.css"><script src="assets/javascripts/cop.js"></script>'
    assert normalised(page) == (
        b'<link href="../assets/stylesheets/main.HASH.min.css"><script src="assets/javascripts/cop.js"></script>'
    )
