"""Social cards: the 1200×630 PNG a shared link shows, one per item page and main page, drawn with Pillow.

A card is named by the page it belongs to and cached by a hash of what it shows (text, logo, fonts, this
module's drawing version, Pillow's and its text layout's), so an unchanged page costs a file copy on the next
build. Its text is laid out by coplimburg.pages.card_text. The PNG carries no timestamp or text chunk: the same
card gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

import PIL
from PIL import Image, ImageDraw

from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.site import Site
from coplimburg.pages.cache import Expected, cached_file, holds
from coplimburg.pages.card_text import (
    FONT_FILES,
    FONTS,
    LayoutUnavailable,
    Style,
    draw_line,
    drawable,
    layout_problem,
    layout_versions,
    one_line,
    title_lines,
)
from coplimburg.pages.display import display_of
from coplimburg.urls import card_path, item_path
from coplimburg.words import HOME_TAGLINE, KINDS

WIDTH, HEIGHT = 1200, 630
# What a cached card must be to be published (coplimburg.pages.cache); anything else is drawn again.
EXPECTED = Expected("PNG", (WIDTH, HEIGHT))
# Bump when the drawing changes, so cached cards are drawn anew.
DRAWING_VERSION = "3"
# The title's sizes, largest first, and how many lines it may take (more would run into the mark).
TITLE_SIZES = (64, 56, 48)
TITLE_LINES = 3
# From this many cards to draw, starting worker processes (about half a second) pays for itself.
_PARALLEL_FROM = 64
_TEAL = (0, 121, 107)
_WHITE = (255, 255, 255)
_LIGHT_SHADE = 200  # the kind and the rule: a lighter teal-white than the title
_MARGIN = 80
_LOGO_SIZE = 160


@dataclass(frozen=True)
class Card:
    """What one card shows; `path` is where it is published on the site."""

    path: str
    title: str
    kind: str = ""
    date: str = ""

    @property
    def alt(self) -> str:
        """The card's text for who does not see it: the same words it shows."""
        parts = [part for part in (self.kind, self.title, self.date) if part]
        return "CoP Limburg – " + ": ".join(parts[:2]) + (f", {parts[2]}" if len(parts) > 2 else "")

    def key(self, logo: bytes) -> str:
        shown = [
            DRAWING_VERSION,
            PIL.__version__,
            *layout_versions(),
            self.title,
            self.kind,
            self.date,
            _digest(logo),
            _font_digest(),
        ]
        return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode("utf-8")).hexdigest()


def site_cards(site: Site, today: dt.date, site_name: str) -> dict[str, Card]:
    """Every card of the site by the URL path of its page: the home page, the overviews and every item.
    Raises LayoutUnavailable (Dutch) on a machine that cannot draw their text right."""
    if problem := layout_problem():
        raise LayoutUnavailable(problem)
    return {page: card for page, card in _cards(site, today, site_name)}


def _cards(site: Site, today: dt.date, site_name: str) -> Iterator[tuple[str, Card]]:
    yield "", Card(card_path(""), site_name, KINDS["home"], HOME_TAGLINE)
    for collection in COLLECTIONS.values():
        if collection.overview:
            page = collection.overview.source.removesuffix("index.md")
            yield page, Card(card_path(page), collection.overview.title, KINDS["overview"])
    for key in COLLECTIONS:
        display = display_of(key)
        for item in site.items[key].values():
            page = item_path(key, item.id)
            kind, date = display.card(site, item, today)
            yield page, Card(card_path(page), item.page_title, kind, date)


def cached_all(cards: list[Card], logo: bytes, folder: Path) -> dict[str, Path]:
    """Every card's PNG in the cache folder by its output path. Cards not in the cache are drawn; many at once
    (a first build) are drawn by one process per core: each card is independent, so the bytes do not change."""
    targets = {card.path: folder / f"{card.key(logo)}.png" for card in cards}
    missing = [card for card in cards if not holds(targets[card.path], EXPECTED)]
    workers = min(os.cpu_count() or 1, 8)
    if len(missing) >= _PARALLEL_FROM and workers > 1:
        # "spawn": MkDocs' preview runs threads, and forking a threaded process can deadlock.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(cached, missing, repeat(logo), repeat(folder), chunksize=32))
    else:
        for card in missing:
            cached(card, logo, folder)
    return targets


def cached(card: Card, logo: bytes, folder: Path) -> Path:
    """The card's PNG in the cache folder, drawn only when no card with the same content is there."""
    return cached_file(folder / f"{card.key(logo)}.png", EXPECTED, lambda: render(card, logo))


def render(card: Card, logo: bytes) -> bytes:
    """The card as PNG bytes: kind above, the title large, the date below, the CoP's mark in the corner.

    Text is drawn as coverage (0–255) and written as a palette image: 128 shades from the house teal to
    white for the text, 128 colours for the mark. A palette PNG encodes in a third of the time of RGB."""
    if problem := layout_problem():
        raise LayoutUnavailable(problem)
    coverage = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(coverage)
    left, right = _MARGIN, WIDTH - _MARGIN
    top = _MARGIN
    if drawable(card.kind, False):
        draw_line(draw, one_line(card.kind, Style(False, 30), right - left), left, right, top, _LIGHT_SHADE)
        top += 70
    for line in title_lines(card.title, right - left, TITLE_SIZES, TITLE_LINES):
        draw_line(draw, line, left, right, top, 255)
        top += int(line.style.size * 1.25)
    bottom = HEIGHT - _MARGIN
    if drawable(card.date, False):
        draw_line(draw, one_line(card.date, Style(False, 34), right - left), left, right, bottom - 40, 255)
    draw.line((_MARGIN, bottom - 70, _MARGIN + 120, bottom - 70), fill=_LIGHT_SHADE, width=4)
    palette, block, corner = _mark(logo)
    image = coverage.point(lambda value: value // 2)
    image.paste(block, corner)
    image.putpalette(palette)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


@cache
def _mark(logo: bytes) -> tuple[list[int], Image.Image, tuple[int, int]]:
    """The palette (128 shades from teal to white, then the mark's own 128 colours by median cut, the same
    every time), the mark on a white rounded square as indices 128–255, and where that square goes."""
    pad = 8
    block = Image.new("RGB", (_LOGO_SIZE + 2 * pad, _LOGO_SIZE + 2 * pad), _TEAL)
    # A white frame behind the mark keeps its own teal square apart from the card's teal.
    ImageDraw.Draw(block).rounded_rectangle((0, 0, *(side - 1 for side in block.size)), radius=28, fill=_WHITE)
    mark = Image.open(io.BytesIO(logo)).convert("RGBA").resize((_LOGO_SIZE, _LOGO_SIZE), Image.Resampling.LANCZOS)
    block.paste(mark, (pad, pad), mark)
    quantized = block.quantize(128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    colours = (quantized.getpalette() or [])[: 128 * 3]
    colours += [0] * (128 * 3 - len(colours))
    ramp = [
        round(teal + (white - teal) * step / 127)
        for step in range(128)
        for teal, white in zip(_TEAL, _WHITE, strict=True)
    ]
    indices = Image.frombytes("L", quantized.size, bytes(index + 128 for index in quantized.tobytes()))
    corner = (WIDTH - _MARGIN - _LOGO_SIZE - pad, HEIGHT - _MARGIN - _LOGO_SIZE - pad)
    return ramp + colours, indices, corner


@cache
def _font_digest() -> str:
    return _digest(b"".join((FONTS / name).read_bytes() for name in FONT_FILES))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
