"""Decap CMS as /admin/ serves it: the self-contained bundle from node_modules/decap-cms/dist, which `make build`
installs from package-lock.json (npm checks every package against the lockfile's hash).

node_modules is the one beside this package's checkout, where `make build` installed it, as the Python packages
the build runs on are those of the checkout's .venv.
"""

from __future__ import annotations

from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
# The bundle defines CMS, h and createClass (React) itself; its chunks (CodeMirror modes, the WebP encoder) load
# from its own folder when a widget needs them; the licence text names every bundled package.
BUNDLE = "decap-cms.js"
LICENSE = "decap-cms.js.LICENSE.txt"


class BundleMissing(Exception):
    """node_modules lacks Decap CMS; the message says what to run (Dutch)."""


def bundle_files(node_modules: Path = NODE_MODULES) -> dict[str, Path]:
    """Every file of the bundle by its name in /admin/decap/: the bundle, its numbered chunks, the two WebAssembly
    files and the licence text; not the source maps, nor the older `cms.js` build beside it. Raises BundleMissing
    when a file is missing, so that no build publishes half an editor."""
    dist = node_modules / "decap-cms" / "dist"
    chunks = sorted(dist.glob(f"[0-9]*.{BUNDLE}")) if dist.is_dir() else []
    wasm = sorted(dist.glob("*.wasm")) if dist.is_dir() else []
    files = [dist / BUNDLE, dist / LICENSE, *chunks, *wasm]
    if not chunks or not wasm or not all(file.is_file() for file in files):
        raise BundleMissing(
            f"de redactie (/admin/) heeft Decap CMS nodig uit {node_modules.as_posix()}/decap-cms, en dat ontbreekt "
            "of is onvolledig: draai `make build`, dat het installeert uit package-lock.json (met npm)"
        )
    return {file.name: file for file in files}
