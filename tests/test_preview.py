"""`make serve` keeps previewing while content is broken: the problems show in the terminal and as the page,
and saving the fix brings the site back without a restart. It answers only requests addressed to this computer."""

from __future__ import annotations

import re
import time
from pathlib import Path

import lxml.html
from serving import DEADLINE, PROBLEMS

from coplimburg.editors.local_only import REFUSAL
from coplimburg.editors.preview import HEADING

EVENT = Path("content/events/coppisch-2025.md")
BROKEN_LINE = "content/events/coppisch-2025.md:5: start: verwacht een datum zoals 2024-06-13 of 2024-06-13 13:00"


def _break(project: Path) -> str:
    original = (project / EVENT).read_text(encoding="utf-8")
    (project / EVENT).write_text(original.replace("start: 2025-06-12 13:00", "start: 780"), encoding="utf-8")
    return original


def test_a_preview_started_on_broken_content_lists_the_problems_and_shows_the_site_once_fixed(project, preview):
    original = _break(project)
    server = preview()
    server.wait_for(server.shows_problems, "problem page")
    assert [line for line in server.problems_on_page() if line.startswith(BROKEN_LINE)]
    assert [line for line in server.output if line.strip().startswith(BROKEN_LINE)]
    assert any(line.startswith(HEADING) for line in server.output)

    (project / EVENT).write_text(original, encoding="utf-8")
    server.wait_for(server.shows_site, "site after the fix")


def test_content_broken_while_previewing_shows_the_problems_until_the_file_is_fixed(project, preview):
    server = preview()
    server.wait_for(server.shows_site, "site")
    original = _break(project)
    server.wait_for(server.shows_problems, "problem page")
    assert [line for line in server.output if line.strip().startswith(BROKEN_LINE)]

    (project / EVENT).write_text(original, encoding="utf-8")
    server.wait_for(server.shows_site, "site after the fix")
    assert server.process.poll() is None


def test_while_content_is_broken_every_page_of_the_last_good_build_shows_the_problem_list(project, preview):
    server = preview()
    server.wait_for(server.shows_site, "site")
    original = _break(project)
    server.wait_for(server.shows_problems, "problem page")
    for path in ("agenda/coppisch-2025/", "coppyright/", "over/"):
        page = server.page(path)
        assert page is not None, path
        assert [
            item.text_content() for item in page.xpath(PROBLEMS + "/li") if item.text_content().startswith(BROKEN_LINE)
        ]
    (project / EVENT).write_text(original, encoding="utf-8")
    server.wait_for(server.shows_site, "site after the fix")


def test_the_preview_answers_only_requests_addressed_to_127_0_0_1_or_localhost(project, preview):
    server = preview()
    server.wait_for(server.shows_site, "site")
    port = server.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}", "127.0.0.1"):
        status, body = server.request("/over/", host)
        assert status == 200, host
        assert lxml.html.fromstring(body).xpath("//h1"), host
    # A page elsewhere that pointed its own name at 127.0.0.1 (DNS rebinding) reads nothing, live reload included.
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", "localhost@evil.example"):
        for path in ("/", "/over/", "/livereload/0/0"):
            status, body = server.request(path, host)
            assert (status, body.decode("utf-8")) == (403, REFUSAL), (host, path)


def test_live_reload_tells_a_page_on_localhost_that_the_site_was_rebuilt(project, preview):
    server = preview()
    server.wait_for(server.shows_site, "site")
    host = f"localhost:{server.port}"
    _status, body = server.request("/over/", host)
    scripts = " ".join(lxml.html.fromstring(body).xpath("//script/text()"))
    (epoch, request_id) = re.findall(r"livereload\(([0-9]+), ([0-9]+)\)", scripts)[0]

    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    end = time.monotonic() + DEADLINE
    while True:  # MkDocs answers a waiting poll after at most a minute, rebuilt or not: ask again until the deadline
        status, answer = server.request(f"/livereload/{epoch}/{request_id}", host, timeout=DEADLINE)
        assert status == 200
        if int(answer) > int(epoch):
            break
        assert time.monotonic() < end, "no reload within the deadline:\n" + "\n".join(server.output)
    _status, body = server.request("/over/", host)
    assert "Een nieuwe alinea." in lxml.html.fromstring(body).xpath("string(//article)")
