"""`cop new`: a scaffolded item of every type passes the check as written and builds, with a slug from its title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import BUILD_DATE, build_site

from coplimburg.content.loader import load
from coplimburg.content.placeholders import MESSAGE, placeholder_texts
from coplimburg.content.slugs import slugify
from coplimburg.content.source import parse_yaml, read_markdown
from coplimburg.editors.cli import main
from coplimburg.editors.scaffold import KINDS, field_names
from coplimburg.problems import ContentError

COLLECTION = {kind: spec.folder for kind, spec in KINDS.items()}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("COP_BUILD_DATE", BUILD_DATE)


def front_matter(path: Path) -> dict[str, object]:
    document = read_markdown(path, path.as_posix(), problems := [])
    assert document is not None and problems == []
    return dict(document.data)


def uncommented(path: Path) -> dict[str, object]:
    """The front matter with every optional example switched on, as an editor would by removing '# '."""
    text = path.read_text(encoding="utf-8").split("---\n")[1]
    lines = [re.sub(r"^# (?=\w+:|  )", "", line) for line in text.splitlines()]
    document = parse_yaml("\n".join(lines), path.as_posix(), problems := [], 2)
    assert document is not None and problems == []
    return dict(document.data)


def fill_in(path: Path) -> None:
    """Replace the example texts of a scaffolded item, as an editor does before publishing."""
    kind = next(kind for kind, spec in KINDS.items() if spec.folder == path.parent.name)
    text = path.read_text(encoding="utf-8").replace(KINDS[kind].scaffold.body, "Het echte verhaal.")
    for placeholder in placeholder_texts(KINDS[kind].key):
        text = text.replace(
            placeholder, "Een echte tekst, Geleen" if "://" not in placeholder else "https://cop.example/x"
        )
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_scaffolded_item_of_every_type_is_reported_for_its_example_texts_until_they_are_replaced(kind, project):
    root = project / "content"
    main(["new", kind, "Voorbeeld", "--content", str(root)])
    with pytest.raises(ContentError) as caught:
        load(root)
    assert caught.value.problems
    assert {problem.message.split(" (")[0] for problem in caught.value.problems} == {MESSAGE}
    assert "tekst" in {problem.field for problem in caught.value.problems}
    fill_in(root / str(KINDS[kind].folder) / "voorbeeld.md")
    load(root)


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_scaffolded_item_of_every_type_passes_the_check_once_filled_in(kind, project, capsys):
    root = project / "content"  # all sample content: site data refers to its events
    assert main(["new", kind, "Één dag in Geleen", "--content", str(root)]) == 0
    fill_in(root / str(KINDS[kind].folder) / "een-dag-in-geleen.md")
    site = load(root)
    items = {"event": site.events, "product": site.products, "table": site.tables, "post": site.posts}[kind]
    assert items["een-dag-in-geleen"].title == "Één dag in Geleen"
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].endswith(f"{root.as_posix()}/{COLLECTION[kind]}/een-dag-in-geleen.md")
    assert "cop check" in printed[1]


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_scaffolded_item_shows_every_field_of_its_model_filled_in_or_as_a_commented_example(kind, content):
    root = content()
    main(["new", kind, "Volledig", "--content", str(root)])
    path = root / COLLECTION[kind] / "volledig.md"
    assert set(uncommented(path)) == set(field_names(KINDS[kind].model))


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_example_table_names_exactly_the_fields_of_each_model(kind):
    assert set(KINDS[kind].scaffold.examples) == set(field_names(KINDS[kind].model)), "add an example for the new field"


def test_scaffolded_items_of_every_type_build_into_the_site(project, tmp_path):
    for kind in KINDS:
        assert main(["new", kind, f"Nieuw {kind}", "--content", str(project / "content")]) == 0
        fill_in(project / "content" / str(KINDS[kind].folder) / f"nieuw-{kind}.md")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_dates_in_a_scaffolded_item_are_the_build_date(content):
    root = content()
    main(["new", "event", "Vandaag", "--content", str(root)])
    event = front_matter(root / "events" / "vandaag.md")
    assert event["published"] == BUILD_DATE
    assert str(event["start"]).startswith(BUILD_DATE)


def test_a_new_table_gets_a_code_no_other_table_has(content):
    root = content(tables={"tafel-4.md": (Path(__file__).parent.parent / "content/tables/tafel-4.md").read_text()})
    main(["new", "table", "Nieuwe tafel", "--content", str(root)])
    assert front_matter(root / "tables" / "nieuwe-tafel.md")["code"] == "5"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Één dag", "een-dag"),
        ("CoPpisch 2027: Samen & verder!", "coppisch-2027-samen-en-verder"),
        ("'s-Hertogenbosch ĳsselt", "s-hertogenbosch-ijsselt"),
        ("  Café   Crème  ", "cafe-creme"),
        ("Über Straße", "uber-strasse"),
    ],
)
def test_the_file_name_is_a_slug_of_the_title_with_dutch_diacritics_spelled_out(title, slug, content):
    root = content()
    assert slugify(title) == slug
    assert main(["new", "post", title, "--content", str(root)]) == 0
    assert (root / "news" / f"{slug}.md").is_file()


def test_an_existing_item_is_never_overwritten(content, capsys):
    root = content(news={"een-dag.md": "mijn eigen tekst\n"})
    assert main(["new", "post", "Één dag", "--content", str(root)]) == 1
    assert (root / "news" / "een-dag.md").read_text() == "mijn eigen tekst\n"
    assert "bestaat al" in capsys.readouterr().err
