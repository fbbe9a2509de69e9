"""Slugs: turning a Dutch title into an id of lowercase letters, digits and hyphens ("Één dag" → "een-dag")."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    # An apostrophe joins, never splits: "IBO's" → "ibos", not "ibo-s".
    text = re.sub(r"['’‘`´]", "", text)
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("&", " en "))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "item"
