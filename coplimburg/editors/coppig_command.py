"""`cop coppig`: one CoPPIG edition as an e-mail, shown (dry run), written as .eml, or sent to the list address.

Sending goes to one address, a mailing list or distribution list that holds the subscribers, so no subscriber
address lives in the repository. `content/site/coppig-sent.yml` (coplimburg.feeds.sent_state) makes sure an
edition goes out once: it is written when the server accepted the message, or as `onzeker` when the connection
was lost after the whole message went out, and left alone when the message was refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import os
import re
import sys
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import yaml

from coplimburg.dates import AMSTERDAM, dutch_date
from coplimburg.editors.workflow_commands import command
from coplimburg.expected import not_a_month
from coplimburg.feeds.delivery import DeliveryError, Outcome, Server, deliver
from coplimburg.feeds.editions import month_name
from coplimburg.feeds.message import MessageError, edition_message, message_bytes
from coplimburg.feeds.sent_state import SENT_FILE, Sending, Status, read_sent, write_sent
from coplimburg.problems import ContentError
from coplimburg.published import published
from coplimburg.settings import Newsletter, read_config

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
# What the state file records for a message that was not refused (a refused one is not recorded at all).
RECORDED: dict[Outcome, Status] = {Outcome.ACCEPTED: "verzonden", Outcome.UNCERTAIN: "onzeker"}


def add_parser(commands: Any) -> None:
    """The `coppig` subcommand with its Dutch help, on the `cop` parser's subparsers."""
    coppig = commands.add_parser(
        "coppig",
        help="maak de CoPPIG van een maand als e-mail: bekijken (proefdraai), als .eml opslaan of verzenden",
        description=(
            "Maakt de CoPPIG-editie van een maand als e-mail (tekst en HTML). Zonder --verzenden is het een "
            "proefdraai: er gaat niets weg. Met --verzenden gaat de editie naar het lijstadres uit mkdocs.yml "
            "(extra.cop.newsletter.list_address) via de mailserver uit de omgevingsvariabelen COP_SMTP_HOST, "
            "COP_SMTP_PORT, COP_SMTP_USER, COP_SMTP_PASSWORD en COP_SMTP_SECURITY (starttls of tls), en "
            "COP_SMTP_CA_FILE voor een server met een certificaat van een eigen autoriteit. Een verzonden of "
            "onzekere editie gaat niet nog eens uit. Uitleg: docs-redactie/nieuwsbrief.md."
        ),
    )
    coppig.add_argument(
        "--maand",
        type=month_argument,
        help="de maand van de editie, zoals 2024-06 (standaard: de vorige maand, gezien vanaf de builddatum)",
    )
    coppig.add_argument("--eml", type=Path, metavar="PAD", help="schrijf de e-mail naar dit .eml-bestand")
    coppig.add_argument("--verzenden", action="store_true", help="verstuur de editie echt naar het lijstadres")
    coppig.add_argument(
        "--opnieuw", action="store_true", help="verstuur ook als deze editie al verzonden of onzeker is"
    )
    coppig.add_argument(
        "--vanaf-eerste-werkdag",
        action="store_true",
        help="verstuur pas vanaf de eerste werkdag van de maand (voor de geplande verzending)",
    )
    coppig.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="het configuratiebestand (standaard: mkdocs.yml)"
    )


def month_argument(text: str) -> str:
    if not _MONTH.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(not_a_month(text))
    return text.strip()


def previous_month(today: dt.date) -> str:
    """The last complete month on `today`: '2024-06' on any day of July 2024."""
    return f"{today.replace(day=1) - dt.timedelta(days=1):%Y-%m}"


def first_working_day(year: int, month: int) -> dt.date:
    """The first Monday to Friday of the month, New Year's Day excepted."""
    day = dt.date(year, month, 1)
    while day.weekday() >= 5 or (day.month, day.day) == (1, 1):
        day += dt.timedelta(days=1)
    return day


def run(arguments: argparse.Namespace, now: dt.datetime | None = None) -> int:
    """The `cop coppig` command: 0 when done (or nothing to do, or sent with an uncertain outcome, which is
    recorded), 1 when content or sending failed, 2 for setup."""
    config_file: Path = arguments.config
    if not config_file.is_file():
        return _fail(f"{config_file.as_posix()}: niet gevonden; start cop coppig in de map van de site", 2)
    try:
        config = read_config(config_file)
        site_url, extra = str(config.get("site_url") or ""), config.get("extra")
        # The site as the build publishes it: never an item scheduled after the build date, even in a preview shell.
        ready = published(
            config_file,
            site_url,
            str(config.get("site_name") or ""),
            str(config.get("site_description") or ""),
            extra if isinstance(extra, dict) else {},
            show_scheduled=False,
        )
        sent = read_sent(ready.content)
    except (ContentError, ValueError, yaml.YAMLError) as error:
        return _fail(str(error), 1)
    today, newsletter = ready.today, ready.settings.newsletter
    month = arguments.maand or previous_month(today)
    if not site_url.startswith(("https://", "http://")):
        return _fail(f"{config_file.as_posix()}: site_url ontbreekt; de links in de e-mail moeten volledig zijn", 2)
    edition = next((found for found in ready.syndication.editions if found.month == month), None)
    if edition is None:
        print(f"Geen CoPPIG voor {month_name(month)}: in die maand is niets nieuws verschenen, er gaat niets uit.")
        return 0
    try:
        message = edition_message(edition, ready.feed_settings, newsletter, site_url, today)
    except MessageError as error:
        return _fail(str(error), 2)
    data = message_bytes(message)
    print(_summary(data, len(edition.entries)))
    missing = _missing(newsletter)
    if arguments.eml:
        arguments.eml.write_bytes(data)
        print(f"Opgeslagen als {arguments.eml.as_posix()}: open het in Outlook of Thunderbird om het te bekijken.")
    shown_state = (ready.content / SENT_FILE).as_posix()
    previous = sent.editions.get(month)
    if previous and not arguments.opnieuw:
        if previous.status == "onzeker":
            _warn(
                f"Deze editie is mogelijk verzonden op {dutch_date(previous.sent)} naar {previous.to} "
                f"(Message-ID {previous.message_id}), maar dat is onzeker: de verbinding viel weg voordat de "
                "mailserver bevestigde dat hij haar had aangenomen. Ze gaat niet vanzelf nog eens uit.\n"
                + _how_to_check(month, previous.to)
            )
        else:
            print(
                f"Deze editie is al verzonden op {dutch_date(previous.sent)} naar {previous.to} "
                f"(Message-ID {previous.message_id}); nogmaals versturen kan alleen met --opnieuw."
            )
        return 0
    if not arguments.verzenden:
        print(f"Proefdraai: er is niets verzonden. Versturen: cop coppig --maand {month} --verzenden")
        if missing:
            print(f"Nog niet ingesteld in {config_file.as_posix()} (nodig om te verzenden): {missing}.")
        return 0
    if month >= f"{today:%Y-%m}":
        return _fail(f"{month_name(month)} is nog niet voorbij: verzenden kan vanaf de eerste dag van de maand erna", 2)
    start = first_working_day(today.year, today.month)
    if arguments.vanaf_eerste_werkdag and today < start:
        print(f"Nog niet verzonden: de CoPPIG gaat uit vanaf de eerste werkdag, {dutch_date(start)}.")
        return 0
    sender, recipient = newsletter.from_address, newsletter.list_address
    if not sender or not recipient:
        return _fail(f"Niet verzonden: {config_file.as_posix()} mist {missing}.", 2)
    try:
        server = Server.from_environment()
    except DeliveryError as error:
        return _fail(str(error), 2)
    delivery = deliver(server, sender, recipient, data)
    if delivery.outcome is Outcome.REFUSED:
        return _fail(
            f"Niet verzonden: {delivery.reason}.\n{shown_state} is niet gewijzigd; na het oplossen verstuurt dezelfde "
            "opdracht de editie alsnog.",
            1,
        )
    moment = (now or dt.datetime.now(AMSTERDAM)).astimezone(AMSTERDAM).replace(microsecond=0)
    sending = Sending(
        sent=moment,
        message_id=str(message["Message-ID"]),
        to=recipient,
        items=len(edition.entries),
        status=RECORDED[delivery.outcome],
    )
    write_sent(ready.content, sent.record(month, sending))
    if delivery.outcome is Outcome.UNCERTAIN:
        # Exit 0 all the same: the publish workflow commits the state file only after a successful step, and
        # without the record the next night would send the edition again.
        _warn(
            f"Mogelijk verzonden, maar dat is onzeker: {delivery.reason}.\n"
            f"De editie kan dus toch bij {recipient} zijn aangekomen. {shown_state} legt haar vast als "
            "'onzeker', zodat ze niet vanzelf nog eens uitgaat; leg dit bestand vast in git.\n"
            + _how_to_check(month, recipient)
        )
        return 0
    print(
        f"Verzonden naar {recipient} via {server.shown}.\n"
        f"{shown_state} bijgewerkt: leg dit bestand vast in git, dan gaat deze editie niet nog eens uit."
    )
    return 0


def _how_to_check(month: str, to: str) -> str:
    return (
        f"Controleer of ze is aangekomen: in het archief van de lijst {to}, of in de mailbox van een testabonnee. "
        f"Niet aangekomen? Verstuur haar dan opnieuw: cop coppig --maand {month} --verzenden --opnieuw"
    )


def _missing(newsletter: Newsletter) -> str:
    """The settings sending needs and `mkdocs.yml` lacks, with what each is for; '' when all are there."""
    needed = {"list_address": "de lijst die de CoPPIG krijgt", "from_address": "de afzender"}
    absent = [f"extra.cop.newsletter.{name} ({what})" for name, what in needed.items() if not getattr(newsletter, name)]
    return " en ".join(absent) + ("; zie docs-redactie/nieuwsbrief.md" if absent else "")


def _summary(data: bytes, items: int) -> str:
    """What the message is, read back from the bytes that go out, as a mail app shows it."""
    message = email.message_from_bytes(data, policy=default)
    assert isinstance(message, EmailMessage)
    parts = {part.get_content_type(): len(part.get_content().encode("utf-8")) for part in message.iter_parts()}
    rows = [
        ("Onderwerp", str(message["Subject"])),
        ("Van", str(message["From"] or "(nog geen afzender ingesteld)")),
        ("Aan", str(message["To"])),
        ("Message-ID", str(message["Message-ID"])),
        ("Berichten", str(items)),
        ("Grootte", f"HTML {_kb(parts['text/html'])}, tekst {_kb(parts['text/plain'])}, e-mail {_kb(len(data))}"),
    ]
    return "\n".join(f"  {label + ':':<12}{value}" for label, value in rows)


def _kb(size: int) -> str:
    return f"{size / 1000:.1f} kB".replace(".", ",")


def _fail(message: str, code: int) -> int:
    print(message, file=sys.stderr)
    return code


def _warn(message: str) -> None:
    """A warning on stderr; in GitHub Actions also as an annotation, so a green nightly run still shows it."""
    print(message, file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(command("warning", message, title="CoPPIG onzeker"))
