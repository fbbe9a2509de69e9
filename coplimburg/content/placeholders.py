"""Placeholders are not content: example texts that `cop new` writes (declared with each collection's scaffold)
and that are still unchanged in an item are reported, so they are never published."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import yaml

from coplimburg.content.collections import FILE_COLLECTIONS
from coplimburg.content.source import Document, Location, dotted
from coplimburg.problems import Problem

MESSAGE = "vervang de voorbeeldtekst"
EXAMPLE_HOST = "https://example.org/"
# What {today} and {id} become while reading the examples: values made from them are real, not placeholders.
_FILLED = "FILLED-IN-VALUE"


@cache
def placeholder_texts(key: str) -> frozenset[str]:
    """The example texts of a collection's scaffold: prose (several words) and example.org addresses."""
    scaffold = FILE_COLLECTIONS[key].scaffold
    if scaffold is None:
        return frozenset()
    texts: set[str] = set()
    for name, example in scaffold.examples.items():
        if example.usable:
            continue
        try:
            value = yaml.safe_load(f"{name}: {example.value.format(today=_FILLED, id=_FILLED)}")
        except yaml.YAMLError:
            continue
        texts.update(
            text
            for text in _strings(value)
            if _FILLED not in text and (" " in text.strip() or text.startswith(EXAMPLE_HOST))
        )
    return frozenset(texts)


def check_placeholders(documents: Mapping[str, list[Document]]) -> list[Problem]:
    problems: list[Problem] = []
    for key, listed in documents.items():
        collection = FILE_COLLECTIONS[key]
        texts = placeholder_texts(key)
        body = collection.scaffold.body.strip() if collection.scaffold else ""
        for document in listed:
            for location, text in _leaves(document.data, ()):
                if text.strip() in texts:
                    problems.append(
                        Problem(document.path, document.line_of(location), dotted(location), f"{MESSAGE} ('{text}')")
                    )
            if body and body in document.body:
                line = document.body_line + document.body[: document.body.index(body)].count("\n")
                problems.append(Problem(document.path, line, "tekst", f"{MESSAGE} ('{body[:40]}…')"))
    return problems


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _leaves(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*location, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*location, index))
