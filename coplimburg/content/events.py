"""Events (CoPpisch, klankbord, table meetings): the model of `content/events/<id>.md`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PrivateAttr, model_validator

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


class Move(Strict):
    from_: DayField = Field(alias="from", description="De datum waarop de sessie oorspronkelijk viel")
    to: MomentField


class Repeat(Strict):
    interval: int = Field(ge=1, le=52)
    unit: Literal["weken", "maanden"]
    until: DayField
    except_: list[DayField] = Field(default=[], alias="except")
    moved: list[Move] = []


class Event(Illustrated):
    title: Title
    summary: Summary
    kind: Label
    start: MomentField
    end: MomentField | None = None
    location: Text | None = None
    address: Text | None = None
    online: Url | None = None
    tables: RefList = []
    partners: RefList = []
    registration: Url | None = None
    status: EventStatus = "gepland"
    previous_start: MomentField | None = None
    published: DayField
    outcomes: RefList = []
    repeat: Repeat | None = None

    _schedule: Schedule | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if not self.location and not self.online:
            raise FieldError("location", "verplicht, tenzij het evenement online is: vul location of online in")
        # Time is normalised once, here; every later question about it goes to the schedule.
        self._schedule = schedule(self.start, self.end, self.repeat)
        if self.previous_start is not None:
            self._previous = moment_span(self.previous_start, "previous_start")
        return self

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
