"""What `mkdocs build` leaves out of Python's cyclic garbage collector (coplimburg.heap), and that the preview,
which rebuilds in one process, never does."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sitebuild import BUILD_DATE, REPO, SAMPLE

SETTLES = """
import gc, weakref
from coplimburg import heap
class Node:
    def __init__(self): self.me = self
settled = Node()
heap.settle()
later = Node()
settled_ref, later_ref = weakref.ref(settled), weakref.ref(later)
del settled, later
gc.collect()
print(settled_ref() is not None, later_ref() is None)
"""

# The adapter's first events for the sample site, as MkDocs fires them for `command`.
FIRST_EVENTS = """
import gc, sys
from mkdocs.config import load_config
config = load_config(sys.argv[2], site_dir=sys.argv[3])
config.plugins.on_startup(command=sys.argv[1], dirty=False)
config = config.plugins.on_config(config)
print(gc.get_freeze_count() > 0)
"""


def _python(script: str, *args: str) -> str:
    # In a process of its own: what a process settles stays settled until it ends.
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={"COP_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_settled_objects_are_never_collected_and_later_ones_are():
    assert _python(SETTLES) == "True True"


@pytest.mark.parametrize(("command", "settled"), [("build", "True"), ("serve", "False")])
def test_only_mkdocs_build_settles_the_loaded_content(command, settled, tmp_path):
    assert _python(FIRST_EVENTS, command, str(SAMPLE / "mkdocs.yml"), str(tmp_path / "site")) == settled
