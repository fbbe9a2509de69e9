"""CoPPIG news posts: the model of `content/news/<id>.md`."""

from __future__ import annotations

from pydantic import Field

from coplimburg.content.fields import DayField, Illustrated, RefList, Summary, Title


class Post(Illustrated):
    title: Title = Field(title="Kop", description="De kop van het bericht, op één regel.")
    summary: Summary = Field(
        title="Samenvatting",
        description="Eén of twee zinnen, hoogstens 300 tekens; staat in de overzichten, de feeds en de nieuwsbrief.",
    )
    published: DayField = Field(
        title="Publicatiedatum",
        description="De dag van publicatie; ligt die in de toekomst, dan verschijnt het bericht pas op die dag.",
    )
    categories: RefList = Field(default=[], title="Categorieën", description="Waar het bericht over gaat.")
    tables: RefList = Field(default=[], title="Innovatietafels", description="De tafels waar het bericht over gaat.")
    events: RefList = Field(
        default=[], title="Evenementen", description="De evenementen waarop het bericht terugblikt."
    )
