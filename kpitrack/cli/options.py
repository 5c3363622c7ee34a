"""The options several commands share, as decorators to stack on a command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.model import Status
from ..i18n.base import MessageId
from ..i18n.choices import COLOUR_SHOWN, COLOUR_WORDS, FORMAT_WORDS
from ..i18n.help import Help
from .completion import complete_owner, complete_section
from .help import ListOf, Words, option

F = TypeVar("F", bound=Callable[..., Any])
COLOURS = tuple(s.value for s in Status)


def colour_type() -> Words:
    """One colour, typed in either language (see `i18n.choices`)."""
    return Words(COLOURS, COLOUR_WORDS, COLOUR_SHOWN)


def colours_type() -> ListOf:
    """Colours separated by commas, in either language."""
    return ListOf(COLOURS, COLOUR_WORDS, COLOUR_SHOWN)


def statuses(chosen: tuple[str, ...] | None) -> set[Status] | None:
    """--only as converted by `colours_type`."""
    return {Status(value) for value in chosen} if chosen else None


def robot_options(func: F) -> F:
    """--webhook [URL], --robot and --secret: post the command's message to a group robot
    (see `send.robots`). The URL and the secret are never echoed."""
    func = option("--secret", metavar="SEC…", help=Help.ROBOT_SECRET)(func)
    func = option("--robot", "robot_kind", type=click.Choice(("wecom", "dingtalk")),
                  help=Help.ROBOT)(func)
    return option("--webhook", metavar="URL", is_flag=False, flag_value="", default=None,
                  help=Help.WEBHOOK)(func)


def selection_options(func: F) -> F:
    """--as-of, --section and --owner, shared by status and export."""
    func = option("--owner", shell_complete=complete_owner, help=Help.OPT_OWNER)(func)
    func = option("--section", shell_complete=complete_section, help=Help.OPT_SECTION)(func)
    return as_of_option(Help.OPT_AS_OF)(func)


def as_of_option(help_id: MessageId) -> Callable[[F], F]:
    return option("--as-of", "as_of", metavar="M", help=help_id)


def format_option(choices: tuple[str, ...], default: str | None = "table",
                  help_id: MessageId | None = None) -> Callable[[F], F]:
    """--format: one of `choices`, typed in either language (see `i18n.choices`)."""
    return option(
        "--format", "fmt", type=Words(choices, FORMAT_WORDS), default=default,
        show_default=default is not None, help=help_id or Help.OPT_FORMAT,
        help_params={"choices": ", ".join(choices)})


def _dash_is_stdout(ctx: click.Context, param: click.Parameter,
                    value: Path | None) -> Path | None:
    """`-o -` writes to standard output, as leaving -o out does (not a file named -)."""
    return None if value is not None and str(value) == "-" else value


def output_option(func: F) -> F:
    """-o/--output, for the commands that write a report file (`-o -`: standard output)."""
    return option("-o", "--output", type=click.Path(path_type=Path),
                  callback=_dash_is_stdout, help=Help.OPT_OUTPUT)(func)


def figure_options(func: F) -> F:
    """--period, --by, --correct and --strict, shared by add and import."""
    func = option("--strict", is_flag=True, help=Help.OPT_STRICT)(func)
    func = option("--correct", is_flag=True, help=Help.OPT_CORRECT)(func)
    func = option("--by", default="", help=Help.OPT_BY)(func)
    return option("--period", metavar="YYYY-MM", help=Help.OPT_PERIOD)(func)


def wide_option(func: F) -> F:
    """--wide, for every command that draws a table."""
    return option("--wide", is_flag=True, help=Help.OPT_WIDE)(func)
