"""Mail headers made from settings, written and encoded here, at the sink: a display name no mail client can read
as an address, and URL lists (List-Unsubscribe, List-Archive) to which no value can add a target.

Python's email package (3.11) is not enough for these. Given a display name it re-parses the text: a literal
encoded-word in it (`=?utf-8?q?…?=`) is decoded and written out bare, so `From` can name another address; a name
with accented letters and address characters becomes one encoded-word that a client decoding before parsing
reads as addresses; and a URL longer than a line is folded into encoded-words, which breaks List-Unsubscribe.
So these values are written here in ASCII, folded only at spaces, and stored in the message as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.header import Header
from email.policy import Policy
from itertools import groupby
from urllib.parse import quote

from coplimburg.settings import ADDRESS

# RFC 5322: a line SHOULD stay within 78 characters and MUST stay within 998.
LINE, LONGEST_LINE = 78, 998
# RFC 2047: an encoded-word is at most 75 characters.
ENCODED_WORD = 75
# What makes an ASCII phrase more than atoms (RFC 5322 specials): such a name goes in a quoted string.
_SPECIALS = re.compile(r'[()<>\[\]:;@\\,."]')
# What an address parser reads as syntax (specials but the dot, which a phrase may hold): a client that decodes
# before parsing must find these inside a quoted string.
_ADDRESS_SYNTAX = re.compile(r'[()<>\[\]:;@\\,"]')
# What a URL target keeps; everything else (`<`, `>`, `,`, quotes, spaces, controls, non-ASCII) is percent-encoded.
URL_SAFE = "-._~:/?#[]@!$&'*+;=%"


class MessageError(ValueError):
    """A setting the message needs is missing or cannot be written; the text is Dutch and names the setting."""


class Written(str):
    """A header value ready to go out: ASCII, encoded where needed. EmailMessage stores a value that has a
    `name` as it is and writes it by calling its `fold`, so the email package neither re-parses nor re-encodes it."""

    name: str

    def __new__(cls, name: str, value: str) -> Written:
        if not value.isascii() or not value.isprintable():
            raise MessageError(f"{name}: een kop moet leesbare ASCII zijn, gekregen {value!r}")
        if max(map(len, value.split(" "))) > LONGEST_LINE - len(name) - 3:
            raise MessageError(f"{name}: een waarde is te lang voor één regel van een e-mail ({value[:80]}…)")
        written = super().__new__(cls, value)
        written.name = name
        return written

    def fold(self, *, policy: Policy) -> str:
        """Lines of at most 78 characters where a space allows; a break goes before a space, so unfolding
        (removing the line breaks) gives the value back."""
        lines = [f"{self.name}:"]
        for word in self.split(" "):
            if len(lines[-1]) + 1 + len(word) > LINE and lines[-1].strip():
                lines.append("")
            lines[-1] += f" {word}"
        return policy.linesep.join(lines) + policy.linesep


def mailbox(name: str, display_name: str, address: str) -> Written:
    """`From`, `To`: the display name, then the address in angle brackets."""
    if not ADDRESS.fullmatch(address) or not address.isascii():
        raise MessageError(f"{name}: verwacht één e-mailadres zoals redactie@example.nl, gekregen '{address}'")
    shown = phrase(display_name)
    return Written(name, f"{shown} <{address}>" if shown else f"<{address}>")


def phrase(text: str) -> str:
    """A display name as a mail reader cannot take for address syntax, whether it parses the header first (RFC 5322)
    or decodes every encoded-word first and parses the decoded text (as many do):

    - ASCII words stay as they are, in a quoted string when the name holds address characters (`,` `<` `@` `"` …);
    - words with accented letters (or a literal `=?`) become encoded-words, a run of such words one encoded text;
    - a name with both is encoded whole, as its quoted string, so that decoding it first still gives one name.
    """
    text = " ".join(text.split())  # no line breaks or tabs can reach the header
    if not _needs_encoding(text):
        return _quoted(text) if _SPECIALS.search(text) else text
    if _ADDRESS_SYNTAX.search(text):
        return _encoded(_quoted(text))
    runs = ((encode, " ".join(words)) for encode, words in groupby(text.split(" "), key=_needs_encoding))
    return " ".join(_encoded(run) if encode else run for encode, run in runs)


def _needs_encoding(text: str) -> bool:
    return "=?" in text or not (text.isascii() and text.isprintable())


def _encoded(text: str) -> str:
    """RFC 2047 encoded-words of at most 75 characters (more than one for a long text, split between characters)."""
    return " ".join(Header(text, "utf-8").encode(linesep="\n", maxlinelen=ENCODED_WORD).split("\n "))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def url_list(name: str, urls: Iterable[str]) -> Written:
    """`List-Unsubscribe`, `List-Archive` (RFC 2369): each URL as one `<…>` target, with every character outside a
    URL's safe set percent-encoded, so a value can neither close its brackets nor add a target."""
    return Written(name, ", ".join(f"<{quote(url, safe=URL_SAFE)}>" for url in urls))
