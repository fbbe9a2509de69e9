"""CoPPIG news posts: the model of `content/news/<id>.md`."""

from __future__ import annotations

from pydantic import model_validator

from coplimburg.fields import DayField, Item, RefList, Summary, Text


class Post(Item):
    title: Text
    summary: Summary
    published: DayField
    categories: RefList = []
    tables: RefList = []
    image: str | None = None
    image_alt: str | None = None

    @model_validator(mode="after")
    def _image_has_alt(self) -> Post:
        if self.image and not (self.image_alt or "").strip():
            raise ValueError("image_alt: verplicht bij image: beschrijf de afbeelding voor wie haar niet ziet")
        return self
