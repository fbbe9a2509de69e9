"""Editors' tools: the `cop` command (check, new, agenda, coppig, schemas) and the preview of broken content."""
