"""What the Dutch form at /admin/ refuses before anything is saved: empty required fields, a moment `cop check` would
not read, a text over its length limit; each with Decap's Dutch message and ours."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cmsrepo import git
from editor import Editor, new_item_link, running_editor, textbox, type_into
from playwright.sync_api import Browser, Page, expect

MISSING = "Oeps, sommige verplichte velden zijn niet ingevuld."


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Editor]:
    with running_editor(tmp_path_factory.mktemp("cms-form"), browser) as running:
        yield running


def new_event(editor: Editor) -> Page:
    page = editor.open()
    new_item_link(page, "evenement").click()
    expect(textbox(page, "Titel")).to_be_editable()
    return page


def message(page: Page, text: str) -> None:
    """A message Decap shows above the field it is about (its text; the page shows it in capitals)."""
    expect(page.get_by_role("listitem").filter(has_text=text)).to_be_visible()


def test_an_empty_event_is_refused_with_every_required_field_named_in_dutch(editor: Editor):
    page = new_event(editor)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text(MISSING)).to_be_visible()
    for required in ("Titel is vereist.", "Samenvatting is vereist.", "Soort is vereist.", "Begin is vereist."):
        message(page, required)
    assert git(editor.repo, "branch", "--format=%(refname:short)").split() == ["main"]


def test_a_start_cop_check_would_not_read_is_refused_with_an_example_of_what_it_reads(editor: Editor):
    page = new_event(editor)
    type_into(textbox(page, "Begin"), "15 januari 2027")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    message(
        page,
        "Begin komt niet overeen met het patroon: een datum zoals 2027-01-15, "
        "of een datum en tijd zoals 2027-01-15 13:00.",
    )


def test_a_title_over_its_length_limit_is_refused_with_the_limit(editor: Editor):
    page = new_event(editor)
    type_into(textbox(page, "Titel"), "Een titel die veel te lang is " * 3)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    message(page, "Titel komt niet overeen met het patroon: hoogstens 80 tekens.")
