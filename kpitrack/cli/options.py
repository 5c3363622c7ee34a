"""The options several commands share, as decorators to stack on a command, and the
parsing of the colours a user types."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.model import Status
from ..i18n.messages import Msg
from .completion import complete_owner, complete_section

F = TypeVar("F", bound=Callable[..., Any])


def statuses(text: str | None, lang: str) -> set[Status] | None:
    """--only as typed: `red,yellow` (a full-width comma too)."""
    if not text:
        return None
    chosen = set()
    for part in text.replace("，", ",").split(","):
        part = part.strip().lower()
        if part not in {s.value for s in Status}:
            raise click.BadParameter(Msg.NOT_A_COLOUR.text(lang, part=part),
                                     param_hint="--only")
        chosen.add(Status(part))
    return chosen


def selection_options(func: F) -> F:
    """--as-of, --section and --owner, shared by status and export."""
    func = click.option("--owner", shell_complete=complete_owner,
                        help="Only targets of this owner (a part of its name will do).")(func)
    func = click.option("--section", shell_complete=complete_section,
                        help="Only targets of this section (a part of its name will do).")(func)
    return as_of_option("Judge as of this month: YYYY-MM, a date, or today (default: the "
                        "latest month holding any figure).")(func)


def as_of_option(help_text: str) -> Callable[[F], F]:
    return click.option("--as-of", "as_of", metavar="M", help=help_text)


def format_option(choices: tuple[str, ...], default: str | None = "table",
                  help_text: str = "Output format.") -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=default is not None, help=help_text)


def output_option(func: F) -> F:
    """-o/--output, for the commands that write a report file."""
    return click.option("-o", "--output", type=click.Path(path_type=Path),
                        help="Write to this file instead of stdout (replaced whole, "
                             "atomically).")(func)


def figure_options(func: F) -> F:
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


def wide_option(func: F) -> F:
    """--wide, for every command that draws a table."""
    return click.option("--wide", is_flag=True,
                        help="Every column, however wide the terminal (scroll, or pipe to "
                             "`less -S`). Without it a table fits the terminal: the least "
                             "needed columns go first and long names end in …")(func)
