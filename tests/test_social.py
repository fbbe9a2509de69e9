"""Sharing a link: OpenGraph and Twitter card tags on every page, and the social card images they point at."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import lxml.html
import pytest
import yaml
from fontTools.ttLib import TTFont
from pages import SITE_URL, html_files, url_path_of
from PIL import Image, ImageDraw, ImageFont

from coplimburg.content.loader import load
from coplimburg.pages import card_text, cards
from coplimburg.pages.cards import HEIGHT, TITLE_LINES, TITLE_SIZES, WIDTH, Card, cached, render, site_cards
from coplimburg.problems import ContentError

LOGO = Path(__file__).parent / "sample" / "docs" / "assets" / "images" / "cop-logo.png"
OPEN_GRAPH = ("og:type", "og:site_name", "og:locale", "og:title", "og:description", "og:url", "og:image")
IMAGE = ("og:image:width", "og:image:height", "og:image:alt")
TWITTER = ("twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt")


def tags(file: Path) -> dict[str, str]:
    document = lxml.html.parse(str(file)).getroot()
    found: dict[str, str] = {}
    for meta in document.xpath("//head/meta[@property or @name]"):
        key = meta.get("property") or meta.get("name")
        assert key not in found or not key.startswith(("og:", "twitter:")), f"{file}: {key} twice"
        found[key] = meta.get("content")
    return found


def test_every_page_has_open_graph_and_twitter_tags_with_absolute_urls(built_site):
    for file in html_files(built_site):
        if file.name == "404.html":
            continue  # no page of its own to share: MkDocs renders it without page events
        found = tags(file)
        path = url_path_of(built_site, file)
        assert all(found.get(key) for key in OPEN_GRAPH + IMAGE + TWITTER), path
        assert found["og:locale"] == "nl_NL"
        for key in ("og:url", "og:image", "twitter:image"):
            assert found[key].startswith(SITE_URL), (path, key)
        image = found["og:image"].removeprefix(SITE_URL)
        assert (built_site / image).is_file(), (path, image)
        assert (found["og:image:width"], found["og:image:height"]) == ("1200", "630")


def test_an_item_page_shares_its_own_card_and_its_canonical_url(built_site):
    found = tags(built_site / "agenda" / "werksessie-leerroutes" / "index.html")
    assert found["og:url"] == SITE_URL + "agenda/werksessie-leerroutes/"
    assert found["og:image"] == SITE_URL + "assets/cards/agenda/werksessie-leerroutes.png"
    assert found["og:title"] == "Werksessie leerroutes voor praktijkopleiders"
    assert "Werksessie leerroutes voor praktijkopleiders" in found["og:image:alt"]


def test_a_news_post_is_shared_as_an_article_with_its_date(built_site):
    posts = sorted((built_site / "coppig" / "nieuws").glob("*/index.html"))
    assert posts
    for file in posts:
        found = tags(file)
        assert found["og:type"] == "article"
        assert found["article:published_time"]


def front_matter(file: Path) -> dict[str, str]:
    data: dict[str, str] = yaml.safe_load(file.read_text(encoding="utf-8").split("---\n")[1])
    return data


@pytest.mark.parametrize(
    ("source", "url_path"),
    [
        ("content/news/nieuw-in-coppyright-checklist.md", "coppig/nieuws/nieuw-in-coppyright-checklist/"),
        ("content/events/werksessie-leerroutes.md", "agenda/werksessie-leerroutes/"),
    ],
)
def test_a_shared_title_and_description_read_back_as_the_front_matter_text(built_site, source, url_path):
    # 'scholen & bedrijven' and "IBO's" were escaped twice: link previews showed 'scholen &amp; bedrijven'.
    written = front_matter(Path(__file__).parent / "sample" / source)
    found = tags(built_site / url_path / "index.html")
    assert found["og:description"] == found["twitter:description"] == written["summary"]
    assert found["og:title"] == found["twitter:title"] == written["title"]


def test_every_item_page_and_main_page_has_a_card_of_1200_by_630(built_site):
    folder = built_site / "assets" / "cards"
    for page in ("index", "agenda", "coppyright", "coppig", "innovatietafels", "agenda/werksessie-leerroutes"):
        with Image.open(folder / f"{page}.png") as image:
            assert image.size == (1200, 630)
            assert image.format == "PNG"
            assert not image.info.get("timestamp") and not image.text  # nothing that changes between builds


@pytest.mark.parametrize(
    "title", ["Een titel die lang genoeg is om over twee regels te lopen", "שלום 🧱 עולם en مرحبا bij de CoP 👩‍💻"]
)
def test_the_same_card_gives_the_same_bytes(title):
    card = Card("assets/cards/x.png", title, "CoPpisch", "vandaag")
    logo = LOGO.read_bytes()
    first = render(card, logo)
    card_text.measure.cache_clear()  # the second card is laid out anew, not from the first one's measurements
    card_text.runs.cache_clear()
    assert render(card, logo) == first


def test_a_cached_card_is_not_drawn_again(tmp_path, monkeypatch):
    card = Card("assets/cards/x.png", "Titel", "Nieuws", "1 januari 2026")
    logo = LOGO.read_bytes()
    first = cached(card, logo, tmp_path)
    drawn: list[Card] = []
    monkeypatch.setattr(cards, "render", lambda card, logo: drawn.append(card) or b"")
    assert cached(card, logo, tmp_path) == first
    assert drawn == []
    cached(Card("assets/cards/x.png", "Andere titel", "Nieuws", "1 januari 2026"), logo, tmp_path)
    assert len(drawn) == 1


def test_a_card_draws_control_characters_as_spaces():
    card = Card("assets/cards/x.png", "Titel\u202ebidi\tmet tab", "", "")
    assert text_mask(card).tobytes() == text_mask(Card("assets/cards/x.png", "Titel bidi met tab", "", "")).tobytes()


# Drawing text: every script the fonts have, in its own direction, inside the card.

MARGIN = 80
BOTTOM = HEIGHT - MARGIN - 80  # the date's line; the title stays above it, the mark in the corner is no text


def text_mask(card: Card) -> Image.Image:
    """Where the card drew text: palette indices 1–127 are the text's shades (0 is the ground, 128 up the mark)."""
    with Image.open(io.BytesIO(render(card, LOGO.read_bytes()))) as image:
        indices = Image.frombytes("L", image.size, image.tobytes())
    return indices.point(lambda index: 255 if 0 < index < 128 else 0)


def title_ink(title: str) -> tuple[int, int, int, int]:
    """The bounding box of a card's title alone (no kind, no date), measured on the drawn pixels."""
    box = text_mask(Card("assets/cards/x.png", title)).crop((0, 0, WIDTH, BOTTOM)).getbbox()
    assert box is not None, title
    return box


def raqm_font(size: int = TITLE_SIZES[0]) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(card_text.FONTS / "DejaVuSans-Bold.ttf"), size, layout_engine=ImageFont.Layout.RAQM)


def test_a_right_to_left_title_draws_its_first_letter_at_the_right():
    # ה and ח are equally wide: changing the first letter changes only where that letter is drawn.
    assert raqm_font().getlength("ה") == raqm_font().getlength("ח")
    first, second = (text_mask(Card("assets/cards/x.png", f"{letter}לום עולם")) for letter in "הח")
    changed = [
        x for x in range(WIDTH) for y in range(MARGIN, BOTTOM) if first.getpixel((x, y)) != second.getpixel((x, y))
    ]
    assert changed
    # The line ends at the right margin, and the first letter is its rightmost glyph.
    assert min(changed) > WIDTH - MARGIN - 2 * raqm_font().getlength("ה")
    assert title_ink("חלום עולם")[2] in range(WIDTH - MARGIN - 8, WIDTH - MARGIN + 1)


def ink_width(text: str, direction: str) -> int:
    """How wide Raqm draws a text on its own, measured on the pixels."""
    canvas = Image.new("L", (WIDTH, 200), 0)
    ImageDraw.Draw(canvas).text((20, 20), text, font=raqm_font(), fill=255, direction=direction)
    left, _, right, _ = canvas.getbbox() or (0, 0, 0, 0)
    return right - left


def test_arabic_letters_are_drawn_joined():
    word = "مرحبا"
    left, _, right, _ = title_ink(word)
    isolated = sum(raqm_font().getlength(letter) for letter in word)  # each letter alone takes its isolated form
    assert abs((right - left) - ink_width(word, "rtl")) <= 1
    assert isolated - (right - left) > 20


def test_an_accent_written_as_a_combining_mark_sits_on_its_letter():
    decomposed = text_mask(Card("assets/cards/x.png", "Cafe\u0301 in Zu\u0308rich", "Nieuws", "1 januari 2026"))
    precomposed = text_mask(Card("assets/cards/x.png", "Café in Zürich", "Nieuws", "1 januari 2026"))
    assert decomposed.tobytes() == precomposed.tobytes()


def test_hebrew_words_around_emoji_keep_their_right_to_left_order():
    lines = card_text.title_lines("שלום 🧱🎉 עולם", WIDTH - 2 * MARGIN, TITLE_SIZES, TITLE_LINES)
    (line,) = lines
    assert line.rtl
    # From left to right: the last word, the emoji (the second one first), the first word. Hebrew runs are drawn
    # right to left; emoji runs hold their emoji in the order they stand from left to right.
    runs = card_text.runs(line.text, line.style, line.rtl)
    assert [(run.text, run.rtl) for run in runs] == [(" עולם", True), ("🎉🧱", True), ("שלום ", True)]


NOTDEF_PROBE = "\U0010fffd"  # a private-use code point: neither bundled font has it, so it draws .notdef


def notdef_mask(file: Path, size: int) -> bytes:
    return bytes(ImageFont.truetype(str(file), size, layout_engine=ImageFont.Layout.RAQM).getmask(NOTDEF_PROBE))


@pytest.mark.parametrize(
    "title",
    [
        "Nieuw in CoPyright: de blokkendoos 🧱 voor scholen & bedrijven",
        "Klaar ✅ 👩‍💻 🇳🇱 1️⃣ 👍🏽 en 中文 of हिन्दी, die geen lettertype heeft",
    ],
)
def test_no_drawn_glyph_is_an_empty_box(title):
    files = {0: card_text.FONTS / "DejaVuSans-Bold.ttf", 1: card_text.FONTS / "NotoEmoji-Bold.ttf"}
    maps = {font: set(TTFont(str(file)).getBestCmap()) for font, file in files.items()}
    drawn = ""
    for line in card_text.title_lines(title, WIDTH - 2 * MARGIN, TITLE_SIZES, TITLE_LINES):
        for run in card_text.runs(line.text, line.style, line.rtl):
            assert {char for char in run.text if ord(char) not in maps[run.font]} == set(), run
            font = ImageFont.truetype(str(files[run.font]), line.style.size, layout_engine=ImageFont.Layout.RAQM)
            for char in run.text.replace("\u200d", "").replace("\ufe0f", "").replace(" ", ""):
                assert bytes(font.getmask(char)) != notdef_mask(files[run.font], line.style.size), (char, run)
            drawn += run.text
    assert "🧱" in drawn or "✅" in drawn


@pytest.mark.parametrize(
    "title",
    [
        "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt en nog wat",
        "Werksessie leerroutes " * 455,  # 10,010 characters, past the model's limit
        "x" * 10_000,
        "שלום " * 2000,
    ],
    ids=["a long word", "10,000 characters of words", "one word of 10,000", "10,000 characters of Hebrew"],
)
def test_a_title_too_long_for_the_card_is_cut_with_an_ellipsis_inside_the_margins(title):
    card = Card("assets/cards/x.png", title, "Nieuws " * 100, "1 januari 2026")
    left, top, right, bottom = text_mask(card).getbbox() or (0, 0, 0, 0)
    assert (left, top) >= (MARGIN, MARGIN) and (right, bottom) <= (WIDTH - MARGIN, HEIGHT - MARGIN)
    lines = card_text.title_lines(title, WIDTH - 2 * MARGIN, TITLE_SIZES, TITLE_LINES)
    assert len(lines) <= TITLE_LINES
    assert any(line.text.endswith(card_text.ELLIPSIS) for line in lines)


def test_the_alt_text_keeps_every_word_the_card_cuts():
    title = "Werksessie leerroutes " * 20
    assert title.strip() in Card("assets/cards/x.png", title.strip(), "Nieuws").alt


def test_a_machine_without_raqm_is_told_in_dutch_instead_of_drawing_wrongly(monkeypatch, content):
    site = load(content())
    monkeypatch.setattr(card_text.features, "check_feature", lambda feature: False)
    with pytest.raises(ValueError, match="installeer FriBiDi"):
        site_cards(site, dt.date(2026, 6, 1), "CoP Limburg")
    with pytest.raises(ValueError, match="Raqm"):
        render(Card("assets/cards/x.png", "Titel"), LOGO.read_bytes())


EVENT_WITHOUT_ADDRESS = """---
title: Bijeenkomst
summary: Een korte samenvatting.
kind: overig
start: 2026-06-01 13:00
location: Center Court
published: 2026-05-01
---
"""


def test_an_event_at_a_place_without_address_or_town_asks_for_an_address(content):
    with pytest.raises(ContentError) as raised:
        load(content(events={"bijeenkomst.md": EVENT_WITHOUT_ADDRESS}))
    (problem,) = [one for one in raised.value.problems if one.field == "location"]
    assert "'Center Court' heeft geen adres: vul address in" in problem.message


def test_an_event_at_a_partner_s_venue_needs_no_address_of_its_own(content):
    text = EVENT_WITHOUT_ADDRESS.replace("location: Center Court", "location: CHILL, lab 3\npartners: [chill]")
    site = load(content(events={"bijeenkomst.md": text}))
    assert site.events["bijeenkomst"].address is None


def _post_with_image(name: str) -> str:
    return (
        "---\ntitle: Bericht\nsummary: Een korte samenvatting.\npublished: 2026-05-01\n"
        f"image: images/{name}\nimage_alt: Een foto\n---\nTekst.\n"
    )


def test_an_image_in_an_unsupported_format_gets_a_dutch_error_naming_the_file(content):
    root = content(news={"bericht.md": _post_with_image("foto.gif")})
    (root / "news" / "images").mkdir(exist_ok=True)
    Image.new("RGB", (10, 10)).save(root / "news" / "images" / "foto.gif")
    with pytest.raises(ContentError) as raised:
        load(root)
    (problem,) = [one for one in raised.value.problems if one.field == "image"]
    assert "'images/foto.gif': gebruik een JPEG-, PNG- of WebP-afbeelding" in problem.message


def test_an_oversized_image_gets_a_dutch_error_naming_the_file(content):
    root = content(news={"bericht.md": _post_with_image("groot.png")})
    (root / "news" / "images").mkdir(exist_ok=True)
    Image.new("1", (7000, 10)).save(root / "news" / "images" / "groot.png")
    with pytest.raises(ContentError) as raised:
        load(root)
    (problem,) = [one for one in raised.value.problems if one.field == "image"]
    assert (
        problem.message
        == "'images/groot.png' is 7000×10 pixels; maak de afbeelding hoogstens 6000 pixels breed en hoog"
    )


def test_a_broken_image_file_gets_a_dutch_error_naming_the_file(content):
    root = content(news={"bericht.md": _post_with_image("kapot.jpg")})
    (root / "news" / "images").mkdir(exist_ok=True)
    (root / "news" / "images" / "kapot.jpg").write_bytes(b"\xff\xd8" + b"0" * 1000)
    with pytest.raises(ContentError) as raised:
        load(root)
    (problem,) = [one for one in raised.value.problems if one.field == "image"]
    assert problem.message.startswith("'images/kapot.jpg' is geen leesbare afbeelding")


def test_cards_drawn_by_several_processes_are_the_bytes_one_process_draws(tmp_path, monkeypatch):
    logo = LOGO.read_bytes()
    many = [
        Card(f"assets/cards/x-{number}.png", f"Kaart {number}", "Evenement", "1 januari 2027") for number in range(4)
    ]
    monkeypatch.setattr(cards, "_PARALLEL_FROM", 2)  # the first build of a large site: drawn in parallel
    parallel = cards.cached_all(many, logo, tmp_path / "parallel")
    one_by_one = {card.path: cached(card, logo, tmp_path / "serial") for card in many}
    assert {path: file.read_bytes() for path, file in parallel.items()} == {
        path: file.read_bytes() for path, file in one_by_one.items()
    }
