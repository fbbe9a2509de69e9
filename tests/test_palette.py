"""The colour palette toggle: Material's form, not mounted as Material's component (which restyled the whole page
twice on every page view), with our script right after it to apply and switch the palette."""

from __future__ import annotations

from pathlib import Path

import material
from pages import page
from sitebuild import REPO

UPSTREAM = Path(material.__file__).parent / "templates"
MATERIAL_FORM = '<form class="md-header__option" data-md-component="palette">'
OUR_FORM = '<form class="md-header__option" data-cop-palette>'


def without_leading_comment(template: str) -> str:
    return template.split("-#}", 1)[1].lstrip("\n")


def test_the_copied_palette_partial_differs_from_materials_only_in_the_form_s_attribute():
    upstream = (UPSTREAM / "partials/palette.html").read_text(encoding="utf-8")
    ours = (REPO / "overrides/partials/palette.html").read_text(encoding="utf-8")
    assert MATERIAL_FORM in upstream
    assert without_leading_comment(ours) == without_leading_comment(upstream).replace(MATERIAL_FORM, OUR_FORM)


def test_every_page_has_the_toggle_outside_material_s_components_and_our_script_right_after_it(built_site):
    for path in ("", "privacy/", "opbrengsten/", "jaaroverzicht/2025/"):
        document = page(built_site, path)
        assert document.xpath("//*[@data-md-component='palette']") == []
        (form,) = document.xpath("//header//form[@data-cop-palette]")
        assert [label.get("title") for label in form.xpath("./label")] == ["Donkere modus", "Lichte modus"]
        script = form.getnext()
        assert script.tag == "script" and "[data-cop-palette]" in script.text
