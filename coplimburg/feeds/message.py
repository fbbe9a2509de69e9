"""A CoPPIG edition as one standard e-mail: multipart/alternative with a plain-text and an HTML part.

The bytes depend only on the edition, the settings and the send date (a date, not the clock), so two runs
for the same edition give the same message: the Message-ID is derived from the edition, the MIME boundary
is fixed, and the Date header is 09:00 in Amsterdam on the send date. Both parts are quoted-printable, so
no line exceeds what SMTP allows, and a boundary starting with '=_' can never occur inside them. Headers that
carry settings (names, addresses, URLs) are encoded by coplimburg.feeds.mailheaders.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from urllib.parse import urlsplit

from coplimburg.dates import AMSTERDAM
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.editions import Edition, email_html, unsubscribe_mailto
from coplimburg.feeds.mailheaders import MessageError, mailbox, url_list
from coplimburg.settings import Newsletter
from coplimburg.urls import CONTACT_PATH, EDITIONS_PATH, absolute

SEND_TIME = dt.time(9, 0)
TEXT_WIDTH = 72
# C0 and C1 control characters except tab and newline, which plain text keeps.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A host name as the Message-ID and List-Id can carry it: labels of letters, digits and hyphens.
_DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")

__all__ = ["MessageError", "edition_message", "mail_domain", "message_bytes", "message_id"]


def mail_domain(site_url: str) -> str:
    """'communityofpracticelimburg.nl' for https://www.communityofpracticelimburg.nl/."""
    try:
        host = (urlsplit(site_url).hostname or "localhost").encode("idna").decode("ascii")
    except UnicodeError:  # a label too long or empty
        host = urlsplit(site_url).hostname or ""
    if not _DOMAIN.fullmatch(host):
        raise MessageError(
            f"site_url in mkdocs.yml: de servernaam '{host}' kan niet in de Message-ID en List-Id van de e-mail; "
            "verwacht een naam van letters, cijfers, punten en koppeltekens zoals www.communityofpracticelimburg.nl"
        )
    return host.removeprefix("www.")


def message_id(edition: Edition, site_url: str) -> str:
    """Stable per edition: the same edition always carries the same Message-ID, so a resend is recognisable."""
    return f"<coppig-{edition.month}@{mail_domain(site_url)}>"


def edition_message(
    edition: Edition, settings: FeedSettings, newsletter: Newsletter, site_url: str, send_date: dt.date
) -> EmailMessage:
    """The complete message. Without a sender or list address (a dry run before the newsletter is set up) it has no
    From and goes to no one, and still opens in a mail app; `cop coppig` sends only with both."""
    domain = mail_domain(site_url)
    message = EmailMessage(policy=SMTP)
    if newsletter.from_address:
        message["From"] = mailbox("From", settings.organisation, newsletter.from_address)
    message["To"] = (
        mailbox("To", "CoPPIG", newsletter.list_address) if newsletter.list_address else "undisclosed-recipients:;"
    )
    message["Subject"] = edition.title
    message["Date"] = format_datetime(dt.datetime.combine(send_date, SEND_TIME, AMSTERDAM))
    message["Message-ID"] = message_id(edition, site_url)
    message["Content-Language"] = "nl"
    message["List-Id"] = f"CoPPIG <coppig.{domain}>"
    message["List-Archive"] = url_list("List-Archive", [absolute(site_url, EDITIONS_PATH)])
    unsubscribes = []
    if address := newsletter.unsubscribe_mailbox:
        unsubscribes.append(unsubscribe_mailto(address))
    if newsletter.unsubscribe_url:
        unsubscribes.append(newsletter.unsubscribe_url)
    if unsubscribes:
        message["List-Unsubscribe"] = url_list("List-Unsubscribe", unsubscribes)
    if newsletter.unsubscribe_url and newsletter.unsubscribe_url.startswith("https://"):
        # RFC 8058: one click in the mail app posts to the URL; only meaningful for an https address.
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(edition_text(edition, settings, newsletter, site_url), cte="quoted-printable")
    html = email_html(edition, settings, site_url, newsletter).decode("utf-8")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    message.set_boundary(f"=_coppig-{edition.month}")
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """What is sent and what an .eml file holds: CRLF line ends, as SMTP wants them."""
    return message.as_bytes(policy=SMTP)


def edition_text(edition: Edition, settings: FeedSettings, newsletter: Newsletter, site_url: str) -> str:
    """The plain-text part: the same items as the HTML, each with its link on a line of its own."""
    lines = [edition.title, "=" * len(edition.title), ""]
    lines += _wrap(
        f"Het nieuws, de agenda en nieuwe producten in CoPyright van de {settings.organisation} in {edition.period}."
    )
    for entry in edition.entries:
        lines += ["", "", f"{entry.collection_label} · {entry.date_text}".upper(), entry.title, "-" * len(entry.title)]
        for fact in entry.facts:
            lines += _wrap(f"{fact.label}: {fact.text}" + (f" <{fact.href}>" if fact.href else ""), "  ")
        lines += ["", *_wrap(entry.summary), "", f"Lees verder: {entry.url}"]
    lines += [
        "",
        "",
        "-- ",
        f"Deze CoPPIG staat ook online: {edition.url}",
        f"CoPPIG volgen per e-mail, in een feedlezer of in je agenda: {edition.subscribe_url}",
        *_wrap(_unsubscribe_text(newsletter, site_url)),
        settings.organisation,
    ]
    return clean_text("\n".join(lines)) + "\n"


def clean_text(text: str) -> str:
    """Plain text has nothing to escape, but control characters from content must not reach the mail."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _unsubscribe_text(newsletter: Newsletter, site_url: str) -> str:
    lead = "Wil je de CoPPIG niet meer ontvangen?"
    if newsletter.unsubscribe_url:
        return f"{lead} Meld je af: {newsletter.unsubscribe_url}"
    if mailbox := newsletter.unsubscribe_mailbox:
        return f'{lead} Mail naar {mailbox} met als onderwerp "Afmelden CoPPIG".'
    return f"{lead} Laat het ons weten via {absolute(site_url, CONTACT_PATH)}"


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        TEXT_WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
