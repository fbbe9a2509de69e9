"""The template filters: every date on the site is written through these (babel, Dutch), and every link
from content through `href`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from coplimburg.dates import dutch_date, dutch_span
from coplimburg.pages.escaping import href


def _iso(day: dt.date) -> str:
    return day.isoformat()


# `dutch_span` takes a Span of coplimburg.agenda.schedule; the others a content date.
FILTERS: dict[str, Callable[..., Any]] = {
    "dutch_date": dutch_date,
    "dutch_span": dutch_span,
    "iso": _iso,
    "href": href,
}
