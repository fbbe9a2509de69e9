"""Bar charts as inline SVG, rendered at build time: no script, no font, nothing fetched from elsewhere.

Our own small renderer rather than a charting library: pygal writes a `<script>` link and inline CSS into
every chart and gives each chart a random id (output would change on every build), and leather writes its
colours inline (no dark mode) with no `role`, `<title>` or `<desc>`. Here each chart is `role="img"` with a
title and description it is labelled by; colours come from CSS classes (cop.css sets them for the light and
the dark scheme), every series also has its own pattern and a legend, and every bar its value as text. The
page shows the same numbers as a table beside the chart (`ChartData`).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

# The drawing's own units; the SVG scales to the width of the page.
WIDTH = 520
FONT = 15
CHAR = 8.2  # a generous average width of a character at FONT, to fit labels without measuring text
ROW = 28
BAR = 16
GROUPED_BAR = 16
GAP = 8
VALUE_ROOM = 44
SERIES_STYLES = 6  # cop.css defines .cop-chart__s0 … s5; more series reuse them with other patterns


@dataclass(frozen=True)
class ChartData:
    """The numbers of a chart: one row per label, one value per series; also the chart's table."""

    key: str  # unique on its page: the ids inside the SVG start with it
    title: str
    description: str
    row_header: str  # the table's first column, e.g. "Jaar"
    rows: list[str]
    series: list[str]
    values: list[list[int]]  # rows × series
    stacked: bool = True  # series stacked in one bar per row, or one bar per series (grouped)

    @property
    def totals(self) -> list[int]:
        return [sum(row) for row in self.values]

    @property
    def lines(self) -> list[tuple[str, list[int], int]]:
        """The table's rows: label, the value of each series, and the row's total."""
        return list(zip(self.rows, self.values, self.totals, strict=True))

    @property
    def empty(self) -> bool:
        """Nothing to draw: the page says so in words instead."""
        return not any(self.totals)

    @property
    def shows_totals(self) -> bool:
        return self.stacked and len(self.series) > 1


@dataclass(frozen=True)
class Chart:
    data: ChartData
    svg: Markup  # our own SVG, every text in it escaped by `render`: trusted by the autoescaping theme


def chart(data: ChartData) -> Chart:
    return Chart(data, Markup(render(data)))


def render(data: ChartData) -> str:
    """The chart as an `<svg>` element for inline use in HTML."""
    key = escape(data.key, quote=True)
    label_width = max((len(label) for label in data.rows), default=4) * CHAR + GAP
    bar_left = label_width + GAP
    bar_room = WIDTH - bar_left - VALUE_ROOM
    legend, legend_height = _legend(data) if len(data.series) > 1 else ([], 0)
    per_row = BAR if data.stacked else GROUPED_BAR * len(data.series)
    row_height = max(ROW, per_row + 10)
    top = legend_height + GAP
    height = top + row_height * len(data.rows) + GAP
    longest = data.totals if data.stacked else [value for row in data.values for value in row]
    biggest = max([*longest, 1])
    parts = [
        f'<svg class="cop-chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" '
        f'width="{WIDTH}" height="{height:g}" role="img" aria-labelledby="{key}-title {key}-desc" '
        f'font-size="{FONT}" font-family="inherit">',
        f'<title id="{key}-title">{escape(data.title)}</title>',
        f'<desc id="{key}-desc">{escape(data.description)}</desc>',
        _patterns(data),
        *legend,
    ]
    for index, (label, values) in enumerate(zip(data.rows, data.values, strict=True)):
        y = top + index * row_height
        middle = y + row_height / 2
        parts.append(
            f'<text class="cop-chart__label" x="{label_width:g}" y="{middle:g}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(label)}</text>'
        )
        if data.stacked:
            x = bar_left
            bar_top = middle - BAR / 2
            for series, value in enumerate(values):
                width = value / biggest * bar_room
                if width:
                    parts += _bar(key, series, x, bar_top, width, BAR)
                x += width
            parts.append(_value(x + 4, middle, sum(values)))
        else:
            bar_top = middle - per_row / 2
            for series, value in enumerate(values):
                width = value / biggest * bar_room
                y_bar = bar_top + series * GROUPED_BAR
                if width:
                    parts += _bar(key, series, bar_left, y_bar + 1, width, GROUPED_BAR - 2)
                parts.append(_value(bar_left + width + 4, y_bar + GROUPED_BAR / 2, value))
    parts.append(
        f'<line class="cop-chart__axis" x1="{bar_left:g}" x2="{bar_left:g}" y1="{top:g}" y2="{height - GAP:g}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _style(series: int) -> str:
    return f"cop-chart__s{series % SERIES_STYLES}"


def _bar(key: str, series: int, x: float, y: float, width: float, height: float) -> list[str]:
    """A bar in the series' colour, with the series' pattern over it (the first series is plain)."""
    box = f'x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}"'
    found = [f'<rect class="cop-chart__bar {_style(series)}" {box}/>']
    if series:
        found.append(f'<rect class="cop-chart__pattern" {box} fill="url(#{key}-p{series})"/>')
    return found


def _value(x: float, y: float, value: int) -> str:
    return f'<text class="cop-chart__value" x="{x:g}" y="{y:g}" dominant-baseline="middle">{value}</text>'


def _patterns(data: ChartData) -> str:
    """One pattern per series after the first: stripes at different angles, then dots, in the background
    colour over the bar, so series differ by more than colour."""
    key = escape(data.key, quote=True)
    shapes = [
        '<path d="M0 6 L6 0" />',
        '<path d="M0 0 L6 6" />',
        '<path d="M3 0 L3 6" />',
        '<path d="M0 3 L6 3" />',
        '<circle cx="3" cy="3" r="1.2" />',
    ]
    found = ["<defs>"]
    for series in range(1, len(data.series)):
        shape = shapes[(series - 1) % len(shapes)]
        found.append(
            f'<pattern id="{key}-p{series}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<g class="cop-chart__hatch">{shape}</g></pattern>'
        )
    found.append("</defs>")
    return "".join(found)


def _legend(data: ChartData) -> tuple[list[str], float]:
    """The series names with their swatches, in lines as wide as the chart; and the height they take."""
    key = escape(data.key, quote=True)
    found: list[str] = []
    x, y = 0.0, 0.0
    for series, name in enumerate(data.series):
        width = 18 + len(name) * CHAR + 16
        if x and x + width > WIDTH:
            x, y = 0.0, y + ROW
        found += _bar(key, series, x, y + 5, 14, 14)
        found.append(
            f'<text class="cop-chart__label" x="{x + 18:g}" y="{y + 12:g}" dominant-baseline="middle">'
            f"{escape(name)}</text>"
        )
        x += width
    return found, y + ROW
