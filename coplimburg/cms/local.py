"""The browser editor on this computer (`make cms`): the preview (`mkdocs serve` on 127.0.0.1:8000, which serves
/admin/) and decap-server in git mode on 127.0.0.1, which turns every save of the editor into a commit.

decap-server commits with `git add .` (the whole working tree) and without the pre-commit hooks. So it starts only
while the content and docs folders hold no uncommitted changes and the published branch is checked out, and a git
shim first on its PATH (git/git beside this module) turns its `git add .` into `git add --all -- content docs`: a
commit of the editor holds what the editor wrote there and nothing else. It listens on 127.0.0.1 only: it has no
login, so nobody else may reach it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from coplimburg.cms.bundle import NODE_MODULES
from coplimburg.content.cache import FOLDER
from coplimburg.content.publication import SHOW_VARIABLE
from coplimburg.settings import CONFIG_FILE, Settings, read_config, read_settings

SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
SHIM = Path(__file__).parent / "git"
HOST = "127.0.0.1"
PREVIEW = f"{HOST}:8000"
STARTUP_SECONDS = 30.0


class CannotStart(Exception):
    """Why the local editor does not start, in Dutch."""


@dataclass(frozen=True)
class Project:
    """The repository the editor commits in, with the folders it may write."""

    root: Path
    settings: Settings
    docs_dir: str

    @classmethod
    def read(cls, root: Path) -> Project:
        config = read_config(root / CONFIG_FILE)
        extra = config.get("extra")
        settings = read_settings(extra if isinstance(extra, dict) else {}, root / CONFIG_FILE, config.get("site_url"))
        return cls(root, settings, str(config.get("docs_dir") or "docs"))

    @property
    def folders(self) -> list[str]:
        return [self.settings.content_dir, self.docs_dir]


def refusal(project: Project) -> str | None:
    """Why decap-server may not commit in this repository now (Dutch), or None."""
    root = project.root
    if shutil.which("git") is None:
        return "git ontbreekt op deze computer; installeer git"
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return f"{root.as_posix()} is geen git-repository; make cms bewaart elke wijziging als commit in git"
    branch = _git(root, "branch", "--show-current").stdout.strip()
    wanted = project.settings.cms.branch
    if branch != wanted:
        return (
            f"make cms werkt op de tak {wanted}, en deze map staat op {branch or 'geen tak'}: ga eerst terug "
            f"(git switch {wanted})"
        )
    changed = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *project.folders).stdout.splitlines()
    if changed:
        listed = "\n".join(f"  {line}" for line in changed[:20])
        more = f"\n  … en nog {len(changed) - 20}" if len(changed) > 20 else ""
        return (
            f"{' en '.join(f'{one}/' for one in project.folders)} bevatten wijzigingen die nog niet in git staan; "
            "de redactie zou ze in de commit van je eerste opslag meenemen. Zet ze eerst in git (commit) of maak "
            f"ze ongedaan, en start dan opnieuw:\n{listed}{more}"
        )
    return None


def server_environment(project: Project) -> dict[str, str]:
    """decap-server's settings: git mode on 127.0.0.1 in this repository, with the shim first on PATH."""
    return {
        **os.environ,
        "PATH": f"{SHIM}{os.pathsep}{os.environ.get('PATH', '')}",
        "MODE": "git",
        "GIT_REPO_DIRECTORY": str(project.root.resolve()),
        "PORT": str(project.settings.cms.local_port),
        "BIND_HOST": HOST,
        "COP_CMS_CONTENT": project.settings.content_dir,
        "COP_CMS_DOCS": project.docs_dir,
    }


@contextmanager
def decap_server(project: Project, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """decap-server running for this repository until the block ends; its output goes to `log`. Raises CannotStart
    when it does not listen within STARTUP_SECONDS."""
    node = shutil.which("node")
    if node is None or not SERVER.is_file():
        raise CannotStart("decap-server ontbreekt: draai `make build` (dat installeert het met npm)")
    port = project.settings.cms.local_port
    # decap-server reads a .env file in its working folder: it starts in an empty one.
    with tempfile.TemporaryDirectory(prefix="cop-decap-") as folder, log.open("wb") as output:
        process = subprocess.Popen(
            [node, str(SERVER)],
            cwd=folder,
            env=server_environment(project),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_for_port(process, port, log)
            yield process
        finally:
            stop(process, signal.SIGTERM)


def _wait_for_port(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CannotStart(
                f"decap-server is gestopt voordat het klaar was (poort {port} al in gebruik?):\n"
                + log.read_text(encoding="utf-8", errors="replace")[-2000:]
            )
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise CannotStart(f"decap-server luistert na {STARTUP_SECONDS:.0f} seconden nog niet op {HOST}:{port}")


def stop(process: subprocess.Popen[bytes], how: signal.Signals) -> None:
    """Ask a child to stop, and make it stop if it does not within ten seconds."""
    if process.poll() is None:
        process.send_signal(how)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run(root: Path, preview: str = PREVIEW) -> int:
    """`make cms`: both servers until Ctrl-C (or until one of them stops); the preview at `preview` (host:port)."""
    project = Project.read(root)
    if reason := refusal(project):
        print(f"De redactie start niet: {reason}", file=sys.stderr)
        return 1
    log = root / FOLDER / "decap-server.log"
    log.parent.mkdir(exist_ok=True)
    try:
        with decap_server(project, log) as server:
            # The preview shows scheduled items too, as `make serve` does.
            serving = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", preview],
                cwd=root,
                env={**os.environ, SHOW_VARIABLE: "1"},
                start_new_session=True,
            )
            print(_WELCOME.format(preview=preview, folders=" en ".join(f"{one}/" for one in project.folders)))
            try:
                while server.poll() is None and serving.poll() is None:
                    time.sleep(0.5)
            except KeyboardInterrupt:
                pass
            finally:
                stop(serving, signal.SIGINT)  # MkDocs stops cleanly on Ctrl-C, not on SIGTERM
    except CannotStart as error:
        print(f"De redactie start niet: {error}", file=sys.stderr)
        return 1
    print("De redactie is gestopt.")
    return 0


_WELCOME = """
De redactie draait op deze computer: open http://{preview}/admin/ en klik op Inloggen.
Elke opslag wordt een commit in git, op een eigen tak (cms/…); Publiceren voegt die samen met de hoofdtak.
In de commits komen alleen wijzigingen in {folders}. Zet ze daarna online met git push.
Stoppen: Ctrl-C.
"""


def _git(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False)
