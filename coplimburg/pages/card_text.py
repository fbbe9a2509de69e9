"""Text on the social cards: which bundled font draws each character, lines in their own direction shaped by
Raqm, and text fitted to a width in logarithmic steps.

DejaVu Sans draws letters (Latin, Greek, Cyrillic, Hebrew, Arabic and their accents); Noto Emoji draws what
DejaVu lacks (emoji, pictographs). A character neither font has (Chinese, Devanagari, …) is left out, never
drawn as an empty box. Each line is cut into runs of one font and one direction (coplimburg.pages.bidi), put in
visual order and shaped by Raqm, so Hebrew reads from the right, Arabic letters join and accents sit on their
letter. Every measurement is of text that can appear on a line; the longest search halves its range each step.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import ImageDraw, ImageFont, features

from coplimburg.pages import bidi

FONTS = Path(__file__).parent / "fonts"
_TEXT_FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
# One weight serves both text weights: emoji are drawn as outlines, and the bold ones suit the title best.
_EMOJI_FONT = "NotoEmoji-Bold.ttf"
FONT_FILES = (*_TEXT_FONTS.values(), _EMOJI_FONT)
ELLIPSIS = "…"
# Three lines at 48 px hold about a hundred characters, and no more than ~200 of the narrowest; more than this
# is never measured or drawn.
MOST_CHARACTERS = 500
# Characters that belong to the one before them (combining marks are found by their category).
_EXTENDING = frozenset(
    [
        0x200D,  # zero-width joiner
        0x20E3,  # keycap
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
        *range(0x1F3FB, 0x1F400),  # skin tones
        *range(0xE0020, 0xE0080),  # tags (subdivision flags)
    ]
)
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)
_EMOJI_PRESENTATION = "\ufe0f"
# Drawn as spaces: control characters, line and paragraph separators, and the bidi embeddings, overrides and
# isolates (the content loader refuses those; a card keeps its own order of lines and runs).
_AS_SPACE = frozenset(["Cc", "Zl", "Zp"])
_BIDI_CONTROLS = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


class LayoutUnavailable(ValueError):
    """Pillow on this machine has no Raqm layout (or no FriBiDi for it): card text cannot be drawn right."""


def layout_problem() -> str:
    """Why card text cannot be laid out on this machine (Dutch), or '' when it can."""
    if features.check_feature("raqm") and bidi.available():
        return ""
    return (
        "deelafbeeldingen (social cards): Pillow mist op deze computer de tekstopmaak Raqm met FriBiDi, zonder "
        "welke Hebreeuws en Arabisch verkeerd en op elke computer anders getekend worden; installeer FriBiDi "
        "(Debian en Ubuntu: apt-get install libfribidi0) en bouw opnieuw"
    )


@cache
def layout_versions() -> tuple[str, str, str]:
    """The versions of the libraries that lay text out, for the cards' cache key."""
    return (str(features.version("raqm")), str(features.version("harfbuzz")), bidi.version())


@dataclass(frozen=True)
class Style:
    bold: bool
    size: int


@dataclass(frozen=True)
class Run:
    """A stretch of a line in one font (0: DejaVu, 1: Noto Emoji) and one direction; an emoji run's text is in
    visual order, left to right."""

    text: str
    font: int
    rtl: bool


@dataclass(frozen=True)
class Line:
    """One line of a card as the reader sees it: its text, how large, and which way it runs."""

    text: str
    style: Style
    rtl: bool


def printable(text: str) -> str:
    """Text as a card may show it: control characters and bidi controls drawn as spaces, runs of space as one,
    and no more than MOST_CHARACTERS characters."""
    kept = "".join(
        " " if unicodedata.category(char) in _AS_SPACE or ord(char) in _BIDI_CONTROLS else char
        for char in text[: 2 * MOST_CHARACTERS]
    )
    return " ".join(kept.split())[:MOST_CHARACTERS]


def drawable(text: str, bold: bool) -> str:
    """The printable text without what no bundled font can draw (and the space it leaves)."""
    kept = "".join(found[1] for cluster, _ in _clusters(printable(text)) if (found := _font_for(cluster, bold)))
    return " ".join(kept.split())


def one_line(text: str, style: Style, width: int) -> Line:
    """A text on one line, cut short with an ellipsis when it is wider than `width`."""
    text = drawable(text, style.bold)
    rtl = bidi.is_rtl(text)
    return Line(shorten(text, style, rtl, width), style, rtl)


def title_lines(title: str, width: int, sizes: tuple[int, ...], most: int) -> list[Line]:
    """The title at the largest size whose words fit in `most` lines without cutting one; at the smallest
    size, the last line holds the rest, cut short with an ellipsis."""
    text = drawable(title, True)
    rtl = bidi.is_rtl(text)
    words = text.split()
    for size in sizes:
        lines, used, cut = _wrap(words, Style(True, size), rtl, width, most)
        if used == len(words) and not cut:
            return [Line(line, Style(True, size), rtl) for line in lines]
    style = Style(True, sizes[-1])
    lines, used, _ = _wrap(words, style, rtl, width, most - 1)
    if used < len(words):
        lines.append(shorten(" ".join(words[used:]), style, rtl, width))
    return [Line(line, style, rtl) for line in lines]


def _wrap(words: list[str], style: Style, rtl: bool, width: int, most: int) -> tuple[list[str], int, bool]:
    """At most `most` lines of whole words, each as long as fits; a word longer than a line is cut short.
    Returns the lines, how many words they hold and whether a word was cut."""
    lines: list[str] = []
    used = 0
    cut = False
    while used < len(words) and len(lines) < most:
        rest = words[used : used + MOST_CHARACTERS]

        def fits(count: int, rest: list[str] = rest) -> bool:
            return measure(" ".join(rest[:count]), style, rtl) <= width

        count = longest(len(rest), fits)
        if count == 0:
            lines.append(shorten(rest[0], style, rtl, width))
            count, cut = 1, True
        else:
            lines.append(" ".join(rest[:count]))
        used += count
    return lines, used, cut


def shorten(text: str, style: Style, rtl: bool, width: int) -> str:
    """The text, or its longest start that fits `width` with an ellipsis after it; never inside a letter with
    its accents or an emoji sequence."""
    if measure(text, style, rtl) <= width:
        return text
    ends = [end for _, end in _clusters(text)]

    def start(count: int) -> str:
        return text[: ends[count - 1]].rstrip() if count else ""

    count = longest(len(ends) - 1, lambda count: measure(start(count) + ELLIPSIS, style, rtl) <= width)
    return start(count) + ELLIPSIS


def longest(most: int, fits: Callable[[int], bool]) -> int:
    """The largest count up to `most` that fits (0 when none does), in about 2·log2(count) calls: doubling until
    a count does not fit, then halving the gap. `fits` grows false once: shaping may break that by a pixel, and
    the answer still fits."""
    low, high = 0, 1
    while high <= most and fits(high):
        low, high = high, 2 * high
    high = min(high, most + 1)
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


@lru_cache(maxsize=4096)
def measure(text: str, style: Style, rtl: bool) -> float:
    """The width of a line in pixels, as `draw_line` draws it."""
    fonts = _fonts(style)
    return sum(fonts[run.font].getlength(run.text, direction=_direction(run)) for run in runs(text, style, rtl))


def draw_line(draw: ImageDraw.ImageDraw, line: Line, left: int, right: int, top: int, fill: int) -> None:
    """Draw a line between `left` and `right`, its font's ascender at `top`: a right-to-left line ends at
    `right`. Every run stands on the text font's baseline."""
    fonts = _fonts(line.style)
    x = right - measure(line.text, line.style, line.rtl) if line.rtl else left
    baseline = top + fonts[0].getmetrics()[0]
    for run in runs(line.text, line.style, line.rtl):
        font, direction = fonts[run.font], _direction(run)
        draw.text((x, baseline), run.text, font=font, fill=fill, anchor="ls", direction=direction)
        x += font.getlength(run.text, direction=direction)


@lru_cache(maxsize=4096)
def runs(text: str, style: Style, rtl: bool) -> tuple[Run, ...]:
    """A line as runs from left to right: each of one font and one direction, characters no font has left out.

    Emoji count as neutral characters that take the direction around them. Raqm draws emoji runs left to right,
    a right-to-left one with its emoji in reverse order: a machine's FriBiDi tables, which may predate an emoji
    and read it as a letter, then have nothing to reorder."""
    if not rtl and _EMOJI_PRESENTATION not in text and set(text) <= _left_to_right(style.bold):
        return (Run(text, 0, False),)  # the common line: one font, every level 0, as the steps below would find
    pieces = [found for cluster, _ in _clusters(text) if (found := _font_for(cluster, style.bold))]
    kept = "".join(cluster for _, cluster in pieces)
    classes = ["ON" if font else unicodedata.bidirectional(char) for font, cluster in pieces for char in cluster]
    resolved = bidi.levels(kept, classes, rtl)
    grouped: list[tuple[int, int, str]] = []  # level, font, text
    position = 0
    for font, cluster in pieces:
        level = resolved[position]
        position += len(cluster)
        if grouped and grouped[-1][:2] == (level, font):
            before = grouped[-1][2]
            grouped[-1] = (level, font, cluster + before if font and level % 2 else before + cluster)
        else:
            grouped.append((level, font, cluster))
    order = bidi.visual_order([level for level, _, _ in grouped])
    return tuple(Run(grouped[at][2], grouped[at][1], grouped[at][0] % 2 == 1) for at in order)


def _direction(run: Run) -> str:
    return "rtl" if run.rtl and not run.font else "ltr"


def _clusters(text: str) -> Iterator[tuple[str, int]]:
    """Each letter with its accents, each emoji with its modifiers and joined parts, with where it ends."""
    start = 0
    for position in range(1, len(text) + 1):
        if position < len(text) and _extends(text, position):
            continue
        yield text[start:position], position
        start = position


def _extends(text: str, position: int) -> bool:
    code = ord(text[position])
    previous = ord(text[position - 1])
    if code in _EXTENDING or previous == 0x200D or unicodedata.category(text[position])[0] == "M":
        return True
    # A flag is a pair of regional indicators.
    if code in _REGIONAL_INDICATORS and previous in _REGIONAL_INDICATORS:
        pairs = 0
        while position - pairs - 1 >= 0 and ord(text[position - pairs - 1]) in _REGIONAL_INDICATORS:
            pairs += 1
        return pairs % 2 == 1
    return False


def _font_for(cluster: str, bold: bool) -> tuple[int, str] | None:
    """The font that draws a cluster (0: text, 1: emoji) and the cluster's characters it has; None when no
    font has its first character. A character asked for as an emoji (U+FE0F) comes from the emoji font."""
    covered = (_coverage(_TEXT_FONTS[bold]), _coverage(_EMOJI_FONT))
    order = (1, 0) if _EMOJI_PRESENTATION in cluster else (0, 1)
    for font in order:
        if ord(cluster[0]) in covered[font]:
            return font, "".join(char for char in cluster if ord(char) in covered[font])
    return None


@cache
def _left_to_right(bold: bool) -> frozenset[str]:
    """The text font's characters that cannot start a right-to-left run: no Hebrew, Arabic, Arabic digits or
    explicit direction controls."""
    right_to_left = {"R", "AL", "AN", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"}
    return frozenset(
        chr(code) for code in _coverage(_TEXT_FONTS[bold]) if unicodedata.bidirectional(chr(code)) not in right_to_left
    )


@cache
def _coverage(name: str) -> frozenset[int]:
    """The code points a bundled font has a glyph for (its character map)."""
    with TTFont(str(FONTS / name), lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def _fonts(style: Style) -> tuple[ImageFont.FreeTypeFont, ImageFont.FreeTypeFont]:
    raqm = ImageFont.Layout.RAQM
    return (
        ImageFont.truetype(str(FONTS / _TEXT_FONTS[style.bold]), style.size, layout_engine=raqm),
        ImageFont.truetype(str(FONTS / _EMOJI_FONT), style.size, layout_engine=raqm),
    )
