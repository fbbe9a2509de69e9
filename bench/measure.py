"""Measuring one MkDocs build: wall time and peak memory in a fresh wrapper process, sizes on disk, a profile.

`python -m bench.measure DIR -- COMMAND…` runs COMMAND in DIR as its only child and prints the
child's seconds and peak RSS as JSON. The peak of RUSAGE_CHILDREN is a maximum over every child a
process ever had, so each build gets its own wrapper to keep the figure about that build alone.
"""

from __future__ import annotations

import json
import os
import pstats
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BUILD_DATE = "2026-11-28"


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int


@dataclass(frozen=True)
class ProfileEntry:
    function: str
    calls: str
    own_seconds: float
    cumulative_seconds: float


@dataclass(frozen=True)
class Profile:
    total_seconds: float
    entries: list[ProfileEntry]


def build_environment() -> dict[str, str]:
    """The environment of every benchmark build: the build date pinned, as the tests pin it."""
    return {**os.environ, "COP_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]


def build_once(project: Path, site_dir: Path) -> Run:
    """Build `project` into an empty `site_dir` through a fresh wrapper process."""
    command = [sys.executable, "-m", "bench.measure", str(project), "--", *mkdocs_build(site_dir)]
    result = subprocess.run(command, env=build_environment(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildFailed(f"build of {project} failed:\n{result.stderr[-4000:]}")
    figures = json.loads(result.stdout)
    return Run(seconds=figures["seconds"], peak_rss=figures["peak_rss"])


def phase_build(project: Path, site_dir: Path) -> dict[str, float]:
    """Build `project` once with bench.phase_hook added: seconds per build phase, and the whole run."""
    from bench.floor import phase_config  # bench.floor imports the package; the wrapper process must not

    config = phase_config(project, Path(__file__).with_name("phase_hook.py"))
    phases = site_dir.parent / f"{site_dir.name}-phases.json"
    command = [*mkdocs_build(site_dir), "--config-file", str(config)]
    start = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=project,
        env={**build_environment(), "COP_BENCH_PHASES": str(phases)},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise BuildFailed(f"timed build of {project} failed:\n{result.stderr[-4000:]}")
    found: dict[str, float] = json.loads(phases.read_text(encoding="utf-8"))
    config.unlink()
    phases.unlink()
    # Python, MkDocs and every plugin and hook loaded before on_config, and the exit after on_shutdown.
    return {"start and exit": seconds - sum(found.values()), **found}


def tree_bytes(folder: Path) -> int:
    return sum(file.stat().st_size for file in folder.rglob("*") if file.is_file())


def file_bytes(file: Path) -> int | None:
    return file.stat().st_size if file.is_file() else None


def profile_build(project: Path, site_dir: Path, own: list[Path], top: int) -> Profile:
    """Build once under cProfile; the `top` functions from files under `own`, by cumulative time."""
    output = site_dir.parent / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(output), *mkdocs_build(site_dir)[1:]]
    result = subprocess.run(command, cwd=project, env=build_environment(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildFailed(f"profiled build of {project} failed:\n{result.stderr[-4000:]}")
    stats = pstats.Stats(str(output))
    # typeshed does not declare the table: (file, line, name) → (primitive calls, calls, own, cumulative, callers).
    table: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = stats.__dict__["stats"]
    # Not resolved: a profile names files by the path they were imported through.
    roots = [str(folder) + os.sep for folder in own]
    entries = []
    for (file_name, line, name), (primitive, calls, own_seconds, cumulative, _) in table.items():
        root = next((root for root in roots if file_name.startswith(root)), None)
        if root is not None:
            where = f"{Path(root).name}/{file_name.removeprefix(root)}:{line}({name})"
            shown_calls = str(calls) if calls == primitive else f"{calls}/{primitive}"
            entries.append(ProfileEntry(where, shown_calls, own_seconds, cumulative))
    entries.sort(key=lambda entry: (-entry.cumulative_seconds, entry.function))
    return Profile(total_seconds=float(stats.__dict__["total_tt"]), entries=entries[:top])


def _wrap(argv: list[str]) -> int:
    folder, separator, *command = argv
    if separator != "--" or not command:
        print("usage: python -m bench.measure DIR -- COMMAND…", file=sys.stderr)
        return 2
    start = time.perf_counter()
    # The build's log goes to our stderr; our stdout carries only the figures.
    returncode = subprocess.run(command, cwd=folder, stdout=sys.stderr, check=False).returncode
    seconds = time.perf_counter() - start
    # Linux reports ru_maxrss in KiB.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "peak_rss": peak}))
    return returncode


if __name__ == "__main__":
    sys.exit(_wrap(sys.argv[1:]))
