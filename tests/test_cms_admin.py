"""/admin/ is part of every build: the editor's page with a strict Content-Security-Policy, its config, our script
and the whole Decap CMS bundle served from the site itself; without the bundle the build stops with a Dutch message."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitebuild import BUILD_DATE

from coplimburg.cms import admin
from coplimburg.cms.admin import content_security_policy, host_origins
from coplimburg.cms.bundle import NODE_MODULES, BundleMissing, bundle_files
from coplimburg.settings import read_settings


def policy(page: lxml.html.HtmlElement) -> dict[str, list[str]]:
    (content,) = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    return {name: values for name, *values in (part.split() for part in content.split(";"))}


@pytest.fixture(scope="module")
def page(built_site: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(built_site / "admin" / "index.html")).getroot()


def test_the_editor_page_loads_our_script_and_then_the_bundle_both_from_the_site(page, built_site: Path):
    scripts = page.xpath("//script[@src]/@src")
    assert scripts == ["cop-cms.js", "decap/decap-cms.js"]
    assert all((built_site / "admin" / src).is_file() for src in scripts)
    assert page.xpath("//link[@rel='cms-config-url']/@href") == ["config.yml"]


def test_the_editor_page_is_dutch_and_kept_out_of_search_engines(page):
    assert page.get("lang") == "nl"
    assert page.xpath("string(//title)") == "Redactie · CoP Limburg"
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]


def test_the_editor_page_may_load_only_its_own_files_and_talk_only_to_itself_and_decap_server(page):
    assert policy(page) == {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'", "blob:", "http://127.0.0.1:8081"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }
    addresses = page.xpath("//@src | //@href")
    assert [address for address in addresses if urlsplit(address).scheme or address.startswith("//")] == []


def test_without_a_git_host_the_page_explains_in_dutch_that_only_the_local_route_is_set_up(page):
    data = json.loads(page.xpath("string(//script[@id='cop-cms-data'])"))
    assert data["hosted"] is False
    (explanation,) = page.xpath("//main[@id='cop-cms-alleen-lokaal']")
    assert explanation.get("hidden") is not None  # cop-cms.js shows it away from 127.0.0.1 and localhost
    assert "make cms" in explanation.text_content()
    assert "extra.cop.cms.host" in explanation.text_content()


def test_the_preview_gets_the_sites_stylesheets_and_the_dutch_names_of_what_ids_stand_for(page, built_site: Path):
    data = json.loads(page.xpath("string(//script[@id='cop-cms-data'])"))
    styles = [style for style in data["styles"] if style.startswith("../")]
    assert [Path(style).name.split(".")[0] for style in styles] == ["main", "palette", "cop"]
    assert all((built_site / "admin" / style).resolve().is_file() for style in data["styles"])
    assert data["names"]["tables"]["tafel-3"] == "Tafel 3: Netwerk en kennisdeling"
    assert data["names"]["event_kinds"]["coppisch"] == "CoPpisch"
    assert data["references"]["events"]["tables"] == "tables"


def test_every_file_of_the_decap_bundle_is_published_and_no_source_map(built_site: Path):
    shipped = {path.name for path in (built_site / "admin" / "decap").iterdir()}
    assert shipped == set(bundle_files())
    assert {"decap-cms.js", "decap-cms.js.LICENSE.txt"} <= shipped
    assert len([name for name in shipped if name.endswith(".wasm")]) == 2
    assert not [name for name in shipped if name.endswith(".map") or name.startswith("cms.")]
    dist = NODE_MODULES / "decap-cms" / "dist"
    assert all((built_site / "admin/decap" / name).read_bytes() == (dist / name).read_bytes() for name in shipped)


def test_a_git_host_is_the_only_address_elsewhere_the_editor_may_talk_to():
    hosts = {
        "github": ({"base_url": "https://cms-auth.example.workers.dev"}, ["https://api.github.com"]),
        "gitlab": ({"app_id": "abc"}, ["https://gitlab.com"]),
        "forgejo": ({"app_id": "abc", "api_root": "https://codeberg.org/api/v1"}, ["https://codeberg.org"]),
    }
    for name, (needs, origins) in hosts.items():
        settings = read_settings({"cop": {"cms": {"host": {"name": name, "repo": "cop/site", **needs}}}}).cms
        assert host_origins(settings.host) == origins
        connect = next(part for part in content_security_policy(settings).split("; ") if part.startswith("connect-src"))
        assert connect.split()[1:] == ["'self'", "blob:", "http://127.0.0.1:8081", *origins]


def test_without_decap_cms_in_node_modules_nothing_is_published_and_the_build_says_to_run_make_build(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    monkeypatch.setattr(admin, "NODE_MODULES", tmp_path / "node_modules")
    monkeypatch.setenv("COP_BUILD_DATE", BUILD_DATE)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.chdir(project)
    site = tmp_path / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with pytest.raises(Abort):
            build(config)
    finally:
        config.plugins.on_shutdown()
        gc.unfreeze()  # `mkdocs build` leaves what it loaded out of the collector (coplimburg.heap)
    (error,) = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert error.startswith("de redactie (/admin/) heeft Decap CMS nodig")
    assert error.endswith("draai `make build`, dat het installeert uit package-lock.json (met npm)")
    assert not site.exists()


def test_a_bundle_without_its_chunks_is_refused(tmp_path: Path):
    dist = tmp_path / "node_modules" / "decap-cms" / "dist"
    dist.mkdir(parents=True)
    (dist / "decap-cms.js").write_text("", encoding="utf-8")
    with pytest.raises(BundleMissing, match="onvolledig"):
        bundle_files(tmp_path / "node_modules")
