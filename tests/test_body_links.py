"""Links in bodies are checked like content: relative `.md` paths, site paths, links to the site's own domain and
anchors; a missing target is reported in Dutch with the nearest valid one, and what passes builds strictly."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pages import content, page
from sitebuild import build_site, copy_sample

from coplimburg.content.loader import load
from coplimburg.problems import ContentError

EVENT = "content/events/coppisch-2025.md"


def link_problems(project: Path, body: str) -> list[tuple[int, str, str]]:
    """(line, field, message) of every problem after the event's body is replaced by `body`."""
    event = project / EVENT
    front = event.read_text(encoding="utf-8").split("---\n")[1]
    event.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(project / "content")
    return [(problem.line, problem.field, problem.message) for problem in caught.value.problems]


def test_a_relative_link_to_a_missing_item_names_the_nearest_item(project):
    assert link_problems(project, "Zie [de blokkendoos](../coppyright/bouwsteen-ibo.md).\n") == [
        (
            15,
            "link",
            "'../coppyright/bouwsteen-ibo.md' bestaat niet vanaf /agenda/coppisch-2025/ (relatieve links tellen "
            "vanaf de pagina, niet vanaf het bestand); bedoelde je /coppyright/bouwstenen-ibo/?",
        )
    ]


def test_a_relative_link_written_from_the_file_rather_than_the_page_is_reported(project):
    [(_, _, message)] = link_problems(project, "Zie [tafel 3](../tables/tafel-3.md).\n")
    assert message.startswith("'../tables/tafel-3.md' bestaat niet vanaf /agenda/coppisch-2025/")
    assert message.endswith("bedoelde je /innovatietafels/tafel-3/?")


def test_an_absolute_site_path_to_a_missing_page_is_reported(project):
    assert link_problems(project, "Zie [de agenda](/agendaa/).\n") == [
        (15, "link", "'/agendaa/' bestaat niet op de site; bedoelde je /agenda/?")
    ]


def test_a_link_to_the_sites_own_domain_is_checked_like_a_site_path(project):
    [(_, _, message)] = link_problems(
        project, "Lees [meer](https://www.communityofpracticelimburg.nl/coppyright/bouwstenen-ib/).\n"
    )
    assert message.startswith("'https://www.communityofpracticelimburg.nl/coppyright/bouwstenen-ib/' bestaat niet")
    assert message.endswith("bedoelde je /coppyright/bouwstenen-ibo/?")


def test_an_anchor_that_no_heading_of_the_target_has_is_reported_with_the_nearest(project):
    product = project / "content/coppyright/bouwstenen-ibo.md"
    product.write_text(product.read_text(encoding="utf-8") + "\n## Aan de slag\n\nTekst.\n", encoding="utf-8")
    assert link_problems(project, "Zie [start](/coppyright/bouwstenen-ibo/#aan-de-slg).\n") == [
        (
            15,
            "link",
            "'/coppyright/bouwstenen-ibo/#aan-de-slg': het anker #aan-de-slg bestaat niet op "
            "/coppyright/bouwstenen-ibo/; bedoelde je aan-de-slag?",
        )
    ]


def test_links_in_docs_pages_are_checked_with_the_docs_file_and_line(project):
    page = project / "docs/over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNaar [de tafels](innovatietafels/indx.md).\n")
    lines = page.read_text(encoding="utf-8").splitlines()
    with pytest.raises(ContentError) as caught:
        load(project / "content")
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.field) == ("docs/over.md", len(lines), "link")


def test_an_image_beside_the_item_that_no_item_names_is_reported_as_unpublished(project):
    (project / "content/events/images").mkdir(exist_ok=True)
    (project / "content/events/images/los.png").write_bytes(b"png")
    assert link_problems(project, "![Foto](images/los.png)\n") == [
        (
            15,
            "link",
            "'images/los.png' staat wel in content/, maar komt niet op de site: alleen bestanden die een item "
            "noemt in image of files worden gepubliceerd; noem het daar, of link er niet naar",
        )
    ]


def test_external_links_code_and_good_links_pass(project):
    body = (
        "[extern](https://www.vistacollege.nl/x) en [mail](mailto:a@b.nl)\n\n"
        "`[niet](/bestaat-niet/)`\n\n```\n[ook niet](/bestaat-niet/)\n```\n"
    )
    event = project / EVENT
    front = event.read_text(encoding="utf-8").split("---\n")[1]
    event.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    load(project / "content")


def test_content_whose_links_pass_the_check_builds_strictly_in_every_documented_form(project, tmp_path):
    product = project / "content/coppyright/bouwstenen-ibo.md"
    product.write_text(product.read_text(encoding="utf-8") + "\n## Aan de slag\n\nTekst.\n", encoding="utf-8")
    event = project / EVENT
    front = event.read_text(encoding="utf-8").split("---\n")[1]
    body = (
        "[sitepad](/coppyright/bouwstenen-ibo/) [anker](/coppyright/bouwstenen-ibo/#aan-de-slag) "
        "[relatief](../coppyright/bouwstenen-ibo.md) [domein](https://www.communityofpracticelimburg.nl/agenda/) "
        "[tafel](/innovatietafels/tafel-3/) [agenda](/agenda.ics) [feed](/agenda/feed.xml)\n"
    )
    product_body = "\n![Leerroute](images/leerroute-zij-instroom.png)\n"
    product.write_text(product.read_text(encoding="utf-8") + product_body, encoding="utf-8")
    event.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    load(project / "content")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_heading_ids_are_those_python_markdown_gives():
    from markdown.extensions.toc import slugify as markdown_slugify

    from coplimburg.content.markdown_source import slugify

    for text in ("Aan de slag", "Één dag: IBO's & meer!", "Stap 2 — klaar?"):
        assert slugify(text, "-") == markdown_slugify(text, "-")


def test_a_broken_link_is_reported_in_the_same_run_as_a_bad_date(project):
    event = project / EVENT
    event.write_text(event.read_text(encoding="utf-8").replace("published: 2025-05-06", "published: morgen"))
    assert [(field, message.split(";")[0]) for _, field, message in link_problems(project, "[x](/agendaa/)\n")] == [
        ("published", "verwacht een datum zoals 2024-06-13, gekregen 'morgen'"),
        ("link", "'/agendaa/' bestaat niet op de site"),
    ]


def test_a_link_to_an_item_that_does_not_validate_yet_is_no_second_problem(project):
    product = project / "content/coppyright/bouwstenen-ibo.md"
    product.write_text(product.read_text(encoding="utf-8").replace("title:", "tilte:", 1), encoding="utf-8")
    body = "[product](/coppyright/bouwstenen-ibo/) [download](/coppyright/files/bouwstenen-ibo/overzicht.pdf)\n"
    assert {field for _, field, _ in link_problems(project, body)} == {"tilte", "title"}


# A site served from a folder, as GitHub Pages serves a repository before it has its own domain.
FOLDER_SITE_URL = "https://example.github.io/cop/"
SITE_PATHS = "[de agenda](/agenda/) [tafel 3](/innovatietafels/tafel-3/#programma) [alles](/) [feed](/agenda/feed.xml)"


@pytest.fixture(scope="module")
def folder_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The sample project served from a folder, with site-path links in an item body and in a docs/ page, built
    once: the site and what the build printed."""
    project = copy_sample(tmp_path_factory.mktemp("folder") / "repo")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("https://www.communityofpracticelimburg.nl/", FOLDER_SITE_URL),
        encoding="utf-8",
    )
    table = project / "content/tables/tafel-3.md"
    table.write_text(table.read_text(encoding="utf-8") + "\n## Programma\n\nTekst.\n", encoding="utf-8")
    event = project / EVENT
    front = event.read_text(encoding="utf-8").split("---\n")[1]
    event.write_text(f"---\n{front}---\n{SITE_PATHS}\n", encoding="utf-8")
    over = project / "docs/over.md"
    over.write_text(over.read_text(encoding="utf-8") + f"\n{SITE_PATHS}\n", encoding="utf-8")
    site = project.parent / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.mark.parametrize("url_path", ["agenda/coppisch-2025/", "over/"])
def test_site_path_links_reach_their_page_on_a_site_served_from_a_folder(folder_site, url_path):
    site, _ = folder_site
    article = content(page(site, url_path))
    hrefs = [article.xpath(f'.//a[text()="{label}"]/@href')[0] for label in ("de agenda", "tafel 3", "alles", "feed")]
    # Where a browser at https://example.github.io/cop/<url_path> goes: inside /cop/, to pages the build wrote.
    reached = [urljoin(FOLDER_SITE_URL + url_path, href) for href in hrefs]
    assert reached == [
        FOLDER_SITE_URL + path for path in ("agenda/", "innovatietafels/tafel-3/#programma", "", "agenda/feed.xml")
    ]
    assert (site / "innovatietafels/tafel-3/index.html").is_file() and (site / "agenda/feed.xml").is_file()


def test_a_build_with_site_path_links_prints_no_english_advice_about_them(folder_site):
    _, result = folder_site
    output = result.stdout + result.stderr
    assert "absolute link" not in output and "Did you mean" not in output
