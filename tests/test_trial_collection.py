"""A new collection is a model, a declaration and an item template: added to a copy of the repository (from
tests/trial/), a collection of stories gets a proper page, structured data, a social card, a search entry, feed
items, an overview and a form in the browser editor, with no other module touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import lxml.html
import pytest
import yaml
from pages import SITE_URL, content, json_ld, text
from PIL import Image
from sitebuild import REPO, SAMPLE, build_site

TRIAL = REPO / "tests" / "trial"
PAGE = "verhalen/werkplaats-in-de-klas/"
# What the trial touches, and nothing else of the repository: the model, the declaration, the item template.
TOUCHED = ("coplimburg/content/stories.py", "coplimburg/content/collections.py", "overrides/cop/story.html")


def declare(collections: Path) -> None:
    """Put the trial declaration into collections.py the way a developer would: import the model, declare the
    collection, list it in COLLECTIONS."""
    source = collections.read_text(encoding="utf-8")
    declaration = (TRIAL / "declaration.py").read_text(encoding="utf-8").split("# --- declaration ---\n")[1]
    edits = [
        ("from coplimburg.content.tables import Table\n", "from coplimburg.content.stories import Story\n"),
        ("# In the order feeds list their items", declaration + "\n\n# In the order feeds list their items"),
        ("(TABLES, EVENTS, PRODUCTS, POSTS, PARTNERS)", "(TABLES, EVENTS, PRODUCTS, POSTS, PARTNERS, STORIES)"),
    ]
    for old, new in edits:
        assert source.count(old) == 1, f"collections.py no longer has {old!r}: update the trial"
        source = source.replace(old, old + new if old.endswith("\n") else new)
    collections.write_text(source, encoding="utf-8")


@pytest.fixture(scope="module")
def trial_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("trial") / "repo"
    shutil.copytree(REPO / "coplimburg", root / "coplimburg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "hooks", root / "hooks")
    (root / "node_modules").symlink_to(REPO / "node_modules")  # the browser editor's bundle, beside the package
    project = root / "tests" / "sample"
    for part in ("content", "docs"):
        shutil.copytree(SAMPLE / part, project / part)
    shutil.copy2(SAMPLE / "mkdocs.yml", project / "mkdocs.yml")
    before = {path: (root / path).read_bytes() for path in TOUCHED if (root / path).exists()}
    shutil.copy2(TRIAL / "stories.py", root / TOUCHED[0])
    declare(root / TOUCHED[1])
    shutil.copy2(TRIAL / "story.html", root / TOUCHED[2])
    assert set(before) == {TOUCHED[1]}  # the model and the template are new files
    shutil.copytree(TRIAL / "content" / "stories", project / "content" / "stories")
    site = tmp_path_factory.mktemp("trial-site")
    # The copy of the package comes first on the path, before the repository's own (installed in editable mode).
    result = build_site(project, site, environment={"PYTHONPATH": str(root)})
    assert result.returncode == 0, result.stderr
    return site


def parsed(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / path / "index.html")).getroot()


def test_a_trial_item_has_a_page_from_its_template_with_its_text_and_picture(trial_site):
    article = content(parsed(trial_site, PAGE))
    [heading] = article.xpath(".//h1")
    assert text(heading) == "Een werkplaats in de klas"
    assert article.xpath(".//h2/@id") == ["wat-we-leerden"]
    [image] = article.xpath(".//picture//img")
    assert image.get("alt") == "Docenten en studenten aan een werkbank"
    assert (trial_site / "verhalen/images/werkplaats.png").is_file()


def test_a_trial_item_is_described_as_a_creative_work_with_breadcrumbs(trial_site):
    documents = {document["@type"]: document for document in json_ld(parsed(trial_site, PAGE))}
    work = documents["CreativeWork"]
    assert (work["name"], work["datePublished"], work["url"]) == (
        "Een werkplaats in de klas",
        "2026-11-02",
        SITE_URL + PAGE,
    )
    assert work["image"][0] == SITE_URL + "assets/cards/verhalen/werkplaats-in-de-klas.png"
    names = [element["name"] for element in documents["BreadcrumbList"]["itemListElement"]]
    assert names == ["Home", "Verhalen", "Een werkplaats in de klas"]


def test_a_trial_item_has_its_own_social_card_naming_its_kind(trial_site):
    document = parsed(trial_site, PAGE)
    [image] = document.xpath("//meta[@property='og:image']/@content")
    [alt] = document.xpath("//meta[@property='og:image:alt']/@content")
    assert image == SITE_URL + "assets/cards/verhalen/werkplaats-in-de-klas.png"
    assert alt == "CoP Limburg – Verhaal: Een werkplaats in de klas, maandag 2 november 2026"
    with Image.open(trial_site / "assets/cards/verhalen/werkplaats-in-de-klas.png") as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def test_a_trial_item_is_found_in_search_as_its_kind_and_the_dialog_offers_that_kind(trial_site):
    document = parsed(trial_site, PAGE)
    assert document.xpath("//*[@data-pagefind-filter]/@data-pagefind-filter") == ["soort:verhaal"]
    assert "datum:maandag 2 november 2026" in document.xpath("//*[@data-pagefind-meta]/@data-pagefind-meta")
    kinds = document.xpath("//dialog[@data-cop-search]//input[@name='soort']")
    assert ("verhaal", "Verhalen") in [(kind.get("value"), text(kind.getparent())) for kind in kinds]


def test_a_trial_item_is_a_feed_item_in_its_own_feed_and_the_main_feed(trial_site):
    for feed in ("verhalen/feed.xml", "feed.xml"):
        entries = feedparser.parse((trial_site / feed).read_bytes()).entries
        [entry] = [entry for entry in entries if entry.link == SITE_URL + PAGE]
        assert entry.title == "Een werkplaats in de klas"
        assert "Verhalen" in {tag.term for tag in entry.tags}


def test_a_trial_collection_has_an_overview_listing_its_items(trial_site):
    overview = content(parsed(trial_site, "verhalen/"))
    assert text(overview.xpath(".//h1")[0]) == "Verhalen"
    assert [link.get("href") for link in overview.xpath(".//ul/li/a")] == ["werkplaats-in-de-klas/"]


def test_a_trial_collection_gets_a_form_in_the_browser_editor_with_its_dutch_field_titles(trial_site):
    config = yaml.safe_load((trial_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    (stories,) = [one for one in config["collections"] if one.get("folder") == "content/stories"]
    assert (stories["label"], stories["label_singular"]) == ("Verhalen", "verhaal")
    assert [field["label"] for field in stories["fields"]][:3] == ["Titel", "Samenvatting", "Publicatiedatum"]
