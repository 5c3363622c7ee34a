"""Which language a person reads: chosen (--lang, $KPITRACK_LANG), the workspace's, or
the computer's."""

from __future__ import annotations

import locale
import os

from ..i18n.base import LANGS
from ..workspace.find import peek_lang

ENV_LANG = "KPITRACK_LANG"


def chosen(option: str | None) -> str | None:
    """--lang, else $KPITRACK_LANG, when either names a language kpitrack speaks."""
    if option in LANGS:
        return option
    env = os.environ.get(ENV_LANG, "").strip().lower()
    return env if env in LANGS else None


def of_computer() -> str:
    """zh when the computer's locale is Chinese (LC_ALL, LC_MESSAGES or LANG starting
    with zh; on Windows, its user locale), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    found = (locale.getlocale()[0] or "").lower()
    return "zh" if found.startswith(("zh", "chinese")) else "en"


def for_errors(option: str | None, workspace: str | None) -> str:
    """An error's language: chosen, else the workspace's plan.lang, else Chinese."""
    return chosen(option) or peek_lang(workspace) or "zh"


def for_help(option: str | None, workspace: str | None) -> str:
    """The help's language: chosen, else the workspace's plan.lang, else the computer's."""
    return chosen(option) or peek_lang(workspace) or of_computer()
