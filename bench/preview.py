"""A real `mkdocs serve` of a project, for the preview measures (bench.preview_recovery, bench.preview_edit): started
on a free port of 127.0.0.1 with the benchmark's build date, asked for pages until they show what is waited for,
and stopped as Ctrl+C stops it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from bench.measure import build_environment

# Long enough for the first build of 10,000 items on a loaded machine.
FIRST_BUILD_DEADLINE = 1800.0


@dataclass(frozen=True)
class Served:
    url: str  # the base URL
    pid: int

    def cpu_seconds(self) -> float | None:
        """CPU time the serve process (every thread, no child) has used so far; None where /proc does not tell."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


@contextmanager
def serving(project: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> Iterator[Served]:
    """`mkdocs serve` of `project` with `config`, while it runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--config-file", config, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**build_environment(), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        yield Served(f"http://127.0.0.1:{port}/", server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=120)


def page(url: str) -> lxml.html.HtmlElement | None:
    """The page at `url` parsed, or None while the server does not answer with one."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return lxml.html.fromstring(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(url: str, shows: Callable[[lxml.html.HtmlElement], bool], deadline: float) -> float:
    """Seconds until the page at `url` shows what `shows` looks for (asked again every 20 ms)."""
    start = time.monotonic()
    while (found := page(url)) is None or not shows(found):
        if time.monotonic() - start > deadline:
            raise SystemExit(f"{url} did not show the change within {deadline:.0f} s")
        time.sleep(0.02)
    return time.monotonic() - start
