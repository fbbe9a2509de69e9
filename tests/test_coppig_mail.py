"""The CoPPIG as an e-mail: a readable text part, HTML that fits every screen with styled links and an unsubscribe
line, list headers by the settings, and a subscribe page that tells visitors how to get it."""

from __future__ import annotations

import datetime as dt
import email
import email.parser
import email.policy
import re
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.policy import default
from email.utils import getaddresses
from pathlib import Path

import pytest
from lxml import html
from mailsite import NEWSLETTER, SITE_URL, mail_site, post

from coplimburg.content.fields import TITLE_LENGTH
from coplimburg.content.loader import load
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.editions import EMAIL_WIDTH, Edition, email_html
from coplimburg.feeds.message import MessageError, edition_message, message_bytes
from coplimburg.feeds.syndication import Syndication, prepare
from coplimburg.pages.cache import cache_folder
from coplimburg.pages.images import Originals
from coplimburg.settings import Newsletter

SETTINGS = FeedSettings("CoP Limburg", "", "Community of Practice Limburg")
SEND_DATE = dt.date(2024, 7, 2)
HOUSE_COLOUR = "#00564d"


def syndication(config: Path, newsletter: Newsletter, site_url: str = SITE_URL) -> Syndication:
    originals = Originals(cache_folder(config.parent, "images"))
    return prepare(load(config.parent / "content"), site_url, SETTINGS, SEND_DATE, originals, newsletter)


def edition_of(config: Path, month: str, newsletter: Newsletter | None = None) -> tuple[Edition, Newsletter]:
    chosen = newsletter or Newsletter(**NEWSLETTER)
    return next(e for e in syndication(config, chosen).editions if e.month == month), chosen


def message_of(edition: Edition, newsletter: Newsletter) -> EmailMessage:
    data = message_bytes(edition_message(edition, SETTINGS, newsletter, SITE_URL, SEND_DATE))
    message = email.message_from_bytes(data, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> tuple[str, html.HtmlElement]:
    text, page = message.iter_parts()
    return text.get_content(), html.document_fromstring(page.get_content())


def test_the_text_part_carries_every_item_with_its_link_and_no_markup_or_control_characters(content) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    text, _ = parts(message_of(edition, newsletter))
    for entry in edition.entries:
        assert entry.title in text
        assert f"Lees verder: {entry.url}" in text
    assert "Samen kijken naar de toekomst." in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text.replace("\r\n", "\n"))
    assert "<p" not in text and "&amp;" not in text
    assert f"Deze CoPPIG staat ook online: {edition.url}" in text
    assert re.search(r"Meld je af:\s+https://lijst\.example\.nl/afmelden", text)


def test_content_values_are_escaped_in_the_html_part(content) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    _, document = parts(message_of(edition, newsletter))
    first = next(document.iter("h2"))
    assert first.text_content() == "Groot klankbord <2025> & meer"
    assert not list(first.iter("b", "script"))


def test_the_html_is_one_fluid_column_up_to_600_px_with_sized_fluid_images(content) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    _, document = parts(message_of(edition, newsletter))
    assert not list(document.iter("script", "style", "link", "form", "iframe"))
    column = document.find_class("column")[0]
    assert column.tag == "table" and column.get("width") == str(EMAIL_WIDTH)
    style = column.get("style", "")
    assert "max-width: 600px" in style and "width: 100%" in style
    logo, photo = document.iter("img")
    assert logo.get("alt") == ""  # decoration beside the organisation's name (tests/browser: images blocked)
    for image in (logo, photo):
        assert image.get("width") and image.get("height")
    assert photo.get("alt")
    photo = document.find_class("image")[0]
    assert (photo.get("width"), photo.get("height")) == ("560", "560")  # the square sample image at column width
    assert "max-width: 100%" in photo.get("style", "") and "height: auto" in photo.get("style", "")


def test_every_link_is_absolute_and_styled_in_the_house_colour_or_white_on_the_header(content) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    _, document = parts(message_of(edition, newsletter))
    for anchor in document.iter("a"):
        assert anchor.get("href").startswith(("https://", "mailto:")), anchor.get("href")
        colour = re.search(r"(?:^|;)\s*color:\s*(#[0-9a-f]{6})", anchor.get("style", ""))
        assert colour, html.tostring(anchor)
        assert colour[1] in (HOUSE_COLOUR, "#ffffff", "#1f2a2a"), html.tostring(anchor)


def test_every_text_colour_has_its_own_background_for_mail_apps_that_darken(content) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    _, document = parts(message_of(edition, newsletter))
    assert document.find(".//meta[@name='color-scheme']").get("content") == "light only"
    for cell in [*document.find_class("item"), *document.find_class("footer")]:
        assert "background-color: #ffffff" in cell.get("style", "")
    header = document.find_class("header")[0]
    assert "background-color: #00564d" in header.get("style", "")


def test_the_html_starts_with_a_hidden_preheader_and_ends_with_an_unsubscribe_line(content) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    _, document = parts(message_of(edition, newsletter))
    preheader = document.find_class("preheader")[0]
    assert "display: none" in preheader.get("style", "")
    assert preheader.text_content().startswith("3 berichten: Groot klankbord <2025> & meer · Nieuwe innovatietafel")
    footer = document.find_class("footer")[0]
    assert "https://lijst.example.nl/afmelden" in [a.get("href") for a in footer.iter("a")]


@pytest.mark.parametrize(
    ("unsubscribe", "expected_links", "one_click"),
    [
        ({"unsubscribe_url": "https://lijst.example.nl/afmelden"}, 2, True),
        ({"unsubscribe_url": "http://lijst.example.nl/afmelden"}, 2, False),
        ({"unsubscribe_address": "afmelden@lijst.example.nl"}, 1, False),
        ({}, 1, False),
    ],
    ids=["https page", "http page", "own address", "from address"],
)
def test_list_unsubscribe_always_has_a_mailto_and_one_click_only_with_an_https_page(
    content, unsubscribe: dict[str, str], expected_links: int, one_click: bool
) -> None:
    settings = Newsletter(list_address="coppig@lijst.example.nl", from_address="redactie@cop.example.nl", **unsubscribe)
    edition, newsletter = edition_of(mail_site(content), "2024-06", settings)
    message = message_of(edition, newsletter)
    links = re.findall(r"<([^>]+)>", message["List-Unsubscribe"])
    assert len(links) == expected_links
    mailbox = unsubscribe.get("unsubscribe_address", "redactie@cop.example.nl")
    assert links[0] == f"mailto:{mailbox}?subject=Afmelden%20CoPPIG"
    assert ("List-Unsubscribe-Post" in message) is one_click


FROM = "redactie@communityofpracticelimburg.nl"
HOSTILE_NAMES = [
    "Café Limburg",
    'CoP Limburg, afdeling "Noord"',
    "Café =?utf-8?q?=3Cevil=40evil.example=3E?=",
    "=?utf-8?q?Evil_=3Cevil=40evil.example=3E=2C?=",
    "Café <evil@evil.example>",
    "Café, evil@evil.example; x",
    "Stichting Café Limburg " * 8,
]


def raw_header(data: bytes, name: str) -> str:
    """A header as it stands in the sent bytes, unfolded, not decoded."""
    raw = email.message_from_bytes(data, policy=email.policy.compat32)[name]
    return re.sub(r"\r?\n(?=[ \t])", "", str(raw))


@pytest.mark.parametrize("organisation", HOSTILE_NAMES)
def test_a_display_name_never_reads_as_another_address_whether_parsed_or_decoded_first(
    content, organisation: str
) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    settings = FeedSettings("CoP Limburg", "", organisation)
    data = message_bytes(edition_message(edition, settings, newsletter, SITE_URL, SEND_DATE))
    message = email.parser.BytesParser(policy=default).parsebytes(data)
    (sender,) = message["From"].addresses
    assert sender.addr_spec == FROM
    assert [address for _, address in getaddresses(message.get_all("From"))] == [FROM]
    # A mail client that decodes every encoded-word first and then looks for addresses.
    decoded = str(make_header(decode_header(raw_header(data, "From"))))
    assert [address for _, address in getaddresses([decoded])] == [FROM]
    assert all(len(line) <= 78 for line in data.split(b"\r\n\r\n")[0].decode("ascii").split("\r\n"))


@pytest.mark.parametrize(
    ("organisation", "shown"),
    [
        ("Community of Practice Limburg", "Community of Practice Limburg"),
        ("Coöperatie Café Limburg U.A.", "Coöperatie Café Limburg U.A."),
        ("CoP Limburg B.V.", "CoP Limburg B.V."),
        ("CoP Limburg, afdeling Noord", "CoP Limburg, afdeling Noord"),
    ],
)
def test_an_ordinary_display_name_is_shown_as_written(content, organisation: str, shown: str) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    settings = FeedSettings("CoP Limburg", "", organisation)
    data = message_bytes(edition_message(edition, settings, newsletter, SITE_URL, SEND_DATE))
    assert email.parser.BytesParser(policy=default).parsebytes(data)["From"].addresses[0].display_name == shown
    assert getaddresses([str(make_header(decode_header(raw_header(data, "From"))))]) == [(shown, FROM)]


def test_an_unsubscribe_url_cannot_add_a_target_or_break_the_list_unsubscribe_header(content) -> None:
    long_page = "https://lijst.example.nl/" + "afmelden/" * 12
    edition, _ = edition_of(mail_site(content), "2024-06")
    for url, expected in [
        (
            "https://lijst.example.nl/af>,<mailto:evil@evil.example>",
            "https://lijst.example.nl/af%3E%2C%3Cmailto:evil@evil.example%3E",
        ),
        ('https://lijst.example.nl/af"<,> x', "https://lijst.example.nl/af%22%3C%2C%3E%20x"),
        (long_page, long_page),
    ]:
        # As if a value had slipped past the settings' checks: the header must hold at the sink.
        newsletter = Newsletter.model_construct(
            list_address=NEWSLETTER["list_address"], from_address=FROM, unsubscribe_url=url
        )
        header = str(message_of(edition, newsletter)["List-Unsubscribe"])
        targets = [target.strip() for target in header.split(",")]
        assert all(target.startswith("<") and target.endswith(">") for target in targets), header
        assert [target[1:-1] for target in targets] == [f"mailto:{FROM}?subject=Afmelden%20CoPPIG", expected]


def test_a_site_url_whose_host_cannot_be_a_mail_domain_is_refused_in_dutch(content) -> None:
    edition, newsletter = edition_of(mail_site(content), "2024-06")
    with pytest.raises(MessageError) as raised:
        edition_message(edition, SETTINGS, newsletter, "https://www.cop>limburg.example/", SEND_DATE)
    assert str(raised.value).startswith("site_url in mkdocs.yml: de servernaam 'www.cop>limburg.example' kan niet")


def test_the_largest_edition_stays_under_100_kb(content) -> None:
    posts = {
        # Every title as long as a title may be.
        f"bericht-{n:02}.md": post((f"Bericht nummer {n} " + "lang " * 20)[:TITLE_LENGTH], f"2024-06-{n % 28 + 1:02}")
        for n in range(40)
    }
    edition, newsletter = edition_of(mail_site(content, **posts), "2024-06")
    assert len(email_html(edition, SETTINGS, SITE_URL, newsletter)) < 100_000
    assert len(message_bytes(edition_message(edition, SETTINGS, newsletter, SITE_URL, SEND_DATE))) < 150_000


def test_the_subscribe_page_offers_the_lists_sign_up_page_or_address_from_the_settings(content) -> None:
    config = mail_site(content)
    page = {"cop_coppig": "subscribe"}
    signup = syndication(config, Newsletter(subscribe_url="https://lijst.example.nl/aanmelden")).page_data(page)
    assert signup.email.url == "https://lijst.example.nl/aanmelden"
    by_mail = syndication(config, Newsletter(subscribe_address="coppig-aanmelden@example.nl")).page_data(page)
    assert by_mail.email.mailto == "mailto:coppig-aanmelden@example.nl?subject=Aanmelden%20CoPPIG"
    nothing = syndication(config, Newsletter()).page_data(page)
    assert (nothing.email.url, nothing.email.address, nothing.email.contact) == (None, None, SITE_URL + "contact/")


def test_without_a_list_the_subscribe_page_sends_visitors_to_the_contact_page_never_to_a_mailer(built_site: Path):
    document = html.parse(built_site / "coppig/abonneren/index.html").getroot()
    article = document.find(".//article")
    text = article.text_content()
    for sender_tool in ("Mailchimp", "Buttondown", "MailerLite", "RSS-to-email"):
        assert sender_tool not in text
    email_section = article.get_element_by_id("e-mail").getnext()
    links = [a.get("href") for a in email_section.itersiblings() if a.tag == "p" for a in a.iter("a")]
    assert SITE_URL + "contact/" in links


def test_edition_pages_speak_to_readers_only(built_site: Path) -> None:
    for page in sorted(built_site.glob("coppig/20*/index.html")):
        text = html.parse(page).getroot().find(".//article").text_content()
        assert "mailprogramma" not in text and "versturen" not in text, page
        assert "CoPPIG volgt" in text
