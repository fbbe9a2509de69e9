"""Stories from practice (verhalen): the model of `content/stories/<id>.md`.

A trial collection: tests/test_trial_collection.py adds it to a copy of the repository as coplimburg/content/stories.py,
with its declaration (declaration.py) and item template (story.html), to show that these three make a collection.
"""

from __future__ import annotations

from coplimburg.content.fields import DayField, Illustrated, Summary, Title


class Story(Illustrated):
    title: Title
    summary: Summary
    published: DayField
