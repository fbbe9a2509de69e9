"""The preview renders again what an edit changes and takes every other page over from its build before: after an
edit, a new title and a deleted item, every page it serves is byte for byte the page a fresh preview of the same
content serves, and the feeds and the search index follow in the background."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import pytest
from serving import Preview

import coplimburg
from bench.preview_edit import with_sentence, with_title
from coplimburg.editors.rebuild import Preview as Memory
from coplimburg.editors.rebuild import Rendered, Source

EVENT = Path("content/events/coppisch-2025.md")
POST = Path("content/news/lectoraat-gestart.md")
# The live-reload script MkDocs adds to every page it serves, with the build and request it was served for.
LIVE_RELOAD = re.compile(rb"livereload\(\d+, \d+\);")
REBUILT = re.compile(r"Voorbeeld: (\d+) van (\d+) pagina's opnieuw gemaakt")
FOLLOWED = "Voorbeeld: agenda's, feeds en zoekindex bijgewerkt."


def served(server: Preview, path: str) -> bytes:
    """The bytes the preview serves at `path`, its live-reload call and its own address made neutral."""
    status, body = server.request(path, f"127.0.0.1:{server.port}")
    assert status == 200, path
    body = LIVE_RELOAD.sub(b"livereload();", body)
    for address in (f"127.0.0.1:{server.port}", f"127.0.0.1%3A{server.port}"):  # as written and in calendar links
        body = body.replace(address.encode(), b"PREVIEW")
    return body


def text_of(server: Preview, path: str, where: str = "//article") -> str:
    page = server.page(path)
    return " ".join(page.xpath(f"{where}//text()")) if page is not None else ""


def followed(server: Preview) -> bool:
    """Whether the calendars, feeds and search index of the last build are written."""
    lines = list(enumerate(server.output))
    last_build = max(number for number, line in lines if REBUILT.search(line))
    return any(number > last_build and line.endswith(FOLLOWED) for number, line in lines)


def rebuilt(server: Preview) -> list[tuple[int, int]]:
    """Per build so far: how many pages it rendered, of how many."""
    return [(int(match[1]), int(match[2])) for line in server.output if (match := REBUILT.search(line))]


def test_after_edits_every_page_of_the_preview_is_the_page_a_fresh_preview_serves(project: Path, preview) -> None:
    server = preview()
    server.wait_for(server.shows_site, "site")
    original = (project / EVENT).read_text(encoding="utf-8")

    sentence = "Een zin die de redactie net heeft toegevoegd."
    (project / EVENT).write_text(with_sentence(original, sentence), encoding="utf-8")
    server.wait_for(lambda: sentence in text_of(server, "agenda/coppisch-2025/"), "the new sentence on its page")
    rendered, pages = rebuilt(server)[-1]
    assert rendered < pages / 2, "most pages are taken over from the build before"

    title = "CoPpisch 2025 onder een nieuwe titel"
    (project / EVENT).write_text(with_title(with_sentence(original, sentence), title), encoding="utf-8")
    for path in ("agenda/coppisch-2025/", "agenda/", "innovatietafels/tafel-2b/", "innovatietafels/tafel-3/"):
        server.wait_for(lambda path=path: title in text_of(server, path, "//main"), f"the new title on /{path}")

    (project / POST).unlink()
    server.wait_for(lambda: server.request("/coppig/nieuws/lectoraat-gestart/", "127.0.0.1")[0] == 404, "no page")
    server.wait_for(lambda: followed(server), "calendars, feeds and search index")
    feed = feedparser.parse(served(server, "/agenda/feed.xml"))
    assert title in [entry.title for entry in feed.entries]
    assert server.request("/pagefind/pagefind-entry.json", "127.0.0.1")[0] == 200

    fresh = preview()
    fresh.wait_for(fresh.shows_site, "a fresh preview")
    sitemap = served(fresh, "/sitemap.xml")
    assert served(server, "/sitemap.xml") == sitemap
    locations = lxml.etree.fromstring(sitemap).xpath("//*[local-name()='loc']/text()")
    paths = [urlsplit(location).path for location in locations]
    assert len(paths) > 30
    for path in paths:
        assert served(server, path) == served(fresh, path), path


def record(source: Source, context: dict[str, object]) -> Rendered:
    return Rendered(source, {"title": "x"}, context)


@pytest.fixture
def memory(tmp_path: Path) -> Memory:
    """A preview's memory after one complete build of two pages, a.md and b.md, and one copied file."""
    said: list[str] = []
    kept = Memory(said.append)
    site = tmp_path / "site"
    site.mkdir()
    kept.begin(site)
    sources = {name: Source(f"# {name}", f"{name}/", f"{name}/index.html", "") for name in ("a", "b")}
    assert kept.keep("shared", {f"{name}.md": record(source, {"n": 1}) for name, source in sources.items()}) == {}
    for name in ("a", "b"):
        (site / name).mkdir()
        (site / name / "index.html").write_text(f"<p>{name}</p>", encoding="utf-8")
        kept.rendered(f"{name}.md", f"<p>{name}</p>")
    (tmp_path / "logo.png").write_bytes(b"logo")
    assert kept.keep_files({"logo.png": tmp_path / "logo.png"}) == {}
    (site / "logo.png").write_bytes(b"logo")
    kept.done(site, dict, 2)
    kept.begin(site)
    return kept


def test_a_page_is_kept_when_its_source_context_and_shared_inputs_are_what_they_were(memory: Memory, tmp_path: Path):
    a, b = (Source(f"# {name}", f"{name}/", f"{name}/index.html", "") for name in ("a", "b"))
    found = memory.keep("shared", {"a.md": record(a, {"n": 1}), "b.md": record(b, {"n": 2})})
    assert list(found) == ["a.md"]
    output, before = found["a.md"]
    assert output.read_text(encoding="utf-8") == "<p>a</p>" and before.body == "<p>a</p>"
    assert not (tmp_path / "site" / "a").exists(), "the site folder starts empty, as MkDocs expects"


def test_no_page_is_kept_when_what_every_page_shares_changed(memory: Memory):
    a = Source("# a", "a/", "a/index.html", "")
    assert memory.keep("another navigation", {"a.md": record(a, {"n": 1})}) == {}


def test_no_page_is_kept_when_its_markdown_changed_or_after_a_failed_build(memory: Memory):
    a = Source("# a, edited", "a/", "a/index.html", "")
    assert memory.keep("shared", {"a.md": record(a, {"n": 1})}) == {}
    memory.forget()
    assert memory.keep("shared", {"a.md": record(Source("# a", "a/", "a/index.html", ""), {"n": 1})}) == {}


def test_a_copied_file_is_kept_while_its_source_is_unchanged(memory: Memory, tmp_path: Path):
    (found,) = memory.keep_files({"logo.png": tmp_path / "logo.png"}).values()
    assert found.read_bytes() == b"logo" and found.parent != tmp_path / "site"
    (tmp_path / "logo.png").write_bytes(b"a new logo")
    assert memory.keep_files({"logo.png": tmp_path / "logo.png"}) == {}


def test_no_dataclass_of_the_package_leaves_a_field_out_of_the_comparison_the_preview_relies_on():
    checked = 0
    for module in pkgutil.walk_packages(coplimburg.__path__, "coplimburg."):
        for _, kind in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if kind.__module__ != module.name:
                continue
            if dataclasses.is_dataclass(kind):
                checked += 1
                assert kind.__dataclass_params__.eq, kind  # type: ignore[attr-defined]
                assert all(field.compare for field in dataclasses.fields(kind)), kind
            else:
                assert "__eq__" not in vars(kind), f"{kind} compares in its own way"
    assert checked > 20
