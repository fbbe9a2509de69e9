"""The build benchmark: valid synthetic content, a floor without our code, and a tiny run that reports every figure."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from sitebuild import REPO

from bench.bench import FIGURES, main
from bench.floor import floor_config, write_floor
from bench.synthetic import Mix, write_project
from coplimburg.content.loader import load
from coplimburg.urls import item_source


def test_synthetic_content_passes_the_content_check_with_the_planned_mix(tmp_path):
    write_project(tmp_path / "project", REPO, 300)
    site = load(tmp_path / "project" / "content")
    mix = Mix.of(300)
    assert (len(site.tables), len(site.events), len(site.products), len(site.posts)) == (
        mix.tables,
        mix.events,
        mix.products,
        mix.posts,
    )
    assert mix.tables + mix.events + mix.products + mix.posts == 300
    assert len(site.partners) == len(load(REPO / "content").partners) + mix.extra_partners


def test_synthetic_content_cross_references_tables_products_and_partners(tmp_path):
    write_project(tmp_path / "project", REPO, 300)
    links = load(tmp_path / "project" / "content").links
    assert links.events_by_table and links.products_by_table and links.events_by_product
    assert links.events_by_partner and links.products_by_partner and links.tables_by_partner


def test_the_same_seed_writes_the_same_content_and_the_first_event_does_not_depend_on_the_size(tmp_path):
    for name, items in (("a", 100), ("b", 100), ("c", 1000)):
        write_project(tmp_path / name, REPO, items, seed=7)
    files = sorted(path.relative_to(tmp_path / "a") for path in (tmp_path / "a" / "content").rglob("*.md"))
    assert all((tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes() for file in files)
    first = [
        yaml.safe_load((tmp_path / name / "content/events/evenement-00001.md").read_text().split("---")[1])
        for name in ("a", "c")
    ]
    assert first[0]["title"] == first[1]["title"] and len(first[0]["tables"]) == len(first[1]["tables"])


def test_the_floor_keeps_the_theme_and_nav_but_none_of_our_hooks_overrides_or_settings(tmp_path):
    items = write_project(tmp_path / "project", REPO, 30)
    write_floor(tmp_path / "floor", REPO, items)
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text())
    floor = yaml.safe_load((tmp_path / "floor" / "mkdocs.yml").read_text())
    assert floor == floor_config(ours)
    assert "hooks" not in floor and "custom_dir" not in floor["theme"] and "cop" not in floor.get("extra", {})
    assert floor["theme"]["language"] == "nl"  # Material's own: ours (nl-cop) lives in the overrides
    assert floor["nav"] == ours["nav"] and floor["markdown_extensions"] == ours["markdown_extensions"]
    docs = tmp_path / "floor" / "docs"
    assert all((docs / item_source(item.collection, item.id)).is_file() for item in items)
    # The sections our nav names are plain overview pages in the floor.
    assert (docs / "agenda" / "index.md").is_file() and (docs / "coppig" / "abonneren.md").is_file()


def test_a_tiny_benchmark_run_completes_and_reports_every_figure(tmp_path, capsys):
    out = tmp_path / "results.json"
    assert main(["--sizes", "30", "--runs", "1", "--profile", "30", "--out", str(out)]) == 0
    results = json.loads(out.read_text())
    (size,) = results["sizes"]
    missing = [figure for figure in FIGURES if size[figure] is None]
    # A figure may be missing only with a note that names it (item pages before they exist).
    assert all(any(note.startswith(f"{figure}:") for note in size["notes"]) for figure in missing)
    assert all(size[figure] > 0 for figure in FIGURES if figure not in missing)
    assert results["targets"] and results["profile"]["entries"]
    assert any(entry["function"].startswith("hooks/") for entry in results["profile"]["entries"])
    # Every phase of a build is timed, ours and the floor's, and every output kind on its own.
    for name in ("ours_phases", "floor_phases"):
        assert len(size[name]) == 6 and all(seconds > 0 for seconds in size[name].values())
    assert set(size["outputs_alone_seconds"]) == {"calendars", "feeds", "e-mail editions"}
    # The floor ships search too: its Pagefind run counts, and both ratios are reported.
    assert size["floor_search_seconds"] == size["floor_seconds"] + size["floor_pagefind_seconds"]
    assert size["search_ratio"] == size["ours_seconds"] / size["floor_search_seconds"] < size["ratio"]
    # The preview was timed from saving an edit to the page showing it, with the phases of its last rebuild.
    assert list(size["preview_phases"]) == list(size["ours_phases"])[1:]
    assert len(size["preview_body_seconds_all"]) == len(size["preview_title_seconds_all"]) == 1
    assert size["preview_body_cpu_seconds"] > 0 and size["preview_title_cpu_seconds"] > 0
    assert len(size["load_average"]) == 2
    printed = capsys.readouterr().out
    assert "== 30 items" in printed and "time per output kind:" in printed
    assert "floor with search" in printed and "preview: edit → page" in printed and "cop check: loading" in printed


def test_no_synthetic_item_is_scheduled_after_the_benchmark_build_date(tmp_path):
    from bench.measure import BUILD_DATE
    from coplimburg.content.publication import scheduled

    write_project(tmp_path, REPO, 300)
    site = load(tmp_path / "content")
    assert scheduled(site, dt.date.fromisoformat(BUILD_DATE)) == []
