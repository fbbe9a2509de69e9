"""Decap CMS fields from the content models: one table from the models' field types to widgets, so that the form
writes exactly what the loader reads, with the models' Dutch titles as labels and their descriptions as hints.

Rules the table alone does not say, each learnt from Decap 3.16 in a browser (tests/browser/test_cms_*.py):
- a field inside an optional group is optional in the form, because Decap checks the required fields of a group that
  was left empty (decap-cms#7748); `cop check` still requires them;
- only top-level fields get a default: any default inside a group or list makes every new item start with one;
- Decap has no length limit, so a limit is a pattern with a Dutch message (the message follows "komt niet overeen
  met het patroon:").
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import NoneType, UnionType
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from coplimburg.content.collections import Reference
from coplimburg.content.fields import (
    ID_PATTERN,
    MOMENT_PATTERN,
    URL_PATTERN,
    DayField,
    Label,
    LongText,
    MomentField,
    Name,
    Ref,
    Summary,
    Text,
    Title,
    Upload,
    Url,
)
from coplimburg.content.sitedata import Vocabularies
from coplimburg.content.tables import TABLE_CODE

# A day as the loader reads it: the browser's date picker, written as 2027-01-15.
DAY = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
# What each pattern of the models means, said the way Decap's message goes on: "Begin komt niet overeen met het
# patroon: <this>."
PATTERN_MESSAGES = {
    ID_PATTERN: "kleine letters, cijfers en koppeltekens, zoals vista-college",
    TABLE_CODE: "een code zoals 2A, 2C1 of 3",
    MOMENT_PATTERN: "een datum zoals 2027-01-15, of een datum en tijd zoals 2027-01-15 13:00",
    URL_PATTERN: "een webadres dat begint met https://, zonder spaties",
}


@dataclass(frozen=True)
class Scalar:
    """How the form writes one kind of value: the widget and, for texts, whether a line break may be in it."""

    widget: Mapping[str, Any]
    lines: bool = False
    pattern: str | None = None


_STRING = {"widget": "string"}
SCALARS: dict[Any, Scalar] = {
    Title: Scalar(_STRING),
    Name: Scalar(_STRING),
    Label: Scalar(_STRING),
    LongText: Scalar(_STRING),
    Text: Scalar(_STRING),
    Summary: Scalar({"widget": "text"}, lines=True),
    # A moment is typed as text: one field takes a day and a day with a time, as the loader does.
    MomentField: Scalar(_STRING, pattern=MOMENT_PATTERN),
    DayField: Scalar(DAY),
    Url: Scalar(_STRING, pattern=URL_PATTERN),
    Ref: Scalar(_STRING, pattern=ID_PATTERN),
    int: Scalar({"widget": "number", "value_type": "int"}),
    # A plain text of the models (a partner's description, the matrix note) may hold line breaks.
    str: Scalar({"widget": "text"}, lines=True),
}


@dataclass(frozen=True)
class Relation:
    """How a relation widget reaches the items a reference names: a folder collection by file name, or the entries
    of a list in a file collection (the partners in partners.yml)."""

    collection: str
    value_field: str
    search_fields: tuple[str, ...]
    display_fields: tuple[str, ...]
    file: str | None = None

    def widget(self) -> dict[str, Any]:
        found: dict[str, Any] = {"widget": "relation", "collection": self.collection}
        if self.file:
            found["file"] = self.file
        found.update(
            value_field=self.value_field,
            search_fields=list(self.search_fields),
            display_fields=list(self.display_fields),
        )
        return found


@dataclass(frozen=True)
class Place:
    """Where a field stands: its dotted path (lists skipped, as references name it), whether the form may require
    it and give it a default, and what its references lead to."""

    references: Mapping[str, Reference]
    relations: Mapping[str, Relation]
    vocabularies: Vocabularies
    path: tuple[str, ...] = ()
    may_require: bool = True
    top: bool = True

    def inside(self, name: str, *, optional: bool) -> Place:
        return replace(self, path=(*self.path, name), may_require=self.may_require and not optional, top=False)


def fields_of(model: type[BaseModel], place: Place) -> list[dict[str, Any]]:
    """The Decap fields of a model's front-matter fields, in the order Decap writes them: the model's own fields
    in its order, then those it inherits (the image of an illustrated item)."""
    hints = typing.get_type_hints(model, include_extras=True)
    own = model.__annotations__
    names = sorted(model.model_fields, key=lambda name: name not in own)
    return [
        form_field(model.model_fields[name].alias or name, model.model_fields[name], hints[name], place)
        for name in names
        if not model.model_fields[name].exclude
    ]


def form_field(name: str, info: FieldInfo, hint: Any, place: Place) -> dict[str, Any]:
    """One Decap field: label and hint from the model, required as the model says (where Decap allows it)."""
    if not info.title:
        raise ValueError(f"{'.'.join((*place.path, name))} has no Dutch title (Field(title=...))")
    required = info.is_required() and place.may_require
    found: dict[str, Any] = {"name": name, "label": info.title}
    if info.description:
        found["hint"] = info.description
    if not required:
        found["required"] = False
    found.update(_widget(name, info, _unwrap(hint), place, required))
    if place.top and not info.is_required() and info.default not in (None, "", []):
        found["default"] = info.default
    if place.top and info.is_required() and found["widget"] == "datetime":
        found["default"] = "{{now}}"  # a new item is published on the day it is made, unless the editor says otherwise
    return found


def _widget(name: str, info: FieldInfo, hint: Any, place: Place, required: bool) -> dict[str, Any]:
    reference = place.references.get(".".join((*place.path, name)))
    many = typing.get_origin(_bare(hint)) is list
    if reference is not None:
        return {**_reference(reference, place), **({"multiple": True} if many else {})}
    if typing.get_origin(hint) is Literal:
        options = typing.get_args(hint)
        return {"widget": "select", "options": [{"label": str(one).capitalize(), "value": one} for one in options]}
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        inner = place.inside(name, optional=not required)
        return {"widget": "object", "collapsed": not required, "fields": fields_of(hint, inner)}
    if many:
        return _list(name, info, hint, place)
    return _scalar(info, hint)


def _list(name: str, info: FieldInfo, hint: Any, place: Place) -> dict[str, Any]:
    (item,) = typing.get_args(_bare(hint))
    # The items of a list exist only once added, so their own required fields apply again.
    inner = replace(place.inside(name, optional=False), may_require=True)
    if isinstance(item, type) and issubclass(item, BaseModel):
        fields = fields_of(item, inner)
        scalars = [one["name"] for one in fields if one["widget"] not in ("object", "list", "file", "image")][:2]
        return {
            "widget": "list",
            "label_singular": item.model_config.get("title") or item.__name__,
            "summary": " · ".join(f"{{{{fields.{one}}}}}" for one in scalars),
            "fields": fields,
        }
    title = next((one.title for one in _metadata(item) if isinstance(one, FieldInfo) and one.title), None)
    singular = {"label_singular": title} if title else {}
    return {
        "widget": "list",
        **singular,
        "field": {"name": name, "label": title or info.title, **_scalar(FieldInfo(), item)},
    }


def _scalar(info: FieldInfo, hint: Any) -> dict[str, Any]:
    upload = next((one for one in _metadata(hint) if isinstance(one, Upload)), None)
    if upload is not None:
        folder = f"{upload.folder}/{{{{slug}}}}" if upload.per_item else upload.folder
        widget = "image" if upload.image else "file"
        return {"widget": widget, "choose_url": False, "media_folder": folder, "public_folder": folder}
    constraints = _constraints(info, hint)
    scalar = _scalar_of(hint)
    pattern = constraints.get("pattern") or scalar.pattern
    # A text with a pattern of its own is a code on one line (a table's code), whatever its type allows.
    found = dict(_STRING if "pattern" in constraints else scalar.widget)
    if pattern is not None:
        found["pattern"] = [pattern, PATTERN_MESSAGES[pattern]]
    elif "max_length" in constraints:
        limit = constraints["max_length"]
        allowed = "[\\s\\S]" if scalar.lines else "."
        found["pattern"] = [f"^{allowed}{{1,{limit}}}$", f"hoogstens {limit} tekens"]
    if "ge" in constraints:
        found["min"] = constraints["ge"]
    if "le" in constraints:
        found["max"] = constraints["le"]
    return found


def _scalar_of(hint: Any) -> Scalar:
    """The table's entry for a type, also when the type carries more annotations (a list item's title)."""
    fitting = [
        (len(_metadata(key)), scalar)
        for key, scalar in SCALARS.items()
        if _bare(key) == _bare(hint) and _metadata(hint)[: len(_metadata(key))] == _metadata(key)
    ]
    return max(fitting, key=lambda one: one[0])[1]


def _reference(reference: Reference, place: Place) -> dict[str, Any]:
    """A relation to the items of a collection, or a select of a vocabulary's entries."""
    if reference.target in place.relations:
        return place.relations[reference.target].widget()
    vocabulary: Mapping[str, Any] = getattr(place.vocabularies, reference.target)
    options = [{"label": getattr(label, "name", label), "value": key} for key, label in vocabulary.items()]
    return {"widget": "select", "options": options}


def _unwrap(hint: Any) -> Any:
    """`X | None` as X: whether a field is optional is the model's to say (FieldInfo), not the type's."""
    arguments = typing.get_args(hint)
    if (typing.get_origin(hint) in (typing.Union, UnionType)) and NoneType in arguments:
        (inner,) = [one for one in arguments if one is not NoneType]
        return inner
    return hint


def _bare(hint: Any) -> Any:
    """The type without its Annotated metadata."""
    return typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint


def _metadata(hint: Any) -> tuple[Any, ...]:
    return tuple(getattr(hint, "__metadata__", ()))


def _constraints(info: FieldInfo, hint: Any) -> dict[str, Any]:
    """Length, pattern and range of a value, from the field and from its type's annotations."""
    found: dict[str, Any] = {}
    sources = [*info.metadata, *_metadata(hint)]
    for source in sources:
        for one in [source, *getattr(source, "metadata", [])] if isinstance(source, FieldInfo) else [source]:
            for key in ("max_length", "pattern", "ge", "le"):
                value = getattr(one, key, None)
                if value is not None:
                    found[key] = value
    return found
