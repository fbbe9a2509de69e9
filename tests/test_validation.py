"""Every kind of content mistake is reported as `path:line: field: message` in Dutch, all in one run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coplimburg.content.collections import COLLECTIONS
from coplimburg.content.loader import load
from coplimburg.problems import ContentError, Problem

EVENT = """---
title: Kennissessie
summary: Een korte samenvatting.
kind: coppisch
start: 2024-06-13 13:00
end: 2024-06-13 17:00
location: Chemelot Campus, Geleen
published: 2024-04-01
---
Tekst.
"""

PRODUCT = """---
title: Blokkendoos
summary: Een korte samenvatting.
type: ibo
license: CC-BY-SA-4.0
version: "1.0"
published: 2023-10-05
files:
  - path: files/blokkendoos/overzicht.pdf
    title: Overzicht
---
"""


def problems_of(content: Path) -> list[Problem]:
    with pytest.raises(ContentError) as raised:
        load(content)
    return raised.value.problems


def only(problems: list[Problem], field: str) -> Problem:
    matching = [problem for problem in problems if problem.field == field]
    assert len(matching) == 1, problems
    return matching[0]


def test_a_valid_event_loads_with_its_id_from_the_file_name(content):
    site = load(content(events={"kennissessie-2024.md": EVENT}))
    assert list(site.events) == ["kennissessie-2024"]
    assert site.events["kennissessie-2024"].body == "Tekst."


def test_a_yaml_syntax_error_names_the_line_and_column(content):
    broken = EVENT.replace("kind: coppisch", "kind: [coppisch")
    [problem] = problems_of(content(events={"kapot.md": broken}))
    assert (problem.path, problem.line) == ("content/events/kapot.md", 5)
    assert "YAML-fout (kolom" in problem.message


def test_front_matter_that_is_not_closed_is_reported_instead_of_published_as_text(content):
    unclosed = EVENT.replace("---\nTekst.", "Tekst.")
    [problem] = problems_of(content(events={"open.md": unclosed}))
    assert problem.line == 1
    assert "niet afgesloten" in problem.message


def test_a_file_without_front_matter_is_reported(content):
    [problem] = problems_of(content(events={"los.md": "# Alleen tekst\n"}))
    assert "moet beginnen met een regel '---'" in problem.message


def test_a_missing_required_field_is_named(content):
    problems = problems_of(content(events={"zonder.md": EVENT.replace("summary: Een korte samenvatting.\n", "")}))
    assert only(problems, "summary").message == "verplicht veld ontbreekt"


def test_an_unknown_field_suggests_the_field_that_was_meant(content):
    typo = EVENT.replace("title: Kennissessie", "titel: Kennissessie")
    problems = problems_of(content(events={"typo.md": typo}))
    problem = only(problems, "titel")
    assert problem.line == 2
    assert problem.message == "onbekend veld; bedoelde je title?"


def test_a_single_value_where_a_list_is_expected_is_reported(content):
    problems = problems_of(content(events={"lijst.md": EVENT.replace("kind:", "tables: tafel-3\nkind:")}))
    assert "verwacht een lijst" in only(problems, "tables").message


@pytest.mark.parametrize(
    ("line", "reading"),
    [
        ("location: 17:00", "het getal 1020"),
        ("location: no", "ja/nee-waarde false"),
        ("location: 010", "het getal 8"),
    ],
)
def test_yaml_1_1_traps_are_reported_instead_of_accepted(content, line, reading):
    field = line.split(":")[0]
    text = EVENT.replace(next(row for row in EVENT.splitlines() if row.startswith(field + ":")), line)
    problem = only(problems_of(content(events={"val.md": text})), field)
    assert reading in problem.message
    assert "aanhalingstekens" in problem.message


def test_an_impossible_date_is_reported(content):
    problems = problems_of(content(events={"datum.md": EVENT.replace("2024-06-13 13:00", "2023-02-30 13:00")}))
    assert only(problems, "start").message == "2023-02-30 is geen bestaande datum"


def test_an_end_before_the_start_is_reported_on_the_end(content):
    problems = problems_of(content(events={"om.md": EVENT.replace("end: 2024-06-13 17:00", "end: 2024-06-13 11:00")}))
    problem = only(problems, "end")
    assert problem.line == 6
    assert "ligt vóór start" in problem.message


def test_every_check_across_fields_of_one_item_is_reported_in_the_same_run(content):
    # The form of the browser editor saves all three: no place, an end before the start, an image without text.
    text = (
        EVENT.replace("end: 2024-06-13 17:00", "end: 2024-06-13 11:00")
        .replace("location: Chemelot Campus, Geleen\n", "")
        .replace("published: 2024-04-01\n", "published: 2024-04-01\nimage: images/zaal.jpg\n")
    )
    problems = problems_of(content(events={"alles.md": text}))
    assert "ligt vóór start" in only(problems, "end").message
    assert "tenzij het evenement online is" in only(problems, "location").message
    assert "beschrijf de afbeelding" in only(problems, "image_alt").message


def test_a_product_updated_before_it_appeared_is_reported_with_its_missing_image_text(content):
    text = PRODUCT.replace("published: 2023-10-05\n", "published: 2023-10-05\nupdated: 2023-01-01\nimage: a.png\n")
    problems = problems_of(content(coppyright={"blokkendoos.md": text}))
    assert "ligt vóór published" in only(problems, "updated").message
    assert "beschrijf de afbeelding" in only(problems, "image_alt").message


def test_a_url_without_http_is_reported_with_a_suggestion(content):
    text = EVENT.replace("kind:", "registration: www.example.nl\nkind:")
    problem = only(problems_of(content(events={"url.md": text})), "registration")
    assert problem.message.endswith("bedoelde je https://www.example.nl?")


def test_two_tables_with_the_same_code_are_reported(content):
    table = """---
code: "2A"
title: Tafel
theme: Een thema.
lead: {role: Projectleider, organisation: vista-college}
cadence: Elke 8 weken
---
"""
    problems = problems_of(content(tables={"tafel-a.md": table, "tafel-b.md": table}))
    problem = only(problems, "code")
    assert problem.path == "content/tables/tafel-b.md"
    assert "hoort al bij tafel tafel-a" in problem.message


def test_an_unknown_reference_names_the_nearest_valid_id(content):
    text = EVENT.replace("kind: coppisch", "kind: coppish\npartners: [vista-colege]")
    problems = problems_of(content(events={"ref.md": text}))
    assert only(problems, "kind").message == "onbekende soort 'coppish'; bedoelde je coppisch?"
    assert only(problems, "partners[0]").message.endswith("bedoelde je vista-college?")


# The nouns of references that take "het": an adjective before them has no -e ("onbekend evenement").
HET_WORDS = {"evenement", "product", "niveau", "domein"}

POST = """---
title: Terugblik
summary: Een terugblik.
published: 2024-07-01
events: [{event}]
---
Tekst.
"""


def test_an_unknown_reference_reads_as_dutch_with_the_adjective_agreeing_with_its_noun(content):
    problem = only(
        problems_of(content(events={"klankbord.md": EVENT}, news={"terug.md": POST.format(event="x")})), "events[0]"
    )
    assert problem.message.startswith("onbekend evenement 'x'")
    for collection in COLLECTIONS.values():
        for reference in collection.references.values():
            adjective = "onbekend" if reference.what in HET_WORDS else "onbekende"
            assert reference.unknown == f"{adjective} {reference.what}"


def test_an_id_that_begins_an_existing_one_suggests_it(content):
    root = content(events={"groot-klankbord-2026.md": EVENT}, news={"terug.md": POST.format(event="groot-klankbord")})
    assert only(problems_of(root), "events[0]").message == (
        "onbekend evenement 'groot-klankbord'; bedoelde je groot-klankbord-2026?"
    )


def test_a_reference_written_with_a_space_is_one_problem_with_the_id_meant(content):
    text = EVENT.replace("kind: coppisch", "kind: coppisch\ntables: [tafel 3]")
    table = (Path(__file__).parent / "sample/content/tables/tafel-3.md").read_text(encoding="utf-8")
    problems = problems_of(content(events={"ref.md": text}, tables={"tafel-3.md": table}))
    assert [(problem.field, problem.message) for problem in problems] == [
        ("tables[0]", "onbekende tafel 'tafel 3'; bedoelde je tafel-3?")
    ]


def test_a_yaml_error_in_site_data_still_lets_every_other_file_be_checked(content):
    root = content(events={"ref.md": EVENT.replace("kind: coppisch", "kind: coppish")})
    partners = root / "site" / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("  - id: chill", "  - id: chill: x", 1))
    problems = problems_of(root)
    assert [(problem.path, problem.field) for problem in problems] == [
        ("content/events/ref.md", "kind"),
        ("content/site/partners.yml", ""),
    ]
    assert problems[1].message.startswith("YAML-fout (kolom ")


def test_an_item_whose_file_cannot_be_read_is_no_unknown_reference_or_link_target(content):
    broken = EVENT.replace("title: Kennissessie", "title: Kennissessie: deel 2")
    post = POST.format(event="kapot").replace("Tekst.", "Zie [de sessie](/agenda/kapot/).")
    problems = problems_of(content(events={"kapot.md": broken}, news={"terug.md": post}))
    assert [(problem.path, problem.line) for problem in problems] == [("content/events/kapot.md", 2)]


def test_a_yaml_error_reads_in_dutch_first_even_where_no_hint_is_known(content):
    problems = problems_of(
        content(events={"x.md": EVENT.replace("kind: coppisch", "kind: coppisch\ntables:\n  - a\n  b: c")})
    )
    [problem] = problems
    assert problem.message.startswith("YAML-fout (kolom 3): dit is geen geldige YAML; controleer aanhalingstekens")
    assert problem.message.endswith("(de YAML-lezer meldt: expected <block end>, but found '?')")


def test_a_download_that_does_not_exist_is_reported_with_the_nearest_file(content):
    root = content(coppyright={"blokkendoos.md": PRODUCT, "files/blokkendoos/overzicht.pdf.txt": "x"})
    problem = only(problems_of(root), "files[0].path")
    assert "niet gevonden" in problem.message
    assert "overzicht.pdf.txt" in problem.message


@pytest.mark.parametrize("path", ["../../../etc/passwd", "/etc/passwd"])
def test_a_download_outside_content_is_refused(content, path):
    root = content(coppyright={"blokkendoos.md": PRODUCT.replace("files/blokkendoos/overzicht.pdf", path)})
    problem = only(problems_of(root), "files[0].path")
    assert "buiten content/" in problem.message or "absolute pad" in problem.message


def test_an_image_whose_real_name_differs_in_capitals_or_spaces_is_suggested(content):
    files = "files:\n  - path: files/blokkendoos/overzicht.pdf\n    title: Overzicht\n"
    product = PRODUCT.replace(files, "image: images/foto 1.jpg\nimage_alt: Een foto\n")
    root = content(coppyright={"blokkendoos.md": product, "images/Foto-1.JPG": ""})
    assert only(problems_of(root), "image").message.endswith("; bedoelde je Foto-1.JPG?")


def test_a_path_with_backslashes_is_refused_with_the_path_to_write_instead(content):
    product = PRODUCT.replace("files/blokkendoos/", "files\\blokkendoos\\")
    root = content(coppyright={"blokkendoos.md": product, "files/blokkendoos/overzicht.pdf": "%PDF-1.4\n%%EOF\n"})
    problem = only(problems_of(root), "files[0].path")
    assert problem.message == (
        "verwacht / tussen mappen, gekregen \\ in 'files\\blokkendoos\\overzicht.pdf'; "
        "schrijf 'files/blokkendoos/overzicht.pdf'"
    )


def test_a_download_behind_a_symlink_is_refused(content, tmp_path):
    outside = tmp_path / "geheim.pdf"
    outside.write_text("x")
    root = content(coppyright={"blokkendoos.md": PRODUCT})
    (root / "coppyright" / "files" / "blokkendoos").mkdir(parents=True)
    os.symlink(outside, root / "coppyright" / "files" / "blokkendoos" / "overzicht.pdf")
    assert "symlink" in only(problems_of(root), "files[0].path").message


def test_a_file_that_is_not_utf8_is_reported(content):
    root = content()
    (root / "events" / "latin.md").write_bytes(EVENT.replace("Tekst", "Caf\u00e9").encode("latin-1"))
    [problem] = problems_of(root)
    assert "geen UTF-8" in problem.message
    assert problem.line == 10


def test_yaml_cannot_run_code(content, tmp_path):
    marker = tmp_path / "gebeurd"
    text = EVENT.replace("kind: coppisch", f'kind: !!python/object/apply:os.system ["touch {marker}"]')
    problem = only(problems_of(content(events={"code.md": text})), "kind")
    assert "onbekend YAML-label" in problem.message
    assert not marker.exists()


def test_every_problem_of_every_file_comes_in_one_run(content):
    root = content(
        events={
            "een.md": EVENT.replace("title: Kennissessie", "titel: Kennissessie"),
            "twee.md": EVENT.replace("2024-06-13 13:00", "2023-02-30 13:00"),
        },
        news={"drie.md": "---\ntitle: Nieuws\n"},
    )
    paths = {problem.path for problem in problems_of(root)}
    assert paths == {"content/events/een.md", "content/events/twee.md", "content/news/drie.md"}


def test_a_file_name_that_is_no_valid_id_is_reported_with_a_better_name(content):
    [problem] = problems_of(content(events={"Één Dag.md": EVENT}))
    assert problem.message.endswith("hernoem het bestand naar een-dag.md")


def test_problems_are_printed_as_path_line_field_message():
    problem = Problem("content/events/x.md", 4, "start", "verwacht een datum")
    assert str(problem) == "content/events/x.md:4: start: verwacht een datum"


def test_references_in_site_data_name_ids_that_exist_with_a_dutch_article_that_fits(content):
    root = content()
    (root / "site" / "programme.yml").write_text(
        "programme:\n  - year: 2024\n    title: Alle opbrengsten in beeld\n    event: coppish-2024\n", encoding="utf-8"
    )
    matrix = root / "site" / "matrix.yml"
    matrix.write_text(matrix.read_text(encoding="utf-8").replace("partner: chill", "partner: chil"), encoding="utf-8")
    messages = {(problem.path, problem.field): problem.message for problem in problems_of(root)}
    assert messages == {
        ("content/site/programme.yml", "programme[0].event"): "onbekend evenement 'coppish-2024'",
        ("content/site/matrix.yml", "columns[1].partner"): "onbekende partner 'chil'; bedoelde je chill?",
    }
