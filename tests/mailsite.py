"""A small site for the CoPPIG e-mail tests: a few news posts in chosen months and a mkdocs.yml for `cop coppig`."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://www.communityofpracticelimburg.nl/"
LOGO = REPO / "docs/assets/images/cop-logo.png"
NEWSLETTER = {
    "list_address": "coppig@lijst.example.nl",
    "from_address": "redactie@communityofpracticelimburg.nl",
    "unsubscribe_url": "https://lijst.example.nl/afmelden",
}


def post(
    title: str, published: str, summary: str = "Een korte samenvatting van dit bericht.", image: bool = False
) -> str:
    front: dict[str, Any] = {"title": title, "summary": summary, "published": published, "categories": ["coppisch"]}
    if image:
        front |= {"image": "images/zaal.png", "image_alt": "Zaal vol deelnemers"}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\nDe tekst van het bericht.\n"


# Two editions: June 2024 (three posts, one with an image and one with markup in its title) and May 2024.
POSTS = {
    "juni-een.md": post("Groot klankbord <2025> & meer", "2024-06-20", summary="Samen kijken naar de toekomst."),
    "juni-twee.md": post("Nieuwe innovatietafel", "2024-06-10", image=True),
    "juni-drie.md": post("Terugblik CoPpisch", "2024-06-03"),
    "mei-een.md": post("Aankondiging CoPpisch", "2024-05-15"),
}


def mail_site(content: Callable[..., Path], newsletter: dict[str, str] | None = None, **posts: str) -> Path:
    """The content tree with `posts` (default POSTS) and the logo as image, plus mkdocs.yml beside it; returns
    the mkdocs.yml path."""
    root = content(news=posts or POSTS)
    (root / "news/images").mkdir(exist_ok=True)
    shutil.copy(LOGO, root / "news/images/zaal.png")
    config = root.parent / "mkdocs.yml"
    cop = {"content_dir": root.name, "newsletter": NEWSLETTER if newsletter is None else newsletter}
    data = {"site_name": "CoP Limburg", "site_url": SITE_URL, "extra": {"cop": cop}}
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return config
