"""Driving Debian's chromium with Playwright against the built site on 127.0.0.1, watching what each page does."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request

from bench.serve import serve

__all__ = ["BUILD_MOMENT", "Watch", "axe_violations", "launch", "serve"]

HOST = "127.0.0.1"
# Debian's chromium runs as root here; no component, sync or background traffic may leave the machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Noon on the pinned build date (tests/sitebuild.py BUILD_DATE), Dutch time.
BUILD_MOMENT = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def launch(playwright: Playwright) -> Browser:
    executable = shutil.which("chromium")
    assert executable, "chromium ontbreekt: draai tests/ensure-chromium"
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)


@dataclass
class Watch:
    """Everything a page asked for and every error it reported."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> Page:
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        return page

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def off_site(self) -> list[str]:
        """Requests to any host but 127.0.0.1 (data: and blob: URLs never leave the browser)."""
        network = [urlsplit(url) for url in self.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
        return [part.geturl() for part in network if part.hostname != HOST]


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, one line per rule with the elements it found."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_A_AA,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in result["violations"]
    ]
