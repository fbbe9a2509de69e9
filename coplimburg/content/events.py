"""Events (CoPpisch, klankbord, table meetings): the model of `content/events/<id>.md`."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from coplimburg.agenda.recurrence import Session, planned_starts, sessions
from coplimburg.content.fields import DayField, Illustrated, MomentField, RefList, Strict, Summary, Text, Url
from coplimburg.dates import Moment, day_of

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
    title: Text
    summary: Summary
    kind: Text
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

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.end is not None:
            if isinstance(self.end, dt.datetime) != isinstance(self.start, dt.datetime):
                raise ValueError("end: schrijf end net als start: allebei met tijd, of allebei alleen een datum")
            if self.end < self.start:
                shown = self.start if isinstance(self.start, dt.datetime) else self.start.isoformat()
                raise ValueError(
                    f"end: ligt vóór start ({shown:%Y-%m-%d %H:%M}); het einde mag niet vóór het begin liggen"
                    if isinstance(shown, dt.datetime)
                    else f"end: ligt vóór start ({shown}); het einde mag niet vóór het begin liggen"
                )
        if not self.location and not self.online:
            raise ValueError("location: verplicht, tenzij het evenement online is: vul location of online in")
        if self.repeat is not None:
            self._check_repeat(self.repeat)
        return self

    def _check_repeat(self, repeat: Repeat) -> None:
        if repeat.until < day_of(self.start):
            raise ValueError("repeat: until ligt vóór start; de reeks moet na de eerste sessie eindigen")
        planned = {day_of(moment) for moment in planned_starts(self.start, repeat)}
        for day in [*repeat.except_, *(move.from_ for move in repeat.moved)]:
            if day not in planned:
                nearest = min(planned, key=lambda candidate: abs(candidate - day))
                raise ValueError(
                    f"repeat: {day} is geen sessie van deze reeks; de dichtstbijzijnde sessie is {nearest}"
                )

    @property
    def is_series(self) -> bool:
        return self.repeat is not None

    @cached_property
    def sessions(self) -> list[Session]:
        return list(sessions(self.start, self.end, self.repeat))

    @property
    def first_moment(self) -> Moment:
        return self.sessions[0].start if self.sessions else self.start

    @property
    def last_moment(self) -> Moment:
        """When the event (or the last session of a series) is over, for past/upcoming decisions."""
        last = self.sessions[-1] if self.sessions else Session(self.start, self.start, self.end)
        return last.end or last.start
