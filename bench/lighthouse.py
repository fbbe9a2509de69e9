"""`make lighthouse`: Lighthouse (pinned in package.json) on every page type of the built site, mobile and desktop.

The site in site/ is served with gzip on 127.0.0.1 and audited with Debian's chromium; prints a Markdown table
(four scores, LCP, CLS, TBT, transfer size) and every audit that keeps accessibility, best practices or SEO
below 100, and writes the reports to --out. Not part of `make test`: scores move with machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.serve import serve

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def page_types(site: Path) -> dict[str, str]:
    """One URL path per page type, the first item of each kind in the built site."""

    def first(folder: str, skip: tuple[str, ...] = ()) -> str:
        found = sorted(
            path.parent.relative_to(site).as_posix() + "/"
            for path in (site / folder).glob("*/index.html")
            if path.parent.name not in skip
        )
        return found[0] if found else folder + "/"

    editions = sorted(path.parent.name for path in (site / "coppig").glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]/index.html"))
    return {
        "home": "",
        "innovatietafels": "innovatietafels/",
        "tafel": first("innovatietafels"),
        "agenda": "agenda/",
        "evenement": first("agenda"),
        "catalogus": "coppyright/",
        "product": first("coppyright"),
        "nieuwsbericht": first("coppig/nieuws"),
        "abonneren": "coppig/abonneren/",
        "editie": f"coppig/{editions[-1]}/" if editions else "coppig/edities/",
    }


def audit(url: str, preset: str, out: Path) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, env=env, check=True, capture_output=True)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


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
        "transfer_bytes": audits["total-byte-weight"]["numericValue"],
        "failing": failing,
    }


def table(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    lines = [
        "| page type | preset | perf | a11y | best pr. | SEO | LCP | CLS | TBT | transfer |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, presets in results.items():
        for preset, one in presets.items():
            lines.append(
                f"| {name} | {preset} | {one['performance']} | {one['accessibility']} | {one['best-practices']} | "
                f"{one['seo']} | {one['lcp_ms'] / 1000:.1f} s | {one['cls']:.3f} | {one['tbt_ms']:.0f} ms | "
                f"{one['transfer_bytes'] / 1024:.0f} KiB |"
            )
    problems = sorted({line for presets in results.values() for one in presets.values() for line in one["failing"]})
    return "\n".join([*lines, "", "audits below 100 (a11y, best practices, SEO):", *(f"- {p}" for p in problems)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lighthouse", description="Lighthouse on every page type of site/.")
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--out", type=Path, default=REPO / "lighthouse-results")
    parser.add_argument("--presets", default="mobile,desktop")
    parser.add_argument("--pages", default="", help="page types, comma-separated (default: all)")
    arguments = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("lighthouse ontbreekt: draai `npm ci`", file=sys.stderr)
        return 2
    arguments.out.mkdir(parents=True, exist_ok=True)
    wanted = page_types(arguments.site)
    if arguments.pages:
        wanted = {name: wanted[name] for name in arguments.pages.split(",")}
    results: dict[str, dict[str, dict[str, Any]]] = {}
    with serve(arguments.site) as base:
        for name, path in wanted.items():
            for preset in arguments.presets.split(","):
                print(f"{name} ({preset}): {base}{path}", file=sys.stderr, flush=True)
                report = audit(base + path, preset, arguments.out / f"{name}-{preset}.json")
                results.setdefault(name, {})[preset] = summary(report)
    (arguments.out / "summary.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
