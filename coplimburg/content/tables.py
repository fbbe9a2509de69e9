"""Innovation tables (innovatietafels): the model of `content/tables/<id>.md`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from coplimburg.content.fields import Item, Label, Name, Ref, RefList, Strict, Summary, Text, Title

TABLE_CODE = r"^[1-9][0-9]?(?:[A-Z][0-9]?)?$"


class Lead(Strict):
    role: Label = Field(title="Rol", description="De rol van de trekker, zoals Projectleider.")
    organisation: Ref = Field(title="Organisatie", description="De partner waar de trekker werkt.")
    name: Name | None = Field(default=None, title="Naam", description="Alleen met toestemming van de trekker.")


class Table(Item):
    code: str = Field(pattern=TABLE_CODE, title="Code", description="De unieke code van de tafel, zoals 2A, 2C1 of 3.")
    title: Title = Field(title="Titel", description="De naam van de tafel, op één regel.")
    theme: Summary = Field(
        title="Thema", description="Het thema van de tafel in één of twee zinnen, hoogstens 300 tekens."
    )
    lead: Lead = Field(title="Trekker", description="Wie de tafel trekt: rol, organisatie en (met toestemming) naam.")
    members: RefList = Field(default=[], title="Leden", description="De partners aan tafel.")
    sounding_board: RefList = Field(default=[], title="Klankbord", description="Wie het klankbord van de tafel vormt.")
    cadence: Text = Field(title="Ritme", description="Hoe vaak de tafel samenkomt, zoals: Elke 8 weken afstemming.")
    status: Literal["actief", "afgerond"] = Field(default="actief", title="Status", description="Actief of afgerond.")

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
