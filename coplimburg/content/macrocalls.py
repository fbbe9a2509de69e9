"""What a docs/ page with `render_macros: true` may ask of the template engine: calls of the editor macros with
plain values, and nothing else.

mkdocs-macros renders such a page as a Jinja template before Markdown; a template can read any object the engine
hands it and call its methods, so an editor's `{{ config.extra … }}`, `{% for %}` or filter could read or change the
build, or keep it busy forever. The page is therefore parsed here (parsing runs nothing) and every construct that is
not `{{ naam(waarde, …) }}` with a known macro and literal arguments is a Dutch problem with file and line. The
macros themselves live in coplimburg.pages.macros, which checks at import that it offers exactly these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError, nodes

from coplimburg.problems import Problem, describe, suggestion


@dataclass(frozen=True)
class Signature:
    """An editor macro as editors write it: its name and how many values it takes (some may be left out)."""

    required: int = 0
    optional: int = 0

    def accepts(self, count: int) -> bool:
        return self.required <= count <= self.required + self.optional


# The macros of docs-redactie/macros.md, by name.
EDITOR_MACROS: dict[str, Signature] = {
    "next_events": Signature(optional=1),
    "newest_products": Signature(optional=1),
    "latest_news": Signature(optional=1),
    "table_card": Signature(required=1),
    "partner_matrix": Signature(),
    "partners_by_kind": Signature(),
    "audience_offer": Signature(required=1),
    "news_in_category": Signature(required=1),
    "products_of_type": Signature(required=1),
}
HOW_TO = "gebruik alleen een macro op een eigen regel, zoals {{ next_events(3) }} (zie docs-redactie/macros.md)"
# Parsing only: this environment never renders, and its delimiters are mkdocs-macros' defaults.
_PARSER = Environment(autoescape=False)


def macro_call_problems(path: str, text: str, first_line: int = 1) -> list[Problem]:
    """Every construct in `text` (a docs/ page's Markdown starting at line `first_line` of `path`) that is not a call
    of an editor macro with plain values."""
    try:
        template = _PARSER.parse(text)
    except TemplateSyntaxError as error:
        return [_problem(path, first_line, error.lineno, f"de macro-opdracht is geen geldige Jinja; {HOW_TO}")]
    except RecursionError:
        return [_problem(path, first_line, 1, f"de macro-opdrachten zijn te diep genest; {HOW_TO}")]
    problems: list[Problem] = []
    for node in template.body:
        if not isinstance(node, nodes.Output):
            problems.append(
                _problem(path, first_line, node.lineno, f"Jinja-opdracht {_shown(node)} is niet toegestaan; {HOW_TO}")
            )
            continue
        for part in node.nodes:
            if isinstance(part, nodes.TemplateData):
                continue
            if message := _call_problem(part):
                problems.append(_problem(path, first_line, part.lineno, message))
    return problems


def _call_problem(node: nodes.Node) -> str:
    """Why an expression between `{{ }}` is not a plain macro call, or '' when it is."""
    if not isinstance(node, nodes.Call) or not isinstance(node.node, nodes.Name):
        return f"alleen een macro-aanroep mag tussen {{{{ }}}} staan, geen {_shown(node)}; {HOW_TO}"
    name = node.node.name
    signature = EDITOR_MACROS.get(name)
    if signature is None:
        hint = suggestion(name, EDITOR_MACROS) or "; kies uit: " + ", ".join(sorted(EDITOR_MACROS))
        return f"onbekende macro {describe(name)}{hint}"
    if node.kwargs or node.dyn_args is not None or node.dyn_kwargs is not None:
        return f'{name}: geef de waarden zonder naam, zoals {name}(3) of {name}("bbl")'
    if not all(isinstance(argument, nodes.Const) for argument in node.args):
        return f"{name}: geef alleen vaste waarden mee (een getal of tekst tussen aanhalingstekens)"
    if not signature.accepts(len(node.args)):
        wanted = (
            signature.required
            if not signature.optional
            else f"{signature.required}–{signature.required + signature.optional}"
        )
        return f"{name}: verwacht {wanted} waarde(n), gekregen {len(node.args)}"
    return ""


def _shown(node: nodes.Node) -> str:
    """How editors call a construct: Jinja's own node names, in Dutch where it matters."""
    names = {
        "For": "{% for %}",
        "If": "{% if %}",
        "Assign": "{% set %}",
        "AssignBlock": "{% set %}",
        "Macro": "{% macro %}",
        "Include": "{% include %}",
        "Import": "{% import %}",
        "FromImport": "{% from … import %}",
        "Extends": "{% extends %}",
        "Block": "{% block %}",
        "CallBlock": "{% call %}",
        "FilterBlock": "{% filter %}",
        "With": "{% with %}",
        "Getattr": "een veld van een object (.naam)",
        "Getitem": "een onderdeel van een object ([…])",
        "Filter": "een filter (|)",
        "Name": "een variabele",
    }
    return names.get(type(node).__name__, type(node).__name__)


def _problem(path: str, first_line: int, line: int | None, message: str) -> Problem:
    return Problem(path, first_line + (line or 1) - 1, "", message)
