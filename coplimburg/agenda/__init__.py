"""Event time and the agenda: the one model of time (schedule), and what lies ahead or took place (archive)."""
