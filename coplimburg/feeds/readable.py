"""A feed opened in a browser (a visitor who taps "RSS"): styled by the site's feed stylesheet, it says in Dutch what
a feed is and how to follow it, above its items, and fits a phone's screen.

The stylesheet is CSS, named by an `<?xml-stylesheet?>` processing instruction: browsers have deprecated XSLT (current
Chromium covers an XSLT page with an English warning) and will drop it. The explanation is one XHTML element after
the channel's title, which feed readers skip as an unknown extension; it holds no link, because feedparser takes an
XHTML `<a href>` there for the feed's own link.
"""

from __future__ import annotations

from lxml import etree

from coplimburg.feeds.channels import Channel
from coplimburg.urls import FEED_STYLESHEET, relative_to

_XHTML = "http://www.w3.org/1999/xhtml"
_ATOM = "http://www.w3.org/2005/Atom"


def for_browsers(document: bytes, channel: Channel, kind: str) -> bytes:
    """An RSS or Atom document of `channel` with the stylesheet instruction and the Dutch explanation."""
    tree = etree.fromstring(document, etree.XMLParser(remove_blank_text=True))
    title = tree.find("channel/title") if kind == "rss" else tree.find(f"{{{_ATOM}}}title")
    assert title is not None, "feedgen writes the title of every feed"
    title.addnext(_explanation(channel))
    href = relative_to(channel.paths[kind], "/" + FEED_STYLESHEET)
    tree.addprevious(etree.ProcessingInstruction("xml-stylesheet", f'type="text/css" href="{href}"'))
    result: bytes = etree.tostring(tree.getroottree(), pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return result


def _explanation(channel: Channel) -> etree._Element:
    div = etree.Element(f"{{{_XHTML}}}div", nsmap={None: _XHTML}, attrib={"class": "cop-feed", "lang": "nl"})
    # Without it a phone lays the feed out 980 pixels wide and shrinks the text to fit.
    etree.SubElement(div, f"{{{_XHTML}}}meta", name="viewport", content="width=device-width, initial-scale=1")
    for text in (
        f"Dit is een feed: het nieuwste van {channel.title}, als lijst voor een feedlezer zoals Feedly, Inoreader "
        "of NetNewsWire, of de feeds in Outlook of Thunderbird.",
        "Volgen? Kopieer het adres van deze pagina uit de adresbalk en voeg het toe in je feedlezer: wat er nieuw "
        "is, verschijnt daar dan vanzelf. Hieronder staat wat de feed nu bevat.",
    ):
        etree.SubElement(div, f"{{{_XHTML}}}p").text = text
    return div
