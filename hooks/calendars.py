"""MkDocs adapter for the iCalendar files (event: on_files): agenda.ics, per table and per event.

The files are built by `coplimburg.calendar.ics` from the loaded site and handed to MkDocs, which writes them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from coplimburg.build import BuildContext
from coplimburg.calendar.ics import calendar_files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    context: BuildContext | None = config.extra["cop_context"]
    if context is None:
        return files
    state = context.agenda_state
    for path, content in calendar_files(context.site, config.site_url or "/", state, context.today).items():
        files.append(File.generated(config, path, content=content))
    return files
