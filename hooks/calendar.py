"""MkDocs adapter for the iCalendar files (event: on_files): agenda.ics, per table and per event.

The files are built by `coplimburg.calendar` from the loaded site and handed to MkDocs, which writes them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from coplimburg.build import BuildContext
from coplimburg.calendar import calendar_files
from coplimburg.calendar_state import read_state
from coplimburg.problems import ContentError


def on_files(files: Files, config: MkDocsConfig) -> Files:
    context: BuildContext = config.extra["cop_context"]
    try:
        state = read_state(context.site.content)
    except ContentError as error:
        raise PluginError(str(error)) from None
    for path, content in calendar_files(context.site, config.site_url or "/", state, context.today).items():
        files.append(File.generated(config, path, content=content))
    return files
