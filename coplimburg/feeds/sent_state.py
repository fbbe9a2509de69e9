"""Which CoPPIG editions went out by e-mail, kept in a committed state file so none is sent twice.

`content/site/coppig-sent.yml` records per edition (month) when it was sent, with which Message-ID, to
which address, how many items it carried and its status: `verzonden` when the server accepted it, `onzeker`
when the connection was lost after the whole message went out and before the server answered. Either way it
is not sent again without `--opnieuw`. A refused send leaves the file as it was, so a retry simply sends
again. The publish workflow commits the file after a scheduled send.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from coplimburg.content.fields import Strict
from coplimburg.content.state_files import StateFile
from coplimburg.expected import not_a_moment, not_a_month

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


def _data(state: SentState) -> dict[str, Any]:
    return {
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


SENT_STATE = StateFile(SENT_FILE, SentState, _HEADER, _data)


def read_sent(content: Path) -> SentState:
    """The recorded sendings; an empty state when the file does not exist yet. ContentError when unreadable."""
    return SENT_STATE.read(content)


def write_sent(content: Path, state: SentState) -> None:
    """Replace the file in one step, so an interrupted write (or a crash right after it) never leaves half a
    record (coplimburg.content.state_files)."""
    SENT_STATE.write(content, state)
