"""The browser editor at /admin/ in a test: a git repository made from tests/sample/, built with the repository's
hooks, its site served on 127.0.0.1, decap-server in git mode started the way `make cms` starts it, and helpers that
drive Decap CMS's Dutch form the way an editor does.

Decap's form can lose a value typed into it when the machine is slow: a group or list builds its new value from the
props of the last render, and two changes that land before React renders again keep only one. So every value is
typed and then checked in the form before the next one, and the tests assert on the files written.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from chromium import Watch
from playwright.sync_api import Browser, BrowserContext, Dialog, Locator, Page, expect
from sitebuild import BUILD_DATE, REPO, SAMPLE, build_site

from bench.serve import serve
from coplimburg.cms.local import Project, decap_server

AUTHOR = "Redactie Test <redactie@example.org>"
# Long enough for a loaded two-core machine; every wait ends as soon as what it waits for is there.
TIMEOUT_MS = 60_000


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *arguments], check=True, capture_output=True, text=True).stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_repository(root: Path, port: int) -> Path:
    """A repository laid out as ours, with the sample's content, docs and mkdocs.yml (pointing at this checkout's
    hooks and templates, decap-server on `port`), committed on `main` by the test's editor."""
    repo = root / "repo"
    for part in ("content", "docs"):
        shutil.copytree(SAMPLE / part, repo / part)
    config = (SAMPLE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../", f"{REPO.as_posix()}/")
    config = config.replace("local_port: 8081", f"local_port: {port}")
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    (repo / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    git(repo.parent, "init", "-q", "-b", "main", str(repo))
    name, email = AUTHOR.removesuffix(">").split(" <")
    for key, value in (("user.name", name), ("user.email", email), ("commit.gpgsign", "false")):
        git(repo, "config", key, value)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Voorbeeldinhoud")
    return repo


def cop_check(repo: Path) -> subprocess.CompletedProcess[str]:
    """`cop check` on the repository, the build date pinned as in every test."""
    cop = Path(os.environ.get("VIRTUAL_ENV", REPO / ".venv")) / "bin" / "cop"
    cop = cop if cop.is_file() else REPO / ".venv" / "bin" / "cop"
    env = {**os.environ, "COP_BUILD_DATE": BUILD_DATE}
    return subprocess.run(
        [str(cop), "check", "--content", str(repo / "content")], capture_output=True, text=True, env=env, check=False
    )


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
    """ "Opslaan": in the editorial workflow a save is a commit on the item's own branch."""
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Item opgeslagen").first).to_be_visible()


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
