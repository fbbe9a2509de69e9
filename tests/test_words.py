"""The Dutch words for statuses live in one table (coplimburg.words): no Python module or template writes a status
label itself, and templates show a view's badges and notes instead of deciding them."""

from __future__ import annotations

import re

import pytest
from sitebuild import REPO

from coplimburg.words import EVENT_STATUS, PRODUCT_CHANGE, SESSION_SKIPPED, TABLE_STATUS

LABELS = sorted({*EVENT_STATUS.values(), *TABLE_STATUS.values(), *PRODUCT_CHANGE.values(), SESSION_SKIPPED})
SOURCES = sorted(
    path
    for path in [*(REPO / "coplimburg").rglob("*.py"), *(REPO / "overrides").rglob("*.html")]
    if path != REPO / "coplimburg" / "words.py"
)


@pytest.mark.parametrize("label", LABELS)
def test_a_status_label_is_written_only_in_the_table_of_words(label):
    # As a string of its own in Python, or as the text of an element in a template.
    written = re.compile(rf"[\"'>]{label}[\"'<]")
    found = [path.relative_to(REPO).as_posix() for path in SOURCES if written.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_scan_finds_a_label_where_one_is_written():
    assert re.search(r"[\"'>]Geannuleerd[\"'<]", '<strong class="cop-badge">Geannuleerd</strong>')
    assert (REPO / "coplimburg" / "words.py").read_text(encoding="utf-8").count('"Geannuleerd"') == 1


@pytest.mark.parametrize("template", sorted((REPO / "overrides").rglob("*.html")), ids=lambda path: path.name)
def test_no_template_compares_a_status(template):
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"status\s*[!=]=", text), "a template decides on a status: give the view the result"
