"""An optional field written as an empty text (`address: ""`) is a field left empty: that is what the browser editor
writes when an editor clears a field. A required field written empty is still reported."""

from __future__ import annotations

import pytest

from coplimburg.content.loader import load
from coplimburg.problems import ContentError

EVENT = """---
title: Kennissessie
summary: Een korte samenvatting.
kind: coppisch
start: 2027-01-15 13:00
end: ""
location: VISTA college, Sittard
address: ""
online: ""
status: ""
published: 2026-11-20
image: ""
image_alt: ""
repeat:
  interval: 8
  unit: weken
  until: 2027-06-30
  except: ""
---
"""

PRODUCT = """---
title: Werkboek
summary: Een korte samenvatting.
type: tool
license: CC-BY-4.0
version: "1.0"
published: 2026-11-02
updated: ""
files: ""
---
"""


def test_optional_fields_written_empty_are_read_as_not_filled_in(content):
    site = load(content(events={"kennissessie.md": EVENT}, coppyright={"werkboek.md": PRODUCT}))
    event = site.events["kennissessie"]
    assert (event.end, event.address, event.online, event.image) == (None, None, None, None)
    assert event.status == "gepland"
    assert event.repeat is not None and event.repeat.except_ == []
    product = site.products["werkboek"]
    assert (product.updated, product.files) == (None, [])


def test_a_required_field_written_empty_is_still_a_dutch_problem(content):
    with pytest.raises(ContentError) as raised:
        load(content(events={"kennissessie.md": EVENT.replace("title: Kennissessie", 'title: ""')}))
    assert [str(problem) for problem in raised.value.problems] == [
        "content/events/kennissessie.md:2: title: mag niet leeg zijn"
    ]


def test_a_required_field_of_a_series_written_empty_is_still_a_dutch_problem(content):
    with pytest.raises(ContentError) as raised:
        load(content(events={"kennissessie.md": EVENT.replace("interval: 8", 'interval: ""')}))
    assert [problem.field for problem in raised.value.problems] == ["repeat.interval"]
