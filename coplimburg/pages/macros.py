"""The macros editors may use in `docs/` pages (opt-in with `render_macros: true` in the front matter).

Each macro takes prepared data from the build's views and renders a theme partial; none reads files,
sorts in a template or changes anything. See docs-redactie/macros.md for the editors' description.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment

from coplimburg.agenda.archive import upcoming
from coplimburg.content.macrocalls import EDITOR_MACROS
from coplimburg.pages import audiences, overviews, selections
from coplimburg.pages.items import Link
from coplimburg.pages.registry import PageViews
from coplimburg.problems import suggestion
from coplimburg.urls import item_path


@dataclass(frozen=True)
class MatrixView:
    columns: list[str]
    groups: list[tuple[str, list[tuple[str, list[bool]]]]]
    note: str = ""


class MacroError(ValueError):
    """A macro called with a value that does not exist; the message tells the editor what to write."""


def next_events(views: PageViews, count: int = 5) -> tuple[str, dict[str, Any]]:
    lines = [views.items.line(one) for one in upcoming(views.site.events.values(), views.today)[:count]]
    return "partials/cop/macro-events.html", {"lines": lines}


def newest_products(views: PageViews, count: int = 3) -> tuple[str, dict[str, Any]]:
    return "partials/cop/macro-links.html", {"links": overviews.newest_products(views.site, count)}


def latest_news(views: PageViews, count: int = 3) -> tuple[str, dict[str, Any]]:
    posts = overviews.news(views.site, count)
    return "partials/cop/macro-links.html", {"links": [Link(post.title, post.url, post.summary) for post in posts]}


def table_card(views: PageViews, code: str) -> tuple[str, dict[str, Any]]:
    tables = {table.code: table for table in views.site.tables.values()}
    if str(code) not in tables:
        raise MacroError(
            f"table_card: onbekende tafelcode '{code}'"
            + (suggestion(str(code), tables) or "; kies uit: " + ", ".join(sorted(tables)))
        )
    table = tables[str(code)]
    return "partials/cop/macro-table.html", {
        "table": table,
        "url": item_path("tables", table.id),
        "lead": views.site.partners[table.lead.organisation].name,
    }


def partner_matrix(views: PageViews) -> tuple[str, dict[str, Any]]:
    matrix = views.site.matrix
    ids = [column.id for column in matrix.columns]
    groups = [
        (group.title, [(row.activity, [one in row.who for one in ids]) for row in group.rows])
        for group in matrix.groups
    ]
    return "partials/cop/macro-matrix.html", {
        "matrix": MatrixView([column.label for column in matrix.columns], groups, matrix.note)
    }


def partners_by_kind(views: PageViews) -> tuple[str, dict[str, Any]]:
    site = views.site
    groups = [
        (
            label,
            [
                Link(partner.name, item_path("partners", partner.id), partner.description)
                for partner in site.partners.values()
                if partner.kind == kind
            ],
        )
        for kind, label in site.vocabularies.partner_kinds.items()
    ]
    return "partials/cop/macro-partners.html", {"groups": [(label, links) for label, links in groups if links]}


def audience_offer(views: PageViews, audience: str) -> tuple[str, dict[str, Any]]:
    """What the CoP offers one target group: its products, tables, upcoming meetings and contacts."""
    _require(views.site.vocabularies.audiences, str(audience), "audience_offer", "doelgroep")
    return "partials/cop/macro-audience.html", {"group": audiences.audience(views.site, views.items, str(audience))}


def news_in_category(views: PageViews, category: str) -> tuple[str, dict[str, Any]]:
    labels = views.site.vocabularies.news_categories
    _require(labels, str(category), "news_in_category", "categorie")
    return "partials/cop/macro-selection.html", {
        "links": selections.posts_in_category(views.site, str(category)),
        "empty": f"Er zijn nog geen berichten in de categorie {labels[str(category)]}.",
    }


def products_of_type(views: PageViews, kind: str) -> tuple[str, dict[str, Any]]:
    labels = views.site.vocabularies.types
    _require(labels, str(kind), "products_of_type", "soort product")
    return "partials/cop/macro-selection.html", {
        "links": selections.products_of_type(views.site, str(kind)),
        "empty": f"Er staan nog geen producten van de soort {labels[str(kind)]} in CoPyright.",
    }


def _require(known: Mapping[str, str], value: str, macro: str, what: str) -> None:
    if value not in known:
        raise MacroError(
            f"{macro}: onbekende {what} '{value}'" + (suggestion(value, known) or "; kies uit: " + ", ".join(known))
        )


MACROS: dict[str, Callable[..., tuple[str, dict[str, Any]]]] = {
    "next_events": next_events,
    "newest_products": newest_products,
    "latest_news": latest_news,
    "table_card": table_card,
    "partner_matrix": partner_matrix,
    "partners_by_kind": partners_by_kind,
    "audience_offer": audience_offer,
    "news_in_category": news_in_category,
    "products_of_type": products_of_type,
}
# `cop check` lets docs/ pages call exactly these (coplimburg.content.macrocalls declares what editors may write).
assert MACROS.keys() == EDITOR_MACROS.keys(), "coplimburg.content.macrocalls.EDITOR_MACROS and MACROS differ"


def render(views: PageViews, page: Any, name: str, *arguments: Any) -> str:
    """Run macro `name` for `page` and render its partial with the theme, as one block of HTML without blank lines
    (the build holds it behind a placeholder while the page is sanitised: coplimburg.pages.bodies)."""
    template, data = MACROS[name](views, *arguments)
    html = views.env.get_template(template).render(page=page, base_url=_base_url(page), **data)
    return "\n".join(line for line in html.splitlines() if line.strip())


def _base_url(page: Any) -> str:
    depth = page.url.count("/") if page is not None else 0
    return "/".join([".."] * depth) or "."


def sandboxed(env: Environment) -> SandboxedEnvironment:
    """The template engine docs/ pages are rendered with, in Jinja's sandbox: `cop check` already lets a page hold
    nothing but macro calls (coplimburg.content.macrocalls); should a construct slip past it, the sandbox still
    refuses Python internals (`__class__`, …) and unsafe calls."""
    if isinstance(env, SandboxedEnvironment):
        return env
    safe = SandboxedEnvironment(
        loader=env.loader,
        undefined=env.undefined,
        block_start_string=env.block_start_string,
        block_end_string=env.block_end_string,
        variable_start_string=env.variable_start_string,
        variable_end_string=env.variable_end_string,
        comment_start_string=env.comment_start_string,
        comment_end_string=env.comment_end_string,
        autoescape=False,  # the macros' HTML is a placeholder until the page is sanitised (coplimburg.pages.bodies)
    )
    safe.globals.update(env.globals)
    safe.filters.update(env.filters)
    return safe
