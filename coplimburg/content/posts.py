"""CoPPIG news posts: the model of `content/news/<id>.md`."""

from __future__ import annotations

from coplimburg.content.fields import DayField, Illustrated, RefList, Summary, Text


class Post(Illustrated):
    title: Text
    summary: Summary
    published: DayField
    categories: RefList = []
    tables: RefList = []
    events: RefList = []
