"""CoPyright products (curricula, modules, tools, research): the model of `content/coppyright/<id>.md`."""

from __future__ import annotations

from pydantic import model_validator

from coplimburg.fields import DayField, Item, RefList, Strict, Summary, Text


class ProductFile(Strict):
    path: Text
    title: Text


class Product(Item):
    title: Text
    summary: Summary
    type: Text
    tables: RefList = []
    partners: RefList = []
    audiences: RefList = []
    levels: RefList = []
    domains: RefList = []
    license: Text
    version: Text
    published: DayField
    updated: DayField | None = None
    files: list[ProductFile] = []
    image: str | None = None
    image_alt: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Product:
        if self.updated is not None and self.updated < self.published:
            raise ValueError("updated: ligt vóór published; een product kan niet bijgewerkt zijn vóór het verscheen")
        if self.image and not (self.image_alt or "").strip():
            raise ValueError("image_alt: verplicht bij image: beschrijf de afbeelding voor wie haar niet ziet")
        return self
