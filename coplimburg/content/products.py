"""CoPyright products (curricula, modules, tools, research): the model of `content/coppyright/<id>.md`."""

from __future__ import annotations

from pydantic import model_validator

from coplimburg.content.fields import DayField, FilePath, Illustrated, Label, RefList, Strict, Summary, Title
from coplimburg.problems import FieldError


class ProductFile(Strict):
    path: FilePath
    title: Title


class Product(Illustrated):
    title: Title
    summary: Summary
    type: Label
    tables: RefList = []
    partners: RefList = []
    audiences: RefList = []
    levels: RefList = []
    domains: RefList = []
    license: Label
    version: Label
    published: DayField
    updated: DayField | None = None
    files: list[ProductFile] = []

    @model_validator(mode="after")
    def _consistent(self) -> Product:
        if self.updated is not None and self.updated < self.published:
            raise FieldError("updated", "ligt vóór published; een product kan niet bijgewerkt zijn vóór het verscheen")
        return self

    @property
    def named_files(self) -> list[str]:
        return [file.path for file in self.files] + super().named_files
