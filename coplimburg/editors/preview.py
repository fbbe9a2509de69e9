"""The preview under `mkdocs serve`: while content is broken, the site shows the problem list instead of stopping.

MkDocs ends `serve` when the first build fails; a site that lists the problems keeps the server (and its
file watching) alive, and the next save that fixes the content brings the real site back. The list is written
at every page path the last good build had: MkDocs injects its live-reload script only into pages it serves,
not into its 404 answer, so a tab left on a deep URL must find a page there to reload itself after the fix.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from coplimburg.problems import ContentError, counted

HEADING = "De inhoud bevat fouten"
RULE = "=" * 72


def problem_lines(error: Exception) -> list[str]:
    """One line per problem: every problem of a ContentError, else the error's own (Dutch) text."""
    if isinstance(error, ContentError):
        return [str(problem) for problem in error.problems]
    return [str(error)]


def terminal_report(error: Exception) -> str:
    """The problem list as the terminal shows it, framed so it stands out between MkDocs' log lines."""
    lines = problem_lines(error)
    count = counted(len(lines))
    body = "\n".join(f"  {line}" for line in lines)
    return (
        f"{RULE}\n{HEADING} ({count}); het voorbeeld toont nu de lijst hieronder.\n{body}\n"
        f"Verbeter de bestanden en sla ze op: het voorbeeld ververst vanzelf.\n{RULE}"
    )


def problem_page(error: Exception) -> str:
    """The Markdown of the one page the preview shows while content is broken."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in problem_lines(error))
    return (
        f"# {HEADING}\n\n"
        "De site kan zo niet gebouwd worden. Verbeter de bestanden hieronder en sla ze op; "
        "deze pagina ververst vanzelf en toont daarna weer de site. Uitleg bij elke melding staat in "
        "`docs-redactie/fouten.md`.\n\n"
        f'<ul class="cop-problems">\n{items}\n</ul>\n'
    )


# MkDocs answers an unknown URL with 404.html as it is, without its live-reload script. This one asks for the
# same URL every second and reloads once it exists; while content is broken it shows the problem list of the
# site's root page instead of "not found", so a tab on a page the last good build did not have recovers too.
_RECOVERY = """<script>
(function () {
  var root = %(root)s, broken = %(broken)s;
  function showProblems() {
    fetch(root, {cache: "no-store"}).then(function (answer) { return answer.text(); }).then(function (text) {
      var list = new DOMParser().parseFromString(text, "text/html").querySelector("article");
      var here = document.querySelector("article");
      if (list && here && here.innerHTML !== list.innerHTML) { here.innerHTML = list.innerHTML; }
    }).catch(function () {});
  }
  if (broken) { showProblems(); }
  setInterval(function () {
    fetch(location.href, {cache: "no-store"}).then(function (answer) {
      if (answer.ok) { location.reload(); } else if (broken) { showProblems(); }
    }).catch(function () {});
  }, 1000);
})();
</script>"""


def recover_from_not_found(site_dir: Path, site_url: str, broken: bool) -> None:
    """Give the preview's 404.html the script above (before `</body>`)."""
    file = site_dir / "404.html"
    if not file.is_file():
        return
    page = file.read_text(encoding="utf-8")
    script = _RECOVERY % {"root": json.dumps(urlsplit(site_url).path or "/"), "broken": json.dumps(broken)}
    end = page.rfind("</body>")
    file.write_text(page + script if end < 0 else page[:end] + script + page[end:], encoding="utf-8")


def write_problem_docs(folder: Path, error: Exception, sources: Iterable[str] = ()) -> Path:
    """A docs folder holding the problem page as `index.md` and at every page source of the last good build
    (`agenda/x.md`), for MkDocs to build instead of the site."""
    folder.mkdir(parents=True, exist_ok=True)
    text = problem_page(error)
    wanted = {"index.md", *(source for source in sources if _inside(source))}
    for existing in [path for path in folder.rglob("*.md")]:
        if existing.relative_to(folder).as_posix() not in wanted:
            existing.unlink()
    for source in sorted(wanted):
        page = folder / source
        # Serve watches this folder: rewriting an unchanged page would trigger the next rebuild, forever.
        if not page.is_file() or page.read_text(encoding="utf-8") != text:
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")
    return folder


def _inside(source: str) -> bool:
    parts = PurePosixPath(source).parts
    return source.endswith(".md") and bool(parts) and ".." not in parts and not source.startswith("/")
