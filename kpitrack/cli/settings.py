"""What every command shares: the settings of the global options, the exit-1 error, the
clock, and writing data to stdout or a report to its file."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console

from ..app.workspace import export, open_found
from ..core.errors import KpiError
from ..core.model import Plan
from ..i18n.messages import Msg
from ..i18n.words import Word
from ..render import safe
from ..render.formats import BINARY_FORMATS
from ..render.terminal.console import make_console
from ..render.terminal.table import print_lines
from ..workspace.load import Workspace
from . import language


@dataclass
class Settings:
    workspace: str | None
    lang: str | None
    color: bool | None

    def load(self, strict: bool = True, answers: bool = True) -> Workspace:
        """Find and read the workspace; see `app.workspace.open_found`."""
        return open_found(self.workspace, strict, answers)

    def language(self, source: Workspace | Plan | str | None = None) -> str:
        """--lang, else $KPITRACK_LANG, else plan.lang (of a workspace, a plan, or as
        given), else Chinese."""
        picked = language.chosen(self.lang)
        if picked:
            return picked
        if isinstance(source, Workspace):
            return source.plan.lang
        if isinstance(source, Plan):
            return source.lang
        return source or "zh"

    def error_language(self) -> str:
        """--lang, else $KPITRACK_LANG, else the workspace's plan.lang, else Chinese."""
        return language.for_errors(self.lang, self.workspace)

    def console(self, stderr: bool = False) -> Console:
        return make_console(stderr=stderr, color=self.color)

    def note(self, text: str) -> None:
        """A message on stderr: one line in a pipe, wrapped to the width of a terminal."""
        print_lines(self.console(stderr=True), [text])


class KpiFailure(click.ClickException):
    """Exit 1 with one line on stderr, prefixed in the reader's language."""

    def __init__(self, message: str, lang: str) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(Word.ERROR_PREFIX.text(self.lang) + safe.plain(self.format_message()),
                   err=True, file=file)


def today() -> dt.date:
    """Today, or the date in `KPITRACK_TODAY` (YYYY-MM-DD): to see a reminder or a
    default period as it would be on another day, and for tests."""
    given = os.environ.get("KPITRACK_TODAY", "").strip()
    if given:
        try:
            return dt.date.fromisoformat(given)
        except ValueError:
            raise KpiError(Msg.BAD_TODAY(value=given)) from None
    return dt.date.today()


def now() -> dt.datetime:
    """When a record is made: local time with its offset, to the second."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def out(text: str) -> None:
    """Data to stdout, ending with exactly one newline; on a terminal, with nothing that
    would act on it (user text in a file or a pipe is written as it is)."""
    if sys.stdout.isatty():
        text = safe.terminal(text)
    click.echo(text, nl=not text.endswith("\n"))


def output_format(fmt: str | None, output: Path | None, suffixes: dict[str, str],
                  lang: str) -> str:
    """--format wins; else the -o file's extension; else Markdown."""
    if fmt or output is None:
        return fmt or "md"
    found = suffixes.get(output.suffix.lower())
    if found is None:
        names = ", ".join(sorted(suffixes))
        raise click.UsageError(Msg.UNKNOWN_SUFFIX.text(lang, name=output.name, names=names))
    return found


def write_output(settings: Settings, output: Path | None, data: bytes, fmt: str,
                 lang: str) -> bool:
    """A report to its -o file (atomically, never over the workspace's own files), or to
    stdout; True when a file was written. A Word or Excel file is not sent to a terminal."""
    if output is not None:
        export(settings.workspace, output, data)
        return True
    if fmt in BINARY_FORMATS:
        if sys.stdout.isatty():
            raise click.UsageError(Msg.BINARY_TO_TERMINAL.text(lang, fmt=fmt))
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    else:
        out(data.decode("utf-8"))
    return False
