"""A build's long-lived objects, kept out of the way of Python's cyclic garbage collector while it runs.

A build holds everything it loads until it ends: the content, the page views, MkDocs' pages and their
rendered HTML. Python's collector still walks all of it at every full collection, and full collections
come more often as more objects are made, so the cost grows with the site: about 5 % of a build at 1,000
and at 10,000 items (`make bench`). `settle()` moves every object that exists now out of the collector's
sight (gc.freeze); objects that reference counting frees are freed as before.

Only `mkdocs build` settles, a process that ends with its one build. The preview (`mkdocs serve`) builds
again and again in one process: what it settled would never be collected.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Leave every object that exists now out of all later collections of this process."""
    gc.freeze()
