"""Keeping user text literal in every format."""

from __future__ import annotations

import html
import re

# ANSI CSI/OSC sequences and the remaining C0/C1 control characters.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Inside a table cell only inline markup matters; `#`, `+` or `>` there are plain text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def plain(text: str) -> str:
    """Terminal-safe: escape sequences and control characters removed, newlines folded."""
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("", text)


def markdown(text: str) -> str:
    """Literal in a Markdown table cell: `|` and markup escaped, HTML neutralised."""
    text = html.escape(plain(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def csv_cell(text: str) -> str:
    """Spreadsheets must not run user text as a formula."""
    text = plain(text)
    return "'" + text if text.startswith(_CSV_FORMULA) else text
