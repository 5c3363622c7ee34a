"""Checking a file's TOML data field by field: a `Collector` gathers the problems of one
file, and each checker words a problem and points at the key it is about (`positions`).
`targets_file`, `figures_file` and `answers_file` read their files with these."""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import Enum
from typing import Any, NoReturn, TypeVar

from ..core.errors import KpiError, Problem
from ..core.typed import check_number
from ..i18n.base import Message
from ..i18n.messages import Msg
from .positions import Lines
from .toml import TomlSyntaxError, decode, loads

SCHEMA = 1
# The line git writes where a merge left a conflict: <<<<<<< ours, =======, >>>>>>> theirs.
CONFLICT_MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)", re.MULTILINE)
E = TypeVar("E", bound=Enum)


class Collector:
    """Gathers problems for one file; `fail` raises `Skip` to skip the item being read."""

    class Skip(Exception):
        pass

    def __init__(self, problems: list[Problem], file: str, lines: Lines | None) -> None:
        self.problems = problems
        self.file = file
        self.lines = lines

    def line(self, *path: object) -> int | None:
        return self.lines.of(*path) if self.lines else None

    def error(self, msg: Message, *path: object, target: str | None = None) -> None:
        self.error_at(msg, self.line(*path), target)

    def warn(self, msg: Message, *path: object, target: str | None = None) -> None:
        self.warn_at(msg, self.line(*path), target)

    def error_at(self, msg: Message, line: int | None, target: str | None = None) -> None:
        self.problems.append(Problem("error", self.file, line, target, msg))

    def warn_at(self, msg: Message, line: int | None, target: str | None = None) -> None:
        self.problems.append(Problem("warning", self.file, line, target, msg))

    def fail(self, msg: Message, *path: object, target: str | None = None) -> NoReturn:
        self.error(msg, *path, target=target)
        raise self.Skip


def parse_toml_bytes(data: bytes, shown: str, problems: list[Problem]
                     ) -> tuple[dict[str, Any], Lines] | None:
    """A file's TOML, accepting a UTF-8 BOM and CRLF; a problem names its line."""
    try:
        text = decode(data)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(Problem("error", shown, line, None, Msg.NOT_UTF8(byte=data[exc.start])))
        return None
    marker = CONFLICT_MARKER.search(text) if "<<<<<<<" in text or ">>>>>>>" in text else None
    if marker is not None:
        line = text.count("\n", 0, marker.start()) + 1
        problems.append(Problem("error", shown, line, None, Msg.CONFLICT_MARKERS()))
        return None
    try:
        parsed = loads(text)
    except TomlSyntaxError as exc:
        problems.append(Problem("error", shown, exc.line, None, Msg.INVALID_TOML(detail=exc.msg)))
        return None
    return parsed, Lines(text)


def check_schema(data: dict[str, Any], c: Collector) -> None:
    schema = data.get("schema")
    if schema is None:
        c.fail(Msg.MISSING_SCHEMA(n=SCHEMA))
    if isinstance(schema, bool) or not isinstance(schema, int):
        c.fail(Msg.SCHEMA_NOT_INT(n=SCHEMA), "schema")
    if schema > SCHEMA:
        c.fail(Msg.SCHEMA_NEWER(schema=schema, n=SCHEMA), "schema")
    if schema < 1:
        c.fail(Msg.SCHEMA_OLDER(schema=schema, n=SCHEMA), "schema")


def table_field(c: Collector, value: object, msg: Message, *path: object,
                target: str | None = None) -> dict[str, Any]:
    """A TOML table, or `msg` at `path`."""
    if not isinstance(value, dict):
        c.fail(msg, *path, target=target)
    return value


def number_field(c: Collector, value: object, name: str | Message, *path: object,
                 target: str | None = None) -> float:
    try:
        return check_number(value, name)
    except KpiError as exc:
        c.fail(exc.msg, *path, target=target)


def text_field(c: Collector, value: object, name: str, *path: object,
               target: str | None = None) -> str:
    if not isinstance(value, str):
        c.fail(Msg.NOT_TEXT(name=name), *path, target=target)
    return value


def date_field(c: Collector, value: object, name: str, *path: object,
               target: str | None = None) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        c.fail(Msg.NOT_DATE(name=name), *path, target=target)
    return value


def bool_field(c: Collector, value: object, name: str, *path: object,
               target: str | None = None) -> bool:
    if not isinstance(value, bool):
        c.fail(Msg.NOT_BOOL(name=name), *path, target=target)
    return value


def days_field(c: Collector, value: object, name: str, *path: object,
               target: str | None = None, most: int | None = None) -> int:
    """A whole number of days, 0 or more (and at most `most`)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or \
            (most is not None and value > most):
        c.fail(Msg.BAD_DAYS(key=name), *path, target=target)
    return value


@functools.cache
def _members(enum: type[Enum]) -> dict[object, Enum]:
    return {m.value: m for m in enum}


def enum_field(c: Collector, enum: type[E], value: object, name: str, *path: object,
               target: str | None = None) -> E:
    member = _members(enum).get(value) if isinstance(value, str) else None
    if member is None:
        choices = ", ".join(str(m.value) for m in enum)
        c.fail(Msg.NOT_CHOICE(name=name, choices=choices, value=value), *path, target=target)
    return member  # type: ignore[return-value]  # _members(enum) holds only members of enum


def unknown_keys(c: Collector, data: dict[str, Any], known: set[str] | list[str],
                 msg_for: Any, *path: object, target: str | None = None) -> None:
    """An error for each key of `data` not in `known`, at its line."""
    for key in sorted(set(data) - set(known)):
        c.error(msg_for(key), *path, key, target=target)
