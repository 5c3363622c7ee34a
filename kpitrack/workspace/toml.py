"""Reading TOML: a file's bytes into data, or one problem that says where and how to fix it.

kpitrack's files are TOML 1.0, which every TOML tool reads the same way. One reader parses
them: rtoml (Rust's `toml` crate), because the standard library's `tomllib` takes 4.8 s
to read the 100,000 figures of the benchmark's largest workspace, against 0.69 s for rtoml
(docs/speed.md), which would miss the goal for that workspace's `status` by itself.
rtoml also accepts three conveniences of TOML 1.1 that TOML 1.0 tools refuse (an inline
table over several lines or with a trailing comma, the escapes `\\e` and `\\xHH`, a time
without seconds); `toml11_syntax` finds them exactly, so a file kpitrack accepts reads the
same everywhere. Its depth of nesting is bounded, so a hostile file is an error, not a
crash. The text is read with a UTF-8 BOM dropped and CRLF line ends read as LF, as every
TOML 1.0 tool reads them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import rtoml

from ..i18n.base import Message
from ..i18n.messages import Msg
from ..i18n.vocabulary import CURLY_QUOTES, FULL_WIDTH

_POSITION = re.compile(r"\s*at line (\d+) column (\d+)\s*$")
# An unquoted value that is digits but no number: a leading zero (02300000000) or dashes
# (023-1234, 138-0000-0000), as a phone number is written; a date (2025-12-31) is a value.
_DIGITS_AS_TEXT = re.compile(
    r"(?P<key>[^=]+?)\s*=\s*(?P<value>\+?(?:0\d(?:[\d\- ]*\d)?|\d+(?:[\- ]+\d+)+))\s*")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# A cheap first look: text that cannot hold TOML 1.1 syntax needs no lexing. An inline
# table or a \\e or \\x escape is found by a plain search; a time without seconds is
# "hh:mm" after the T or space of a date-time, or after `=`, `[` or `,` (an offset such as
# +08:00, and the mm:ss of a full time, never match). The pattern starts at the colon and
# looks back, so the search skips from colon to colon: 35 ms for 100,000 figures, against
# 166 ms for the same pattern written from its first character.
_MAYBE_11_TIME = re.compile(r":\d\d(?![:\d])(?<=[Tt =\[,]\d\d:\d\d)")
# The tokens that matter to TOML 1.1 syntax, strings and comments first so that nothing
# inside them is taken for syntax.
_TOKENS = re.compile(r'''
    (?P<mlb>"""(?:[^\\]|\\.)*?"""(?!")|"""(?:[^\\]|\\.)*?""""{1,2})
  | (?P<mll>\'\'\'[\s\S]*?\'\'\'(?!\')|\'\'\'[\s\S]*?\'\'\'\'{1,2})
  | (?P<basic>"(?:[^"\\\n]|\\.)*")
  | (?P<literal>'[^'\n]*')
  | (?P<comment>\#[^\n]*)
  | (?P<open>[{\[]) | (?P<close>[}\]]) | (?P<newline>\n)
  | (?P<time>(?<![\d:+\-])\d\d:\d\d(?![:\d]))
''', re.VERBOSE)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
MULTILINE_STRING = re.compile(r'"""(?:[^\\]|\\.)*?"""(?!")|\'\'\'[\s\S]*?\'\'\'(?!\')')


class TomlSyntaxError(Exception):
    """A text that is not TOML 1.0: where, and the message that says how to fix it."""

    def __init__(self, line: int, column: int | None, msg: Message) -> None:
        super().__init__(msg.text())
        self.line, self.column, self.msg = line, column, msg


def decode(data: bytes) -> str:
    """A file's text: UTF-8 with or without a BOM (raises UnicodeDecodeError)."""
    return data.decode("utf-8-sig")


def loads(text: str) -> dict[str, Any]:
    """Parse TOML 1.0 text, or raise `TomlSyntaxError` naming the line and the fix."""
    plain = text.replace("\r\n", "\n")
    try:
        data: dict[str, Any] = rtoml.loads(plain)
    except rtoml.TomlParsingError as exc:
        raise _syntax_error(plain, str(exc)) from None
    except BaseException as exc:  # a panic in Rust arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        raise TomlSyntaxError(1, None, Msg.TOML_UNREADABLE()) from None
    found = toml11_syntax(plain)
    if found is not None:
        raise found
    return data


def toml11_syntax(text: str) -> TomlSyntaxError | None:
    """The first piece of TOML 1.1-only syntax outside strings and comments, or None."""
    if "{" not in text and "\\e" not in text and "\\x" not in text and \
            _MAYBE_11_TIME.search(text) is None:
        return None
    stack: list[str] = []
    for match in _TOKENS.finditer(text):
        found = _toml11_token(text, match, stack)
        if found is not None:
            return found
    return None


def _toml11_token(text: str, match: re.Match[str], stack: list[str]) -> TomlSyntaxError | None:
    """Whether one token is TOML 1.1 syntax; `stack` holds the open brackets."""
    kind, token, where = match.lastgroup, match.group(), match.start()
    if kind in ("mlb", "basic"):
        for escape in _ESCAPE.finditer(token):
            if escape.group(1) in "ex":
                return _at(text, where + escape.start(),
                           Msg.TOML_11_ESCAPE(escape="\\" + escape.group(1)))
    elif kind == "open":
        stack.append(token)
    elif kind == "close":
        if token == "}" and _before(text, where) == ",":
            return _at(text, where, Msg.TOML_11_TRAILING_COMMA())
        if stack:
            stack.pop()
    elif kind == "newline" and stack and stack[-1] == "{":
        return _at(text, where, Msg.TOML_11_INLINE_LINES())
    elif kind == "time":
        return _at(text, where, Msg.TOML_11_TIME(time=token))
    return None


def _before(text: str, offset: int) -> str:
    """The last character before `offset` that is not a space or a tab."""
    while offset > 0 and text[offset - 1] in " \t":
        offset -= 1
    return text[offset - 1] if offset else ""


def _at(text: str, offset: int, msg: Message) -> TomlSyntaxError:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return TomlSyntaxError(line, column, Msg.TOML_11(detail=msg))


def _syntax_error(text: str, reason: str) -> TomlSyntaxError:
    """rtoml's complaint, turned into a line, a column and a message for office staff."""
    match = _POSITION.search(reason)
    line = int(match.group(1)) if match else text.count("\n") + 1
    column = int(match.group(2)) if match else None
    detail = reason[:match.start()].strip() if match else reason.strip()
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return TomlSyntaxError(line, column, _hint(source, detail, column))


def _hint(source: str, reason: str, column: int | None) -> Message:
    """What is wrong with the line `source`, and what to write instead."""
    outside = _outside_strings(source)
    if any(mark in source for mark in CURLY_QUOTES):
        return Msg.TOML_CURLY_QUOTES()
    for char in outside:
        if char in FULL_WIDTH:
            return Msg.TOML_FULL_WIDTH(char=char, ascii=FULL_WIDTH[char])
        ascii_form = unicodedata.normalize("NFKC", char)
        if unicodedata.east_asian_width(char) == "F" and ascii_form != char:
            return Msg.TOML_FULL_WIDTH(char=char, ascii=ascii_form)
    if _unclosed(source):
        return Msg.TOML_UNCLOSED_STRING()
    if "duplicate key" in reason or "duplicate table" in reason:
        key = source.split("=", 1)[0].strip().strip("[]").strip()
        return Msg.TOML_DUPLICATE_KEY(key=key)
    if "expected `=`" in reason or "key with no value" in reason:
        return Msg.TOML_MISSING_EQUALS(key=source.strip())
    digits = _DIGITS_AS_TEXT.fullmatch(outside)
    if digits and not _DATE.fullmatch(digits["value"]):
        return Msg.TOML_DIGITS_AS_TEXT(key=digits["key"].strip(), value=digits["value"])
    if "string values must be quoted" in reason:
        return Msg.TOML_UNQUOTED_TEXT()
    return Msg.TOML_GENERIC(english_reason=reason, column=column or 1)


def _outside_strings(line: str) -> str:
    """The characters of a line outside its quoted strings and its comment."""
    out, quote = [], ""
    escaped = False
    for char in line:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            break
        else:
            out.append(char)
    return "".join(out)


def _unclosed(line: str) -> bool:
    """Whether a string opened on this line is still open at its end."""
    quote, escaped = "", False
    for char in line:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return False
    return bool(quote)
