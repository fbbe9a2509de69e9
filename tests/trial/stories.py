"""Stories from practice (verhalen): the model of `content/stories/<id>.md`.

A trial collection: tests/test_trial_collection.py adds it to a copy of the repository as coplimburg/content/stories.py,
with its declaration (declaration.py) and item template (story.html), to show that these three make a collection.
"""

from __future__ import annotations

from pydantic import Field

from coplimburg.content.fields import DayField, Illustrated, Summary, Title


class Story(Illustrated):
    # Every field has a Dutch title and hint: the browser editor's form shows them (coplimburg.cms).
    title: Title = Field(title="Titel", description="De titel van het verhaal, op één regel.")
    summary: Summary = Field(title="Samenvatting", description="Eén of twee zinnen over het verhaal.")
    published: DayField = Field(title="Publicatiedatum", description="De dag waarop het verhaal verschijnt.")
