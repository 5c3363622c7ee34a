"""What the commands share: settings from the global options, the exit-1 error, shell
completion, and the option decorators several commands stack."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import click

from . import app, store
from .model import Status


@dataclass
class Settings:
    workspace: str | None
    lang: str | None
    color: bool | None

    def load(self, strict: bool = True) -> store.Workspace:
        """Find and read the workspace; see `app.open_workspace`."""
        return app.open_workspace(self.workspace, strict)

    def language(self, source=None) -> str:
        """--lang, else plan.lang; `source` is a workspace or a plan."""
        plan = getattr(source, "plan", source)
        return self.lang or (plan.lang if plan else "zh")

    def error_language(self) -> str:
        """--lang, else the workspace's plan.lang, else Chinese."""
        return self.lang or store.peek_lang(self.workspace)

    def console(self, stderr: bool = False):
        from .render.console import make_console

        return make_console(stderr=stderr, color=self.color)

    def note(self, text: str) -> None:
        """A message on stderr: one line in a pipe, wrapped to the width of a terminal."""
        from .render.table import print_lines

        print_lines(self.console(stderr=True), [text])


class KpiFailure(click.ClickException):
    """Exit 1 with one line on stderr, prefixed in the reader's language."""

    def __init__(self, message: str, lang: str) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:
        prefix = "错误：" if self.lang == "zh" else "Error: "
        click.echo(prefix + self.format_message(), err=True, file=file)


# ---------------------------------------------------------------- shell completion
# Completion runs inside the user's shell on every Tab: it must be quick and must
# never print an error there, so any problem simply offers nothing.


def _completion_workspace(ctx: click.Context) -> store.Workspace | None:
    try:
        ws = store.load_workspace(store.find_workspace(ctx.find_root().params.get("workspace")))
    except Exception:
        return None
    return ws if ws.plan is not None else None


def _matching(values: dict[str, str], incomplete: str) -> list:
    """Values starting with what was typed, then those containing it (ids match names too)."""
    from click.shell_completion import CompletionItem

    typed = incomplete.casefold()
    first = [v for v in values if v.casefold().startswith(typed)]
    more = [v for v, help_text in values.items() if v not in first
            and (typed in v.casefold() or typed in help_text.casefold())]
    return [CompletionItem(v, help=values[v] or None) for v in first + more]


def complete_target(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    ws = _completion_workspace(ctx)
    return _matching({t.id: t.name for t in ws.targets}, incomplete) if ws else []


def complete_section(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    ws = _completion_workspace(ctx)
    return _matching({t.section: "" for t in ws.targets if t.section}, incomplete) if ws else []


def complete_owner(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    ws = _completion_workspace(ctx)
    return _matching({t.owner: "" for t in ws.targets if t.owner}, incomplete) if ws else []


def statuses(text: str | None) -> set[Status] | None:
    if not text:
        return None
    chosen = set()
    for part in text.replace("，", ",").split(","):
        part = part.strip().lower()
        if part not in {s.value for s in Status}:
            raise click.BadParameter(f"{part!r} is not one of blue, green, yellow, red, none",
                                     param_hint="--only")
        chosen.add(Status(part))
    return chosen


def selection_options(func):
    """--as-of, --section and --owner, shared by status and export."""
    func = click.option("--owner", shell_complete=complete_owner,
                        help="Only targets of this owner (a part of its name will do).")(func)
    func = click.option("--section", shell_complete=complete_section,
                        help="Only targets of this section (a part of its name will do).")(func)
    return as_of_option("Judge as of this month: YYYY-MM, a date, or today (default: the "
                        "latest month holding any figure).")(func)


def as_of_option(help_text: str):
    return click.option("--as-of", "as_of", metavar="M", help=help_text)


def format_option(choices: tuple[str, ...], default: str | None = "table",
                  help_text: str = "Output format."):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=default is not None, help=help_text)


def output_option(func):
    """-o/--output, for the commands that write a report file."""
    return click.option("-o", "--output", type=click.Path(path_type=Path),
                        help="Write to this file instead of stdout (replaced whole, "
                             "atomically).")(func)


def figure_options(func):
    """--period, --by, --correct and --strict, shared by add and import."""
    func = click.option("--strict", is_flag=True,
                        help="Refuse a figure that looks wrong (a fraction for a percentage, "
                             "a slip of magnitude, a growth beyond ±100%, a year-to-date "
                             "figure that falls) instead of recording it with a warning: "
                             "exit 1, nothing written.")(func)
    func = click.option("--correct", is_flag=True,
                        help="Replace the recorded figure for the period; the old record "
                             "stays as history.")(func)
    func = click.option("--by", default="", help="Who reports the figure(s), e.g. 统计局.")(func)
    return click.option("--period", metavar="YYYY-MM",
                        help="The month the figures run to: 2025-03, 2025/3, 2025年3月 or "
                             "2025Q1 (add: default last month; import: for rows whose period "
                             "cell is empty).")(func)


def wide_option(func):
    """--wide, for every command that draws a table."""
    return click.option("--wide", is_flag=True,
                        help="Every column, however wide the terminal (scroll, or pipe to "
                             "`less -S`). Without it a table fits the terminal: the least "
                             "needed columns go first and long names end in …")(func)


def today() -> dt.date:
    return dt.date.today()


def now() -> dt.datetime:
    """When a record is made: local time with its offset, to the second."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def out(text: str) -> None:
    """Data to stdout, ending with exactly one newline."""
    click.echo(text, nl=not text.endswith("\n"))


def output_format(fmt: str | None, output: Path | None, suffixes: dict[str, str]) -> str:
    """--format wins; else the -o file's extension; else Markdown."""
    if fmt or output is None:
        return fmt or "md"
    found = suffixes.get(output.suffix.lower())
    if found is None:
        names = ", ".join(sorted(suffixes))
        raise click.UsageError(f"cannot tell the format from {output.name!r}; use a file "
                               f"ending {names}, or give --format")
    return found


def write_output(settings: Settings, output: Path | None, data: bytes, fmt: str) -> bool:
    """A report to its -o file (atomically, never over the workspace's own files), or to
    stdout; True when a file was written. A Word or Excel file is not sent to a terminal."""
    import sys

    from .render.formats import BINARY_FORMATS

    if output is not None:
        app.export(settings.workspace, output, data)
        return True
    if fmt in BINARY_FORMATS:
        if sys.stdout.isatty():
            raise click.UsageError(f"a .{fmt} file is not text: give -o report.{fmt}, or "
                                   "redirect stdout to a file")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    else:
        out(data.decode("utf-8"))
    return False
