"""The preview answers only requests addressed to this computer by name: `127.0.0.1`, `localhost` or `[::1]`.

A web page elsewhere can point a host name of its own at 127.0.0.1 (DNS rebinding) and then read the preview,
which shows scheduled items too; its requests carry that host name in `Host`, so they are refused here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

_LOCAL = re.compile(r"(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?", re.IGNORECASE)
REFUSAL = (
    "Dit voorbeeld van de site antwoordt alleen op adressen van deze computer: "
    "open het via http://127.0.0.1 of http://localhost.\n"
)


def addressed_locally(host: str) -> bool:
    """Whether a `Host` header names this computer (with or without a port)."""
    return _LOCAL.fullmatch(host) is not None


def local_only(app: WSGIApplication) -> WSGIApplication:
    """`app`, answering 403 with a short Dutch text to every request whose `Host` is not local."""

    def answer(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if addressed_locally(environ.get("HTTP_HOST", "")):
            return app(environ, start_response)
        body = REFUSAL.encode("utf-8")
        start_response(
            "403 Forbidden", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
        )
        return [body]

    return answer
