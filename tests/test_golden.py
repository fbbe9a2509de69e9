"""The sample site's calendars, feeds, one e-mail edition and the browser editor's configuration are compared byte
for byte with tests/golden/, so any change in what subscribers receive, or in the editors' form, is a reviewed diff.
`make golden` rewrites them from the current build."""

from __future__ import annotations

import difflib
import os
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


@pytest.mark.parametrize(("site_path", "name"), FILES.items(), ids=list(FILES))
def test_the_built_file_equals_its_golden_copy(built_site: Path, site_path: str, name: str) -> None:
    built = (built_site / site_path).read_bytes()
    golden = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(built)
    assert golden.is_file(), f"{golden} is missing: run `make golden`"
    expected = golden.read_bytes()
    assert built == expected, "\n" + readable_diff(expected, built, name) + "\n(if intended: `make golden`)"
