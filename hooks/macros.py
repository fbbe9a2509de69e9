"""mkdocs-macros adapter (its `define_env`): exposes the editor macros of coplimburg.pages.macros."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coplimburg.pages.macros import MACROS, render


def define_env(env: Any) -> None:
    for name in MACROS:
        env.macro(_bound(env, name), name)


def _bound(env: Any, name: str) -> Callable[..., str]:
    def macro(*arguments: Any) -> str:
        return render(env.conf.extra["cop_build"].views, env.page, name, *arguments)

    macro.__name__ = name
    return macro
