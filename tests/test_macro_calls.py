"""A docs/ page that renders macros may hold nothing but calls of the editor macros with plain values: any other
Jinja could read or change the build, so `cop check` names it in Dutch with file and line (coplimburg.content.
macrocalls), and the page is rendered in Jinja's sandbox all the same."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from jinja2 import Environment
from jinja2.exceptions import SecurityError

from coplimburg.content.loader import load
from coplimburg.content.macrocalls import EDITOR_MACROS, macro_call_problems
from coplimburg.pages.macros import MACROS, sandboxed
from coplimburg.problems import ContentError


def problems_of(project: Path, front: str, body: str) -> list[str]:
    """Every problem of the sample content once docs/index.md has `front` as its front matter and `body` as text."""
    (project / "docs" / "index.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    try:
        load(project / "content")
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ config.extra }}", "alleen een macro-aanroep mag tussen {{ }} staan, geen een veld van een object (.naam)"),
        ("{{ ''.__class__.__mro__ }}", "alleen een macro-aanroep mag tussen {{ }} staan"),
        ("{% for i in range(10**9) %}x{% endfor %}", "Jinja-opdracht {% for %} is niet toegestaan"),
        ("{% set x = 1 %}", "Jinja-opdracht {% set %} is niet toegestaan"),
        ("{% include 'main.html' %}", "Jinja-opdracht {% include %} is niet toegestaan"),
        ("{{ next_events(3) | safe }}", "alleen een macro-aanroep mag tussen {{ }} staan, geen een filter (|)"),
        ("{{ next_events(page) }}", "next_events: geef alleen vaste waarden mee"),
        ("{{ next_events(count=3) }}", "next_events: geef de waarden zonder naam"),
        ("{{ table_card() }}", "table_card: verwacht 1 waarde(n), gekregen 0"),
        ("{{ next_event(3) }}", "onbekende macro 'next_event'; bedoelde je next_events?"),
        ("{{ lipsum() }}", "onbekende macro 'lipsum'"),
        ("{{ next_events(3) ", "de macro-opdracht is geen geldige Jinja"),
    ],
)
def test_anything_but_a_plain_macro_call_is_named_with_its_line(body, message):
    problems = macro_call_problems("docs/index.md", f"# Home\n\nTekst.\n\n{body}\n", first_line=4)
    assert [(problem.line, problem.message.startswith(message)) for problem in problems] == [(8, True)], problems


def test_the_documented_macro_calls_pass():
    body = '{{ next_events(4) }}\n\n{{ table_card("2B") }}\n\n{{ partner_matrix() }}\n{# een opmerking #}\n'
    assert macro_call_problems("docs/index.md", body) == []


@pytest.mark.parametrize("switch", ["true", "yes", "on", "1", "!!bool 'true'"])
def test_every_way_yaml_turns_render_macros_on_gets_the_check(project, switch):
    problems = problems_of(project, f"render_macros: {switch}\n", "# Home\n\n{{ config.extra.cop_build }}\n")
    assert [problem.split("; ")[0] for problem in problems] == [
        "docs/index.md:6: alleen een macro-aanroep mag tussen {{ }} staan, geen een veld van een object (.naam)"
    ]


@pytest.mark.parametrize("front", ["", "title: Home\n", "render_macros: false\n"])
def test_a_page_that_does_not_render_macros_may_show_jinja_as_text(project, front):
    assert problems_of(project, front, "# Home\n\nSchrijf {{ next_events(3) }} of {% for %} als tekst.\n") == []


def test_the_checked_names_are_exactly_the_macros_the_build_offers_with_their_arguments():
    offered = {}
    for name, function in MACROS.items():
        parameters = list(inspect.signature(function).parameters.values())[1:]  # after the page views
        optional = sum(parameter.default is not inspect.Parameter.empty for parameter in parameters)
        offered[name] = (len(parameters) - optional, optional)
    assert offered == {name: (one.required, one.optional) for name, one in EDITOR_MACROS.items()}


def test_a_page_is_rendered_in_the_sandbox_should_a_construct_slip_past_the_check():
    engine = sandboxed(Environment())
    with pytest.raises(SecurityError):
        engine.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}").render()
    assert sandboxed(engine) is engine
