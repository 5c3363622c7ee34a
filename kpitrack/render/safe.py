"""Keeping user text literal in every format, and harmless on a terminal.

`terminal` is the one place user text is made safe for a screen: escape sequences (a
window title, a cleared screen, colours), control characters, the characters that
reorder text (bidirectional overrides and isolates) and text no encoder can write (a lone
surrogate from undecodable bytes) are removed. Every table cell, message and error that
reaches a terminal passes through it; files get user text as it was written, each in
its format's own escaping.
"""

from __future__ import annotations

import html
import re

from ..i18n.vocabulary import ROBOT_LOOKALIKES

# ANSI CSI/OSC sequences, and any other escape.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
# C0 and C1 control characters but the line break; DEL.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Characters that reorder text on screen: the bidirectional marks, embeddings, overrides
# and isolates; and the two noncharacters no XML document (Word, a workbook) may hold.
_INVISIBLE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# Inside a table cell only inline markup matters; `#`, `+` or `>` there are plain text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# A plain signed number (-0.6, +9.5, -12%): a spreadsheet reads it as a number, not a
# formula, so it needs no guard; `-1+1` or `-A1` is a formula and gets one.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)%?")


def terminal(text: str) -> str:
    """Safe to print: no escape sequence, control or reordering character; lines kept."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates become ?
    text = _ANSI.sub("", text).replace("\r\n", "\n").replace("\t", " ")
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def plain(text: str) -> str:
    """One line of terminal-safe text: `terminal`, with line breaks folded to spaces."""
    return terminal(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))


def markdown(text: str) -> str:
    """Literal in a Markdown table cell: `|` and markup escaped, HTML neutralised."""
    text = html.escape(plain(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


_ROBOT_MARKUP = str.maketrans(ROBOT_LOOKALIKES)


def robot(text: str) -> str:
    """User text literal in a group robot's Markdown message: one line, no markup."""
    return plain(text).translate(_ROBOT_MARKUP)


def csv_cell(text: str) -> str:
    """Spreadsheets must not run user text as a formula: text that would be one (it
    begins with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`; a
    plain signed number stays as it is."""
    text = plain(text)
    if text.startswith(_CSV_FORMULA) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
