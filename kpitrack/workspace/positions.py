"""Where tables, keys and records sit in a TOML text, so a problem can name its line.

The parser gives data without positions, and kpitrack's messages name file:line, so
this module finds the lines: the record headers (`[[actual]]`) in one pass of a compiled
pattern, and an index of every key and table only when a problem asks for a line the
headers do not give. A header or a key inside a multi-line string is text, not TOML: a
text holding `\"\"\"` or `'''` has those strings located first (`toml.MULTILINE_STRING`,
the lexer's own pattern) and nothing inside them is read as a header or a key.
"""

from __future__ import annotations

import bisect
import re

from .toml import MULTILINE_STRING

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")
# A table header on a line of its own, as _HEADER reads `[targets.inv]`.
_TABLE_HEADER = re.compile(r"^[ \t]*\[[ \t]*([^\[\]#\n]+?)[ \t]*\][ \t]*(?:#[^\n]*)?\r?$",
                           re.MULTILINE)
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.|=)""")


def record_header(name: str) -> re.Pattern[str]:
    """`[[name]]` on a line of its own, as _HEADER reads it."""
    return re.compile(rf"^[ \t]*\[\[[ \t]*{name}[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$",
                      re.MULTILINE)


_RECORD_HEADERS = {name: record_header(name) for name in ("actual", "response")}
ANY_RECORD_HEADER = record_header("(?:actual|response)")


def _unquote(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


class Lines:
    """Where tables and keys sit in a TOML text.

    A table is keyed by its dotted path; the n-th `[[actual]]` is ("actual", n).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._strings: list[tuple[int, int]] | None = None
        self._records: dict[str, list[int]] = {}
        self._headers: dict[tuple[str, ...], int] | None = None
        self._indexed = False
        self.tables: dict[tuple[object, ...], int] = {}
        self.keys: dict[tuple[object, ...], int] = {}

    def _in_string(self, offset: int) -> bool:
        """Whether `offset` lies inside a multi-line string."""
        if self._strings is None:
            self._strings = [] if '"""' not in self.text and "'''" not in self.text else \
                [m.span() for m in MULTILINE_STRING.finditer(self.text)]
        if not self._strings:
            return False
        index = bisect.bisect_right(self._strings, (offset, len(self.text) + 1)) - 1
        return index >= 0 and self._strings[index][0] < offset < self._strings[index][1]

    def _lines_of(self, pattern: re.Pattern[str]) -> list[tuple[int, re.Match[str]]]:
        """Each match of `pattern` outside multi-line strings, with its line number."""
        found, text, last, line = [], self.text, 0, 1
        for match in pattern.finditer(text):
            line += text.count("\n", last, match.start())
            last = match.start()
            if not self._in_string(match.start()):
                found.append((line, match))
        return found

    def record_starts(self) -> list[int]:
        """Where each `[[actual]]` or `[[response]]` header begins, outside strings."""
        return [m.start() for _, m in self._lines_of(ANY_RECORD_HEADER)]

    def record_lines(self, name: str = "actual", count: int | None = None) -> list[int]:
        """The line of each `[[name]]` header, in order (one pass of a compiled pattern:
        a file of 5,000 records is mostly headers).

        With `count`, the file's number of records: a file without multi-line strings
        whose lines `[[name]]` exactly (as kpitrack writes them) are `count` in number
        has them as its headers, and no other, as every header outside a string is a
        record; those lines are found by comparing lines, in a third of the time."""
        if name not in self._records:
            text = self.text
            multiline = '"""' in text or "'''" in text
            if count is not None and not multiline:
                header = f"[[{name}]]"
                quick = [number for number, line in enumerate(text.split("\n"), start=1)
                         if line == header]
                if len(quick) == count:
                    self._records[name] = quick
                    return quick
            found, last, line = [], 0, 1
            in_string = self._in_string if multiline else None
            for match in _RECORD_HEADERS[name].finditer(text):
                start = match.start()
                line += text.count("\n", last, start)
                last = start
                if in_string is None or not in_string(start):
                    found.append(line)
            self._records[name] = found
        return self._records[name]

    def record_line(self, name: str, index: int, count: int) -> int | None:
        """The line of the `index`-th of `count` records: from its header when the file
        writes every record as a `[[name]]` block, else from the full index."""
        lines = self.record_lines(name, count)
        if len(lines) == count and index < count:
            return lines[index]
        return self.of(name, index)

    def table_line(self, *path: str) -> int | None:
        """The line of the header `[a.b]` of the table at `path`, found in one quick pass;
        a table defined any other way is looked up as `of` does."""
        if self._headers is None:
            self._headers = {}
            for line, match in self._lines_of(_TABLE_HEADER):
                key = tuple(_unquote(p) for p in match.group(1).split("."))
                self._headers.setdefault(key, line)
        return self._headers.get(path) or self.of(*path)

    def _index(self) -> None:
        self._indexed = True
        current: tuple[object, ...] = ()
        counts: dict[str, int] = {}
        offset = 0
        for number, line in enumerate(self.text.splitlines(keepends=True), start=1):
            start, offset = offset, offset + len(line)
            if self._in_string(start):
                continue
            header = _HEADER.match(line.rstrip("\r\n"))
            if header:
                path: tuple[object, ...] = tuple(_unquote(p) for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    index = counts.get(".".join(map(str, path)), 0)
                    counts[".".join(map(str, path))] = index + 1
                    path = (*path, index)
                current = path
                self.tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                self.keys.setdefault((*current, _unquote(key.group(1))), number)

    def of(self, *path: object) -> int | None:
        """The line of a key, else of its table, else of the nearest enclosing table."""
        if not self._indexed:
            self._index()
        while path:
            line = self.keys.get(path) or self.tables.get(path)
            if line:
                return line
            path = path[:-1]
        return None
