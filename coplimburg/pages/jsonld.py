"""schema.org JSON-LD for search engines: Event, LearningResource and the Organization on the home page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coplimburg.agenda.schedule import SESSIONS_IN_STRUCTURED_DATA, Span
from coplimburg.content.events import Event
from coplimburg.content.products import Product
from coplimburg.content.site import Site
from coplimburg.content.sitedata import Partner
from coplimburg.urls import absolute, item_path

ORGANISATION = "Community of Practice Limburg"
_STATUS = {
    "gepland": "https://schema.org/EventScheduled",
    "geannuleerd": "https://schema.org/EventCancelled",
    "verplaatst": "https://schema.org/EventRescheduled",
}


def organisation(site_url: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": ORGANISATION, "url": site_url}


def home(site: Site, site_url: str) -> dict[str, Any]:
    """The CoP itself, with its partners as members."""
    return {
        "@context": "https://schema.org",
        **organisation(site_url),
        "description": "Community of Practice Limburg: een ecosysteem van lerend werken en werkend leren.",
        "areaServed": "Limburg",
        "member": [_partner(partner) for partner in site.partners.values()],
    }


def event(site: Site, item: Event, site_url: str, today: dt.date) -> dict[str, Any]:
    """One Event, or for a series one Event per session from the build date on (the next few)."""
    chosen = item.schedule.shown(today, SESSIONS_IN_STRUCTURED_DATA)
    documents = [_event(site, item, session.span, site_url) for session in chosen]
    return documents[0] if len(documents) == 1 else {"@context": "https://schema.org", "@graph": documents}


def _event(site: Site, item: Event, span: Span, site_url: str) -> dict[str, Any]:
    places: list[dict[str, Any]] = []
    if item.location:
        place: dict[str, Any] = {"@type": "Place", "name": item.location}
        if item.address:
            place["address"] = item.address
        places.append(place)
    if item.online:
        places.append({"@type": "VirtualLocation", "url": item.online})
    mode = "Mixed" if item.location and item.online else ("Online" if item.online else "Offline")
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": item.title,
        "description": item.summary,
        "startDate": span.iso_start,
        "eventStatus": _STATUS[item.status],
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "location": places[0] if len(places) == 1 else places,
        "organizer": [_partner(site.partners[one]) for one in item.partners] or organisation(site_url),
        "url": absolute(site_url, item_path("events", item.id)),
        "inLanguage": "nl",
    }
    if span.iso_end is not None:
        document["endDate"] = span.iso_end
    if item.status == "verplaatst" and item.previous is not None:
        document["previousStartDate"] = item.previous.iso_start
    return document


def product(site: Site, item: Product, site_url: str) -> dict[str, Any]:
    vocabularies = site.vocabularies
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["LearningResource", "CreativeWork"],
        "name": item.title,
        "description": item.summary,
        "learningResourceType": vocabularies.types[item.type],
        "audience": [
            {"@type": "EducationalAudience", "educationalRole": vocabularies.audiences[one]} for one in item.audiences
        ],
        "educationalLevel": [vocabularies.levels[one] for one in item.levels],
        "about": [vocabularies.domains[one] for one in item.domains],
        "license": vocabularies.licenses[item.license].url,
        "version": item.version,
        "datePublished": item.published.isoformat(),
        "creator": [{"@type": "Organization", "name": site.partners[one].name} for one in item.partners],
        "publisher": organisation(site_url),
        "url": absolute(site_url, item_path("products", item.id)),
        "inLanguage": "nl",
        "isAccessibleForFree": True,
    }
    if item.updated:
        document["dateModified"] = item.updated.isoformat()
    return document


def _partner(partner: Partner) -> dict[str, Any]:
    """A partner as an Organization; its url only where it has a website of its own."""
    found: dict[str, Any] = {"@type": "Organization", "name": partner.name}
    if partner.url:
        found["url"] = partner.url
    return found
