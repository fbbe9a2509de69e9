"""robots.txt: every page may be crawled, and the sitemap MkDocs writes is named by its full address.

A crawler reads robots.txt only at the root of a host, so on a `…github.io/<repository>/` address the file is there
but unread until the site has its own domain; the sitemap address is right either way.
"""

from __future__ import annotations

from coplimburg.urls import SITEMAP, absolute


def robots_txt(site_url: str) -> bytes:
    """The file's bytes; without a `site_url` (a preview) it names no sitemap, which must be a full address."""
    lines = ["User-agent: *", "Disallow:"]
    if site_url.startswith(("https://", "http://")):
        lines += ["", f"Sitemap: {absolute(site_url, SITEMAP)}"]
    return ("\n".join(lines) + "\n").encode("ascii", "backslashreplace")
