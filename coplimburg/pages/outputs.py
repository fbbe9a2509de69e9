"""Views of the year pages (/jaaroverzicht/<jaar>/), their index and /opbrengsten/: the figures of
coplimburg.pages.years with links, labels and charts, ready to display."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coplimburg.content.site import Site
from coplimburg.pages.charts import Chart, ChartData, chart
from coplimburg.pages.counts import Count
from coplimburg.pages.items import Link
from coplimburg.pages.statuses import ArchiveLine, archive_lines
from coplimburg.pages.years import NEW, UPDATED, YearFigures, figures, tables_in_order
from coplimburg.urls import OUTPUTS_PATH, item_path, year_path
from coplimburg.words import PRODUCT_CHANGE


@dataclass(frozen=True)
class YearRow:
    """A year in the table of all years."""

    year: int
    url: str
    figures: list[Count]


@dataclass(frozen=True)
class ProductLine:
    link: Link
    change: str
    type_label: str
    audiences: list[str]


@dataclass(frozen=True)
class TableLine:
    link: Link
    sessions: int
    products: list[Link]
    posts: list[Link]


@dataclass(frozen=True)
class YearView:
    figures: YearFigures
    headline: list[Count]
    events: list[ArchiveLine]  # what took place, most recent first
    products: list[ProductLine]
    posts: list[Link]
    tables: list[TableLine]
    charts: dict[str, Chart]  # sessies, producten, doelgroepen, tafels
    previous: Link | None
    next: Link | None
    outputs: str


@dataclass(frozen=True)
class YearsView:
    """The index of year pages and the table of all years."""

    rows: list[YearRow]
    columns: list[str]
    outputs: str


@dataclass(frozen=True)
class OutputsView:
    years: YearsView
    charts: list[Chart]


class Yearly:
    """The year figures of one build and the views made from them."""

    def __init__(self, site: Site, today: dt.date) -> None:
        self.site = site
        self.today = today
        self.figures = {one.year: one for one in figures(site, today)}

    @property
    def years(self) -> list[int]:
        return list(self.figures)

    def index(self) -> YearsView:
        rows = [YearRow(year, year_path(year), headline(one)) for year, one in reversed(self.figures.items())]
        columns = [figure.label for figure in rows[0].figures] if rows else []
        return YearsView(rows, columns, OUTPUTS_PATH)

    def year(self, year: int) -> YearView:
        site = self.site
        one = self.figures[year]
        vocabularies = site.vocabularies
        products = [
            ProductLine(
                Link(product.title, item_path("products", product.id)),
                PRODUCT_CHANGE[change],
                vocabularies.types[product.type],
                [vocabularies.audiences[key] for key in product.audiences],
            )
            for change, found in ((NEW, one.products_new), (UPDATED, one.products_updated))
            for product in found
        ]
        tables = [
            TableLine(
                Link(line.table.page_title, item_path("tables", line.table.id)),
                line.sessions,
                [Link(product.title, item_path("products", product.id)) for product in line.products],
                [Link(post.title, item_path("posts", post.id)) for post in line.posts],
            )
            for line in one.tables
            if line.active
        ]
        return YearView(
            figures=one,
            headline=headline(one),
            events=archive_lines(site, one.entries),
            products=products,
            posts=[Link(post.title, item_path("posts", post.id), post.summary) for post in reversed(one.posts)],
            tables=tables,
            charts=self.year_charts(one),
            previous=self._link(year - 1),
            next=self._link(year + 1),
            outputs=OUTPUTS_PATH,
        )

    def _link(self, year: int) -> Link | None:
        return Link(f"Jaaroverzicht {year}", year_path(year)) if year in self.figures else None

    def year_charts(self, one: YearFigures) -> dict[str, Chart]:
        year = one.year
        changes = [PRODUCT_CHANGE[NEW], PRODUCT_CHANGE[UPDATED]]
        tables = one.tables
        type_rows, type_values = _nonzero(one.products_by_type[NEW], one.products_by_type[UPDATED])
        audience_rows, audience_values = _nonzero(one.products_by_audience[NEW], one.products_by_audience[UPDATED])
        charts = [
            chart(
                ChartData(
                    f"sessies-{year}",
                    f"Gehouden sessies in {year}, naar soort",
                    f"Staafdiagram: het aantal gehouden sessies per soort bijeenkomst in {year}.",
                    "Soort",
                    [count.label for count in one.sessions_by_kind],
                    ["Sessies"],
                    [[count.count] for count in one.sessions_by_kind],
                )
            ),
            chart(
                ChartData(
                    f"producten-{year}",
                    f"Producten in {year}, naar soort",
                    f"Gestapeld staafdiagram: nieuwe en bijgewerkte producten in CoPyright per soort in {year}.",
                    "Soort product",
                    type_rows,
                    changes,
                    type_values,
                )
            ),
            chart(
                ChartData(
                    f"doelgroepen-{year}",
                    f"Producten in {year}, naar doelgroep",
                    f"Gestapeld staafdiagram: voor welke doelgroepen de nieuwe en bijgewerkte producten van {year} "
                    "zijn. Een product kan voor meer doelgroepen zijn.",
                    "Doelgroep",
                    audience_rows,
                    changes,
                    audience_values,
                )
            ),
            chart(
                ChartData(
                    f"tafels-{year}",
                    f"Wat de innovatietafels deden in {year}",
                    f"Staafdiagram met per innovatietafel drie staven: gehouden sessies, nieuwe of bijgewerkte "
                    f"producten en nieuwsberichten in {year}.",
                    "Innovatietafel",
                    [line.table.label for line in tables],
                    ["Sessies", "Producten", "Nieuwsberichten"],
                    [[line.sessions, len(line.products), len(line.posts)] for line in tables],
                    stacked=False,
                )
            ),
        ]
        return {one.data.key.removesuffix(f"-{year}"): one for one in charts}

    def outputs(self) -> OutputsView:
        return OutputsView(self.index(), self.overview_charts())

    def overview_charts(self) -> list[Chart]:
        site = self.site
        years = list(self.figures.values())
        labels = [str(one.year) for one in years]
        types = [key for key in site.vocabularies.types if any(_count(one.products_by_type[NEW], key) for one in years)]
        kinds = list(site.vocabularies.event_kinds)
        tables = tables_in_order(site)
        per_table = [
            [
                sum(line.sessions for one in years for line in one.tables if line.table.id == table.id),
                sum(len(line.products_new) for one in years for line in one.tables if line.table.id == table.id),
                sum(len(line.posts) for one in years for line in one.tables if line.table.id == table.id),
            ]
            for table in tables
        ]
        audiences = [
            (label, sum(_count(one.products_by_audience[NEW], key) for one in years))
            for key, label in site.vocabularies.audiences.items()
        ]
        audiences = [(label, count) for label, count in audiences if count]
        return [
            chart(
                ChartData(
                    "producten-per-jaar",
                    "Nieuwe producten per jaar, naar soort",
                    "Gestapeld staafdiagram: hoeveel producten er elk jaar in CoPyright verschenen, per soort.",
                    "Jaar",
                    labels,
                    [site.vocabularies.types[key] for key in types],
                    [[_count(one.products_by_type[NEW], key) for key in types] for one in years],
                )
            ),
            chart(
                ChartData(
                    "sessies-per-jaar",
                    "Gehouden sessies per jaar, naar soort",
                    "Gestapeld staafdiagram: hoeveel sessies van CoPpisch, klankborden, innovatietafels en "
                    "andere bijeenkomsten er elk jaar zijn gehouden.",
                    "Jaar",
                    labels,
                    [site.vocabularies.event_kinds[key] for key in kinds],
                    [[_count(one.sessions_by_kind, key) for key in kinds] for one in years],
                )
            ),
            chart(
                ChartData(
                    "opbrengsten-per-tafel",
                    "Opbrengsten per innovatietafel",
                    "Staafdiagram met per innovatietafel drie staven: gehouden sessies, producten en "
                    "nieuwsberichten, over alle jaren samen.",
                    "Innovatietafel",
                    [table.label for table in tables],
                    ["Sessies", "Producten", "Nieuwsberichten"],
                    per_table,
                    stacked=False,
                )
            ),
            chart(
                ChartData(
                    "producten-per-doelgroep",
                    "Producten per doelgroep",
                    "Staafdiagram: voor hoeveel producten in CoPyright elke doelgroep een doelgroep is, over alle "
                    "jaren samen. Een product kan voor meer doelgroepen zijn.",
                    "Doelgroep",
                    [label for label, _ in audiences],
                    ["Producten"],
                    [[count] for _, count in audiences],
                )
            ),
        ]


def headline(one: YearFigures) -> list[Count]:
    return [
        Count("evenementen", "Evenementen", one.events_held),
        Count("sessies", "Sessies", one.sessions_held),
        Count("geannuleerd", "Geannuleerd of vervallen", one.cancelled),
        Count("nieuwe-producten", "Nieuwe producten", len(one.products_new)),
        Count("bijgewerkte-producten", "Bijgewerkte producten", len(one.products_updated)),
        Count("nieuws", "Nieuwsberichten", len(one.posts)),
    ]


def _count(found: list[Count], key: str) -> int:
    return next((one.count for one in found if one.key == key), 0)


def _nonzero(new: list[Count], updated: list[Count]) -> tuple[list[str], list[list[int]]]:
    """Rows and values of the labels with any count (both lists follow the same vocabulary)."""
    rows = [(a.label, [a.count, b.count]) for a, b in zip(new, updated, strict=True) if a.count or b.count]
    return [label for label, _ in rows], [values for _, values in rows]
