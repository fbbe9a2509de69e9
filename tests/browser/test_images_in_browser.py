"""Item images in a browser: whatever the file is called, a phone loads the variant that fits its screen."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from chromium import serve
from PIL import Image
from sitebuild import build_site, copy_sample

# A name as a camera or phone gives it: a space and a capital extension.
NAME = "Veiligheidskaart foto.JPG"
PRODUCT = "coppyright/leerroute-zij-instroom/"


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2000, 1200), (0, 86, 77)).save(out, format="JPEG", quality=80)
    return out.getvalue()


@pytest.fixture(scope="module")
def photo_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site with the product's image renamed to NAME, built and served."""
    project = copy_sample(tmp_path_factory.mktemp("named") / "repo")
    product = project / "content/coppyright/leerroute-zij-instroom.md"
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("images/leerroute-zij-instroom.png", f"images/{NAME}"), encoding="utf-8")
    (product.parent / "images" / NAME).write_bytes(photo())
    site = project / "site-built"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as base_url:
        yield base_url


def test_a_phone_loads_the_variant_that_fits_an_image_whose_name_has_a_space(open_page, photo_site_url: str):
    # 390 CSS pixels at two device pixels each want 780 pixels: the 960 px variant, not the 1600 px one.
    page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2)
    page.goto(photo_site_url + PRODUCT)
    image = page.locator("img.cop-image")
    image.scroll_into_view_if_needed()
    page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=image.element_handle())
    assert (
        image.evaluate("image => image.currentSrc")
        == photo_site_url + "coppyright/images/Veiligheidskaart%20foto-960.webp"
    )
    with Image.open(io.BytesIO(page.request.get(image.evaluate("image => image.currentSrc")).body())) as loaded:
        assert loaded.size == (960, 576)
