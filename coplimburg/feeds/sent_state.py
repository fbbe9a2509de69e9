"""Which CoPPIG editions went out by e-mail, kept in a committed state file so none is sent twice.

`content/site/coppig-sent.yml` records per edition (month) when it was sent, with which Message-ID, to
which address, how many items it carried and its status: `verzonden` when the server accepted it, `onzeker`
when the connection was lost after the whole message went out and before the server answered. Either way it
is not sent again without `--opnieuw`. A refused send leaves the file as it was, so a retry simply sends
again. The publish workflow commits the file after a scheduled send.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BeforeValidator, Field

from coplimburg.content.fields import Strict, validate
from coplimburg.content.source import read_yaml
from coplimburg.expected import not_a_moment, not_a_month
from coplimburg.problems import ContentError, Problem

SENT_FILE = Path("site") / "coppig-sent.yml"
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _month(value: object) -> object:
    if not isinstance(value, str) or not _MONTH.fullmatch(value):
        raise ValueError(not_a_month(value))
    return value


def _moment(value: object) -> object:
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(not_a_moment(value)) from None


Month = Annotated[str, BeforeValidator(_month)]
Status = Literal["verzonden", "onzeker"]
_HEADER = (
    "# Bijgehouden door `cop coppig --verzenden`; niet met de hand wijzigen.\n"
    "# Per editie (maand): wanneer ze per e-mail is verzonden, met welke Message-ID, naar welk adres, met\n"
    "# hoeveel berichten en met welke status: verzonden (de server nam haar aan) of onzeker (de verbinding\n"
    "# viel weg voordat de server antwoordde; controleer of ze is aangekomen). Een editie die hier staat wordt\n"
    "# niet nogmaals verzonden (behalve met --opnieuw).\n"
    "# Zie docs-redactie/nieuwsbrief.md.\n"
)


class Sending(Strict):
    sent: Annotated[dt.datetime, BeforeValidator(_moment)]
    message_id: str = Field(pattern=r"^<[^<>@\s]+@[^<>@\s]+>$")
    to: str
    items: int = Field(ge=0)
    # Files written before the status existed hold only accepted sendings.
    status: Status = "verzonden"


class SentState(Strict):
    editions: dict[Month, Sending] = {}

    def record(self, month: str, sending: Sending) -> SentState:
        return SentState(editions=dict(sorted({**self.editions, month: sending}.items())))


def read_sent(content: Path) -> SentState:
    """The recorded sendings; an empty state when the file does not exist yet. ContentError when unreadable."""
    file = content / SENT_FILE
    if not file.is_file():
        return SentState()
    problems: list[Problem] = []
    shown = (Path(content.name) / SENT_FILE).as_posix()
    document = read_yaml(file, shown, problems)
    state: SentState | None = validate(SentState, document, problems) if document is not None else None
    if state is None:
        raise ContentError(problems)
    return state


def sent_text(state: SentState) -> str:
    data = {
        "editions": {
            month: {
                "sent": sending.sent.isoformat(timespec="seconds"),
                "message_id": sending.message_id,
                "to": sending.to,
                "items": sending.items,
                "status": sending.status,
            }
            for month, sending in state.editions.items()
        }
    }
    return _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def write_sent(content: Path, state: SentState) -> None:
    """Replace the file in one step, so an interrupted write (or a crash right after it) never leaves half a
    record: a temporary file of its own beside it, flushed to disk, then renamed over it."""
    file = content / SENT_FILE
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        os.fchmod(handle, 0o644)  # as a file written the ordinary way, not mkstemp's owner-only
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as partial:
            partial.write(sent_text(state))
            partial.flush()
            os.fsync(partial.fileno())
        os.replace(name, file)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
