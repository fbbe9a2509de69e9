"""One channel, three formats: RSS 2.0 and Atom through feedgen (readable in a browser too:
coplimburg.feeds.readable), JSON Feed 1.1 with the standard library.

Every date comes from the entries (feedgen would otherwise stamp the current time), so the bytes only
change when the content does.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping

from feedgen.feed import FeedGenerator
from lxml import etree

from coplimburg.feeds.channels import Channel, FeedSettings
from coplimburg.feeds.entries import TAG_PREFIX, Entry
from coplimburg.feeds.readable import for_browsers
from coplimburg.urls import LOGO, absolute

LANGUAGE = "nl"
_ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def rss(channel: Channel, settings: FeedSettings, contents: Mapping[tuple[str, str], str]) -> bytes:
    generator = _generator(channel, settings, contents, "rss")
    result: bytes = generator.rss_str(pretty=True)
    return for_browsers(result, channel, "rss")


def atom(channel: Channel, settings: FeedSettings, contents: Mapping[tuple[str, str], str]) -> bytes:
    generator = _generator(channel, settings, contents, "atom")
    result: bytes = generator.atom_str(pretty=True)
    return for_browsers(_atom_enclosures(result, channel.entries), channel, "atom")


def _atom_enclosures(document: bytes, entries: tuple[Entry, ...]) -> bytes:
    """Each entry's image as <link rel="enclosure">: feedgen 1.0 drops the rel, type and length of Atom links."""
    images = {entry.id: entry.image for entry in entries if entry.image}
    if not images:
        return document
    tree = etree.fromstring(document, etree.XMLParser(remove_blank_text=True))
    for element in tree.iterfind(f"{{{_ATOM}}}entry"):
        image = images.get(element.findtext(f"{{{_ATOM}}}id") or "")
        if image:
            etree.SubElement(
                element,
                f"{{{_ATOM}}}link",
                href=image.url,
                rel="enclosure",
                type=image.media_type,
                length=str(image.length),
            )
    result: bytes = etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return result


def json_feed(channel: Channel, settings: FeedSettings, contents: Mapping[tuple[str, str], str]) -> bytes:
    author = {"name": settings.organisation, "url": channel.site_url}
    document = {
        "version": JSON_FEED_VERSION,
        "title": channel.title,
        "home_page_url": channel.home,
        "feed_url": channel.url("json"),
        "description": channel.description,
        "icon": absolute(channel.site_url, LOGO),
        "favicon": absolute(channel.site_url, LOGO),
        "language": LANGUAGE,
        "authors": [author],
        "items": [_json_item(entry, contents[entry.key], author) for entry in channel.entries],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(entry: Entry, content: str, author: dict[str, str]) -> dict[str, object]:
    item: dict[str, object] = {
        "id": entry.id,
        "url": entry.url,
        "title": entry.title,
        "summary": entry.summary,
        "content_html": content,
        "date_published": entry.published.isoformat(),
        "date_modified": entry.updated.isoformat(),
        "tags": [category.label for category in entry.categories],
        "authors": [author],
        "language": LANGUAGE,
    }
    if entry.image:
        item["image"] = entry.image.url
        item["attachments"] = [
            {"url": entry.image.url, "mime_type": entry.image.media_type, "size_in_bytes": entry.image.length}
        ]
    return item


def _generator(
    channel: Channel, settings: FeedSettings, contents: Mapping[tuple[str, str], str], kind: str
) -> FeedGenerator:
    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(f"{TAG_PREFIX}feeds/{channel.key}")
    generator.title(channel.title)
    generator.subtitle(_rss_html(channel.description) if kind == "rss" else channel.description)
    generator.author(name=settings.organisation, uri=channel.site_url)
    # feedgen takes the last link as the RSS <link>: the site, not the feed itself.
    generator.link(href=channel.url(kind), rel="self")
    generator.link(href=channel.home, rel="alternate", type="text/html")
    generator.language(LANGUAGE)
    generator.image(url=absolute(channel.site_url, LOGO), title=channel.title, link=channel.home)
    generator.icon(absolute(channel.site_url, LOGO))
    generator.rights(settings.organisation)
    generator.updated(channel.updated)
    for entry in channel.entries:
        _add_entry(generator, entry, settings, contents[entry.key], channel.site_url, kind)
    return generator


def _rss_html(text: str) -> str:
    """Readers render an RSS <description> as HTML, so text goes in as HTML we escaped ourselves; Atom's
    <subtitle> and <summary> are declared text. The XML serialiser then escapes both once more."""
    return html.escape(text, quote=False)


def _add_entry(
    generator: FeedGenerator, entry: Entry, settings: FeedSettings, content: str, site_url: str, kind: str
) -> None:
    item = generator.add_entry(order="append")
    item.id(entry.id)
    item.title(entry.title)
    item.link(href=entry.url, rel="alternate", type="text/html")
    item.summary(_rss_html(entry.summary) if kind == "rss" else entry.summary)
    item.content(content, type="html")
    item.published(entry.published)
    item.updated(entry.updated)
    # RSS wants an e-mail address in <author>; dc:creator carries a plain name.
    item.author(name=settings.organisation, uri=site_url)
    item.dc.dc_creator(settings.organisation)
    for category in entry.categories:
        item.category(term=category.term, label=category.label, scheme=category.scheme)
    if entry.image and kind == "rss":
        item.enclosure(url=entry.image.url, length=entry.image.length, type=entry.image.media_type)
