"""CoPPIG: the news overview, newest first, and a news post with its topics and tables."""

from __future__ import annotations

from pages import content, facts, links, page, text, texts
from sitebuild import SAMPLE

NEWS = "coppig/"
POST = "coppig/nieuws/nieuw-in-coppyright-checklist/"
POSTS = sorted(path.stem for path in (SAMPLE / "content" / "news").glob("*.md"))


def test_the_overview_lists_every_post_newest_first_with_date_and_summary(built_site):
    (posts,) = content(page(built_site, NEWS)).xpath('.//ul[contains(@class, "cop-news")]')
    items = posts.xpath("./li")
    dates = [item.xpath("./time/@datetime")[0] for item in items]
    assert dates == sorted(dates, reverse=True)
    assert sorted(link.split("/")[-2] for link in links(posts, NEWS)) == POSTS
    assert len(items) == len(POSTS)
    assert all(item.xpath("./p") and text(item.xpath("./p")[0]) for item in items)


def test_a_post_shows_its_date_title_summary_and_body(built_site):
    article = content(page(built_site, POST))
    assert texts(article.xpath('.//*[contains(@class, "cop-kicker")]')) == ["CoPPIG · donderdag 9 oktober 2025"]
    assert texts(article.xpath(".//h1")) == ["Nieuw in CoPyright: de checklist voor het validatiegesprek ✅"]
    assert article.xpath('.//h2[@id="wat-zit-erin"]')


def test_a_post_names_its_topics_and_links_its_tables(built_site):
    shown = facts(page(built_site, POST))
    assert text(shown["Onderwerpen"]) == "CoPyright, Innovatietafels"
    assert links(shown["Innovatietafels"], POST) == ["innovatietafels/tafel-2b/"]
