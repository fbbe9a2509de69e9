"""mkdocs-macros adapter (its `define_env`): exposes the editor macros of coplimburg.pages.macros; each returns a
placeholder that the build replaces by the macro's HTML after sanitising the page (coplimburg.pages.bodies)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coplimburg.build import Build
from coplimburg.pages.macros import MACROS


def define_env(env: Any) -> None:
    for name in MACROS:
        env.macro(_bound(env, name), name)


def _bound(env: Any, name: str) -> Callable[..., str]:
    def macro(*arguments: Any) -> str:
        build: Build = env.conf.extra["cop_build"]
        return build.macro(env.page, name, *arguments)

    macro.__name__ = name
    return macro
