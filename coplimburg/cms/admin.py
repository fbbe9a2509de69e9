"""Every file of /admin/: the page with its Content-Security-Policy, the generated config.yml, our script with the
preview templates (and its stylesheet), and the Decap CMS bundle copied from node_modules.

The page loads nothing from elsewhere: the bundle is served from /admin/decap/, the preview uses the site's own
stylesheets, and the only other address it may talk to is the git host's API (and decap-server on 127.0.0.1 for
`make cms`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from coplimburg.cms.bundle import BUNDLE, NODE_MODULES, bundle_files
from coplimburg.cms.config import cms_config, local_api, render
from coplimburg.content.collections import COLLECTIONS, FILE_COLLECTIONS, Reference
from coplimburg.content.site import Site
from coplimburg.settings import Cms, GitHost, Settings
from coplimburg.words import EVENT_STATUS, EVENT_STATUS_NOTE

FOLDER = "admin"
SCRIPT = "cop-cms.js"
STYLESHEET = "cop-cms.css"
_HERE = Path(__file__).parent
# The site's own stylesheets, which the preview pane loads: Material's (hashed names) and ours (extra_css).
_THEME_STYLES = re.compile(r"^assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css$")
# What each git host's editor talks to, unless the settings name a server of its own.
_DEFAULT_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com/api/v4"}


@dataclass(frozen=True)
class AdminFiles:
    """The files of /admin/ by their path in the site: written from text, or copied from a file."""

    generated: dict[str, str]
    copied: dict[str, Path]


def admin_files(
    site: Site,
    settings: Settings,
    site_name: str,
    docs_dir: str,
    site_files: Iterable[str],
    extra_css: Iterable[str],
    favicon: str,
    node_modules: Path | None = None,
) -> AdminFiles:
    """/admin/ for this site. `site_files` are the paths of the site's files (the theme's hashed stylesheets among
    them), `docs_dir` the docs folder relative to the repository, `favicon` the site's icon. Raises BundleMissing
    without Decap CMS (from `node_modules`, by default the checkout's)."""
    bundle = bundle_files(node_modules or NODE_MODULES)
    copied = {f"{FOLDER}/decap/{name}": file for name, file in bundle.items()}
    copied.update({f"{FOLDER}/{name}": _HERE / name for name in (SCRIPT, STYLESHEET)})
    styles = [f"../{path}" for path in sorted(site_files) if _THEME_STYLES.match(path)]
    styles += [f"../{path}" for path in extra_css] + [STYLESHEET]
    config = cms_config(site.vocabularies, settings.cms, settings.content_dir, docs_dir)
    return AdminFiles(
        generated={
            f"{FOLDER}/index.html": page(
                site_name, f"../{favicon}", settings.cms, preview_data(site, settings.cms, styles)
            ),
            f"{FOLDER}/config.yml": render(config),
        },
        copied=copied,
    )


def content_security_policy(settings: Cms) -> str:
    """Scripts and styles of the site itself (Decap needs eval for its config schema and inline styles for its
    look); connections to the site, decap-server on 127.0.0.1 and the git host's API; nothing else."""
    local = urlsplit(local_api(settings))
    connect = ["'self'", "blob:", f"{local.scheme}://{local.netloc}", *host_origins(settings.host)]
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            f"connect-src {' '.join(connect)}",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


def host_origins(host: GitHost | None) -> list[str]:
    """The origins of the git host's API and, for a login in the browser (PKCE), of its token address."""
    if host is None:
        return []
    addresses = [host.api_root or _DEFAULT_API.get(host.name, "")]
    if host.name != "github":  # GitHub logs in through the proxy's window, GitLab and Forgejo by fetching a token
        addresses.append(host.base_url or addresses[0])
    origins = [f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, addresses) if parts.netloc]
    return list(dict.fromkeys(origins))


def preview_data(site: Site, settings: Cms, styles: list[str]) -> dict[str, Any]:
    """What our script needs: whether a git host is set, the stylesheets, and the Dutch names the preview shows
    instead of ids, per collection field."""
    vocabularies = site.vocabularies.model_dump()
    names: dict[str, dict[str, str]] = {
        key: {item_id: item.page_title for item_id, item in site.items.get(key, {}).items()} for key in COLLECTIONS
    }
    for key, entries in vocabularies.items():
        names[key] = {one: label["name"] if isinstance(label, dict) else label for one, label in entries.items()}
    names["status"] = EVENT_STATUS
    return {
        "hosted": settings.host is not None,
        "styles": styles,
        "names": names,
        "notes": EVENT_STATUS_NOTE,
        "references": {key: _targets(one.references) for key, one in FILE_COLLECTIONS.items()},
    }


def _targets(references: dict[str, Reference]) -> dict[str, str]:
    return {name: reference.target for name, reference in references.items()}


def page(site_name: str, icon: str, settings: Cms, data: dict[str, Any]) -> str:
    """/admin/index.html: our script first (it holds Decap back until the preview is registered), then the bundle."""
    title = html.escape(f"Redactie · {site_name}")
    policy = html.escape(content_security_policy(settings), quote=False).replace('"', "&quot;")
    # JSON in a script element: "<" escaped, so no text in it can end the element.
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{title}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<link rel="stylesheet" href="{STYLESHEET}">
<link rel="icon" href="{html.escape(icon)}">
<script type="application/json" id="cop-cms-data">{payload}</script>
</head>
<body>
<noscript><p>De redactie werkt alleen met JavaScript aan.</p></noscript>
<main id="cop-cms-alleen-lokaal" class="cop-cms-uitleg" hidden>
<h1>{title}</h1>
<p>De redactie in de browser is voor deze site nog niet gekoppeld aan een git-server. Je kunt de inhoud nu alleen
op je eigen computer bewerken: start daar <code>make cms</code> en open <code>http://127.0.0.1:8000/admin/</code>.</p>
<p>De beheerder koppelt de redactie aan de git-server met <code>extra.cop.cms.host</code> in <code>mkdocs.yml</code>;
de handleiding voor de redactie (<code>docs-redactie/in-de-browser.md</code>) beschrijft hoe.</p>
</main>
<script src="{SCRIPT}"></script>
<script src="decap/{BUNDLE}"></script>
</body>
</html>
"""
