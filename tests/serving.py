"""`mkdocs serve` of a project copy for the preview tests: started on a free port of 127.0.0.1, its terminal output
collected, its pages fetched and parsed, waited for until a condition holds, stopped with Ctrl+C."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import lxml.html
from sitebuild import BUILD_DATE

DEADLINE = 60.0
PROBLEMS = "//ul[@class='cop-problems']"


class Preview:
    """`mkdocs serve` on 127.0.0.1 in a project copy, with its terminal output collected line by line."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {**os.environ, "COP_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # A job started in the background inherits an ignored SIGINT; give serve back its Ctrl+C.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        self.output: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))

    def stop(self) -> None:
        """Ctrl+C, so serve shuts down and cleans up as for an editor."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def page(self, path: str = "") -> lxml.html.HtmlElement | None:
        """The page, or None while the preview cannot answer (starting, or too busy rebuilding to answer in time)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=5) as response:
                return lxml.html.fromstring(response.read())
        except (OSError, http.client.HTTPException):  # URLError, refused, reset, timed out, cut short
            return None

    def request(self, path: str, host: str, timeout: float = 30) -> tuple[int, bytes]:
        """GET `path` from the preview on 127.0.0.1 with the `Host` header a browser would send for `host`."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers={"Host": host})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        """Poll until the condition holds; fail with the terminal output after the deadline."""
        end = time.monotonic() + DEADLINE
        while not condition():
            assert self.process.poll() is None, "serve stopped:\n" + "\n".join(self.output)
            assert time.monotonic() < end, f"no {what} within {DEADLINE} s:\n" + "\n".join(self.output)
            time.sleep(0.2)

    def shows_problems(self) -> bool:
        page = self.page()
        return page is not None and bool(page.xpath(PROBLEMS))

    def shows_site(self) -> bool:
        page = self.page()
        return page is not None and not page.xpath(PROBLEMS) and bool(page.xpath("//h1"))

    def problems_on_page(self) -> list[str]:
        page = self.page()
        assert page is not None
        return [item.text_content() for item in page.xpath(PROBLEMS + "/li")]
