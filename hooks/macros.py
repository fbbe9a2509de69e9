"""mkdocs-macros adapter (its `define_env`): exposes the editor macros of coplimburg.pages.macros; each returns a
placeholder that the build replaces by the macro's HTML after sanitising the page (coplimburg.pages.bodies), and
renders pages in Jinja's sandbox (`on_pre_page_macros`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coplimburg.build import Build
from coplimburg.pages.macros import MACROS, sandboxed


def define_env(env: Any) -> None:
    for name in MACROS:
        env.macro(_bound(env, name), name)


def on_pre_page_macros(env: Any) -> None:
    # mkdocs-macros makes its Jinja environment after define_env; before each page, it is swapped for a sandboxed one.
    env._env = sandboxed(env.env)


def _bound(env: Any, name: str) -> Callable[..., str]:
    def macro(*arguments: Any) -> str:
        build: Build = env.conf.extra["cop_build"]
        return build.macro(env.page, name, *arguments)

    macro.__name__ = name
    return macro
