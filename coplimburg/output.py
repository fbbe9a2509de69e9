"""Writing the built site: the files that are not pages (feeds, e-mail editions), and publishing a build
into site/ in one step.

MkDocs empties site/ before it renders a single page, so a bug that fails a build half-way would leave a
half-published site. A build therefore goes into a staging folder beside site/, which replaces site/
only when the whole build succeeded. One build at a time uses the staging folder (coplimburg.site_lock)."""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# From <linux/fs.h> and <fcntl.h>: swap two paths, both of which must exist; paths relative to the working folder.
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def write_files(site_dir: Path, files: Mapping[str, bytes]) -> None:
    """Write each root-relative path under `site_dir`, creating folders; paths never leave the site."""
    root = site_dir.resolve()
    for path, data in sorted(files.items()):
        target = (root / path).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"{path}: valt buiten de site-map")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def staging_folder(site_dir: Path) -> Path:
    """The empty folder a build writes into, beside `site_dir` (so the swap is a rename on one disk)."""
    staging = site_dir.with_name(f".{site_dir.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    return staging


def replace_site(staging: Path, site_dir: Path) -> None:
    """Put the finished build in place of `site_dir`, so that `site_dir` is a complete site at every instant; the
    previous site is removed only after the swap."""
    if not os.path.lexists(site_dir):
        staging.rename(site_dir)  # one rename: atomic
        return
    if exchange(staging, site_dir):
        shutil.rmtree(staging, ignore_errors=True)  # now the previous site
        return
    # No exchange here (not Linux, or a file system without it): two renames. Between them `site_dir` does not
    # exist for an instant, and a build killed right there leaves the previous site in `.site.previous/` and no
    # `site_dir` until the next build publishes.
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing folders in one step (Linux `renameat2` with RENAME_EXCHANGE, which Python does not wrap);
    False, with nothing changed, where the system or the file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):  # kernel or file system without the exchange
        return False
    raise OSError(error, os.strerror(error), str(first), None, str(second))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28 and later
    if function is None:
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    found: Callable[..., int] = function
    return found


def discard(staging: Path) -> None:
    """Remove a failed build; `site_dir` was never touched."""
    shutil.rmtree(staging, ignore_errors=True)
