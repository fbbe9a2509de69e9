"""A year page prints as a handout: A4, without the site's navigation, every chart whole within the page."""

from __future__ import annotations

import subprocess

YEAR_PAGE = "jaaroverzicht/2025/"
# A4 is 210 mm wide; cop.css prints with 12 mm margins left and right: 186 mm at 96 CSS pixels per inch.
PRINTABLE_WIDTH = round(186 / 25.4 * 96)
CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".cop-year-nav"]


def test_under_print_media_a_year_page_hides_navigation_and_keeps_charts_within_the_page_width(open_page, site_url):
    page = open_page(viewport={"width": PRINTABLE_WIDTH, "height": 1100})
    page.goto(site_url + YEAR_PAGE)
    page.emulate_media(media="print")
    for selector in CHROME:
        shown = [element for element in page.locator(selector).all() if element.is_visible()]
        assert shown == [], selector
    charts = page.locator("svg.cop-chart__svg").all()
    assert charts
    for chart in [*charts, *page.locator(".cop-chart__data table").all()]:
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PRINTABLE_WIDTH


def test_a_year_page_printed_to_a4_pdf_has_its_content_and_no_site_chrome(open_page, site_url, tmp_path):
    page = open_page()
    page.goto(site_url + YEAR_PAGE)
    target = tmp_path / "jaaroverzicht.pdf"
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    (size,) = [line for line in info.splitlines() if line.startswith("Page size:")]
    assert size.endswith("(A4)")
    printed = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Jaaroverzicht 2025" in printed
    assert "In cijfers" in printed and "Gehouden sessies in 2025, naar soort" in printed
    for chrome in ("Zoeken", "Made with", "Alle jaren in beeld", "Ga naar inhoud"):
        assert chrome not in printed
