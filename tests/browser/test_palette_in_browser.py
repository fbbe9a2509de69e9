"""The colour palette in the browser: the system's scheme until a visitor chooses, the choice kept across pages,
the toggle working by pointer and by Enter, and the browser bar in the header's colour."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

SCHEMES = {"light": "default", "dark": "slate"}
OTHER = {"light": "dark", "dark": "light"}
TOGGLE = "[data-cop-palette] label:not([hidden])"


def shown(page: Page) -> dict[str, str]:
    """The scheme on the page, the one toggle a visitor sees, and the scheme of the page's own canvas."""
    return page.evaluate(
        """() => ({
          scheme: document.body.getAttribute("data-md-color-scheme"),
          toggles: Array.from(document.querySelectorAll("[data-cop-palette] label:not([hidden])"), (l) => l.title),
          canvas: getComputedStyle(document.documentElement).colorScheme,
        })"""
    )


@pytest.mark.parametrize("system", SCHEMES)
def test_until_a_visitor_chooses_the_page_shows_the_system_s_scheme_with_one_toggle_to_the_other(
    open_page, site_url, system
):
    page = open_page(color_scheme=system)
    page.goto(site_url + "privacy/")
    assert shown(page) == {
        "scheme": SCHEMES[system],
        "toggles": ["Donkere modus" if system == "light" else "Lichte modus"],
        "canvas": "dark" if system == "dark" else "normal",
    }
    assert page.evaluate("localStorage.length") == 0


@pytest.mark.parametrize("system", SCHEMES)
def test_a_chosen_scheme_holds_on_the_next_page_and_enter_on_the_toggle_switches_back(open_page, site_url, system):
    page = open_page(color_scheme=system)
    page.goto(site_url + "privacy/")
    page.locator(TOGGLE).click()
    assert shown(page)["scheme"] == SCHEMES[OTHER[system]]
    page.goto(site_url + "opbrengsten/")
    assert shown(page)["scheme"] == SCHEMES[OTHER[system]]
    page.locator("[data-cop-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert shown(page)["scheme"] == SCHEMES[system]
    page.reload()
    assert shown(page)["scheme"] == SCHEMES[system]


@pytest.mark.parametrize("system", SCHEMES)
def test_the_browser_bar_takes_the_header_s_colour(open_page, site_url, system):
    page = open_page(color_scheme=system)
    page.goto(site_url + "privacy/")
    theme, header = page.evaluate(
        """() => [document.querySelector("meta[name=theme-color]").content,
                  getComputedStyle(document.querySelector(".md-header")).backgroundColor]"""
    )
    red, green, blue = (int(theme[index : index + 2], 16) for index in (1, 3, 5))
    assert header == f"rgb({red}, {green}, {blue})"
