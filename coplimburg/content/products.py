"""CoPyright products (curricula, modules, tools, research): the model of `content/coppyright/<id>.md`."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from coplimburg.content.fields import DayField, DownloadPath, Illustrated, Label, RefList, Strict, Summary, Title
from coplimburg.problems import FieldError


class ProductFile(Strict):
    model_config = ConfigDict(title="download")

    path: DownloadPath = Field(
        title="Bestand",
        description="PDF, Office, OpenDocument, een afbeelding, CSV, tekst of ZIP; komt in files/ bij het product.",
    )
    title: Title = Field(title="Titel van de download", description="Zoals: Handleiding voor docenten (PDF).")


class Product(Illustrated):
    title: Title = Field(title="Titel", description="De naam van het product, op één regel.")
    summary: Summary = Field(
        title="Samenvatting",
        description="Eén of twee zinnen, hoogstens 300 tekens; staat in de catalogus, de feeds en de nieuwsbrief.",
    )
    type: Label = Field(title="Soort product", description="Wat voor product het is.")
    tables: RefList = Field(default=[], title="Innovatietafels", description="De tafels die het product maakten.")
    partners: RefList = Field(default=[], title="Partners", description="De partners die het product maakten.")
    audiences: RefList = Field(default=[], title="Doelgroepen", description="Voor wie het product bedoeld is.")
    levels: RefList = Field(default=[], title="Niveaus", description="De onderwijsniveaus waarvoor het product is.")
    domains: RefList = Field(default=[], title="Domeinen", description="De vakgebieden van het product.")
    license: Label = Field(title="Licentie", description="Onder welke licentie anderen het product mogen gebruiken.")
    version: Label = Field(title="Versie", description="Zoals 1.0 of 2.1.")
    published: DayField = Field(
        title="Verschenen op",
        description="De dag van verschijnen; ligt die in de toekomst, dan verschijnt het product pas op die dag.",
    )
    updated: DayField | None = Field(
        default=None, title="Bijgewerkt op", description="De dag van de laatste bijwerking; niet vóór het verschijnen."
    )
    files: list[ProductFile] = Field(
        default=[], title="Downloads", description="Bestanden om te downloaden, elk met een titel."
    )

    def errors_across_fields(self) -> list[FieldError]:
        found = super().errors_across_fields()
        if self.updated is not None and self.updated < self.published:
            found.append(
                FieldError("updated", "ligt vóór published; een product kan niet bijgewerkt zijn vóór het verscheen")
            )
        return found

    @property
    def named_files(self) -> list[str]:
        return [file.path for file in self.files] + super().named_files
