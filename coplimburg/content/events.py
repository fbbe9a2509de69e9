"""Events (CoPpisch, klankbord, table meetings): the model of `content/events/<id>.md`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, PrivateAttr

from coplimburg.agenda.schedule import Schedule, Span, moment_span, schedule
from coplimburg.content.fields import (
    DayField,
    Illustrated,
    Label,
    MomentField,
    RefList,
    Strict,
    Summary,
    Text,
    Title,
    Url,
)
from coplimburg.problems import FieldError

EventStatus = Literal["gepland", "geannuleerd", "verplaatst"]
# How editors see a moment: the loader reads both forms, the browser editor checks them with a pattern.
MOMENT_HINT = "Datum, of datum en tijd (Nederlandse tijd): 2027-01-15 of 2027-01-15 13:00."


class Move(Strict):
    model_config = ConfigDict(title="verplaatste sessie")

    from_: DayField = Field(
        alias="from",
        title="Oorspronkelijke datum",
        description="De datum waarop de sessie oorspronkelijk viel.",
    )
    to: MomentField = Field(title="Nieuwe datum en tijd", description=MOMENT_HINT)


class Repeat(Strict):
    interval: int = Field(
        ge=1, le=52, title="Elke", description="Het aantal weken of maanden tussen twee sessies: 1 tot en met 52."
    )
    unit: Literal["weken", "maanden"] = Field(title="Eenheid", description="Weken of maanden.")
    until: DayField = Field(title="Tot en met", description="De datum van de laatste sessie.")
    except_: list[Annotated[DayField, Field(title="datum")]] = Field(
        default=[],
        alias="except",
        title="Vervalt op",
        description="Sessies die niet doorgaan, met de datum waarop ze vielen.",
    )
    moved: list[Move] = Field(
        default=[], title="Verplaatste sessies", description="Sessies op een andere dag of een ander tijdstip."
    )


class Event(Illustrated):
    title: Title = Field(title="Titel", description="De naam van het evenement, op één regel.")
    summary: Summary = Field(
        title="Samenvatting",
        description="Eén of twee zinnen, hoogstens 300 tekens; staat in de agenda, de feeds en de nieuwsbrief.",
    )
    kind: Label = Field(title="Soort", description="Wat voor evenement het is.")
    start: MomentField = Field(title="Begin", description=MOMENT_HINT)
    end: MomentField | None = Field(
        default=None, title="Einde", description="Niet vóór het begin; net als het begin met of zonder tijd."
    )
    location: Text | None = Field(
        default=None,
        title="Locatie",
        description="De plek en de plaats, zoals: VISTA college, Sittard. Verplicht, tenzij er een link voor "
        "online deelname is.",
    )
    address: Text | None = Field(
        default=None, title="Adres", description="Voor de routebeschrijving: Straat 1, 1234 AB Plaats."
    )
    online: Url | None = Field(
        default=None, title="Online deelnemen", description="De link voor online deelname, beginnend met https://."
    )
    tables: RefList = Field(default=[], title="Innovatietafels", description="De tafels waar het evenement bij hoort.")
    partners: RefList = Field(default=[], title="Organisatie", description="De partners die organiseren of ontvangen.")
    registration: Url | None = Field(
        default=None, title="Aanmelden", description="De link om je aan te melden, beginnend met https://."
    )
    status: EventStatus = Field(
        default="gepland",
        title="Status",
        description="Gaat het evenement niet door, zet het dan op geannuleerd in plaats van het te verwijderen.",
    )
    previous_start: MomentField | None = Field(
        default=None,
        title="Oorspronkelijk begin",
        description="Alleen bij verplaatst: het begin van vóór de verplaatsing.",
    )
    published: DayField = Field(
        title="Aangekondigd op",
        description="De dag van de aankondiging; ligt die in de toekomst, dan verschijnt het evenement pas op die dag.",
    )
    outcomes: RefList = Field(
        default=[], title="Opbrengsten in CoPyright", description="Producten die op dit evenement gepresenteerd zijn."
    )
    repeat: Repeat | None = Field(
        default=None,
        title="Reeks",
        description="Alleen voor een reeks: elke zoveel weken of maanden, tot en met een datum. Vul dan Elke, "
        "Eenheid en Tot en met in.",
    )

    _schedule: Schedule | None = PrivateAttr(default=None)

    def errors_across_fields(self) -> list[FieldError]:
        found = super().errors_across_fields()
        if not self.location and not self.online:
            found.append(FieldError("location", "verplicht, tenzij het evenement online is: vul location of online in"))
        # Time is normalised once, here; every later question about it goes to the schedule.
        try:
            self._schedule = schedule(self.start, self.end, self.repeat)
        except FieldError as error:
            found.append(error)
        if self.previous_start is not None:
            try:
                self._previous = moment_span(self.previous_start, "previous_start")
            except FieldError as error:
                found.append(error)
        return found

    _previous: Span | None = PrivateAttr(default=None)

    @property
    def schedule(self) -> Schedule:
        assert self._schedule is not None, "an Event is only made by validation"
        return self._schedule

    @property
    def previous(self) -> Span | None:
        """Where a moved event stood before (`previous_start`)."""
        return self._previous

    @property
    def is_series(self) -> bool:
        return self.repeat is not None

    @property
    def cancelled(self) -> bool:
        """The event does not take place (none of its sessions)."""
        return self.status == "geannuleerd"
