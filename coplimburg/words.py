"""The Dutch words visitors read for statuses, kinds and labels, each written once: views, feeds, calendars, the
e-mail and (as the template global `cop_words`) the templates show them from here, the way Material keeps its
interface strings in one table. The keys are the values editors write (`status: geannuleerd`) or English names.
"""

from __future__ import annotations

# An event's `status`, as a badge, a heading and a fact in feeds and calendars.
EVENT_STATUS = {"gepland": "Gepland", "geannuleerd": "Geannuleerd", "verplaatst": "Verplaatst"}
# What an event page says under a status other than planned.
EVENT_STATUS_NOTE = {
    "geannuleerd": "Dit evenement gaat niet door.",
    "verplaatst": "Dit evenement is verplaatst. De nieuwe datum staat hieronder.",
}
# A session of a series that does not take place on its date (`except`), or every session of a cancelled event.
SESSION_SKIPPED = "Vervallen"
# A table's `status`.
TABLE_STATUS = {"actief": "Actief", "afgerond": "Afgerond"}
# An item whose `published` date lies after the build date, as `cop check` lists it (and titles its annotation).
SCHEDULED_ITEM = "Gepland"
# What happened to a product in a year (coplimburg.pages.years).
PRODUCT_CHANGE = {"nieuw": "Nieuw", "bijgewerkt": "Bijgewerkt"}

# Kinds of pages, as social cards name them above the title.
KINDS = {
    "home": "Community of Practice",
    "overview": "Overzicht",
    "table": "Innovatietafel",
    "products": "CoPyright",
    "post": "Nieuws",
    "partner": "Partner",
}
HOME_TAGLINE = "Lerend werken en werkend leren"

# The facts above an item's text, in feeds, the e-mail and on pages: "Wanneer: donderdag 13 juni 2024".
FACTS = {
    "when": "Wanneer",
    "next": "Volgende sessie",
    "series": "Reeks",
    "where": "Waar",
    "online": "Online",
    "status": "Status",
    "register": "Aanmelden",
    "kind": "Soort",
    "version": "Versie",
    "licence": "Licentie",
}

# What templates read as `cop_words`.
TEMPLATE_WORDS = {"facts": FACTS, "product_change": PRODUCT_CHANGE}
