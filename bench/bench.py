"""`make bench`: what a build costs as the content grows, next to the floor that MkDocs with Material sets.

Per size: a synthetic project and its floor in a temporary folder, each built once to fill its caches (our first
build draws every social card), then built alternately (ours first on even runs, the floor first on odd runs) so
machine noise hits both. The floor ships search too: the same pinned Pagefind indexes the floor's site after each
of its builds ("floor with search"). Then `cop check` from an empty and a full content cache, the preview from an
edit to the page showing it, the figures, the targets of issues 6 and 25 and a profile of our own code. Nothing is
written into the repository except `--out`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]  # no stubs in our pins

import coplimburg
from bench.floor import write_floor
from bench.measure import (
    BUILD_DATE,
    BuildFailed,
    Profile,
    Run,
    build_environment,
    build_once,
    file_bytes,
    phase_build,
    profile_build,
    tree_bytes,
)
from bench.preview_edit import measure_edits
from bench.search import FIRST_QUERY, LATER_QUERY, measure_search
from bench.synthetic import EVENT_ID, PRODUCT_ID, Mix, write_project
from coplimburg.build import Build
from coplimburg.content.cache import LoadCache
from coplimburg.content.loader import load
from coplimburg.pages.cards import cached, site_cards
from coplimburg.pages.search_index import index_site
from coplimburg.settings import read_config
from coplimburg.urls import item_path

SIZES = (100, 1000, 10000)
REPO = Path(coplimburg.__file__).resolve().parent.parent
# Every figure a size reports; None only with a note that says why.
FIGURES = (
    "ours_seconds",
    "floor_seconds",
    "floor_search_seconds",
    "search_ratio",
    "ratio",
    "seconds_per_item",
    "peak_rss_bytes",
    "site_bytes",
    "event_page_bytes",
    "product_page_bytes",
    "check_seconds",
    "check_cold_seconds",
    "check_warm_seconds",
    "check_command_seconds",
    "preview_body_seconds",
    "preview_title_seconds",
    "search_index_seconds",
    "floor_pagefind_seconds",
    "pagefind_bytes",
    "first_query_bytes",
    "later_query_bytes",
)
GIGABYTE = 1024**3
SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class Verdict:
    target: str
    value: float | None
    limit: float
    met: bool | None


def measure_size(items: int, runs: int, seed: int, repo: Path, workdir: Path) -> dict[str, Any]:
    """Every figure of one size; `workdir` keeps both projects for a later profile."""
    load_before = os.getloadavg()[0]  # this machine's other work, beside every figure
    projects = {"ours": workdir / "ours", "floor": workdir / "floor"}
    write_floor(projects["floor"], repo, write_project(projects["ours"], repo, items, seed))
    # The first build of each fills its caches: ours draws every social card and reads every content file.
    shutil.rmtree(projects["ours"] / ".cache", ignore_errors=True)
    first = {name: build_once(project, workdir / f"{name}-site") for name, project in projects.items()}
    timings: dict[str, list[Run]] = {"ours": [], "floor": []}
    pagefind: list[float] = []  # Pagefind over the floor's site, after each of its builds
    for run in range(runs):
        for name in ("ours", "floor") if run % 2 == 0 else ("floor", "ours"):
            site = workdir / f"{name}-site"
            shutil.rmtree(site, ignore_errors=True)
            timings[name].append(build_once(projects[name], site))
            if name == "floor":
                start = time.perf_counter()
                index_site(site)
                pagefind.append(time.perf_counter() - start)
    rebuild = build_once(projects["ours"], workdir / "ours-site")
    cards_cold, cards_warm, cards_count = _card_seconds(projects["ours"], repo, workdir)
    phases = {}
    for name, project in projects.items():
        phases[name] = phase_build(project, workdir / f"{name}-phases-site")
        shutil.rmtree(workdir / f"{name}-phases-site")
    ours = statistics.median(run.seconds for run in timings["ours"])
    floor = statistics.median(run.seconds for run in timings["floor"])
    floor_search_all = [run.seconds + seconds for run, seconds in zip(timings["floor"], pagefind, strict=True)]
    floor_search = statistics.median(floor_search_all)
    site = workdir / "ours-site"
    checks = _check_seconds(projects["ours"], workdir / "check-cache", runs)
    edits = measure_edits(projects["ours"], projects["ours"] / "content" / "events" / f"{EVENT_ID}.md", runs, True)
    figures: dict[str, Any] = {
        "items": items,
        "mix": asdict(Mix.of(items)),
        "runs": runs,
        "load_average": [load_before, os.getloadavg()[0]],
        "ours_seconds": ours,
        "floor_seconds": floor,
        "floor_search_seconds": floor_search,
        "search_ratio": ours / floor_search,
        "ratio": ours / floor,
        "seconds_per_item": ours / items,
        "peak_rss_bytes": max(run.peak_rss for run in [first["ours"], *timings["ours"]]),
        "site_bytes": tree_bytes(site),
        "event_page_bytes": file_bytes(site / item_path("events", EVENT_ID) / "index.html"),
        "product_page_bytes": file_bytes(site / item_path("products", PRODUCT_ID) / "index.html"),
        **checks,
        "preview_body_seconds": statistics.median(edits.body_seconds),
        "preview_title_seconds": statistics.median(edits.title_seconds),
        "preview_body_seconds_all": edits.body_seconds,
        "preview_title_seconds_all": edits.title_seconds,
        "preview_body_cpu_seconds": _median(edits.body_cpu_seconds),
        "preview_title_cpu_seconds": _median(edits.title_cpu_seconds),
        "preview_phases": edits.phases,
        "floor_pagefind_seconds": statistics.median(pagefind),
        "first_build_seconds": first["ours"].seconds,
        "floor_first_build_seconds": first["floor"].seconds,
        "rebuild_seconds": rebuild.seconds,
        "cards": cards_count,
        "cards_cold_seconds": cards_cold,
        "cards_warm_seconds": cards_warm,
        "ours_phases": phases["ours"],
        "floor_phases": phases["floor"],
        "outputs_alone_seconds": _output_seconds(projects["ours"]),
        "ours_seconds_all": [run.seconds for run in timings["ours"]],
        "floor_seconds_all": [run.seconds for run in timings["floor"]],
        "floor_search_seconds_all": floor_search_all,
        "floor_peak_rss_bytes": max(run.peak_rss for run in timings["floor"]),
        "floor_site_bytes": tree_bytes(workdir / "floor-site"),
        "floor_event_page_bytes": file_bytes(workdir / "floor-site" / item_path("events", EVENT_ID) / "index.html"),
    }
    # The parts of the floor that grow with every page, whatever we do: the search index and the sitemap.
    for name in ("ours", "floor"):
        for figure, file in (("search_index_bytes", SEARCH_INDEX), ("sitemap_bytes", "sitemap.xml")):
            figures[f"{name}_{figure}"] = file_bytes(workdir / f"{name}-site" / file)
    search = measure_search(site)
    figures.update(
        search_index_seconds=search.index_seconds,
        pagefind_bytes=search.index_bytes,
        first_query_bytes=search.first_query_bytes,
        later_query_bytes=search.later_query_bytes,
    )
    figures["notes"] = [
        f"{name}: {page}index.html was not built (no item pages in this build)"
        for name, page in (
            ("event_page_bytes", item_path("events", EVENT_ID)),
            ("product_page_bytes", item_path("products", PRODUCT_ID)),
        )
        if figures[name] is None
    ] + ([search.note] if search.note else [])
    for name in ("ours-site", "floor-site"):
        shutil.rmtree(workdir / name)
    return figures


def _check_seconds(project: Path, cache: Path, runs: int) -> dict[str, float]:
    """What `cop check` spends loading the content: without a cache (as before issue 25), into an empty cache and
    from a full one (medians); and the whole command, Python's start included, from the project's full cache."""
    content, today = project / "content", dt.date.fromisoformat(BUILD_DATE)
    loads: dict[str, list[float]] = {"check_seconds": [], "check_cold_seconds": [], "check_warm_seconds": []}
    command: list[float] = []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        for figure, kept in (("check_seconds", None), ("check_cold_seconds", cache), ("check_warm_seconds", cache)):
            start = time.perf_counter()
            load(content, today, LoadCache(kept))
            loads[figure].append(time.perf_counter() - start)
        start = time.perf_counter()
        checked = subprocess.run(
            [sys.executable, "-m", "coplimburg.editors.cli", "check", "--content", "content"],
            cwd=project,
            env=build_environment(),
            capture_output=True,
            check=False,
        )
        command.append(time.perf_counter() - start)
        if checked.returncode != 0:
            raise BuildFailed(f"cop check of {project} failed:\n{checked.stderr.decode()[-4000:]}")
    shutil.rmtree(cache, ignore_errors=True)
    return {
        **{figure: statistics.median(seconds) for figure, seconds in loads.items()},
        "check_command_seconds": statistics.median(command),
    }


def _card_seconds(project: Path, repo: Path, workdir: Path) -> tuple[float, float, int]:
    """The social cards alone: drawn into an empty cache, then looked up in the full one."""
    site = load(project / "content")
    found = site_cards(site, dt.date.fromisoformat(BUILD_DATE), "CoP Limburg")
    logo = (repo / "docs" / "assets" / "images" / "cop-logo.png").read_bytes()
    folder = workdir / "card-cache"
    shutil.rmtree(folder, ignore_errors=True)
    seconds = []
    for _ in range(2):
        start = time.perf_counter()
        for card in found.values():
            cached(card, logo, folder)
        seconds.append(time.perf_counter() - start)
    shutil.rmtree(folder)
    return seconds[0], seconds[1], len(found)


def _output_seconds(project: Path) -> dict[str, float]:
    """Calendars, feeds and e-mail editions, each made alone in this process from the project's content.

    In a build they are made by the worker process while MkDocs renders the page templates. Feed items carry
    their page's HTML; here each item's Markdown is rendered by Python-Markdown alone."""
    config = read_config(project / "mkdocs.yml")
    build = Build.start(
        project, config.get("site_url", ""), config["site_name"], config.get("site_description", ""), config["extra"]
    )
    rendered = {
        entry.key: markdown.markdown(build.site.items[entry.key[0]][entry.key[1]].body)
        for entry in build.syndication.entries
    }
    work: dict[str, Callable[[], object]] = {
        "calendars": build.calendars,
        "feeds": lambda: build.syndication.feed_files(rendered),
        "e-mail editions": build.syndication.edition_files,
    }
    seconds = {}
    for kind, make in work.items():
        start = time.perf_counter()
        make()
        seconds[kind] = time.perf_counter() - start
    return seconds


def verdicts(results: list[dict[str, Any]]) -> list[Verdict]:
    """The targets of issues 6 and 25 that the measured sizes can answer; `met` is None where a figure is missing."""
    found: list[Verdict] = []
    for one in results:
        size = f"{one['items']:,} items"
        if one["items"] >= 1000:
            found.append(_verdict(f"build ≤ 1.10 × floor with search at {size}", one["search_ratio"], 1.10))
            found.append(_verdict(f"(old) build ≤ 1.10 × floor without search at {size}", one["ratio"], 1.10))
        if one["items"] == 1000:
            found.append(
                _verdict(f"cop check from the cache ≤ 0.3 s of loading at {size}", one["check_warm_seconds"], 0.3)
            )
            for figure, what in (("preview_body_seconds", "a new sentence"), ("preview_title_seconds", "a new title")):
                found.append(_verdict(f"preview: {what} shown ≤ 2 s after saving at {size}", one[figure], 2.0))
        found.append(
            _verdict(f"content check ≤ 5 % of the build at {size}", one["check_seconds"] / one["ours_seconds"], 0.05)
        )
        if one["items"] >= 10000:
            for figure, limit in (("first_query_bytes", 300), ("later_query_bytes", 50)):
                kilobytes = None if one[figure] is None else one[figure] / 1000
                found.append(
                    _verdict(f"search {figure.removesuffix('_bytes')} ≤ {limit} KB at {size}", kilobytes, limit)
                )
            found.append(_verdict(f"peak memory ≤ 1.5 GB at {size} (GB)", one["peak_rss_bytes"] / GIGABYTE, 1.5))
    by_size = {one["items"]: one for one in results}
    largest = max(by_size, default=0)
    if 1000 in by_size and largest > 1000:
        growth = by_size[largest]["seconds_per_item"] / by_size[1000]["seconds_per_item"]
        found.append(_verdict(f"seconds per item at {largest:,} ≤ 1.10 × at 1,000", growth, 1.10))
    smallest = min(by_size, default=0)
    if largest > smallest:
        for page in ("event_page_bytes", "product_page_bytes"):
            low, high = by_size[smallest][page], by_size[largest][page]
            change = abs(high / low - 1) if low and high else None
            found.append(_verdict(f"{page} from {smallest:,} to {largest:,} items changes ≤ 5 %", change, 0.05))
    return found


def _verdict(target: str, value: float | None, limit: float) -> Verdict:
    return Verdict(target, value, limit, None if value is None else value <= limit)


def report(results: list[dict[str, Any]], targets: list[Verdict], profile: Profile | None) -> str:
    lines: list[str] = []
    for one in results:
        mix = one["mix"]
        lines += [
            f"== {one['items']:,} items ({mix['tables']} tables, {mix['events']} events, {mix['products']} products, "
            f"{mix['posts']} posts; {mix['extra_partners']} extra partners), median of {one['runs']} run(s); "
            f"load average {one['load_average'][0]:.1f} before, {one['load_average'][1]:.1f} after ==",
            _row("our build", f"{one['ours_seconds']:.2f} s", _seconds(one["ours_seconds_all"])),
            _row("floor (MkDocs + Material)", f"{one['floor_seconds']:.2f} s", _seconds(one["floor_seconds_all"])),
            _row(
                "floor with search",
                f"{one['floor_search_seconds']:.2f} s",
                _seconds(one["floor_search_seconds_all"]) + f"; its Pagefind {one['floor_pagefind_seconds']:.2f} s",
            ),
            _row("ratio to floor with search", f"{one['search_ratio']:.2f}"),
            _row("ratio to floor (old)", f"{one['ratio']:.2f}"),
            _row("seconds per item", f"{one['seconds_per_item'] * 1000:.2f} ms"),
            _row(
                "peak memory (RSS)",
                _megabytes(one["peak_rss_bytes"]),
                f"floor {_megabytes(one['floor_peak_rss_bytes'])}",
            ),
            _row("site", _megabytes(one["site_bytes"]), f"floor {_megabytes(one['floor_site_bytes'])}"),
            _row("event page", _bytes(one["event_page_bytes"]), f"floor {_bytes(one['floor_event_page_bytes'])}"),
            _row("product page", _bytes(one["product_page_bytes"])),
            _row("lunr search_index.json", _bytes(one["floor_search_index_bytes"]), "floor; ours has none"),
            _row("search: indexing", f"{one['search_index_seconds']:.2f} s", "Pagefind, on its own"),
            _row("search: index on disk", _bytes(one["pagefind_bytes"]), "pagefind/, library included"),
            _row(
                "search: first query",
                _bytes(one["first_query_bytes"]),
                f"{FIRST_QUERY!r}; lunr downloaded {_bytes(one['floor_search_index_bytes'])}",
            ),
            _row("search: later query", _bytes(one["later_query_bytes"]), f"{LATER_QUERY!r}"),
            _row("sitemap", _bytes(one["ours_sitemap_bytes"]), f"floor {_bytes(one['floor_sitemap_bytes'])}"),
            _row(
                "content check alone",
                f"{one['check_seconds']:.2f} s",
                f"{one['check_seconds'] / one['ours_seconds']:.1%} of the build; no content cache",
            ),
            _row(
                "cop check: loading",
                f"{one['check_warm_seconds']:.2f} s",
                f"from the cache; {one['check_cold_seconds']:.2f} s into an empty cache",
            ),
            _row("cop check: command", f"{one['check_command_seconds']:.2f} s", "whole process, from the cache"),
            _row(
                "preview: edit → page",
                f"{one['preview_body_seconds']:.2f} s",
                "new sentence, its page; " + _seconds(one["preview_body_seconds_all"]) + _cpu(one, "body"),
            ),
            _row(
                "preview: title → lists",
                f"{one['preview_title_seconds']:.2f} s",
                "new title, its page and its year page; "
                + _seconds(one["preview_title_seconds_all"])
                + _cpu(one, "title"),
            ),
            _row(
                "first build / rebuild",
                f"{one['first_build_seconds']:.2f} s",
                f"caches empty (cards drawn); rebuild {one['rebuild_seconds']:.2f} s; "
                f"floor's first {one['floor_first_build_seconds']:.2f} s",
            ),
            _row(
                f"cards ({one['cards']:,})",
                f"{one['cards_cold_seconds']:.2f} s",
                f"drawn into an empty cache; {one['cards_warm_seconds']:.2f} s found in the cache",
            ),
            "  time per output kind:",
            _row(
                "  pages",
                f"{_pages_seconds(one['ours_phases']):.2f} s",
                f"Markdown and page templates; floor {_pages_seconds(one['floor_phases']):.2f} s",
            ),
            *(
                _row(f"  {kind}", f"{seconds:.2f} s", "alone; in a build on the worker while templates render")
                for kind, seconds in one["outputs_alone_seconds"].items()
            ),
            _row("  search index", f"{one['search_index_seconds']:.2f} s", "Pagefind alone, after the pages"),
            "  build phases (one build each; ours / floor):",
            *(
                _row(f"  {phase}", f"{seconds:.2f} s", f"floor {one['floor_phases'].get(phase, 0.0):.2f} s")
                for phase, seconds in one["ours_phases"].items()
            ),
            "  preview rebuild phases (the last title edit under mkdocs serve):",
            *(_row(f"  {phase}", f"{seconds:.2f} s") for phase, seconds in one["preview_phases"].items()),
            *(f"  note: {note}" for note in one["notes"]),
            "",
        ]
    lines.append("== targets ==")
    for verdict in targets:
        mark = {True: "met", False: "MISSED", None: "unknown"}[verdict.met]
        value = "—" if verdict.value is None else f"{verdict.value:.3f}"
        lines.append(f"  {mark:8} {verdict.target}: {value} (limit {verdict.limit})")
    if profile is not None:
        lines += ["", f"== profile: our code, by cumulative time (whole build {profile.total_seconds:.2f} s) =="]
        lines += [
            f"  {entry.cumulative_seconds:8.3f} s cum {entry.own_seconds:8.3f} s own {entry.calls:>9}  {entry.function}"
            for entry in profile.entries
        ]
    return "\n".join(lines)


def _pages_seconds(phases: dict[str, float]) -> float:
    return sum(seconds for phase, seconds in phases.items() if phase.startswith(("Markdown", "page templates")))


def _cpu(one: dict[str, Any], edit: str) -> str:
    cpu = one[f"preview_{edit}_cpu_seconds"]
    return "" if cpu is None else f"; serve's CPU {cpu:.2f} s"


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _row(label: str, value: str, extra: str = "") -> str:
    return f"  {label:28}{value:>12}  {extra}".rstrip()


def _seconds(values: list[float]) -> str:
    return "runs: " + ", ".join(f"{value:.2f}" for value in values)


def _megabytes(value: int) -> str:
    return f"{value / 1024**2:.1f} MB"


def _bytes(value: int | None) -> str:
    return "missing" if value is None else f"{value:,} B"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description="Build cost as the content grows, next to the floor.")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="item counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="builds per size and project (median)")
    parser.add_argument("--profile", type=int, default=1000, help="profile one build at this size (0: none)")
    parser.add_argument("--top", type=int, default=20, help="profile entries to show")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=Path("bench-results/results.json"))
    parser.add_argument("--repo", type=Path, default=REPO, help="project whose docs, theme and hooks are measured")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and print where")
    arguments = parser.parse_args(argv)
    sizes = [int(size) for size in arguments.sizes.split(",")]
    top = Path(tempfile.mkdtemp(prefix="cop-bench-"))
    try:
        results = []
        for items in sizes:
            print(f"measuring {items:,} items …", file=sys.stderr, flush=True)
            results.append(measure_size(items, arguments.runs, arguments.seed, arguments.repo, top / str(items)))
        profile = None
        if arguments.profile:
            print(f"profiling {arguments.profile:,} items …", file=sys.stderr, flush=True)
            profile = _profile(
                arguments.profile, arguments.seed, arguments.repo, top / str(arguments.profile), arguments.top
            )
    except BuildFailed as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if arguments.keep:
            print(f"projects kept in {top}", file=sys.stderr)
        else:
            shutil.rmtree(top, ignore_errors=True)
    targets = verdicts(results)
    print(report(results, targets, profile))
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "settings": _settings(sizes, arguments.runs, arguments.seed),
        "sizes": results,
        "targets": [asdict(verdict) for verdict in targets],
        "profile": asdict(profile) if profile else None,
    }
    arguments.out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nresults written to {arguments.out}")
    return 0


def _profile(items: int, seed: int, repo: Path, workdir: Path, top: int) -> Profile:
    project = workdir / "ours"
    if not project.is_dir():
        write_project(project, repo, items, seed)
    site = workdir / "profile-site"
    own = [Path(coplimburg.__file__).parent, project / "coplimburg", project / "hooks"]
    return profile_build(project, site, own, top)


def _settings(sizes: list[int], runs: int, seed: int) -> dict[str, Any]:
    return {
        "sizes": sizes,
        "runs": runs,
        "seed": seed,
        "build_date": BUILD_DATE,
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }


if __name__ == "__main__":
    sys.exit(main())
