"""Meta tags for sharing (OpenGraph and Twitter cards): what a shared link shows on LinkedIn, Teams or WhatsApp.

Every URL is absolute; every page gets a card image (its own, or the home page's), so the templates only
write out the list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coplimburg.pages.cards import HEIGHT, WIDTH, Card
from coplimburg.urls import absolute

LOCALE = "nl_NL"


@dataclass(frozen=True)
class Meta:
    """One <meta> element: OpenGraph names go in `property`, Twitter's in `name`."""

    attribute: str
    key: str
    content: str


@dataclass(frozen=True)
class Shared:
    """A page as it is shared."""

    title: str
    description: str
    url: str  # canonical, absolute
    card: Card
    published: dt.date | None = None  # only articles (news posts) carry dates
    modified: dt.date | None = None


def meta_tags(page: Shared, site_name: str, site_url: str) -> list[Meta]:
    image = absolute(site_url, page.card.path)
    kind = "article" if page.published else "website"
    tags = [
        Meta("property", "og:type", kind),
        Meta("property", "og:site_name", site_name),
        Meta("property", "og:locale", LOCALE),
        Meta("property", "og:title", page.title),
        Meta("property", "og:description", page.description),
        Meta("property", "og:url", page.url),
        Meta("property", "og:image", image),
        Meta("property", "og:image:type", "image/png"),
        Meta("property", "og:image:width", str(WIDTH)),
        Meta("property", "og:image:height", str(HEIGHT)),
        Meta("property", "og:image:alt", page.card.alt),
    ]
    if page.published:
        tags.append(Meta("property", "article:published_time", page.published.isoformat()))
        tags.append(Meta("property", "article:modified_time", (page.modified or page.published).isoformat()))
    tags += [
        Meta("name", "twitter:card", "summary_large_image"),
        Meta("name", "twitter:title", page.title),
        Meta("name", "twitter:description", page.description),
        Meta("name", "twitter:image", image),
        Meta("name", "twitter:image:alt", page.card.alt),
    ]
    return tags
