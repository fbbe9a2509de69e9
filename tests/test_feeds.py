"""CoPPIG feeds: RSS 2.0, Atom and JSON Feed of the site, each collection and each innovation table."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, html
from PIL import Image
from sitebuild import SAMPLE

from coplimburg.content.loader import load
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.entries import distinct_moments
from coplimburg.feeds.syndication import Syndication, prepare
from coplimburg.pages.cache import cache_folder
from coplimburg.pages.images import Originals

SITE_URL = "https://www.communityofpracticelimburg.nl/"
SETTINGS = FeedSettings("CoP Limburg", "Nieuws van de CoP.", "Community of Practice Limburg", limit=20)
FEEDS = ("feed.xml", "atom.xml", "feed.json")
# The sample's feed items: its posts, events and products (tests/sample/content).
SAMPLE_ITEMS = [
    path for folder in ("news", "events", "coppyright") for path in (SAMPLE / "content" / folder).glob("*.md")
]
SAMPLE_TABLES = list((SAMPLE / "content" / "tables").glob("*.md"))


def post(title: str = "Nieuws", published: str = "2024-06-20", body: str = "Tekst.", **fields: object) -> str:
    front = {"title": title, "summary": "Kort nieuws.", "published": published, "categories": ["algemeen"], **fields}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body + "\n"


def syndicate(root: Path, site_url: str = SITE_URL, settings: FeedSettings = SETTINGS) -> Syndication:
    originals = Originals(cache_folder(root.parent, "images"))
    return prepare(load(root), site_url, settings, dt.date(2026, 11, 28), originals)


def outputs(root: Path, rendered: dict[tuple[str, str], str] | None = None, **options: object) -> dict[str, bytes]:
    """The feed files of a small site; each item's page HTML is its body as plain Markdown renders it, unless
    `rendered` gives it (the build hands over the HTML MkDocs rendered)."""
    syndication = syndicate(root, **options)  # type: ignore[arg-type]
    pages = {
        entry.key: markdown.markdown(syndication.site.items[entry.collection][entry.item_id].body)
        for entry in syndication.entries
    }
    return syndication.outputs({**pages, **(rendered or {})})


def parsed(data: bytes) -> feedparser.FeedParserDict:
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def content_of(entry: feedparser.FeedParserDict) -> str:
    return str(entry.content[0].value)


def all_feed_files(site: Path) -> list[Path]:
    return sorted(path for name in FEEDS for path in site.rglob(name))


# The site as built


def test_every_feed_of_the_site_reads_back_without_errors(built_site: Path) -> None:
    files = all_feed_files(built_site)
    # main + nieuws, agenda, CoPyright + one per table, each in three formats
    assert len(files) == (1 + 3 + len(SAMPLE_TABLES)) * 3
    for path in files:
        if path.suffix == ".json":
            document = json.loads(path.read_bytes())
            assert document["version"] == "https://jsonfeed.org/version/1.1"
            assert document["language"] == "nl"
        else:
            feed = parsed(path.read_bytes())
            assert feed.feed.language == "nl", path


def test_every_rss_and_atom_feed_names_the_sites_feed_stylesheet_for_browsers_and_explains_itself_in_dutch(
    built_site: Path,
) -> None:
    xml_feeds = [path for path in all_feed_files(built_site) if path.suffix == ".xml"]
    assert len(xml_feeds) == (1 + 3 + len(SAMPLE_TABLES)) * 2
    for path in xml_feeds:
        document = etree.parse(str(path))
        (instruction,) = [node for node in document.getroot().itersiblings(preceding=True)]
        assert (instruction.target, instruction.get("type")) == ("xml-stylesheet", "text/css")
        url = path.relative_to(built_site).as_posix()
        stylesheet = urlsplit(urljoin(SITE_URL + url, instruction.get("href"))).path
        assert stylesheet == "/assets/stylesheets/feed.css", url
        assert (built_site / stylesheet.lstrip("/")).is_file()
        (explanation,) = document.getroot().iter("{http://www.w3.org/1999/xhtml}div")
        said = " ".join("".join(explanation.itertext()).split())
        assert said.startswith("Dit is een feed: het nieuwste van CoP Limburg") and "Kopieer het adres" in said
        # Feed readers see the feed as before: its own link, not one of the explanation.
        feed = parsed(path.read_bytes())
        home = [link.href for link in feed.feed.links if link.rel == "alternate"]
        assert feed.feed.link == home[0], url


def test_no_feed_has_two_entries_with_the_same_updated_date(built_site: Path) -> None:
    # The W3C feed validator warns on two entries with the same atom:updated; JSON Feed readers sort on it too.
    for path in built_site.rglob("atom.xml"):
        updated = [entry.updated for entry in parsed(path.read_bytes()).entries]
        assert len(updated) == len(set(updated)), path
    for path in built_site.rglob("feed.json"):
        modified = [item["date_modified"] for item in json.loads(path.read_text(encoding="utf-8"))["items"]]
        assert len(modified) == len(set(modified)), path


def test_the_news_feeds_link_to_the_news_overview(built_site: Path) -> None:
    feed = parsed((built_site / "coppig" / "nieuws" / "atom.xml").read_bytes())
    assert [link.href for link in feed.feed.links if link.rel == "alternate"] == [SITE_URL + "coppig/"]
    data = json.loads((built_site / "coppig" / "nieuws" / "feed.json").read_text(encoding="utf-8"))
    assert data["home_page_url"] == SITE_URL + "coppig/"


def test_the_main_feed_mixes_posts_events_and_products_newest_first(built_site: Path) -> None:
    feed = parsed((built_site / "feed.xml").read_bytes())
    published = [parsedate_to_datetime(entry.published) for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    collections = {entry.id.rsplit(":", 1)[1].split("/")[0] for entry in feed.entries}
    assert collections == {"posts", "events", "products"}
    assert len(feed.entries) == min(len(SAMPLE_ITEMS), SETTINGS.limit)


def test_a_main_feed_item_carries_every_field(built_site: Path) -> None:
    feed = parsed((built_site / "feed.xml").read_bytes())
    (entry,) = [entry for entry in feed.entries if entry.id.endswith(":posts/terugblik-coppisch-2024")]
    assert entry.title == "Terugblik op CoPpisch 2024: alle opbrengsten in beeld"
    assert entry.link == SITE_URL + "coppig/nieuws/terugblik-coppisch-2024/"
    assert entry.summary == "Op 13 juni 2024 lieten de tafels zien wat ze hebben gemaakt."
    body = html.fragment_fromstring(content_of(entry), create_parent="div")
    assert [heading.text_content() for heading in body.iter("h2")] == ["Opbrengsten in beeld", "Hoe nu verder?"]
    assert entry.author == "Community of Practice Limburg"
    assert {tag.term for tag in entry.tags} == {
        "Nieuws",
        "Innovatietafel 2B",
        "Innovatietafel 3",
        "CoPpisch",
        "Innovatietafels",
    }
    assert entry.guidislink is False


def test_the_main_feed_announces_itself_its_logo_and_its_last_item_date(built_site: Path) -> None:
    feed = parsed((built_site / "feed.xml").read_bytes())
    assert feed.feed.link == SITE_URL
    assert {link.rel: link.href for link in feed.feed.links}["self"] == SITE_URL + "feed.xml"
    assert feed.feed.image.href == SITE_URL + "assets/images/cop-logo.png"
    assert (built_site / "assets/images/cop-logo.png").is_file()
    assert parsedate_to_datetime(feed.feed.updated) == parsedate_to_datetime(feed.entries[0].published)


def test_atom_and_json_feed_carry_the_same_items_as_rss(built_site: Path) -> None:
    rss = parsed((built_site / "feed.xml").read_bytes())
    atom = parsed((built_site / "atom.xml").read_bytes())
    document = json.loads((built_site / "feed.json").read_bytes())
    ids = [entry.id for entry in rss.entries]
    assert [entry.id for entry in atom.entries] == ids
    assert [item["id"] for item in document["items"]] == ids
    assert atom.feed.author == "Community of Practice Limburg"
    assert {link.rel: link.href for link in atom.feed.links}["self"] == SITE_URL + "atom.xml"
    assert document["feed_url"] == SITE_URL + "feed.json"
    assert all(item["content_html"] and item["summary"] and item["tags"] for item in document["items"])


def test_no_feed_content_holds_a_relative_url_or_active_content(built_site: Path) -> None:
    for path in all_feed_files(built_site):
        if path.suffix == ".json":
            contents = [item["content_html"] for item in json.loads(path.read_bytes())["items"]]
        else:
            contents = [content_of(entry) for entry in parsed(path.read_bytes()).entries]
        for content in contents:
            body = html.fragment_fromstring(content, create_parent="div")
            assert not list(body.iter("script", "form", "iframe")), path
            for element in body.iter():
                for name in ("href", "src"):
                    if name in element.attrib:
                        assert urlsplit(element.attrib[name]).scheme in {"https", "http", "mailto"}, (path, element)


def test_each_collection_feed_holds_only_its_own_items(built_site: Path) -> None:
    # Each links to its overview page: the news posts live under coppig/nieuws/, their overview is coppig/.
    for folder, collection, home in (
        ("coppig/nieuws", "posts", "coppig/"),
        ("agenda", "events", "agenda/"),
        ("coppyright", "products", "coppyright/"),
    ):
        feed = parsed((built_site / folder / "feed.xml").read_bytes())
        assert feed.entries
        assert {entry.id.rsplit(":", 1)[1].split("/")[0] for entry in feed.entries} == {collection}
        assert feed.feed.link == SITE_URL + home


def test_a_table_feed_holds_the_posts_events_and_products_of_that_table(built_site: Path) -> None:
    feed = parsed((built_site / "innovatietafels/tafel-2b/feed.xml").read_bytes())
    ids = {entry.id.rsplit(":", 1)[1] for entry in feed.entries}
    assert "posts/nieuw-in-coppyright-checklist" in ids
    assert "products/bouwstenen-ibo" in ids
    assert "events/werksessie-leerroutes" in ids
    assert "posts/lectoraat-gestart" not in ids
    assert all("Innovatietafel 2B" in {tag.term for tag in entry.tags} for entry in feed.entries)


def test_the_subscribe_page_lists_every_feed_and_the_calendar(built_site: Path) -> None:
    page = html.parse(built_site / "coppig/abonneren/index.html").getroot()
    hrefs = {anchor.get("href") for anchor in page.iter("a")}
    expected = {SITE_URL + str(path.relative_to(built_site)) for path in all_feed_files(built_site)}
    assert expected <= hrefs
    assert SITE_URL + "agenda.ics" in hrefs
    assert "webcal://www.communityofpracticelimburg.nl/agenda.ics" in hrefs
    assert "Google" in page.text_content()


# Small sites written for one case


def test_renaming_a_post_keeps_its_id(content: Callable[..., Path]) -> None:
    root = content(news={"cop-gaat-live.md": post("CoP gaat live")})
    before = parsed(outputs(root)["feed.xml"]).entries[0]
    (root / "news/cop-gaat-live.md").write_text(post("De CoP is live!"), encoding="utf-8")
    after = parsed(outputs(root)["feed.xml"]).entries[0]
    assert before.title != after.title
    assert before.id == after.id == "tag:communityofpracticelimburg.nl,2024:posts/cop-gaat-live"


def test_a_new_domain_or_date_keeps_every_item_id(content: Callable[..., Path]) -> None:
    root = content(news={"x.md": post(published="2024-06-20")})
    first = outputs(root)
    (root / "news/x.md").write_text(post(published="2024-07-01"), encoding="utf-8")
    moved = outputs(root, site_url="https://cop.example.org/")
    for name in ("feed.xml", "atom.xml"):
        assert parsed(first[name]).entries[0].id == parsed(moved[name]).entries[0].id
    assert json.loads(first["feed.json"])["items"][0]["id"] == json.loads(moved["feed.json"])["items"][0]["id"]


def test_a_post_with_special_characters_survives_in_all_three_formats(content: Callable[..., Path]) -> None:
    title = "Café & co <live> 🎉 — één ideeën"
    body = "Scholen & bedrijven: 3 < 4, samen 🧱 in Geleen; coördinatie geïnteresseerd."
    files = outputs(content(news={"speciaal.md": post(title, body=body)}))
    for name in ("feed.xml", "atom.xml"):
        entry = parsed(files[name]).entries[0]
        assert entry.title == title
        assert html.fragment_fromstring(content_of(entry), create_parent="div").text_content().strip() == body
    item = json.loads(files["feed.json"])["items"][0]
    assert item["title"] == title
    assert html.fragment_fromstring(item["content_html"], create_parent="div").text_content().strip() == body


@pytest.mark.parametrize(
    ("published", "offset"), [("2024-03-30", 1), ("2024-04-01", 2), ("2024-10-26", 2), ("2024-10-28", 1)]
)
def test_dates_carry_the_amsterdam_offset_of_their_own_day(
    content: Callable[..., Path], published: str, offset: int
) -> None:
    files = outputs(content(news={"x.md": post(published=published)}))
    expected = dt.timedelta(hours=offset)
    rss_date = parsedate_to_datetime(parsed(files["feed.xml"]).entries[0].published)
    atom_date = dt.datetime.fromisoformat(parsed(files["atom.xml"]).entries[0].published)
    json_date = dt.datetime.fromisoformat(json.loads(files["feed.json"])["items"][0]["date_published"])
    for moment in (rss_date, atom_date, json_date):
        assert moment.utcoffset() == expected
        assert moment.date().isoformat() == published


def test_the_channel_date_is_the_newest_item_date(content: Callable[..., Path]) -> None:
    root = content(news={"oud.md": post(published="2023-03-01"), "nieuw.md": post(published="2024-05-02")})
    files = outputs(root)
    assert parsedate_to_datetime(parsed(files["feed.xml"]).feed.updated).date() == dt.date(2024, 5, 2)
    assert dt.datetime.fromisoformat(parsed(files["atom.xml"]).feed.updated).date() == dt.date(2024, 5, 2)


def test_items_of_the_same_day_get_distinct_times_a_minute_apart_in_their_listed_order(
    content: Callable[..., Path],
) -> None:
    root = content(news={name: post(name, published="2024-05-02") for name in ("a.md", "b.md", "c.md")})
    feed = parsed(outputs(root)["atom.xml"])
    listed = [(entry.id.rsplit("/", 1)[1], dt.datetime.fromisoformat(entry.updated)) for entry in feed.entries]
    assert [name for name, _ in listed] == ["a", "b", "c"]
    assert [moment.time() for _, moment in listed] == [dt.time(0, 2), dt.time(0, 1), dt.time(0, 0)]
    assert [entry.published for entry in feed.entries] == [entry.updated for entry in feed.entries]
    assert outputs(root) == outputs(root)


def test_the_item_limit_keeps_only_the_newest_items(content: Callable[..., Path]) -> None:
    root = content(news={f"bericht-{day}.md": post(published=f"2024-05-0{day}") for day in range(1, 5)})
    files = outputs(root, settings=FeedSettings("CoP Limburg", "", "CoP", limit=2))
    assert [entry.id.rsplit("/", 1)[1] for entry in parsed(files["feed.xml"]).entries] == ["bericht-4", "bericht-3"]


def test_identical_content_gives_identical_bytes(content: Callable[..., Path]) -> None:
    root = content(news={"x.md": post(), "y.md": post("Ander nieuws", published="2024-06-21")})
    assert outputs(root) == outputs(root)


def test_an_item_image_becomes_an_enclosure_and_an_image_with_alt_text(content: Callable[..., Path]) -> None:
    root = content(news={"foto.md": post(image="images/campus.jpg", image_alt="Het campusplein in de zon")})
    (root / "news/images").mkdir()
    Image.new("RGB", (40, 30), (0, 121, 107)).save(root / "news/images/campus.jpg")
    files = outputs(root)
    # The enclosure is the file the site publishes (re-encoded without metadata, tests/test_image_metadata.py).
    (published,) = cache_folder(root.parent, "images").glob("*.jpg")
    size = str(published.stat().st_size)
    entry = parsed(files["feed.xml"]).entries[0]
    image_url = SITE_URL + "coppig/nieuws/images/campus.jpg"
    assert [(link.href, link.type, link.length) for link in entry.enclosures] == [(image_url, "image/jpeg", size)]
    image = next(html.fragment_fromstring(content_of(entry), create_parent="div").iter("img"))
    assert (image.get("src"), image.get("alt")) == (image_url, "Het campusplein in de zon")
    assert json.loads(files["feed.json"])["items"][0]["image"] == image_url


def test_an_image_whose_file_name_has_a_space_is_named_by_a_percent_encoded_address(
    content: Callable[..., Path],
) -> None:
    root = content(news={"foto.md": post(image="images/Campus foto.JPG", image_alt="Het campusplein")})
    (root / "news/images").mkdir()
    Image.new("RGB", (40, 30), (0, 121, 107)).save(root / "news/images/Campus foto.JPG", format="JPEG")
    files = outputs(root)
    image_url = SITE_URL + "coppig/nieuws/images/Campus%20foto.JPG"
    assert [link.href for link in parsed(files["feed.xml"]).entries[0].enclosures] == [image_url]
    assert json.loads(files["feed.json"])["items"][0]["image"] == image_url


def test_the_rendered_page_html_is_used_with_links_made_absolute_and_active_content_dropped(
    content: Callable[..., Path],
) -> None:
    page = (
        '<h2 id="a">Kop<a class="headerlink" href="#a">¶</a></h2>'
        '<p>Zie <a href="../andere/">ander nieuws</a> en <a href="javascript:alert(1)">dit</a>.</p>'
        '<p><img src="plaatje.png"></p><script>alert(1)</script>'
        '<form action="/zoek"><input name="q"></form><iframe src="https://video.example/"></iframe>'
    )
    files = outputs(content(news={"x.md": post()}), rendered={("posts", "x"): page})
    body = html.fragment_fromstring(content_of(parsed(files["feed.xml"]).entries[0]), create_parent="div")
    assert [anchor.get("href") for anchor in body.iter("a")] == [SITE_URL + "coppig/nieuws/andere/", None]
    assert [(image.get("src"), image.get("alt")) for image in body.iter("img")] == [
        (SITE_URL + "coppig/nieuws/x/plaatje.png", "")
    ]
    assert not list(body.iter("script", "form", "iframe", "input"))
    assert body.find("h2").text_content() == "Kop"


def test_every_page_announces_the_main_feed_and_the_feed_of_its_section(built_site: Path) -> None:
    def announced(page_path: str) -> list[tuple[str, str | None, str]]:
        head = html.parse(str(built_site / page_path / "index.html")).getroot().find("head")
        page_url = SITE_URL + page_path
        return [
            (link.get("rel", ""), link.get("type"), urljoin(page_url, link.get("href", "")))
            for link in head.iter("link")
            if link.get("type") in ("application/rss+xml", "application/atom+xml", "application/feed+json")
        ]

    main = [
        ("alternate", "application/rss+xml", SITE_URL + "feed.xml"),
        ("alternate", "application/atom+xml", SITE_URL + "atom.xml"),
        ("alternate", "application/feed+json", SITE_URL + "feed.json"),
    ]
    assert announced("over/") == main
    assert announced("coppig/nieuws/netwerk-van-start/") == [
        *main,
        ("alternate feed", "application/rss+xml", SITE_URL + "coppig/nieuws/feed.xml"),
        ("alternate feed", "application/atom+xml", SITE_URL + "coppig/nieuws/atom.xml"),
        ("alternate feed", "application/feed+json", SITE_URL + "coppig/nieuws/feed.json"),
    ]


def test_atom_entries_carry_their_image_as_an_enclosure_link(built_site):
    tree = etree.parse(str(built_site / "atom.xml"))
    atom = "{http://www.w3.org/2005/Atom}"
    links = [
        (link.get("href"), link.get("type"), link.get("length"))
        for link in tree.iter(f"{atom}link")
        if link.get("rel") == "enclosure"
    ]
    assert links
    for href, media_type, length in links:
        assert href.startswith("https://www.communityofpracticelimburg.nl/")
        assert media_type.startswith("image/") and int(length) > 0


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=60))
def test_distinct_moments_are_the_first_free_minute_from_each_items_own_time(minutes: list[int]) -> None:
    start = dt.datetime(2024, 5, 2, tzinfo=dt.UTC)
    moments = [start + dt.timedelta(minutes=minute) for minute in minutes]
    expected: list[dt.datetime] = []
    for moment in moments:  # the definition: minute by minute from the item's own time
        while moment in expected:
            moment += dt.timedelta(minutes=1)
        expected.append(moment)
    assert distinct_moments(moments) == expected
