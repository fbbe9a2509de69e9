"""`make lighthouse`: Lighthouse (pinned in package.json) on every page type of the built site, mobile and desktop.

The site in site/ is served with gzip on 127.0.0.1 and audited with Debian's chromium; prints a Markdown table
(four scores, TBT, LCP, CLS, main-thread work and its ratio to the plain text page's in the same run, the main
thread's CPU time and its ratio, DOM size) with the load average, and every audit that keeps accessibility, best
practices or SEO below 100, and writes the reports to --out. Not part of `make test`: timings move with machine
load, the ratios to /privacy/ much less.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.serve import serve
from coplimburg.content.collections import COLLECTIONS
from coplimburg.urls import OUTPUTS_PATH, YEARS_PATH, overview_path

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The plain text page every other page's main-thread work is compared with, measured in the same run.
BASELINE = "privacy"
# The targets of issue #27: main-thread work at most this multiple of /privacy/'s in the same run, and scores.
MOST_WORK = 1.2
LEAST_PERFORMANCE = 95
# Pages of docs/ that are a page type of their own: the data and overview pages among the CoP's own pages.
OWN_PAGES = {
    BASELINE: "privacy/",
    "doelgroepen": "doelgroepen/",
    "coproductie": "coproductie/",
    "partners": "partners/",
    "opbrengsten": OUTPUTS_PATH,
    "jaaroverzichten": YEARS_PATH,
    "abonneren": "coppig/abonneren/",
    "edities": "coppig/edities/",
}


def page_types(site: Path) -> dict[str, str]:
    """One URL path per page type: the baseline first, then home, every collection's overview and first item,
    the CoP's own data pages, the year page with the most to show, the newest edition and the 404 page."""

    def pages(folder: str) -> list[Path]:
        return sorted(path.parent for path in (site / folder).glob("*/index.html"))

    def url(folder: Path) -> str:
        return folder.relative_to(site).as_posix() + "/"

    found = {BASELINE: OWN_PAGES[BASELINE], "home": ""}
    for collection in COLLECTIONS.values():
        if collection.overview:
            found[overview_path(collection.key).strip("/")] = overview_path(collection.key)
        items = pages(collection.section)
        if items:
            found[collection.name] = url(items[0])
    found.update(OWN_PAGES)
    years = pages(YEARS_PATH)
    if years:
        found["jaar"] = url(max(years, key=lambda folder: (folder / "index.html").stat().st_size))
    editions = [folder for folder in pages("coppig") if folder.name[:4].isdigit()]
    if editions:
        found["editie"] = url(editions[-1])
    # Audited as the file itself (status 200): served for a missing path with status 404, Lighthouse's SEO
    # category fails the page for that status, which is what a 404 is for.
    found["404"] = "404.html"
    return found


def audit(url: str, preset: str, out: Path, keep_trace: bool) -> dict[str, Any]:
    """Lighthouse's report on one page, with the main thread's CPU time read from its trace."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--save-assets",
        "--chrome-flags=--headless=new --no-sandbox",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, env=env, check=True, capture_output=True)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    trace = out.with_name(out.stem + "-0.trace.json")
    report["cop_cpu_ms"] = main_thread_cpu_ms(json.loads(trace.read_text(encoding="utf-8"))["traceEvents"])
    if not keep_trace:
        trace.unlink()
        out.with_name(out.stem + "-0.devtoolslog.json").unlink(missing_ok=True)
    return report


def main_thread_cpu_ms(events: list[dict[str, Any]]) -> float:
    """The CPU time of the page's main thread (the renderer thread with the most events): the thread time of its
    top-level tasks. Unlike their durations, which Lighthouse sums, it hardly grows when other processes take
    the cores."""
    names = {(event["pid"], event["tid"]) for event in events if event.get("args", {}).get("name") == "CrRendererMain"}
    counts = Counter((event.get("pid"), event.get("tid")) for event in events)
    main = max(names, key=lambda thread: counts[thread])
    tasks = sorted(
        (event for event in events if (event.get("pid"), event.get("tid")) == main and event.get("ph") == "X"),
        key=lambda event: (event["ts"], -event.get("dur", 0)),
    )
    total, ends = 0, 0
    for task in tasks:
        if task["ts"] >= ends:
            total += task.get("tdur", 0)
            ends = task["ts"] + task.get("dur", 0)
    return total / 1000


def summary(report: dict[str, Any]) -> dict[str, Any]:
    audits = report["audits"]
    failing = [
        f"{name}: {audits[ref['id']]['id']} ({audits[ref['id']].get('displayValue', '') or audits[ref['id']]['score']})"
        for name in CATEGORIES[1:]
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]
    return {
        **{name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES},
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "mainthread_ms": audits["mainthread-work-breakdown"]["numericValue"],
        "cpu_ms": report["cop_cpu_ms"],
        "dom_elements": audits["dom-size"]["numericValue"],
        "transfer_bytes": audits["total-byte-weight"]["numericValue"],
        "failing": failing,
    }


def averaged(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two audits of one page as one: the mean of each figure, the audits below 100 of either."""
    return {
        **{key: (value + second[key]) / 2 for key, value in first.items() if key != "failing"},
        "failing": sorted({*first["failing"], *second["failing"]}),
    }


def with_ratios(runs: list[dict[str, dict[str, dict[str, Any]]]]) -> None:
    """Each page's main-thread work as a multiple of the baseline's in the same round and preset."""
    for run in runs:
        for presets in run.values():
            for preset, one in presets.items():
                one["ratio"] = one["mainthread_ms"] / run[BASELINE][preset]["mainthread_ms"]
                one["cpu_ratio"] = one["cpu_ms"] / run[BASELINE][preset]["cpu_ms"]


def median(runs: list[dict[str, dict[str, dict[str, Any]]]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Per page and preset the median of every figure over the runs; the audits below 100 of any run."""
    merged: dict[str, dict[str, dict[str, Any]]] = {}
    for name, presets in runs[0].items():
        for preset, first in presets.items():
            ones = [run[name][preset] for run in runs]
            merged.setdefault(name, {})[preset] = {
                **{key: statistics.median(one[key] for one in ones) for key in first if key != "failing"},
                "failing": sorted({line for one in ones for line in one["failing"]}),
            }
    return merged


def table(results: dict[str, dict[str, dict[str, Any]]], paths: dict[str, str]) -> str:
    lines = [
        "| page | preset | perf | a11y | best pr. | SEO | TBT | LCP | CLS | main thread | × /privacy/ | CPU "
        "| × /privacy/ | DOM elements |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, presets in results.items():
        for preset, one in presets.items():
            lines.append(
                f"| {name} `/{paths[name]}` | {preset} | {one['performance']:.0f} | {one['accessibility']:.0f} | "
                f"{one['best-practices']:.0f} | {one['seo']:.0f} | {one['tbt_ms']:.0f} ms | "
                f"{one['lcp_ms'] / 1000:.1f} s | {one['cls']:.3f} | {one['mainthread_ms'] / 1000:.2f} s | "
                f"{one['ratio']:.2f} | {one['cpu_ms']:.0f} ms | {one['cpu_ratio']:.2f} | {one['dom_elements']:.0f} |"
            )
    problems = sorted({line for presets in results.values() for one in presets.values() for line in one["failing"]})
    return "\n".join(
        [
            *lines,
            "",
            "audits below 100 (a11y, best practices, SEO):",
            *(f"- {problem}" for problem in problems),
            "",
            "targets missed:",
            *(f"- {miss}" for miss in missed(results)),
        ]
    )


def missed(results: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    """Every page and preset above the main-thread work or below the scores the site aims for."""
    found = []
    for name, presets in results.items():
        for preset, one in presets.items():
            if one["ratio"] > MOST_WORK:
                found.append(
                    f"{name} ({preset}): main-thread work {one['ratio']:.2f} × /privacy/'s (at most {MOST_WORK})"
                )
            if one["performance"] < LEAST_PERFORMANCE:
                found.append(f"{name} ({preset}): performance {one['performance']:.0f} (at least {LEAST_PERFORMANCE})")
            found += [
                f"{name} ({preset}): {category} {one[category]:.0f}"
                for category in CATEGORIES[1:]
                if one[category] < 100
            ]
    return found


def comparison(before: dict[str, dict[str, dict[str, Any]]], after: dict[str, dict[str, dict[str, Any]]]) -> str:
    """Before and after side by side, for the pages and presets both runs measured."""
    lines = [
        "| page | preset | perf | TBT | LCP | main thread | × /privacy/ | CPU | × /privacy/ |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, presets in after.items():
        for preset, now in presets.items():
            then = before.get(name, {}).get(preset)
            if then is None:
                continue
            lines.append(
                f"| {name} | {preset} | {then['performance']:.0f} → {now['performance']:.0f} | "
                f"{then['tbt_ms']:.0f} → {now['tbt_ms']:.0f} ms | "
                f"{then['lcp_ms'] / 1000:.1f} → {now['lcp_ms'] / 1000:.1f} s | "
                f"{then['mainthread_ms'] / 1000:.2f} → {now['mainthread_ms'] / 1000:.2f} s | "
                f"{then['ratio']:.2f} → {now['ratio']:.2f} | {then['cpu_ms']:.0f} → {now['cpu_ms']:.0f} ms | "
                f"{then['cpu_ratio']:.2f} → {now['cpu_ratio']:.2f} |"
            )
    return "\n".join(lines)


@contextmanager
def load_noted(notes: list[str]) -> Iterator[None]:
    """The 1, 5 and 15 minute load averages before and after the run: timings move with them."""
    notes.append("load average before: " + " ".join(f"{value:.2f}" for value in os.getloadavg()))
    yield
    notes.append("load average after: " + " ".join(f"{value:.2f}" for value in os.getloadavg()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lighthouse", description="Lighthouse on every page type of site/.")
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--out", type=Path, default=REPO / "lighthouse-results")
    parser.add_argument("--presets", default="mobile,desktop")
    parser.add_argument("--pages", default="", help="page types, comma-separated (default: all; /privacy/ always)")
    parser.add_argument("--runs", type=int, default=1, help="rounds over all pages; the table gives medians")
    parser.add_argument("--before", type=Path, help="summary.json of an earlier run, to print before and after")
    parser.add_argument("--traces", action="store_true", help="keep each audit's performance trace beside it")
    arguments = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("lighthouse ontbreekt: draai `npm ci`", file=sys.stderr)
        return 2
    arguments.out.mkdir(parents=True, exist_ok=True)
    paths = page_types(arguments.site)
    if arguments.pages:
        paths = {name: paths[name] for name in [BASELINE, *arguments.pages.split(",")]}
    runs: list[dict[str, dict[str, dict[str, Any]]]] = []
    notes: list[str] = []
    with serve(arguments.site) as base, load_noted(notes):
        # The first audit after a while finds the disk and the chromium binary cold: one unrecorded audit first.
        audit(base + paths[BASELINE], "mobile", arguments.out / "warm-up.json", keep_trace=False)
        for number in range(1, arguments.runs + 1):
            # The baseline opens and closes each round: load that changes during a round moves both halves.
            order = [BASELINE, *(name for name in paths if name != BASELINE), f"{BASELINE}-2"]
            run: dict[str, dict[str, dict[str, Any]]] = {}
            for name in order:
                path = paths[name.removesuffix("-2")]
                for preset in arguments.presets.split(","):
                    print(f"{number}: {name} ({preset}): {base}{path}", file=sys.stderr, flush=True)
                    out = arguments.out / f"{name}-{preset}-{number}.json"
                    run.setdefault(name, {})[preset] = summary(audit(base + path, preset, out, arguments.traces))
            closing = run.pop(f"{BASELINE}-2")
            run[BASELINE] = {preset: averaged(one, closing[preset]) for preset, one in run[BASELINE].items()}
            runs.append(run)
    with_ratios(runs)
    results = median(runs)
    saved = {"paths": paths, "notes": notes, "runs": runs, "results": results}
    (arguments.out / "summary.json").write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
    print(table(results, paths))
    print("", f"{len(runs)} run(s), medians; " + "; ".join(notes), sep="\n")
    if arguments.before:
        before = json.loads(arguments.before.read_text(encoding="utf-8"))["results"]
        print("", "before → after:", comparison(before, results), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
