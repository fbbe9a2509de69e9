"""The `cop` command for editors: `check` validates all content unbuilt, `new` starts an item, `agenda` records
schedule changes for calendar apps, `coppig` makes (and sends) the newsletter by e-mail, `schemas` exports the
JSON Schemas, `cms` shows the browser editor's configuration or starts the editor on this computer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coplimburg.cms.local import PREVIEW
from coplimburg.editors.check_command import FORMATS, check
from coplimburg.editors.dutch_argparse import DutchArgumentParser
from coplimburg.editors.scaffold import KINDS, WORDS, ScaffoldError, new_item


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
    check.add_argument(
        "--format",
        choices=list(FORMATS),
        default=next(iter(FORMATS)),
        help="tekst (standaard) of github: elk probleem ook als aantekening bij bestand en regel in GitHub Actions",
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
    new = commands.add_parser("new", help='maak een nieuw item met alle velden: cop new evenement "Titel"')
    words = " of ".join(", ".join(WORDS).rsplit(", ", 1))
    new.add_argument("kind", choices=list(WORDS), metavar="SOORT", help=f"soort item: {words}")
    new.add_argument("title", metavar="TITEL", help="de titel; de bestandsnaam (id) wordt ervan afgeleid")
    new.add_argument(
        "--content", type=Path, default=Path("content"), metavar="MAP", help="map met de inhoud (standaard: content)"
    )
    cms = commands.add_parser(
        "cms", help="toon de configuratie van de redactie in de browser (/admin/), zoals de build haar schrijft"
    )
    cms.add_argument(
        "--start",
        action="store_true",
        help="start de redactie op deze computer (make cms): het voorbeeld op 127.0.0.1:8000 en decap-server, "
        "dat elke opslag als commit bewaart",
    )
    cms.add_argument(
        "--adres", default=PREVIEW, metavar="HOST:POORT", help=f"adres van het voorbeeld (standaard: {PREVIEW})"
    )
    from coplimburg.editors.coppig_command import add_parser

    add_parser(commands)
    arguments = parser.parse_args(argv)
    handlers = {
        "check": lambda: _check(arguments.content, arguments.format, arguments.watch),
        "agenda": lambda: _agenda(arguments.content, arguments.stage),
        "schemas": lambda: _schemas(arguments.out),
        "new": lambda: _new(WORDS[arguments.kind], arguments.title, arguments.content),
        "coppig": lambda: _coppig(arguments),
        "cms": lambda: _cms(arguments.start, arguments.adres),
    }
    return handlers[arguments.command]()


def _agenda(content: Path, stage: bool) -> int:
    from coplimburg.editors.agenda_command import update_agenda_state

    return update_agenda_state(content, stage)


def _coppig(arguments: argparse.Namespace) -> int:
    from coplimburg.editors.coppig_command import run

    return run(arguments)


def _cms(start: bool, preview: str) -> int:
    from coplimburg.cms import command

    return command.start(Path.cwd(), preview) if start else command.show(Path.cwd())


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


def _check(content: Path, form: str, watching: bool) -> int:
    if not watching:
        return check(content, form)
    from coplimburg.editors.watch import watch

    return watch(lambda: check(content, form), [content, content.parent / "docs"])


if __name__ == "__main__":
    sys.exit(main())
