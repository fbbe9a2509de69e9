"""Year pages and /opbrengsten/: the numbers they show (headline figures, chart tables) are those of the
content, counted here independently from a small purpose-made content tree; the archive keeps every past
session; events and the posts looking back on them link both ways; the charts are accessible SVG."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from pages import content, link_labels, page, text, texts
from sitebuild import BUILD_DATE, REPO, SAMPLE, build_site

from bench.synthetic import copy_parts

TODAY = dt.date.fromisoformat(BUILD_DATE)
SITE = SAMPLE / "content" / "site"


def vocabulary() -> dict[str, Any]:
    found: dict[str, Any] = yaml.safe_load((SITE / "vocabularies.yml").read_text(encoding="utf-8"))
    return found


VOCABULARY = vocabulary()
KIND_A, KIND_B = list(VOCABULARY["event_kinds"])[:2]
TYPE_A, TYPE_B = list(VOCABULARY["types"])[:2]
AUDIENCE_A, AUDIENCE_B, AUDIENCE_C = list(VOCABULARY["audiences"])[:3]
PARTNER = yaml.safe_load((SITE / "partners.yml").read_text(encoding="utf-8"))["partners"][0]["id"]
LICENSE = next(iter(VOCABULARY["licenses"]))


def table(code: str) -> str:
    return f"""---
code: "{code}"
title: Tafel {code} van de test
theme: Een thema.
lead:
  role: Trekker
  organisation: {PARTNER}
members: [{PARTNER}]
cadence: Elke 8 weken
status: actief
---
Tekst.
"""


def event(title: str, kind: str, start: str, end: str, tables: str, extra: str = "") -> str:
    return f"""---
title: {title}
summary: Een samenvatting.
kind: {kind}
start: {start}
end: {end}
location: Ergens, Geleen
tables: {tables}
published: 2020-01-01
{extra}---
Tekst.
"""


def product(title: str, kind: str, audiences: str, tables: str, published: str, updated: str = "") -> str:
    changed = f"updated: {updated}\n" if updated else ""
    return f"""---
title: {title}
summary: Een samenvatting.
type: {kind}
tables: {tables}
audiences: {audiences}
license: {LICENSE}
version: "1.0"
published: {published}
{changed}---
Tekst.
"""


def post(title: str, published: str, tables: str, events: str = "[]") -> str:
    return f"""---
title: {title}
summary: Een samenvatting.
published: {published}
tables: {tables}
events: {events}
---
Tekst.
"""


SERIES_REPEAT = """repeat:
  interval: 2
  unit: maanden
  until: 2026-12-31
  except: [2025-05-15]
  moved:
    - from: 2025-09-15
      to: 2025-09-20 10:00
"""

FILES = {
    "tables": {"t-a.md": table("1"), "t-b.md": table("2")},
    "events": {
        "e-one.md": event("Eenmalig", KIND_A, "2024-05-10 13:00", "2024-05-10 15:00", "[t-a]"),
        "e-series.md": event("Reeks", KIND_B, "2025-01-15 10:00", "2025-01-15 11:00", "[t-a, t-b]", SERIES_REPEAT),
        "e-cancelled.md": event("Afgelast", KIND_A, "2025-06-01", "2025-06-01", "[t-b]", "status: geannuleerd\n"),
        "e-future.md": event("Later", KIND_A, "2026-12-15 13:00", "2026-12-15 15:00", "[t-a]"),
        "e-today.md": event("Vandaag", KIND_A, f"{BUILD_DATE} 09:00", f"{BUILD_DATE} 10:00", "[t-b]"),
    },
    "coppyright": {
        "p-a.md": product("Product A", TYPE_A, f"[{AUDIENCE_A}, {AUDIENCE_B}]", "[t-a]", "2023-03-01"),
        "p-b.md": product("Product B", TYPE_B, f"[{AUDIENCE_A}]", "[t-b]", "2024-06-01", "2025-02-01"),
        "p-c.md": product("Product C", TYPE_A, f"[{AUDIENCE_C}]", "[t-a, t-b]", "2024-07-01", "2024-09-01"),
        "p-later.md": product("Product later", TYPE_B, f"[{AUDIENCE_C}]", "[t-a]", "2026-12-20"),
    },
    "news": {
        "n-a.md": post("Terugblik eenmalig", "2024-05-20", "[t-a]", "[e-one]"),
        "n-b.md": post("Bericht tafel 2", "2026-02-01", "[t-b]"),
    },
}
PROGRAMME = {"programme": [{"year": 2022, "title": "Het startjaar", "topics": ["Kennismaken"]}]}


@pytest.fixture(scope="module")
def year_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's docs, theme and site data with only the items above, built on the pinned build date."""
    root = tmp_path_factory.mktemp("years")
    copy_parts(REPO, root / "repo", ("overrides", "hooks"))
    project = root / "repo" / "tests" / "sample"
    copy_parts(SAMPLE, project, ("content", "docs", "mkdocs.yml"))
    for folder in ("tables", "events", "coppyright", "news"):
        shutil.rmtree(project / "content" / folder, ignore_errors=True)
        for name, source in FILES[folder].items():
            target = project / "content" / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source, encoding="utf-8")
    (project / "content" / "site" / "agenda-state.yml").unlink(missing_ok=True)
    (project / "content" / "site" / "programme.yml").write_text(yaml.safe_dump(PROGRAMME), encoding="utf-8")
    result = build_site(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


# Counting, independently of the package: front matter read here, series expanded by hand.


def front(folder: str) -> dict[str, dict[str, Any]]:
    return {name.removesuffix(".md"): yaml.safe_load(text.split("---")[1]) for name, text in FILES[folder].items()}


def day(value: Any) -> dt.date:
    """A date, from a date or from "YYYY-MM-DD HH:MM" (which YAML leaves a string)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def held_and_cancelled(data: dict[str, Any]) -> tuple[list[dt.date], list[dt.date]]:
    """The days of an event's sessions before the build date: held, and cancelled or skipped."""
    first = day(data["start"])
    dates = [first]
    repeat = data.get("repeat")
    if repeat:
        assert repeat["unit"] == "maanden"
        dates, month = [], 0
        while True:
            index = first.year * 12 + first.month - 1 + month
            candidate = dt.date(index // 12, index % 12 + 1, first.day)
            if candidate > repeat["until"]:
                break
            dates.append(candidate)
            month += repeat["interval"]
    skipped = [one for one in dates if repeat and one in repeat.get("except", [])]
    moves = {move["from"]: day(move["to"]) for move in (repeat or {}).get("moved", [])}
    sessions = [moves.get(one, one) for one in dates if one not in skipped]
    past = [one for one in sessions if one < TODAY]
    if data.get("status") == "geannuleerd":
        return [], past
    return past, [one for one in skipped if one < TODAY]


def expected() -> dict[str, Any]:
    events, products, posts = front("events"), front("coppyright"), front("news")
    codes = {key: str(value["code"]) for key, value in front("tables").items()}
    years = defaultdict(lambda: defaultdict(Counter))
    for data in events.values():
        held, cancelled = held_and_cancelled(data)
        for one in held:
            figures = years[one.year]
            figures["headline"]["Sessies"] += 1
            figures["kinds"][VOCABULARY["event_kinds"][data["kind"]]] += 1
            figures["held"][data["title"]] += 1
            for table_id in data["tables"]:
                figures["tables"][(f"Tafel {codes[table_id]}", "Sessies")] += 1
        for one in cancelled:
            years[one.year]["headline"]["Geannuleerd of vervallen"] += 1
    for figures in years.values():
        figures["headline"]["Evenementen"] = len(figures["held"])
    for data in products.values():
        changes = [(data["published"], "Nieuw")]
        if data.get("updated") and data["updated"].year != data["published"].year:
            changes.append((data["updated"], "Bijgewerkt"))
        for moment, change in changes:
            if moment > TODAY:
                continue
            figures = years[moment.year]
            figures["headline"][
                f"{change} producten".replace("Nieuw ", "Nieuwe ").replace("Bijgewerkt ", "Bijgewerkte ")
            ] += 1
            figures["types"][(VOCABULARY["types"][data["type"]], change)] += 1
            for audience in data["audiences"]:
                figures["audiences"][(VOCABULARY["audiences"][audience], change)] += 1
            for table_id in data["tables"]:
                figures["tables"][(f"Tafel {codes[table_id]}", "Producten")] += 1
    for data in posts.values():
        figures = years[data["published"].year]
        figures["headline"]["Nieuwsberichten"] += 1
        for table_id in data["tables"]:
            figures["tables"][(f"Tafel {codes[table_id]}", "Nieuwsberichten")] += 1
    return years


# Reading the built pages.


def figures_on(site: Path, url: str) -> dict[str, int]:
    found = content(page(site, url)).xpath(".//*[@data-cop-figure]")
    return {text(one.xpath("./dt")[0]): int(text(one.xpath("./dd")[0])) for one in found if one.tag == "div"}


def chart_table(site: Path, url: str, key: str) -> Counter[tuple[str, str]]:
    """The numbers of a chart's table as (row, column) → value, zeros left out; totals left out. A chart
    with nothing to show says so in words, without a table."""
    (figure,) = content(page(site, url)).xpath(f'.//figure[@id="{key}"]')
    found: Counter[tuple[str, str]] = Counter()
    if figure.xpath('./p[contains(@class, "cop-empty")]'):
        assert figure.xpath(".//table") == []
        return found
    (table,) = figure.xpath(f'.//table[@data-cop-chart="{key}"]')
    columns = texts(table.xpath("./thead/tr/th"))[1:]
    for row in table.xpath("./tbody/tr"):
        label = text(row.xpath("./th")[0])
        for column, cell in zip(columns, row.xpath("./td"), strict=True):
            if column != "Totaal" and int(text(cell)):
                found[(label, column)] = int(text(cell))
    return found


def nonzero(counter: Counter[Any]) -> Counter[Any]:
    return Counter({key: value for key, value in counter.items() if value})


YEARS = [2022, 2023, 2024, 2025, 2026]


def test_there_is_a_year_page_from_the_first_year_with_content_to_the_build_year(year_site):
    built = sorted(int(path.name) for path in (year_site / "jaaroverzicht").iterdir() if path.name.isdigit())
    assert built == YEARS
    index = content(page(year_site, "jaaroverzicht/"))
    assert [label for label in link_labels(index, "jaaroverzicht/") if label.isdigit()] == [
        "2026",
        "2025",
        "2024",
        "2023",
        "2022",
    ]


@pytest.mark.parametrize("year", YEARS)
def test_the_headline_figures_of_a_year_page_are_the_counts_of_the_content(year_site, year):
    shown = figures_on(year_site, f"jaaroverzicht/{year}/")
    assert nonzero(Counter(shown)) == nonzero(expected()[year]["headline"])


@pytest.mark.parametrize("year", YEARS)
def test_the_chart_tables_of_a_year_page_are_the_counts_of_the_content(year_site, year):
    url, counted = f"jaaroverzicht/{year}/", expected()[year]
    sessions = chart_table(year_site, url, f"sessies-{year}")
    assert sessions == Counter({(kind, "Sessies"): count for kind, count in counted["kinds"].items()})
    assert chart_table(year_site, url, f"producten-{year}") == nonzero(counted["types"])
    assert chart_table(year_site, url, f"doelgroepen-{year}") == nonzero(counted["audiences"])
    assert chart_table(year_site, url, f"tafels-{year}") == nonzero(counted["tables"])


def test_the_counts_of_the_tree_are_what_its_author_meant(year_site):
    # A cross-check of the independent counting itself: 2025 has five held sessions of the series
    # (May skipped, September moved to the 20th) and the cancelled one-off; 2026 six, November's included.
    counted = expected()
    assert counted[2025]["headline"] == Counter(
        {"Sessies": 5, "Evenementen": 1, "Geannuleerd of vervallen": 2, "Bijgewerkte producten": 1}
    )
    assert counted[2026]["headline"]["Sessies"] == 6


def test_the_opbrengsten_page_charts_all_years_with_the_counts_of_the_content(year_site):
    counted = expected()
    url = "opbrengsten/"
    products = Counter(
        {
            (str(year), kind): count
            for year in YEARS
            for (kind, change), count in counted[year]["types"].items()
            if change == "Nieuw"
        }
    )
    assert chart_table(year_site, url, "producten-per-jaar") == nonzero(products)
    sessions = Counter({(str(year), kind): count for year in YEARS for kind, count in counted[year]["kinds"].items()})
    assert chart_table(year_site, url, "sessies-per-jaar") == nonzero(sessions)
    audiences = Counter()
    tables = Counter()
    for year in YEARS:
        for (audience, change), count in counted[year]["audiences"].items():
            if change == "Nieuw":
                audiences[(audience, "Producten")] += count
        for (table, column), count in counted[year]["tables"].items():
            tables[(table, column)] += count
    # Over all years a product counts once, in its table's row, where it was new.
    codes = {key: str(value["code"]) for key, value in front("tables").items()}
    for table_id, code in codes.items():
        tables[(f"Tafel {code}", "Producten")] = sum(
            1 for data in front("coppyright").values() if data["published"] <= TODAY and table_id in data["tables"]
        )
    assert chart_table(year_site, url, "producten-per-doelgroep") == nonzero(audiences)
    assert chart_table(year_site, url, "opbrengsten-per-tafel") == nonzero(tables)


def test_the_table_of_all_years_repeats_each_years_headline_figures(year_site):
    (table,) = content(page(year_site, "opbrengsten/")).xpath(".//table[@data-cop-years]")
    columns = texts(table.xpath("./thead/tr/th"))[1:]
    for row in table.xpath("./tbody/tr"):
        year = int(text(row.xpath("./th")[0]))
        shown = dict(zip(columns, (int(text(cell)) for cell in row.xpath("./td")), strict=True))
        assert shown == figures_on(year_site, f"jaaroverzicht/{year}/")


def test_every_chart_is_an_image_with_a_title_and_description_and_no_script_or_outside_reference(year_site):
    for url in ["opbrengsten/", *(f"jaaroverzicht/{year}/" for year in YEARS)]:
        document = page(year_site, url)
        for svg in content(document).xpath('.//*[local-name()="svg"][contains(@class, "cop-chart__svg")]'):
            assert svg.get("role") == "img"
            title, desc = svg.get("aria-labelledby").split()
            assert text(document.xpath(f'//*[@id="{title}"]')[0]) and svg.xpath('./*[local-name()="title"]')
            assert text(document.xpath(f'//*[@id="{desc}"]')[0]) and svg.xpath('./*[local-name()="desc"]')
            assert svg.xpath('.//*[local-name()="script" or local-name()="style" or local-name()="image"]') == []
            references = [value for element in svg.iter() for name, value in element.items() if "href" in name]
            assert references == []
            fills = {value for element in svg.iter() for value in [element.get("fill", "")] if "url(" in value}
            assert all(re.fullmatch(r"url\(#[\w-]+\)", one) for one in fills)
            # Every series after the first has a pattern, so colour never carries the meaning alone.
            series = svg.getparent().xpath('.//table/thead/tr/th[not(.="Totaal")]')[1:]
            assert len(svg.xpath('.//*[local-name()="pattern"]')) == max(len(series) - 1, 0)


def test_the_archive_lists_every_past_session_of_a_series_under_it_with_skipped_and_moved_ones_marked(year_site):
    # The agenda links a year page per year (2023 had no event and no programme); each lists that year's sessions.
    agenda = content(page(year_site, "agenda/"))
    (years,) = agenda.xpath('.//h2[@id="archief"]/following-sibling::ul[1]')
    assert [text(link) for link in years.xpath(".//a")] == [
        f"Jaaroverzicht {year}" for year in (2026, 2025, 2024, 2022)
    ]
    article = content(page(year_site, "jaaroverzicht/2025/"))
    (series,) = article.xpath('.//ul[contains(@class, "cop-archive")]/li[a[.="Reeks"]]')
    sessions = series.xpath('.//ul[contains(@class, "cop-sessions")]/li')
    assert [one.xpath("./time/@datetime")[0][:10] for one in sessions] == [
        "2025-01-15",
        "2025-03-15",
        "2025-05-15",
        "2025-07-15",
        "2025-09-20",
        "2025-11-15",
    ]
    badges = {
        one.xpath("./time/@datetime")[0][:10]: texts(one.xpath('.//*[contains(@class, "cop-badge")]'))
        for one in sessions
    }
    assert badges["2025-05-15"] == ["Vervallen"]
    assert badges["2025-09-20"] == ["Verplaatst"]
    (cancelled,) = article.xpath('.//ul[contains(@class, "cop-archive")]/li[a[.="Afgelast"]]')
    assert texts(cancelled.xpath('.//*[contains(@class, "cop-badge")]')) == ["Geannuleerd"]
    this_year = content(page(year_site, "jaaroverzicht/2026/"))
    assert this_year.xpath('.//ul[contains(@class, "cop-archive")]//a[.="Vandaag" or .="Later"]') == []


def test_a_series_page_lists_its_past_sessions_newest_first(year_site):
    article = content(page(year_site, "agenda/e-series/"))
    (listed,) = article.xpath('.//h2[@id="eerdere-sessies"]/following-sibling::ul[1]')
    days = [one[:10] for one in listed.xpath("./li/time/@datetime")]
    assert days[0] == "2026-11-15" and days[-1] == "2025-01-15" and len(days) == 12


def test_an_event_shows_the_posts_that_look_back_on_it_and_the_post_links_the_event(year_site):
    event_page = content(page(year_site, "agenda/e-one/"))
    (recaps,) = event_page.xpath('.//h2[@id="terugblik"]/following-sibling::ul[1]')
    assert link_labels(recaps, "agenda/e-one/") == {"Terugblik eenmalig": "coppig/nieuws/n-a/"}
    post_page = content(page(year_site, "coppig/nieuws/n-a/"))
    (facts,) = post_page.xpath('.//dl[contains(@class, "cop-facts")]')
    labels = dict(zip(texts(facts.xpath("./dt")), facts.xpath("./dd"), strict=True))
    assert link_labels(labels["Evenement"], "coppig/nieuws/n-a/") == {"Eenmalig": "agenda/e-one/"}


def test_a_year_page_lists_what_each_active_table_did(year_site):
    article = content(page(year_site, "jaaroverzicht/2024/"))
    sections = {
        text(section.xpath("./h3")[0]): section
        for section in article.xpath('.//section[contains(@class, "cop-year-table")]')
    }
    assert sorted(sections) == ["Tafel 1: Tafel 1 van de test", "Tafel 2: Tafel 2 van de test"]
    assert "Gehouden sessies: 1" in texts(sections["Tafel 1: Tafel 1 van de test"].xpath("./p"))
