"""`cop check` names every construct of a text that the sanitiser would remove (coplimburg.content.rawhtml), in Dutch
with file and line and what to write instead; HTML in code is text and never reported; a hostile text stops the
build; and the check and the sanitiser read one allow-list, so they agree on every construct."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hostile import HOSTILE_BODY
from sitebuild import build_site, render_markdown

from coplimburg.content.loader import load
from coplimburg.content.rawhtml import body_problems
from coplimburg.pages.bodies import clean_body
from coplimburg.problems import ContentError

EVENT = "content/events/coppisch-2025.md"


def problems_of(project: Path, body: str, file: str = EVENT) -> list[str]:
    """Every problem, as `cop check` prints it, after the body of `file` (an item or a docs/ page) is `body`."""
    page = project / file
    front = page.read_text(encoding="utf-8").split("---\n")[1]
    page.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(project / "content")
    return [str(problem) for problem in caught.value.problems]


def what(problems: list[str]) -> list[str]:
    """Each problem up to its first '; ': file, line and what was found, without the hint."""
    return [problem.split("; ")[0] for problem in problems]


def test_every_refused_construct_of_a_text_is_named_in_dutch_with_its_file_and_line(project):
    # The event's front matter ends on line 14, so the body's first line is 15.
    assert what(problems_of(project, HOSTILE_BODY)) == [
        f"{EVENT}:15: link 'data:text/html;base64,PHNjcmlwdD4=' begint met data:, en alleen http://, https://, "
        "mailto: en tel: mogen",
        f"{EVENT}:15: link 'javascript:window.__pwned='md'' begint met javascript:, en alleen http://, https://, "
        "mailto: en tel: mogen",
        f"{EVENT}:17: HTML-tag <script> is niet toegestaan in de tekst",
        f"{EVENT}:19: HTML-attribuut onerror is niet toegestaan in de tekst (op <img>)",
        f"{EVENT}:19: afbeelding 'https://evil.example/pixel.png' komt van een andere website, en de site laadt "
        "niets van elders",
        f"{EVENT}:21: afbeelding 'https://evil.example/volg.png' komt van een andere website, en de site laadt "
        "niets van elders",
        f"{EVENT}:23: link 'data:text/html,x' begint met data:, en alleen http://, https://, mailto: en tel: mogen",
        f"{EVENT}:23: link 'javascript:window.__pwned='a'' begint met javascript:, en alleen http://, https://, "
        "mailto: en tel: mogen",
        f"{EVENT}:23: link 'vbscript:msgbox(1)' begint met vbscript:, en alleen http://, https://, mailto: en tel: "
        "mogen",
        f"{EVENT}:24: link 'https://leijgraaf.nl@evil.example/' bevat een gebruikersnaam vóór @ ('leijgraaf.nl@'): "
        "een browser gaat dan naar evil.example",
        f"{EVENT}:24: link 'https://www.leijgraaf.nl\\@evil.example/' bevat een backslash (\\)",
        f"{EVENT}:26: HTML-tag <meta> is niet toegestaan in de tekst",
        f"{EVENT}:27: HTML-tag <base> is niet toegestaan in de tekst",
        f"{EVENT}:28: HTML-tag <link> is niet toegestaan in de tekst",
        f"{EVENT}:30: HTML-tag <iframe> is niet toegestaan in de tekst",
        f"{EVENT}:31: HTML-tag <object> is niet toegestaan in de tekst",
        f"{EVENT}:32: HTML-tag <embed> is niet toegestaan in de tekst",
        f"{EVENT}:34: HTML-tag <button> is niet toegestaan in de tekst",
        f"{EVENT}:34: HTML-tag <form> is niet toegestaan in de tekst",
        f"{EVENT}:34: HTML-tag <input> is niet toegestaan in de tekst",
        f"{EVENT}:36: HTML-attribuut style is niet toegestaan in de tekst (op <p>)",
        f"{EVENT}:37: HTML-attribuut name is niet toegestaan in de tekst (op <div>)",
        f"{EVENT}:37: id '__config' begint met __, en zulke namen gebruikt de site zelf",
        f"{EVENT}:38: HTML-attribuut ontoggle is niet toegestaan in de tekst (op <details>)",
        f"{EVENT}:40: HTML-tag <svg> is niet toegestaan in de tekst",
        f"{EVENT}:41: HTML-tag <math> is niet toegestaan in de tekst",
        f"{EVENT}:44: HTML-attribuut onclick is niet toegestaan in de tekst (op <p>)",
        f"{EVENT}:44: HTML-attribuut style is niet toegestaan in de tekst (op <p>)",
        f"{EVENT}:46: HTML-attribuut onmouseover is niet toegestaan in de tekst (op <h2>)",
        f"{EVENT}:46: id '__search' begint met __, en zulke namen gebruikt de site zelf",
    ]


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        (
            "<script>alert(1)</script>",
            "HTML-tag <script> is niet toegestaan in de tekst; scripts draaien niet op de site; laat het weg",
        ),
        (
            '<img src="images/a.png" alt="a" onerror="alert(1)">',
            "HTML-attribuut onerror is niet toegestaan in de tekst (op <img>); scripts draaien niet op de site; "
            "laat het weg",
        ),
        (
            '<p style="color: red">t</p>',
            "HTML-attribuut style is niet toegestaan in de tekst (op <p>); de opmaak komt van de site zelf; laat het "
            "weg (een tabelkolom lijn je uit met :--- of ---: in de kopregel)",
        ),
        (
            '<a href="https://example.org/" target="_blank">t</a>',
            "HTML-attribuut target is niet toegestaan in de tekst (op <a>); laat het weg; hier mogen: class, dir, "
            "href, hreflang, id, lang, title",
        ),
        (
            "<iframe src='https://www.youtube.com/embed/x'></iframe>",
            "HTML-tag <iframe> is niet toegestaan in de tekst; een andere pagina of speler kan niet in de tekst; zet "
            "er een link naar, zoals [titel](https://…)",
        ),
        (
            "<form action='https://evil.example/'>Wachtwoord:</form>",
            "HTML-tag <form> is niet toegestaan in de tekst; een formulier kan niet in de tekst; link naar het "
            "formulier, zoals [Aanmelden](https://…)",
        ),
        (
            "<blink>t</blink>",
            "HTML-tag <blink> is niet toegestaan in de tekst; schrijf het in Markdown of gebruik een toegestane tag "
            "(docs-redactie/formaat.md, 'HTML in de tekst')",
        ),
        (
            "![Logo](https://www.example.org/logo.png)",
            "afbeelding 'https://www.example.org/logo.png' komt van een andere website, en de site laadt niets van "
            "elders; zet het bestand in images/ naast het item, noem het in image of files en toon het met "
            "![tekst](images/x.jpg)",
        ),
        (
            "![grafiek](data:image/png;base64,AAAA)",
            "afbeelding 'data:image/png;base64,AAAA' begint met data:, en een afbeelding in de tekst is een bestand "
            "van de site; zet het bestand in images/ naast het item, noem het in image of files en toon het met "
            "![tekst](images/x.jpg)",
        ),
        (
            "[Aanmelden](javascript:void(0))",
            "link 'javascript:void(0' begint met javascript:, en alleen http://, https://, mailto: en tel: mogen; "
            "link naar een pagina zoals [tekst](https://…) of naar de site zelf zoals [tekst](/agenda/)",
        ),
        (
            "<ftp://bestanden.example.org/a.pdf>",
            "link 'ftp://bestanden.example.org/a.pdf' begint met ftp:, en alleen http://, https://, mailto: en tel: "
            "mogen; link naar een pagina zoals [tekst](https://…) of naar de site zelf zoals [tekst](/agenda/)",
        ),
        (
            "[Leijgraaf](https://www.leijgraaf.nl\\@evil.example/)",
            "link 'https://www.leijgraaf.nl\\@evil.example/' bevat een backslash (\\); schrijf gewone schuine "
            "strepen (/)",
        ),
        (
            "Alinea\n{: onclick='alert(1)' }",
            "HTML-attribuut onclick is niet toegestaan in de tekst (op <p>); scripts draaien niet op de site; laat "
            "het weg",
        ),
        (
            "## Kop {: #__config }",
            "id '__config' begint met __, en zulke namen gebruikt de site zelf; kies een andere id",
        ),
        (
            "## __config",
            "de kop '__config' krijgt het anker #__config, en ankers die met __ beginnen gebruikt de site zelf; "
            "begin de kop met een letter of cijfer",
        ),
    ],
    ids=lambda value: str(value)[:30],
)
def test_each_problem_says_what_was_found_and_what_to_write_instead(written, problem):
    # The text starts on line 8; what is written starts on line 10 and is reported on its last line.
    line = 10 + written.count("\n")
    assert [str(found) for found in body_problems("content/news/x.md", f"Tekst.\n\n{written}\n", 8)] == [
        f"content/news/x.md:{line}: {problem}"
    ]


CODE = """Inline `<script>alert(1)</script>` en ``een `<img src=x onerror=alert(1)>` met backticks``.
Over twee regels `<iframe
src=x>` heen.

```html
<script>alert(1)</script>
[link](javascript:alert(1))
```

~~~~
<form><input type="password"></form>
~~~~

    <iframe src="https://evil.example/"></iframe>
    ![pixel](https://evil.example/p.png)

- Een lijst

        <object data=x></object>
"""


def test_html_in_code_is_text_and_is_not_reported():
    assert body_problems("content/news/x.md", CODE) == []


def test_the_same_html_outside_code_is_reported():
    outside = CODE.replace("`", "").replace("~", "").replace("    <", "<")
    assert len(body_problems("content/news/x.md", outside)) == 10


def test_a_link_a_browser_reads_otherwise_is_reported_once_and_not_also_as_missing(project):
    assert problems_of(project, "Zie [tafel 3](/innovatietafels\\tafel-3/).\n") == [
        f"{EVENT}:15: link '/innovatietafels\\tafel-3/' bevat een backslash (\\); schrijf gewone schuine strepen (/)"
    ]


def test_a_fence_that_is_never_closed_is_no_code_block():
    assert what([str(problem) for problem in body_problems("x.md", "```\n<script>alert(1)</script>\n")]) == [
        "x.md:2: HTML-tag <script> is niet toegestaan in de tekst"
    ]


def test_every_problem_of_every_text_is_reported_in_one_run(project):
    page = project / "docs/over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    found = problems_of(project, "<iframe src='https://evil.example/'></iframe>\n")
    lines = page.read_text(encoding="utf-8").count("\n")
    assert what(found) == [
        f"{EVENT}:15: HTML-tag <iframe> is niet toegestaan in de tekst",
        f"docs/over.md:{lines}: HTML-tag <script> is niet toegestaan in de tekst",
    ]


def test_a_docs_pages_macros_are_no_attribute_lists_but_its_own_html_is_checked(project):
    body = "{{ next_events(3) }}\n{# een opmerking #}\n\n<span onclick='alert(1)'>x</span>\n"
    assert what(problems_of(project, body, "docs/index.md")) == [
        "docs/index.md:8: HTML-attribuut onclick is niet toegestaan in de tekst (op <span>)"
    ]


def test_a_hostile_text_stops_the_build_with_the_dutch_list_and_publishes_nothing(project, tmp_path):
    page = project / EVENT
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>window.__pwned=1</script>\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").count("\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"{EVENT}:{line}: HTML-tag <script> is niet toegestaan in de tekst; scripts draaien" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


# One allow-list: what the check reports is exactly what the sanitiser removes.
AGREEMENT = [
    "Tekst met *nadruk*, `<code>` en een [link](https://example.org/).",
    "| Links | Rechts |\n|:--|--:|\n| a | b |",
    "!!! note\n    Let op.",
    "<details markdown>\n<summary>Meer</summary>\nInhoud.\n</details>",
    "*[CoP]: Community of Practice\n\nDe CoP.",
    "Term\n:   Definitie",
    "## Kop {: #eigen .klasse }",
    "![Logo](../assets/images/cop-logo.png){ width=120 }",
    '<p lang="en" title="t"><abbr title="x">x</abbr> <kbd>Ctrl</kbd></p>',
    "[mail](mailto:a@b.nl) [bel](tel:+3143123) [anker](#kop) [pagina](/agenda/)",
    "<script>alert(1)</script>",
    '<img src="images/a.png" alt="a" onerror="alert(1)">',
    '<p style="color: red">t</p>',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="https://a.nl@evil.example/">a</a>',
    '<meta http-equiv="refresh" content="0">',
    '<base href="https://evil.example/">',
    "<iframe src='https://evil.example/'></iframe>",
    "<form><input type='password'></form>",
    '<div id="__config">x</div>',
    "![pixel](https://evil.example/p.png)",
    "[x](vbscript:msgbox(1))",
    "Alinea\n{: onclick='alert(1)' }",
    "# Kop {: #__search }",
    "# __config",
    "*nadruk*{: style='color: red' }",
    "| a {: onclick='alert(1)' } |\n|---|\n| b |",
    "| a {: style='text-align: left;' } |\n|---|\n| b |",
]


def tree(fragment: str) -> str:
    return lxml.html.tostring(lxml.html.fragment_fromstring(fragment, create_parent="div"), encoding="unicode")


@pytest.mark.parametrize("written", AGREEMENT, ids=lambda value: value[:30])
def test_the_check_reports_a_construct_exactly_when_the_sanitiser_removes_something(written):
    rendered = render_markdown(written)
    removed = tree(clean_body(rendered)) != tree(rendered)
    assert bool(body_problems("x.md", written)) == removed
