"""The template filters: every date on the site is written through these (babel, Dutch), and every link
from content through `href`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coplimburg.dates import Moment, dutch_date, dutch_span, short_date
from coplimburg.pages.escaping import href
from coplimburg.pages.jsonld import iso


def _span(start: Moment, end: Moment | None = None) -> str:
    return dutch_span(start, end)


FILTERS: dict[str, Callable[..., Any]] = {
    "dutch_date": dutch_date,
    "dutch_span": _span,
    "short_date": short_date,
    "iso": iso,
    "href": href,
}
