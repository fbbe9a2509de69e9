"""The declaration of the trial collection: tests/test_trial_collection.py puts everything below the marker into
coplimburg/content/collections.py of a copy of the repository, and adds STORIES to its COLLECTIONS."""

from coplimburg.content.stories import Story

from coplimburg.content.collections import Collection, Feed, Overview

# --- declaration ---
STORIES = Collection(
    key="stories",
    model=Story,
    name="verhaal",
    plural="verhalen",
    section="verhalen",
    template="cop/story.html",
    search_kind="verhaal",
    folder="stories",
    overview=Overview(
        "verhalen/index.md",
        "Verhalen",
        "cop/list.html",
        "list",
        "Verhalen uit de praktijk van de innovatietafels van de CoP Limburg.",
    ),
    feed=Feed(4, "verhalen", "Verhalen", "Nieuwe verhalen uit de praktijk."),
)
