"""No link goes nowhere: every relative link and every link to the site's own domain, in every page, feed and
e-mail of the built sample site, names a file of the build."""

from __future__ import annotations

from linkcheck import broken_links, links_in, own_path
from pages import SITE_URL


def test_every_internal_link_in_pages_feeds_and_emails_names_a_built_file(built_site):
    assert broken_links(built_site, SITE_URL) == []


def test_the_crawler_sees_links_in_pages_feeds_and_emails(built_site):
    # The checker must find links in every kind of output, or an empty result would prove nothing.
    kinds = {file.suffix for file, _, link in links_in(built_site, SITE_URL) if own_path(link, SITE_URL, SITE_URL)}
    assert {".html", ".xml", ".json"} <= kinds
    emails = [file for file, _, _ in links_in(built_site, SITE_URL) if file.name == "email.html"]
    assert emails


def test_a_link_to_a_page_that_was_not_built_is_reported(built_site, tmp_path):
    site = tmp_path / "site"
    (site / "over").mkdir(parents=True)
    (site / "over" / "index.html").write_text(
        '<html><body><a href="../bestaat-niet/">x</a><a href="https://www.communityofpracticelimburg.nl/aanmelden/x">'
        'y</a><a href="https://example.org/aanmelden/">z</a><a href="./">self</a></body></html>',
        encoding="utf-8",
    )
    assert broken_links(site, SITE_URL) == [
        "over/index.html: ../bestaat-niet/",
        "over/index.html: https://www.communityofpracticelimburg.nl/aanmelden/x",
    ]
