"""CoPyright products (curricula, modules, tools, research): the model of `content/coppyright/<id>.md`."""

from __future__ import annotations

from pydantic import model_validator

from coplimburg.content.fields import DayField, Illustrated, RefList, Strict, Summary, Text


class ProductFile(Strict):
    path: Text
    title: Text


class Product(Illustrated):
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

    @model_validator(mode="after")
    def _consistent(self) -> Product:
        if self.updated is not None and self.updated < self.published:
            raise ValueError("updated: ligt vóór published; een product kan niet bijgewerkt zijn vóór het verscheen")
        return self

    @property
    def named_files(self) -> list[str]:
        return [file.path for file in self.files] + super().named_files
