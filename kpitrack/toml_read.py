"""Reading TOML text: quickly with rtoml where it reads TOML 1.0 alike, else with tomli.

kpitrack's files are TOML 1.0, which every tool reads the same way. rtoml (Rust's
`toml` crate) parses them about 3× faster than tomli (the README's Speed section has
the figures), but it reads TOML 1.1, which also allows inline tables over several
lines or with a trailing comma, the escapes `\\e` and `\\xHH`, and times without
seconds. So rtoml reads only a text that holds none of those, and only its success
is taken: a text it refuses, and any text that might hold 1.1 syntax, is read by
tomli, which decides and whose messages name the line and column. Either way the
result is what tomli alone would give (`tests/test_toml_read.py` checks this on
generated documents).
"""

from __future__ import annotations

import re

import rtoml
import tomli

TOMLDecodeError = tomli.TOMLDecodeError

# Anything that may be TOML 1.1 syntax: an inline table, a \e or \x escape, or a
# time without seconds (hh:mm not followed by :ss, and not an offset such as +08:00);
# also a byte-order mark, which rtoml skips at the start, and multi-line strings, where
# rtoml keeps a CRLF that tomli reads as LF. Any of these inside a string or a comment
# only costs the slower parser.
_MAYBE_11_TEXT = ("\ufeff", "'''", '"""', "{")
_ESCAPE_11 = re.compile(r"\\[ex]")
_TIME_11 = re.compile(r":(?<=(?<![\d:+\-])\d\d:)\d\d(?!:)")


def maybe_toml_11(text: str) -> bool:
    """Whether `text` might hold syntax that only TOML 1.1 allows (or rtoml reads
    otherwise); False means rtoml reads it exactly as tomli does."""
    return any(part in text for part in _MAYBE_11_TEXT) or \
        _ESCAPE_11.search(text) is not None or _TIME_11.search(text) is not None


def loads(text: str) -> dict:
    """Parse TOML 1.0 text; raises `TOMLDecodeError` (tomli's) for anything invalid."""
    if not maybe_toml_11(text):
        try:
            return rtoml.loads(text)
        except Exception:  # whatever rtoml refuses, tomli decides and words
            pass
        except BaseException as exc:  # a panic in Rust arrives as pyo3's PanicException
            if type(exc).__name__ != "PanicException":
                raise
    return tomli.loads(text)
