"""CoPPIG news posts: the model of `content/news/<id>.md`."""

from __future__ import annotations

from coplimburg.content.fields import DayField, Illustrated, RefList, Summary, Title


class Post(Illustrated):
    title: Title
    summary: Summary
    published: DayField
    categories: RefList = []
    tables: RefList = []
    events: RefList = []
