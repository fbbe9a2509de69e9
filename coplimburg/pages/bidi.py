"""Bidirectional text for the social cards: embedding levels by FriBiDi (the library Pillow's Raqm layout uses)
and the visual order of runs (rule L2 of the Unicode bidi algorithm).

FriBiDi resolves the levels, but the bidi class of each character comes from Python's own Unicode database:
FriBiDi's tables differ between machines (1.0.8 knows Unicode 10, so it reads a newer emoji as a left-to-right
letter), and the same card must give the same levels everywhere.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections.abc import Sequence
from functools import cache

# The names Pillow's Raqm loads FriBiDi by at run time (its wheels do not bundle it), in Pillow's order.
_LIBRARIES = (
    "libfribidi.so",
    "libfribidi.so.0",
    "libfribidi.dylib",
    "/usr/local/lib/libfribidi.dylib",
    "fribidi-0.dll",
)
# One character of each bidi class: FriBiDi tells its own code for the class (no constants copied from its headers).
_SAMPLES = {
    "L": "a",
    "R": "\u05d0",
    "AL": "\u0627",
    "EN": "1",
    "ES": "+",
    "ET": "#",
    "AN": "\u0660",
    "CS": ",",
    "NSM": "\u0300",
    "BN": "\u00ad",
    "B": "\u2029",
    "S": "\t",
    "WS": " ",
    "ON": "!",
    "LRE": "\u202a",
    "LRO": "\u202d",
    "RLE": "\u202b",
    "RLO": "\u202e",
    "PDF": "\u202c",
    "LRI": "\u2066",
    "RLI": "\u2067",
    "FSI": "\u2068",
    "PDI": "\u2069",
}


class _FriBidi:
    def __init__(self, library: ctypes.CDLL) -> None:
        self.library = library
        library.fribidi_get_bidi_type.restype = ctypes.c_uint32
        library.fribidi_get_bidi_type.argtypes = [ctypes.c_uint32]
        self.types = {name: int(library.fribidi_get_bidi_type(ord(char))) for name, char in _SAMPLES.items()}


@cache
def _fribidi() -> _FriBidi | None:
    for name in _LIBRARIES:
        try:
            return _FriBidi(ctypes.CDLL(name))
        except OSError:
            continue
    return None


def available() -> bool:
    """Whether FriBiDi can be loaded (Raqm cannot work without it either)."""
    return _fribidi() is not None


def version() -> str:
    """FriBiDi's own version line, for cache keys: '(GNU FriBidi) 1.0.8'."""
    fribidi = _fribidi()
    if fribidi is None:
        return ""
    info = ctypes.c_char_p.in_dll(fribidi.library, "fribidi_version_info").value or b""
    return info.decode("ascii", "replace").splitlines()[0]


def is_rtl(text: str) -> bool:
    """Whether a paragraph runs right to left: its first strong character is Hebrew or Arabic (rules P2, P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def levels(text: str, classes: Sequence[str], rtl: bool) -> list[int]:
    """The embedding level of each character of `text`, given each one's bidi class ('L', 'R', 'ON', …) and the
    paragraph direction; even levels run left to right, odd levels right to left."""
    fribidi = _fribidi()
    if fribidi is None:
        raise RuntimeError("FriBiDi is not available; check available() first")
    count = len(text)
    if count == 0:
        return []
    default = fribidi.types["L"]  # an unassigned code point (Python's database answers '')
    types = (ctypes.c_uint32 * count)(*(fribidi.types.get(kind, default) for kind in classes))
    # Bracket pairs (rule N0) by code point: a stable list since Unicode 6.3.
    brackets = (ctypes.c_uint32 * count)()
    characters = (ctypes.c_uint32 * count)(*map(ord, text))
    fribidi.library.fribidi_get_bracket_types(characters, ctypes.c_int(count), types, brackets)
    resolved = (ctypes.c_int8 * count)()
    direction = ctypes.c_uint32(fribidi.types["R" if rtl else "L"])
    fribidi.library.fribidi_get_par_embedding_levels_ex(
        types, brackets, ctypes.c_int(count), ctypes.byref(direction), resolved
    )
    return list(resolved)


def visual_order(run_levels: Sequence[int]) -> list[int]:
    """The runs' indices from left to right: from the highest level down to the lowest odd one, every
    stretch of runs at that level or above is reversed (rule L2)."""
    order = list(range(len(run_levels)))
    if not order:
        return order
    lowest_odd = min(level for level in run_levels) | 1
    for level in range(max(run_levels), lowest_odd - 1, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and run_levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    return order
