"""CoPPIG editions: a month's entries as a page on the site and as the HTML of the e-mail `cop coppig` sends.

The e-mail is one column, fluid up to 600 px, with every style inlined (css-inline) and every link absolute,
because mailers drop `<style>` blocks and relative links.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import css_inline
from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from coplimburg.dates import LOCALE
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.entries import Entry
from coplimburg.settings import Newsletter
from coplimburg.urls import CONTACT_PATH, LOGO, SUBSCRIBE_PATH, absolute, edition_email, edition_path

EMAIL_WIDTH = 600
# Mail apps show about this many characters of the preheader after the subject.
PREHEADER_LENGTH = 140
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
    # How readers get the next edition (the subscribe page).
    subscribe_url: str

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
            title=f"CoPPIG {month_name(month)}",
            entries=tuple(found),
            page_path=edition_path(month),
            email_path=edition_email(month),
            url=absolute(site_url, edition_path(month)),
            email_url=absolute(site_url, edition_email(month)),
            subscribe_url=absolute(site_url, SUBSCRIBE_PATH),
        )
        for month, found in sorted(months.items(), reverse=True)
    ]


@lru_cache(maxsize=1)
def _email_template() -> Template:
    """Compiled once per process: compiling it per edition cost more than rendering all of them."""
    environment = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))
    return environment.get_template("edition-email.html")


@dataclass(frozen=True)
class Unsubscribe:
    """The unsubscribe line of an e-mail: '{lead} <a href>{text}</a>.'"""

    lead: str
    href: str
    text: str


def unsubscribe(newsletter: Newsletter, site_url: str) -> Unsubscribe:
    """The list's own unsubscribe page, else a message to its unsubscribe address, else the contact page."""
    lead = "Wil je de CoPPIG niet meer ontvangen?"
    if newsletter.unsubscribe_url:
        return Unsubscribe(lead, newsletter.unsubscribe_url, "Meld je af")
    if mailbox := newsletter.unsubscribe_mailbox:
        return Unsubscribe(f"{lead} Mail naar", unsubscribe_mailto(mailbox), mailbox)
    return Unsubscribe(f"{lead} Laat het ons weten via de", absolute(site_url, CONTACT_PATH), "contactpagina")


def unsubscribe_mailto(mailbox: str) -> str:
    return f"mailto:{mailbox}?subject={quote('Afmelden CoPPIG')}"


def preheader(edition: Edition) -> str:
    """The line after the subject in a mail app: the number of items and their titles, shortened."""
    count = len(edition.entries)
    text = f"{count} {'bericht' if count == 1 else 'berichten'}: " + " · ".join(e.title for e in edition.entries)
    return text if len(text) <= PREHEADER_LENGTH else text[: PREHEADER_LENGTH - 1].rstrip() + "…"


def email_html(edition: Edition, settings: FeedSettings, site_url: str, newsletter: Newsletter | None = None) -> bytes:
    """The edition as a complete HTML e-mail with inline styles."""
    page = _email_template().render(
        edition=edition,
        organisation=settings.organisation,
        logo=absolute(site_url, LOGO),
        home=site_url,
        preheader=preheader(edition),
        unsubscribe=unsubscribe(newsletter or Newsletter(), site_url),
        width=EMAIL_WIDTH,
        image_width=EMAIL_WIDTH - 40,
    )
    return _INLINER.inline(page).encode("utf-8")


def month_name(month: str) -> str:
    """'juni 2024' for '2024-06'."""
    year, number = month.split("-")
    return format_date(dt.date(int(year), int(number), 1), format="LLLL y", locale=LOCALE)
