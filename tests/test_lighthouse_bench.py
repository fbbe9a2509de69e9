"""`make lighthouse`: it audits every page type the built site has, compares each page with /privacy/ measured in
the same run, and reads the main thread's CPU time from the trace (tests/test_bench.py covers the build benchmark)."""

from __future__ import annotations

from typing import Any

from bench.lighthouse import BASELINE, averaged, main_thread_cpu_ms, median, missed, page_types, with_ratios
from coplimburg.content.collections import COLLECTIONS
from coplimburg.urls import overview_path


def test_every_page_type_of_the_built_site_is_audited_and_each_exists(built_site):
    paths = page_types(built_site)
    assert next(iter(paths)) == BASELINE
    for collection in COLLECTIONS.values():
        assert collection.name in paths, f"no item page of {collection.key}"
        if collection.overview:
            assert overview_path(collection.key) in paths.values()
    for name in ("home", "doelgroepen", "coproductie", "partners", "opbrengsten", "jaaroverzichten", "jaar"):
        assert name in paths
    assert {"abonneren", "edities", "editie", "404"} <= set(paths)
    for path in paths.values():
        assert (built_site / path).is_file() or (built_site / path / "index.html").is_file(), path


def test_the_year_page_audited_is_the_one_with_the_most_to_show(built_site):
    years = sorted((built_site / "jaaroverzicht").glob("*/index.html"), key=lambda page: page.stat().st_size)
    assert page_types(built_site)["jaar"] == f"jaaroverzicht/{years[-1].parent.name}/"


def figures(mainthread_ms: float, cpu_ms: float, performance: int = 100) -> dict[str, Any]:
    scores = {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": 100}
    return {**scores, "mainthread_ms": mainthread_ms, "cpu_ms": cpu_ms, "failing": []}


def test_each_page_is_compared_with_privacy_in_its_own_run_and_the_runs_give_medians():
    runs = [
        {BASELINE: {"mobile": figures(1000, 100)}, "opbrengsten": {"mobile": figures(1100, 130)}},
        {BASELINE: {"mobile": figures(2000, 120)}, "opbrengsten": {"mobile": figures(2600, 120)}},
        {BASELINE: {"mobile": figures(1500, 100)}, "opbrengsten": {"mobile": figures(1500, 100)}},
    ]
    with_ratios(runs)
    merged = median(runs)["opbrengsten"]["mobile"]
    assert merged["ratio"] == 1.1 and merged["cpu_ratio"] == 1.0
    assert merged["mainthread_ms"] == 1500
    assert missed(median(runs)) == []


def test_the_baseline_audited_at_both_ends_of_a_round_counts_as_the_mean_of_the_two():
    opening, closing = figures(1000, 100, performance=96), figures(1400, 140, performance=92)
    closing["failing"] = ["seo: robots-txt (0)"]
    assert averaged(opening, closing) == {**figures(1200, 120, performance=94), "failing": ["seo: robots-txt (0)"]}


def test_a_page_above_the_targets_is_named():
    runs = [{BASELINE: {"mobile": figures(1000, 100)}, "jaar": {"mobile": figures(1300, 150, performance=93)}}]
    with_ratios(runs)
    assert missed(median(runs)) == [
        "jaar (mobile): main-thread work 1.30 × /privacy/'s (at most 1.2)",
        "jaar (mobile): performance 93 (at least 95)",
    ]


def task(thread: int, start: int, duration: int, cpu: int, name: str = "RunTask") -> dict[str, Any]:
    return {"pid": 1, "tid": thread, "ph": "X", "name": name, "ts": start, "dur": duration, "tdur": cpu}


def test_the_cpu_time_is_that_of_the_busiest_renderer_main_thread_s_top_level_tasks():
    events = [
        {"pid": 1, "tid": 7, "ph": "M", "name": "thread_name", "args": {"name": "CrRendererMain"}},
        {"pid": 2, "tid": 9, "ph": "M", "name": "thread_name", "args": {"name": "CrRendererMain"}},
        {"pid": 1, "tid": 8, "ph": "M", "name": "thread_name", "args": {"name": "Compositor"}},
        task(7, 0, 50_000, 20_000),
        task(7, 1_000, 30_000, 15_000, "EvaluateScript"),  # inside the first task: counted with it
        task(7, 60_000, 10_000, 4_000),
        task(8, 0, 90_000, 90_000),  # another thread
        {**task(9, 0, 5_000, 5_000), "pid": 2},  # a renderer with fewer events
    ]
    assert main_thread_cpu_ms(events) == 24.0
