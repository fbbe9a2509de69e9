"""Every page's JSON-LD against Google's rules for rich results: the required and recommended properties per type.

The table is ours, read from Google Search Central's structured data pages (checked November 2026):
- Event: https://developers.google.com/search/docs/appearance/structured-data/event
- Article (NewsArticle): https://developers.google.com/search/docs/appearance/structured-data/article
- BreadcrumbList: https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
- Organization: https://developers.google.com/search/docs/appearance/structured-data/organization
Event's recommended `performer` is left out: no item names a performer, and Google asks for it only where there is one.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from pages import SITE_URL, html_files, json_ld, url_path_of

REQUIRED: dict[str, tuple[str, ...]] = {
    "Event": ("name", "startDate", "location"),
    "NewsArticle": (),
    "BreadcrumbList": ("itemListElement",),
    "Organization": (),
}
RECOMMENDED: dict[str, tuple[str, ...]] = {
    "Event": ("description", "endDate", "eventAttendanceMode", "eventStatus", "image", "offers", "organizer"),
    "NewsArticle": ("author", "dateModified", "datePublished", "headline", "image"),
    "BreadcrumbList": (),
    # `logo` is for the site's own organisation (the home page, publishers, organisers): partners have none here.
    "Organization": ("name", "url", "description"),
}
# Members that Google checks inside a property, each with its required and recommended fields.
OFFER = (("price", "priceCurrency", "availability", "url"), ("validFrom",))
ORGANIZER = (("name",), ("url",))
PLACE = (("address",), ("name",))
ADDRESS_RECOMMENDED = ("streetAddress", "addressLocality", "postalCode", "addressCountry")
LIST_ITEM = (("name", "position", "item"), ())


def _types(node: dict[str, Any]) -> list[str]:
    kind = node["@type"]
    return [kind] if isinstance(kind, str) else list(kind)


def _many(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def missing(node: dict[str, Any], site_url: str = SITE_URL) -> tuple[list[str], list[str]]:
    """The required and the recommended properties a node lacks (or gives in a form Google rejects)."""
    required: list[str] = []
    recommended: list[str] = []
    for kind in _types(node):
        required += [name for name in REQUIRED.get(kind, ()) if not node.get(name)]
        recommended += [name for name in RECOMMENDED.get(kind, ()) if not node.get(name)]
        if kind == "Event":
            for place in _many(node.get("location", [])):
                if place.get("@type") == "VirtualLocation":
                    required += [] if place.get("url") else ["location.url"]
                    continue
                required += [f"location.{name}" for name in PLACE[0] if not place.get(name)]
                address = place.get("address", {})
                recommended += [f"location.address.{name}" for name in ADDRESS_RECOMMENDED if not address.get(name)]
            for offer in _many(node.get("offers", [])):
                recommended += [f"offers.{name}" for name in OFFER[0] + OFFER[1] if offer.get(name) in (None, "")]
            for organizer in _many(node.get("organizer", [])):
                recommended += [f"organizer.{name}" for name in ORGANIZER[0] + ORGANIZER[1] if not organizer.get(name)]
        if kind == "NewsArticle":
            for author in _many(node.get("author", [])):
                recommended += [f"author.{name}" for name in ("name", "url") if not author.get(name)]
        if kind == "BreadcrumbList":
            for item in node.get("itemListElement", []):
                required += [f"itemListElement.{name}" for name in LIST_ITEM[0] if not item.get(name)]
    for name, value in node.items():
        for one in _many(value):
            if isinstance(one, str) and name in ("url", "image", "logo", "item") and not one.startswith("https://"):
                required.append(f"{name} (absolute https URL)")
    return required, recommended


def nodes(site) -> list[tuple[str, dict[str, Any]]]:
    return [
        (url_path_of(site, file), node)
        for file in html_files(site)
        for node in json_ld(lxml.html.parse(str(file)).getroot())
    ]


def test_every_json_ld_node_has_google_s_required_and_recommended_properties(built_site):
    found = nodes(built_site)
    failing = {(path, node["@type"].__str__()): missing(node) for path, node in found if any(missing(node))}
    assert failing == {}
    events = [node for _, node in found if "Event" in _types(node)]
    print(f"\n{len(events)} Event nodes pass Google's required and recommended checks")
    assert len(events) >= 9


def test_every_item_page_has_breadcrumbs_ending_at_itself(built_site):
    for file in html_files(built_site):
        path = url_path_of(built_site, file)
        # Item pages are <section>/<id>/; editions, CoPPIG pages and year pages are not items.
        if (
            path.count("/") != 2
            or path.startswith(("coppig/20", "jaaroverzicht/"))
            or path
            in (
                "coppig/abonneren/",
                "coppig/edities/",
            )
        ):
            continue
        (trail,) = json_ld(lxml.html.parse(str(file)).getroot(), "BreadcrumbList")
        items = trail["itemListElement"]
        assert [item["position"] for item in items] == [1, 2, 3], path
        assert items[-1]["item"] == SITE_URL + path


def test_the_cop_itself_carries_its_logo_wherever_it_appears(built_site):
    for path, node in nodes(built_site):
        for organisation in [node, *_many(node.get("organizer", [])), node.get("publisher") or {}]:
            if organisation.get("name") == "Community of Practice Limburg":
                assert organisation["logo"] == SITE_URL + "assets/images/cop-logo.png", path


def test_a_news_post_is_a_news_article_published_by_the_cop(built_site):
    (article,) = [
        node for path, node in nodes(built_site) if path.startswith("coppig/nieuws/") and "NewsArticle" in _types(node)
    ][:1]
    assert article["publisher"]["logo"] == SITE_URL + "assets/images/cop-logo.png"
    assert article["image"][0].startswith(SITE_URL + "assets/cards/coppig/nieuws/")


def test_an_event_at_a_partner_s_venue_takes_the_partner_s_address(built_site):
    (event, *_) = json_ld(
        lxml.html.parse(str(built_site / "agenda/zomerschool-procestechniek/index.html")).getroot(), "Event"
    )
    assert event["location"]["address"]["streetAddress"] == "Urmonderbaan 22"


def test_a_product_is_about_defined_terms(built_site):
    products = [node for path, node in nodes(built_site) if "LearningResource" in _types(node)]
    assert products
    for product in products:
        assert all(term["@type"] == "DefinedTerm" and term["name"] for term in product["about"])


def test_a_partner_page_describes_the_partner_as_an_organization(built_site):
    (partner,) = [
        node for path, node in nodes(built_site) if path == "partners/chill/" and node["@type"] == "Organization"
    ]
    assert partner["url"] == "https://www.chillabs.nl"
    assert partner["address"]["postalCode"] == "6167 RD"
