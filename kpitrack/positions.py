"""Where tables, keys and records sit in a TOML text, so a problem can name its line.

TOML parsers give data without positions; kpitrack's messages name file:line, so
this module finds the lines itself: a quick pass of compiled patterns for record and
table headers (what a clean file needs), and a full index of every key only when a
problem asks for a line the quick pass does not know.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")
# A record header on a line of its own, as _HEADER reads `[[actual]]`.
RECORD_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*actual[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$",
                            re.MULTILINE)
# A table header on a line of its own, as _HEADER reads `[targets.inv]`.
_TABLE_HEADER = re.compile(r"^[ \t]*\[[ \t]*([^\[\]#\n]+?)[ \t]*\][ \t]*(?:#[^\n]*)?\r?$",
                           re.MULTILINE)
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.|=)""")


def _unquote(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


class Lines:
    """Where tables and keys sit in a TOML text, so problems can name a line.

    A table is keyed by its dotted path; the n-th `[[actual]]` is ("actual", n).
    The full index is built only when a line other than a record's is asked for
    (that is, for a problem): on a clean file only the record headers are found,
    in one pass of a compiled pattern.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._records: list[int] | None = None
        self._headers: dict[tuple, int] | None = None
        self._records_trusted = False
        self._indexed = False
        self.tables: dict[tuple, int] = {}
        self.keys: dict[tuple, int] = {}

    def expect_records(self, count: int) -> None:
        """Trust the quick header scan only if it found as many records as the parser."""
        self._find_records()
        assert self._records is not None
        self._records_trusted = len(self._records) == count

    def record_lines(self) -> list[int] | None:
        """The line of each `[[actual]]` in order, if the quick scan can be trusted."""
        return self._records if self._records_trusted else None

    def table_line(self, *path: str) -> int | None:
        """The line of the header `[a.b]` of the table at `path`, found in one quick pass;
        a table defined any other way is looked up as `of` does."""
        if self._headers is None:
            self._headers = {}
            text, last, line = self.text, 0, 1
            for match in _TABLE_HEADER.finditer(text):
                line += text.count("\n", last, match.start())
                last = match.start()
                key = tuple(_unquote(p) for p in match.group(1).split("."))
                self._headers.setdefault(key, line)
        return self._headers.get(path) or self.of(*path)

    def _find_records(self) -> None:
        if self._records is None:
            self._records = []
            text, last, line = self.text, 0, 1
            for match in RECORD_HEADER.finditer(text):
                line += text.count("\n", last, match.start())
                last = match.start()
                self._records.append(line)

    def _index(self) -> None:
        self._indexed = True
        current: tuple = ()
        counts: dict[str, int] = {}
        for number, line in enumerate(self.text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                path = tuple(_unquote(p) for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    index = counts.get(".".join(path), 0)
                    counts[".".join(path)] = index + 1
                    path = (*path, index)
                current = path
                self.tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                self.keys.setdefault((*current, _unquote(key.group(1))), number)

    def of(self, *path: object) -> int | None:
        """The line of a key, else of its table, else of the nearest enclosing table."""
        if self._records_trusted and len(path) == 2 and path[0] == "actual" and \
                isinstance(path[1], int) and self._records and path[1] < len(self._records):
            return self._records[path[1]]
        if not self._indexed:
            self._index()
        while path:
            line = self.keys.get(path) or self.tables.get(path)
            if line:
                return line
            path = path[:-1]
        return None
