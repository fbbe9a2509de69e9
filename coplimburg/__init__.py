"""CoP Limburg site generator: reads the CoP's content, validates it and builds pages, feeds and calendars.

The package holds all logic and imports no MkDocs; `hooks/` adapts it to MkDocs.
"""
