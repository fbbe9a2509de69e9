"""One build's context: the loaded site and the build date, prepared once before any page is rendered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from coplimburg.calendar.state import AgendaState, read_state
from coplimburg.content.loader import load
from coplimburg.content.site import Site
from coplimburg.dates import AMSTERDAM, build_date


@dataclass(frozen=True)
class BuildContext:
    site: Site
    today: dt.date
    agenda_state: AgendaState

    @property
    def epoch(self) -> int:
        """The build date as Unix time, for tools that read SOURCE_DATE_EPOCH (MkDocs' sitemap).

        Noon in Amsterdam: the same calendar day in UTC, where MkDocs formats the date."""
        return int(dt.datetime.combine(self.today, dt.time(12), AMSTERDAM).timestamp())


def prepare(content: Path, build_date_setting: str | None = None) -> BuildContext:
    """Validate the build date and all content; raises ContentError or ValueError with Dutch text."""
    today = build_date(build_date_setting)
    site = load(content)
    return BuildContext(site=site, today=today, agenda_state=read_state(content))
