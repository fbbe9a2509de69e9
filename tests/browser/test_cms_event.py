"""An editor creates an event in the Dutch form at /admin/ and publishes it, with decap-server in git mode on a
repository made from tests/sample/ (editorial workflow: a save goes to a cms/ branch, publishing merges it).

One journey, recorded once for the module; each test reads one thing it must have done."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from cmsrepo import AUTHOR, cop_check, git
from editor import Editor, choose, new_item_link, publish, running_editor, save, textbox, type_into, write_body
from playwright.sync_api import Browser, expect
from sitebuild import build_site

from coplimburg.content.source import read_markdown
from coplimburg.problems import Problem

EVENT_ID = "kennissessie-lectoraat-2027"
EVENT_FILE = f"content/events/{EVENT_ID}.md"
TITLE = "Kennissessie lectoraat 2027"
SUMMARY = "Een middag over onderzoek in de beroepspraktijk, met de lector en docenten van VISTA college."
BODY = "Het programma volgt. Aanmelden kan tot een week vooraf."


@dataclass
class Journey:
    editor: Editor
    main_before: str
    main_after_save: str
    branches_after_save: list[str]
    check_of_branch: str
    preview_title: str
    preview_facts: str
    main_after_publish: str


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Journey]:
    root = tmp_path_factory.mktemp("cms-event")
    with running_editor(root, browser) as editor:
        repo = editor.repo
        main_before = git(repo, "rev-parse", "main").strip()
        page = editor.open()
        new_item_link(page, "evenement").click()
        type_into(textbox(page, "Titel"), TITLE)
        type_into(textbox(page, "Samenvatting"), SUMMARY)
        choose(page, "Soort", "CoPpisch")
        type_into(textbox(page, "Begin"), "2027-01-15 13:00")
        type_into(textbox(page, "Locatie (optioneel)"), "VISTA college, Sittard")
        choose(page, "Innovatietafels (optioneel)", "Tafel 3: Netwerk en kennisdeling", search="netwerk")
        type_into(page.get_by_label("Aangekondigd op", exact=True), "2026-11-20")
        write_body(page, BODY)
        preview = page.frame_locator("iframe").first
        expect(preview.locator("h1")).to_have_text(TITLE)
        expect(preview.locator(".cop-facts")).to_contain_text("15 januari 2027, 13:00")
        preview_title = preview.locator("h1").inner_text()
        preview_facts = preview.locator(".cop-facts").inner_text()
        save(page)
        main_after_save = git(repo, "rev-parse", "main").strip()
        branches = git(repo, "branch", "--format=%(refname:short)").split()
        # What the pull-request check sees: the branch on its own, exported without a checkout (decap-server
        # checks branches out in the repository while the editor works).
        checkout = root / "branch"
        checkout.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(repo), "archive", f"cms/events/{EVENT_ID}"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive.stdout, check=True)
        check_of_branch = cop_check(checkout).stdout
        publish(page)
        yield Journey(
            editor=editor,
            main_before=main_before,
            main_after_save=main_after_save,
            branches_after_save=branches,
            check_of_branch=check_of_branch,
            preview_title=preview_title,
            preview_facts=preview_facts,
            main_after_publish=git(repo, "rev-parse", "main").strip(),
        )


def test_saving_a_new_event_puts_it_on_its_own_cms_branch_and_leaves_main_unchanged(journey: Journey):
    assert journey.main_after_save == journey.main_before
    assert sorted(journey.branches_after_save) == [f"cms/events/{EVENT_ID}", "main"]


def test_the_saved_branch_passes_cop_check_before_anything_is_published(journey: Journey):
    assert journey.check_of_branch.startswith("Inhoud in orde: 3 tafels, 10 evenementen,")


def test_the_preview_shows_the_event_the_way_its_page_does(journey: Journey):
    assert journey.preview_title == TITLE
    facts = journey.preview_facts.splitlines()
    assert facts[:2] == ["Wanneer", "vrijdag 15 januari 2027, 13:00"]
    assert "Tafel 3: Netwerk en kennisdeling" in facts


def test_publishing_adds_one_commit_to_main_that_adds_only_the_event_file(journey: Journey):
    repo = journey.editor.repo
    commits = git(repo, "log", "--format=%an <%ae>|%s", f"{journey.main_before}..main").splitlines()
    assert commits == [f"{AUTHOR}|evenement: nieuw item {EVENT_ID}"]
    assert git(repo, "show", "--name-status", "--format=", "main").split() == ["A", EVENT_FILE]
    assert git(repo, "branch", "--format=%(refname:short)").split() == ["main"]
    assert git(repo, "status", "--porcelain") == ""


def test_the_published_file_holds_exactly_the_values_of_the_form(journey: Journey):
    problems: list[Problem] = []
    document = read_markdown(journey.editor.repo / EVENT_FILE, EVENT_FILE, problems)
    assert problems == [] and document is not None
    assert document.data == {
        "title": TITLE,
        "summary": SUMMARY,
        "kind": "coppisch",
        "start": "2027-01-15 13:00",
        "location": "VISTA college, Sittard",
        "tables": ["tafel-3"],
        "status": "gepland",
        "published": "2026-11-20",
    }
    assert document.body == BODY + "\n"


def test_cop_check_passes_on_the_repository_with_the_published_event(journey: Journey):
    result = cop_check(journey.editor.repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Inhoud in orde: 3 tafels, 10 evenementen,")


def test_a_build_of_the_repository_has_the_event_page(journey: Journey, tmp_path: Path):
    result = build_site(journey.editor.repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = lxml.html.parse(str(tmp_path / "site" / "agenda" / EVENT_ID / "index.html")).getroot()
    assert page.xpath("string(//h1)") == TITLE


def test_the_editor_asked_nothing_of_any_host_but_127_0_0_1_and_broke_no_content_security_policy(journey: Journey):
    watch = journey.editor.watch
    assert watch.off_site() == []
    assert [error for error in watch.errors if "Content Security Policy" in error] == []
    # The one error Decap reports: before the first save it asks decap-server whether the new item has a branch
    # already, and it has not (a 404).
    assert [error for error in watch.errors if "/api/v1" not in error or "404" not in error] == []
