"""How many of one thing: the one (key, label, count) type of the year figures, their charts and headline numbers,
and the catalogue's filter options."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Count:
    """How many of one thing: `key` is its id (a vocabulary or table id, a figure's name), `label` what readers see."""

    key: str
    label: str
    count: int


def counts(labels: Mapping[str, str], counted: Iterable[str]) -> list[Count]:
    """A count for every id of a vocabulary (zeros included), in the vocabulary's order."""
    found = Counter(counted)
    return [Count(key, label, found[key]) for key, label in labels.items()]
