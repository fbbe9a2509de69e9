"""/admin/ of the published site, opened by its own host name (mapped to 127.0.0.1 in chromium): with a git host in
mkdocs.yml (GitHub, GitLab or Forgejo) Decap accepts the generated config and offers to log in there; without one the
page says in Dutch that only `make cms` is set up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from chromium import CHROMIUM_ARGS
from playwright.sync_api import Browser, Page, Route, expect
from sitebuild import build_site

from bench.serve import serve

HOST = "redactie.test"


def open_admin(browser: Browser, site: Path, asked: list[str], errors: list[str]) -> Iterator[Page]:
    """/admin/ of `site` at http://redactie.test:<port>/, which chromium finds at 127.0.0.1 and treats as the HTTPS
    site it stands for (Decap needs a secure context); every request to another host is recorded and refused."""

    def only_the_site(route: Route) -> None:
        asked.append(route.request.url)
        if urlsplit(route.request.url).hostname == HOST:
            route.continue_()
        else:
            route.abort()

    with serve(site) as base_url:
        origin = base_url.replace("127.0.0.1", HOST).rstrip("/")
        # A chromium of its own (the session's Playwright starts it): the two settings are launch options.
        mapped = browser.browser_type.launch(
            executable_path=shutil.which("chromium"),
            args=[
                *CHROMIUM_ARGS,
                f"--host-resolver-rules=MAP {HOST} 127.0.0.1",
                f"--unsafely-treat-insecure-origin-as-secure={origin}",
            ],
            headless=True,
        )
        context = mapped.new_context(locale="nl-NL")
        context.route("**/*", only_the_site)
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{origin}/admin/")
        yield page
        mapped.close()


def test_without_a_git_host_the_published_editor_says_that_only_make_cms_is_set_up(browser: Browser, built_site: Path):
    asked: list[str] = []
    errors: list[str] = []
    for page in open_admin(browser, built_site, asked, errors):
        explanation = page.locator("#cop-cms-alleen-lokaal")
        expect(explanation).to_be_visible()
        expect(explanation).to_contain_text("nog niet gekoppeld aan een git-server")
        expect(page.get_by_role("button", name="Inloggen")).to_have_count(0)
    assert [url for url in asked if urlsplit(url).hostname != HOST] == []
    assert errors == []


# Each git host as mkdocs.yml names it, and the login button Decap shows for it (Forgejo's is not translated).
HOSTS = {
    "github": ("base_url: https://cms-auth.voorbeeld.workers.dev", "Inloggen met GitHub"),
    "gitlab": ("app_id: proef-applicatie", "Inloggen met GitLab"),
    "forgejo": ("app_id: proef-applicatie\n        api_root: https://codeberg.org/api/v1", "Login with Forgejo"),
}


@pytest.mark.parametrize("name", HOSTS)
def test_with_a_git_host_the_published_editor_offers_to_log_in_there_and_asks_nothing_elsewhere(
    browser: Browser, project: Path, tmp_path: Path, name: str
):
    needs, button = HOSTS[name]
    config = project / "mkdocs.yml"
    host = f"      host:\n        name: {name}\n        repo: cop-limburg/site\n        {needs}\n"
    config.write_text(config.read_text(encoding="utf-8") + host, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    asked: list[str] = []
    errors: list[str] = []
    for page in open_admin(browser, site, asked, errors):
        expect(page.get_by_role("button", name=button)).to_be_visible(timeout=60_000)
        expect(page.locator("#cop-cms-alleen-lokaal")).to_be_hidden()
    assert [url for url in asked if urlsplit(url).hostname != HOST] == []
    assert [error for error in errors if "Content Security Policy" in error] == []
