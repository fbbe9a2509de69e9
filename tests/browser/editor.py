"""The browser editor at /admin/ in a test: a git repository made from tests/sample/, built with the repository's
hooks, its site served on 127.0.0.1, decap-server in git mode started the way `make cms` starts it, and helpers that
drive Decap CMS's Dutch form the way an editor does.

Decap's form can lose a value typed into it when the machine is slow: a group or list builds its new value from the
props of the last render, and two changes that land before React renders again keep only one. So every value is
typed and then checked in the form before the next one, and the tests assert on the files written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from chromium import Watch
from cmsrepo import free_port, make_repository
from playwright.sync_api import Browser, BrowserContext, Dialog, Locator, Page, expect
from sitebuild import build_site

from bench.serve import serve
from coplimburg.cms.local import Project, decap_server

# Long enough for a loaded two-core machine; every wait ends as soon as what it waits for is there.
TIMEOUT_MS = 60_000


@dataclass
class Editor:
    """A running editor: the repository, its built site on 127.0.0.1 and decap-server; `open()` logs in."""

    repo: Path
    site: Path
    base_url: str
    browser: Browser
    watch: Watch = field(default_factory=Watch)
    contexts: list[BrowserContext] = field(default_factory=list)

    def open(
        self, collection: str = "Agenda", singular: str = "evenement", width: int = 1280, height: int = 900
    ) -> Page:
        """A new page on /admin/, logged in with the local backend, on the list of a collection."""
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, locale="nl-NL", timezone_id="Europe/Amsterdam"
        )
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        page = self.watch.attach(context.new_page())
        # The workflow's "Publiceer nu" asks for confirmation; Playwright would dismiss the dialog.
        page.on("dialog", lambda dialog: _accept(dialog))
        page.goto(self.base_url + "admin/")
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("link", name=collection, exact=True).click()
        expect(new_item_link(page, singular)).to_be_visible()
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def _accept(dialog: Dialog) -> None:
    dialog.accept()


@contextmanager
def running_editor(root: Path, browser: Browser) -> Iterator[Editor]:
    """The editor on a fresh repository, until the block ends."""
    port = free_port()
    repo = make_repository(root, port)
    site = root / "site"
    result = build_site(repo, site)
    assert result.returncode == 0, result.stderr
    with decap_server(Project.read(repo), root / "decap-server.log"), serve(site) as base_url:
        editor = Editor(repo, site, base_url, browser)
        try:
            yield editor
        finally:
            editor.close()


def new_item_link(page: Page, singular: str) -> Locator:
    """The collection's "+ <singular>" button: a link whose accessible name says what it makes."""
    return page.get_by_role("link", name=f"Item van type {singular} maken")


def textbox(page: Page, label: str) -> Locator:
    return page.get_by_role("textbox", name=label, exact=True)


def type_into(box: Locator, text: str) -> None:
    """Type a value and wait until the form shows it: on a busy machine Decap can drop a change."""
    for _ in range(3):
        box.fill(text)
        try:
            expect(box).to_have_value(text, timeout=5_000)
            return
        except AssertionError:
            continue
    expect(box).to_have_value(text)


def choose(page: Page, label: str, option: str, search: str = "") -> None:
    """Pick an option of a select or relation field by its Dutch label; a relation finds it by `search`."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    if search:
        box.fill(search)
    page.get_by_role("option", name=option, exact=True).click()


def write_body(page: Page, text: str) -> None:
    """The Markdown text: Decap's rich-text editor, a contenteditable without an accessible name."""
    body = page.locator('[data-slate-editor="true"]')
    body.click()
    page.keyboard.type(text)
    expect(body).to_contain_text(text)


def upload(page: Page, button: str, file: Path) -> None:
    """Choose a file for an image or file field: the media dialog, an upload, "Gebruik selectie"."""
    page.get_by_role("button", name=button).click()
    page.locator('input[type="file"]').set_input_files(str(file))
    page.get_by_role("button", name="Gebruik selectie").click()


def save(page: Page) -> None:
    """Opslaan: in the editorial workflow a save is a commit on the item's own branch; done when Decap has read
    the item back from that branch (its status shows)."""
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Item opgeslagen").first).to_be_visible()
    expect(page.get_by_role("button", name="Status: Concept")).to_be_visible()


def publish(page: Page) -> None:
    """Set the item to "Klaar", then "Publiceer" → "Publiceer nu": the branch is merged into main."""
    page.get_by_role("button", name="Status: Concept").click()
    page.get_by_role("menuitem", name="Klaar").click()
    expect(page.get_by_text("Status van item geüpdatet").first).to_be_visible()
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    expect(page.get_by_text("Item gepubliceerd").first).to_be_visible()


def wait_until(check: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"{what} did not happen within {seconds:.0f} s"
        time.sleep(0.2)
