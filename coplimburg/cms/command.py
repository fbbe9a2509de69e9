"""`cop cms`: the browser editor's configuration as the build writes it (for review), and `cop cms --start` (what
`make cms` runs): the editor on this computer."""

from __future__ import annotations

import sys
from pathlib import Path

from coplimburg.cms.config import cms_config, read_vocabularies, render
from coplimburg.cms.local import Project, run
from coplimburg.problems import ContentError
from coplimburg.settings import CONFIG_FILE


def show(root: Path) -> int:
    """Print /admin/config.yml of the project in `root`."""
    try:
        project = Project.read(root)
        vocabularies = read_vocabularies(root / project.settings.content_dir)
    except (ContentError, ValueError, OSError) as error:
        print(_where(root, error), file=sys.stderr)
        return 1
    settings = project.settings
    print(render(cms_config(vocabularies, settings.cms, settings.content_dir, project.docs_dir)), end="")
    return 0


def start(root: Path, preview: str) -> int:
    """Run the editor on this computer until Ctrl-C, the preview at `preview` (host:port)."""
    try:
        return run(root, preview)
    except (ContentError, ValueError, OSError) as error:
        print(_where(root, error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C while the servers were still starting; both are stopped by now
        print("De redactie is gestopt.")
        return 0


def _where(root: Path, error: Exception) -> str:
    if isinstance(error, FileNotFoundError) and not (root / CONFIG_FILE).is_file():
        return f"{CONFIG_FILE} niet gevonden: start cop cms in de map van de site"
    return str(error)
