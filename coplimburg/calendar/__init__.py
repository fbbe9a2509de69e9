"""Calendars for apps: the .ics files, their time zone, the revision state (SEQUENCE) and the "add to" links."""
