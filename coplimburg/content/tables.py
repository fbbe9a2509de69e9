"""Innovation tables (innovatietafels): the model of `content/tables/<id>.md`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from coplimburg.content.fields import Item, Label, Name, Ref, RefList, Strict, Summary, Text, Title

TABLE_CODE = r"^[1-9][0-9]?(?:[A-Z][0-9]?)?$"


class Lead(Strict):
    role: Label
    organisation: Ref
    name: Name | None = None


class Table(Item):
    code: str = Field(pattern=TABLE_CODE, description="Code van de tafel, zoals 2A, 2C1 of 3")
    title: Title
    theme: Summary
    lead: Lead
    members: RefList = []
    sounding_board: RefList = []
    cadence: Text
    status: Literal["actief", "afgerond"] = "actief"

    @property
    def label(self) -> str:
        """'Tafel 2A': how lists, filters and charts name the table."""
        return f"Tafel {self.code}"

    @property
    def page_title(self) -> str:
        return f"{self.label}: {self.title}"

    @property
    def page_description(self) -> str:
        return self.theme
