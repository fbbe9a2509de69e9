"""What a web address from content may look like: one rule for URL fields, `extra.cop` settings, `site_url`, and
links and images in bodies, so Python and a browser always agree on where an address leads.

Browsers read a backslash as a slash and drop tabs and line breaks inside an address; Python does neither, so
`https://www.leijgraaf.nl\\@evil.example/` is one host to our checks and another to a visitor. Such addresses, and
any with a user name before `@`, are refused: there is no honest use for them on this site.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from coplimburg.problems import visible

# Where a link in a text may lead besides the site itself.
LINK_SCHEMES = ("http", "https", "mailto", "tel")
WEB_SCHEMES = ("http", "https")
# Characters that end an address in HTML or mail headers, or that a browser reads otherwise than Python does.
_REFUSED = {
    "\\": "een backslash (\\); schrijf gewone schuine strepen (/)",
    "<": "het teken <; laat het weg of schrijf %3C",
    ">": "het teken >; laat het weg of schrijf %3E",
    '"': 'een aanhalingsteken ("); laat het weg of schrijf %22',
}
_SPACE = re.compile(r"\s")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_OWN_IMAGE = (
    "zet het bestand in images/ naast het item, noem het in image of files en toon het met ![tekst](images/x.jpg)"
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def address_problem(url: str) -> str | None:
    """What makes `url` (absolute or relative) unsafe to publish, in Dutch, or None: a backslash, white space,
    a control character, `<`, `>` or `"`, a user name before `@`, or a `%` in the host name."""
    for character, problem in _REFUSED.items():
        if character in url:
            return f"bevat {problem}"
    if _SPACE.search(url):
        return "bevat een spatie of regeleinde; schrijf een spatie in een adres als %20"
    if control := _CONTROL.search(url):
        return f"bevat het onzichtbare teken \\u{ord(control.group()):04x}; verwijder het"
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed [ in the host
        return "is geen geldig webadres"
    if "@" in parts.netloc:
        user, _, host = parts.netloc.rpartition("@")
        return (
            f"bevat een gebruikersnaam vóór @ ('{visible(user, 40)}@'): een browser gaat dan naar {visible(host, 60)}; "
            "schrijf het adres zonder het deel tot en met @"
        )
    if "%" in parts.netloc:
        return "bevat een %-teken in de naam van de website; schrijf de naam zoals hij is"
    return None


def scheme_of(url: str) -> str:
    """The scheme as a browser reads it ('' for a relative address), lowercased."""
    found = _SCHEME.match(url)
    return found.group(1).lower() if found else ""


def link_problem(url: str) -> str | None:
    """A link in a text: the site itself (a relative address or `#anker`) or http(s), mailto or tel."""
    if problem := address_problem(url):
        return problem
    scheme = scheme_of(url)
    if scheme and scheme not in LINK_SCHEMES:
        return (
            f"begint met {visible(scheme, 20)}:, en alleen http://, https://, mailto: en tel: mogen; "
            "link naar een pagina zoals [tekst](https://…) of naar de site zelf zoals [tekst](/agenda/)"
        )
    return None


def image_problem(url: str) -> str | None:
    """An image in a text: a file of the site (relative, or a path on the site), never an address elsewhere."""
    if problem := address_problem(url):
        return problem
    scheme = scheme_of(url)
    if scheme in WEB_SCHEMES or url.startswith("//"):
        return f"komt van een andere website, en de site laadt niets van elders; {_OWN_IMAGE}"
    if scheme:
        return (
            f"begint met {visible(scheme, 20)}:, en een afbeelding in de tekst is een bestand van de site; {_OWN_IMAGE}"
        )
    return None


def web_address_problem(url: str) -> str | None:
    """A web page elsewhere (a URL field, a setting, `site_url`): http(s) with a host name."""
    if problem := address_problem(url):
        return problem
    parts = urlsplit(url)
    if parts.scheme not in WEB_SCHEMES or not parts.netloc:
        return "begint niet met https://"
    return None
