"""schema.org JSON-LD for search engines, as Google's rich results read it: Event, LearningResource, NewsArticle,
Organization (the CoP on the home page, a partner on its page), CreativeWork (an item of any other collection) and
BreadcrumbList on item pages.

`images` are absolute URLs: the page's card and the item's own image where it has one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coplimburg.agenda.schedule import SESSIONS_IN_STRUCTURED_DATA, Span
from coplimburg.content.events import Event
from coplimburg.content.fields import Item
from coplimburg.content.places import postal_parts, town_of, venue_address
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.site import Site
from coplimburg.content.sitedata import Partner
from coplimburg.urls import LOGO, absolute, item_path

ORGANISATION = "Community of Practice Limburg"
_STATUS = {
    "gepland": "https://schema.org/EventScheduled",
    "geannuleerd": "https://schema.org/EventCancelled",
    "verplaatst": "https://schema.org/EventRescheduled",
}


def organisation(site_url: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": ORGANISATION, "url": site_url, "logo": absolute(site_url, LOGO)}


def postal_address(address: str) -> dict[str, Any]:
    return {"@type": "PostalAddress", **postal_parts(address)}


def partner(item: Partner, site_url: str, kind: str) -> dict[str, Any]:
    """A partner's page: the organisation itself, a member of the CoP."""
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": item.name,
        "url": item.url,
        "description": item.page_description,
        "knowsAbout": kind,
        "memberOf": organisation(site_url),
        "mainEntityOfPage": absolute(site_url, item_path("partners", item.id)),
    }
    if item.address:
        document["address"] = postal_address(item.address)
    return document


def breadcrumbs(site_url: str, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """Home, then each (name, root-relative path) down to the page itself."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(site_url, path)}
            for position, (name, path) in enumerate([("Home", ""), *trail], start=1)
        ],
    }


def news_article(item: Post, site_url: str, images: list[str]) -> dict[str, Any]:
    url = absolute(site_url, item_path("posts", item.id))
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "description": item.summary,
        "datePublished": item.published.isoformat(),
        "dateModified": item.published.isoformat(),
        "author": [organisation(site_url)],
        "publisher": organisation(site_url),
        "image": images,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "nl",
    }


def home(site: Site, site_url: str) -> dict[str, Any]:
    """The CoP itself, with its partners as members."""
    return {
        "@context": "https://schema.org",
        **organisation(site_url),
        "description": "Community of Practice Limburg: een ecosysteem van lerend werken en werkend leren.",
        "areaServed": "Limburg",
        "member": [_partner(partner) for partner in site.partners.values()],
    }


def event(site: Site, item: Event, site_url: str, today: dt.date, images: list[str] | None = None) -> dict[str, Any]:
    """One Event, or for a series one Event per session from the build date on (the next few)."""
    chosen = item.schedule.shown(today, SESSIONS_IN_STRUCTURED_DATA)
    documents = [_event(site, item, session.span, site_url, images or []) for session in chosen]
    return documents[0] if len(documents) == 1 else {"@context": "https://schema.org", "@graph": documents}


def _event(site: Site, item: Event, span: Span, site_url: str, images: list[str]) -> dict[str, Any]:
    places: list[dict[str, Any]] = []
    if item.location:
        place: dict[str, Any] = {"@type": "Place", "name": item.location}
        # `cop check` has made sure the address or at least the town is known.
        if address := venue_address(item.location, item.address, item.partners, site.partners):
            place["address"] = postal_address(address)
        elif town := town_of(item.location):
            place["address"] = {"@type": "PostalAddress", "addressLocality": town, "addressCountry": "NL"}
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
        # The CoP organises; the partners named are its co-organisers and hosts.
        "organizer": [organisation(site_url), *(_partner(site.partners[one]) for one in item.partners)],
        "url": absolute(site_url, item_path("events", item.id)),
        "inLanguage": "nl",
        "isAccessibleForFree": True,
        "offers": _offer(item, site_url),
    }
    if images:
        document["image"] = images
    if span.iso_end is not None:
        document["endDate"] = span.iso_end
    elif span.all_day:
        # A day without a written end lasts that day; with a time and no end, the end is unknown.
        document["endDate"] = span.last_day.isoformat()
    if item.status == "verplaatst" and item.previous is not None:
        document["previousStartDate"] = item.previous.iso_start
    return document


def _offer(item: Event, site_url: str) -> dict[str, Any]:
    """Every CoP event is free; the offer points at the registration form, or at the event page."""
    sold_out = item.status == "geannuleerd"
    return {
        "@type": "Offer",
        "url": item.registration or absolute(site_url, item_path("events", item.id)),
        "price": 0,
        "priceCurrency": "EUR",
        "availability": f"https://schema.org/{'SoldOut' if sold_out else 'InStock'}",
        "validFrom": item.published.isoformat(),
    }


def product(site: Site, item: Product, site_url: str, images: list[str] | None = None) -> dict[str, Any]:
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
        "about": [{"@type": "DefinedTerm", "name": vocabularies.domains[one], "termCode": one} for one in item.domains],
        "license": vocabularies.licenses[item.license].url,
        "version": item.version,
        "datePublished": item.published.isoformat(),
        "creator": [{"@type": "Organization", "name": site.partners[one].name} for one in item.partners],
        "publisher": organisation(site_url),
        "url": absolute(site_url, item_path("products", item.id)),
        "inLanguage": "nl",
        "isAccessibleForFree": True,
    }
    if images:
        document["image"] = images
    if item.updated:
        document["dateModified"] = item.updated.isoformat()
    return document


def creative_work(item: Item, url: str, site_url: str, images: list[str]) -> dict[str, Any]:
    """An item of a collection without a schema.org type of its own: a CreativeWork the CoP publishes."""
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": item.page_title,
        "description": item.page_description,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": organisation(site_url),
        "inLanguage": "nl",
        "image": images,
    }
    if item.published_on:
        document["datePublished"] = item.published_on.isoformat()
    return document


def _partner(partner: Partner) -> dict[str, Any]:
    """A partner as an Organization; its url only where it has a website of its own."""
    found: dict[str, Any] = {"@type": "Organization", "name": partner.name}
    if partner.url:
        found["url"] = partner.url
    return found
