"""Site data under `content/site/`: partners, the controlled vocabularies, the yearly programme and the matrix."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

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
    model_config = ConfigDict(title="partner")

    id: Id = Field(
        title="Id",
        description="De vaste id: kleine letters, cijfers en koppeltekens, zoals vista-college. Verander hem niet: "
        "items verwijzen ernaar.",
    )
    name: Name = Field(title="Naam", description="De naam van de organisatie.")
    kind: Label = Field(title="Soort", description="Wat voor organisatie het is.")
    # Left out where the CoP's sources name no website of the partner's own: never a guess.
    url: Url | None = Field(default=None, title="Website", description="De eigen website, beginnend met https://.")
    description: str = Field(
        default="",
        max_length=DESCRIPTION_LENGTH,
        title="Beschrijving",
        description="Eén of twee zinnen over de partner, hoogstens 300 tekens.",
    )
    # Where the partner receives visitors ("Straat 1, 1234 AB Plaats"): events held there take it over.
    address: Text | None = Field(
        default=None,
        title="Adres",
        description="Waar de partner bezoekers ontvangt: Straat 1, 1234 AB Plaats. Evenementen op deze plek "
        "nemen het over.",
    )

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
    model_config = ConfigDict(title="Partners")

    partners: list[Partner] = Field(title="Partners", description="De organisaties die meedoen aan de CoP.")

    @model_validator(mode="after")
    def _unique(self) -> PartnerFile:
        _require_unique("partners", [partner.id for partner in self.partners])
        return self


def _require_unique(field: str, ids: list[str]) -> None:
    doubles = sorted({one for one in ids if ids.count(one) > 1})
    if doubles:
        raise ValueError(f"{field}: de id {', '.join(doubles)} staat er meer dan eens in; elke id is uniek")


class License(Strict):
    name: Text = Field(title="Naam", description="De Nederlandse naam van de licentie.")
    url: Url = Field(title="Webadres", description="De tekst van de licentie, beginnend met https://.")


class Vocabularies(Strict):
    """Every controlled list, id → Dutch label; editors extend a list here without touching code."""

    # The keys are what items name in kind, type and license: as long as a label at most.
    event_kinds: dict[Label, Label] = Field(title="Soorten evenementen")
    partner_kinds: dict[Label, Label] = Field(title="Soorten partners")
    types: dict[Label, Label] = Field(title="Soorten producten")
    audiences: dict[Label, Label] = Field(title="Doelgroepen")
    levels: dict[Label, Label] = Field(title="Niveaus")
    domains: dict[Label, Label] = Field(title="Domeinen")
    sounding_board: dict[Label, Label] = Field(title="Klankbordgroepen")
    news_categories: dict[Label, Label] = Field(title="Categorieën van nieuwsberichten")
    licenses: dict[Label, License] = Field(title="Licenties", description="Per SPDX-id de naam en het webadres.")


class Edition(Strict):
    """One knowledge-sharing edition of a year's programme (a year may have several)."""

    model_config = ConfigDict(title="editie")

    year: int = Field(ge=2000, le=2100, title="Jaar", description="Het jaar van de editie.")
    title: Title = Field(title="Titel", description="Het thema van de editie, op één regel.")
    topics: list[Annotated[Text, Field(title="onderwerp")]] = Field(
        default=[], title="Onderwerpen", description="De onderwerpen van de editie, elk op een eigen regel."
    )
    event: Ref | None = Field(default=None, title="Evenement", description="Het evenement van deze editie.")


class ProgrammeFile(Strict):
    model_config = ConfigDict(title="Programma kennisdeling")

    programme: list[Edition] = Field(title="Edities", description="De kennisdelingsevenementen per jaar.")


class MatrixColumn(Strict):
    model_config = ConfigDict(title="kolom")

    id: Id = Field(title="Id", description="De id van de kolom, zoals vista-college of cop; rijen noemen hem.")
    label: Label = Field(title="Kop", description="De kop van de kolom in de tabel.")
    partner: Ref | None = Field(default=None, title="Partner", description="De partner van deze kolom, als die er is.")


class MatrixRow(Strict):
    model_config = ConfigDict(title="rij")

    activity: LongText = Field(title="Activiteit", description="Wat er gedaan wordt, in één zin.")
    who: RefList = Field(title="Wie", description="De id's van de kolommen die het doen.")


class MatrixGroup(Strict):
    model_config = ConfigDict(title="groep")

    title: Title = Field(title="Titel", description="De kop boven de rijen van de groep.")
    rows: list[MatrixRow] = Field(title="Rijen", description="De activiteiten van de groep.")


class Matrix(Strict):
    """The 'wie doet wat' matrix: which organisation does what."""

    model_config = ConfigDict(title="Wie doet wat")

    columns: list[MatrixColumn] = Field(title="Kolommen", description="De organisaties, elk een kolom.")
    groups: list[MatrixGroup] = Field(title="Groepen", description="De activiteiten, in groepen.")
    # Shown with the table where its marks are not (yet) confirmed by the partners: the site never
    # presents a guess as fact.
    note: str = Field(
        default="",
        max_length=NOTE_LENGTH,
        title="Toelichting",
        description="Staat bij de tabel, bijvoorbeeld zolang de partners de vinkjes niet bevestigd hebben.",
    )

    @model_validator(mode="after")
    def _unique(self) -> Matrix:
        _require_unique("columns", [column.id for column in self.columns])
        return self
