"""Field types shared by the content models, and the translation of validation errors into Dutch problems.

Each type carries its own JSON Schema, so the schemas editors' tools read say what the loader checks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, WithJsonSchema, model_validator
from pydantic.json_schema import SkipJsonSchema

from coplimburg.content.addresses import WEB_SCHEMES, address_problem
from coplimburg.content.source import Document, Location, dotted
from coplimburg.dates import Moment, NotADate, parse_day, parse_moment
from coplimburg.expected import not_a_date, not_a_web_address, refused_web_address, year_out_of_range
from coplimburg.problems import FieldError, FieldErrors, Problem, describe, raise_found, suggestion, visible

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# An item named `index` would replace its section's overview page (`<section>/index.md`).
RESERVED_IDS = frozenset({"index"})
# Characters no value may hold: control characters (line feeds are allowed where text may have several
# lines, and refused by the one-line types), line separators, bidi overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# In the Markdown text: tabs and line ends (also the \r of Windows files) are text, other control characters
# are not, and XML (the feeds) cannot carry them at all.
_BODY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def invisible_character(text: str) -> str | None:
    """The first control character a front-matter value may not hold (outputs cannot carry it), if any."""
    found = _CONTROL.search(text)
    return found.group() if found else None


def _one_line(limit: int, what: str) -> Callable[[object], object]:
    """The check of a one-line text (`_text`) of at most `limit` characters, saying what to shorten when it is
    longer (the JSON Schema's maxLength says the same to editors' tools)."""

    def check(value: object) -> object:
        value = _text(value)
        if isinstance(value, str) and len(value.strip()) > limit:
            raise ValueError(f"te lang ({len(value.strip())} tekens, hoogstens {limit}); kort {what} in")
        return value

    return check


# One-line texts and how long each may be (docs-redactie/formaat.md says the same to editors). A title fits three
# lines of its social card at the smallest size (48 px bold: 99.5 % of 80-character stretches of the site's own
# titles and summaries fit, 88 % at 90), a search result and a mail preview; names are the titles of partners and
# people; labels (vocabulary names, roles, versions, matrix columns) fit a filter button, a table cell and the
# card's kind line; places, addresses and cadence fit a line of an event or table page and a calendar LOCATION.
TITLE_LENGTH = 80
NAME_LENGTH = 80
LABEL_LENGTH = 40
TEXT_LENGTH = 100
# Image descriptions and matrix activities are a sentence; paths stay far below what file systems allow.
LONG_TEXT_LENGTH = 200
PATH_LENGTH = 200
Title = Annotated[
    str, BeforeValidator(_one_line(TITLE_LENGTH, "de titel")), Field(min_length=1, max_length=TITLE_LENGTH)
]
Name = Annotated[str, BeforeValidator(_one_line(NAME_LENGTH, "de naam")), Field(min_length=1, max_length=NAME_LENGTH)]
Label = Annotated[
    str, BeforeValidator(_one_line(LABEL_LENGTH, "de tekst")), Field(min_length=1, max_length=LABEL_LENGTH)
]
LongText = Annotated[
    str, BeforeValidator(_one_line(LONG_TEXT_LENGTH, "de tekst")), Field(min_length=1, max_length=LONG_TEXT_LENGTH)
]
FilePath = Annotated[
    str, BeforeValidator(_one_line(PATH_LENGTH, "het pad")), Field(min_length=1, max_length=PATH_LENGTH)
]
# The folders beside an item's file that hold its images and its downloads (files/<id>/), not items.
IMAGE_FOLDER = "images"
FILE_FOLDER = "files"


@dataclass(frozen=True)
class Upload:
    """Where the file a path field names belongs beside its item, and so where the browser editor uploads it:
    `images/`, or a folder of the item's own under `files/` (`files/<id>/`)."""

    folder: str
    per_item: bool = False
    image: bool = False


ImagePath = Annotated[FilePath, Upload(IMAGE_FOLDER, image=True)]
DownloadPath = Annotated[FilePath, Upload(FILE_FOLDER, per_item=True)]


class Strict(BaseModel):
    """A part of the front matter: unknown fields are mistakes."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(Strict):
    """A content item: the front matter fields plus what the loader knows from the file."""

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    source: SkipJsonSchema[str] = Field(default="", exclude=True)
    body: SkipJsonSchema[str] = Field(
        default="",
        exclude=True,
        title="Tekst",
        description="De tekst van de pagina. Kopjes, lijsten, links en afbeeldingen maak je met de knoppen.",
    )
    body_line: SkipJsonSchema[int] = Field(default=1, exclude=True)

    @property
    def page_title(self) -> str:
        """The title of the item's page; most items have a `title` field."""
        return str(getattr(self, "title", self.id))

    @property
    def page_description(self) -> str:
        """The meta description of the item's page; most items have a `summary` field."""
        return str(getattr(self, "summary", ""))

    @property
    def named_files(self) -> list[str]:
        """Files the item names (images, downloads), relative to its own file; published beside its page."""
        return []

    @property
    def published_on(self) -> dt.date | None:
        """The item's `published` date, where its model has one (for displays that any collection may use)."""
        day = getattr(self, "published", None)
        return day if isinstance(day, dt.date) else None


LOADER_FIELDS = frozenset(Item.model_fields)


class Illustrated(Item):
    """An item that may carry an image; the image needs a text for visitors who do not see it."""

    image: ImagePath | None = Field(
        default=None,
        title="Afbeelding",
        description="Een foto of illustratie bij het item (JPEG, PNG of WebP); ze staat bovenaan de pagina en op de "
        "deelkaart.",
    )
    image_alt: LongText | None = Field(
        default=None,
        title="Beschrijving van de afbeelding",
        description="Verplicht bij een afbeelding: wat er te zien is, voor wie de afbeelding niet ziet.",
    )

    @property
    def named_files(self) -> list[str]:
        return [self.image] if self.image else []

    @model_validator(mode="after")
    def _across_fields(self) -> Illustrated:
        raise_found(self.errors_across_fields())
        return self

    def errors_across_fields(self) -> list[FieldError]:
        """What a check across fields finds; a kind of item adds its own checks, so all are reported at once."""
        if self.image and not (self.image_alt or "").strip():
            return [FieldError("image_alt", "verplicht bij image: beschrijf de afbeelding voor wie haar niet ziet")]
        return []


def _moment(value: object) -> object:
    return _date(value, parse_moment, with_time=True)


def _day(value: object) -> object:
    return _date(value, parse_day, with_time=False)


def _date(value: object, parse: Callable[[str], Moment], with_time: bool) -> Moment:
    """A date (with a time where `with_time`) as text, or as a date from mkdocs.yml's YAML; a Dutch message
    (coplimburg.expected) for anything else, whatever type it is."""
    if isinstance(value, str) and len(value) <= 40:
        try:
            moment = parse(value)
        except NotADate as error:
            raise ValueError(not_a_date(error, with_time)) from None
    elif isinstance(value, dt.date) and (with_time or not isinstance(value, dt.datetime)):
        moment = value
    else:
        raise ValueError(not_a_date(value, with_time))
    if problem := year_out_of_range(moment.year):
        raise ValueError(problem)
    return moment


def _url(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError(not_a_web_address(value))
    stripped = value.strip()
    if problem := address_problem(stripped):
        raise ValueError(refused_web_address(stripped, problem))
    parts = urlsplit(stripped)
    if parts.scheme not in WEB_SCHEMES or not parts.netloc:
        raise ValueError(not_a_web_address(value))
    return value.strip()


def _text(value: object) -> object:
    value = _lines(value)
    if isinstance(value, str) and "\n" in value.strip():
        raise ValueError(
            "mag maar één regel zijn; zet de tekst op één regel (alleen summary mag meerdere regels hebben)"
        )
    return value


def _lines(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        raise ValueError("mag niet leeg zijn")
    return value


def _id_list(value: object) -> object:
    if isinstance(value, str):
        shown = visible(value, 80)
        raise ValueError(f"verwacht een lijst zoals [{shown}], gekregen één tekst '{shown}'")
    return value


# What the schemas (and the browser editor's form) accept as a moment, a day and a web address.
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_MOMENT_SCHEMA = {"type": "string", "pattern": MOMENT_PATTERN, "examples": ["2024-06-13 13:00"]}
_DAY_SCHEMA = {"type": "string", "pattern": DAY_PATTERN, "examples": ["2024-06-13"]}

MomentField = Annotated[Moment, BeforeValidator(_moment), WithJsonSchema(_MOMENT_SCHEMA)]
DayField = Annotated[dt.date, BeforeValidator(_day), WithJsonSchema(_DAY_SCHEMA)]
# The pattern says what coplimburg.content.addresses checks: http(s), a host without user name, no spaces,
# backslashes, <, > or ".
URL_PATTERN = r'^https?://[^\s\\<>"@/?#%]+([/?#][^\s\\<>"]*)?$'
_URL_SCHEMA = {"type": "string", "format": "uri", "pattern": URL_PATTERN}
Url = Annotated[str, BeforeValidator(_url), WithJsonSchema(_URL_SCHEMA)]
Text = Annotated[str, BeforeValidator(_one_line(TEXT_LENGTH, "de tekst")), Field(min_length=1, max_length=TEXT_LENGTH)]
SUMMARY_LENGTH = 300
Summary = Annotated[str, BeforeValidator(_lines), Field(min_length=1, max_length=SUMMARY_LENGTH)]
# The id something is known by (a partner, a column): its form is checked here.
Id = Annotated[str, Field(pattern=ID_PATTERN)]
# An id of something else: coplimburg.content.references reports one that does not exist, with the nearest existing
# ids ("onbekende tafel 'tafel 3'; bedoelde je tafel-3?"), so its form is not reported a second time here; editors'
# tools still read the form from the schema.
Ref = Annotated[str, WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
RefList = Annotated[list[Ref], BeforeValidator(_id_list)]


def validate(model: type[Strict], document: Document, problems: list[Problem], **known: Any) -> Any:
    """The document's front matter as `model`, or None with every mistake added to `problems`."""
    data = document.data
    if not isinstance(data, dict):
        problems.append(
            Problem(
                document.path, document.line_of(()), "", f"verwacht velden zoals 'title: …', gekregen {describe(data)}"
            )
        )
        return None
    # Every later check (references, files, links) reads the document as the model does.
    data = document.data = without_empty_optional(model, data)
    reserved = [key for key in data if key in LOADER_FIELDS]
    for key in reserved:
        problems.append(
            Problem(
                document.path,
                document.line_of((key,)),
                key,
                "dit veld vult het systeem zelf in (de id is de bestandsnaam); laat het weg",
            )
        )
    if reserved:
        return None
    refused = _invisible_characters(data, (), document, problems)
    body = known.get("body")
    if isinstance(body, str) and (character := _BODY_CONTROL.search(body)):
        refused.append("body")
        problems.append(
            Problem(
                document.path,
                document.body_line + body.count("\n", 0, character.start()),
                "",
                f"de tekst bevat het onzichtbare stuurteken {visible(character.group())}; verwijder het",
            )
        )
    if known.get("id") in RESERVED_IDS:
        refused.append("id")
        problems.append(
            Problem(
                document.path,
                0,
                "",
                f"de id (bestandsnaam) {known['id']} is gereserveerd voor de overzichtspagina; kies een andere naam",
            )
        )
    try:
        result = model.model_validate({**data, **known})
        return None if refused else result
    except ValidationError as error:
        for detail in _each_field_error(error.errors(include_url=False)):
            location: Location = tuple(detail["loc"])
            if isinstance(named := (detail.get("ctx") or {}).get("error"), FieldError):
                location = (*location, named.field)  # a check across fields about a value already reported
            if any(location[: n + 1] in document.reported for n in range(len(location))):
                continue
            problems.append(_problem(model, document, tuple(detail["loc"]), detail))
        return None


def _each_field_error(details: list[Any]) -> list[Any]:
    """The details of a validation error, with one detail for each field a check across fields named."""
    found = []
    for detail in details:
        named = (detail.get("ctx") or {}).get("error")
        if isinstance(named, FieldErrors):
            found += [{**detail, "ctx": {**detail["ctx"], "error": one}} for one in named.errors]
        else:
            found.append(detail)
    return found


def without_empty_optional(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """The front matter without optional fields written as an empty text (`address: ""`), in nested groups and
    lists of groups too: that is what the browser editor writes when an editor clears a field, and it means the
    field is not filled in. An empty required field stays, and is reported."""
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    kept: dict[str, Any] = {}
    for key, value in data.items():
        info = fields.get(key)
        if info is None:
            kept[key] = value
            continue
        if value == "" and not info.is_required() and not info.exclude:
            continue
        inner = _model_in(info.annotation)
        if inner is not None and isinstance(value, dict):
            value = without_empty_optional(inner, value)
        elif inner is not None and isinstance(value, list):
            value = [without_empty_optional(inner, one) if isinstance(one, dict) else one for one in value]
        kept[key] = value
    return kept


def _invisible_characters(value: Any, location: Location, document: Document, problems: list[Problem]) -> list[str]:
    """Every value holding a control character, reported where it stands (the walk is bounded by the
    loader's limits on depth and size)."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _invisible_characters(inner, (*location, key), document, problems)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _invisible_characters(inner, (*location, index), document, problems)
    elif isinstance(value, str) and (character := _CONTROL.search(value)):
        document.reported.add(location)
        found.append(dotted(location))
        problems.append(
            Problem(
                document.path,
                document.line_of(location),
                dotted(location),
                f"bevat het onzichtbare stuurteken {visible(character.group())} (in {describe(value)}); verwijder het",
            )
        )
    return found


def _problem(model: type[Strict], document: Document, location: Location, detail: Any) -> Problem:
    kind: str = detail["type"]
    found = detail.get("input")
    context = detail.get("ctx") or {}
    if isinstance(named := context.get("error"), FieldError):
        # A check across fields names its own field: end, "ligt vóór start".
        location = (*location, named.field)
        context = {"error": named.message}
    name = dotted(location)
    line = document.line_of(location)
    if kind == "missing":
        message = "verplicht veld ontbreekt"
    elif kind == "extra_forbidden":
        message = "onbekend veld" + suggestion(location[-1], _field_names(model, location[:-1]))
    elif kind == "value_error":
        message = str(context.get("error", detail["msg"]))
    elif kind in ("string_type",):
        message = f"verwacht tekst, gekregen {describe(found)}; zet de waarde tussen aanhalingstekens"
    elif kind in ("list_type", "tuple_type"):
        message = f"verwacht een lijst zoals [a, b], gekregen {describe(found)}"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"verwacht een groep velden (elk op een eigen, ingesprongen regel), gekregen {describe(found)}"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"verwacht een geheel getal, gekregen {describe(found)}"
    elif kind == "bool_type" or kind == "bool_parsing":
        message = f"verwacht true of false, gekregen {describe(found)}"
    elif kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        message = f"verwacht een van: {', '.join(allowed)}; gekregen {describe(found)}" + suggestion(found, allowed)
    elif kind in ("string_too_short", "too_short"):
        message = "mag niet leeg zijn"
    elif kind in ("string_too_long", "too_long"):  # "too_long" when a validator ran first
        limit = context.get("max_length")
        message = f"te lang ({len(str(found))} tekens, hoogstens {limit}); houd het bij één of twee zinnen"
    elif kind == "string_pattern_mismatch":
        message = (
            f"verwacht een id van kleine letters, cijfers en koppeltekens (zoals tafel-2a), gekregen {describe(found)}"
        )
    elif kind == "greater_than_equal":
        message = f"verwacht minstens {context.get('ge')}, gekregen {describe(found)}"
    elif kind == "greater_than":
        message = f"verwacht meer dan {context.get('gt')}, gekregen {describe(found)}"
    elif kind == "less_than_equal":
        message = f"verwacht hoogstens {context.get('le')}, gekregen {describe(found)}"
    elif kind == "less_than":
        message = f"verwacht minder dan {context.get('lt')}, gekregen {describe(found)}"
    elif kind == "int_parsing_size":
        message = f"het getal is te groot, gekregen {describe(found)}"
    elif kind in ("float_type", "float_parsing", "finite_number"):
        message = f"verwacht een (eindig) getal, gekregen {describe(found)}"
    else:  # never pydantic's English text: editors read Dutch only
        message = f"ongeldige waarde {describe(found)}"
    return Problem(document.path, line, name, message)


def _field_names(model: type[BaseModel], location: Location) -> list[str]:
    """The allowed field names at a location inside a model, for 'did you mean' hints."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if info is None:
            return []
        current = _model_in(info.annotation)
        if current is None:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [name for name in current.model_fields if name not in LOADER_FIELDS]
    return []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
