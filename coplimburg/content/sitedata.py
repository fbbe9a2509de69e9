"""Site data under `content/site/`: partners, the controlled vocabularies, the yearly programme and the matrix."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from coplimburg.content.fields import (
    RESERVED_IDS,
    SUMMARY_LENGTH,
    Id,
    Label,
    LongText,
    Name,
    Ref,
    RefList,
    Strict,
    Text,
    Title,
    Url,
)

# A partner's description is a page's meta description, as long as an item's summary; the matrix note a paragraph.
DESCRIPTION_LENGTH = SUMMARY_LENGTH
NOTE_LENGTH = 500

PartnerKind = Literal["onderwijs", "onderzoek", "carriere", "bedrijfsleven", "overheid"]


class Partner(Strict):
    id: Id
    name: Name
    kind: Label
    # Left out where the CoP's sources name no website of the partner's own: never a guess.
    url: Url | None = None
    description: str = Field(default="", max_length=DESCRIPTION_LENGTH)
    # Where the partner receives visitors ("Straat 1, 1234 AB Plaats"): events held there take it over.
    address: Text | None = None

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_IDS:
            raise ValueError(f"de id {value} is gereserveerd voor de overzichtspagina; kies een andere id")
        return value

    @property
    def page_title(self) -> str:
        return self.name

    @property
    def page_description(self) -> str:
        return self.description or f"{self.name}, partner van de CoP Limburg."


class PartnerFile(Strict):
    partners: list[Partner]

    @model_validator(mode="after")
    def _unique(self) -> PartnerFile:
        _require_unique("partners", [partner.id for partner in self.partners])
        return self


def _require_unique(field: str, ids: list[str]) -> None:
    doubles = sorted({one for one in ids if ids.count(one) > 1})
    if doubles:
        raise ValueError(f"{field}: de id {', '.join(doubles)} staat er meer dan eens in; elke id is uniek")


class License(Strict):
    name: Text
    url: Url


class Vocabularies(Strict):
    """Every controlled list, id → Dutch label; editors extend a list here without touching code."""

    # The keys are what items name in kind, type and license: as long as a label at most.
    event_kinds: dict[Label, Label]
    partner_kinds: dict[Label, Label]
    types: dict[Label, Label]
    audiences: dict[Label, Label]
    levels: dict[Label, Label]
    domains: dict[Label, Label]
    sounding_board: dict[Label, Label]
    news_categories: dict[Label, Label]
    licenses: dict[Label, License]


class Edition(Strict):
    """One knowledge-sharing edition of a year's programme (a year may have several)."""

    year: int = Field(ge=2000, le=2100)
    title: Title
    topics: list[Text] = []
    event: Ref | None = None


class ProgrammeFile(Strict):
    programme: list[Edition]


class MatrixColumn(Strict):
    id: Id
    label: Label
    partner: Ref | None = None


class MatrixRow(Strict):
    activity: LongText
    who: RefList


class MatrixGroup(Strict):
    title: Title
    rows: list[MatrixRow]


class Matrix(Strict):
    """The 'wie doet wat' matrix: which organisation does what."""

    columns: list[MatrixColumn]
    groups: list[MatrixGroup]
    # Shown with the table where its marks are not (yet) confirmed by the partners: the site never
    # presents a guess as fact.
    note: str = Field(default="", max_length=NOTE_LENGTH)

    @model_validator(mode="after")
    def _unique(self) -> Matrix:
        _require_unique("columns", [column.id for column in self.columns])
        return self
