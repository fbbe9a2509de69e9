"""What holds on every built page: sections-only navigation, Dutch, meta and canonical, sitemap, 404, JSON-LD, and
nothing loaded from another host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import yaml
from pages import SITE_URL, content, html_files, json_ld, links, page, resolve, text, url_path_of
from sitebuild import BUILD_DATE, SAMPLE, build_site

SECTIONS = ["innovatietafels/", "agenda/", "coppyright/", "coppig/"]
ITEM_FOLDERS = {"innovatietafels": "tables", "agenda": "events", "coppyright": "coppyright", "partners": "partners"}
# Content folder → the URL section of its items.
SECTION_OF = {"tables": "innovatietafels", "events": "agenda", "coppyright": "coppyright", "news": "coppig/nieuws"}


def item_pages(site):
    """The URL paths of the generated item pages (one level below a section, plus news posts)."""
    found = []
    for file in html_files(site):
        url_path = url_path_of(site, file)
        parts = url_path.strip("/").split("/")
        if (len(parts) == 2 and parts[0] in ITEM_FOLDERS) or url_path.startswith("coppig/nieuws/"):
            found.append(url_path)
    return found


def primary_nav_links(document, url_path):
    (nav,) = document.xpath('//nav[contains(@class, "md-nav--primary")]')
    tabs = document.xpath('//nav[contains(@class, "md-tabs")]')
    return {link for element in [nav, *tabs] for link in links(element, url_path)}


def test_there_is_an_item_page_for_every_table_event_product_post_and_partner(built_site):
    items = list((SAMPLE / "content").glob("[!s]*/*.md"))
    partners = yaml.safe_load((SAMPLE / "content" / "site" / "partners.yml").read_text(encoding="utf-8"))["partners"]
    assert sorted(item_pages(built_site)) == sorted(
        [f"{SECTION_OF[path.parent.name]}/{path.stem}/" for path in items]
        + [f"partners/{partner['id']}/" for partner in partners]
    )


def test_the_navigation_holds_sections_and_never_item_pages(built_site):
    items = set(item_pages(built_site))
    for url_path in ["", "agenda/tafelafstemming-netwerk/", "coppyright/bouwstenen-ibo/", "innovatietafels/tafel-3/"]:
        nav = primary_nav_links(page(built_site, url_path), url_path)
        assert nav & items == set(), url_path
        assert set(SECTIONS) <= nav


def test_the_navigation_does_not_grow_with_the_number_of_items(built_site, project, tmp_path):
    extra = project / "content" / "coppyright" / "nog-een-product.md"
    extra.write_text(
        (SAMPLE / "content" / "coppyright" / "curriculum-procestechniek-bol.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    bigger = tmp_path / "bigger"
    result = build_site(project, bigger)
    assert result.returncode == 0, result.stderr
    assert (bigger / "coppyright" / "nog-een-product" / "index.html").exists()
    for url_path in ["", "coppyright/bouwstenen-ibo/"]:
        assert primary_nav_links(page(bigger, url_path), url_path) == primary_nav_links(
            page(built_site, url_path), url_path
        )


def test_every_page_is_dutch(built_site):
    for file in html_files(built_site):
        assert lxml.html.parse(str(file)).getroot().get("lang") == "nl", file


def test_every_page_has_a_meta_description_and_an_item_page_uses_its_summary(built_site):
    for file in html_files(built_site):
        document = lxml.html.parse(str(file)).getroot()
        (description,) = document.xpath('//meta[@name="description"]/@content')
        assert description.strip(), file
    product = page(built_site, "coppyright/bouwstenen-ibo/")
    assert product.xpath('//meta[@name="description"]/@content') == [
        "Integrale beroepsopdrachten uit de praktijk die je als bouwstenen combineert tot een leerroute op maat."
    ]


def test_every_page_has_its_own_canonical_url(built_site):
    for file in html_files(built_site):
        if file.name == "404.html":
            continue
        document = lxml.html.parse(str(file)).getroot()
        assert document.xpath('//link[@rel="canonical"]/@href') == [SITE_URL + url_path_of(built_site, file)], file


def test_the_sitemap_lists_every_page_including_the_item_pages(built_site):
    sitemap = lxml.etree.parse(str(built_site / "sitemap.xml"))
    listed = set(sitemap.xpath("//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}))
    pages = {SITE_URL + url_path_of(built_site, file) for file in html_files(built_site) if file.name == "index.html"}
    assert listed == pages
    assert {SITE_URL + path for path in item_pages(built_site)} <= listed


def test_robots_txt_lets_every_page_be_crawled_and_names_the_sitemap_by_its_full_address(built_site):
    lines = (built_site / "robots.txt").read_text(encoding="ascii").splitlines()
    assert lines == ["User-agent: *", "Disallow:", "", f"Sitemap: {SITE_URL}sitemap.xml"]
    assert (built_site / "sitemap.xml").is_file()


def test_the_sitemap_dates_every_page_on_the_build_date(built_site):
    sitemap = lxml.etree.parse(str(built_site / "sitemap.xml"))
    dates = set(sitemap.xpath("//s:lastmod/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}))
    assert dates == {BUILD_DATE}


def test_the_404_page_is_in_dutch_and_leads_back_to_the_site(built_site):
    document = page(built_site, "404.html")
    assert document.get("lang") == "nl"
    article = content(document)
    assert text(article.xpath(".//h1")[0]) == "Pagina niet gevonden"
    # Served at any depth, the 404 page links from the site root.
    assert {urlsplit(href).path for href in article.xpath(".//a/@href")} >= {"/.", "/agenda/", "/coppyright/"}


def test_the_home_page_describes_the_organisation_in_json_ld(built_site):
    (organisation,) = json_ld(page(built_site, ""), "Organization")
    assert organisation["@type"] == "Organization"
    assert organisation["name"] == "Community of Practice Limburg"
    assert organisation["url"] == SITE_URL
    assert "VISTA college" in [member["name"] for member in organisation["member"]]


def test_json_ld_appears_on_the_home_page_and_every_item_page_but_not_on_overviews(built_site):
    with_ld = [
        url_path_of(built_site, file)
        for file in html_files(built_site)
        if json_ld(lxml.html.parse(str(file)).getroot())
    ]
    assert {path.split("/")[0] for path in with_ld} == {
        "",
        "agenda",
        "coppyright",
        "coppig",
        "innovatietafels",
        "partners",
    }
    assert not {"agenda/", "coppyright/", "coppig/", "innovatietafels/", "partners/"} & set(with_ld)


# What a browser fetches by itself; canonical and alternate links only name an address.
LOADS = (
    '//script/@src | //link[not(@rel="canonical") and not(@rel="alternate")]/@href | //img/@src | '
    "//img/@srcset | //iframe/@src | //source/@src | //video/@src | //audio/@src | //object/@data | //embed/@src"
)


def off_site_loads(file):
    document = lxml.html.parse(str(file)).getroot()
    assert document.xpath("//iframe") == [], file
    return [url for url in document.xpath(LOADS) if urlsplit(url).netloc or url.startswith("//")]


def is_edition_page(site, file):
    return re.fullmatch(r"coppig/\d{4}-\d{2}/", url_path_of(site, file)) is not None


def test_no_page_loads_anything_from_another_host(built_site):
    for file in html_files(built_site):
        if not is_edition_page(built_site, file):
            assert off_site_loads(file) == [], file


def test_an_edition_page_loads_its_item_images_from_the_site_itself(built_site):
    editions = [file for file in html_files(built_site) if is_edition_page(built_site, file)]
    assert editions
    for file in editions:
        assert off_site_loads(file) == [], file


def test_no_stylesheet_asks_for_google_fonts(built_site):
    for stylesheet in built_site.rglob("*.css"):
        assert "fonts.googleapis.com" not in stylesheet.read_text(encoding="utf-8"), stylesheet
        assert "fonts.gstatic.com" not in stylesheet.read_text(encoding="utf-8"), stylesheet


def test_every_link_within_the_site_leads_to_a_built_file(built_site):
    broken = []
    for file in html_files(built_site):
        url_path = url_path_of(built_site, file)
        document = lxml.html.parse(str(file)).getroot()
        for href in document.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            if urlsplit(href).scheme or href.startswith("#"):
                continue
            target = resolve(url_path if file.name == "index.html" else "", href.split("#")[0])
            path = built_site / target
            if target == "" or target.endswith("/"):
                path = path / "index.html"
            if not path.is_file():
                broken.append((url_path or file.name, href))
    assert broken == []


def test_tables_events_products_and_partners_link_each_other_both_ways(built_site):
    linked = [path for path in item_pages(built_site) if not path.startswith("coppig/")]
    out = {path: set(links(content(page(built_site, path)), path)) & set(linked) for path in linked}
    one_way = [(source, target) for source in linked for target in out[source] if source not in out[target]]
    assert one_way == []
    assert "partners/chill/" in out["innovatietafels/tafel-2b/"]
    assert "coppyright/bouwstenen-ibo/" in out["agenda/coppisch-2024/"]


def test_every_page_footer_links_the_agenda_feeds_contact_privacy_and_accessibility(built_site):
    for file in html_files(built_site):
        url_path = url_path_of(built_site, file)
        document = lxml.html.parse(str(file)).getroot()
        (nav,) = document.xpath('//nav[contains(@class, "cop-footer-links")]')
        assert nav.getnext().tag == "footer", url_path
        if file.name == "index.html":
            assert links(nav, url_path) == [
                "agenda/",
                "coppig/abonneren/",
                "contact/",
                "privacy/",
                "toegankelijkheid/",
            ], url_path


def test_no_article_is_nested_and_every_article_has_a_heading(built_site):
    # The Nu HTML checker: Material's <article> holds the page; ours must not open a second one without heading.
    for file in html_files(built_site):
        document = lxml.html.parse(str(file)).getroot()
        assert document.xpath("//article//article") == [], file
        for article in document.xpath("//article"):
            assert article.xpath(".//h1 | .//h2 | .//h3"), file
    for url_path in item_pages(built_site):
        assert len(content(page(built_site, url_path)).xpath(".//h1")) == 1, url_path


def test_no_page_ships_an_html_comment(built_site):
    # Template notes are Jinja comments (the e-mail keeps Outlook's conditional comments, which it needs).
    commented = [
        url_path_of(built_site, file)
        for file in html_files(built_site)
        if lxml.html.parse(str(file)).getroot().xpath("//comment()")
    ]
    assert commented == []
