"""The `cop` command for editors: `check` validates all content unbuilt, `new` starts an item, `agenda` records
schedule changes for calendar apps, `coppig` makes (and sends) the newsletter by e-mail, `schemas` exports the
JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coplimburg.content.cache import LoadCache, cache_folder
from coplimburg.content.loader import load
from coplimburg.editors.dutch_argparse import DutchArgumentParser
from coplimburg.editors.scaffold import KINDS, ScaffoldError, new_item
from coplimburg.problems import ContentError
from coplimburg.settings import CONFIG_FILE, project_today


def main(argv: list[str] | None = None) -> int:
    parser = DutchArgumentParser(prog="cop", description="Hulpmiddelen voor de redactie van de CoP Limburg-site.")
    commands = parser.add_subparsers(dest="command", required=True, title="opdrachten", metavar="OPDRACHT")
    check = commands.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    check.add_argument(
        "--content", type=Path, default=Path("content"), metavar="MAP", help="map met de inhoud (standaard: content)"
    )
    check.add_argument(
        "--watch", action="store_true", help="blijf kijken en controleer opnieuw na elke opgeslagen wijziging"
    )
    agenda = commands.add_parser("agenda", help="werk het volgnummer van gewijzigde evenementen bij voor agenda-apps")
    agenda.add_argument(
        "--content", type=Path, default=Path("content"), metavar="MAP", help="map met de inhoud (standaard: content)"
    )
    agenda.add_argument(
        "--stage",
        action="store_true",
        help="voor de pre-commit-hook: sla evenementen over die nog niet in git staan en zet het bestand klaar "
        "(git add)",
    )
    schemas = commands.add_parser("schemas", help="schrijf de JSON Schemas van de inhoud naar een map")
    schemas.add_argument("--out", type=Path, default=Path("schemas"))
    new = commands.add_parser("new", help='maak een nieuw item met alle velden: cop new event "Titel"')
    new.add_argument("kind", choices=list(KINDS), metavar="SOORT", help="soort item: event, product, table of post")
    new.add_argument("title", metavar="TITEL", help="de titel; de bestandsnaam (id) wordt ervan afgeleid")
    new.add_argument(
        "--content", type=Path, default=Path("content"), metavar="MAP", help="map met de inhoud (standaard: content)"
    )
    from coplimburg.editors.coppig_command import add_parser

    add_parser(commands)
    arguments = parser.parse_args(argv)
    handlers = {
        "check": lambda: _watch(arguments.content) if arguments.watch else _check(arguments.content),
        "agenda": lambda: _agenda(arguments.content, arguments.stage),
        "schemas": lambda: _schemas(arguments.out),
        "new": lambda: _new(arguments.kind, arguments.title, arguments.content),
        "coppig": lambda: _coppig(arguments),
    }
    return handlers[arguments.command]()


def _agenda(content: Path, stage: bool) -> int:
    from coplimburg.editors.agenda_command import update_agenda_state

    return update_agenda_state(content, stage)


def _coppig(arguments: argparse.Namespace) -> int:
    from coplimburg.editors.coppig_command import run

    return run(arguments)


def _schemas(out: Path) -> int:
    from coplimburg.editors.schemas import export

    for path in export(out):
        print(path.as_posix())
    return 0


def _new(kind: str, title: str, content: Path) -> int:
    if not content.is_dir():
        print(f"{content.as_posix()}: map niet gevonden; start cop new in de map van de site", file=sys.stderr)
        return 2
    try:
        path = new_item(kind, title, content)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    spec = KINDS[kind]
    guide = spec.scaffold.guide if spec.scaffold else "docs-redactie/"
    print(f"Aangemaakt ({spec.name}): {path.as_posix()}")
    print(
        f"Volgende stap: vul de velden in (uitleg: {guide}), controleer met `cop check` "
        "en bekijk het resultaat met `make serve`."
    )
    return 0


def _watch(content: Path) -> int:
    from coplimburg.editors.watch import watch

    return watch(lambda: _check(content), [content, content.parent / "docs"])


def _check(content: Path) -> int:
    if not content.is_dir():
        print(f"{content.as_posix()}: map niet gevonden; start cop check in de map van de site", file=sys.stderr)
        return 2
    try:
        today = project_today(content.parent / CONFIG_FILE)
        site = load(content, today, LoadCache(cache_folder(content.parent, "content")))
    except (ContentError, ValueError) as error:
        print(error, file=sys.stderr, flush=True)
        return 1
    counts = ", ".join(f"{count} {name}" for name, count in site.counts().items())
    print(f"Inhoud in orde: {counts}.")
    from coplimburg.editors.scheduled_report import print_scheduled

    print_scheduled(site, today)
    from coplimburg.editors.agenda_command import agenda_state_warning

    return agenda_state_warning(site)


if __name__ == "__main__":
    sys.exit(main())
