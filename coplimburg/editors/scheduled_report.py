"""`cop check` names the items scheduled for later, so an editor sees the date their item appears."""

from __future__ import annotations

from coplimburg.content.publication import scheduled
from coplimburg.content.site import Site
from coplimburg.dates import build_date


def print_scheduled(site: Site) -> None:
    held = scheduled(site, build_date())
    if held:
        print(f"Gepland (nog niet gepubliceerd; de nachtelijke publicatie zet ze op de site): {len(held)}")
        for one in held:
            print(f"  {one}")
