"""Where an event takes place: its own address, or the address of the partner whose venue its location names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from coplimburg.content.sitedata import Partner

# "6167 RD Geleen": a Dutch postcode, then the town.
_POSTCODE_TOWN = re.compile(r"^(?P<code>\d{4}\s?[A-Z]{2})\s+(?P<town>.+)$")


def venue_address(
    location: str, address: str | None, partner_ids: Iterable[str], partners: Mapping[str, Partner]
) -> str | None:
    """The address of a location: the event's own, else that of one of its partners whose name the location
    starts with ("CHILL, Brightlands Chemelot Campus" → the partner "CHILL B.V. (...)")."""
    if address:
        return address
    venue = location.split(",")[0].strip().casefold()
    for partner_id in partner_ids:
        partner = partners.get(partner_id)
        if (
            partner
            and partner.address
            and venue
            and (partner.name.casefold().startswith(venue) or venue.startswith(partner.name.casefold()))
        ):
            return partner.address
    return None


def town_of(location: str) -> str | None:
    """The town a location ends with ("VISTA college, Sittard-Geleen" → "Sittard-Geleen"), if it names one."""
    parts = [part.strip() for part in location.split(",")]
    return parts[-1] if len(parts) > 1 and parts[-1] else None


def postal_parts(address: str) -> dict[str, str]:
    """schema.org PostalAddress fields of 'Straat 1, 1234 AB Plaats'; what does not fit stays the street."""
    *street, last = [part.strip() for part in address.split(",")]
    match = _POSTCODE_TOWN.match(last)
    if not match:
        return {"streetAddress": address, "addressCountry": "NL"}
    parts = {"postalCode": match["code"], "addressLocality": match["town"], "addressCountry": "NL"}
    if street:
        parts = {"streetAddress": ", ".join(street), **parts}
    return parts
