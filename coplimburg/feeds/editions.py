"""CoPPIG editions: a month's entries as a page on the site and as e-mail-ready HTML for any mailer.

The e-mail is one 600 px column with every style inlined (css-inline) and every link absolute, because
mailers drop `<style>` blocks and relative links; an editor pastes it as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import css_inline
from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from coplimburg.dates import LOCALE
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.entries import Entry
from coplimburg.urls import LOGO, SUBSCRIBE_PATH, absolute, edition_email, edition_path

EMAIL_WIDTH = 600
_TEMPLATES = Path(__file__).parent / "templates"
# Remote stylesheets would mean fetching at build time; the e-mail carries its own CSS.
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False, keep_link_tags=False)


@dataclass(frozen=True)
class Edition:
    month: str
    title: str
    entries: tuple[Entry, ...]
    page_path: str
    email_path: str
    url: str
    email_url: str

    @property
    def period(self) -> str:
        """'juni 2024'."""
        return self.title.removeprefix("CoPPIG ")


def editions(entries: list[Entry], site_url: str) -> list[Edition]:
    """One edition per month with entries, newest first; entries keep their newest-first order."""
    months: dict[str, list[Entry]] = {}
    for entry in entries:
        months.setdefault(entry.month, []).append(entry)
    return [
        Edition(
            month=month,
            title=f"CoPPIG {_month_name(month)}",
            entries=tuple(found),
            page_path=edition_path(month),
            email_path=edition_email(month),
            url=absolute(site_url, edition_path(month)),
            email_url=absolute(site_url, edition_email(month)),
        )
        for month, found in sorted(months.items(), reverse=True)
    ]


@lru_cache(maxsize=1)
def _email_template() -> Template:
    """Compiled once per process: compiling it per edition cost more than rendering all of them."""
    environment = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))
    return environment.get_template("edition-email.html")


def email_html(edition: Edition, settings: FeedSettings, site_url: str) -> bytes:
    """The edition as a complete HTML e-mail with inline styles."""
    page = _email_template().render(
        edition=edition,
        organisation=settings.organisation,
        logo=absolute(site_url, LOGO),
        home=site_url,
        subscribe=absolute(site_url, SUBSCRIBE_PATH),
        width=EMAIL_WIDTH,
        image_width=EMAIL_WIDTH - 40,
    )
    return _INLINER.inline(page).encode("utf-8")


def _month_name(month: str) -> str:
    year, number = month.split("-")
    return format_date(dt.date(int(year), int(number), 1), format="LLLL y", locale=LOCALE)
