"""`cop check` names the items scheduled for later, so an editor sees the date their item appears."""

from __future__ import annotations

import datetime as dt

from coplimburg.content.publication import scheduled
from coplimburg.content.site import Site


def print_scheduled(site: Site, today: dt.date) -> None:
    held = scheduled(site, today)
    if held:
        print(f"Gepland (nog niet gepubliceerd; de nachtelijke publicatie zet ze op de site): {len(held)}")
        for one in held:
            print(f"  {one}")
