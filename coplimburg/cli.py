"""The `cop` command for editors: `cop check` validates all content without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coplimburg.loader import load
from coplimburg.problems import ContentError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cop", description="Hulpmiddelen voor de redactie van de CoP Limburg-site.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    check.add_argument("--content", type=Path, default=Path("content"), help="map met de inhoud (standaard: content)")
    agenda = commands.add_parser("agenda", help="werk het volgnummer van gewijzigde evenementen bij voor agenda-apps")
    agenda.add_argument("--content", type=Path, default=Path("content"), help="map met de inhoud (standaard: content)")
    schemas = commands.add_parser("schemas", help="schrijf de JSON Schemas van de inhoud naar een map")
    schemas.add_argument("--out", type=Path, default=Path("schemas"))
    arguments = parser.parse_args(argv)
    if arguments.command == "check":
        return _check(arguments.content)
    if arguments.command == "agenda":
        from coplimburg.calendar_cli import update_agenda_state

        return update_agenda_state(arguments.content)
    from coplimburg.schemas import export

    for path in export(arguments.out):
        print(path.as_posix())
    return 0


def _check(content: Path) -> int:
    if not content.is_dir():
        print(f"{content.as_posix()}: map niet gevonden; start cop check in de map van de site", file=sys.stderr)
        return 2
    try:
        site = load(content)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    counts = ", ".join(f"{count} {name}" for name, count in site.counts().items())
    print(f"Inhoud in orde: {counts}.")
    from coplimburg.calendar_cli import agenda_state_warning

    return agenda_state_warning(site)


if __name__ == "__main__":
    sys.exit(main())
